package alsa

import (
	"encoding/binary"
	"runtime"
	"sync"
	"syscall"
	"testing"
	"unsafe"
)

// kernelABI is the control interface as include/uapi/sound/asound.h lays
// it out, worked out by hand from the header for each architecture (not
// from this package's Go structs):
//
//	struct snd_ctl_elem_id     numid@0 iface@4 device@8 subdevice@12 name[44]@16 index@60; 64 bytes
//	struct snd_ctl_elem_list   offset@0 space@4 used@8 count@12 pids@16 (a pointer) reserved[50]; padded to the pointer's alignment
//	struct snd_ctl_elem_info   id@0 type@64 access@68 count@72 owner@76 value union@80 (long min, max, step; 128 bytes) reserved[64]; 272 bytes
//	struct snd_ctl_elem_value  id@0 indirect@64 value union@72 (long value[128] / long long value[64]: 8-aligned) reserved[128]
//	struct snd_ctl_tlv         numid@0 length@4 tlv[]@8
type kernelABI struct {
	long, ptr                 int
	list, info, value, id     int
	reqList, reqInfo, reqRead uintptr
	reqWrite, reqTLV          uintptr
}

var kernelABIs = map[string]kernelABI{
	// 64-bit: long and pointers are 8 bytes; elem_list is 16+8+50 = 74,
	// padded to 80; elem_value is 72+1024+128 = 1224.
	"arm64": {long: 8, ptr: 8, list: 80, info: 272, value: 1224, id: 64,
		reqList: 0xc0505510, reqInfo: 0xc1105511, reqRead: 0xc4c85512, reqWrite: 0xc4c85513, reqTLV: 0xc008551a},
	"amd64": {long: 8, ptr: 8, list: 80, info: 272, value: 1224, id: 64,
		reqList: 0xc0505510, reqInfo: 0xc1105511, reqRead: 0xc4c85512, reqWrite: 0xc4c85513, reqTLV: 0xc008551a},
	// armv7 (EABI): long and pointers are 4 bytes, long long is 8-aligned;
	// elem_list is 16+4+50 = 70, padded to 72; elem_value is
	// 72+512+128 = 712.
	"arm": {long: 4, ptr: 4, list: 72, info: 272, value: 712, id: 64,
		reqList: 0xc0485510, reqInfo: 0xc1105511, reqRead: 0xc2c85512, reqWrite: 0xc2c85513, reqTLV: 0xc008551a},
}

func abiFor(t testing.TB) kernelABI {
	t.Helper()
	k, ok := kernelABIs[runtime.GOARCH]
	if !ok {
		t.Skipf("no kernel layout written down for GOARCH=%s", runtime.GOARCH)
	}
	return k
}

// fakeElem is one control element of the fake card.
type fakeElem struct {
	name           string
	iface          int32
	index          uint32
	typ            int32
	access         uint32
	count          int
	min, max, step int64
	tlv            []uint32 // type, length in bytes, payload
	values         []int64
}

// fakeCard answers the control ioctls the way sound/core/control.c does,
// reading and writing the bytes at the kernel's offsets.
type fakeCard struct {
	t     testing.TB
	abi   kernelABI
	mu    sync.Mutex
	elems []*fakeElem // numid = index + 1
	calls map[string]int
}

func newFakeCard(t testing.TB, elems ...*fakeElem) *fakeCard {
	for _, e := range elems {
		if e.iface == 0 {
			e.iface = ifaceMixerKernel
		}
		if e.access == 0 {
			e.access = 0x3 // READWRITE
			if e.tlv != nil {
				e.access |= 0x10 // TLV_READ
			}
		}
		if e.step == 0 && e.typ == 2 {
			e.step = 1
		}
		if e.values == nil {
			e.values = make([]int64, e.count)
		}
	}
	return &fakeCard{t: t, abi: abiFor(t), elems: elems, calls: map[string]int{}}
}

const ifaceMixerKernel = 2 // SNDRV_CTL_ELEM_IFACE_MIXER

func (f *fakeCard) u32(b []byte, off int) uint32 { return binary.LittleEndian.Uint32(b[off:]) }

