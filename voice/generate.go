package voice

//go:generate sh testdata/gen.sh
