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

// Errors of Verify besides artifacts.ErrCodeMismatch.
var (
	// ErrRoles: the Timelock's roles are not as a deployment leaves them.
	ErrRoles = errors.New("deploy: timelock roles")
	// ErrLinks: a contract points at another token, timelock or owner
	// than the manifest's (its immutables or storage).
	ErrLinks = errors.New("deploy: contracts not linked as the manifest says")
)

// Contracts pairs each manifest address with its artifact name (Releases
// only when the manifest has one: older deployments have none).
func Contracts(m chain.Manifest) []struct {
	Name    string
	Address common.Address
} {
	cs := []struct {
		Name    string
		Address common.Address
	}{
		{"Token", m.Token}, {"Timelock", m.Timelock}, {"MycroftGovernor", m.Governor},
		{"Channels", m.Channels}, {"Registry", m.Registry}, {"Grants", m.Grants},
	}
	if m.Releases != (common.Address{}) {
		cs = append(cs, struct {
			Name    string
			Address common.Address
		}{"Releases", m.Releases})
	}
	return cs
}

// Verify checks a deployment: the code at every address of m is the
// committed runtime code (immutables aside; errors wrap
// artifacts.ErrCodeMismatch), the contracts point at the manifest's token
// and timelock (the immutables read through their getters; ErrLinks), and
// the Governor holds the Timelock's proposer role (ErrRoles).
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
	if err := verifyLinks(ctx, c, m); err != nil {
		return err
	}
	if m.Releases != (common.Address{}) {
		rel := bindings.NewReleases()
		out, err := c.Call(ctx, m.Releases, rel.PackOwner())
		if err != nil {
			return fmt.Errorf("deploy: verify Releases.owner: %w", err)
		}
		owner, err := rel.UnpackOwner(out)
		if err != nil {
			return fmt.Errorf("deploy: verify Releases.owner: %w", err)
		}
		if owner != m.Timelock {
			return fmt.Errorf("%w: Releases.owner is %s, the manifest says %s", ErrLinks, owner, m.Timelock)
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

// verifyLinks reads the addresses each contract holds and compares them
// with the manifest's.
func verifyLinks(ctx context.Context, c *chain.Client, m chain.Manifest) error {
	ch, reg, gr, gov := bindings.NewChannels(), bindings.NewRegistry(), bindings.NewGrants(), bindings.NewMycroftGovernor()
	for _, l := range []struct {
		what   string
		at     common.Address
		pack   func() ([]byte, error)
		unpack func([]byte) (common.Address, error)
		want   common.Address
	}{
		{"Channels.token", m.Channels, ch.TryPackToken, ch.UnpackToken, m.Token},
		{"Registry.token", m.Registry, reg.TryPackToken, reg.UnpackToken, m.Token},
		{"Registry.owner", m.Registry, reg.TryPackOwner, reg.UnpackOwner, m.Timelock},
		{"Grants.token", m.Grants, gr.TryPackToken, gr.UnpackToken, m.Token},
		{"Grants.owner", m.Grants, gr.TryPackOwner, gr.UnpackOwner, m.Timelock},
		{"MycroftGovernor.token", m.Governor, gov.TryPackToken, gov.UnpackToken, m.Token},
		{"MycroftGovernor.timelock", m.Governor, gov.TryPackTimelock, gov.UnpackTimelock, m.Timelock},
	} {
		data, err := l.pack()
		if err != nil {
			return fmt.Errorf("deploy: verify %s: %w", l.what, err)
		}
		out, err := c.Call(ctx, l.at, data)
		if err != nil {
			return fmt.Errorf("deploy: verify %s: %w", l.what, err)
		}
		got, err := l.unpack(out)
		if err != nil {
			return fmt.Errorf("deploy: verify %s: %w", l.what, err)
		}
		if got != l.want {
			return fmt.Errorf("%w: %s is %s, the manifest says %s", ErrLinks, l.what, got, l.want)
		}
	}
	return nil
}