func (f *fakeCard) long(b []byte, off int) int64 {
	if f.abi.long == 8 {
		return int64(binary.LittleEndian.Uint64(b[off:]))
	}
	return int64(int32(binary.LittleEndian.Uint32(b[off:])))
}

func (f *fakeCard) putLong(b []byte, off int, v int64) {
	if f.abi.long == 8 {
		binary.LittleEndian.PutUint64(b[off:], uint64(v))
		return
	}
	binary.LittleEndian.PutUint32(b[off:], uint32(int32(v)))
}

// putID writes a struct snd_ctl_elem_id.
func (f *fakeCard) putID(b []byte, numid int) {
	e := f.elems[numid-1]
	clear(b[:64])
	binary.LittleEndian.PutUint32(b[0:], uint32(numid))
	binary.LittleEndian.PutUint32(b[4:], uint32(e.iface))
	copy(b[16:60], e.name)
	binary.LittleEndian.PutUint32(b[60:], e.index)
}

// lookup finds the element an id names: by numid, else by iface, name
// and index (snd_ctl_find_id).
func (f *fakeCard) lookup(b []byte) (int, error) {
	if n := int(f.u32(b, 0)); n != 0 {
		if n > len(f.elems) {
			return 0, syscall.ENOENT
		}
		return n, nil
	}
	name := b[16:60]
	if i := indexByte(name, 0); i >= 0 {
		name = name[:i]
	}
	for i, e := range f.elems {
		if int32(f.u32(b, 4)) == e.iface && string(name) == e.name && f.u32(b, 60) == e.index &&
			f.u32(b, 8) == 0 && f.u32(b, 12) == 0 {
			return i + 1, nil
		}
	}
	return 0, syscall.ENOENT
}

func indexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

// ioctl is the fake device's ioctl(2).
func (f *fakeCard) ioctl(req uintptr, arg unsafe.Pointer) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	size := int(req>>16) & 0x3fff // _IOC_SIZE: the kernel copies this many bytes
	var want int
	var op string
	switch req {
	case f.abi.reqList:
		op, want = "list", f.abi.list
	case f.abi.reqInfo:
		op, want = "info", f.abi.info
	case f.abi.reqRead:
		op, want = "read", f.abi.value
	case f.abi.reqWrite:
		op, want = "write", f.abi.value
	case f.abi.reqTLV:
		op, want = "tlv", 8
	default:
		f.t.Errorf("ioctl %#x: not a control request of this architecture's kernel", req)
		return syscall.ENOTTY
	}
	if size != want {
		f.t.Errorf("ioctl %s %#x: size %d, the kernel's struct is %d bytes", op, req, size, want)
		return syscall.ENOTTY
	}
	f.calls[op]++
	b := unsafe.Slice((*byte)(arg), size)
	switch op {
	case "list":
		offset, space := int(f.u32(b, 0)), int(f.u32(b, 4))
		used := 0
		if space > 0 {
			pids := *(*unsafe.Pointer)(unsafe.Pointer(&b[16]))
			out := unsafe.Slice((*byte)(pids), space*f.abi.id)
			for i := offset; i < len(f.elems) && used < space; i++ {
				f.putID(out[used*f.abi.id:], i+1)
				used++
			}
		}
		binary.LittleEndian.PutUint32(b[8:], uint32(used))
		binary.LittleEndian.PutUint32(b[12:], uint32(len(f.elems)))
	case "info":
		n, err := f.lookup(b)
		if err != nil {
			return err
		}
		e := f.elems[n-1]
		clear(b)
		f.putID(b, n)
		binary.LittleEndian.PutUint32(b[64:], uint32(e.typ))
		binary.LittleEndian.PutUint32(b[68:], e.access)
		binary.LittleEndian.PutUint32(b[72:], uint32(e.count))
		if e.typ == 2 {
			f.putLong(b, 80, e.min)
			f.putLong(b, 80+f.abi.long, e.max)
			f.putLong(b, 80+2*f.abi.long, e.step)
		}
		if e.typ == 1 {
			f.putLong(b, 80, 0)
			f.putLong(b, 80+f.abi.long, 1)
		}
	case "read":
		n, err := f.lookup(b)
		if err != nil {
			return err
		}
		e := f.elems[n-1]
		f.putID(b, n)
		for i, v := range e.values {
			f.putLong(b, 72+i*f.abi.long, v)
		}
	case "write":
		n, err := f.lookup(b)
		if err != nil {
			return err
		}
		e := f.elems[n-1]
		if e.access&0x2 == 0 {
			return syscall.EPERM
		}
		lo, hi := e.min, e.max
		if e.typ == 1 {
			lo, hi = 0, 1
		}
		vals := make([]int64, e.count)
		for i := range vals {
			v := f.long(b, 72+i*f.abi.long)
			if v < lo || v > hi || (e.typ == 2 && (v-lo)%e.step != 0) {
				return syscall.EINVAL // CONFIG_SND_CTL_INPUT_VALIDATION
			}
			vals[i] = v
		}
		e.values = vals
		f.putID(b, n)
	case "tlv":
		n, length := int(f.u32(b, 0)), int(f.u32(b, 4))
		if n == 0 || n > len(f.elems) {
			return syscall.EINVAL
		}
		e := f.elems[n-1]
		if e.access&0x10 == 0 || e.tlv == nil {
			return syscall.ENXIO
		}
		need := 8 + int(e.tlv[1])
		if length < need {
			return syscall.ENOMEM
		}
		out := unsafe.Slice((*byte)(unsafe.Add(arg, 8)), need)
		for i := range need / 4 {
			binary.LittleEndian.PutUint32(out[4*i:], e.tlv[i])
		}
	}
	return nil
}

