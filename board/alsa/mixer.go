package alsa

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unsafe"
)

// DefaultControls are the playback volume controls tried, in order, when
// Config.Controls is empty. The Mark I's WM8731 calls its output volume
// "Master Playback Volume"; the Pi's own output "PCM Playback Volume".
var DefaultControls = []string{
	"PCM Playback Volume",
	"Master Playback Volume",
	"Digital Playback Volume",
	"Speaker Playback Volume",
}

// DefaultSpanDB is the range of gain, below the control's maximum, that
// levels 1..100 cover on a control with a dB scale.
const DefaultSpanDB = 50

// Errors.
var (
	// ErrNoControl reports that the card has none of the wanted controls.
	ErrNoControl = errors.New("alsa: no playback volume control")
	// ErrLevel reports a level outside 0..100.
	ErrLevel = errors.New("alsa: volume level must be 0..100")
)

// Config chooses the card and the control.
type Config struct {
	// Card names the card in /proc/asound/cards (see FindCard); empty is
	// the first card.
	Card string
	// Controls are the volume control names tried in order
	// (DefaultControls when empty).
	Controls []string
	// SpanDB is the gain range levels 1..100 cover on a dB scale
	// (DefaultSpanDB when zero).
	SpanDB float64
}

// ioctlFunc is one ioctl(2) on the control device: req is the request
// number, arg points to the structure the request names.
type ioctlFunc func(req uintptr, arg unsafe.Pointer) error

// element is an integer control: its id, channel count and range.
type element struct {
	id             ctlElemID
	count          int
	lo, hi, step   int64
	scale          *dbScale // nil: no dB scale, levels are linear in raw
	maxDB, floorDB float64  // the scale's top and its lowest finite gain
}

// Mixer is a card's playback volume. It is a hal.Volume and safe for
// concurrent use.
type Mixer struct {
	mu     sync.Mutex
	ioctl  ioctlFunc
	closer func() error
	card   string
	span   float64
	vol    element
	sw     *element // the matching "... Playback Switch", if any
	// last is the level last set and raw the value it wrote, so that
	// Volume returns what was set while nobody else changed the control
	// (several levels can share one raw value).
	last     int
	haveLast bool
	lastRaw  int64
}

// newMixer finds the volume control on the device ioctl talks to.
func newMixer(ioctl ioctlFunc, closer func() error, card string, cfg Config) (*Mixer, error) {
	m := &Mixer{ioctl: ioctl, closer: closer, card: card, span: cfg.SpanDB}
	if m.span <= 0 {
		m.span = DefaultSpanDB
	}
	names := cfg.Controls
	if len(names) == 0 {
		names = DefaultControls
	}
	ids, err := m.list()
	if err != nil {
		return nil, err
	}
	find := func(name string) *ctlElemID {
		for i := range ids {
			if ids[i].Iface == ifaceMixer && ids[i].name() == name {
				return &ids[i]
			}
		}
		return nil
	}
	var id *ctlElemID
	for _, n := range names {
		if id = find(n); id != nil {
			break
		}
	}
	if id == nil {
		var have []string
		for i := range ids {
			if strings.HasSuffix(ids[i].name(), "Volume") {
				have = append(have, ids[i].name())
			}
		}
		return nil, fmt.Errorf("%w on %s: none of %q (it has %q)", ErrNoControl, card, names, have)
	}
	vol, err := m.element(*id, typeInteger)
	if err != nil {
		return nil, err
	}
	m.vol = vol
	if name, ok := strings.CutSuffix(id.name(), " Volume"); ok {
		if sid := find(name + " Switch"); sid != nil {
			if sw, err := m.element(*sid, typeBoolean); err == nil {
				m.sw = &sw
			}
		}
	}
	return m, nil
}

