package themes

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheck finds, in a theme folder, a link out of it, and passes the
// regular files and a link that stays inside.
func TestCheck(t *testing.T) {
	site := t.TempDir()
	static := filepath.Join(site, "themes", "gov", "static")
	if err := os.MkdirAll(static, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(static, "site.css"), []byte("body{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, to := range map[string]string{"same.css": "site.css", "passwd.css": "/etc/passwd", "up.txt": "../../../site.toml"} {
		if err := os.Symlink(to, filepath.Join(static, name)); err != nil {
			t.Fatal(err)
		}
	}
	ps := Check(site, "gov")
	var got []string
	for _, p := range ps {
		got = append(got, p.Pos.File)
		if !strings.Contains(p.Message, "文件夹之外") {
			t.Errorf("%s: %s, want it to say the link leads outside", p.Pos, p.Message)
		}
	}
	if strings.Join(got, " ") != "themes/gov/static/passwd.css themes/gov/static/up.txt" {
		t.Errorf("problems name %v, want the two links out", got)
	}
	if ps := Check(site, "default"); len(ps) != 0 {
		t.Errorf("the built-in theme without a folder: %v", ps)
	}
}
