// Package archtest holds no code: its test enforces the one-way dependency
// rules of DESIGN.md §8 over the whole module, with `go list`.
package archtest
