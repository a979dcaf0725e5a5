package reports

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// Days is how the rules count the 三日 and 七日 of the procedure (R12, R13,
// R15). The seed reads them as calendar days, the default; a bureau that
// counts working days, as the 行政处罚法 (2021) 第八十五条 does, lists
// its holidays, and its 调休 working weekend days, in site.toml.
//
// Either way the day an act happens is not counted: the count from a to b
// is the number of days after a up to and including b (民法典第二百零一条).
type Days struct {
	Working  bool        `json:"working"`            // count working days instead of calendar days
	Holidays []time.Time `json:"holidays,omitempty"` // 法定节假日 that fall on weekdays
	Workdays []time.Time `json:"workdays,omitempty"` // 调休: weekend days worked
}

// Unit names what Days counts: 日 or 个工作日.
func (d Days) Unit() string {
	if d.Working {
		return "个工作日"
	}
	return "日"
}

// workday reports whether the day is a working day.
func (d Days) workday(t time.Time) bool {
	if slices.ContainsFunc(d.Workdays, t.Equal) {
		return true
	}
	if w := t.Weekday(); w == time.Saturday || w == time.Sunday {
		return false
	}
	return !slices.ContainsFunc(d.Holidays, t.Equal)
}

// count is the number of days after a up to and including b; negative
// when b is before a.
func (d Days) count(a, b time.Time) int {
	if !d.Working {
		return daysBetween(a, b)
	}
	if b.Before(a) {
		return -d.count(b, a)
	}
	n := 0
	for t := a.AddDate(0, 0, 1); !t.After(b); t = t.AddDate(0, 0, 1) {
		if d.workday(t) {
			n++
		}
	}
	return n
}

// add is the day n days after a: the last day of a period of n days
// starting the day after a.
func (d Days) add(a time.Time, n int) time.Time {
	if !d.Working {
		return a.AddDate(0, 0, n)
	}
	t := a
	for n > 0 {
		t = t.AddDate(0, 0, 1)
		if d.workday(t) {
			n--
		}
	}
	return t
}

// Uncovered lists, in order, the years of the procedure's dates in the
// case files for which working days are counted without a single holiday
// listed: their 三日 and 七日 would be counted wrong, so such a year must
// be listed first. Calendar days need no list.
func (d Days) Uncovered(cases []*Case) []int {
	if !d.Working {
		return nil
	}
	listed := map[int]bool{}
	for _, h := range d.Holidays {
		listed[h.Year()] = true
	}
	seen := map[int]bool{}
	var out []int
	for _, c := range cases {
		for _, t := range countedDays(c) {
			if y := t.Year(); !t.IsZero() && !listed[y] && !seen[y] {
				seen[y] = true
				out = append(out, y)
			}
		}
	}
	slices.Sort(out)
	return out
}

// YearList writes years for a message: 2025、2026.
func YearList(years []int) string {
	parts := make([]string, len(years))
	for i, y := range years {
		parts[i] = strconv.Itoa(y)
	}
	return strings.Join(parts, "、")
}

// countedDays are the dates from which the rules count 三日 or 七日.
func countedDays(c *Case) []time.Time {
	var out []time.Time
	if h := c.Hearing; h != nil {
		out = append(out, h.RightDate, h.RequestDate, h.NoticeDate, h.Date)
	}
	if c.Decision != nil {
		out = append(out, c.Decision.Date)
	}
	if c.Service != nil {
		out = append(out, c.Service.Date)
	}
	return out
}
