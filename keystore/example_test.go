package keystore_test

import (
	"context"
	"fmt"
	"math/big"
	"os"
	"strings"

	"github.com/mycroft-network/mycroft/keystore"
)

// The daemon holds one Store: provision it once (the owner writes down the
// words), unlock it at boot, seal and open records, sign typed data.
func ExampleStore() {
	dir, _ := os.MkdirTemp("", "keystore-example")
	defer os.RemoveAll(dir)
	ctx := context.Background()

	ks, err := keystore.New(keystore.Options{Dir: dir, ChainID: big.NewInt(1337), ScryptLogN: keystore.MinScryptLogN})
	if err != nil {
		fmt.Println(err)
		return
	}
	words, err := ks.Init(ctx, []byte("a long owner passphrase"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("backup words:", len(strings.Fields(words.Reveal())))
	fmt.Printf("printed: %v\n", words)

	sealed, _ := ks.Seal(keystore.CategoryQueries, "query-1", []byte("what time is it"))
	ks.Lock()
	if _, err := ks.Open(keystore.CategoryQueries, "query-1", sealed); err != nil {
		fmt.Println("locked:", err)
	}
	if err := ks.Unlock(ctx, []byte("a long owner passphrase")); err != nil {
		fmt.Println(err)
		return
	}
	plain, _ := ks.Open(keystore.CategoryQueries, "query-1", sealed)
	fmt.Println("opened:", string(plain))
	_, err = ks.Open(keystore.CategoryResults, "query-1", sealed)
	fmt.Println("other category:", err)
	// Output:
	// backup words: 24
	// printed: [redacted]
	// locked: keystore: open: locked
	// opened: what time is it
	// other category: keystore: open: record authentication failed
}
