package sdimage

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
)

// fdt is a flattened device tree read back for the tests: every node by
// its path, with its properties.
type fdt map[string]map[string][]byte

// parseFDT reads a device-tree blob (the format dtc writes: header, a
// structure block of tokens, a strings block).
func parseFDT(b []byte) (fdt, error) {
	be := binary.BigEndian
	if len(b) < 40 || be.Uint32(b) != 0xd00dfeed {
		return nil, fmt.Errorf("fdt: not a device-tree blob")
	}
	total, offStruct, offStrings := be.Uint32(b[4:]), be.Uint32(b[8:]), be.Uint32(b[12:])
	sizeStrings, sizeStruct := be.Uint32(b[32:]), be.Uint32(b[36:])
	if uint64(total) > uint64(len(b)) || uint64(offStruct)+uint64(sizeStruct) > uint64(total) ||
		uint64(offStrings)+uint64(sizeStrings) > uint64(total) {
		return nil, fmt.Errorf("fdt: blocks outside the blob")
	}
	st, strs := b[offStruct:offStruct+sizeStruct], b[offStrings:offStrings+sizeStrings]
	t := fdt{}
	var path []string
	for p := 0; p+4 <= len(st); {
		tok := be.Uint32(st[p:])
		p += 4
		switch tok {
		case 1: // begin node
			end := bytes.IndexByte(st[p:], 0)
			if end < 0 {
				return nil, fmt.Errorf("fdt: unterminated node name")
			}
			path = append(path, string(st[p:p+end]))
			p += (end + 4) &^ 3
			t[nodePath(path)] = map[string][]byte{}
		case 2: // end node
			if len(path) == 0 {
				return nil, fmt.Errorf("fdt: unbalanced end of node")
			}
			path = path[:len(path)-1]
		case 3: // property
			if p+8 > len(st) || len(path) == 0 {
				return nil, fmt.Errorf("fdt: truncated property")
			}
			n, off := int(be.Uint32(st[p:])), int(be.Uint32(st[p+4:]))
			p += 8
			if p+n > len(st) || off >= len(strs) {
				return nil, fmt.Errorf("fdt: property outside the blob")
			}
			name := strs[off:]
			name = name[:bytes.IndexByte(name, 0)]
			t[nodePath(path)][string(name)] = st[p : p+n]
			p += (n + 3) &^ 3
		case 4: // nop
		case 9: // end
			return t, nil
		default:
			return nil, fmt.Errorf("fdt: bad token %d", tok)
		}
	}
	return nil, fmt.Errorf("fdt: no end token")
}

func nodePath(parts []string) string {
	if len(parts) == 1 {
		return "/"
	}
	return "/" + strings.Join(parts[1:], "/")
}

// cells reads a property as big-endian 32-bit cells.
func cells(v []byte) []uint32 {
	out := make([]uint32, len(v)/4)
	for i := range out {
		out[i] = binary.BigEndian.Uint32(v[4*i:])
	}
	return out
}

// str reads a property as its first string.
func str(v []byte) string {
	s, _, _ := strings.Cut(string(v), "\x00")
	return s
}

// strs reads a property as a list of strings.
func strs(v []byte) []string {
	return strings.Split(strings.TrimSuffix(string(v), "\x00"), "\x00")
}

// find returns the path of the node whose path ends with suffix; "" when
// there is none or more than one. The overlay's bookkeeping nodes
// (__fixups__, __local_fixups__, __symbols__) are not searched.
func (t fdt) find(suffix string) string {
	var found string
	for p := range t {
		if strings.HasSuffix(p, suffix) && !strings.HasPrefix(p, "/__") {
			if found != "" {
				return ""
			}
			found = p
		}
	}
	return found
}
