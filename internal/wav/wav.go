package wav

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"

	"github.com/mycroft-network/mycroft/internal/atomicfile"
)

// Errors returned by this package; test them with errors.Is.
var (
	// ErrFormat reports a stream that is not a well-formed RIFF WAVE file.
	ErrFormat = errors.New("wav: malformed file")
	// ErrUnsupported reports a well-formed WAV file in a format other than
	// 16-bit PCM mono.
	ErrUnsupported = errors.New("wav: unsupported format (want 16-bit PCM mono)")
	// ErrTruncated reports a data chunk shorter than its header says.
	ErrTruncated = errors.New("wav: truncated data")
	// ErrTooLarge reports audio beyond MaxSamples (Decode) or beyond what
	// a RIFF file can hold (Writer).
	ErrTooLarge = errors.New("wav: too large")
)

const (
	// HeaderSize is the size of the header Encode and Writer produce.
	HeaderSize = 44
	// MaxRate is the highest sample rate accepted.
	MaxRate = 384000
	// MaxSamples bounds what Decode loads into memory (about 2 hours at
	// 16 kHz).
	MaxSamples = 1 << 27
	// streamSize is the data size a streaming producer writes when it does
	// not know the length; the data then runs to the end of the stream.
	streamSize = 0xFFFFFFFF
	maxData    = math.MaxUint32 - (HeaderSize - 8)
)

// Audio is a decoded file: mono samples at Rate samples per second.
type Audio struct {
	Rate    int
	Samples []int16
}

// Reader streams the samples of a WAV file.
type Reader struct {
	r       *bufio.Reader
	rate    int
	left    int64 // bytes of data left; -1 when the size is unknown
	known   bool
	scratch []byte
}

// NewReader reads and validates the header of a WAV stream and returns a
// Reader positioned at the first sample. Chunks other than "fmt " and "data"
// (LIST, fact, ...) are skipped.
func NewReader(r io.Reader) (*Reader, error) {
	br := bufio.NewReader(r)
	var riff [12]byte
	if _, err := io.ReadFull(br, riff[:]); err != nil {
		return nil, fmt.Errorf("%w: RIFF header: %v", ErrFormat, err)
	}
	if string(riff[0:4]) != "RIFF" || string(riff[8:12]) != "WAVE" {
		return nil, fmt.Errorf("%w: not a RIFF WAVE stream", ErrFormat)
	}
	rate := 0
	for {
		var ch [8]byte
		if _, err := io.ReadFull(br, ch[:]); err != nil {
			if rate == 0 {
				return nil, fmt.Errorf("%w: no fmt chunk", ErrFormat)
			}
			return nil, fmt.Errorf("%w: no data chunk", ErrFormat)
		}
		id := string(ch[0:4])
		size := int64(binary.LittleEndian.Uint32(ch[4:8]))
		switch id {
		case "fmt ":
			if rate != 0 {
				return nil, fmt.Errorf("%w: two fmt chunks", ErrFormat)
			}
			if size < 16 || size > 1024 {
				return nil, fmt.Errorf("%w: fmt chunk of %d bytes", ErrFormat, size)
			}
			buf := make([]byte, size+size%2)
			if _, err := io.ReadFull(br, buf); err != nil {
				return nil, fmt.Errorf("%w: fmt chunk: %v", ErrFormat, err)
			}
			var err error
			if rate, err = parseFmt(buf[:size]); err != nil {
				return nil, err
			}
		case "data":
			if rate == 0 {
				return nil, fmt.Errorf("%w: data chunk before fmt chunk", ErrFormat)
			}
			rd := &Reader{r: br, rate: rate, left: size, known: true}
			if size == streamSize {
				rd.left, rd.known = -1, false
			} else if size%2 != 0 {
				return nil, fmt.Errorf("%w: data chunk of odd size %d", ErrFormat, size)
			}
			return rd, nil
		default:
			if len(id) != 4 || !printable(ch[0:4]) {
				return nil, fmt.Errorf("%w: bad chunk id %q", ErrFormat, id)
			}
			if _, err := io.CopyN(io.Discard, br, size+size%2); err != nil {
				return nil, fmt.Errorf("%w: chunk %q: %v", ErrFormat, id, err)
			}
		}
	}
}

func printable(b []byte) bool {
	for _, c := range b {
		if c < 0x20 || c > 0x7e {
			return false
		}
	}
	return true
}

