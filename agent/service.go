package agent

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"
)

// Service is a long-running part of the agent.
type Service interface {
	// Name is used in logs and health warnings.
	Name() string
	// Run works until ctx is done. A nil return before ctx is done means
	// the service has nothing more to do; an error degrades the agent (it is
	// logged and put in the health registry) but does not stop the others.
	Run(ctx context.Context) error
	// Close releases what the service holds. It is called once, after Run
	// has returned, in the reverse order of registration.
	Close() error
}

// services runs a set of services together and closes them in reverse
// order.
type services struct {
	log    *slog.Logger
	health *Health
	list   []Service
}

// run starts every service and blocks until ctx is done and every Run has
// returned, or until timeout has passed after ctx is done. It then closes
// every service in reverse order. It returns the errors of Close.
func (s *services) run(ctx context.Context, timeout time.Duration) error {
	var wg sync.WaitGroup
	for _, svc := range s.list {
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := svc.Run(ctx)
			switch {
			case err == nil, errors.Is(err, context.Canceled) && ctx.Err() != nil:
			default:
				s.log.Error("service stopped", "service", svc.Name(), "err", err)
				s.health.Set(svc.Name(), Degraded, err.Error())
			}
		}()
	}
	<-ctx.Done()
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(timeout):
		s.log.Warn("services did not stop in time; closing anyway", "timeout", timeout)
	}
	return s.closeAll()
}

// closeAll closes every service in reverse order, joining the errors.
func (s *services) closeAll() error {
	var errs []error
	for i := len(s.list) - 1; i >= 0; i-- {
		if err := s.list[i].Close(); err != nil {
			errs = append(errs, fmt.Errorf("%s: close: %w", s.list[i].Name(), err))
		}
	}
	return errors.Join(errs...)
}
