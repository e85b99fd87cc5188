package chain

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"sort"
)

// Service names announced in the Registry. On chain a service is the tuple
// (string name, uint256 price): name is 1..32 bytes of [a-z0-9-], unique per
// node, at most 16 per node; price is in MYC base units (10^-18 MYC) per
// unit of the service: per call for stt, weather and knowledge, per MiB
// stored per day for storage.
const (
	ServiceSTT       = "stt"
	ServiceWeather   = "weather"
	ServiceKnowledge = "knowledge"
	ServiceStorage   = "storage"
)

// Registry limits (mirrors of the contract's constants).
const (
	MaxServices       = 16
	MaxServiceName    = 32
	MaxEndpointLength = 256
)

// ErrBadService is returned for a service name or price the Registry would
// refuse.
var ErrBadService = errors.New("chain: bad service")

// ValidServiceName reports whether the Registry accepts name.
func ValidServiceName(name string) bool {
	if len(name) == 0 || len(name) > MaxServiceName {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// Prices maps a service name to its price in MYC base units.
type Prices map[string]*big.Int

// Validate checks the names, count and prices against the Registry rules.
func (p Prices) Validate() error {
	if len(p) > MaxServices {
		return fmt.Errorf("%w: %d services, at most %d", ErrBadService, len(p), MaxServices)
	}
	for name, price := range p {
		if !ValidServiceName(name) {
			return fmt.Errorf("%w: name %q", ErrBadService, name)
		}
		if price == nil || price.Sign() < 0 || price.BitLen() > 256 {
			return fmt.Errorf("%w: price of %q", ErrBadService, name)
		}
	}
	return nil
}

// Names returns the service names in byte order (the order used on chain).
func (p Prices) Names() []string {
	names := make([]string, 0, len(p))
	for n := range p {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// CanonicalServices is the canonical JSON of a price map, the services
// string of an Offer: an object whose keys are the service names in byte
// order and whose values are the prices as decimal strings, with no
// whitespace, e.g. {"stt":"1000","weather":"250"}.
func CanonicalServices(p Prices) (string, error) {
	if err := p.Validate(); err != nil {
		return "", err
	}
	m := make(map[string]string, len(p))
	for n, v := range p {
		m[n] = v.String()
	}
	b, err := json.Marshal(m) // encoding/json sorts map keys
	if err != nil {
		return "", fmt.Errorf("chain: canonical services: %w", err)
	}
	return string(b), nil
}

// ParseCanonicalServices parses an Offer's services string and checks it is
// canonical (so two encodings of one map cannot both be signed).
func ParseCanonicalServices(s string) (Prices, error) {
	var m map[string]string
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadService, err)
	}
	p := make(Prices, len(m))
	for n, v := range m {
		price, ok := new(big.Int).SetString(v, 10)
		if !ok {
			return nil, fmt.Errorf("%w: price of %q is not a decimal", ErrBadService, n)
		}
		p[n] = price
	}
	c, err := CanonicalServices(p)
	if err != nil {
		return nil, err
	}
	if c != s {
		return nil, fmt.Errorf("%w: not canonical", ErrBadService)
	}
	return p, nil
}
