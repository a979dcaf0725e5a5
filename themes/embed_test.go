package themes

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// The files the generator needs from every theme.
var required = []string{
	"layout.html", "partials.html", "home.html", "duties.html", "duty.html",
	"units.html", "unit.html", "boundaries.html", "matter.html", "services.html",
	"service.html", "supervision.html", "system.html", "search.html", "data.html",
	"accessibility.html", "contact.html", "sitemap.html", "404.html", "static/site.css", "static/site.js",
	"static/filter.js", "static/favicon.svg",
}

func TestDefaultHasEveryFile(t *testing.T) {
	for _, name := range required {
		if _, err := fs.Stat(Default(), name); err != nil {
			t.Errorf("default theme: %v", err)
		}
	}
}

func writeFile(t *testing.T, name, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestOverlay(t *testing.T) {
	site := t.TempDir()
	writeFile(t, filepath.Join(site, "themes", "default", "static", "site.css"), "body{color:red}")
	writeFile(t, filepath.Join(site, "themes", "default", "static", "logo.png"), "png")
	writeFile(t, filepath.Join(site, "themes", "default", "extra", "note.txt"), "note")

	theme, err := Open(site, "default")
	if err != nil {
		t.Fatal(err)
	}
	css, err := fs.ReadFile(theme, "static/site.css")
	if err != nil || string(css) != "body{color:red}" {
		t.Errorf("static/site.css = %q, %v; want the site's own file", css, err)
	}
	want, _ := fs.ReadFile(Default(), "layout.html")
	got, err := fs.ReadFile(theme, "layout.html")
	if err != nil || string(got) != string(want) {
		t.Errorf("layout.html does not come from the default theme: %v", err)
	}
	if data, err := fs.ReadFile(theme, "extra/note.txt"); err != nil || string(data) != "note" {
		t.Errorf("extra/note.txt = %q, %v", data, err)
	}
	var names []string
	err = fs.WalkDir(theme, "static", func(name string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, name)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"static/favicon.svg", "static/logo.png", "static/site.css", "static/site.js"} {
		if !slices.Contains(names, name) {
			t.Errorf("walking static/ misses %s; got %q", name, names)
		}
	}
	if err := fstest.TestFS(theme, "layout.html", "static/site.css", "static/logo.png", "extra/note.txt"); err != nil {
		t.Error(err)
	}
}

func TestOpen(t *testing.T) {
	site := t.TempDir()
	writeFile(t, filepath.Join(site, "themes", "plain", "static", "site.css"), "")
	writeFile(t, filepath.Join(site, "themes", "afile"), "")
	for _, tc := range []struct {
		name    string
		wantErr string
	}{
		{"", ""},
		{"default", ""},
		{"plain", ""},
		{"missing", `theme = "missing" 没有对应的文件夹`},
		{"afile", "不是文件夹"},
	} {
		_, err := Open(site, tc.name)
		switch {
		case tc.wantErr == "" && err != nil:
			t.Errorf("Open(%q): %v", tc.name, err)
		case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
			t.Errorf("Open(%q) = %v, want an error containing %q", tc.name, err, tc.wantErr)
		}
	}
}
