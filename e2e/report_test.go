package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReportCommands runs "qingdan report" end to end on the example case
// files: check, rules, and filing one period twice through the ledger.
func TestReportCommands(t *testing.T) {
	out, code := runQingdan(t, repoRoot, "report", "check", "-dir", "examples/casefiles")
	if code != 0 || !strings.Contains(out, "已检查 64 份案卷（examples/casefiles）：0 个错误") {
		t.Fatalf("report check on the examples: exit %d\n%s", code, out)
	}

	bad := t.TempDir()
	good, err := os.ReadFile(filepath.Join(repoRoot, "reports/testdata/good.toml"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(bad, "bad.toml"), []byte(strings.Replace(string(good), "kind = \"征收社会抚养费\"", "kind = \"罚款\"", 1)), 0o644)
	out, code = runQingdan(t, repoRoot, "-lang", "en", "report", "check", "-dir", bad)
	if code != 1 || !strings.Contains(out, filepath.Join(bad, "bad.toml")+":3:8: error: kind \"罚款\" is not one of") {
		t.Fatalf("report check on a bad file: exit %d\n%s", code, out)
	}

	var doc []byte
	out, code = runQingdan(t, repoRoot, "report", "rules")
	doc, err = os.ReadFile(filepath.Join(repoRoot, "docs/rules.md"))
	if err != nil || code != 0 || out != string(doc) {
		t.Fatalf("report rules: exit %d, differs from docs/rules.md: %t (%v)", code, out != string(doc), err)
	}

	if out, code = runQingdan(t, repoRoot, "report", "evaluate"); code != 2 || !strings.Contains(out, "必须写 -period") {
		t.Fatalf("report evaluate without -period: exit %d\n%s", code, out)
	}
	if out, code = runQingdan(t, repoRoot, "report", "evaluate", "-period", "2026H3"); code != 2 {
		t.Fatalf("report evaluate -period 2026H3: exit %d\n%s", code, out)
	}

	if _, err := os.Stat("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"); err != nil && os.Getenv("CI") == "" {
		t.Skip("fonts-wqy-microhei not installed")
	}
	dir := t.TempDir()
	examples, _ := filepath.Abs(filepath.Join(repoRoot, "examples/casefiles"))
	site := "title = \"t\"\nbase_url = \"https://example.gov.cn/\"\n[org]\nname = \"威县人口和计划生育局\"\n[reports]\ncasefiles = \"" + examples + "\"\n"
	os.WriteFile(filepath.Join(dir, "site.toml"), []byte(site), 0o644)
	for _, kind := range []string{"evaluate", "filing"} {
		out, code = runQingdan(t, dir, "report", kind, "-period", "2026H1")
		if code != 0 || !strings.Contains(out, "filed") {
			t.Fatalf("report %s: exit %d\n%s", kind, code, out)
		}
	}
	for _, name := range []string{"2026H1-案卷评查报告.pdf", "2026H1-案卷评查报告.json", "2026H1-重大征收或处罚决定备案报告.pdf", "2026H1-重大征收或处罚决定备案报告.json"} {
		if _, err := os.Stat(filepath.Join(dir, "outbox", "2026H1", name)); err != nil {
			t.Errorf("outbox lacks %s: %v", name, err)
		}
	}
	out, code = runQingdan(t, dir, "report", "evaluate", "-period", "2026H1")
	if code != 0 || !strings.Contains(out, "不再生成") {
		t.Fatalf("second report evaluate: exit %d\n%s", code, out)
	}
}
