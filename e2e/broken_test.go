package e2e

import (
	"bytes"
	"crypto/sha256"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/tools/txtar"
)

// brokenCase is one piece of broken content: files that replace, edit or
// delete files of a copy of the real site, and the problem positions the
// build must print.
type brokenCase struct {
	name  string
	files []caseFile
	// want are prefixes ("content/units.toml:3:7: ") of which each must
	// begin a line of stderr; when empty, any line naming one of the
	// case's files with a position (or a whole-file "path: ") will do.
	want []string
	// file is the .txtar the case was read from, which -update rewrites.
	file string
	// problems, when not 0, is how many problem lines stderr must hold
	// (one for a file in the wrong encoding, say, and no cascade).
	problems int
}

// caseFile is one change a case makes. Name is relative to content/, or
// "site.toml". With edit, the first occurrence of old in the real file is
// replaced by data; with del the file is removed; else data replaces it.
type caseFile struct {
	name string
	data []byte
	old  []byte
	edit bool
	del  bool
}

// path is the file's path relative to the site folder, as problems name it.
func (f caseFile) path() string {
	if f.name == "site.toml" {
		return f.name
	}
	return "content/" + f.name
}

// parseCase reads a .txtar case: a comment, then "-- name --" files. A
// comment line "want PREFIX" adds an expected problem prefix. A file whose
// text is "(delete)" is removed; a file "-- edit name --" holds the text
// to find, a line "=>", and its replacement.
func parseCase(name string, raw []byte) brokenCase {
	c := brokenCase{name: name}
	a := txtar.Parse(raw)
	for _, line := range strings.Split(string(a.Comment), "\n") {
		if w, ok := strings.CutPrefix(strings.TrimRight(line, "\r"), "want "); ok {
			c.want = append(c.want, w)
		}
	}
	for _, af := range a.Files {
		f := caseFile{name: af.Name, data: af.Data}
		if rest, ok := strings.CutPrefix(af.Name, "edit "); ok {
			f = caseFile{name: rest, data: af.Data, edit: true}
		}
		c.files = append(c.files, f)
	}
	for i := range c.files {
		f := &c.files[i]
		switch {
		case string(f.data) == "(delete)\n":
			f.del = true
		case f.edit:
			old, repl, ok := bytes.Cut(f.data, []byte("\n=>\n"))
			if !ok {
				old, repl = f.data, nil
			}
			// The replacement ends where the text it replaces ends.
			f.old, f.data = old, bytes.TrimSuffix(repl, []byte("\n"))
		}
	}
	return c
}

// brokenCases reads the loader's corpus (generator/testdata/broken, made
// for its small fixture site; its warn-* cases are not broken and are left
// out) and ours (testdata/broken), and adds the generated ones.
func brokenCases(t *testing.T) []brokenCase {
	var cases []brokenCase
	for _, glob := range []string{filepath.Join(repoRoot, "generator", "testdata", "broken", "*.txtar"), filepath.Join("testdata", "broken", "*.txtar")} {
		names, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range names {
			base := strings.TrimSuffix(filepath.Base(n), ".txtar")
			if strings.HasPrefix(base, "warn-") {
				continue
			}
			raw, err := os.ReadFile(n)
			if err != nil {
				t.Fatal(err)
			}
			prefix := "loader/"
			if !strings.Contains(n, "generator") {
				prefix = "e2e/"
			}
			c := parseCase(prefix+base, raw)
			c.file = n
			cases = append(cases, c)
		}
	}
	return append(cases, generatedCases(t)...)
}

