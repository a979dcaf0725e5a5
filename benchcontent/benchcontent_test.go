package benchcontent

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/BurntSushi/toml"
	"golang.org/x/tools/txtar"

	"qingdan/config"
	"qingdan/generator"
	"qingdan/source"
)

var update = flag.Bool("update", false, "update golden files")

// load builds the generated site folder with the real loader.
func load(t *testing.T, files []File) (*generator.Site, source.Problems) {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, f := range files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	cfg, ps := config.Parse("site.toml", fsys["site.toml"].Data)
	if ps.HasErrors() {
		t.Fatalf("site.toml:\n%s", ps)
	}
	sub, err := fsys.Sub("content")
	if err != nil {
		t.Fatal(err)
	}
	return generator.Load(sub, cfg)
}

func TestSiteLoadsWithoutProblems(t *testing.T) {
	tests := []struct {
		items int
		seed  uint64
	}{
		{1, 1}, {7, 2}, {1000, 1}, {5000, 99},
	}
	for _, tt := range tests {
		files, err := Site(tt.items, tt.seed)
		if err != nil {
			t.Fatal(err)
		}
		site, ps := load(t, files)
		if len(ps) > 0 {
			t.Fatalf("items=%d seed=%d: problems:\n%s", tt.items, tt.seed, ps)
		}
		items, unitItems := 0, 0
		for _, d := range site.Duties {
			items += len(d.Items)
			if len(d.Items) < 1 || len(d.Items) > 8 {
				t.Errorf("items=%d: duty %s has %d items, want 1 to 8", tt.items, d.ID, len(d.Items))
			}
		}
		for _, u := range site.Units {
			unitItems += len(u.Items)
		}
		if items != tt.items {
			t.Errorf("items=%d: site has %d items", tt.items, items)
		}
		if unitItems < items {
			t.Errorf("items=%d: units are responsible for %d items, fewer than there are", tt.items, unitItems)
		}
		// Proportions: about N/5 duties, N/20 units, N/4 services, N/16 matters.
		checkAbout(t, tt.items, "duties", len(site.Duties), tt.items/5)
		checkAbout(t, tt.items, "units", len(site.Units), tt.items/20)
		checkAbout(t, tt.items, "services", len(site.Services), tt.items/4)
		checkAbout(t, tt.items, "matters", len(site.Matters), tt.items/16)
		if len(site.Systems) < 5 {
			t.Errorf("items=%d: %d supervision systems, want at least 5", tt.items, len(site.Systems))
		}
	}
}

// checkAbout checks got is within a third of want, for sites big enough
// for proportions to hold.
func checkAbout(t *testing.T, items int, what string, got, want int) {
	t.Helper()
	if items < 1000 {
		return
	}
	if got < want*2/3 || got > want*4/3 {
		t.Errorf("items=%d: %d %s, want about %d", items, got, what, want)
	}
}

func TestSiteHasHierarchyAndSeedText(t *testing.T) {
	files, err := Site(2000, 3)
	if err != nil {
		t.Fatal(err)
	}
	site, _ := load(t, files)
	children := 0
	for _, u := range site.Units {
		if u.Parent != nil {
			children++
		}
	}
	if children == 0 || children == len(site.Units) {
		t.Errorf("%d of %d units have a parent; want sections with units under them", children, len(site.Units))
	}
	var all strings.Builder
	for _, d := range site.Duties {
		for _, it := range d.Items {
			all.WriteString(it.Text)
		}
	}
	if !strings.Contains(all.String(), "计划生育") || !strings.Contains(all.String(), "，") {
		t.Errorf("item text does not read like the seed's: %.200s", all.String())
	}
}

func TestDeterministic(t *testing.T) {
	for _, gen := range []struct {
		name string
		fn   func(int, uint64) ([]File, error)
	}{{"Site", Site}, {"Hugo", Hugo}} {
		a, _ := gen.fn(500, 42)
		b, _ := gen.fn(500, 42)
		c, _ := gen.fn(500, 43)
		if !sameFiles(a, b) {
			t.Errorf("%s: the same seed gave different files", gen.name)
		}
		if sameFiles(a, c) {
			t.Errorf("%s: different seeds gave the same files", gen.name)
		}
	}
}

func sameFiles(a, b []File) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Name != b[i].Name || !bytes.Equal(a[i].Data, b[i].Data) {
			return false
		}
	}
	return true
}

func TestHugoPages(t *testing.T) {
	files, err := Hugo(300, 5)
	if err != nil {
		t.Fatal(err)
	}
	items := 0
	for _, f := range files {
		text := string(f.Data)
		front, _, ok := strings.Cut(strings.TrimPrefix(text, "+++\n"), "\n+++\n")
		if !strings.HasPrefix(text, "+++\n") || !ok {
			t.Fatalf("%s: no TOML front matter:\n%s", f.Name, text)
		}
		var fm map[string]any
		if _, err := toml.Decode(front, &fm); err != nil {
			t.Fatalf("%s: front matter: %v", f.Name, err)
		}
		if fm["title"] == "" || fm["title"] == nil {
			t.Errorf("%s: no title", f.Name)
		}
		if strings.HasPrefix(f.Name, "items/") && f.Name != "items/_index.md" {
			items++
			if units, _ := fm["units"].([]any); len(units) == 0 {
				t.Errorf("%s: no units taxonomy terms", f.Name)
			}
		}
	}
	if items != 300 {
		t.Errorf("%d item pages, want 300", items)
	}
}

func TestOutOfRange(t *testing.T) {
	for _, n := range []int{0, -1, MaxItems + 1} {
		if _, err := Site(n, 1); err == nil {
			t.Errorf("Site(%d) gave no error", n)
		}
		if _, err := Hugo(n, 1); err == nil {
			t.Errorf("Hugo(%d) gave no error", n)
		}
	}
}

// TestGolden pins the bytes of a small site, so that a change to the
// generator (or to the random source) shows as a diff of real files.
func TestGolden(t *testing.T) {
	files, err := Site(12, 1)
	if err != nil {
		t.Fatal(err)
	}
	var archive txtar.Archive
	for _, f := range files {
		archive.Files = append(archive.Files, txtar.File{Name: f.Name, Data: f.Data})
	}
	b := bytes.NewBuffer(txtar.Format(&archive))
	golden := filepath.Join("testdata", "site-12.txt")
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("generated site differs from %s; if the change is intended, run go test -update\ngot:\n%s", golden, b.String())
	}
}

func TestPhrasesHaveEverySection(t *testing.T) {
	for _, kind := range []string{"duty", "item", "matter", "role", "basis", "service", "content", "system"} {
		if len(phrases[kind]) < 5 {
			t.Errorf("phrases.txt has %d phrases under [%s], want at least 5", len(phrases[kind]), kind)
		}
	}
}
