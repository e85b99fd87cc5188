package keystore

import "crypto/rand"

// cryptoRand is the OS CSPRNG (getrandom on Linux). Tests inject their own
// reader through the Options; production code never uses anything else.
var cryptoRand = rand.Reader
