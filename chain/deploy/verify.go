package deploy

import (
	"context"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/chain/artifacts"
	"github.com/mycroft-network/mycroft/chain/bindings"
)

// ErrRoles: the Timelock's roles are not as a deployment leaves them.
var ErrRoles = errors.New("deploy: timelock roles")

// Contracts pairs each manifest address with its artifact name.
func Contracts(m chain.Manifest) []struct {
	Name    string
	Address common.Address
} {
	return []struct {
		Name    string
		Address common.Address
	}{
		{"Token", m.Token}, {"Timelock", m.Timelock}, {"MycroftGovernor", m.Governor},
		{"Channels", m.Channels}, {"Registry", m.Registry}, {"Grants", m.Grants},
	}
}

// Verify checks a deployment: the code at every address of m is the
// committed runtime code (immutables aside; errors wrap
// artifacts.ErrCodeMismatch), and the Governor holds the Timelock's
// proposer role.
func Verify(ctx context.Context, c *chain.Client, m chain.Manifest) error {
	return VerifyWith(ctx, c, m, artifacts.Load)
}

// VerifyWith is Verify with the artifacts from load (tests alter them).
func VerifyWith(ctx context.Context, c *chain.Client, m chain.Manifest, load func(string) (artifacts.Runtime, error)) error {
	for _, k := range Contracts(m) {
		rt, err := load(k.Name)
		if err != nil {
			return fmt.Errorf("deploy: verify: %w", err)
		}
		code, err := c.Code(ctx, k.Address)
		if err != nil {
			return fmt.Errorf("deploy: verify %s: %w", k.Name, err)
		}
		if err := rt.Verify(code); err != nil {
			return fmt.Errorf("deploy: verify %s at %s: %w", k.Name, k.Address, err)
		}
	}
	tl := bindings.NewTimelock()
	data, err := tl.TryPackPROPOSERROLE()
	if err != nil {
		return err
	}
	out, err := c.Call(ctx, m.Timelock, data)
	if err != nil {
		return fmt.Errorf("deploy: verify roles: %w", err)
	}
	proposer, err := tl.UnpackPROPOSERROLE(out)
	if err != nil {
		return fmt.Errorf("deploy: verify roles: %w", err)
	}
	ok, err := hasRole(ctx, c, m.Timelock, proposer, m.Governor)
	if err != nil {
		return fmt.Errorf("deploy: verify roles: %w", err)
	}
	if !ok {
		return fmt.Errorf("%w: the Governor %s is not the Timelock's proposer", ErrRoles, m.Governor)
	}
	return nil
}
