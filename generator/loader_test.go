package generator

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

// TestLoaderMatchesLoad loads the fixture and every broken-content case
// in turn with one Loader, its cache carried from case to case as in the
// preview, and checks each site and problem list against Load's.
func TestLoaderMatchesLoad(t *testing.T) {
	names, _ := filepath.Glob("testdata/broken/*.txtar")
	if len(names) == 0 {
		t.Fatal("no broken-content cases")
	}
	cfg, ps := fixtureConfig(t, nil)
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	cases := []fstest.MapFS{fixtureFS(t)}
	for _, name := range names {
		raw, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		fsys := fixtureFS(t)
		for _, f := range txtar.Parse(raw).Files {
			switch {
			case f.Name == "site.toml":
			case string(f.Data) == "(delete)\n":
				delete(fsys, f.Name)
			default:
				fsys[f.Name] = &fstest.MapFile{Data: f.Data}
			}
		}
		cases = append(cases, fsys, fixtureFS(t)) // broken, then mended
	}
	var ld Loader
	for i, fsys := range cases {
		want, wantPs := Load(fsys, cfg)
		got, gotPs := ld.Load(fsys, cfg)
		if gotPs.String() != wantPs.String() {
			t.Errorf("case %d: problems\n%s\nwant\n%s", i, gotPs, wantPs)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("case %d: the Loader's site differs from Load's", i)
		}
	}
}

// TestLoaderEdit edits the first item of duties.toml and adds a line at
// the top of services.toml, which moves every service a line down, and
// checks that the Loader's site shows both as Load's does.
func TestLoaderEdit(t *testing.T) {
	cfg, _ := fixtureConfig(t, nil)
	fsys := fixtureFS(t)
	var ld Loader
	before, ps := ld.Load(fsys, cfg)
	if ps.HasErrors() {
		t.Fatal(ps)
	}
	duties := string(fsys["duties.toml"].Data)
	first := before.Duties[0].Items[0]
	edited := strings.Replace(duties, first.Text, first.Text+"（改）\"\nunits_note = \"新", 1)
	if edited == duties {
		t.Fatal("the fixture's first item text is not in duties.toml as written")
	}
	fsys["duties.toml"] = &fstest.MapFile{Data: []byte(edited)}
	fsys["services.toml"] = &fstest.MapFile{Data: append([]byte("# 新的一行\n"), fsys["services.toml"].Data...)}
	after, ps := ld.Load(fsys, cfg)
	if ps.HasErrors() {
		t.Fatal(ps)
	}
	if got := after.Duties[0].Items[0]; got.Text != first.Text+"（改）" || got.UnitsNote != "新" {
		t.Errorf("edited item: text %q, units note %q", got.Text, got.UnitsNote)
	}
	for i, s := range after.Services {
		if want := before.Services[i].Pos.Line + 1; s.Pos.Line != want {
			t.Errorf("service %s on line %d, want %d", s.ID, s.Pos.Line, want)
		}
	}
	want, _ := Load(fsys, cfg)
	if !reflect.DeepEqual(after, want) {
		t.Errorf("the Loader's site differs from Load's")
	}
}
