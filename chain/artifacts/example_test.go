package artifacts_test

import (
	"fmt"

	"github.com/mycroft-network/mycroft/chain/artifacts"
)

// Check code read with eth_getCode against the committed artifact.
func ExampleRuntime_Verify() {
	rt, err := artifacts.Load("Channels")
	if err != nil {
		panic(err)
	}
	code := append([]byte(nil), rt.Code...) // as eth_getCode would return it
	fmt.Println(len(rt.Immutables) > 0, rt.Verify(code))
	code[0] ^= 1
	fmt.Println(rt.Verify(code) != nil)
	// Output:
	// true <nil>
	// true
}