// list returns the ids of every element on the card.
func (m *Mixer) list() ([]ctlElemID, error) {
	var l ctlElemList
	if err := m.ioctl(ioctlElemList, unsafe.Pointer(&l)); err != nil {
		return nil, fmt.Errorf("alsa: %s: list elements: %w", m.card, err)
	}
	if l.Count == 0 {
		return nil, nil
	}
	if l.Count > 65536 {
		return nil, fmt.Errorf("alsa: %s: list elements: %d elements", m.card, l.Count)
	}
	ids := make([]ctlElemID, l.Count)
	l = ctlElemList{Space: uint32(len(ids)), Pids: uintptr(unsafe.Pointer(&ids[0]))}
	err := m.ioctl(ioctlElemList, unsafe.Pointer(&l))
	runtime.KeepAlive(ids)
	if err != nil {
		return nil, fmt.Errorf("alsa: %s: list elements: %w", m.card, err)
	}
	return ids[:min(int(l.Used), len(ids))], nil
}

// element reads an element's info (and its dB scale) and checks its type.
func (m *Mixer) element(id ctlElemID, typ int32) (element, error) {
	info := ctlElemInfo{ID: id}
	if err := m.ioctl(ioctlElemInfo, unsafe.Pointer(&info)); err != nil {
		return element{}, fmt.Errorf("alsa: %s: %q: info: %w", m.card, id.name(), err)
	}
	name := info.ID.name()
	if info.Type != typ {
		return element{}, fmt.Errorf("alsa: %s: %q: type %d, want %d", m.card, name, info.Type, typ)
	}
	if info.Access&(accessRead|accessWrite) != accessRead|accessWrite {
		return element{}, fmt.Errorf("alsa: %s: %q: not readable and writable (access %#x)", m.card, name, info.Access)
	}
	if info.Count == 0 || info.Count > 128 {
		return element{}, fmt.Errorf("alsa: %s: %q: %d channels", m.card, name, info.Count)
	}
	e := element{id: info.ID, count: int(info.Count), lo: 0, hi: 1, step: 1}
	if typ == typeInteger {
		e.lo, e.hi, e.step = info.intRange()
		if e.hi <= e.lo {
			return element{}, fmt.Errorf("alsa: %s: %q: empty range %d..%d", m.card, name, e.lo, e.hi)
		}
		if e.step <= 0 {
			e.step = 1
		}
		if info.Access&accessTLVRead != 0 {
			if s, err := m.readTLV(info.ID.Numid); err == nil {
				s.bind(e.lo, e.hi)
				e.scale = s
				e.maxDB = s.dB(e.hi)
				e.floorDB = s.dB(e.lo)
				if math.IsInf(e.floorDB, -1) {
					e.floorDB = s.dB(min(e.lo+e.step, e.hi))
				}
				if math.IsInf(e.maxDB, 0) || math.IsNaN(e.maxDB) || !(e.maxDB > e.floorDB) {
					e.scale = nil // not a usable dB scale: linear in raw
				}
			}
		}
	}
	return e, nil
}

// readTLV reads an element's TLV data (its dB scale).
func (m *Mixer) readTLV(numid uint32) (*dbScale, error) {
	const words = 256
	buf := make([]uint32, 2+words)
	hdr := (*ctlTLV)(unsafe.Pointer(&buf[0]))
	hdr.Numid, hdr.Length = numid, words*4
	if err := m.ioctl(ioctlTLVRead, unsafe.Pointer(hdr)); err != nil {
		return nil, fmt.Errorf("alsa: %s: read TLV: %w", m.card, err)
	}
	return parseTLV(buf[2:])
}

func (m *Mixer) read(e *element) ([]int64, error) {
	v := ctlElemValue{ID: e.id}
	if err := m.ioctl(ioctlElemRead, unsafe.Pointer(&v)); err != nil {
		return nil, fmt.Errorf("alsa: %s: read %q: %w", m.card, e.id.name(), err)
	}
	out := make([]int64, e.count)
	for i := range out {
		out[i] = int64(v.Value[i])
	}
	return out, nil
}

func (m *Mixer) write(e *element, raw int64) error {
	v := ctlElemValue{ID: e.id}
	for i := range e.count {
		v.Value[i] = int(raw)
	}
	if err := m.ioctl(ioctlElemWrite, unsafe.Pointer(&v)); err != nil {
		return fmt.Errorf("alsa: %s: write %q: %w", m.card, e.id.name(), err)
	}
	return nil
}