// generatedCases are the broken files that a text archive cannot hold
// (bad bytes, line endings) or that are too big to check in.
func generatedCases(t *testing.T) []brokenCase {
	real := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join(repoRoot, "content", name))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	units, duties := real("units.toml"), real("duties.toml")
	md := real("supervision/01-zzrs.md")
	crlf := bytes.ReplaceAll(duties, []byte("\n"), []byte("\r\n"))
	var lines bytes.Buffer
	lines.Write(units)
	for i := 0; i < 200000; i++ {
		fmt.Fprintf(&lines, "# 第 %d 行说明\n", i+1)
	}
	lines.WriteString("[[unit]]\nid = \"x\" name\n")
	utf16 := []byte{0xff, 0xfe}
	for _, r := range string([]rune(string(units))[:200]) {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	utf16be := []byte{}
	for _, r := range string(units) {
		utf16be = append(utf16be, byte(r>>8), byte(r))
	}
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes(units)
	if err != nil {
		t.Fatal(err)
	}
	garbage := make([]byte, 4096)
	for i := range garbage {
		garbage[i] = byte(i*131 + i/7)
	}
	return append([]brokenCase{
		{name: "gen/bad-utf8-toml", files: []caseFile{{name: "duties.toml", data: bytes.Replace(duties, []byte("组织对人口"), []byte("组织\xff\xfe对人口"), 1)}}, want: []string{"content/duties.toml:17:11:"}},
		{name: "gen/bad-utf8-markdown", files: []caseFile{{name: "supervision/01-zzrs.md", data: bytes.Replace(md, []byte("监督检查对象"), []byte("监督\xe7\x9b检查对象"), 1)}}, want: []string{"content/supervision/01-zzrs.md:10:8:"}},
		{name: "gen/nul-byte", files: []caseFile{{name: "units.toml", data: bytes.Replace(units, []byte(`name = "人秘股"`), []byte("name = \"人秘\x00股\""), 1)}}, want: []string{"content/units.toml:8:"}},
		{name: "gen/bom-and-error", files: []caseFile{{name: "units.toml", data: append([]byte("\uFEFF"), bytes.Replace(units, []byte(`kind = "股室"`), []byte(`kind = 股室`), 1)...)}}, want: []string{"content/units.toml:9:8:"}},
		{name: "gen/crlf-and-error", files: []caseFile{{name: "duties.toml", data: bytes.Replace(crlf, []byte("[[duty.item]]\r\nid = \"01-02\""), []byte("[[duty.item]]\r\nid = \"01-02\r\n"), 1)}}, want: []string{"content/duties.toml:21:6: 错误：从这里开始的文字没有结束的引号"}},
		{name: "gen/crlf-front-matter-unclosed", files: []caseFile{{name: "supervision/01-zzrs.md", data: bytes.Replace(bytes.ReplaceAll(md, []byte("\n"), []byte("\r\n")), []byte("+++\r\n\r\n"), []byte("\r\n\r\n"), 1)}}, want: []string{"content/supervision/01-zzrs.md:1:1:"}},
		{name: "gen/utf16-file", files: []caseFile{{name: "units.toml", data: utf16}}, want: []string{"content/units.toml: 错误：文件的编码是 UTF-16 LE"}, problems: 1},
		{name: "gen/utf16-be-no-bom", files: []caseFile{{name: "units.toml", data: utf16be}}, want: []string{"content/units.toml: 错误：文件的编码是 UTF-16 BE"}, problems: 1},
		{name: "gen/gbk-units", files: []caseFile{{name: "units.toml", data: gbk}}, want: []string{"content/units.toml: 错误：文件的编码是 GBK", "  提示：运行 qingdan fix-encoding content/units.toml"}, problems: 1},
		{name: "gen/binary-garbage", files: []caseFile{{name: "services.toml", data: garbage}}, want: []string{"content/services.toml:1:"}},
		{name: "gen/empty-duties", files: []caseFile{{name: "duties.toml", data: []byte{}}}, want: []string{"content/duties.toml: "}},
		{name: "gen/empty-markdown", files: []caseFile{{name: "supervision/02-zsy.md", data: []byte{}}}, want: []string{"content/supervision/02-zsy.md:1:1:"}},
		{name: "gen/huge-value-5MB", files: []caseFile{{name: "duties.toml", data: bytes.Replace(duties, []byte("text = \"组织对人口"), []byte("text = \""+strings.Repeat("很长的文字", 5<<20/15)+"组织对人口"), 1)}}, want: []string{"content/duties.toml:17:"}},
		{name: "gen/huge-file-200k-lines", files: []caseFile{{name: "units.toml", data: lines.Bytes()}}, want: []string{"content/units.toml:200083:10: 错误：值后面多了 name"}},
	}, hostileCases(real)...)
}

