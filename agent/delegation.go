package agent

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/keystore"
)

// The self-delegation's timing; tests shorten it. delegationKeysPoll is how
// often the keystore is looked at (no RPC) while there is no wallet key to
// sign with; the retry doubles from delegationRetryMin to
// delegationRetryMax while the chain is down or there is no gas.
var (
	delegationKeysPoll = 5 * time.Second
	delegationRetryMin = 15 * time.Second
	delegationRetryMax = 15 * time.Minute
)

// delegationValidity is how long a signed self-delegation stays valid (a
// relayer must submit it before then; a new one is signed after).
const delegationValidity = 7 * 24 * time.Hour

// Self-delegation states, as the status shows them.
const (
	delegationWaitingKeys = "waiting for the wallet key"
	delegationChecking    = "checking"
	delegationSelf        = "self"
	delegationElsewhere   = "delegated elsewhere"
	delegationNoTokens    = "waiting for tokens"
	delegationNoGas       = "signed, waiting for gas or a relayer"
	delegationRetrying    = "retrying"
)

// delegation is what the self-delegation service found and did.
type delegation struct {
	mu       sync.Mutex
	state    string
	delegate common.Address
	tx       string
	err      string
	attempts int
	next     time.Time
	// kick wakes the service early: the tokens it waited for arrived
	// (the sign-up grant was claimed).
	kick chan struct{}
}

// wake makes the delegation service look again now.
func (d *delegation) wake() {
	select {
	case d.kick <- struct{}{}:
	default:
	}
}

// delegationStatus is the "governance" line of `mycroft status`.
type delegationStatus struct {
	Delegation string `json:"delegation"`
	Delegate   string `json:"delegate,omitempty"`
	TxHash     string `json:"txHash,omitempty"`
	Error      string `json:"error,omitempty"`
	Attempts   int    `json:"attempts,omitempty"`
	NextTry    string `json:"nextTry,omitempty"`
}

func (d *delegation) set(state string, delegate common.Address, tx string, err error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.state, d.delegate = state, delegate
	if tx != "" {
		d.tx = tx
	}
	d.err = ""
	if err != nil {
		d.err = err.Error()
	}
}

func (d *delegation) status() delegationStatus {
	d.mu.Lock()
	defer d.mu.Unlock()
	s := delegationStatus{Delegation: d.state, TxHash: d.tx, Error: d.err, Attempts: d.attempts}
	if d.delegate != (common.Address{}) {
		s.Delegate = d.delegate.Hex()
	}
	if !d.next.IsZero() {
		s.NextTry = d.next.UTC().Format(time.RFC3339)
	}
	return s
}

// errNoGas is why the device did not submit its own delegation.
var errNoGas = errors.New("no native coin for gas")

// signSelfDelegation signs the device's Delegation of its votes to its own
// address, valid for delegationValidity of chain time. Anyone may submit it
// with the Token's delegateBySig: the device when it has gas, otherwise a
// relayer (GET /v1/governance/delegation hands it out). Keystore errors
// are returned as they are (the API maps them with keysError).
func (a *Agent) signSelfDelegation(ctx context.Context) (chain.SignedDelegation, error) {
	if a.chain == nil {
		return chain.SignedDelegation{}, unavailable("no chain (set chain.rpc_url and chain.manifest)")
	}
	if a.keys == nil {
		return chain.SignedDelegation{}, unavailable("no keystore")
	}
	self := a.keys.Address()
	if self == (common.Address{}) {
		return chain.SignedDelegation{}, keystore.ErrNotInitialized
	}
	now, err := a.chain.Now(ctx)
	if err != nil {
		return chain.SignedDelegation{}, fmt.Errorf("delegation: %w", err)
	}
	expiry := big.NewInt(now.Add(delegationValidity).Unix())
	td, err := a.chain.DelegationTypedData(ctx, self, self, expiry)
	if err != nil {
		return chain.SignedDelegation{}, fmt.Errorf("delegation: %w", err)
	}
	sig, err := a.keys.SignTypedData(td)
	if err != nil {
		return chain.SignedDelegation{}, fmt.Errorf("delegation: sign: %w", err)
	}
	nonce, _ := new(big.Int).SetString(fmt.Sprint(td.Message["nonce"]), 10)
	return chain.SignedDelegation{Token: a.manifest.Token, Delegatee: self, Nonce: nonce, Expiry: expiry, Signature: sig}, nil
}

// delegationService makes the device's tokens count as votes: once the
// wallet key is there, it reads the Token's delegates(self) and, when it
// is the zero address and the device holds tokens, delegates to itself by
// a signed delegateBySig,
// submitted by the device when it has gas (otherwise the signed delegation
// waits for a relayer, and the service looks again later). It never
// overrides a delegation the owner made to someone else, and stops once
// the votes are delegated (no more RPC).
type delegationService struct {
	a *Agent
	d *delegation
}

func (*delegationService) Name() string { return "governance" }
func (*delegationService) Close() error { return nil }