// Control is the volume control's name ("Master Playback Volume").
func (m *Mixer) Control() string { return m.vol.id.name() }

// Card says which card the mixer drives.
func (m *Mixer) Card() string { return m.card }

// Describe says what the volume drives, for logs and status.
func (m *Mixer) Describe() string {
	s := fmt.Sprintf("%s %q, raw %d..%d", m.card, m.vol.id.name(), m.vol.lo, m.vol.hi)
	if m.vol.scale != nil {
		s += fmt.Sprintf(", %.1f..%.1f dB", m.vol.floorDB, m.vol.maxDB)
	}
	if m.sw != nil {
		s += fmt.Sprintf(", switch %q", m.sw.id.name())
	}
	return s
}

// SetVolume sets every channel to level (0..100): 100 is the control's
// maximum, 0 its minimum with the switch, if any, off.
func (m *Mixer) SetVolume(level int) error {
	if level < 0 || level > 100 {
		return fmt.Errorf("%w: %d", ErrLevel, level)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	raw := m.vol.rawFor(level, m.span)
	if err := m.write(&m.vol, raw); err != nil {
		m.haveLast = false
		return err
	}
	if m.sw != nil {
		on := int64(0)
		if level > 0 {
			on = 1
		}
		if err := m.write(m.sw, on); err != nil {
			m.haveLast = false
			return err
		}
	}
	m.last, m.lastRaw, m.haveLast = level, raw, true
	return nil
}

// Volume reads the level back from the card (the loudest channel).
func (m *Mixer) Volume() (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.sw != nil {
		on, err := m.read(m.sw)
		if err != nil {
			return 0, err
		}
		if !slices.Contains(on, 1) {
			return 0, nil
		}
	}
	vals, err := m.read(&m.vol)
	if err != nil {
		return 0, err
	}
	raw := slices.Max(vals)
	if m.haveLast && raw == m.lastRaw && (m.last > 0 || m.sw == nil) {
		return m.last, nil
	}
	return m.vol.levelFor(raw, m.span), nil
}

// Close closes the control device.
func (m *Mixer) Close() error {
	if m.closer == nil {
		return nil
	}
	return m.closer()
}

// steps is the number of steps above lo.
func (e *element) steps() int64 { return (e.hi - e.lo) / e.step }

// rawAt is the raw value k steps above lo.
func (e *element) rawAt(k int64) int64 { return e.lo + k*e.step }

// rawFor maps a level onto a raw value.
func (e *element) rawFor(level int, span float64) int64 {
	n := e.steps()
	switch {
	case level <= 0:
		return e.lo
	case level >= 100:
		return e.rawAt(n)
	}
	var k int64
	if e.scale == nil {
		k = int64(math.Round(float64(level) * float64(n) / 100))
	} else {
		span = min(span, e.maxDB-e.floorDB)
		target := e.maxDB - span*float64(100-level)/100
		// The first step at or above target, or the one below if as near.
		k = int64(sortSearch(n+1, func(k int64) bool { return e.scale.dB(e.rawAt(k)) >= target }))
		if k > 0 && target-e.scale.dB(e.rawAt(k-1)) <= e.scale.dB(e.rawAt(k))-target {
			k--
		}
	}
	return e.rawAt(min(max(k, 1), n)) // 1..99 is never the minimum
}

// levelFor maps a raw value onto a level.
func (e *element) levelFor(raw int64, span float64) int {
	if raw <= e.lo {
		return 0
	}
	if raw >= e.hi {
		return 100
	}
	var l float64
	if e.scale == nil {
		l = float64(raw-e.lo) * 100 / float64(e.hi-e.lo)
	} else {
		span = min(span, e.maxDB-e.floorDB)
		l = 100 - (e.maxDB-e.scale.dB(raw))*100/span
	}
	return int(min(max(math.Round(l), 1), 100))
}

// sortSearch is sort.Search over int64: the least k in [0, n) with f(k),
// or n.
func sortSearch(n int64, f func(int64) bool) int64 {
	lo, hi := int64(0), n
	for lo < hi {
		mid := lo + (hi-lo)/2
		if !f(mid) {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}
