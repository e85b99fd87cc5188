package p2p

import (
	"reflect"
	"testing"

	"github.com/libp2p/go-libp2p"
	rcmgr "github.com/libp2p/go-libp2p/p2p/host/resource-manager"
)

// The service limits are a copy of the root package's (which the host
// does not import): a go-libp2p upgrade that changes them fails here.
func TestServiceLimitsMatchLibp2p(t *testing.T) {
	ours, theirs := rcmgr.DefaultLimits, rcmgr.DefaultLimits
	serviceLimits(&ours)
	libp2p.SetDefaultServiceLimits(&theirs)
	if !reflect.DeepEqual(ours.Scale(0, 0), theirs.Scale(0, 0)) {
		t.Errorf("serviceLimits differs from libp2p.SetDefaultServiceLimits:\nours   %+v\ntheirs %+v", ours.Scale(0, 0), theirs.Scale(0, 0))
	}
}
