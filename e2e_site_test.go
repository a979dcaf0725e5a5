package main

import (
	"bytes"
	"crypto/sha256"
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

// qingdanBin is the real binary, built once for the end-to-end tests.
var qingdanBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "qingdan-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	qingdanBin = filepath.Join(dir, "qingdan")
	if out, err := exec.Command("go", "build", "-o", qingdanBin, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// runQingdan runs the binary in dir and returns its stderr and exit code.
func runQingdan(t *testing.T, dir string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(qingdanBin, args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.Stdout = &stderr
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return stderr.String(), ee.ExitCode()
	}
	if err != nil {
		t.Fatal(err)
	}
	return stderr.String(), 0
}

// readSeed parses the source document, after checking that the
// repository's copy is the shared one beside the repository, when there is
// one (CI lays it there).
func readSeed(t *testing.T) *seedtext.List {
	t.Helper()
	if shared, err := os.ReadFile("../shared/seeds/000_2ea1ee190cf32676.txt"); err == nil && string(shared) != seedtext.Source {
		t.Fatal("seedtext/seed.txt differs from ../shared/seeds/000_2ea1ee190cf32676.txt")
	}
	list, err := seedtext.Parse(seedtext.Source)
	if err != nil {
		t.Fatal(err)
	}
	return list
}

var tags = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<[^>]*>`)

// siteText returns the visible text of every HTML page under dir, whitespace
// removed, as one string per page.
func siteText(t *testing.T, dir string) map[string]string {
	t.Helper()
	pages := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		pages[filepath.ToSlash(rel)] = seedtext.Squash(html.UnescapeString(tags.ReplaceAllString(string(b), " ")))
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
	if msg, code := runQingdan(t, ".", "build", "-out", out); code != 0 {
		t.Fatalf("build exit %d:\n%s", code, msg)
	}
	pages := siteText(t, out)
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

// manifest maps every file under dir to its hash and modification time.
func manifest(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		m[p] = fmt.Sprintf("%x %d", sha256.Sum256(b), info.ModTime().UnixNano())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// copySite copies site.toml and content/ into a new temporary folder.
func copySite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS("content")); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("site.toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestBrokenContentLeavesSiteUntouched edits a unit id into a typo: build
// and check must fail with the position and a suggestion, exit 1, and leave
// every byte and mtime of the previous site as it was.
func TestBrokenContentLeavesSiteUntouched(t *testing.T) {
	dir := copySite(t)
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
	want := fmt.Sprintf("content/duties.toml:%d:10: unit \"zcgf\" is not in units.toml\n  hint: did you mean \"zcfg\"", line)
	for _, cmd := range []string{"build", "check"} {
		msg, code := runQingdan(t, dir, cmd)
		if code != 1 || !strings.Contains(msg, want) {
			t.Errorf("%s: exit %d, output:\n%s\nwant exit 1 and %q", cmd, code, msg, want)
		}
	}
	after := manifest(t, filepath.Join(dir, "public"))
	if fmt.Sprint(before) != fmt.Sprint(after) {
		t.Error("the failed build changed the previous site")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public.tmp") {
			t.Errorf("temporary folder %s left behind", e.Name())
		}
	}
}

func TestExitCodes(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"check"}, 0, "qingdan: ok: 11 units, 11 duties, 48 items, 3 boundary matters, 13 services, 5 supervision systems"},
		{[]string{"check"}, 0, `content/duties.toml:90:1: warning: item "03-03" has no responsible unit`},
		{[]string{"build", "-h"}, 0, "Usage: qingdan build"},
		{[]string{"build", "-nope"}, 2, "flag provided but not defined"},
		{[]string{"build", "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{nil, 2, "Commands:"},
		{[]string{"check", "-config", "missing.toml"}, 1, "missing.toml: cannot read configuration"},
	}
	for _, tt := range tests {
		msg, code := runQingdan(t, ".", tt.args...)
		if code != tt.code || !strings.Contains(msg, tt.want) {
			t.Errorf("qingdan %v: exit %d, output:\n%s\nwant exit %d and %q", tt.args, code, msg, tt.code, tt.want)
		}
	}
}
