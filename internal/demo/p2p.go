package demo

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/mycroft-network/mycroft/internal/apiclient"
	"github.com/mycroft-network/mycroft/p2p"
)

// Every node runs the libp2p host on loopback, TCP and QUIC, on ports the
// system picks: the transport nodes in different homes use, here on one
// machine. The provider and the storage nodes serve no plain HTTP
// (provider.plain_http = "off"), so every paid call and every backup
// exchange goes over libp2p.
const (
	p2pTCP  = "/ip4/127.0.0.1/tcp/0"
	p2pQUIC = "/ip4/127.0.0.1/udp/0/quic-v1"
)

// p2pStatus is the node's libp2p host as `mycroft status` shows it.
func p2pStatus(ctx context.Context, n *node) (apiclient.P2PStatus, error) {
	var ps apiclient.P2PStatus
	st, err := n.c.Status(ctx)
	if err != nil {
		return ps, err
	}
	raw, ok := st.Components["p2p"]
	if !ok {
		return ps, errors.New("no p2p component")
	}
	return ps, json.Unmarshal(raw, &ps)
}

// showPeers lists each node's peer id and checks that it is the node's
// wallet key (the id proves the on-chain address).
func (r *run) showPeers(ctx context.Context, all []*node) error {
	fmt.Fprint(r.out, "   the nodes talk libp2p on 127.0.0.1 (TCP and QUIC, encrypted); peer ids:\r\n")
	r.rep.Peers = map[string]string{}
	match := 0
	for _, n := range all {
		ps, err := poll(ctx, n.name+"'s libp2p host", 30*time.Second, func(ctx context.Context) (apiclient.P2PStatus, error) { return p2pStatus(ctx, n) },
			func(ps apiclient.P2PStatus) bool { return ps.Peer != "" })
		if err != nil {
			return err
		}
		r.rep.Peers[n.name] = ps.Peer
		fmt.Fprintf(r.out, "   %-9s %s\r\n", n.name, ps.Peer)
		if id, err := peer.Decode(ps.Peer); err == nil {
			if a, err := p2p.AddressOf(id); err == nil && a == n.addr {
				match++
			}
		}
	}
	r.check("peer ids are the wallet keys", match == len(all), fmt.Sprintf("%d of %d", match, len(all)), fmt.Sprintf("%d of %d", len(all), len(all)))
	return nil
}

// checkEndpoint checks the Registry endpoint n registered: a libp2p
// multiaddr on loopback whose peer id is n's wallet key.
func (r *run) checkEndpoint(n *node, endpoint string) {
	if r.rep.Endpoints == nil {
		r.rep.Endpoints = map[string]string{}
	}
	r.rep.Endpoints[n.name] = endpoint
	e, err := p2p.ParseEndpoint(endpoint)
	ok := err == nil && e.IsLibp2p() && e.Address == n.addr && strings.HasPrefix(endpoint, "/ip4/127.0.0.1/tcp/")
	got := endpoint
	if ok {
		got = strings.TrimSuffix(endpoint, e.Peer.ID.String()) + "<its id>"
	}
	r.check(n.name+" endpoint", ok, got, "/ip4/127.0.0.1/tcp/…/p2p/<its id>")
}

// checkOverLibp2p checks that the provider's calls came over libp2p: it
// has no plain node port, and its host received them.
func (r *run) checkOverLibp2p(ctx context.Context, prov *node, pst apiclient.ProviderStatus) error {
	ps, err := p2pStatus(ctx, prov)
	if err != nil {
		return err
	}
	r.rep.ProviderListen, r.rep.ProviderLibp2pIn = pst.Listen, ps.TrafficIn
	fmt.Fprintf(r.out, "   provider over libp2p: %s in, %s out, %d peers\r\n", ps.TrafficIn, ps.TrafficOut, ps.Peers)
	plain := "no plain port"
	if pst.Listen != "" {
		plain = "plain port " + pst.Listen
	}
	ok := pst.Listen == "" && ps.TrafficIn != "" && ps.TrafficIn != "0B" && ps.Peers > 0
	r.check("calls over libp2p", ok, ps.TrafficIn+" in, "+plain, "> 0B in, no plain port")
	return nil
}

// checkBackupOverLibp2p checks that the backup reached its replicas over
// libp2p: each replica's endpoint is a libp2p multiaddr, and the node
// holding it has no plain node port and received over its host.
func (r *run) checkBackupOverLibp2p(ctx context.Context, replicas []apiclient.BackupReplica, miners []*node) error {
	for _, rep := range replicas {
		var n *node
		for _, m := range miners {
			if strings.EqualFold(m.addr.Hex(), rep.Node) {
				n = m
			}
		}
		if n == nil {
			r.check("backup replica "+rep.Node+" on a demo node", false, rep.Node, "one of the miners")
			continue
		}
		pst, err := n.c.ProviderStatus(ctx)
		if err != nil {
			return err
		}
		ps, err := p2pStatus(ctx, n)
		if err != nil {
			return err
		}
		r.rep.ReplicaLibp2pIn = append(r.rep.ReplicaLibp2pIn, ps.TrafficIn)
		e, err := p2p.ParseEndpoint(rep.Endpoint)
		via := "over " + rep.Endpoint
		if err == nil && e.IsLibp2p() && e.Address == n.addr {
			via = "over libp2p"
		}
		plain := "no plain port"
		if pst.Listen != "" {
			plain = "plain port " + pst.Listen
		}
		ok := via == "over libp2p" && pst.Listen == "" && ps.TrafficIn != "" && ps.TrafficIn != "0B"
		r.check("backup on "+n.name+" "+"over libp2p", ok, fmt.Sprintf("%s, %s in, %s", via, ps.TrafficIn, plain), "over libp2p, > 0B in, no plain port")
	}
	return nil
}
