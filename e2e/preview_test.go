//go:build unix

package e2e

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// servePreview starts qingdan serve on the site in dir, on a free port,
// and returns the address of the site (http://127.0.0.1:port/root/). The
// server is stopped when the test ends.
func servePreview(t *testing.T, dir string) (base string, cmd *exec.Cmd) {
	t.Helper()
	cmd = exec.Command(bin, "serve", "-addr", "127.0.0.1:0")
	cmd.Dir = dir
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		cmd.Wait()
	})
	lines := bufio.NewScanner(stderr)
	// "预览地址：http://…" (or "serving http://…" in English).
	serving := regexp.MustCompile(`(?:^serving |预览地址：)(http://\S+)`)
	for lines.Scan() {
		if m := serving.FindStringSubmatch(lines.Text()); m != nil {
			go io.Copy(io.Discard, stderr)
			return m[1], cmd
		}
	}
	t.Fatalf("qingdan serve ended without serving: %v", lines.Err())
	return "", nil
}

// get fetches url with the Host header host (the URL's own when empty).
func get(t *testing.T, url, host string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	if host != "" {
		req.Host = host
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v (the preview died?)", url, err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, string(body)
}

// waitPage fetches url until its body contains want (or, with absent,
// until it no longer does), as the preview rebuilds after an edit; it
// fails the test if that has not happened after hangGuard.
func waitPage(t *testing.T, url, want string, absent bool) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), hangGuard)
	defer cancel()
	for {
		_, body := get(t, url, "")
		if strings.Contains(body, want) != absent {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("%s never showed %q (absent %v) after an edit: the preview froze", url, want, absent)
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// TestPreviewSurvives runs qingdan serve on a copy of the real site and
// saves, one after another, content that would have exhausted or frozen
// it: TOML nested 100,000 deep, a FIFO in content/, 100,000 Markdown link
// openers, a list of a million elements. Each time the page shows the
// problem and the server keeps serving; once the file is put back the
// problem goes. A request whose Host is another site's name (DNS
// rebinding) is refused, one for 127.0.0.1 or localhost is served.
func TestPreviewSurvives(t *testing.T) {
	tried := newCounter(t, "preview", "hostile saves and foreign Host headers the preview survived")
	dir := newSite(t)
	base, cmd := servePreview(t, dir)
	if code, _ := get(t, base, ""); code != http.StatusOK {
		t.Fatalf("GET %s: status %d", base, code)
	}
	port := base[strings.LastIndex(base, ":")+1:]
	port = port[:strings.Index(port, "/")]
	for _, host := range []string{"evil.example.com:" + port, "127.0.0.1.nip.io:" + port} {
		tried.add(1)
		if code, _ := get(t, base, host); code != http.StatusMisdirectedRequest {
			t.Errorf("Host %s: status %d, want %d", host, code, http.StatusMisdirectedRequest)
		}
	}
	if code, _ := get(t, base, "localhost:"+port); code != http.StatusOK {
		t.Errorf("Host localhost: status %d, want 200", code)
	}

	units := filepath.Join(dir, "content", "units.toml")
	md := filepath.Join(dir, "content", "supervision", "01-zzrs.md")
	edits := []struct {
		name, file string
		make       func(t *testing.T, p string)
		want       string // in the problem box
	}{
		{"nested 100,000 deep", units, appendText("\n[[unit]]\nid = \"x\"\nname = \"x\"\nkind = \"股室\"\naliases = " + strings.Repeat("[", deep) + strings.Repeat("]", deep) + "\n"), "content/units.toml:"},
		{"a FIFO", filepath.Join(dir, "content", "supervision", "09-fifo.md"), func(t *testing.T, p string) { fifo(t, dir, p) }, "content/supervision/09-fifo.md"},
		{"100,000 link openers", md, appendText("\n" + strings.Repeat("[a](b", deep) + "\n"), "content/supervision/01-zzrs.md"},
		{"a million elements", filepath.Join(dir, "content", "synonyms.toml"), appendText("\nx = [" + strings.Repeat("1,", 1_000_000) + "1]\n"), "content/synonyms.toml:"},
	}
	for _, e := range edits {
		old, had := os.ReadFile(e.file)
		e.make(t, e.file)
		waitPage(t, base, e.want, false)
		tried.add(1)
		if err := cmd.Process.Signal(syscall.Signal(0)); err != nil {
			t.Fatalf("after %s: the preview is gone: %v", e.name, err)
		}
		os.Remove(e.file)
		if had == nil {
			if err := os.WriteFile(e.file, old, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		waitPage(t, base, e.want, true)
	}
	if code, _ := get(t, base, ""); code != http.StatusOK {
		t.Errorf("after the edits were undone: status %d", code)
	}
}

// appendText returns an edit that adds text to the end of a file.
func appendText(text string) func(t *testing.T, p string) {
	return func(t *testing.T, p string) {
		t.Helper()
		f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0o644)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fmt.Fprint(f, text); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
