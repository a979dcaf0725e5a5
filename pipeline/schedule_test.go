package pipeline

import (
	"fmt"
	"testing"
	"time"

	"qingdan/period"
)

func TestDueAt(t *testing.T) {
	tests := []struct {
		spec string
		p    period.Period
		want string
	}{
		{"0 9 5 1,7 *", h2025, "2026-01-05 09:00"},
		{"0 9 5 1,7 *", h2026, "2026-07-05 09:00"},
		// A fire time exactly at the end of the period counts.
		{"0 0 1 1,7 *", h2025, "2026-01-01 00:00"},
		// Monthly: the first of the month after the period.
		{"@monthly", h2026, "2026-07-01 00:00"},
		{"30 8 * * 1", h2026, "2026-07-06 08:30"}, // first Monday of July 2026
	}
	for _, tt := range tests {
		s := jobs(t, tt.spec)[0].Schedule
		if got := when(DueAt(s, tt.p)); got != tt.want {
			t.Errorf("DueAt(%q, %v) = %s, want %s", tt.spec, tt.p, got, tt.want)
		}
	}
}

func TestDue(t *testing.T) {
	s := jobs(t, "0 9 5 1,7 *")[0].Schedule
	tests := []struct {
		now  string
		want string
	}{
		{"2026-01-05 08:59", "[]"},
		{"2026-01-05 09:00", "[2025H2]"},
		{"2026-07-05 08:59", "[2025H2]"},
		{"2027-01-05 09:00", "[2025H2 2026H1 2026H2]"},
	}
	for _, tt := range tests {
		if got := fmt.Sprint(Due(s, h2025, at(t, tt.now))); got != tt.want {
			t.Errorf("Due at %s = %s, want %s", tt.now, got, tt.want)
		}
	}
}

func TestIsLate(t *testing.T) {
	due := at(t, "2026-01-05 09:00")
	tests := []struct {
		at   string
		want bool
	}{
		{"2026-01-05 09:00", false},
		{"2026-01-05 23:59", false},
		{"2026-01-06 00:00", true},
		{"2026-01-20 10:00", true},
	}
	for _, tt := range tests {
		if got := isLate(due, at(t, tt.at)); got != tt.want {
			t.Errorf("isLate(%s) = %v, want %v", tt.at, got, tt.want)
		}
	}
	// Days are Shanghai days: 16:30 UTC on 5 January is 00:30 on the 6th.
	if !isLate(due, time.Date(2026, 1, 5, 16, 30, 0, 0, time.UTC)) {
		t.Error("isLate reads the day in UTC, not Asia/Shanghai")
	}
}

func TestBackoff(t *testing.T) {
	tests := []struct {
		n    int
		want time.Duration
	}{
		{1, 5 * time.Minute}, {2, 10 * time.Minute}, {3, 20 * time.Minute}, {5, 80 * time.Minute}, {6, 2 * time.Hour}, {60, 2 * time.Hour},
	}
	for _, tt := range tests {
		if got := backoff(tt.n, 5*time.Minute, 2*time.Hour); got != tt.want {
			t.Errorf("backoff(%d) = %v, want %v", tt.n, got, tt.want)
		}
	}
}
