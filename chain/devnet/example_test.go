package devnet_test

import (
	"context"
	"fmt"

	"github.com/mycroft-network/mycroft/chain/devnet"
)

func ExampleStart() {
	ctx := context.Background()
	d, err := devnet.Start(ctx, devnet.Config{Port: 0})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer d.Close()
	c, err := d.Client(ctx, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer c.Close()
	supply, _ := c.TokenSupply(ctx)
	fmt.Println(d.Manifest.ChainID, supply)
	// Output: 1337 100000000000000000000000000
}
