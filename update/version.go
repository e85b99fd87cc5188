package update

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrVersion is wrapped by every version parse error.
var ErrVersion = errors.New("update: version")

// Version is a semver version packed as major<<32 | minor<<16 | patch
// (the form the Releases contract keeps). Zero is "unknown": a development
// build.
type Version uint64

// NewVersion packs major.minor.patch.
func NewVersion(major uint32, minor, patch uint16) Version {
	return Version(uint64(major)<<32 | uint64(minor)<<16 | uint64(patch))
}

// ParseVersion reads "1.2.3" or "v1.2.3" strictly.
func ParseVersion(s string) (Version, error) {
	t := strings.TrimPrefix(s, "v")
	parts := strings.Split(t, ".")
	if len(parts) != 3 {
		return 0, fmt.Errorf("%w: %q is not major.minor.patch", ErrVersion, s)
	}
	var n [3]uint64
	for i, p := range parts {
		bits := 16
		if i == 0 {
			bits = 32
		}
		if p == "" || (len(p) > 1 && p[0] == '0') {
			return 0, fmt.Errorf("%w: %q is not major.minor.patch", ErrVersion, s)
		}
		v, err := strconv.ParseUint(p, 10, bits)
		if err != nil {
			return 0, fmt.Errorf("%w: %q: part %d does not fit in %d bits", ErrVersion, s, i+1, bits)
		}
		n[i] = v
	}
	return NewVersion(uint32(n[0]), uint16(n[1]), uint16(n[2])), nil
}

// RunningVersion reads the version a binary reports (buildinfo: "v1.2.3",
// or "v1.2.3-4-gabcdef-dirty" from git describe): the leading
// major.minor.patch, or 0 when there is none ("devel").
func RunningVersion(s string) Version {
	if i := strings.IndexAny(s, "-+"); i >= 0 {
		s = s[:i]
	}
	v, err := ParseVersion(s)
	if err != nil {
		return 0
	}
	return v
}

func (v Version) String() string {
	if v == 0 {
		return "unknown"
	}
	return fmt.Sprintf("%d.%d.%d", uint64(v)>>32, uint64(v)>>16&0xffff, uint64(v)&0xffff)
}

// MarshalText writes the dotted form.
func (v Version) MarshalText() ([]byte, error) {
	if v == 0 {
		return []byte(""), nil
	}
	return []byte(v.String()), nil
}

// UnmarshalText reads the dotted form ("" is 0).
func (v *Version) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*v = 0
		return nil
	}
	p, err := ParseVersion(string(b))
	if err != nil {
		return err
	}
	*v = p
	return nil
}
