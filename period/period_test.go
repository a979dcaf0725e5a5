package period

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in      string
		want    Period
		wantErr string
	}{
		{"2026H1", Period{2026, 1}, ""},
		{"2026H2", Period{2026, 2}, ""},
		{"1999H2", Period{1999, 2}, ""},
		{"2026H3", Period{}, "halves H1 and H2 only"},
		{"2026H0", Period{}, "halves H1 and H2 only"},
		{"2026h1", Period{}, "not a half year"},
		{"2026-H1", Period{}, "not a half year"},
		{"26H1", Period{}, "not a half year"},
		{"", Period{}, "not a half year"},
		{" 2026H1", Period{}, "not a half year"},
		{"２０26H1", Period{}, "not a half year"},
		{"20x6H1", Period{}, "four-digit year"},
		{"0999H1", Period{}, "from 1000 on"},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Parse(%q) error = %v, want one containing %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("Parse(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestBounds(t *testing.T) {
	tests := []struct {
		p          Period
		start, end string
	}{
		{Period{2026, 1}, "2026-01-01T00:00:00+08:00", "2026-07-01T00:00:00+08:00"},
		{Period{2026, 2}, "2026-07-01T00:00:00+08:00", "2027-01-01T00:00:00+08:00"},
		{Period{2025, 2}, "2025-07-01T00:00:00+08:00", "2026-01-01T00:00:00+08:00"},
	}
	for _, tt := range tests {
		if got := tt.p.Start().Format(time.RFC3339); got != tt.start {
			t.Errorf("%v.Start() = %s, want %s", tt.p, got, tt.start)
		}
		if got := tt.p.End().Format(time.RFC3339); got != tt.end {
			t.Errorf("%v.End() = %s, want %s", tt.p, got, tt.end)
		}
	}
}

func TestOfAndContains(t *testing.T) {
	tests := []struct {
		at   string
		want Period
	}{
		{"2026-01-01T00:00:00+08:00", Period{2026, 1}},
		{"2026-06-30T23:59:59+08:00", Period{2026, 1}},
		{"2026-07-01T00:00:00+08:00", Period{2026, 2}},
		// 16:00 UTC on 30 June is already 1 July in Shanghai.
		{"2026-06-30T16:00:00Z", Period{2026, 2}},
		{"2026-06-30T15:59:59Z", Period{2026, 1}},
		{"2026-12-31T16:00:00Z", Period{2027, 1}},
	}
	for _, tt := range tests {
		at, err := time.Parse(time.RFC3339, tt.at)
		if err != nil {
			t.Fatal(err)
		}
		if got := Of(at); got != tt.want {
			t.Errorf("Of(%s) = %v, want %v", tt.at, got, tt.want)
		}
		if !tt.want.Contains(at) || tt.want.Next().Contains(at) || tt.want.Prev().Contains(at) {
			t.Errorf("Contains(%s) wrong around %v", tt.at, tt.want)
		}
	}
}

func TestNextPrev(t *testing.T) {
	tests := []struct{ p, next Period }{
		{Period{2026, 1}, Period{2026, 2}},
		{Period{2026, 2}, Period{2027, 1}},
		{Period{1999, 2}, Period{2000, 1}},
	}
	for _, tt := range tests {
		if got := tt.p.Next(); got != tt.next {
			t.Errorf("%v.Next() = %v, want %v", tt.p, got, tt.next)
		}
		if got := tt.next.Prev(); got != tt.p {
			t.Errorf("%v.Prev() = %v, want %v", tt.next, got, tt.p)
		}
		if !tt.p.Before(tt.next) || tt.next.Before(tt.p) || tt.p.Before(tt.p) {
			t.Errorf("Before wrong for %v and %v", tt.p, tt.next)
		}
	}
}

func TestJSON(t *testing.T) {
	b, err := json.Marshal(map[string]Period{"p": {2026, 2}})
	if err != nil || string(b) != `{"p":"2026H2"}` {
		t.Fatalf("Marshal = %s, %v", b, err)
	}
	var v map[string]Period
	if err := json.Unmarshal([]byte(`{"p":"2025H1"}`), &v); err != nil || v["p"] != (Period{2025, 1}) {
		t.Fatalf("Unmarshal = %v, %v", v, err)
	}
	if err := json.Unmarshal([]byte(`{"p":"2025H5"}`), &v); err == nil {
		t.Fatal("Unmarshal of 2025H5 succeeded")
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"2026H1", "2026H2", "9999H2", "1000H1", "2026H3", "abcdH1", "", "2026H"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := Parse(s)
		if err != nil {
			return
		}
		if p.String() != s {
			t.Fatalf("Parse(%q).String() = %q", s, p.String())
		}
		if !p.Start().Before(p.End()) || !p.Contains(p.Start()) || p.Contains(p.End()) {
			t.Fatalf("%v: bad bounds %v..%v", p, p.Start(), p.End())
		}
		if Of(p.Start()) != p || Of(p.End().Add(-time.Nanosecond)) != p || Of(p.End()) != p.Next() {
			t.Fatalf("%v: Of disagrees with bounds", p)
		}
	})
}
