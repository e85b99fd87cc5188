package keystore

import "fmt"

// Category names a class of owner data. Each category has its own
// key-encryption key, so a record sealed in one category never opens in
// another.
type Category string

// The data categories (shared contract; values are stable on disk).
const (
	CategoryVoice    Category = "voice"
	CategoryQueries  Category = "queries"
	CategoryResults  Category = "results"
	CategorySettings Category = "settings"
	CategoryBackups  Category = "backups"
)

// Categories lists every category in a fixed order.
func Categories() []Category {
	return []Category{CategoryVoice, CategoryQueries, CategoryResults, CategorySettings, CategoryBackups}
}

// Valid reports whether c is one of the defined categories.
func (c Category) Valid() bool {
	switch c {
	case CategoryVoice, CategoryQueries, CategoryResults, CategorySettings, CategoryBackups:
		return true
	}
	return false
}

func checkCategory(c Category) error {
	if !c.Valid() {
		return fmt.Errorf("%w: %q", ErrCategory, string(c))
	}
	return nil
}
