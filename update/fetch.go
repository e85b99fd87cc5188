package update

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/mycroft-network/mycroft/chain"
)

// Errors of a fetch.
var (
	// ErrHashMismatch: what was fetched is not the binary the chain
	// names (sha256 or size differ); it is deleted, nothing is installed.
	ErrHashMismatch = errors.New("update: the binary does not match the sha256 and size approved on chain")
	// ErrNoSource: no mirror and no storage node could give the binary.
	ErrNoSource = errors.New("update: no mirror or storage node has the release")
)

// Fetcher gets a release's binary for one architecture into Dir, checked
// against the size and sha256 on chain. It tries the mirrors in order
// (GET <mirror>/<sha256 hex>: a mirror is any web server holding the
// binaries under their hash), then the storage nodes. A download that
// stopped is resumed from the part already on disk (Range for mirrors,
// the next chunk for storage nodes). Nothing more than the size on chain
// is ever read.
type Fetcher struct {
	// Dir holds downloads: <sha256 hex>.part while it runs. Put it on the
	// slots' file system so an install is a rename.
	Dir     string
	Mirrors []string
	// Nodes lists the storage nodes to try (nil: none).
	Nodes func(ctx context.Context) []StorageNode
	// HTTP is the mirrors' client (nil: one with Timeout).
	HTTP *http.Client
	// Timeout bounds the download from one source, mirror or storage
	// node (default 15 minutes).
	Timeout time.Duration
	Log     *slog.Logger
}

// FetchResult says where a binary came from and what it cost.
type FetchResult struct {
	Path    string `json:"-"`
	Source  string `json:"source"`  // the mirror's URL or "storage node"
	Fetched int64  `json:"fetched"` // bytes read from the network (payload)
	Resumed int64  `json:"resumed"` // bytes already on disk from an earlier try
}

func (f *Fetcher) log() *slog.Logger {
	if f.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return f.Log
}

func (f *Fetcher) timeout() time.Duration {
	if f.Timeout <= 0 {
		return 15 * time.Minute
	}
	return f.Timeout
}

func (f *Fetcher) client() *http.Client {
	if f.HTTP != nil {
		return f.HTTP
	}
	return &http.Client{Timeout: f.timeout()}
}

// Fetch downloads artifact a and returns the path of the verified file
// (Dir/<sha256 hex>.verified). Every source that fails is logged and the
// next one tried; a file that does not match the chain is deleted.
func (f *Fetcher) Fetch(ctx context.Context, a chain.ReleaseArtifact) (FetchResult, error) {
	if a.Size == 0 || a.Size > MaxBinary {
		return FetchResult{}, fmt.Errorf("update: fetch: size %d on chain, want 1 to %d", a.Size, MaxBinary)
	}
	if err := os.MkdirAll(f.Dir, 0o700); err != nil {
		return FetchResult{}, fmt.Errorf("update: fetch: %w", err)
	}
	name := hex.EncodeToString(a.SHA256[:])
	part := filepath.Join(f.Dir, name+".part")
	done := filepath.Join(f.Dir, name+".verified")
	if err := verifyFile(done, a); err == nil {
		return FetchResult{Path: done, Source: "cache"}, nil
	}
	var errs []error
	try := func(src string, get func(*os.File, int64) (int64, error)) (FetchResult, bool) {
		file, err := os.OpenFile(part, os.O_CREATE|os.O_RDWR, 0o600)
		if err != nil {
			errs = append(errs, err)
			return FetchResult{}, false
		}
		have, _ := file.Seek(0, io.SeekEnd)
		if have > int64(a.Size) {
			have = 0
		}
		n, err := get(file, have)
		cerr := file.Close()
		if err == nil {
			err = cerr
		}
		res := FetchResult{Path: done, Source: src, Fetched: n, Resumed: have}
		if err != nil {
			f.log().Warn("update: fetch failed", "source", src, "err", err)
			errs = append(errs, fmt.Errorf("%s: %w", src, err))
			if errors.Is(err, ErrHashMismatch) {
				_ = os.Remove(part)
			}
			return res, false
		}
		if err := verifyFile(part, a); err != nil {
			_ = os.Remove(part)
			errs = append(errs, fmt.Errorf("%s: %w", src, err))
			f.log().Warn("update: fetched binary refused", "source", src, "err", err)
			return res, false
		}
		if err := os.Rename(part, done); err != nil {
			errs = append(errs, err)
			return res, false
		}
		return res, true
	}
	for _, m := range f.Mirrors {
		if ctx.Err() != nil {
			break
		}
		url := strings.TrimRight(m, "/") + "/" + name
		if res, ok := try(url, func(file *os.File, have int64) (int64, error) {
			ctx, cancel := context.WithTimeout(ctx, f.timeout())
			defer cancel()
			return f.fromMirror(ctx, url, file, have, a)
		}); ok {
			return res, nil
		}
	}
	if f.Nodes != nil && a.StorageRoot != (chain.ReleaseArtifact{}).StorageRoot {
		for i, n := range f.Nodes(ctx) {
			if ctx.Err() != nil {
				break
			}
			if res, ok := try(fmt.Sprintf("storage node %d", i), func(file *os.File, have int64) (int64, error) {
				ctx, cancel := context.WithTimeout(ctx, f.timeout())
				defer cancel()
				return fromNode(ctx, n, file, have, a)
			}); ok {
				return res, nil
			}
		}
	}
	if ctx.Err() != nil {
		errs = append(errs, ctx.Err())
	}
	return FetchResult{}, fmt.Errorf("%w: %w", ErrNoSource, errors.Join(errs...))
}

