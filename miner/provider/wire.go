package provider

import (
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"net/url"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// Header names of the wire protocol (docs/protocol.md).
const (
	HeaderChannel           = "X-Mycroft-Channel"
	HeaderCumulative        = "X-Mycroft-Cumulative"
	HeaderSignature         = "X-Mycroft-Signature"
	HeaderReceiptCumulative = "X-Mycroft-Receipt-Cumulative"
	HeaderReceiptRequest    = "X-Mycroft-Receipt-Request"
	HeaderReceiptSignature  = "X-Mycroft-Receipt-Signature"
)

// Code is the machine-readable error code of a refused call.
type Code string

// Error codes (docs/protocol.md §Errors).
const (
	CodeReplayed       Code = "replayed"        // the voucher is the one already accepted
	CodeStale          Code = "stale"           // cumulative below the last accepted
	CodeOverDeposit    Code = "over_deposit"    // cumulative above the channel's deposit
	CodeWrongPrice     Code = "wrong_price"     // increment is not exactly the price
	CodeBadSignature   Code = "bad_signature"   // does not recover to the channel's payer
	CodeUnknownChannel Code = "unknown_channel" // no such channel to this provider
	CodeClosingChannel Code = "closing_channel" // close started, or close delay too short
	CodeRateLimited    Code = "rate_limited"    // the payer's token bucket is empty
	CodeBadRequest     Code = "bad_request"     // malformed headers or parameters
	CodeUnknownService Code = "unknown_service" // service not offered
	CodeServiceFailed  Code = "service_failed"  // the service failed; the voucher was not kept
	CodeUnavailable    Code = "unavailable"     // chain or store unreachable; retry elsewhere
)

// Sentinel errors, one per refusal; Error values wrap them.
var (
	ErrReplayed       = errors.New("provider: voucher replayed")
	ErrStale          = errors.New("provider: voucher stale")
	ErrOverDeposit    = errors.New("provider: voucher over deposit")
	ErrWrongPrice     = errors.New("provider: wrong price")
	ErrBadSignature   = errors.New("provider: bad voucher signature")
	ErrUnknownChannel = errors.New("provider: unknown channel")
	ErrClosingChannel = errors.New("provider: channel closing")
	ErrRateLimited    = errors.New("provider: rate limited")
	ErrBadRequest     = errors.New("provider: bad request")
	ErrUnknownService = errors.New("provider: unknown service")
	ErrServiceFailed  = errors.New("provider: service failed")
	ErrUnavailable    = errors.New("provider: unavailable")
)

var codes = []struct {
	err    error
	code   Code
	status int
}{
	{ErrReplayed, CodeReplayed, http.StatusConflict},
	{ErrStale, CodeStale, http.StatusConflict},
	{ErrOverDeposit, CodeOverDeposit, http.StatusPaymentRequired},
	{ErrWrongPrice, CodeWrongPrice, http.StatusPaymentRequired},
	{ErrBadSignature, CodeBadSignature, http.StatusUnauthorized},
	{ErrUnknownChannel, CodeUnknownChannel, http.StatusNotFound},
	{ErrClosingChannel, CodeClosingChannel, http.StatusGone},
	{ErrRateLimited, CodeRateLimited, http.StatusTooManyRequests},
	{ErrBadRequest, CodeBadRequest, http.StatusBadRequest},
	{ErrUnknownService, CodeUnknownService, http.StatusNotFound},
	{ErrServiceFailed, CodeServiceFailed, http.StatusBadGateway},
	{ErrUnavailable, CodeUnavailable, http.StatusServiceUnavailable},
}

// CodeOf returns the wire code and HTTP status for err.
func CodeOf(err error) (Code, int) {
	for _, c := range codes {
		if errors.Is(err, c.err) {
			return c.code, c.status
		}
	}
	return CodeUnavailable, http.StatusServiceUnavailable
}

// ErrorBody is the JSON body of every refusal.
type ErrorBody struct {
	Error ErrorInfo `json:"error"`
}

// ErrorInfo says why a call was refused. Cumulative, when set, is the
// cumulative the provider holds for the channel, so the payer can resync.
type ErrorInfo struct {
	Code       Code   `json:"code"`
	Message    string `json:"message"`
	Cumulative string `json:"cumulative,omitempty"`
	Price      string `json:"price,omitempty"`
}

// Voucher is a payer's signed promise: the channel's cumulative total.
type Voucher struct {
	Channel    common.Hash
	Cumulative *big.Int
	Signature  []byte
}

// maxUint256 bounds every amount on the wire.
var maxUint256 = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))

