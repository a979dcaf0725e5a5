package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// ownedProject is a copy of the real site with what a county keeps beside
// it: a repository, docs, a theme folder, case files, a ledger, an outbox,
// a web root with the portal's other pages and a folder of notes; and a
// link "link" beside it to the site folder. It returns the site folder.
func ownedProject(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "proj")
	copyFile(t, filepath.Join(repoRoot, "site.toml"), filepath.Join(dir, "site.toml"))
	copyTree(t, filepath.Join(repoRoot, "content"), filepath.Join(dir, "content"))
	cfg := filepath.Join(dir, "site.toml")
	data, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.Replace(data, []byte(`casefiles = "examples/casefiles"`), []byte(`casefiles = "casefiles"`), 1)
	if err := os.WriteFile(cfg, data, 0o644); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{
		".git/HEAD":                 "ref: refs/heads/main\n",
		".git/objects/ab/cdef":      "object",
		"docs/rules.md":             "# 规则\n",
		"themes/default/README.txt": "主题说明",
		"casefiles/2025/001.toml":   "name = \"阿依古丽·买买提\"\n",
		"ledger.jsonl":              "{}\n",
		"outbox/2025H2/filing.pdf":  "%PDF-1.4",
		"www/index.html":            "<p>门户首页</p>",
		"www/portal/news.html":      "<p>门户的其他页面</p>",
		"notes/照片说明.txt":            "不是网站",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(dir, filepath.Join(filepath.Dir(dir), "link")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// setOutput writes output = value into the site.toml of the site in dir.
func setOutput(t *testing.T, dir, value string) {
	t.Helper()
	cfg := filepath.Join(dir, "site.toml")
	data, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(`output = "public"`)) {
		t.Fatal(`site.toml no longer has output = "public"; update the test`)
	}
	data = bytes.Replace(data, []byte(`output = "public"`), []byte(`output = "`+value+`"`), 1)
	if err := os.WriteFile(cfg, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestOutputOwnership builds the real site into output folders that are
// not qingdan's to replace, given by -out, by output in site.toml and as
// publish.sh's target: every build is refused with a message in Chinese
// naming the folder, and every file of the project and beside it is
// byte for byte (and mode and time) as it was. A build into a new folder
// and a rebuild of it succeed, and a file added to the built site makes the
// next build refuse rather than move it away.
func TestOutputOwnership(t *testing.T) {
	tried := newCounter(t, "ownership", "output folders that are not qingdan's, refused untouched")
	outs := []struct{ out, want string }{
		{"www", "不是空文件夹"},
		{"notes", "不是空文件夹"},
		{"docs", "不是空文件夹"},
		{"content", "就是内容文件夹"},
		{"content/supervision", "在内容文件夹"},
		{"../proj/content", "就是内容文件夹"},
		{"../link/content", "就是内容文件夹"},
		{"../link/content/new", "在内容文件夹"},
		{".git", ".git"},
		{".git/objects", ".git"},
		{"themes", "包含主题文件夹"},
		{"themes/default", "就是主题文件夹"},
		{"casefiles", "就是案卷文件夹"},
		{"casefiles/2025", "在案卷文件夹"},
		{"ledger.jsonl", "就是报送台账"},
		{"outbox", "就是报告发件箱"},
		{".", "就是site.toml 所在的文件夹"},
		{"../link", "就是site.toml 所在的文件夹"},
		{"..", "包含内容文件夹"},
	}
	check := func(t *testing.T, dir, how, want string, res result) {
		t.Helper()
		tried.add(1)
		if res.code == 0 {
			t.Errorf("%s: the build succeeded, want it refused", how)
		}
		if !strings.Contains(res.stderr, want) || !strings.Contains(res.stderr, "什么也没有改动") {
			t.Errorf("%s: stderr does not say %q and that nothing was changed:\n%s", how, want, truncate(res.stderr, 2000))
		}
	}
	for _, o := range outs {
		t.Run(strings.ReplaceAll(o.out, "/", "_"), func(t *testing.T) {
			t.Parallel()
			dir := ownedProject(t)
			around := filepath.Dir(dir)
			before := manifest(t, around)
			check(t, dir, "-out "+o.out, o.want, run(t, dir, "build", "-out", o.out))
			if after := manifest(t, around); after != before {
				t.Fatalf("-out %s changed the project:\n%s", o.out, diffLines(before, after))
			}
			setOutput(t, dir, o.out)
			before = manifest(t, around)
			if res := run(t, dir, "check"); res.code == 0 && o.want != "不是空文件夹" {
				t.Errorf("check passes output = %q, which build refuses for where it is", o.out)
			}
			res := run(t, dir, "build")
			if strings.HasPrefix(res.stderr, "site.toml:") && res.code == 1 {
				// Refused already by site.toml's own checks, with a position
				// (the case files never overlap the output).
				tried.add(1)
			} else {
				check(t, dir, "output = "+o.out, o.want, res)
			}
			if after := manifest(t, around); after != before {
				t.Fatalf("output = %q changed the project:\n%s", o.out, diffLines(before, after))
			}
		})
	}
	t.Run("publish.sh", func(t *testing.T) {
		t.Parallel()
		dir := ownedProject(t)
		around := filepath.Dir(dir)
		before := manifest(t, around)
		for _, o := range []struct{ out, want string }{{"content", "就是内容文件夹"}, {"www", "不是空文件夹"}} {
			script, err := filepath.Abs(filepath.Join(repoRoot, "publish.sh"))
			if err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(script, "-config", "site.toml", o.out)
			cmd.Dir = dir
			var errb bytes.Buffer
			cmd.Stderr = &errb
			err = cmd.Run()
			check(t, dir, "publish.sh "+o.out, o.want, result{code: exitCode(t, err), stderr: errb.String()})
		}
		if after := manifest(t, around); after != before {
			t.Fatalf("publish.sh changed the project:\n%s", diffLines(before, after))
		}
	})
	t.Run("own site", func(t *testing.T) {
		t.Parallel()
		dir := ownedProject(t)
		out := filepath.Join(dir, "public")
		for i := 0; i < 2; i++ {
			if r := run(t, dir, "build"); r.code != 0 {
				t.Fatalf("build %d into public: exit %d\n%s", i+1, r.code, r.stderr)
			}
		}
		if err := os.WriteFile(filepath.Join(out, "duties", "笔记.txt"), []byte("别删"), 0o644); err != nil {
			t.Fatal(err)
		}
		before := manifest(t, filepath.Dir(dir))
		check(t, dir, "a file added to the site", "duties/笔记.txt", run(t, dir, "build"))
		if after := manifest(t, filepath.Dir(dir)); after != before {
			t.Fatalf("the refused build changed the project:\n%s", diffLines(before, after))
		}
	})
}

// exitCode is the exit status of a command that ran, 0 for success.
func exitCode(t testing.TB, err error) int {
	t.Helper()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0
}
