package agent

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"net/http"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/miner/provider"
	"github.com/mycroft-network/mycroft/miner/relay"
)

// RelayConfig is the [relay] table: relaying for devices with no gas (a
// provider that pays the gas of what they sign, for a fee) and using
// relayers when this device has none.
type RelayConfig struct {
	// Serve makes the provider a relayer: it opens channels to itself
	// for devices with no gas (for OpenFee), claims sign-up grants for
	// them (for the Grants' relay fee, when at least ClaimFee) and sells
	// the paid service "relay" (ballots and delegations, at Price each).
	// Off by default: the provider spends its own gas.
	Serve bool `toml:"serve"`
	// Price is what one relayed ballot or delegation costs (MYC).
	Price string `toml:"price"`
	// OpenFee is the fee a relayed channel open pays the relayer (MYC).
	OpenFee string `toml:"open_fee"`
	// ClaimFee is the least Grants relay fee the relayer claims for (MYC).
	ClaimFee string `toml:"claim_fee"`
	// OpenToOthers lets the relayer open channels to other providers.
	OpenToOthers bool `toml:"open_to_others"`
	// PerHour caps the actions relayed for one account in an hour.
	PerHour int `toml:"per_hour"`
	// Use lets this device, when it has no native coin for gas, have a
	// relaying provider open its channels, claim its grant, and submit
	// its delegation and ballots (on by default).
	Use bool `toml:"use"`
}

func defaultRelayConfig() RelayConfig {
	return RelayConfig{Price: "0.01", OpenFee: "0.05", ClaimFee: "0", PerHour: 6, Use: true}
}

func (c RelayConfig) validate(bad badFunc) {
	for _, f := range []struct{ key, v string }{{"relay.price", c.Price}, {"relay.open_fee", c.OpenFee}, {"relay.claim_fee", c.ClaimFee}} {
		if _, err := parseMYC(f.v); err != nil {
			bad(f.key, "%v", err)
		}
	}
	if c.PerHour < 1 {
		bad("relay.per_hour", "must be at least 1")
	}
}

// relayer makes the provider's relayer when [relay] serve is on, and
// its fee "relay-open". nil when off.
func (a *Agent) relayer() (*relay.Relayer, *big.Int, error) {
	c := a.cfg.Relay
	if !c.Serve {
		return nil, nil, nil
	}
	openFee, _ := parseMYC(c.OpenFee)
	claimFee, _ := parseMYC(c.ClaimFee)
	r, err := relay.New(relay.Config{
		Chain: a.chain, OpenFee: openFee, ClaimFee: claimFee, OpenToOthers: c.OpenToOthers, PerHour: c.PerHour,
		Now: a.now, Log: a.log.With("component", "relay"),
	})
	return r, openFee, err
}

// sellPrices is the price list the provider sells at and registers: its
// services' and, when it relays, "relay".
func (a *Agent) sellPrices(withStorage bool) chain.Prices {
	p := a.cfg.Provider.prices(withStorage)
	if a.cfg.Relay.Serve {
		if price, err := parseMYC(a.cfg.Relay.Price); err == nil {
			p[chain.ServiceRelay] = price
		}
	}
	return p
}

// addRelayer adds the relayer, when on, to a provider's services, fees
// and mux (its price is in sellPrices).
func (a *Agent) addRelayer(services map[string]provider.Service, fees chain.Prices, mux *http.ServeMux) error {
	r, openFee, err := a.relayer()
	if err != nil || r == nil {
		return err
	}
	services[chain.ServiceRelay] = r
	fees[chain.ServiceRelayOpen] = openFee
	mux.Handle("/v1/relay/", r.Handler())
	return nil
}

// errNoRelay is why an action waits for gas: relaying is off or there is
// no wallet to pay a relayer.
var errNoRelay = errors.New("no relayer: relay.use is off or the wallet is off")

// noGas reports whether the device has no native coin for gas (a balance
// that cannot be read counts as some: the transaction then says why).
func (a *Agent) noGas(ctx context.Context) bool {
	gas, err := a.chain.NativeBalance(ctx, a.keys.Address())
	return err == nil && gas.Sign() == 0
}

// relayDelegation has a relaying provider submit the device's delegation
// of its votes to itself, signed once the channel to it is open.
func (a *Agent) relayDelegation(ctx context.Context) (common.Hash, error) {
	if !a.cfg.Relay.Use || a.wallet == nil {
		return common.Hash{}, errNoRelay
	}
	res, err := a.wallet.Relay(ctx, func(ctx context.Context) (chain.RelayAction, error) {
		sd, err := a.signSelfDelegation(ctx)
		if err != nil {
			return chain.RelayAction{}, err
		}
		return chain.RelayAction{Kind: chain.RelayDelegation, Delegatee: sd.Delegatee,
			Nonce: (*hexutil.Big)(sd.Nonce), Expiry: (*hexutil.Big)(sd.Expiry), Signature: sd.Signature}, nil
	})
	if err != nil {
		return common.Hash{}, fmt.Errorf("delegation through a relayer: %w", err)
	}
	return res.Tx, nil
}

// relayBallot has a relaying provider submit the owner's ballot.
func (a *Agent) relayBallot(ctx context.Context, g governance, id *big.Int, support uint8) (common.Hash, error) {
	if !a.cfg.Relay.Use || a.wallet == nil {
		return common.Hash{}, errNoRelay
	}
	res, err := a.wallet.Relay(ctx, func(ctx context.Context) (chain.RelayAction, error) {
		voter, _, sig, err := g.ballot(ctx, id, support)
		if err != nil {
			return chain.RelayAction{}, err
		}
		return chain.RelayAction{Kind: chain.RelayBallot, Proposal: (*hexutil.Big)(id), Support: support, Voter: voter, Signature: sig}, nil
	})
	if err != nil {
		return common.Hash{}, fmt.Errorf("vote through a relayer: %w", err)
	}
	return res.Tx, nil
}

// relayGrantClaim has a relaying provider submit the registrar's signed
// claim, naming it in the owner's ClaimRelay; it is paid the Grants'
// relay fee out of the grant.
func (a *Agent) relayGrantClaim(ctx context.Context, cl chain.SignUpClaim) (common.Hash, error) {
	if !a.cfg.Relay.Use || a.wallet == nil {
		return common.Hash{}, errNoRelay
	}
	res, err := a.wallet.ClaimGrantRelayed(ctx, cl, func(relayer common.Address) ([]byte, error) {
		return a.keys.SignTypedData(a.chain.ClaimRelayTypedData(cl.Owner, cl.Device, relayer))
	})
	if err != nil {
		return common.Hash{}, fmt.Errorf("grant claim through a relayer: %w", err)
	}
	return res.Tx, nil
}