func (f *fakeCard) values(name string) []int64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, e := range f.elems {
		if e.name == name {
			return append([]int64(nil), e.values...)
		}
	}
	f.t.Fatalf("no element %q", name)
	return nil
}

func (f *fakeCard) set(name string, v ...int64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, e := range f.elems {
		if e.name == name {
			e.values = v
			return
		}
	}
	f.t.Fatalf("no element %q", name)
}

// dbScaleTLV is SNDRV_CTL_TLVD_DB_SCALE(min, step, mute) in 0.01 dB.
func dbScaleTLV(minCdB int32, step uint32, mute bool) []uint32 {
	w := step & 0xffff
	if mute {
		w |= 0x10000
	}
	return []uint32{1, 8, uint32(minCdB), w}
}

// wm8731 is the Mark I codec's controls (sound/soc/codecs/wm8731.c):
// "Master Playback Volume" 0..127, DB_SCALE -121 dB, 1 dB steps, mute at 0.
func wm8731(t testing.TB) *fakeCard {
	return newFakeCard(t,
		&fakeElem{name: "Master Playback Volume", typ: 2, count: 2, min: 0, max: 127, tlv: dbScaleTLV(-12100, 100, true), values: []int64{121, 121}},
		&fakeElem{name: "Master Playback ZC Switch", typ: 1, count: 2},
		&fakeElem{name: "Capture Volume", typ: 2, count: 2, min: 0, max: 31, tlv: dbScaleTLV(-3450, 150, false)},
		&fakeElem{name: "Line Capture Switch", typ: 1, count: 2},
		&fakeElem{name: "Sidetone Playback Volume", typ: 2, count: 1, min: 0, max: 3},
	)
}

// bcm2835 is the Pi's own output: "PCM Playback Volume" -10239..400 in
// 0.01 dB, and a "PCM Playback Switch".
func bcm2835(t testing.TB) *fakeCard {
	return newFakeCard(t,
		&fakeElem{name: "PCM Playback Volume", typ: 2, count: 1, min: -10239, max: 400, tlv: dbScaleTLV(-10239, 1, true), values: []int64{0}},
		&fakeElem{name: "PCM Playback Switch", typ: 1, count: 1, values: []int64{1}},
		&fakeElem{name: "PCM Playback Route", typ: 2, count: 1, min: 0, max: 3},
	)
}

func runtimeArch() string { return runtime.GOARCH }
