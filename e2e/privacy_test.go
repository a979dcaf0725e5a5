package e2e

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// exampleCases is the folder of synthetic case files (examples/gencases).
var exampleCases = filepath.Join(repoRoot, "examples", "casefiles")

// personalKeys are the keys of a case file whose values are personal
// data wherever they appear; every string of the [party] table (its name,
// ID number, address, phone, representative) is too.
var personalKeys = map[string]bool{"id_number": true, "address": true, "phone": true, "mobile": true, "tel": true}

// secrets decodes every case file generically and returns each personal
// string: the party's name, ID number, address and phone, and those of
// anyone under a party key.
func secrets(t testing.TB, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no case files in %s", dir)
	}
	set := map[string]bool{}
	var walk func(v any, key string, party bool)
	walk = func(v any, key string, party bool) {
		switch v := v.(type) {
		case string:
			if (party && key != "type") || personalKeys[key] {
				if strings.TrimSpace(v) != "" {
					set[v] = true
				}
			}
		case map[string]any:
			for k, sub := range v {
				walk(sub, k, party || k == "party")
			}
		case []map[string]any:
			for _, sub := range v {
				walk(sub, key, party)
			}
		case []any:
			for _, sub := range v {
				walk(sub, key, party)
			}
		}
	}
	for _, f := range files {
		var m map[string]any
		if _, err := toml.DecodeFile(f, &m); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		walk(m, "", false)
	}
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// ownCases copies the example case files into the case folder of the site
// in dir as if they were the bureau's own: without the marker (示例.txt)
// that makes the ledger and the pipeline refuse them. The site files every
// due report at once (wait_for_reviews = 0), whatever today's date.
func ownCases(t testing.TB, dir string) {
	t.Helper()
	folder := filepath.Join(dir, caseFolder(t, dir))
	copyTree(t, exampleCases, folder)
	if err := os.Remove(filepath.Join(folder, "示例.txt")); err != nil {
		t.Fatalf("the example case files lack their marker: %v", err)
	}
	path := filepath.Join(dir, "site.toml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	data = regexp.MustCompile(`(?m)^wait_for_reviews = \d+$`).ReplaceAll(data, []byte("wait_for_reviews = 0"))
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// caseFolder is [reports] casefiles of the site.toml in dir.
func caseFolder(t testing.TB, dir string) string {
	t.Helper()
	var cfg struct {
		Reports struct {
			CaseFiles string `toml:"casefiles"`
		} `toml:"reports"`
	}
	if _, err := toml.DecodeFile(filepath.Join(dir, "site.toml"), &cfg); err != nil {
		t.Fatal(err)
	}
	if cfg.Reports.CaseFiles == "" {
		return "casefiles"
	}
	return cfg.Reports.CaseFiles
}

// TestPrivacy builds the real site with the example case files in place
// and searches every output file for every personal string of every case
// file: none may appear.
func TestPrivacy(t *testing.T) {
	dir := newSite(t)
	ownCases(t, dir)
	out := buildSite(t, dir)
	secret := secrets(t, exampleCases)
	if len(secret) < 100 {
		t.Fatalf("only %d personal strings found in the example case files; the decoder missed them", len(secret))
	}
	c := newCounter(t, "privacy", "personal strings from case files searched for in the public output")
	c.add(len(secret))
	files := 0
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		for _, s := range secret {
			if bytes.Contains(data, []byte(s)) {
				t.Errorf("public/%s contains %q from a case file", rel, s)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 50 {
		t.Errorf("only %d files in the output", files)
	}
}

// TestCaseFolderRefused sets [reports] casefiles to a folder inside the
// content, the theme or the output: build and check must refuse it, naming
// site.toml, before anything is written.
func TestCaseFolderRefused(t *testing.T) {
	for _, inside := range []string{"content/casefiles", "content", "themes/default/casefiles", "public/casefiles", "public"} {
		t.Run(strings.ReplaceAll(inside, "/", "_"), func(t *testing.T) {
			dir := newSite(t)
			cfgPath := filepath.Join(dir, "site.toml")
			data, err := os.ReadFile(cfgPath)
			if err != nil {
				t.Fatal(err)
			}
			re := regexp.MustCompile(`(?m)^casefiles = ".*"$`)
			if !re.Match(data) {
				t.Fatal(`site.toml has no line casefiles = "..."; update the test`)
			}
			data = re.ReplaceAll(data, []byte(`casefiles = "`+inside+`"`))
			if err := os.WriteFile(cfgPath, data, 0o644); err != nil {
				t.Fatal(err)
			}
			copyTree(t, exampleCases, filepath.Join(dir, filepath.FromSlash(inside)))
			for _, args := range [][]string{{"check"}, {"build", "-out", filepath.Join(dir, "public")}} {
				res := run(t, dir, args...)
				if res.code != 1 || !regexp.MustCompile(`(?m)^site\.toml:\d+:\d+: .*casefiles`).MatchString(res.stderr) {
					t.Errorf("qingdan %s with casefiles = %q: exit %d, want 1 and a site.toml:line:col problem about casefiles; stderr:\n%s", args[0], inside, res.code, truncate(res.stderr, 1500))
				}
			}
			if _, err := os.Stat(filepath.Join(dir, "public", "index.html")); err == nil {
				t.Errorf("a site was built with casefiles = %q", inside)
			}
		})
	}
}

// TestReportsMaskIDs files both reports of every example period into a
// temporary outbox and reads each PDF with pdftotext: no full ID number
// of any case file appears; each report names its cases by masked ID.
func TestReportsMaskIDs(t *testing.T) {
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		if ciMode() {
			t.Fatal("pdftotext not found (./test.sh installs poppler-utils)")
		}
		t.Skip("pdftotext not found")
	}
	dir := newSite(t)
	ownCases(t, dir)
	var ids []string
	for _, s := range secrets(t, exampleCases) {
		if regexp.MustCompile(`^\d{17}[\dXx]$`).MatchString(s) {
			ids = append(ids, s)
		}
	}
	if len(ids) == 0 {
		t.Fatal("no ID numbers in the example case files")
	}
	pdfs := 0
	for _, per := range []string{"2025H2", "2026H1"} {
		for _, kind := range []string{"evaluate", "filing"} {
			res := run(t, dir, "report", kind, "-period", per)
			if res.code != 0 {
				t.Errorf("qingdan report %s -period %s: exit %d\n%s", kind, per, res.code, truncate(res.stderr, 1500))
			}
		}
	}
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".pdf") {
			return err
		}
		pdfs++
		text, err := exec.Command(pdftotext, "-enc", "UTF-8", p, "-").Output()
		if err != nil {
			t.Errorf("pdftotext %s: %v", p, err)
			return nil
		}
		flat := strings.Join(strings.Fields(string(text)), "")
		for _, id := range ids {
			if strings.Contains(flat, id) {
				t.Errorf("%s shows the full ID number %s", filepath.Base(p), id)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pdfs < 2 {
		t.Errorf("only %d PDFs were filed; expected the evaluation and filing reports of two periods", pdfs)
	}
}
