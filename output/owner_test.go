package output

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"qingdan/msg"
)

func TestMessages(t *testing.T) { msg.Check(t) }

// snapshot describes every file, folder and link under root: kind, mode,
// hash and link target, one line each, to tell that nothing was touched.
func snapshot(t *testing.T, root string) string {
	t.Helper()
	var lines []string
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := e.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		line := fmt.Sprintf("%s %v %d", rel, fi.Mode(), fi.ModTime().UnixNano())
		switch {
		case fi.Mode()&fs.ModeSymlink != 0:
			to, _ := os.Readlink(p)
			line += " -> " + to
		case fi.Mode().IsRegular():
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			line += fmt.Sprintf(" %x", sha256.Sum256(data))
		}
		lines = append(lines, line)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// project makes a project folder as a county keeps it: site.toml, content
// with a subfolder, a theme, case files, a ledger, an outbox, docs and a
// git repository, with a link "link" to the content's parent.
func project(t *testing.T) (dir string, keep []Keep) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "proj")
	writeTree(t, dir, map[string]string{
		"site.toml":                  "title = \"清单\"\n",
		"content/units.toml":         "[[unit]]\nid = \"rms\"\n",
		"content/supervision/01.md":  "+++\nid = \"01\"\n+++\n正文\n",
		"themes/gov/layout.html":     "<html>",
		"casefiles/2025/a.toml":      "name = \"阿依古丽·买买提\"\n",
		"ledger.jsonl":               "{}\n",
		"outbox/2025H2/filing.pdf":   "%PDF",
		"docs/rules.md":              "# 规则\n",
		".git/HEAD":                  "ref: refs/heads/main\n",
		".git/objects/ab/cdef":       "object",
		"notes/照片.txt":               "不是网站",
		"public-old/index.html":      "旧网站",
		"public-old/portal/a.html":   "门户的其他页面",
		"www/index.html":             "门户首页",
		"www/qingdan/.keep":          "",
		"other/.git/config":          "[core]\n",
		"content/supervision/02.md":  "+++\nid = \"02\"\n+++\n",
		"themes/gov/static/site.css": "body{}",
	})
	if err := os.Symlink(dir, filepath.Join(filepath.Dir(dir), "link")); err != nil {
		t.Fatal(err)
	}
	return dir, []Keep{
		{What: "内容文件夹", Path: filepath.Join(dir, "content")},
		{What: "主题文件夹", Path: filepath.Join(dir, "themes", "gov")},
		{What: "案卷文件夹", Path: filepath.Join(dir, "casefiles")},
		{What: "台账", Path: filepath.Join(dir, "ledger.jsonl")},
		{What: "发件箱", Path: filepath.Join(dir, "outbox")},
		{What: "site.toml 所在的文件夹", Path: dir, Outer: true},
	}
}

// TestNewDirRefusesWhatIsNotOurs gives NewDir output folders that a build
// must never replace: each is refused with a message naming it, and every
// file of the project (and beside it) is exactly as it was.
func TestNewDirRefusesWhatIsNotOurs(t *testing.T) {
	tests := []struct {
		name, out string // out relative to the project folder
		want      string // in the message
	}{
		{"the content folder", "content", "就是内容文件夹"},
		{"a folder of the content", "content/supervision", "在内容文件夹"},
		{"the content through ../proj", "../proj/content", "就是内容文件夹"},
		{"the content through a linked parent", "../link/content", "就是内容文件夹"},
		{"a new folder in the content through a link", "../link/content/public", "在内容文件夹"},
		{"the theme", "themes/gov", "就是主题文件夹"},
		{"the themes folder, which holds the theme", "themes", "包含主题文件夹"},
		{"the case files", "casefiles", "就是案卷文件夹"},
		{"a folder of the case files", "casefiles/2025", "在案卷文件夹"},
		{"the ledger", "ledger.jsonl", "就是台账"},
		{"the outbox", "outbox", "就是发件箱"},
		{"the project folder", ".", "就是site.toml 所在的文件夹"},
		{"the project folder through a link", "../link", "就是site.toml 所在的文件夹"},
		{"the folder above the project", "..", "包含内容文件夹"},
		{"the repository", ".git", ".git"},
		{"inside the repository", ".git/objects", ".git"},
		{"a new folder inside the repository", ".git/public", ".git"},
		{"another repository's .git", "other/.git", ".git"},
		{"a folder holding another repository", "other", "不是空文件夹"},
		{"the docs", "docs", "不是空文件夹"},
		{"a folder of notes", "notes", "不是空文件夹"},
		{"a web root with other pages", "www", "不是空文件夹"},
		{"an old site without a manifest", "public-old", "不是空文件夹"},
		{"a folder holding only a dot file", "www/qingdan", "不是空文件夹"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, keep := project(t)
			around := filepath.Dir(dir)
			before := snapshot(t, around)
			target := filepath.Join(dir, filepath.FromSlash(tt.out))
			d, err := NewDir(target, keep...)
			if err == nil {
				d.Abort()
				t.Fatalf("NewDir(%s) succeeded, want it refused", tt.out)
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "什么也没有改动") {
				t.Errorf("NewDir(%s): %v, want a message with %q", tt.out, err, tt.want)
			}
			if after := snapshot(t, around); after != before {
				t.Errorf("NewDir(%s) changed the project:\n%s", tt.out, diff(before, after))
			}
		})
	}
}

