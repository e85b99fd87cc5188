package deploy_test

import (
	"context"
	"fmt"
	"log"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/chain/deploy"
)

// Deploy to a chain with a funded deployer key, keeping the progress so a
// rerun resumes (compiled, not run: it needs a node).
func ExampleRun() {
	ctx := context.Background()
	p, err := chain.PresetByName("sepolia")
	if err != nil {
		log.Fatal(err)
	}
	var signer chain.TxSigner // the deployer, e.g. chain.NewKeySigner(key)
	c, err := deploy.Dial(ctx, []string{"https://rpc-a.example", "https://rpc-b.example"}, p.ChainID,
		chain.WithSigner(signer), chain.WithPreset(p))
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	var draft *deploy.Draft // loaded from the last run, if any
	m, err := deploy.Run(ctx, c, deploy.Config{
		Params: deploy.DefaultParams(),
		Draft:  draft,
		Save:   func(d *deploy.Draft) error { return nil /* write it atomically */ },
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(chain.WriteManifest("deployment.json", m))
}
