package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// publishSite is a small site the publish tests build.
const publishSite = "preview/testdata/site"

// runPublish runs publish.sh with args and a fake rsync that records its
// arguments and the files it was given in the file it returns.
func runPublish(t *testing.T, args ...string) (code int, stderr, rsyncLog string) {
	t.Helper()
	dir := t.TempDir()
	rsyncLog = filepath.Join(dir, "rsync.log")
	fake := filepath.Join(dir, "rsync")
	script := "#!/bin/sh\nlog=" + rsyncLog + "\necho \"$@\" >\"$log\"\nfor a; do last2=$prev; prev=$a; done\ncd \"$last2\" && find . -type f | sort >>\"$log\"\n"
	if err := os.WriteFile(fake, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("./publish.sh", args...)
	cmd.Dir = repoRoot
	cmd.Env = append(os.Environ(), "RSYNC="+fake, "TMPDIR="+dir)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	logData, _ := os.ReadFile(rsyncLog)
	return code, errb.String(), string(logData)
}

// brokenSite copies the publish site with a duty naming a unit that does not
// exist.
func brokenSite(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(dir, os.DirFS(filepath.Join(repoRoot, publishSite))); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "content", "duties.toml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.Replace(data, []byte(`units = ["zcfg"]`), []byte(`units = ["nosuch"]`), 1)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, "site.toml")
}

func TestPublishLocal(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	code, stderr, _ := runPublish(t, "-config", publishSite+"/site.toml", target)
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	index := filepath.Join(target, "index.html")
	before, err := os.Stat(index)
	if err != nil {
		t.Fatalf("no home page published: %v\n%s", err, stderr)
	}

	// A second publish of the same content keeps every file as it was.
	if code, stderr, _ := runPublish(t, "-config", publishSite+"/site.toml", target); code != 0 {
		t.Fatalf("second run: exit %d:\n%s", code, stderr)
	}
	after, err := os.Stat(index)
	if err != nil || !after.ModTime().Equal(before.ModTime()) {
		t.Errorf("unchanged home page got a new mtime: %v -> %v (%v)", before.ModTime(), after.ModTime(), err)
	}

	// Broken content stops the publish and leaves the site as it was.
	want, _ := os.ReadFile(index)
	code, stderr, _ = runPublish(t, "-config", brokenSite(t), target)
	if code == 0 || !strings.Contains(stderr, "content/duties.toml:") || !strings.Contains(stderr, "发布失败") {
		t.Errorf("broken content: exit %d, want non-zero with the problem and a failure message:\n%s", code, stderr)
	}
	if got, _ := os.ReadFile(index); !bytes.Equal(got, want) {
		t.Error("a failed publish changed the site")
	}
}

func TestPublishRemote(t *testing.T) {
	code, stderr, log := runPublish(t, "-config", publishSite+"/site.toml", "web@www.example.gov.cn:/srv/www/qingdan")
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	args, files, _ := strings.Cut(log, "\n")
	fields := strings.Fields(args)
	if len(fields) != 5 || strings.Join(fields[:3], " ") != "-a --delete-delay --delay-updates" ||
		!strings.HasSuffix(fields[3], "/public/") || fields[4] != "web@www.example.gov.cn:/srv/www/qingdan/" {
		t.Errorf("rsync called with %q", args)
	}
	for _, f := range []string{"./index.html\n", "./duties/01/index.html\n", "./404.html\n"} {
		if !strings.Contains(files, f) {
			t.Errorf("staging folder given to rsync lacks %s; it holds:\n%s", strings.TrimSpace(f), files)
		}
	}
	if _, err := os.Stat(strings.TrimSuffix(fields[3], "public/")); !os.IsNotExist(err) {
		t.Errorf("staging folder %s left behind: %v", fields[3], err)
	}

	code, stderr, log = runPublish(t, "-config", brokenSite(t), "web@www.example.gov.cn:/srv/www/qingdan")
	if code == 0 || log != "" {
		t.Errorf("broken content: exit %d, rsync log %q; want a failure before any upload\n%s", code, log, stderr)
	}
}

func TestPublishUsage(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"a", "b"}, "unexpected argument: b"},
		{[]string{"-x"}, "unknown option: -x"},
		{[]string{"-config"}, "-config needs a file"},
		{[]string{""}, "the target is empty"},
		{[]string{"web@host:"}, "remote path must name the site's own folder"},
		{[]string{"host:/"}, "remote path must name the site's own folder"},
		{[]string{"web@host:~"}, "remote path must name the site's own folder"},
		{[]string{"web@host:."}, "remote path must name the site's own folder"},
	}
	for _, tt := range tests {
		code, stderr, log := runPublish(t, tt.args...)
		if code != 2 || !strings.Contains(stderr, tt.want) || log != "" {
			t.Errorf("publish.sh %q: exit %d, rsync log %q, stderr:\n%s\nwant exit 2 and %q", tt.args, code, log, stderr, tt.want)
		}
	}
	code, stderr, _ := runPublish(t, "-config", "no/such/site.toml")
	if code != 1 || !strings.Contains(stderr, "no configuration file") {
		t.Errorf("missing config: exit %d:\n%s", code, stderr)
	}
}