// fromMirror appends the rest of the binary from url to file, which holds
// have bytes.
func (f *Fetcher) fromMirror(ctx context.Context, url string, file *os.File, have int64, a chain.ReleaseArtifact) (int64, error) {
	size := int64(a.Size)
	if have == size {
		return 0, nil
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, err
	}
	if have > 0 {
		req.Header.Set("Range", "bytes="+strconv.FormatInt(have, 10)+"-")
	}
	resp, err := f.client().Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusOK:
		if err := file.Truncate(0); err != nil {
			return 0, err
		}
		have = 0
	case http.StatusPartialContent:
		if !strings.HasPrefix(resp.Header.Get("Content-Range"), fmt.Sprintf("bytes %d-", have)) {
			return 0, fmt.Errorf("mirror answered range %q, asked from %d", resp.Header.Get("Content-Range"), have)
		}
	default:
		return 0, fmt.Errorf("mirror: %s", resp.Status)
	}
	if resp.ContentLength > size-have {
		return 0, fmt.Errorf("%w: the mirror sends %d bytes, the chain says %d in all", ErrHashMismatch, have+resp.ContentLength, size)
	}
	if _, err := file.Seek(have, io.SeekStart); err != nil {
		return 0, err
	}
	n, err := io.Copy(file, io.LimitReader(resp.Body, size-have+1))
	if err != nil {
		return n, err
	}
	if have+n > size {
		return n, fmt.Errorf("%w: the mirror sent more than the %d bytes on chain", ErrHashMismatch, size)
	}
	return n, file.Sync()
}

// fromNode appends the rest of the binary from a storage node to file,
// which holds have bytes (whole chunks are kept, a torn one fetched
// again).
func fromNode(ctx context.Context, n StorageNode, file *os.File, have int64, a chain.ReleaseArtifact) (int64, error) {
	hashes, fetched, err := fetchIndex(ctx, n, a)
	if err != nil {
		return fetched, err
	}
	first := have / ChunkSize
	if err := file.Truncate(first * ChunkSize); err != nil {
		return fetched, err
	}
	if _, err := file.Seek(first*ChunkSize, io.SeekStart); err != nil {
		return fetched, err
	}
	for i := first; i < int64(len(hashes)); i++ {
		want := min(int64(ChunkSize), int64(a.Size)-i*ChunkSize)
		c, err := n.Get(ctx, hashes[i])
		if err != nil {
			return fetched, err
		}
		fetched += int64(len(c))
		if chain.LeafHash(c) != hashes[i] {
			return fetched, fmt.Errorf("%w: chunk %d is not the one the index names", ErrStorageRelease, i+1)
		}
		if int64(len(c)) != want {
			return fetched, fmt.Errorf("%w: chunk %d has %d bytes, want %d", ErrStorageRelease, i+1, len(c), want)
		}
		if _, err := file.Write(c); err != nil {
			return fetched, err
		}
	}
	return fetched, file.Sync()
}

// verifyFile checks path's size and sha256 against the chain.
func verifyFile(path string, a chain.ReleaseArtifact) error {
	fh, err := os.Open(path)
	if err != nil {
		return err
	}
	defer fh.Close()
	fi, err := fh.Stat()
	if err != nil {
		return err
	}
	if uint64(fi.Size()) != a.Size {
		return fmt.Errorf("%w: %d bytes, the chain says %d", ErrHashMismatch, fi.Size(), a.Size)
	}
	h := sha256.New()
	if _, err := io.Copy(h, fh); err != nil {
		return err
	}
	if got := h.Sum(nil); string(got) != string(a.SHA256[:]) {
		return fmt.Errorf("%w: sha256 %x, the chain says %x", ErrHashMismatch, got, a.SHA256[:])
	}
	return nil
}
