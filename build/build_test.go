package build

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"qingdan/config"
	"qingdan/generator"
)

// TestSiteRendersTheRealSite runs the pipeline on the real site.toml: render
// is called once, with the configuration, the loaded content and a theme
// holding the page templates.
func TestSiteRendersTheRealSite(t *testing.T) {
	calls := 0
	cfg, ps, err := Site("../site.toml", nil, func(c *config.Config, site *generator.Site, theme fs.FS) error {
		calls++
		if len(site.Duties) == 0 || site.Config.Title != c.Title {
			t.Errorf("render got a site with %d duties titled %q, config %q", len(site.Duties), site.Config.Title, c.Title)
		}
		if _, err := fs.Stat(theme, "layout.html"); err != nil {
			t.Errorf("theme: %v", err)
		}
		return nil
	})
	if err != nil || ps.HasErrors() || cfg == nil || calls != 1 {
		t.Fatalf("Site: cfg %v, err %v, %d render calls, problems:\n%s", cfg != nil, err, calls, ps)
	}
}

// TestSiteRendersNothingWhenWrong: an error in site.toml or in the content
// stops the pipeline before the theme and the render.
func TestSiteRendersNothingWhenWrong(t *testing.T) {
	for _, tc := range []struct {
		name, siteTOML string
		wantConfig     bool
	}{
		{"site.toml", "title = \"x\"\nbase_url = \"https://example.gov.cn/\"\nunknown_key = 1\n", false},
		{"content", "title = \"x\"\nbase_url = \"https://example.gov.cn/\"\n", true}, // no content folder
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "site.toml")
			if err := os.WriteFile(path, []byte(tc.siteTOML), 0o644); err != nil {
				t.Fatal(err)
			}
			cfg, ps, err := Site(path, &generator.Loader{}, func(*config.Config, *generator.Site, fs.FS) error {
				t.Error("render called for a site with errors")
				return nil
			})
			if err != nil || !ps.HasErrors() || (cfg != nil) != tc.wantConfig {
				t.Errorf("Site: cfg %v (want %v), err %v, problems:\n%s", cfg != nil, tc.wantConfig, err, ps)
			}
		})
	}
}