// ParseAmount parses a canonical decimal uint256: digits only, no sign, no
// leading zero (except "0" itself), at most 2^256-1.
func ParseAmount(s string) (*big.Int, error) {
	if s == "" || len(s) > 78 {
		return nil, fmt.Errorf("%w: amount %q", ErrBadRequest, clip(s))
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return nil, fmt.Errorf("%w: amount %q is not a decimal", ErrBadRequest, clip(s))
		}
	}
	if len(s) > 1 && s[0] == '0' {
		return nil, fmt.Errorf("%w: amount %q has a leading zero", ErrBadRequest, clip(s))
	}
	v, _ := new(big.Int).SetString(s, 10)
	if v.Cmp(maxUint256) > 0 {
		return nil, fmt.Errorf("%w: amount above 2^256-1", ErrBadRequest)
	}
	return v, nil
}

// ParseHex parses 0x-prefixed hex of exactly n bytes.
func ParseHex(s string, n int) ([]byte, error) {
	if len(s) != 2+2*n || !strings.HasPrefix(s, "0x") {
		return nil, fmt.Errorf("%w: want 0x and %d hex digits, got %d characters", ErrBadRequest, 2*n, len(s))
	}
	b, err := hex.DecodeString(s[2:])
	if err != nil {
		return nil, fmt.Errorf("%w: bad hex", ErrBadRequest)
	}
	return b, nil
}

// ParseVoucher reads the voucher headers of a paid call. It never panics
// and refuses anything not in canonical form.
func ParseVoucher(h http.Header) (Voucher, error) {
	var v Voucher
	ch, err := ParseHex(single(h, HeaderChannel), 32)
	if err != nil {
		return v, fmt.Errorf("provider: parse voucher: %s: %w", HeaderChannel, err)
	}
	cum, err := ParseAmount(single(h, HeaderCumulative))
	if err != nil {
		return v, fmt.Errorf("provider: parse voucher: %s: %w", HeaderCumulative, err)
	}
	sig, err := ParseHex(single(h, HeaderSignature), 65)
	if err != nil {
		return v, fmt.Errorf("provider: parse voucher: %s: %w", HeaderSignature, err)
	}
	v.Channel = common.BytesToHash(ch)
	v.Cumulative = cum
	v.Signature = sig
	return v, nil
}

// single returns the header's value only if it appears exactly once.
func single(h http.Header, name string) string {
	vs := h.Values(name)
	if len(vs) != 1 {
		return ""
	}
	return vs[0]
}

func clip(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}

// SetReceipt writes a receipt into response headers.
func SetReceipt(h http.Header, cumulative *big.Int, request common.Hash, sig []byte) {
	h.Set(HeaderReceiptCumulative, cumulative.String())
	h.Set(HeaderReceiptRequest, request.Hex())
	h.Set(HeaderReceiptSignature, "0x"+hex.EncodeToString(sig))
}

// RequestHasher computes the request hash a Receipt binds:
// keccak256(service ‖ 0x00 ‖ canonical query ‖ 0x00 ‖ body), where the
// canonical query is url.Values.Encode() (keys sorted). Write the body to
// it as it streams.
type RequestHasher struct{ h crypto.KeccakState }

// NewRequestHasher starts the hash for service and its parameters.
func NewRequestHasher(service string, params url.Values) *RequestHasher {
	h := crypto.NewKeccakState()
	h.Write([]byte(service))
	h.Write([]byte{0})
	h.Write([]byte(params.Encode()))
	h.Write([]byte{0})
	return &RequestHasher{h: h}
}

// Write adds body bytes.
func (r *RequestHasher) Write(p []byte) (int, error) { return r.h.Write(p) }

// Sum returns the request hash.
func (r *RequestHasher) Sum() common.Hash {
	var out common.Hash
	_, _ = r.h.Read(out[:]) // a Keccak XOF: Read never fails
	return out
}