// TestNewDirOwnsItsSite builds into a new folder and an empty one (each
// inside the project, as public/ is), rebuilds, and then refuses the site
// once someone has added a file to it, and a spare that is not ours.
func TestNewDirOwnsItsSite(t *testing.T) {
	dir, keep := project(t)
	for _, out := range []string{"public", "www/qingdan/site"} {
		target := filepath.Join(dir, filepath.FromSlash(out))
		if out != "public" {
			if err := os.Mkdir(target, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		for v := 1; v <= 3; v++ {
			d, err := NewDir(target, keep...)
			if err != nil {
				t.Fatalf("%s, build %d: %v", out, v, err)
			}
			if err := d.WriteFile("index.html", []byte(fmt.Sprint("版本", v))); err != nil {
				t.Fatal(err)
			}
			if err := d.WriteFile(fmt.Sprintf("v%d/page.html", v), []byte("页")); err != nil {
				t.Fatal(err)
			}
			if _, err := d.Commit(); err != nil {
				t.Fatal(err)
			}
		}
		files, err := readManifest(target)
		if err != nil {
			t.Fatal(err)
		}
		if len(files) != 2 || !files["index.html"] || !files["v3/page.html"] {
			t.Errorf("%s: manifest lists %v, want index.html and v3/page.html", out, files)
		}
	}

	target := filepath.Join(dir, "public")
	// refused checks that NewDir refuses target with a message holding
	// want and touches nothing.
	refused := func(what, target, want string) {
		t.Helper()
		before := snapshot(t, filepath.Dir(dir))
		d, err := NewDir(target, keep...)
		if err == nil {
			d.Abort()
			t.Errorf("%s: NewDir succeeded, want it refused", what)
		} else if !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want a message with %q", what, err, want)
		}
		if after := snapshot(t, filepath.Dir(dir)); after != before {
			t.Errorf("%s: the project changed:\n%s", what, diff(before, after))
		}
	}
	writeTree(t, target, map[string]string{"v3/我的笔记.txt": "别删"})
	refused("a site with a file added", target, "v3/我的笔记.txt")
	os.Remove(filepath.Join(target, "v3", "我的笔记.txt"))
	writeTree(t, target, map[string]string{"上传/a.jpg": "照片"})
	refused("a site with a folder added", target, "上传")
	os.RemoveAll(filepath.Join(target, "上传"))

	spare := filepath.Join(dir, ".public.spare")
	if err := os.Remove(filepath.Join(spare, manifestName)); err != nil {
		t.Fatal(err)
	}
	refused("a spare without its manifest", target, ".public.spare")
	os.RemoveAll(spare)
	if err := os.WriteFile(spare, []byte("某人的文件"), 0o644); err != nil {
		t.Fatal(err)
	}
	refused("a file where the spare goes", target, "不是文件夹")
	os.Remove(spare)

	// A manifest that is not ours does not make a folder ours.
	if err := os.WriteFile(filepath.Join(dir, "notes", manifestName), []byte("index.html\n照片.txt\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	refused("a folder with a forged manifest", filepath.Join(dir, "notes"), "不是空文件夹")

	// Once all is as qingdan left it, the site is ours again.
	d, err := NewDir(target, keep...)
	if err != nil {
		t.Fatal(err)
	}
	d.Abort()
}

// diff lists the lines only in a (-) and only in b (+).
func diff(a, b string) string {
	in := map[string]bool{}
	for _, l := range strings.Split(b, "\n") {
		in[l] = true
	}
	out := map[string]bool{}
	for _, l := range strings.Split(a, "\n") {
		out[l] = true
	}
	var lines []string
	for _, l := range strings.Split(a, "\n") {
		if !in[l] {
			lines = append(lines, "- "+l)
		}
	}
	for _, l := range strings.Split(b, "\n") {
		if !out[l] {
			lines = append(lines, "+ "+l)
		}
	}
	return strings.Join(lines, "\n")
}

// TestCheck gives Check places NewDir refuses and folders it accepts or
// would refuse only for what they hold: nothing is made (no lock file, no
// folder).
func TestCheck(t *testing.T) {
	dir, keep := project(t)
	before := snapshot(t, filepath.Dir(dir))
	if err := Check(filepath.Join(dir, "content"), keep...); err == nil || !strings.Contains(err.Error(), "就是内容文件夹") {
		t.Errorf("Check(content) = %v, want it refused", err)
	}
	if err := Check(filepath.Join(dir, ".git", "public"), keep...); err == nil || !strings.Contains(err.Error(), ".git") {
		t.Errorf("Check(.git/public) = %v, want it refused", err)
	}
	if err := Check(filepath.Join(dir, "www"), keep...); err != nil {
		t.Errorf("Check(www) = %v, want nil (a build refuses it for what it holds)", err)
	}
	if err := Check(filepath.Join(dir, "public"), keep...); err != nil {
		t.Errorf("Check(public) = %v, want nil", err)
	}
	if after := snapshot(t, filepath.Dir(dir)); after != before {
		t.Errorf("Check changed the project:\n%s", diff(before, after))
	}
}