func (s *delegationService) Run(ctx context.Context) error {
	wait := delegationRetryMin
	for {
		done, retry := s.step(ctx)
		if done || ctx.Err() != nil {
			return nil
		}
		pause := delegationKeysPoll
		if retry {
			pause = wait
			wait = min(2*wait, delegationRetryMax)
			s.d.mu.Lock()
			s.d.attempts++
			s.d.next = s.a.now().Add(pause)
			s.d.mu.Unlock()
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(pause):
		case <-s.d.kick:
			wait = delegationRetryMin
		}
	}
}

// step makes one attempt: done when the votes are delegated (to self or by
// the owner elsewhere), retry when the chain or the gas let it down (back
// off), neither while the wallet key is not there (look again soon).
func (s *delegationService) step(ctx context.Context) (done, retry bool) {
	a, c := s.a, s.a.chain
	st := a.keys.Status()
	if !st.Initialized || !st.WalletUnlocked {
		s.d.set(delegationWaitingKeys, common.Address{}, "", nil)
		return false, false
	}
	self := st.Address
	// While the chain service finds the endpoints down, wait for it rather
	// than add failed calls (each one lengthens the endpoint's backoff).
	if down := chainDown(a.chainx); down != nil {
		s.d.set(delegationRetrying, common.Address{}, "", down)
		return false, true
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	s.d.set(delegationChecking, common.Address{}, "", nil)
	cur, err := c.Delegates(ctx, self)
	if err != nil {
		s.d.set(delegationRetrying, common.Address{}, "", err)
		return false, true
	}
	switch cur {
	case self:
		s.d.set(delegationSelf, self, "", nil)
		a.health.Clear("governance")
		return true, false
	case common.Address{}:
	default:
		s.d.set(delegationElsewhere, cur, "", nil)
		a.health.Clear("governance")
		return true, false
	}
	// With no tokens a delegation counts for nothing yet, and would race
	// with the tokens' arrival: a transfer (or the grant's claim)
	// estimated before the delegation is mined and executed after it also
	// writes the new delegate's checkpoint, and runs out of gas. So wait
	// for the tokens.
	bal, err := c.TokenBalance(ctx, self)
	if err != nil {
		s.d.set(delegationRetrying, common.Address{}, "", err)
		return false, true
	}
	if bal.Sign() == 0 {
		s.d.set(delegationNoTokens, common.Address{}, "", nil)
		a.health.Clear("governance")
		return false, true
	}
	sd, err := a.signSelfDelegation(ctx)
	if err != nil {
		if errors.Is(err, keystore.ErrLocked) || errors.Is(err, keystore.ErrNotInitialized) {
			s.d.set(delegationWaitingKeys, common.Address{}, "", nil)
			return false, false
		}
		s.d.set(delegationRetrying, common.Address{}, "", err)
		return false, true
	}
	gas, err := c.NativeBalance(ctx, self)
	if err != nil {
		s.d.set(delegationRetrying, common.Address{}, "", err)
		return false, true
	}
	if gas.Sign() == 0 {
		if tx, rerr := a.relayDelegation(ctx); rerr == nil {
			s.d.set(delegationSelf, self, tx.Hex(), nil)
			a.health.Clear("governance")
			a.log.Info("governance: votes delegated to self through a relayer", "tx", tx.Hex())
			return true, false
		} else if !errors.Is(rerr, errNoRelay) {
			a.log.Warn("governance: no relayer submitted the delegation", "err", rerr)
		}
		s.d.set(delegationNoGas, common.Address{}, "", errNoGas)
		a.health.Set("governance", Notice, "votes not delegated yet: no gas; a relayer can submit the signed delegation (mycroft governance delegation)")
		return false, true
	}
	r, err := c.DelegateBySig(ctx, sd)
	if err != nil {
		state := delegationRetrying
		if strings.Contains(strings.ToLower(err.Error()), "insufficient funds") {
			state = delegationNoGas
			a.health.Set("governance", Notice, "votes not delegated yet: not enough gas; a relayer can submit the signed delegation (mycroft governance delegation)")
		}
		s.d.set(state, common.Address{}, "", err)
		return false, true
	}
	s.d.set(delegationSelf, self, r.TxHash.Hex(), nil)
	a.health.Clear("governance")
	a.log.Info("governance: votes delegated to self", "tx", r.TxHash.Hex())
	return true, false
}

// errChainDown is why the delegation waits while the chain is unreachable.
var errChainDown = errors.New("the chain is unreachable (see the chain status)")

// chainDown returns errChainDown when the last endpoint check failed, nil
// when it succeeded or has not run yet.
func chainDown(p *chainParts) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.checked && !p.reachable {
		return errChainDown
	}
	return nil
}

// wireDelegation adds the self-delegation service and its status when
// there is a chain client and a keystore.
func (a *Agent) wireDelegation() {
	if a.chain == nil || a.keys == nil {
		return
	}
	d := &delegation{state: delegationWaitingKeys, kick: make(chan struct{}, 1)}
	a.chainx.delegation = d
	a.svcs.list = append(a.svcs.list, &delegationService{a: a, d: d})
	a.addStatus("governance", func() any { return d.status() })
}
