package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRecordBesideTheOutput copies the real site, records a build, then
// loses content/published.json and removes a published service without an
// adjustment: check still refuses it, from the record in the output folder.
func TestRecordBesideTheOutput(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, "../content", filepath.Join(dir, "content"))
	data, err := os.ReadFile("../site.toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, site, ps := Load(filepath.Join(dir, "site.toml"), nil)
	if ps.HasErrors() {
		t.Fatal(ps)
	}
	record := filepath.Join(dir, "public", "data", "published.json")
	if err := os.MkdirAll(filepath.Dir(record), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Record(cfg, site); err != nil {
		t.Fatal(err)
	}
	copyFile(t, filepath.Join(dir, "content", "published.json"), record)
	os.Remove(filepath.Join(dir, "content", "published.json"))

	services := filepath.Join(dir, "content", "services.toml")
	text, err := os.ReadFile(services)
	if err != nil {
		t.Fatal(err)
	}
	last := strings.LastIndex(string(text), "[[service]]")
	if err := os.WriteFile(services, text[:last], 0o644); err != nil {
		t.Fatal(err)
	}
	_, site, ps = Load(filepath.Join(dir, "site.toml"), nil)
	if site != nil || !strings.Contains(ps.String(), `public/data/published.json:`) || !strings.Contains(ps.String(), `已发布的公共服务事项 "13"`) {
		t.Errorf("a service removed without an adjustment was not refused from the output's record:\n%s", ps)
	}
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		copyFile(t, p, filepath.Join(to, rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func copyFile(t *testing.T, from, to string) {
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
