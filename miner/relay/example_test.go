package relay

import (
	"context"
	"fmt"
	"strings"
)

// A paid relay call carries one signed action; a kind the relayer does
// not know is refused before anything reaches the chain.
func ExampleRelayer_Call() {
	r, _ := New(Config{Chain: refusing{}})
	_, err := r.Call(context.Background(), nil, strings.NewReader(`{"kind":"transfer","signature":"0x00"}`))
	fmt.Println(err)
	// Output: relay: bad request: signature of 1 bytes, want 65
}
