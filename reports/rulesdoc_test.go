package reports

import (
	"os"
	"strings"
	"testing"
)

// TestRulesDocUpToDate checks docs/rules.md is what "qingdan report rules"
// prints; -update rewrites it.
func TestRulesDocUpToDate(t *testing.T) {
	const path = "../docs/rules.md"
	want := RulesMarkdown()
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./reports -update)", err)
	}
	if string(got) != want {
		t.Fatalf("%s is out of date; run go test ./reports -update (or qingdan report rules -o docs/rules.md)", path)
	}
	for _, r := range Rules {
		if !strings.Contains(want, "| "+r.ID+" | "+r.Title) || !strings.Contains(want, r.Clause) {
			t.Errorf("rules table lacks %s or its clause", r.ID)
		}
	}
}
