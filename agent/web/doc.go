// Package web is the owner's web page, served by the agent: status and
// health, spending (a chart of the last 30 days per service) and limits,
// the wallet and its channels, the miner, governance, backups, voice
// settings and keys. Every page reads and acts through the agent's local
// API handler, in process (apiclient.NewInProcess), so the page does
// exactly what the CLI does and nothing else.
//
// It listens on the loopback in plain HTTP (the owner comes in over an SSH
// port forward: SSH is the authentication) and, when the owner turns it
// on, on the LAN in HTTPS with a self-signed certificate, where every page
// needs pairing: a six-digit code shown on the faceplate (or printed by
// `mycroft web pair`), exchanged for a session cookie. Every form carries
// a per-session CSRF token and its Origin is checked. The backup words and
// the key export are never served on the LAN. Templates and the one
// stylesheet are embedded; the pages need no JavaScript.
//
// Only the agent imports this package (agent/web.go wires it).
package web
