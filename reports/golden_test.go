package reports

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"qingdan/period"
)

var update = flag.Bool("update", false, "update golden files")

// golden compares v as indented JSON with testdata/name, or rewrites it
// with -update.
func golden(t *testing.T, name string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	goldenBytes(t, name, append(got, '\n'))
}

// goldenBytes compares got with testdata/name, or rewrites it with -update.
func goldenBytes(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./reports -update)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(gl) && i < len(wl); i++ {
		if gl[i] != wl[i] {
			t.Fatalf("%s differs at line %d:\n got: %s\nwant: %s\n(run go test ./reports -update if the change is right)", path, i+1, gl[i], wl[i])
		}
	}
	t.Fatalf("%s differs in length: %d lines, want %d (run go test ./reports -update)", path, len(gl), len(wl))
}

func TestGoldenReports(t *testing.T) {
	all := exampleCases(t)
	p := period.Period{Year: 2026, Half: 1}
	e := Evaluate(all, testSettings, p)
	f := BuildFiling(all, testSettings, p)
	golden(t, "evaluation-2026H1.json", e)
	golden(t, "filing-2026H1.json", f)
	golden(t, "evaluation-2026H1.doc.json", EvaluationDocument(e, Issue{}))
	golden(t, "filing-2026H1.doc.json", FilingDocument(f, Issue{}))
}

// TestReportsMaskIDs checks no full ID number of any case reaches a report.
func TestReportsMaskIDs(t *testing.T) {
	all := exampleCases(t)
	for _, p := range examplePeriods {
		e := Evaluate(all, testSettings, p)
		f := BuildFiling(all, testSettings, p)
		var text strings.Builder
		for _, v := range []any{e, f, EvaluationDocument(e, Issue{}), FilingDocument(f, Issue{})} {
			js, _ := json.Marshal(v)
			text.Write(js)
		}
		masked := 0
		for _, c := range all {
			if strings.Contains(text.String(), c.Party.ID) {
				t.Errorf("%s: the ID number of %s appears unmasked", p, c.File)
			}
			if strings.Contains(text.String(), MaskID(c.Party.ID)) {
				masked++
			}
		}
		if masked == 0 {
			t.Errorf("%s: no masked ID number in the reports", p)
		}
	}
}

func TestEvaluationTotals(t *testing.T) {
	all := exampleCases(t)
	for _, p := range examplePeriods {
		e := Evaluate(all, testSettings, p)
		n := len(InPeriod(all, p))
		if e.Total.Cases != n || e.Total.Excellent+e.Total.Pass+e.Total.Fail != n {
			t.Errorf("%s: totals %+v do not add up to %d cases", p, e.Total, n)
		}
		sum := 0
		for _, g := range e.ByTownship {
			sum += g.Cases
		}
		if sum != n {
			t.Errorf("%s: townships hold %d cases, want %d", p, sum, n)
		}
		for _, c := range e.Cases {
			lost := 0
			for _, d := range c.Deductions {
				lost += d.Lost
			}
			if c.Score != 100-lost {
				t.Errorf("%s: %s scores %d with %d points lost", p, c.Number, c.Score, lost)
			}
			if len(c.Fatal) > 0 && c.Grade != GradeFail {
				t.Errorf("%s: %s has outright failures %v but grade %s", p, c.Number, c.Fatal, c.Grade)
			}
		}
		f := BuildFiling(all, testSettings, p)
		for _, d := range f.Decisions {
			if d.Reason == "" || d.Execution == "" || d.Basis == "" {
				t.Errorf("%s: catalogue line %+v is incomplete", p, d)
			}
		}
		if len(f.Decisions) == 0 {
			t.Errorf("%s: no major decision in the examples", p)
		}
	}
}
