// Package period is the half year the compliance reports cover.
//
// A period is a half year in Asia/Shanghai time, written "2026H1" or
// "2026H2": 2026H1 runs from 2026-01-01 00:00 up to (not including)
// 2026-07-01 00:00 +08:00, and 2026H2 from 2026-07-01 00:00 up to
// 2027-01-01 00:00 +08:00. The seed asks for a case-file evaluation and a
// filing of major decisions every half year; this package is the one place
// that says where a half year begins and ends.
package period

import (
	"fmt"
	"time"
)

// Zone is Asia/Shanghai, the time zone of every period. When the system
// has no time-zone database it is a fixed +08:00 zone named "CST", which is
// the same clock: China has kept +08:00 without daylight saving since 1991.
var Zone = loadZone()

func loadZone() *time.Location {
	if loc, err := time.LoadLocation("Asia/Shanghai"); err == nil {
		return loc
	}
	return time.FixedZone("CST", 8*60*60)
}

// Period is one half year: Half is 1 (January to June) or 2 (July to
// December).
type Period struct {
	Year int
	Half int
}

// Parse reads a period written as "2026H1" or "2026H2".
func Parse(s string) (Period, error) {
	if len(s) != 6 || s[4] != 'H' {
		return Period{}, fmt.Errorf("period %q is not a half year: write the year and H1 or H2, such as \"2026H1\"", s)
	}
	year := 0
	for _, c := range s[:4] {
		if c < '0' || c > '9' {
			return Period{}, fmt.Errorf("period %q does not start with a four-digit year, such as \"2026H1\"", s)
		}
		year = year*10 + int(c-'0')
	}
	if year < 1000 {
		return Period{}, fmt.Errorf("period %q has year %d; write a year from 1000 on", s, year)
	}
	switch s[5] {
	case '1':
		return Period{Year: year, Half: 1}, nil
	case '2':
		return Period{Year: year, Half: 2}, nil
	}
	return Period{}, fmt.Errorf("period %q has half %q; a year has halves H1 and H2 only", s, s[4:])
}

// Of returns the period that holds t, read in Asia/Shanghai time.
func Of(t time.Time) Period {
	t = t.In(Zone)
	if t.Month() <= time.June {
		return Period{Year: t.Year(), Half: 1}
	}
	return Period{Year: t.Year(), Half: 2}
}

// Start is the first instant of the period: 1 January or 1 July, 00:00
// Asia/Shanghai.
func (p Period) Start() time.Time {
	return time.Date(p.Year, time.Month(6*(p.Half-1)+1), 1, 0, 0, 0, 0, Zone)
}

// End is the first instant after the period, which is the Start of the next
// one; the period does not contain it.
func (p Period) End() time.Time {
	return p.Next().Start()
}

// Contains reports whether t falls within the period.
func (p Period) Contains(t time.Time) bool {
	return !t.Before(p.Start()) && t.Before(p.End())
}

// Next is the half year after p.
func (p Period) Next() Period {
	if p.Half == 1 {
		return Period{Year: p.Year, Half: 2}
	}
	return Period{Year: p.Year + 1, Half: 1}
}

// Prev is the half year before p.
func (p Period) Prev() Period {
	if p.Half == 2 {
		return Period{Year: p.Year, Half: 1}
	}
	return Period{Year: p.Year - 1, Half: 2}
}

// Before reports whether p comes earlier than q.
func (p Period) Before(q Period) bool {
	return p.Year < q.Year || (p.Year == q.Year && p.Half < q.Half)
}

// String writes the period as Parse reads it: "2026H1".
func (p Period) String() string {
	return fmt.Sprintf("%04dH%d", p.Year, p.Half)
}

// MarshalText writes the period as "2026H1", so it reads well in JSON.
func (p Period) MarshalText() ([]byte, error) {
	return []byte(p.String()), nil
}

// UnmarshalText reads a period written as "2026H1".
func (p *Period) UnmarshalText(b []byte) error {
	q, err := Parse(string(b))
	if err != nil {
		return err
	}
	*p = q
	return nil
}
