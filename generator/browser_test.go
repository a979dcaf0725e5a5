package generator

import (
	"context"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// findChromium returns the path of a headless-capable Chromium. Without
// one the test is skipped, except on CI, where it must run.
func findChromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium is not installed (CI must install it: apt-get install chromium)")
	}
	t.Skip("chromium is not installed; install it to run the browser tests")
	return ""
}

// serveSite writes out under a folder arranged as root and serves it on
// 127.0.0.1 until the test ends; it returns the site's base URL.
func serveSite(t *testing.T, out memOutput, root string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range out {
		path := filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(root, "/")+name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.FileServer(http.Dir(dir))}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String() + root
}

// dumpDOM loads url in headless Chromium and returns the DOM after the
// page's scripts ran.
func dumpDOM(t *testing.T, chromium, url string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+t.TempDir(), "--dump-dom", url)
	dom, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium %s: %v", url, err)
	}
	return string(dom)
}

var visibleItem = regexp.MustCompile(`<li class="item" id="item-([0-9-]+)" data-units="[^"]*">`)

// TestUnitFilterInBrowser runs the 部门职责 page's filter in Chromium: with
// ?unit=fzgh only the items of that unit and its station stay visible,
// and the reading-mode button is shown once JavaScript runs.
func TestUnitFilterInBrowser(t *testing.T) {
	chromium := findChromium(t)
	root := "/zfxxgk/qingdan/"
	base := serveSite(t, render(t, fixture(t, root)), root)

	for _, tc := range []struct {
		query string
		want  []string // visible items
	}{
		{"", []string{"01-01", "01-02", "02-01"}},
		{"?unit=fzgh", []string{"02-01"}},
		{"?unit=zcfg", []string{"01-01"}},
		{"?unit=none", []string{"01-02"}},
	} {
		t.Run(tc.query, func(t *testing.T) {
			dom := dumpDOM(t, chromium, base+"duties/"+tc.query)
			var got []string
			for _, m := range visibleItem.FindAllStringSubmatch(dom, -1) {
				got = append(got, m[1])
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("visible items %q, want %q", got, tc.want)
			}
			if !strings.Contains(dom, `<form class="filter" id="unit-filter">`) {
				t.Error("the filter form is still hidden")
			}
			if !strings.Contains(dom, `id="reading-mode" aria-pressed="false">`) {
				t.Error("the reading-mode button is still hidden")
			}
		})
	}
}