// apply makes the case's changes to the site in dir.
func (c brokenCase) apply(t *testing.T, dir string) {
	t.Helper()
	for _, f := range c.files {
		p := filepath.Join(dir, filepath.FromSlash(f.path()))
		switch {
		case f.del:
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
		case f.edit:
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(data, f.old) {
				t.Fatalf("edit %s: the real file no longer contains %q; update the case", f.name, f.old)
			}
			if err := os.WriteFile(p, bytes.Replace(data, f.old, f.data, 1), 0o644); err != nil {
				t.Fatal(err)
			}
		default:
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, f.data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// manifest describes every file and folder under dir: hash, size, mode
// and modification time, one line each.
func manifest(t testing.TB, dir string) string {
	t.Helper()
	var lines []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		sum := ""
		if d.Type().IsRegular() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			sum = fmt.Sprintf("%x", sha256.Sum256(data))
		}
		lines = append(lines, fmt.Sprintf("%s %s %d %v %d", rel, sum, info.Size(), info.Mode(), info.ModTime().UnixNano()))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// listDir names the entries of dir.
func listDir(t testing.TB, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return strings.Join(names, " ")
}

// TestBroken builds, for every broken case, a copy of the real site once
// (the good output), applies the case, and runs qingdan build again: exit
// status 1, a path:line:col problem naming the broken file, and the output
// folder (and the folder around it) exactly as it was.
func TestBroken(t *testing.T) {
	cases := brokenCases(t)
	if len(cases) < 40 {
		t.Fatalf("only %d broken cases; the corpus must have at least 40", len(cases))
	}
	tried := newCounter(t, "broken", "broken content files tried")
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			dir := newSite(t)
			out := buildSite(t, dir)
			before, around := manifest(t, out), listDir(t, dir)
			c.apply(t, dir)
			res := run(t, dir, "build", "-out", out)
			tried.add(1)
			if res.code != 1 {
				t.Errorf("exit status %d, want 1; stderr:\n%s", res.code, truncate(res.stderr, 2000))
			}
			if *update && c.file != "" && strings.HasPrefix(c.name, "e2e/") {
				updateWants(t, c.file, res.stderr)
			}
			checkProblems(t, c, res.stderr)
			if after := manifest(t, out); after != before {
				t.Errorf("the output folder changed:\n%s", diffLines(before, after))
			}
			if got := listDir(t, dir); got != around {
				t.Errorf("the site folder holds %q after the failed build, was %q (a temporary folder left behind?)", got, around)
			}
		})
	}
}

// checkProblems checks that stderr names the broken file with a position.
func checkProblems(t *testing.T, c brokenCase, stderr string) {
	t.Helper()
	lines := strings.Split(stderr, "\n")
	n := 0
	for _, l := range lines {
		if strings.Contains(l, ": error: ") || strings.Contains(l, ": warning: ") {
			t.Errorf("a problem in English, where Chinese is the default: %s", l)
		}
		if strings.Contains(l, ": 错误：") {
			n++
		}
	}
	if c.problems > 0 && n != c.problems {
		t.Errorf("%d errors, want %d; stderr:\n%s", n, c.problems, truncate(stderr, 2000))
	}
	if len(c.want) > 0 {
		for _, w := range c.want {
			found := false
			for _, l := range lines {
				found = found || strings.HasPrefix(l, w)
			}
			if !found {
				t.Errorf("no problem line starting %q; stderr:\n%s", w, truncate(stderr, 2000))
			}
		}
		return
	}
	var names []string
	for _, f := range c.files {
		names = append(names, regexp.QuoteMeta(f.path()))
	}
	re := regexp.MustCompile(`^(` + strings.Join(names, "|") + `):(\d+:\d+:)? \S`)
	for _, l := range lines {
		if re.MatchString(l) {
			return
		}
	}
	t.Errorf("no problem line naming %s as path:line:col: (or path: for the whole file); stderr:\n%s", strings.Join(names, " or "), truncate(stderr, 2000))
}

// diffLines lists the lines only in a and only in b.
func diffLines(a, b string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	ma, mb := in(a), in(b)
	var out []string
	for l := range ma {
		if !mb[l] {
			out = append(out, "- "+l)
		}
	}
	for l := range mb {
		if !ma[l] {
			out = append(out, "+ "+l)
		}
	}
	sort.Strings(out)
	if len(out) > 20 {
		out = append(out[:20], fmt.Sprintf("… %d more", len(out)-20))
	}
	return strings.Join(out, "\n")
}

var update = flag.Bool("update", false, "rewrite the want lines of testdata/broken/*.txtar with the problems as printed")

// updateWants rewrites each "want" line of the case file to the whole
// problem line of stderr at the same position (the position, then the
// message as printed), so that the case holds the exact message.
func updateWants(t *testing.T, file, stderr string) {
	t.Helper()
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(raw), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "-- ") {
			break
		}
		w, ok := strings.CutPrefix(strings.TrimRight(l, "\n"), "want ")
		if !ok {
			continue
		}
		if i := strings.Index(w, ": "); i >= 0 {
			w = w[:i+2] // the position: the message is what is updated
		}
		for _, got := range strings.Split(stderr, "\n") {
			if strings.HasPrefix(got, w) {
				lines[i] = "want " + got + "\n"
				break
			}
		}
	}
	if err := os.WriteFile(file, []byte(strings.Join(lines, "")), 0o644); err != nil {
		t.Fatal(err)
	}
}
