package sphinx

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/mycroft-network/mycroft/internal/jsgf"
	"github.com/mycroft-network/mycroft/voice"
)

// Model paths of Debian's pocketsphinx-en-us package.
const (
	DefaultHMM  = "/usr/share/pocketsphinx/model/en-us/en-us"
	DefaultDict = "/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict"
	Program     = "pocketsphinx_continuous"
)

// ErrUnavailable: pocketsphinx or its model is not installed.
var ErrUnavailable = errors.New("sphinx: pocketsphinx not installed")

// Available reports whether the recogniser can run here.
func Available() error {
	if _, err := exec.LookPath(Program); err != nil {
		return fmt.Errorf("%w: %v", ErrUnavailable, err)
	}
	for _, p := range []string{DefaultHMM, DefaultDict} {
		if _, err := os.Stat(p); err != nil {
			return fmt.Errorf("%w: %v", ErrUnavailable, err)
		}
	}
	return nil
}

// Server recognises speech. The zero value is ready.
type Server struct {
	// OnAudioEnd, when set, is called the moment the request body ends
	// (for measuring end of speech → final request).
	OnAudioEnd func()
}

const maxBody = 32000 * 60

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "POST only", http.StatusMethodNotAllowed)
		return
	}
	raw, err := base64.StdEncoding.DecodeString(r.Header.Get("X-Grammar"))
	if err != nil || len(raw) == 0 {
		http.Error(w, "missing or bad X-Grammar", http.StatusBadRequest)
		return
	}
	grammar, err := jsgf.Canonical(string(raw))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	pcm, err := io.ReadAll(io.LimitReader(r.Body, maxBody))
	if s.OnAudioEnd != nil {
		s.OnAudioEnd()
	}
	if err != nil {
		http.Error(w, "reading audio: "+err.Error(), http.StatusBadRequest)
		return
	}
	text, err := Recognize(r.Context(), grammar, pcm)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(voice.Transcript{Text: text})
}

// Recognize runs pocketsphinx over raw 16 kHz mono s16le PCM with a JSGF
// grammar and returns the hypothesis ("" when nothing matched). The
// grammar must pass jsgf.Canonical; pocketsphinx reads its canonical form.
func Recognize(ctx context.Context, grammar string, pcm []byte) (string, error) {
	grammar, err := jsgf.Canonical(grammar)
	if err != nil {
		return "", fmt.Errorf("sphinx: %w", err)
	}
	if err := Available(); err != nil {
		return "", err
	}
	dir, err := os.MkdirTemp("", "sphinx-")
	if err != nil {
		return "", fmt.Errorf("sphinx: %w", err)
	}
	defer os.RemoveAll(dir)
	gram, wav := filepath.Join(dir, "g.gram"), filepath.Join(dir, "u.wav")
	if err := os.WriteFile(gram, []byte(grammar), 0o600); err != nil {
		return "", fmt.Errorf("sphinx: %w", err)
	}
	if err := os.WriteFile(wav, wavHeader(pcm), 0o600); err != nil {
		return "", fmt.Errorf("sphinx: %w", err)
	}
	cmd := exec.CommandContext(ctx, Program, "-infile", wav, "-jsgf", gram,
		"-hmm", DefaultHMM, "-dict", DefaultDict, "-logfn", os.DevNull)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("sphinx: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	return hypothesis(out), nil
}

// maxHypothesis caps the text Recognize returns (bytes).
const maxHypothesis = 4 << 10

// hypothesis joins pocketsphinx_continuous's output (one line per
// recognised segment) into one line of words: printable UTF-8 (invalid
// bytes become U+FFFD), single spaces, at most maxHypothesis bytes, cut
// between words.
func hypothesis(out []byte) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(strings.ToValidUTF8(string(out), "\uFFFD"), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || r == '\u2028' || r == '\u2029'
	}) {
		if b.Len()+1+len(w) > maxHypothesis {
			break
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

func wavHeader(pcm []byte) []byte {
	b := []byte("RIFF")
	b = binary.LittleEndian.AppendUint32(b, uint32(36+len(pcm)))
	b = append(b, "WAVEfmt "...)
	b = binary.LittleEndian.AppendUint32(b, 16)
	b = binary.LittleEndian.AppendUint16(b, 1)
	b = binary.LittleEndian.AppendUint16(b, 1)
	b = binary.LittleEndian.AppendUint32(b, 16000)
	b = binary.LittleEndian.AppendUint32(b, 32000)
	b = binary.LittleEndian.AppendUint16(b, 2)
	b = binary.LittleEndian.AppendUint16(b, 16)
	b = append(b, "data"...)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(pcm)))
	return append(b, pcm...)
}

// Client is a voice.Transcriber for Server (or any server of the same wire
// format): it streams the utterance as the request body while it is spoken.
type Client struct {
	URL  string
	HTTP *http.Client
}

// Transcribe implements voice.Transcriber.
func (c *Client) Transcribe(ctx context.Context, grammar string, audio io.Reader) (voice.Transcript, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.URL, io.NopCloser(audio))
	if err != nil {
		return voice.Transcript{}, fmt.Errorf("sphinx: client: %w", err)
	}
	req.Header.Set("Content-Type", "audio/L16; rate=16000; channels=1")
	req.Header.Set("X-Grammar", base64.StdEncoding.EncodeToString([]byte(grammar)))
	hc := c.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return voice.Transcript{}, fmt.Errorf("sphinx: client: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return voice.Transcript{}, fmt.Errorf("sphinx: client: %s: %s", resp.Status, strings.TrimSpace(string(msg)))
	}
	var t voice.Transcript
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<16)).Decode(&t); err != nil {
		return voice.Transcript{}, fmt.Errorf("sphinx: client: %w", err)
	}
	return t, nil
}