func parseFmt(b []byte) (int, error) {
	format := binary.LittleEndian.Uint16(b[0:2])
	channels := binary.LittleEndian.Uint16(b[2:4])
	rate := binary.LittleEndian.Uint32(b[4:8])
	byteRate := binary.LittleEndian.Uint32(b[8:12])
	align := binary.LittleEndian.Uint16(b[12:14])
	bits := binary.LittleEndian.Uint16(b[14:16])
	if format != 1 {
		return 0, fmt.Errorf("%w: audio format %#x", ErrUnsupported, format)
	}
	if channels != 1 {
		return 0, fmt.Errorf("%w: %d channels", ErrUnsupported, channels)
	}
	if bits != 16 {
		return 0, fmt.Errorf("%w: %d bits per sample", ErrUnsupported, bits)
	}
	if rate == 0 || rate > MaxRate {
		return 0, fmt.Errorf("%w: sample rate %d", ErrUnsupported, rate)
	}
	if align != 2 || byteRate != rate*2 {
		return 0, fmt.Errorf("%w: block align %d and byte rate %d do not match 16-bit mono at %d Hz", ErrFormat, align, byteRate, rate)
	}
	return int(rate), nil
}

// Rate is the sample rate in samples per second.
func (r *Reader) Rate() int { return r.rate }

// Remaining is the number of samples left to read, or -1 when the header
// does not say (a stream written with an unknown length).
func (r *Reader) Remaining() int64 {
	if !r.known {
		return -1
	}
	return r.left / 2
}

// Read fills p with the next samples. It returns io.EOF at the end of the
// data and an error wrapping ErrTruncated when the stream ends early.
func (r *Reader) Read(p []int16) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	want := int64(len(p)) * 2
	if r.known {
		if r.left == 0 {
			return 0, io.EOF
		}
		want = min(want, r.left)
	}
	if cap(r.scratch) < int(want) {
		r.scratch = make([]byte, want)
	}
	buf := r.scratch[:want]
	n, err := io.ReadFull(r.r, buf)
	if n%2 == 1 {
		if !r.known {
			// An unknown-length stream cut in the middle of a sample.
			n--
		}
	}
	ns := n / 2
	for i := range ns {
		p[i] = int16(binary.LittleEndian.Uint16(buf[2*i:]))
	}
	if r.known {
		r.left -= int64(ns) * 2
	}
	switch {
	case err == nil:
		return ns, nil
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		if !r.known {
			if ns == 0 {
				return 0, io.EOF
			}
			return ns, nil
		}
		return ns, fmt.Errorf("%w: %d bytes missing", ErrTruncated, r.left)
	default:
		return ns, fmt.Errorf("wav: read: %w", err)
	}
}

// Decode reads a whole WAV stream. It stops with ErrTooLarge beyond
// MaxSamples.
func Decode(r io.Reader) (*Audio, error) {
	rd, err := NewReader(r)
	if err != nil {
		return nil, err
	}
	a := &Audio{Rate: rd.rate}
	if n := rd.Remaining(); n > 0 {
		a.Samples = make([]int16, 0, min(n, 1<<20))
	}
	buf := make([]int16, 4096)
	for {
		n, err := rd.Read(buf)
		a.Samples = append(a.Samples, buf[:n]...)
		if len(a.Samples) > MaxSamples {
			return nil, fmt.Errorf("%w: more than %d samples", ErrTooLarge, MaxSamples)
		}
		if err == io.EOF {
			return a, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// ReadFile decodes the WAV file at path.
func ReadFile(path string) (*Audio, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("wav: open: %w", err)
	}
	defer f.Close()
	a, err := Decode(f)
	if err != nil {
		return nil, fmt.Errorf("wav: %s: %w", filepath.Base(path), err)
	}
	return a, nil
}

// header returns the 44-byte header for n samples at rate.
func header(rate int, n int64) []byte {
	h := make([]byte, HeaderSize)
	data := uint32(n * 2)
	copy(h[0:4], "RIFF")
	binary.LittleEndian.PutUint32(h[4:8], data+HeaderSize-8)
	copy(h[8:12], "WAVE")
	copy(h[12:16], "fmt ")
	binary.LittleEndian.PutUint32(h[16:20], 16)
	binary.LittleEndian.PutUint16(h[20:22], 1) // PCM
	binary.LittleEndian.PutUint16(h[22:24], 1) // mono
	binary.LittleEndian.PutUint32(h[24:28], uint32(rate))
	binary.LittleEndian.PutUint32(h[28:32], uint32(rate*2))
	binary.LittleEndian.PutUint16(h[32:34], 2)
	binary.LittleEndian.PutUint16(h[34:36], 16)
	copy(h[36:40], "data")
	binary.LittleEndian.PutUint32(h[40:44], data)
	return h
}

func checkRate(rate int) error {
	if rate <= 0 || rate > MaxRate {
		return fmt.Errorf("%w: sample rate %d", ErrUnsupported, rate)
	}
	return nil
}

func putSamples(dst []byte, s []int16) {
	for i, v := range s {
		binary.LittleEndian.PutUint16(dst[2*i:], uint16(v))
	}
}

// Encode writes samples as a complete WAV stream.
func Encode(w io.Writer, rate int, samples []int16) error {
	if err := checkRate(rate); err != nil {
		return err
	}
	if int64(len(samples))*2 > maxData {
		return fmt.Errorf("wav: encode: %w", ErrTooLarge)
	}
	buf := make([]byte, HeaderSize+2*len(samples))
	copy(buf, header(rate, int64(len(samples))))
	putSamples(buf[HeaderSize:], samples)
	if _, err := w.Write(buf); err != nil {
		return fmt.Errorf("wav: encode: %w", err)
	}
	return nil
}

// WriteFile writes samples to path atomically: a temporary file beside it,
// fsync, rename, fsync of the directory.
func WriteFile(path string, rate int, samples []int16) error {
	var buf bytes.Buffer
	if err := Encode(&buf, rate, samples); err != nil {
		return err
	}
	if err := atomicfile.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("wav: write file: %w", err)
	}
	return nil
}

// Writer streams samples into a WAV file. The header is written first with
// the sizes of what has been written so far and patched on every Flush and
// on Close, so the file on disk is valid up to the last flush.
type Writer struct {
	ws      io.WriteSeeker
	rate    int
	n       int64 // samples written
	flushed int64 // samples covered by the header on disk
	buf     *bufio.Writer
	scratch []byte
	closed  bool
}

// NewWriter writes a header for an empty file to ws (which must be at the
// start of the file) and returns a Writer.
func NewWriter(ws io.WriteSeeker, rate int) (*Writer, error) {
	if err := checkRate(rate); err != nil {
		return nil, err
	}
	if _, err := ws.Write(header(rate, 0)); err != nil {
		return nil, fmt.Errorf("wav: writer: %w", err)
	}
	return &Writer{ws: ws, rate: rate, buf: bufio.NewWriterSize(ws, 32<<10)}, nil
}

// Create creates (or truncates) the file at path and returns a Writer on it
// whose Close also closes the file.
func Create(path string, rate int) (*FileWriter, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("wav: create: %w", err)
	}
	w, err := NewWriter(f, rate)
	if err != nil {
		f.Close()
		return nil, err
	}
	return &FileWriter{Writer: w, f: f}, nil
}

