package wallet

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/mycroft-network/mycroft/chain"
)

// Header names of the wire protocol (docs/protocol.md). The provider side
// (miner/provider) declares the same names; the end-to-end tests keep the
// two in step.
const (
	HeaderChannel           = "X-Mycroft-Channel"
	HeaderCumulative        = "X-Mycroft-Cumulative"
	HeaderSignature         = "X-Mycroft-Signature"
	HeaderReceiptCumulative = "X-Mycroft-Receipt-Cumulative"
	HeaderReceiptRequest    = "X-Mycroft-Receipt-Request"
	HeaderReceiptSignature  = "X-Mycroft-Receipt-Signature"
)

// Wire error codes a provider answers with (docs/protocol.md §Errors).
const (
	CodeReplayed       = "replayed"
	CodeStale          = "stale"
	CodeOverDeposit    = "over_deposit"
	CodeWrongPrice     = "wrong_price"
	CodeBadSignature   = "bad_signature"
	CodeUnknownChannel = "unknown_channel"
	CodeClosingChannel = "closing_channel"
	CodeRateLimited    = "rate_limited"
	CodeBadRequest     = "bad_request"
	CodeUnknownService = "unknown_service"
	CodeServiceFailed  = "service_failed"
	CodeUnavailable    = "unavailable"
)

// Errors about what a provider sent.
var (
	ErrBadOffer   = errors.New("wallet: bad offer")
	ErrBadReceipt = errors.New("wallet: bad receipt")
	// ErrRefused wraps every refusal a provider answered with; see
	// ProviderError for the code.
	ErrRefused = errors.New("wallet: provider refused")
)

// ProviderError is a refusal from a provider.
type ProviderError struct {
	Status  int
	Code    string
	Message string
	// Held is the cumulative the provider says it holds (nil if unsaid).
	Held *big.Int
}

func (e *ProviderError) Error() string {
	return fmt.Sprintf("wallet: provider refused (%d %s): %s", e.Status, e.Code, e.Message)
}

// Unwrap makes errors.Is(err, ErrRefused) true.
func (e *ProviderError) Unwrap() error { return ErrRefused }

// parseProviderError reads a refusal body; it never fails (an unreadable
// body gives code "unavailable").
func parseProviderError(status int, body []byte) *ProviderError {
	var b struct {
		Error struct {
			Code       string `json:"code"`
			Message    string `json:"message"`
			Cumulative string `json:"cumulative"`
		} `json:"error"`
	}
	e := &ProviderError{Status: status, Code: CodeUnavailable, Message: http.StatusText(status)}
	if json.Unmarshal(body, &b) != nil || !isErrorCode(b.Error.Code) {
		return e
	}
	// The message reaches logs and the owner's ears: one line, clipped.
	e.Code, e.Message = b.Error.Code, clipLine(b.Error.Message, maxErrorMessage)
	if b.Error.Cumulative != "" {
		if v, err := parseAmount(b.Error.Cumulative); err == nil {
			e.Held = v
		}
	}
	return e
}

var maxUint256 = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))

func parseAmount(s string) (*big.Int, error) {
	if s == "" || len(s) > 78 || (len(s) > 1 && s[0] == '0') {
		return nil, fmt.Errorf("amount %q is not canonical", clip(s))
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return nil, fmt.Errorf("amount %q is not a decimal", clip(s))
		}
	}
	v, _ := new(big.Int).SetString(s, 10)
	if v.Cmp(maxUint256) > 0 {
		return nil, errors.New("amount above 2^256-1")
	}
	return v, nil
}

func parseHex(s string, n int) ([]byte, error) {
	if len(s) != 2+2*n || !strings.HasPrefix(s, "0x") {
		return nil, fmt.Errorf("want 0x and %d hex digits", 2*n)
	}
	return hex.DecodeString(s[2:])
}

func hexSig(b []byte) string { return "0x" + hex.EncodeToString(b) }

func clip(s string) string {
	if len(s) > 200 {
		return s[:200] + "…"
	}
	return s
}

// Receipt is a provider's signed acknowledgement of a paid call.
type Receipt struct {
	Channel    common.Hash `json:"channel"`
	Cumulative *big.Int    `json:"cumulative"`
	Request    common.Hash `json:"request"`
	Signature  []byte      `json:"signature"`
}

