package apiclient

import (
	"bytes"
	"io"
	"net/http"
)

// maxInProcessAnswer bounds an answer read from an in-process handler, as
// Do bounds one read from the socket.
const maxInProcessAnswer = 16 << 20

// NewInProcess returns a client that calls h, the agent's own local API
// handler, directly: no socket, no connection. The agent's faces to the
// outside (the owner's web page) use it so that every action goes through
// exactly the endpoints, checks and answers the CLI gets.
func NewInProcess(h http.Handler) *Client {
	return &Client{Socket: "(in process)", hc: &http.Client{Transport: handlerTransport{h}}}
}

// handlerTransport is an http.RoundTripper that serves a request with a
// handler and buffers the answer.
type handlerTransport struct{ h http.Handler }

func (t handlerTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	w := &bufferedWriter{header: http.Header{}}
	if req.Body == nil {
		req.Body = http.NoBody
	}
	t.h.ServeHTTP(w, req)
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return &http.Response{
		Status:        http.StatusText(w.status),
		StatusCode:    w.status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        w.header,
		Body:          io.NopCloser(bytes.NewReader(w.body.Bytes())),
		ContentLength: int64(w.body.Len()),
		Request:       req,
	}, nil
}

// bufferedWriter is the http.ResponseWriter of an in-process request.
type bufferedWriter struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (w *bufferedWriter) Header() http.Header { return w.header }

func (w *bufferedWriter) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
}

func (w *bufferedWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	if w.body.Len()+len(b) > maxInProcessAnswer {
		return 0, io.ErrShortWrite
	}
	return w.body.Write(b)
}
