package e2e

import (
	"fmt"
	"html"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"qingdan/internal/seedtext"
)

// runQingdan runs the binary in dir and returns what it printed (stderr,
// then stdout) and its exit code.
func runQingdan(t *testing.T, dir string, args ...string) (string, int) {
	t.Helper()
	r := run(t, dir, args...)
	return r.stderr + r.stdout, r.code
}

// readSeed parses the source document, after checking that the
// repository's copy is the shared one beside the repository, when there is
// one (CI lays it there).
func readSeed(t *testing.T) *seedtext.List {
	t.Helper()
	if shared, err := os.ReadFile(filepath.Join(repoRoot, "../shared/seeds/000_2ea1ee190cf32676.txt")); err == nil && string(shared) != seedtext.Source {
		t.Fatal("internal/seedtext/seed.txt differs from ../shared/seeds/000_2ea1ee190cf32676.txt")
	}
	list, err := seedtext.Parse(seedtext.Source)
	if err != nil {
		t.Fatal(err)
	}
	return list
}

var markup = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<[^>]*>`)

// pageTexts returns the visible text of every HTML page under dir, whitespace
// removed, as one string per page.
func pageTexts(t *testing.T, dir string) map[string]string {
	t.Helper()
	pages := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		pages[filepath.ToSlash(rel)] = seedtext.Squash(html.UnescapeString(markup.ReplaceAllString(string(b), " ")))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// TestBuildRealSiteCarriesTheSeed builds the real content with the real
// binary and finds every duty, work item, boundary role and service of the
// source document on the pages a reader would look at for it.
func TestBuildRealSiteCarriesTheSeed(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if msg, code := runQingdan(t, repoRoot, "build", "-out", out); code != 0 {
		t.Fatalf("build exit %d:\n%s", code, msg)
	}
	pages := pageTexts(t, out)
	seed := readSeed(t)
	find := func(page, what, text string) {
		t.Helper()
		got, ok := pages[page]
		if !ok {
			t.Errorf("page %s was not built", page)
			return
		}
		if want := seedtext.Squash(text); !strings.Contains(got, want) {
			t.Errorf("%s: %s %q is missing", page, what, text)
		}
	}
	n := 0
	for i, d := range seed.Duties {
		page := fmt.Sprintf("duties/%02d/index.html", i+1)
		find(page, "duty", d.Text)
		for _, it := range d.Items {
			find(page, "work item", it[0])
			find("duties/index.html", "work item", it[0])
			n++
		}
	}
	if n != 48 {
		t.Errorf("the seed has %d work items, want 48", n)
	}
	for i, m := range seed.Matters {
		page := fmt.Sprintf("boundaries/%02d/index.html", i+1)
		find(page, "matter", m.Title)
		for _, r := range m.Roles {
			find(page, "department", r[0])
			find(page, "role", r[1])
		}
	}
	for i, s := range seed.Services {
		page := fmt.Sprintf("services/%02d/index.html", i+1)
		find(page, "service", s[1])
		find(page, "service content", s[2])
		for _, phone := range strings.Fields(s[4]) {
			find(page, "phone", phone)
		}
		find("services/index.html", "service", s[1])
	}
	for i, s := range seed.Systems {
		find(fmt.Sprintf("supervision/%02d/index.html", i+1), "system", s.Title)
	}
}

// TestBrokenContentLeavesSiteUntouched edits a unit id into a typo: build
// and check must fail with the position and a suggestion, exit 1, and leave
// every byte and mtime of the previous site as it was.
func TestBrokenContentLeavesSiteUntouched(t *testing.T) {
	dir := newSite(t)
	if msg, code := runQingdan(t, dir, "build"); code != 0 {
		t.Fatalf("first build exit %d:\n%s", code, msg)
	}
	before := manifest(t, filepath.Join(dir, "public"))
	path := filepath.Join(dir, "content", "duties.toml")
	b, _ := os.ReadFile(path)
	broken := strings.Replace(string(b), `units = ["zcfg"]`, `units = ["zcgf"]`, 1)
	if err := os.WriteFile(path, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	line := strings.Count(broken[:strings.Index(broken, `["zcgf"]`)], "\n") + 1
	want := fmt.Sprintf("content/duties.toml:%d:10: 错误：责任单位 \"zcgf\" 不在 units.toml 中\n  提示：是不是 \"zcfg\"（政策法规股（信访室））？", line)
	for _, cmd := range []string{"build", "check"} {
		msg, code := runQingdan(t, dir, cmd)
		if code != 1 || !strings.Contains(msg, want) {
			t.Errorf("%s: exit %d, output:\n%s\nwant exit 1 and %q", cmd, code, msg, want)
		}
	}
	after := manifest(t, filepath.Join(dir, "public"))
	if before != after {
		t.Error("the failed build changed the previous site")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public.tmp") {
			t.Errorf("temporary folder %s left behind", e.Name())
		}
	}
}

// TestLanguageFromEnvironment: QINGDAN_LANG=en gives English; the
// machine's locale never does, and -lang overrides the variable.
func TestLanguageFromEnvironment(t *testing.T) {
	for _, tt := range []struct {
		env  []string
		args []string
		want string
	}{
		{[]string{"QINGDAN_LANG=en"}, []string{"check"}, "qingdan: ok: 11 units"},
		{[]string{"LANG=en_US.UTF-8", "LC_ALL=en_US.UTF-8", "LANGUAGE=en"}, []string{"check"}, "qingdan: 通过：11 个单位"},
		{[]string{"QINGDAN_LANG=en"}, []string{"check", "-lang", "zh"}, "qingdan: 通过：11 个单位"},
		{[]string{"QINGDAN_LANG=klingon"}, []string{"check"}, `不认识语言 "klingon"`},
	} {
		cmd := exec.Command(bin, tt.args...)
		cmd.Dir = repoRoot
		cmd.Env = append(os.Environ(), tt.env...)
		out, _ := cmd.CombinedOutput()
		if !strings.Contains(string(out), tt.want) {
			t.Errorf("%v qingdan %v:\n%s\nwant %q", tt.env, tt.args, out, tt.want)
		}
	}
}

func TestExitCodes(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"check"}, 0, "qingdan: 通过：11 个单位，11 条职责，48 个事项，3 个边界事项，13 个服务事项，5 项监督管理制度"},
		{[]string{"check"}, 0, `content/duties.toml:90:1: 警告：事项 "03-03" 没有责任单位`},
		{[]string{"-lang", "en", "check"}, 0, "qingdan: ok: 11 units, 11 duties, 48 items, 3 boundary matters, 13 services, 5 supervision systems"},
		{[]string{"check", "-lang=en"}, 0, `content/duties.toml:90:1: warning: item "03-03" has no responsible unit`},
		{[]string{"build", "-h"}, 0, "用法：qingdan build"},
		{[]string{"build", "-lang", "en", "-h"}, 0, "Usage: qingdan build"},
		{[]string{"build", "-nope"}, 2, "flag provided but not defined"},
		{[]string{"build", "extra"}, 2, `多了参数 "extra"`},
		{[]string{"-lang", "en", "build", "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"-lang", "fr", "check"}, 2, `不认识语言 "fr"`},
		{[]string{"frobnicate"}, 2, `没有 "frobnicate" 这个命令`},
		{nil, 2, "命令："},
		{[]string{"-lang", "en"}, 2, "Commands:"},
		{[]string{"check", "-config", "missing.toml"}, 1, "missing.toml: 错误：读不出设置文件：文件不存在"},
		{[]string{"-lang", "en", "check", "-config", "missing.toml"}, 1, "missing.toml: error: cannot read configuration: file does not exist"},
	}
	for _, tt := range tests {
		msg, code := runQingdan(t, repoRoot, tt.args...)
		if code != tt.code || !strings.Contains(msg, tt.want) {
			t.Errorf("qingdan %v: exit %d, output:\n%s\nwant exit %d and %q", tt.args, code, msg, tt.code, tt.want)
		}
	}
}
