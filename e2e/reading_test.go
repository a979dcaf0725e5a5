//go:build unix

package e2e

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// hangGuard is how long one run may take before the gates below call it
// hung and kill it. It is no measure of speed (a build of the real content
// takes about a second); it only turns a hang into a failure.
const hangGuard = 5 * time.Minute

// runGuarded is run, with the run killed after hangGuard.
func runGuarded(t testing.TB, dir string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), hangGuard)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = dir
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("qingdan %s hung: killed after %v", strings.Join(args, " "), hangGuard)
	}
	return result{code: exitCode(t, err), stdout: out.String(), stderr: errb.String()}
}

// TestReadingOutside puts into a copy of the real site what must never be
// read into it: links to /etc/passwd, to a case file beside the content, to
// /dev/zero, in content/ and in the theme's static/ folder, and FIFOs.
// check and build each refuse them with a problem naming the file, and
// never hang; no byte of the outside files reaches the output. A link that
// stays inside the content folder is read as the file it points to.
func TestReadingOutside(t *testing.T) {
	tried := newCounter(t, "reading", "links out of content/ and static/, FIFOs and devices, refused")
	secret := "+++\nid = \"99\"\ntitle = \"案卷\"\n+++\n当事人身份证号 130533198001011234\n"
	cases := []struct {
		name, file string // file relative to the site folder
		make       func(t *testing.T, dir, p string)
		want       string
	}{
		{"link to /etc/passwd", "content/units.toml", symlinkTo("/etc/passwd"), "指到了文件夹之外"},
		{"relative link to a case file", "content/supervision/06-case.md", symlinkTo("../../casefiles/001.md"), "指到了文件夹之外"},
		{"link to /dev/zero", "content/changes.toml", symlinkTo("/dev/zero"), "指到了文件夹之外"},
		{"FIFO as a content file", "content/duties.toml", fifo, "命名管道"},
		{"FIFO as a Markdown file", "content/supervision/07-fifo.md", fifo, "命名管道"},
		{"FIFO as an optional file", "content/synonyms.toml", fifo, "命名管道"},
		{"link to /etc/passwd in static/", "themes/default/static/passwd.css", symlinkTo("/etc/passwd"), "static/passwd.css"},
		{"FIFO in static/", "themes/default/static/fifo.js", fifo, "命名管道"},
		{"link out of the theme", "themes/default/static/case.txt", symlinkTo("../../../casefiles/001.md"), "指到了文件夹之外"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			dir := newSite(t)
			copyFileText(t, filepath.Join(dir, "casefiles", "001.md"), secret)
			out := buildSite(t, dir)
			before := manifest(t, out)
			p := filepath.Join(dir, filepath.FromSlash(c.file))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			os.Remove(p)
			c.make(t, dir, p)
			for _, cmd := range [][]string{{"check"}, {"build", "-out", out}} {
				tried.add(1)
				res := runGuarded(t, dir, cmd...)
				if res.code != 1 || !strings.Contains(res.stderr, c.want) {
					t.Errorf("qingdan %s: exit %d, want 1 and a problem with %q:\n%s", cmd[0], res.code, c.want, truncate(res.stderr, 2000))
				}
				if strings.HasPrefix(c.file, "content/") && !strings.Contains(res.stderr, c.file) {
					t.Errorf("qingdan %s: the problem does not name %s:\n%s", cmd[0], c.file, truncate(res.stderr, 2000))
				}
			}
			if after := manifest(t, out); after != before {
				t.Errorf("the output changed:\n%s", diffLines(before, after))
			}
		})
	}
	t.Run("link inside the content", func(t *testing.T) {
		t.Parallel()
		dir := newSite(t)
		sup := filepath.Join(dir, "content", "supervision")
		if err := os.MkdirAll(filepath.Join(dir, "content", "shared"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(filepath.Join(sup, "01-zzrs.md"), filepath.Join(dir, "content", "shared", "01-zzrs.md")); err != nil {
			t.Fatal(err)
		}
		symlinkTo("../shared/01-zzrs.md")(t, dir, filepath.Join(sup, "01-zzrs.md"))
		out := buildSite(t, dir)
		if _, err := os.Stat(filepath.Join(out, "supervision", "01", "index.html")); err != nil {
			t.Errorf("the system read through a link inside the content is not published: %v", err)
		}
	})
}

// symlinkTo makes a link at p to target.
func symlinkTo(target string) func(t *testing.T, dir, p string) {
	return func(t *testing.T, dir, p string) {
		t.Helper()
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
}

// fifo makes a named pipe at p; nothing ever writes to it.
func fifo(t *testing.T, dir, p string) {
	t.Helper()
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Fatal(err)
	}
}

// copyFileText writes text to p, making its folder.
func copyFileText(t testing.TB, p, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