// Rate is the sample rate of the file.
func (w *Writer) Rate() int { return w.rate }

// Len is the number of samples written so far.
func (w *Writer) Len() int64 { return w.n }

// Write appends samples. It implements the shape of hal.Speaker.Write.
func (w *Writer) Write(p []int16) (int, error) {
	if w.closed {
		return 0, fmt.Errorf("wav: write: %w", os.ErrClosed)
	}
	if (w.n+int64(len(p)))*2 > maxData {
		return 0, fmt.Errorf("wav: write: %w", ErrTooLarge)
	}
	if cap(w.scratch) < 2*len(p) {
		w.scratch = make([]byte, 2*len(p))
	}
	b := w.scratch[:2*len(p)]
	putSamples(b, p)
	if _, err := w.buf.Write(b); err != nil {
		return 0, fmt.Errorf("wav: write: %w", err)
	}
	w.n += int64(len(p))
	return len(p), nil
}

// Flush writes buffered samples and patches the header to cover them.
func (w *Writer) Flush() error {
	if w.closed {
		return nil
	}
	if err := w.buf.Flush(); err != nil {
		return fmt.Errorf("wav: flush: %w", err)
	}
	if w.flushed == w.n {
		return nil
	}
	if _, err := w.ws.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("wav: flush: %w", err)
	}
	if _, err := w.ws.Write(header(w.rate, w.n)); err != nil {
		return fmt.Errorf("wav: flush: %w", err)
	}
	if _, err := w.ws.Seek(0, io.SeekEnd); err != nil {
		return fmt.Errorf("wav: flush: %w", err)
	}
	w.flushed = w.n
	return nil
}

// Close flushes. It does not close the underlying WriteSeeker.
func (w *Writer) Close() error {
	if w.closed {
		return nil
	}
	err := w.Flush()
	w.closed = true
	return err
}

// FileWriter is a Writer on a file it owns.
type FileWriter struct {
	*Writer
	f *os.File
}

// Sync flushes and fsyncs the file.
func (fw *FileWriter) Sync() error {
	if err := fw.Writer.Flush(); err != nil {
		return err
	}
	if err := fw.f.Sync(); err != nil {
		return fmt.Errorf("wav: sync: %w", err)
	}
	return nil
}

// Close flushes, fsyncs and closes the file.
func (fw *FileWriter) Close() error {
	if fw.Writer.closed {
		return nil
	}
	err := fw.Writer.Close()
	if serr := fw.f.Sync(); err == nil && serr != nil {
		err = fmt.Errorf("wav: close: %w", serr)
	}
	if cerr := fw.f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("wav: close: %w", cerr)
	}
	return err
}
