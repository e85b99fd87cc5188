package p2p_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"

	gethcrypto "github.com/ethereum/go-ethereum/crypto"

	"github.com/mycroft-network/mycroft/p2p"
)

// A provider serves its handler over libp2p; a payer calls it, refusing
// any node whose key is not the provider's registered address.
func Example() {
	ctx := context.Background()
	start := func() *p2p.Host {
		k, _ := gethcrypto.GenerateKey()
		id, _ := p2p.IdentityFromECDSA(k)
		h, err := p2p.New(ctx, p2p.Config{Identity: id, ListenAddrs: []string{"/ip4/127.0.0.1/udp/0/quic-v1"}, PublishPrivateAddrs: true})
		if err != nil {
			panic(err)
		}
		return h
	}
	provider, payer := start(), start()
	defer provider.Close()
	defer payer.Close()

	l, _ := provider.Listen(p2p.ProtocolHTTP, 0)
	srv := p2p.Server(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, _ := p2p.CallerOf(r)
		fmt.Fprintf(w, "hello %v", c.Address == payer.Address())
	}), p2p.ServerLimits{}, nil)
	go srv.Serve(l)
	defer srv.Close()

	hc := payer.Client(provider.AddrInfo(), p2p.Expect(provider.Address()))
	resp, err := hc.Post("http://provider/v1/call/knowledge?title=Pi", "application/octet-stream", strings.NewReader(""))
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	fmt.Println(resp.StatusCode, string(b))
	// Output: 200 hello true
}

func ExampleAddressOf() {
	id, _ := p2p.PeerIDOf(gethcrypto.FromECDSA(must(gethcrypto.HexToECDSA("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"))))
	a, _ := p2p.AddressOf(id)
	fmt.Println(id)
	fmt.Println(a.Hex())
	// Output:
	// 16Uiu2HAkzh4QdxB7ijzVnwd6JFNNe4bcr1JBwYUypXe3pX5BRpqK
	// 0x2c7536E3605D9C16a7a3D7b1898e529396a65c23
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
