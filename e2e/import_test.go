package e2e

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"qingdan/internal/seeddoc"
	"qingdan/internal/seedtext"
)

// The import gate: the real binary imports the source document as a Word
// and as an Excel file into an empty folder, checks and builds the result;
// imports the Word file into a copy of the real content (ids and files
// kept); refuses a folder of other files.

var pageTags = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<[^>]*>`)

// pageText is a built page's visible text, whitespace removed.
func pageText(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return seedtext.Squash(html.UnescapeString(pageTags.ReplaceAllString(string(b), " ")))
}

func TestImportCheckBuild(t *testing.T) {
	c := newCounter(t, "import", "import: cells of the source's .docx and .xlsx accounted for")
	seed, err := seedtext.Parse(seedtext.Source)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"清单.docx": seeddoc.Docx(seedtext.Source), "清单.xlsx": seeddoc.Xlsx(seedtext.Source)} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			copyFile(t, filepath.Join(repoRoot, "site.toml"), filepath.Join(dir, "site.toml"))
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
			r := run(t, dir, "import", name, "-dry-run")
			if r.code != 0 || !strings.Contains(r.stdout, "qingdan 导入报告") {
				t.Fatalf("import -dry-run: exit %d\n%s%s", r.code, r.stdout, r.stderr)
			}
			if _, err := os.Stat(filepath.Join(dir, "content")); err == nil {
				t.Fatal("-dry-run wrote the content folder")
			}
			r = run(t, dir, "import", name)
			if r.code != 0 {
				t.Fatalf("import: exit %d\n%s", r.code, r.stderr)
			}
			report, err := os.ReadFile(filepath.Join(dir, "content", "import-report.txt"))
			if err != nil {
				t.Fatalf("import-report.txt: %v", err)
			}
			m := regexp.MustCompile(`单元格 (\d+) 个（合并单元格算一个）：写入内容 (\d+) 个，空白 (\d+) 个，有文字但未写入 (\d+) 个`).FindStringSubmatch(string(report))
			if m == nil {
				t.Fatalf("the report has no counts:\n%s", report)
			}
			c.add(atoi(m[1]))
			if atoi(m[2])+atoi(m[3])+atoi(m[4]) != atoi(m[1]) {
				t.Errorf("cells %s != written %s + blank %s + left out %s", m[1], m[2], m[3], m[4])
			}
			r = run(t, dir, "check")
			if r.code != 0 || !strings.Contains(r.stderr, "qingdan: 通过：14 个单位，11 条职责，48 个事项，3 个边界事项，13 个服务事项") {
				t.Fatalf("check: exit %d\n%s", r.code, r.stderr)
			}
			out := buildSite(t, dir)
			duties := pageText(t, filepath.Join(out, "duties", "index.html"))
			for _, d := range seed.Duties {
				for _, it := range d.Items {
					if !strings.Contains(duties, seedtext.Squash(it[0])) {
						t.Errorf("duties/index.html lacks the work item %q", it[0])
					}
				}
			}
			services := pageText(t, filepath.Join(out, "services", "index.html"))
			for _, s := range seed.Services {
				if !strings.Contains(services, seedtext.Squash(s[1])) {
					t.Errorf("services/index.html lacks the service %q", s[1])
				}
			}
			systems := pageText(t, filepath.Join(out, "supervision", "index.html"))
			if strings.HasSuffix(name, ".xlsx") && !strings.Contains(systems, "本清单暂未公布事中事后监督管理制度") {
				t.Error("supervision/index.html of a list with no systems does not say so")
			}
			for _, s := range seed.Systems {
				if has := strings.Contains(systems, seedtext.Squash(s.Title)); has != strings.HasSuffix(name, ".docx") {
					t.Errorf("supervision/index.html: system %q shown %v; the Word file has the systems, the Excel file none", s.Title, has)
				}
			}
		})
	}
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

// TestImportIntoContent imports the Word file into a copy of the real
// content: every entry's text matches, so every id is kept and the files of
// the three tables and the units are left exactly as they were.
func TestImportIntoContent(t *testing.T) {
	dir := newSite(t)
	if err := os.WriteFile(filepath.Join(dir, "清单.docx"), seeddoc.Docx(seedtext.Source), 0o644); err != nil {
		t.Fatal(err)
	}
	before := map[string]os.FileInfo{}
	for _, f := range []string{"units.toml", "duties.toml", "boundaries.toml", "services.toml", "changes.toml", "synonyms.toml"} {
		info, err := os.Stat(filepath.Join(dir, "content", f))
		if err != nil {
			t.Fatal(err)
		}
		before[f] = info
	}
	if r := run(t, dir, "import", "清单.docx"); r.code != 0 {
		t.Fatalf("import: exit %d\n%s", r.code, r.stderr)
	}
	for f, info := range before {
		after, err := os.Stat(filepath.Join(dir, "content", f))
		if err != nil || !after.ModTime().Equal(info.ModTime()) || after.Size() != info.Size() {
			t.Errorf("content/%s was rewritten; its entries did not change", f)
		}
	}
	if r := run(t, dir, "check"); r.code != 0 || !strings.Contains(r.stderr, "qingdan: 通过：11 个单位，11 条职责，48 个事项") {
		t.Errorf("check after the import: exit %d\n%s", r.code, r.stderr)
	}
}

// TestImportRefusesOtherFolder: -out a folder of other files is refused
// and left alone.
func TestImportRefusesOtherFolder(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "清单.docx"), seeddoc.Docx(seedtext.Source), 0o644)
	os.MkdirAll(filepath.Join(dir, "docs"), 0o755)
	os.WriteFile(filepath.Join(dir, "docs", "mine.txt"), []byte("mine"), 0o644)
	r := run(t, dir, "import", "-out", "docs", "清单.docx")
	if r.code != 1 || !strings.Contains(r.stderr, "不是清单内容文件夹") {
		t.Errorf("import into a folder of other files: exit %d\n%s", r.code, r.stderr)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "docs"))
	if len(entries) != 1 {
		t.Errorf("the refused folder now holds %d entries", len(entries))
	}
	if r := run(t, dir, "import", "清单.pdf"); r.code != 1 {
		t.Errorf("import of a missing .pdf: exit %d", r.code)
	}
	if r := run(t, dir, "import"); r.code != 2 {
		t.Errorf("import with no file: exit %d, want 2", r.code)
	}
}

// TestExcelRoundTrip: the site's own data/qingdan.xlsx imported into the
// content it was built from changes no file; imported into an empty folder
// it gives content whose build has the same qingdan.json.
func TestExcelRoundTrip(t *testing.T) {
	dir := newSite(t)
	out := buildSite(t, dir)
	xlsx := filepath.Join(out, "data", "qingdan.xlsx")
	before := map[string]string{}
	content := filepath.Join(dir, "content")
	filepath.WalkDir(content, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			info, _ := d.Info()
			before[p] = string(b) + info.ModTime().String()
		}
		return err
	})
	r := run(t, dir, "import", xlsx)
	if r.code != 0 {
		t.Fatalf("import: exit %d\n%s", r.code, r.stderr)
	}
	for p, was := range before {
		b, _ := os.ReadFile(p)
		info, _ := os.Stat(p)
		if string(b)+info.ModTime().String() != was {
			t.Errorf("%s changed: the round trip content → xlsx → import must change nothing", p)
		}
	}
	report, _ := os.ReadFile(filepath.Join(content, "import-report.txt"))
	if strings.Contains(string(report), "已替换") || strings.Contains(string(report), "新写入") {
		t.Errorf("the report says a file was written:\n%s", report)
	}

	// Into an empty folder: the same list.
	empty := t.TempDir()
	copyFile(t, filepath.Join(repoRoot, "site.toml"), filepath.Join(empty, "site.toml"))
	if r := run(t, empty, "import", xlsx); r.code != 0 {
		t.Fatalf("import into an empty folder: exit %d\n%s", r.code, r.stderr)
	}
	again := buildSite(t, empty)
	a, _ := os.ReadFile(filepath.Join(out, "data", "qingdan.json"))
	b, _ := os.ReadFile(filepath.Join(again, "data", "qingdan.json"))
	if string(a) != string(b) || len(a) < 1000 {
		t.Errorf("qingdan.json of the re-imported content differs from the original's (%d and %d bytes)", len(a), len(b))
	}
	x, _ := os.ReadFile(filepath.Join(again, "data", "qingdan.xlsx"))
	y, _ := os.ReadFile(xlsx)
	if string(x) != string(y) {
		t.Error("qingdan.xlsx of the re-imported content differs from the original's")
	}
}
