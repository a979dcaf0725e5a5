package reports

import (
	"os"
	"testing"

	"qingdan/period"
)

// exampleCases loads examples/casefiles, which must have no errors.
func exampleCases(t testing.TB) []*Case {
	t.Helper()
	cases, ps := LoadCases(os.DirFS("../examples"), "casefiles")
	if ps.HasErrors() {
		t.Fatalf("example case files have errors:\n%s", ps)
	}
	if len(cases) < 60 {
		t.Fatalf("%d example cases, want at least 60", len(cases))
	}
	return cases
}

var examplePeriods = []period.Period{{Year: 2025, Half: 2}, {Year: 2026, Half: 1}}

// TestExamplesCoverEveryRule checks that for every rule an example case
// keeps it and another breaks it, in each period.
func TestExamplesCoverEveryRule(t *testing.T) {
	all := exampleCases(t)
	for _, p := range examplePeriods {
		env := NewEnv(all, testSettings, dayOf(p.End()))
		in := InPeriod(all, p)
		if len(in) < 25 {
			t.Errorf("%s has %d example cases", p, len(in))
		}
		kinds, majors := map[string]bool{}, 0
		for _, c := range in {
			kinds[c.Kind] = true
			if len(env.majorReason(c)) > 0 {
				majors++
			}
		}
		if !kinds[KindFee] || !kinds[KindPenalty] || majors == 0 || majors == len(in) {
			t.Errorf("%s: examples need both kinds (%v) and major and ordinary cases (%d major of %d)", p, kinds, majors, len(in))
		}
		for _, r := range Rules {
			seen := map[Status]bool{}
			for _, c := range in {
				seen[r.Check(c, env).Status] = true
			}
			if !seen[StatusPass] || !seen[StatusFail] {
				t.Errorf("%s: rule %s needs an example case that keeps it and one that breaks it (saw %v)", p, r.ID, seen)
			}
		}
	}
}
