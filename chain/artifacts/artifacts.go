// Package artifacts holds the runtime code of the Mycroft contracts as
// compiled from chain/contracts (chain/gen.sh writes <Name>.runtime.json next
// to the .abi and .bin files) and checks code read from a chain against it.
// Immutables, which a constructor writes into the runtime code, are left out
// of the comparison; their byte ranges come from the compiler.
//
// Only tools that deploy or audit a deployment (chain/deploy, cmd) and tests
// import it; devices do not carry the code.
package artifacts

import (
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

//go:embed *.runtime.json
var files embed.FS

// Names of the contracts with artifacts, in deployment order.
var Names = []string{"Token", "Timelock", "MycroftGovernor", "Channels", "Registry", "Grants", "Releases"}

// ErrCodeMismatch: the code at an address is not the artifact's runtime code.
var ErrCodeMismatch = errors.New("artifacts: runtime code mismatch")

// Range is a byte range of runtime code.
type Range struct {
	Start  int `json:"start"`
	Length int `json:"length"`
}

// Runtime is a contract's expected runtime code.
type Runtime struct {
	Name string
	// Code is the runtime code with zeros where the immutables go.
	Code []byte
	// Immutables are the byte ranges a constructor fills in, in order.
	Immutables []Range
}

// Load returns the committed runtime artifact of contract name.
func Load(name string) (Runtime, error) {
	data, err := files.ReadFile(name + ".runtime.json")
	if err != nil {
		return Runtime{}, fmt.Errorf("artifacts: no runtime artifact for %q", name)
	}
	return Parse(name, data)
}

// Parse reads a <Name>.runtime.json document: {"deployedBytecode":"<hex>",
// "immutables":[{"start":N,"length":N},...]}.
func Parse(name string, data []byte) (Runtime, error) {
	var raw struct {
		Code       string  `json:"deployedBytecode"`
		Immutables []Range `json:"immutables"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return Runtime{}, fmt.Errorf("artifacts: %s: %w", name, err)
	}
	code, err := hex.DecodeString(strings.TrimPrefix(raw.Code, "0x"))
	if err != nil || len(code) == 0 {
		return Runtime{}, fmt.Errorf("artifacts: %s: deployedBytecode is not non-empty hex", name)
	}
	prev := 0
	for _, r := range raw.Immutables {
		if r.Start < prev || r.Length <= 0 || r.Start+r.Length > len(code) {
			return Runtime{}, fmt.Errorf("artifacts: %s: immutable range %d+%d out of order or outside %d bytes of code", name, r.Start, r.Length, len(code))
		}
		prev = r.Start + r.Length
	}
	return Runtime{Name: name, Code: code, Immutables: raw.Immutables}, nil
}

// Verify checks code (as eth_getCode returns it) against the artifact: same
// length, same bytes outside the immutables. The error names the first
// differing offset.
func (r Runtime) Verify(code []byte) error {
	if len(code) == 0 {
		return fmt.Errorf("%w: %s: no code at the address", ErrCodeMismatch, r.Name)
	}
	if len(code) != len(r.Code) {
		return fmt.Errorf("%w: %s: %d bytes, the artifact has %d", ErrCodeMismatch, r.Name, len(code), len(r.Code))
	}
	i := 0
	for _, imm := range append(r.Immutables, Range{Start: len(code)}) {
		for ; i < imm.Start; i++ {
			if code[i] != r.Code[i] {
				return fmt.Errorf("%w: %s: byte %d is %#02x, the artifact has %#02x", ErrCodeMismatch, r.Name, i, code[i], r.Code[i])
			}
		}
		i = imm.Start + imm.Length
	}
	return nil
}
