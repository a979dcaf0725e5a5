package benchcontent

import (
	"io/fs"
	"testing"
	"testing/fstest"

	"qingdan/config"
	"qingdan/generator"
)

// TestCountyLoads makes a county of 7 departments sharing 1,000 items:
// it loads without an error, with the items shared out in full.
func TestCountyLoads(t *testing.T) {
	files, err := County(1000, 7, 3)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	cfg, ps := config.Parse("site.toml", fsys["site.toml"].Data)
	if ps.HasErrors() {
		t.Fatal(ps)
	}
	site, ps := generator.LoadCounty(cfg, func(dir string) fs.FS {
		sub, err := fsys.Sub(dir)
		if err != nil {
			t.Fatal(err)
		}
		return sub
	}, nil)
	if ps.HasErrors() {
		t.Fatal(ps)
	}
	if n := len(site.County.Departments); n != 7 || site.County.Items != 1000 {
		t.Errorf("%d departments and %d items, want 7 and 1000", n, site.County.Items)
	}
	for _, bad := range [][2]int{{1000, 1}, {5, 7}, {1000, MaxDepartments + 1}} {
		if _, err := County(bad[0], bad[1], 1); err == nil {
			t.Errorf("County(%d, %d) made a county", bad[0], bad[1])
		}
	}
}
