package generator

import (
	"strings"
	"testing"
)

func TestExcerpt(t *testing.T) {
	long := strings.Repeat("计划生育", 40) // 160 characters
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"", 5, ""},
		{"  独生子女  ", 5, "独生子女"},
		{"一二三四五", 5, "一二三四五"},
		{"一二三四五六", 5, "一二三四…"},
		{"ab计划cd", 4, "ab计…"},
		{long, 120, strings.Repeat("计划生育", 29) + "计划生…"},
	} {
		if got := excerpt(tc.in, tc.n); got != tc.want {
			t.Errorf("excerpt(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}