// ParseReceipt reads the receipt headers of a response (channel is the
// call's). It checks form only; VerifyReceipt checks the signature.
func ParseReceipt(h http.Header, channel common.Hash) (Receipt, error) {
	one := func(k string) string {
		if v := h.Values(k); len(v) == 1 {
			return v[0]
		}
		return ""
	}
	cum, err := parseAmount(one(HeaderReceiptCumulative))
	if err != nil {
		return Receipt{}, fmt.Errorf("%w: cumulative: %v", ErrBadReceipt, err)
	}
	req, err := parseHex(one(HeaderReceiptRequest), 32)
	if err != nil {
		return Receipt{}, fmt.Errorf("%w: request: %v", ErrBadReceipt, err)
	}
	sig, err := parseHex(one(HeaderReceiptSignature), 65)
	if err != nil {
		return Receipt{}, fmt.Errorf("%w: signature: %v", ErrBadReceipt, err)
	}
	return Receipt{Channel: channel, Cumulative: cum, Request: common.BytesToHash(req), Signature: sig}, nil
}

// VerifyReceipt checks that provider signed r in the "Mycroft Provider"
// domain of chainID and the Channels contract.
func VerifyReceipt(r Receipt, chainID *big.Int, channels, provider common.Address) error {
	td := chain.ReceiptTypedData(chainID, channels, r.Channel, r.Cumulative, r.Request)
	if err := chain.VerifyTypedData(td, r.Signature, provider); err != nil {
		return fmt.Errorf("%w: %v", ErrBadReceipt, err)
	}
	return nil
}

// RequestHash is keccak256(service ‖ 0x00 ‖ canonical query ‖ 0x00 ‖
// body), the request a Receipt binds; write the body to it as it streams.
type RequestHash struct{ h crypto.KeccakState }

// NewRequestHash starts the hash of a call.
func NewRequestHash(service string, params url.Values) *RequestHash {
	h := crypto.NewKeccakState()
	h.Write([]byte(service))
	h.Write([]byte{0})
	h.Write([]byte(params.Encode()))
	h.Write([]byte{0})
	return &RequestHash{h: h}
}

// Write adds body bytes.
func (r *RequestHash) Write(p []byte) (int, error) { return r.h.Write(p) }

// Sum returns the hash.
func (r *RequestHash) Sum() common.Hash {
	var out common.Hash
	_, _ = r.h.Read(out[:]) // a Keccak XOF: Read never fails
	return out
}

// Offer is a provider's signed price list (GET /v1/offer), verified.
type Offer struct {
	Provider      common.Address
	Endpoint      string
	Prices        chain.Prices
	Expiry        time.Time
	MinCloseDelay uint64
}

// maxOffer caps the offer body.
const maxOffer = 64 << 10

// ParseOffer parses and verifies an offer: well-formed, signed by its
// provider in the "Mycroft Provider" domain of chainID and registry, for
// this chain, not expired at now, with canonical services.
func ParseOffer(data []byte, chainID *big.Int, registry common.Address, now time.Time) (Offer, error) {
	var raw struct {
		Provider      string `json:"provider"`
		Endpoint      string `json:"endpoint"`
		Services      string `json:"services"`
		Expiry        uint64 `json:"expiry"`
		ChainID       string `json:"chainId"`
		Registry      string `json:"registry"`
		MinCloseDelay uint64 `json:"minCloseDelay"`
		Signature     string `json:"signature"`
	}
	if len(data) > maxOffer {
		return Offer{}, fmt.Errorf("%w: %d bytes", ErrBadOffer, len(data))
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return Offer{}, fmt.Errorf("%w: %v", ErrBadOffer, err)
	}
	if !common.IsHexAddress(raw.Provider) {
		return Offer{}, fmt.Errorf("%w: provider address", ErrBadOffer)
	}
	if raw.ChainID != chainID.String() {
		return Offer{}, fmt.Errorf("%w: chain id %q, want %s", ErrBadOffer, clip(raw.ChainID), chainID)
	}
	if len(raw.Endpoint) > chain.MaxEndpointLength {
		return Offer{}, fmt.Errorf("%w: endpoint too long", ErrBadOffer)
	}
	prices, err := chain.ParseCanonicalServices(raw.Services)
	if err != nil {
		return Offer{}, fmt.Errorf("%w: %v", ErrBadOffer, err)
	}
	if raw.Expiry > 1<<62 || time.Unix(int64(raw.Expiry), 0).Before(now) {
		return Offer{}, fmt.Errorf("%w: expired", ErrBadOffer)
	}
	sig, err := parseHex(raw.Signature, 65)
	if err != nil {
		return Offer{}, fmt.Errorf("%w: signature: %v", ErrBadOffer, err)
	}
	o := Offer{Provider: common.HexToAddress(raw.Provider), Endpoint: raw.Endpoint, Prices: prices,
		Expiry: time.Unix(int64(raw.Expiry), 0), MinCloseDelay: raw.MinCloseDelay}
	td := chain.OfferTypedData(chainID, registry, o.Provider, o.Endpoint, raw.Services, new(big.Int).SetUint64(raw.Expiry))
	if err := chain.VerifyTypedData(td, sig, o.Provider); err != nil {
		return Offer{}, fmt.Errorf("%w: %v", ErrBadOffer, err)
	}
	return o, nil
}
