package web

import (
	"fmt"
	"math/big"
	"sort"
	"strings"
	"time"

	"github.com/mycroft-network/mycroft/internal/apiclient"
	"github.com/mycroft-network/mycroft/miner"
)

// chartDays is how many days the spending chart shows.
const chartDays = 30

// palette colours the services of a chart, in order of first appearance.
var palette = []string{"#2b7bb9", "#e08a1e", "#3a9e5c", "#b8413a", "#7a55a8", "#6b6b6b"}

// series is one service's amounts per day (oldest first), in base units.
type series struct {
	Name   string
	Colour string
	Days   []*big.Int
	Total  *big.Int
}

// dailySpending sums the paid calls of the last chartDays days (today
// included, in loc) per service and day. Refused calls cost nothing and
// are left out.
func dailySpending(ps []apiclient.WalletPayment, now time.Time, loc *time.Location) []series {
	today := startOfDay(now.In(loc))
	first := today.AddDate(0, 0, -(chartDays - 1))
	byName := map[string]*series{}
	for _, p := range ps {
		if p.Status != "paid" {
			continue
		}
		t := p.Time.In(loc)
		if t.Before(first) {
			continue
		}
		day := daysBetween(first, startOfDay(t))
		if day < 0 || day >= chartDays {
			continue
		}
		price, ok := new(big.Int).SetString(p.Price, 10)
		if !ok || price.Sign() < 0 {
			continue
		}
		name := p.Service
		if name == "" {
			name = "other"
		}
		s := byName[name]
		if s == nil {
			s = &series{Name: name, Days: make([]*big.Int, chartDays), Total: new(big.Int)}
			for i := range s.Days {
				s.Days[i] = new(big.Int)
			}
			byName[name] = s
		}
		s.Days[day].Add(s.Days[day], price)
		s.Total.Add(s.Total, price)
	}
	out := make([]series, 0, len(byName))
	for _, s := range byName {
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	for i := range out {
		out[i].Colour = palette[i%len(palette)]
	}
	return out
}

func startOfDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// daysBetween counts calendar days from a to b (both at midnight); a DST
// change makes a day 23 or 25 hours long, so it rounds.
func daysBetween(a, b time.Time) int {
	return int((b.Sub(a) + 12*time.Hour) / (24 * time.Hour))
}

// Chart geometry, in SVG user units.
const (
	chartW, chartH = 600, 180
	chartLeft      = 56
	chartBottom    = 20
	chartTop       = 8
)

// spendingSVG draws stacked bars, one per day, one colour per service,
// with the highest day's total on the axis. It is plain SVG with
// presentation attributes (no script, no inline style): the page's
// Content-Security-Policy allows it.
func spendingSVG(ss []series, now time.Time, loc *time.Location) string {
	totals := make([]*big.Int, chartDays)
	max := new(big.Int)
	for d := range totals {
		totals[d] = new(big.Int)
		for _, s := range ss {
			totals[d].Add(totals[d], s.Days[d])
		}
		if totals[d].Cmp(max) > 0 {
			max.Set(totals[d])
		}
	}
	plotH := float64(chartH - chartBottom - chartTop)
	barW := float64(chartW-chartLeft) / chartDays
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" aria-label="spending per day, last %d days" class="chart">`, chartW, chartH, chartDays)
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#999"/>`, chartLeft, chartH-chartBottom, chartW, chartH-chartBottom)
	if max.Sign() > 0 {
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="11" text-anchor="end">%s</text>`, chartLeft-4, chartTop+10, escaper.Replace(myc(max.String())))
	}
	fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="11" text-anchor="end">0</text>`, chartLeft-4, chartH-chartBottom)
	first := startOfDay(now.In(loc)).AddDate(0, 0, -(chartDays - 1))
	maxF, _ := new(big.Float).SetInt(max).Float64()
	for d := 0; d < chartDays; d++ {
		x := float64(chartLeft) + float64(d)*barW
		y := float64(chartH - chartBottom)
		for _, s := range ss {
			v, _ := new(big.Float).SetInt(s.Days[d]).Float64()
			if v <= 0 || maxF <= 0 {
				continue
			}
			h := v / maxF * plotH
			y -= h
			fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%s %s: %s MYC</title></rect>`,
				x+1, y, barW-2, h, s.Colour, first.AddDate(0, 0, d).Format("Jan 2"), escaper.Replace(s.Name), myc(s.Days[d].String()))
		}
		if (chartDays-1-d)%7 == 0 { // today and every week before it
			fmt.Fprintf(&b, `<text x="%.1f" y="%d" font-size="10" text-anchor="middle">%s</text>`, x+barW/2, chartH-5, first.AddDate(0, 0, d).Format("Jan 2"))
		}
	}
	b.WriteString(`</svg>`)
	return b.String() // built from numbers and escaped names only
}

// bar is one row of a horizontal bar chart (the miner's earnings).
type bar struct {
	Label  string
	Value  string // MYC
	Width  float64
	Colour string
}

// bars scales amounts (MYC decimal strings) to percentages of the largest.
func bars(labels, values []string) []bar {
	max := 0.0
	fs := make([]float64, len(values))
	for i, v := range values {
		f, _, err := big.ParseFloat(v, 10, 64, big.ToNearestEven)
		if err == nil {
			fs[i], _ = f.Float64()
		}
		if fs[i] > max {
			max = fs[i]
		}
	}
	out := make([]bar, len(values))
	for i := range values {
		w := 0.0
		if max > 0 {
			w = fs[i] / max * 100
		}
		out[i] = bar{Label: labels[i], Value: values[i], Width: w, Colour: palette[i%len(palette)]}
	}
	return out
}

// barsSVG draws bars as SVG, a row per amount.
func barsSVG(bs []bar) string {
	const rowH, labelW, w = 22, 110, 600
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" aria-label="earnings" class="chart">`, w, rowH*len(bs)+4)
	for i, r := range bs {
		y := i*rowH + 2
		fmt.Fprintf(&b, `<text x="0" y="%d" font-size="12">%s</text>`, y+14, escaper.Replace(r.Label))
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%.1f" height="16" fill="%s"/>`, labelW, y, r.Width/100*float64(w-labelW-120), r.Colour)
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" font-size="12">%s MYC</text>`, float64(labelW)+r.Width/100*float64(w-labelW-120)+6, y+14, escaper.Replace(r.Value))
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// myc writes an amount in base units (10^-18 MYC) as MYC, as the CLI
// does (miner.FormatAmount); anything that is not a number is shown as it
// is.
func myc(base string) string {
	v, ok := new(big.Int).SetString(base, 10)
	if !ok {
		return base
	}
	return miner.FormatAmount(v)
}
