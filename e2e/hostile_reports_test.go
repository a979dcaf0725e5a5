package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// hostileCaseTemplate is an example case file with a major decision of
// 2026H1 (91000 yuan), which the hostile case files are made from.
var hostileCaseTemplate = filepath.Join(exampleCases, "2026H1-05.toml")

// caseEdit makes a case file from the template: each old text replaced by
// its new one wherever it is, failing when the template lacks it.
func caseEdit(t *testing.T, template string, pairs ...string) string {
	t.Helper()
	for i := 0; i+1 < len(pairs); i += 2 {
		if !strings.Contains(template, pairs[i]) {
			t.Fatalf("the template has no %q", pairs[i])
		}
		template = strings.ReplaceAll(template, pairs[i], pairs[i+1])
	}
	return template
}

// lineOf is the line of text on which s starts.
func lineOf(text, s string) int {
	return strings.Count(text[:strings.Index(text, s)], "\n") + 1
}

// TestHostileCaseFiles runs report check and report filing on case files
// an office could type by mistake: values that are not amounts and
// control characters are refused with their file, line and field; names
// with characters the first font lacks are drawn from the fallback fonts
// and filed (one no font has is a warning, not a failed filing); an ID
// number typed into any field is masked in the PDF and the JSON.
func TestHostileCaseFiles(t *testing.T) {
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		if ciMode() {
			t.Fatal("pdftotext not found (./test.sh installs poppler-utils)")
		}
		t.Skip("pdftotext not found")
	}
	data, err := os.ReadFile(hostileCaseTemplate)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := string(data)
	tried := newCounter(t, "hostile-reports", "hostile case files (refused with position, drawn, or masked)")

	refused := []struct {
		name, old, new, want string
	}{
		{"nan", "amount = 91000", "amount = nan", "金额 NaN 不是数字"},
		{"inf", "amount = 91000", "amount = inf", "金额 +Inf 不是数字"},
		{"absurd", "amount = 91000", "amount = 9e15", "元超过 100000000000.00 元"},
		{"payment -inf", "amount = 45500", "amount = -inf", "金额 -Inf 不是数字"},
		{"nul in a name", `name = "吴晓静"`, `name = "吴\u0000晓静"`, "party.name 含有控制字符 U+0000"},
		{"escape in an address", `address = "威县高公庄乡第1村"`, `address = "威县\u001b[2J高公庄乡"`, "party.address 含有控制字符 U+001B"},
		{"bidi override in a reviewer", `reviewer = "钱文静"`, `reviewer = "钱\u202e文静"`, "review.reviewer 含有控制字符 U+202E"},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			tried.add(1)
			dir := filepath.Join(t.TempDir(), "cases")
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			text := caseEdit(t, tmpl, tc.old, tc.new)
			if err := os.WriteFile(filepath.Join(dir, "hostile.toml"), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			res := run(t, repoRoot, "report", "check", "-dir", dir)
			pos := filepath.Join(dir, "hostile.toml") + ":" + strconv.Itoa(lineOf(text, tc.new)) + ":"
			if res.code != 1 || !strings.Contains(res.stderr, pos) || !strings.Contains(res.stderr, tc.want) {
				t.Errorf("report check: exit %d, want 1 and %q at %s:\n%s", res.code, tc.want, pos, truncate(res.stderr, 1500))
			}
		})
	}

	// Accepted: filed together, in a copy of the project.
	const id = "130533198001011234"
	files := map[string]string{
		"ext-b.toml":   caseEdit(t, tmpl, `name = "吴晓静"`, `name = "张𠀀𬌗"`, "第5号", "第91号", "date = 2025-05-09", "date = 2025-05-11"),
		"uyghur.toml":  caseEdit(t, tmpl, `name = "吴晓静"`, `name = "ئايگۈل·مەمەت😀"`, "第5号", "第92号", "date = 2025-05-09", "date = 2025-05-12"),
		"no-font.toml": caseEdit(t, tmpl, `name = "吴晓静"`, "name = \"李\\U000F0001\"", "第5号", "第93号", "date = 2025-05-09", "date = 2025-05-13"),
		"ids.toml": caseEdit(t, tmpl, `name = "吴晓静"`, `name = "王某`+id+`"`, `township = "高公庄乡"`, `township = "高公庄乡`+id+`"`,
			"第5号", "第94号", "date = 2025-05-09", "date = 2025-05-14", `basis = "`, `basis = "`+id+`，`, `recipient = "吴晓静"`, `recipient = "`+id+`"`),
	}
	tried.add(len(files))
	site := newSite(t)
	folder := filepath.Join(site, caseFolder(t, site))
	if err := os.MkdirAll(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(folder, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res := run(t, site, "report", "check")
	pos := filepath.Join(caseFolder(t, site), "no-font.toml") + ":" + strconv.Itoa(lineOf(files["no-font.toml"], "name = ")) + ":8: 警告：party.name 中的字符"
	if res.code != 0 || !strings.Contains(res.stderr, pos) || !strings.Contains(res.stderr, "U+F0001") {
		t.Fatalf("report check: exit %d, want 0 and a warning for U+F0001 at %s:\n%s", res.code, pos, truncate(res.stderr, 2000))
	}
	for _, c := range []string{"U+20000", "U+2C317", "U+0626", "U+1F600"} {
		if strings.Contains(res.stderr, c) {
			t.Errorf("report check warns of %s, which the fallback fonts draw:\n%s", c, truncate(res.stderr, 2000))
		}
	}
	res = run(t, site, "report", "filing", "-period", "2026H1")
	if res.code != 0 {
		t.Fatalf("report filing: exit %d\n%s", res.code, truncate(res.stderr, 2000))
	}
	var pdfText, jsonText string
	filepath.WalkDir(site, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch filepath.Ext(p) {
		case ".pdf":
			out, err := exec.Command(pdftotext, "-enc", "UTF-8", p, "-").Output()
			if err != nil {
				t.Errorf("pdftotext %s: %v", p, err)
			}
			pdfText += strings.Join(strings.Fields(string(out)), "")
		case ".json":
			if strings.Contains(p, "outbox") {
				b, _ := os.ReadFile(p)
				jsonText += string(b)
			}
		}
		return nil
	})
	if pdfText == "" || jsonText == "" {
		t.Fatal("the filing wrote no PDF or no JSON into the outbox")
	}
	for _, want := range []string{"张𠀀𬌗", "李\U000F0001", "王某130533********1234"} {
		if !strings.Contains(pdfText, want) {
			t.Errorf("the filed PDF's text lacks %q", want)
		}
	}
	if !strings.Contains(jsonText, "ئايگۈل·مەمەت😀") {
		t.Error("the filed JSON lacks the Uyghur name")
	}
	if strings.Contains(pdfText, id) || strings.Contains(jsonText, id) {
		t.Errorf("the filing shows the ID number %s typed into a name, township, basis and recipient", id)
	}
}
