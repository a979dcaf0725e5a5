package search_test

import (
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"qingdan/config"
	"qingdan/generator"
	"qingdan/themes"
)

// tool returns the path of an external program a test needs. When it is
// missing the test is skipped on a developer's machine and fails in CI,
// which installs everything.
func tool(t testing.TB, names ...string) string {
	t.Helper()
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "" {
		t.Skipf("%s is not installed; install it to run this test (CI fails here)", names[0])
	}
	t.Fatalf("%s is not installed", names[0])
	return ""
}

// TestJavaScript runs the tests of search.js with Node's test runner, so
// that "go test ./..." checks the browser side too.
func TestJavaScript(t *testing.T) {
	node := tool(t, "node")
	out, err := exec.Command(node, "--test", "js_test/").CombinedOutput()
	if err != nil {
		t.Fatalf("node --test js_test/: %v\n%s", err, out)
	}
	t.Logf("%s", out)
}

// memSite is a built site held in memory: generator.Output.
type memSite struct {
	mu    sync.Mutex
	files map[string][]byte
}

// WriteFile implements generator.Output.
func (m *memSite) WriteFile(name string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[name] = append([]byte(nil), data...)
	return nil
}

// buildRealSite renders the real content of ../content with the default
// theme, as "qingdan build" does, and returns its files and the path the
// site is served under.
func buildRealSite(t *testing.T) (map[string][]byte, string) {
	t.Helper()
	cfg, ps := config.Load("../site.toml")
	if ps.HasErrors() {
		t.Fatalf("site.toml:\n%s", ps.String())
	}
	site, ps := generator.Load(os.DirFS(cfg.Path(cfg.Content)), cfg)
	if ps.HasErrors() {
		t.Fatalf("content:\n%s", ps.String())
	}
	theme, err := themes.Open(cfg.Dir, cfg.Theme)
	if err != nil {
		t.Fatal(err)
	}
	out := &memSite{files: map[string][]byte{}}
	if err := generator.Render(site, theme, out); err != nil {
		t.Fatal(err)
	}
	return out.files, cfg.Root
}

// writeFiles writes the files whose names start with prefix under dir,
// without the prefix.
func writeFiles(t *testing.T, files map[string][]byte, prefix, dir string) {
	t.Helper()
	for name, data := range files {
		if !strings.HasPrefix(name, prefix) {
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(path.Clean(strings.TrimPrefix(name, prefix))))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
