// Package e2e holds the quality gates that run the real qingdan binary on
// copies of the real content, as a user would: a real browser with axe-core,
// links and HTML validity, hostile and broken content, privacy, and faults.
//
// Each gate records what it tried (pages checked, payloads, broken files,
// kills) in artifacts/counts/, which ./test.sh sums into its summary.
package e2e

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

// repoRoot is the module root, where site.toml and content/ are.
const repoRoot = ".."

// bin is the qingdan binary built by TestMain.
var bin string

func TestMain(m *testing.M) {
	flag.Parse()
	tmp, err := os.MkdirTemp("", "qingdan-e2e-bin")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	bin = filepath.Join(tmp, "qingdan")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir = repoRoot
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: building qingdan:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(tmp)
	os.Exit(code)
}

// result is what one run of the binary did.
type result struct {
	code           int
	stdout, stderr string
}

// run runs the qingdan binary in dir with args.
func run(t testing.TB, dir string, args ...string) result {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	r := result{stdout: out.String(), stderr: errb.String()}
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		r.code = ee.ExitCode()
	case err != nil:
		t.Fatalf("running qingdan %s: %v", strings.Join(args, " "), err)
	}
	return r
}

// newSite copies site.toml and content/ of the real site into a fresh
// temporary folder and returns it. The theme is the one built into the
// binary.
func newSite(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	copyFile(t, filepath.Join(repoRoot, "site.toml"), filepath.Join(dir, "site.toml"))
	copyTree(t, filepath.Join(repoRoot, "content"), filepath.Join(dir, "content"))
	return dir
}

// buildSite builds the site in dir into dir/public and fails the test when
// the build fails.
func buildSite(t testing.TB, dir string) string {
	t.Helper()
	out := filepath.Join(dir, "public")
	if r := run(t, dir, "build", "-out", out); r.code != 0 {
		t.Fatalf("qingdan build: exit %d\n%s", r.code, r.stderr)
	}
	return out
}

func copyFile(t testing.TB, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func copyTree(t testing.TB, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(from, p)
		if err != nil {
			return err
		}
		copyFile(t, p, filepath.Join(to, rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// ciMode reports whether CI is set: a missing tool then fails the test
// instead of skipping it.
func ciMode() bool { return os.Getenv("CI") != "" }

// needTool skips (or, in CI, fails) the test when path does not exist.
func needTool(t testing.TB, path, what string) {
	t.Helper()
	if _, err := os.Stat(path); err == nil {
		return
	}
	msg := fmt.Sprintf("%s not found at %s (./test.sh installs it)", what, path)
	if ciMode() {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// counter counts what a gate tried. When the test ends, the count and the
// test's result are written to artifacts/counts/<file>, one line
// "label<TAB>count<TAB>result", for the summary that ./test.sh prints.
type counter struct {
	mu   sync.Mutex
	n    int
	note string
}

// newCounter returns a counter written when t ends.
func newCounter(t testing.TB, file, label string) *counter {
	c := &counter{}
	t.Cleanup(func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		res := "pass"
		switch {
		case c.note != "":
			res = c.note
		case t.Failed():
			res = "FAIL"
		case t.Skipped():
			res = "skipped"
		}
		dir := filepath.Join(repoRoot, "artifacts", "counts")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Error(err)
			return
		}
		line := fmt.Sprintf("%s\t%d\t%s\n", label, c.n, res)
		if err := os.WriteFile(filepath.Join(dir, file), []byte(line), 0o644); err != nil {
			t.Error(err)
		}
	})
	return c
}

// add counts n more.
func (c *counter) add(n int) {
	c.mu.Lock()
	c.n += n
	c.mu.Unlock()
}

// setNote replaces the result written with the count, for a gate that
// could not run here (such as "not possible on this machine: ...").
func (c *counter) setNote(note string) {
	c.mu.Lock()
	c.note = note
	c.mu.Unlock()
}

// contentHashes maps every file under dir (relative path) to its SHA-256;
// it describes a published site by content alone.
func contentHashes(t testing.TB, dir string) string {
	t.Helper()
	var lines []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		lines = append(lines, fmt.Sprintf("%s %x", rel, sha256.Sum256(data)))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}
