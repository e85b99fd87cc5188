package apiclient

// P2PStatus is the node's place in the network, as `mycroft status` (the
// "p2p" component) and `mycroft miner status` show it.
type P2PStatus struct {
	Peer     string   `json:"peer"`
	Address  string   `json:"address"`
	Endpoint string   `json:"endpoint"`
	Listen   []string `json:"listen"`
	// Reachability is "public", "behind NAT" or "unknown" (still
	// learning); Path says how peers reach the node: "direct", "relayed
	// through <relay>" or "unreachable (no relay)".
	Reachability string            `json:"reachability"`
	Path         string            `json:"path"`
	NAT          map[string]string `json:"nat,omitempty"`
	Relays       []string          `json:"relays,omitempty"`
	// Peers: connected peers, those with a direct connection and those
	// reached only through a relay.
	Peers   int `json:"peers"`
	Direct  int `json:"direct"`
	Relayed int `json:"relayed"`
	// Traffic since the agent started, in human units ("1.5 MiB").
	TrafficIn         string `json:"traffic_in"`
	TrafficOut        string `json:"traffic_out"`
	HolePunchesOK     int64  `json:"hole_punches_ok"`
	HolePunchesFailed int64  `json:"hole_punches_failed"`
	RelayService      bool   `json:"relay_service"`
}
