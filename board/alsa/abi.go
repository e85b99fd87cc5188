package alsa

import (
	"encoding/binary"
	"unsafe"
)

// The control interface's structures, laid out as in
// include/uapi/sound/asound.h. Go's int and uintptr have the size of C's
// long and pointers on Linux (8 on arm64 and amd64, 4 on arm). Go aligns
// 64-bit fields to 4 bytes on 32-bit machines where ARM EABI aligns long
// long to 8, so padding the C compiler adds is written out by hand.

// nameMax is SNDRV_CTL_ELEM_ID_NAME_MAXLEN.
const nameMax = 44

// ctlElemID is struct snd_ctl_elem_id (64 bytes everywhere).
type ctlElemID struct {
	Numid     uint32
	Iface     int32
	Device    uint32
	Subdevice uint32
	Name      [nameMax]byte
	Index     uint32
}

// name is the element's name up to its NUL.
func (id *ctlElemID) name() string {
	n := 0
	for n < len(id.Name) && id.Name[n] != 0 {
		n++
	}
	return string(id.Name[:n])
}

// ctlElemList is struct snd_ctl_elem_list (80 bytes on 64-bit, 72 on arm:
// the pointer and the trailing padding differ).
type ctlElemList struct {
	Offset   uint32
	Space    uint32
	Used     uint32
	Count    uint32
	Pids     uintptr // struct snd_ctl_elem_id *
	Reserved [50]byte
}

// ctlElemInfo is struct snd_ctl_elem_info (272 bytes everywhere). Value is
// the union at offset 80; its integer view is three C longs (min, max,
// step), so 24 bytes on 64-bit and 12 on arm.
type ctlElemInfo struct {
	ID       ctlElemID
	Type     int32
	Access   uint32
	Count    uint32
	Owner    int32
	Value    [128]byte
	Reserved [64]byte
}

// ctlElemValue is struct snd_ctl_elem_value (1224 bytes on 64-bit, 712 on
// arm). The union holds long value[128] or long long value[64], so it is
// 8-byte aligned: 4 bytes of padding follow the indirect bitfield.
type ctlElemValue struct {
	ID       ctlElemID
	Indirect uint32
	_        uint32
	Value    [128]int // long value[128]
	Reserved [128]byte
}

// ctlTLV is the header of struct snd_ctl_tlv; the TLV words follow it.
type ctlTLV struct {
	Numid  uint32
	Length uint32
}

// longSize is sizeof(long) in the kernel's view of this process.
const longSize = int(unsafe.Sizeof(int(0)))

// ioctl request numbers: _IOWR('U', nr, struct), from asm-generic/ioctl.h
// (dir in bits 30-31, size in 16-29, type in 8-15, nr in 0-7).
const (
	iocWrite = 1
	iocRead  = 2
)

func iowr(nr uintptr, size uintptr) uintptr {
	return (iocRead|iocWrite)<<30 | size<<16 | 'U'<<8 | nr
}

var (
	ioctlElemList  = iowr(0x10, unsafe.Sizeof(ctlElemList{}))
	ioctlElemInfo  = iowr(0x11, unsafe.Sizeof(ctlElemInfo{}))
	ioctlElemRead  = iowr(0x12, unsafe.Sizeof(ctlElemValue{}))
	ioctlElemWrite = iowr(0x13, unsafe.Sizeof(ctlElemValue{}))
	ioctlTLVRead   = iowr(0x1a, unsafe.Sizeof(ctlTLV{}))
)

// Element types, interfaces and access bits (SNDRV_CTL_ELEM_*).
const (
	typeBoolean = 1
	typeInteger = 2

	ifaceMixer = 2

	accessRead    = 1 << 0
	accessWrite   = 1 << 1
	accessTLVRead = 1 << 4
	accessInact   = 1 << 8
)

// intRange is the integer view of ctlElemInfo.Value.
func (in *ctlElemInfo) intRange() (lo, hi, step int64) {
	long := func(i int) int64 {
		b := in.Value[i*longSize:]
		if longSize == 8 {
			return int64(binary.NativeEndian.Uint64(b))
		}
		return int64(int32(binary.NativeEndian.Uint32(b)))
	}
	return long(0), long(1), long(2)
}
