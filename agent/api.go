package agent

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"github.com/mycroft-network/mycroft/internal/apiclient"
	"github.com/mycroft-network/mycroft/internal/buildinfo"
)

// maxRequestBody bounds what a local API request may carry.
const maxRequestBody = 1 << 20

// apiHandler is a local API endpoint: it returns a value to send as JSON, or
// an error (an *apiclient.Error keeps its status code; anything else is a
// 500).
type apiHandler func(r *http.Request) (any, error)

// handle registers h for pattern ("GET /status"), under the API prefix.
func (a *Agent) handle(pattern string, h apiHandler) {
	method, path, ok := cutPattern(pattern)
	if !ok {
		panic("agent: bad route pattern " + pattern) // programming error, not input
	}
	a.mux.HandleFunc(method+" "+apiclient.Prefix+path, func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, maxRequestBody)
		v, err := h(r)
		if err != nil {
			var ae *apiclient.Error
			if !errors.As(err, &ae) {
				ae = &apiclient.Error{Status: http.StatusInternalServerError, Message: err.Error()}
			}
			writeJSON(w, ae.Status, ae)
			return
		}
		writeJSON(w, http.StatusOK, v)
	})
}

func cutPattern(p string) (method, path string, ok bool) {
	for i := 0; i < len(p); i++ {
		if p[i] == ' ' {
			return p[:i], p[i+1:], len(p) > i+1 && p[i+1] == '/'
		}
	}
	return "", "", false
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

// decodeJSON reads the request body into v, refusing unknown fields and
// anything after the one JSON value (white space aside). An empty body
// leaves v as it is.
func decodeJSON(r *http.Request, v any) error {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		if errors.Is(err, io.EOF) {
			return nil
		}
		return badRequest("bad request body: %v", err)
	}
	var extra json.RawMessage
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return badRequest("bad request body: data after the JSON value")
	}
	return nil
}

func badRequest(format string, args ...any) error {
	return &apiclient.Error{Status: http.StatusBadRequest, Message: fmt.Sprintf(format, args...)}
}

func unavailable(format string, args ...any) error {
	return &apiclient.Error{Status: http.StatusServiceUnavailable, Message: fmt.Sprintf(format, args...)}
}

// routes registers the endpoints of the agent itself.
func (a *Agent) routes() {
	a.handle("GET /status", func(*http.Request) (any, error) { return a.Status(), nil })
	a.handle("GET /version", func(*http.Request) (any, error) { return buildinfo.Read(), nil })
	a.handle("GET /health", func(*http.Request) (any, error) { return a.health.Warnings(), nil })
}

// apiServer is the local API as a Service.
type apiServer struct {
	ln  net.Listener
	srv *http.Server
}

func (s *apiServer) Name() string { return "api" }

func (s *apiServer) Run(ctx context.Context) error {
	s.srv.BaseContext = func(net.Listener) context.Context { return ctx }
	errc := make(chan error, 1)
	go func() { errc <- s.srv.Serve(s.ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = s.srv.Shutdown(sctx)
		return ctx.Err()
	}
}

func (s *apiServer) Close() error {
	err := s.srv.Close()
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	// Close the listener too, in case Serve never ran; this also unlinks
	// the socket file.
	if lerr := s.ln.Close(); lerr != nil && !errors.Is(lerr, net.ErrClosed) && err == nil {
		err = lerr
	}
	return err
}
