package e2e

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestCRLFContentBuildsSameSite: content saved by a Windows editor (every
// line ending in CRLF, site.toml too) builds byte for byte the site that the
// same content with LF endings builds.
func TestCRLFContentBuildsSameSite(t *testing.T) {
	lf := newSite(t)
	crlf := t.TempDir()
	err := filepath.WalkDir(lf, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(lf, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		data = bytes.ReplaceAll(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n"))
		if err := os.MkdirAll(filepath.Dir(filepath.Join(crlf, rel)), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(crlf, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(crlf, "content", "duties.toml")); !bytes.Contains(data, []byte("\r\n")) {
		t.Fatal("the copy has no CRLF line endings")
	}
	want, got := contentHashes(t, buildSite(t, lf)), contentHashes(t, buildSite(t, crlf))
	if got != want {
		t.Errorf("CRLF content builds another site:\n%s", diffLines(want, got))
	}
}

// wineTool finds a program the wine test needs, skipping the test (failing
// it when CI is set) when it is missing.
func wineTool(t *testing.T, what string, names ...string) string {
	t.Helper()
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	msg := what + " not found (" + strings.Join(names, ", ") + "; ./test.sh installs it)"
	if ciMode() {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// wine is a Wine prefix of the test's own, made under a temporary folder,
// that runs Windows programs.
type wine struct {
	wine64 string
	env    []string
}

// newWine makes a Wine prefix and puts into its system32 the
// bcryptprimitives.dll that Wine 8.0 lacks and Go 1.24+ programs load at
// start (built from testdata/wine/bcryptprimitives.c).
func newWine(t *testing.T) *wine {
	t.Helper()
	if runtime.GOOS != "linux" || runtime.GOARCH != "amd64" {
		t.Skipf("the Windows binary is run under Wine on linux/amd64 only, not %s/%s", runtime.GOOS, runtime.GOARCH)
	}
	w := &wine{wine64: wineTool(t, "Wine (Debian package wine64)", "wine64", "/usr/lib/wine/wine64", "wine")}
	gcc := wineTool(t, "MinGW-w64 C compiler (Debian package gcc-mingw-w64-x86-64)", "x86_64-w64-mingw32-gcc")
	tmp := t.TempDir()
	prefix := filepath.Join(tmp, "prefix")
	// No Mono or Gecko (console programs need neither), no debug output.
	w.env = append(os.Environ(), "WINEPREFIX="+prefix, "WINEDEBUG=-all", "WINEDLLOVERRIDES=mscoree,mshtml=", "WINEARCH=win64")
	start := time.Now()
	boot := exec.Command(w.wine64, "wineboot", "--init")
	boot.Env = w.env
	if out, err := boot.CombinedOutput(); err != nil {
		t.Fatalf("wineboot --init: %v\n%s", err, out)
	}
	t.Cleanup(func() {
		// The prefix's wineserver lingers a few seconds; end it now.
		kill := exec.Command(filepath.Join(filepath.Dir(w.wine64), "wineserver"), "-k")
		if _, err := os.Stat(kill.Path); err != nil {
			kill = exec.Command("wineserver", "-k")
		}
		kill.Env = w.env
		kill.Run()
	})
	dll := filepath.Join(prefix, "drive_c", "windows", "system32", "bcryptprimitives.dll")
	cc := exec.Command(gcc, "-shared", "-O2", "-o", dll, filepath.Join("testdata", "wine", "bcryptprimitives.c"), "-lbcrypt")
	if out, err := cc.CombinedOutput(); err != nil {
		t.Fatalf("building bcryptprimitives.dll: %v\n%s", err, out)
	}
	t.Logf("wine prefix made in %v", time.Since(start).Round(time.Millisecond))
	return w
}

// run runs the Windows program exe with args in dir under Wine.
func (w *wine) run(t *testing.T, dir, exe string, args ...string) result {
	t.Helper()
	cmd := exec.Command(w.wine64, append([]string{exe}, args...)...)
	cmd.Dir = dir
	cmd.Env = w.env
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	r := result{stdout: out.String(), stderr: errb.String()}
	if ee, ok := err.(*exec.ExitError); ok {
		r.code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("wine %s %s: %v", exe, strings.Join(args, " "), err)
	}
	return r
}

// TestWindowsBinaryUnderWine runs the windows/amd64 binary under Wine on a
// copy of the real content: "check" says what the Linux binary says, and
// "build" writes byte for byte the site the Linux binary writes (file
// names, folders, line endings), on a first build and on a rebuild over it,
// which on Windows replaces the site by renames (see output.swapByRenames)
// and keeps unchanged files as hard links. "report check" and "report
// evaluate" on the example case files say and file the same.
func TestWindowsBinaryUnderWine(t *testing.T) {
	c := newCounter(t, "wine", "Windows binary under Wine: check and builds same as Linux, byte for byte")
	w := newWine(t)
	exe := filepath.Join(t.TempDir(), "qingdan.exe")
	// -trimpath, as release.sh builds: the two share compiled packages.
	build := exec.Command("go", "build", "-trimpath", "-o", exe, ".")
	build.Dir = repoRoot
	build.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build for windows/amd64: %v\n%s", err, out)
	}
	dir := newSite(t)
	start := time.Now()
	if r := w.run(t, dir, exe, "version"); r.code != 0 || !strings.Contains(r.stdout, "windows/amd64") {
		t.Fatalf("qingdan.exe version: exit %d, %q %s", r.code, r.stdout, r.stderr)
	}

	linux, windows := run(t, dir, "check"), w.run(t, dir, exe, "check")
	if linux.code != 0 || windows != linux {
		t.Errorf("qingdan.exe check: exit %d\n%s%s\nwant what the Linux binary says: exit %d\n%s%s",
			windows.code, windows.stdout, windows.stderr, linux.code, linux.stdout, linux.stderr)
	}
	c.add(1)

	want := contentHashes(t, buildSite(t, dir))
	for _, round := range []string{"first build", "rebuild"} {
		r := w.run(t, dir, exe, "build", "-out", "public-windows")
		if r.code != 0 {
			t.Fatalf("%s: qingdan.exe build: exit %d\n%s", round, r.code, r.stderr)
		}
		if got := contentHashes(t, filepath.Join(dir, "public-windows")); got != want {
			t.Errorf("%s: the Windows binary wrote another site than the Linux one:\n%s", round, diffLines(want, got))
		}
		if round == "rebuild" && !strings.Contains(r.stderr, "：0 个有变化") {
			t.Errorf("a rebuild of the same content under Windows changed files:\n%s", r.stderr)
		}
		c.add(1)
	}
	for _, name := range []string{"public-windows", ".public-windows.spare"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("after the rebuilds: %v", err)
		}
	}

	// The reports: the case-file check says the same (with Windows's own
	// separators in the paths the user gave), and the evaluation report
	// filed through the ledger and its lock is the same PDF and JSON.
	ownCases(t, dir) // the examples, as a bureau's own: the marked folder is never filed
	linux, windows = run(t, dir, "report", "check"), w.run(t, dir, exe, "report", "check")
	windows.stdout = strings.ReplaceAll(windows.stdout, `\`, "/")
	windows.stderr = strings.ReplaceAll(windows.stderr, `\`, "/")
	if windows != linux {
		t.Errorf("qingdan.exe report check: exit %d\n%s%s\nwant what the Linux binary says: exit %d\n%s%s",
			windows.code, windows.stdout, windows.stderr, linux.code, linux.stdout, linux.stderr)
	}
	reports := map[string]string{}
	for _, sys := range []string{"linux", "windows"} {
		sub := filepath.Join(dir, sys)
		copyFile(t, filepath.Join(dir, "site.toml"), filepath.Join(sub, "site.toml"))
		copyTree(t, filepath.Join(dir, "content"), filepath.Join(sub, "content"))
		copyTree(t, filepath.Join(dir, "examples"), filepath.Join(sub, "examples"))
		var r result
		if sys == "linux" {
			r = run(t, sub, "report", "evaluate", "-period", "2026H1")
		} else {
			r = w.run(t, sub, exe, "report", "evaluate", "-period", "2026H1")
		}
		if r.code != 0 {
			t.Fatalf("%s: qingdan report evaluate: exit %d\n%s%s", sys, r.code, r.stdout, r.stderr)
		}
		// The outbox's own record of what it holds (.filed/) says when it
		// was filed, which differs from run to run; the reports may not.
		var lines []string
		for _, l := range strings.Split(contentHashes(t, filepath.Join(sub, "outbox")), "\n") {
			if !strings.HasPrefix(l, ".filed/") {
				lines = append(lines, l)
			}
		}
		reports[sys] = strings.Join(lines, "\n")
	}
	if reports["windows"] != reports["linux"] || !strings.Contains(reports["linux"], ".pdf") {
		t.Errorf("the Windows binary filed other reports than the Linux one:\n%s", diffLines(reports["linux"], reports["windows"]))
	}
	c.add(1)
	t.Logf("qingdan.exe version, check, two builds, report check and evaluate under wine: %v", time.Since(start).Round(time.Millisecond))
}
