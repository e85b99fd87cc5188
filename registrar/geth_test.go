package registrar_test

import (
	"context"
	"math/big"
	"net"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/chain/deploy"
	"github.com/mycroft-network/mycroft/internal/gethdev"
	"github.com/mycroft-network/mycroft/registrar"
)

// TestRegistrarGeth: the contracts deployed by `chain deploy`'s code to a
// separate geth --dev process (public-chain rules), the Grants pool funded
// as governance would, then a device claims through the registrar and its
// claim pays; the device key asking again is refused.
func TestRegistrarGeth(t *testing.T) {
	n := gethdev.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	deployerKey, _ := crypto.GenerateKey()
	regKey, _ := crypto.GenerateKey()
	reg := crypto.PubkeyToAddress(regKey.PublicKey)
	ether := big.NewInt(1e18)
	n.Fund(t, new(big.Int).Mul(big.NewInt(100), ether), crypto.PubkeyToAddress(deployerKey.PublicKey), reg)
	dc, err := deploy.Dial(ctx, []string{n.URL}, gethdev.ChainID, chain.WithSigner(chain.NewKeySigner(deployerKey)), chain.WithPollInterval(20*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer dc.Close()
	params := deploy.DefaultParams()
	m, err := deploy.Run(ctx, dc, deploy.Config{Params: params, Registrar: reg})
	if err != nil {
		t.Fatalf("deploy: %v", err)
	}
	deployer, err := chain.Dial(ctx, n.URL, m, chain.WithSigner(chain.NewKeySigner(deployerKey)), chain.WithPollInterval(20*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer deployer.Close()
	if _, err := deployer.TransferToken(ctx, m.Grants, new(big.Int).Mul(big.NewInt(1000), ether)); err != nil {
		t.Fatalf("fund the Grants pool: %v", err)
	}
	if _, err := deployer.SendNative(ctx, m.Grants, ether); err != nil {
		t.Fatalf("fund the Grants pool: %v", err)
	}

	rc, err := chain.Dial(ctx, n.URL, m, chain.WithSigner(chain.NewKeySigner(regKey)), chain.WithPollInterval(20*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	r, err := registrar.New(registrar.Config{Chain: rc, Key: chain.NewKeySigner(regKey), DBPath: filepath.Join(t.TempDir(), "r.db")})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	sctx, scancel := context.WithCancel(ctx)
	served := make(chan error, 1)
	go func() { served <- r.Serve(sctx, ln) }()
	defer func() { scancel(); <-served }()
	url := "http://" + ln.Addr().String()

	dev, _ := crypto.GenerateKey()
	devAddr := crypto.PubkeyToAddress(dev.PublicKey)
	request := func() []byte {
		q := chain.SignUpRequest{ChainID: m.ChainID, Grants: m.Grants, Owner: devAddr, Device: devAddr, Expiry: time.Now().Add(time.Hour).Unix()}
		if err := q.SignWithKey(dev); err != nil {
			t.Fatal(err)
		}
		return marshal(t, q)
	}
	a := post(t, url, request())
	if a.status != 200 || a.resp.GasDrop != registrar.DefaultGasDrop.String() {
		t.Fatalf("claim: %d %s %s, gas drop %q (%s); want the claim and the default drop", a.status, a.code, a.msg, a.resp.GasDrop, a.resp.GasError)
	}
	devC, err := chain.Dial(ctx, n.URL, m, chain.WithSigner(chain.NewKeySigner(dev)), chain.WithPollInterval(20*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer devC.Close()
	// The default drop pays the claim on public-chain rules.
	if _, err := devC.SubmitSignUpClaim(ctx, a.resp.Claim); err != nil {
		t.Fatalf("the device submits its claim with the drop's gas: %v", err)
	}
	if myc, err := devC.TokenBalance(ctx, devAddr); err != nil || myc.Cmp(params.GrantAmount) != 0 {
		t.Fatalf("device MYC = %v, %v; want %s", myc, err, params.GrantAmount)
	}
	wantRefused(t, "the same device again", post(t, url, request()), 409, registrar.CodeDeviceClaimed)
}
