package generator

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"qingdan/config"
	"qingdan/source"
)

// fixtureFS reads the small valid site under testdata/site/content.
func fixtureFS(t testing.TB) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	root := "testdata/site/content"
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		m[filepath.ToSlash(rel)] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func fixtureConfig(t testing.TB, data []byte) (*config.Config, source.Problems) {
	t.Helper()
	if data == nil {
		var err error
		if data, err = os.ReadFile("testdata/site/site.toml"); err != nil {
			t.Fatal(err)
		}
	}
	return config.Parse("site.toml", data)
}

// A broken-content case (testdata/broken/*.txtar) is a txtar archive: the
// expected problems as its comment, then files that replace those of the
// fixture ("(delete)" removes one).

// TestLoadBroken loads each testdata/broken/*.txtar (the fixture site with
// some files replaced) and compares every problem, with its position and
// hint, to the archive's comment. Cases named warn-* must load; all others
// must fail with at least one error.
func TestLoadBroken(t *testing.T) {
	names, _ := filepath.Glob("testdata/broken/*.txtar")
	if len(names) < 25 {
		t.Fatalf("only %d broken-content cases", len(names))
	}
	for _, name := range names {
		t.Run(strings.TrimSuffix(filepath.Base(name), ".txtar"), func(t *testing.T) {
			raw, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			a := txtar.Parse(raw)
			ps := loadArchive(t, a)
			got := ps.String()
			if *update {
				a.Comment = []byte(got)
				if err := os.WriteFile(name, txtar.Format(a), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got != string(a.Comment) {
				t.Errorf("problems:\n%s\nwant:\n%s", got, a.Comment)
			}
			wantErr := !strings.HasPrefix(filepath.Base(name), "warn-")
			if ps.HasErrors() != wantErr {
				t.Errorf("HasErrors = %v, want %v", ps.HasErrors(), wantErr)
			}
		})
	}
}

func TestLoadFixture(t *testing.T) {
	cfg, ps := fixtureConfig(t, nil)
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	site, ps := Load(fixtureFS(t), cfg)
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	zcfg := site.UnitByID["zcfg"]
	jsfwz := site.UnitByID["jsfwz"]
	switch {
	case len(zcfg.Items) != 2 || len(jsfwz.Items) != 1:
		t.Errorf("unit items: zcfg %d, jsfwz %d", len(zcfg.Items), len(jsfwz.Items))
	case jsfwz.Parent != zcfg || len(zcfg.Children) != 1:
		t.Errorf("unit tree not resolved")
	case site.Duties[0].Items[1].Duty != site.Duties[0]:
		t.Errorf("item -> duty not resolved")
	case len(zcfg.Services) != 1 || site.Services[0].Units[0] != zcfg:
		t.Errorf("services not resolved")
	case site.Duties[0].Title != "贯彻执行国家、省、市人口和计划生育工作的方针、政策":
		t.Errorf("derived title %q", site.Duties[0].Title)
	case site.Parts[PartServices].Updated != site.Parts[PartServices].Published:
		t.Errorf("updated should default to published")
	case !strings.Contains(string(site.Systems[0].Body), "<h2"):
		t.Errorf("system body not rendered: %s", site.Systems[0].Body)
	case site.Config.Root != "/zfxxgk/qingdan/":
		t.Errorf("root %q", site.Config.Root)
	}
}

// FuzzLoad feeds arbitrary bytes as each content file: loading must never
// panic, and every problem must name a content file.
func FuzzLoad(f *testing.F) {
	base := fixtureFS(f)
	for name, file := range base {
		f.Add(name, string(file.Data))
	}
	names, _ := filepath.Glob("testdata/broken/*.txtar")
	for _, n := range names {
		raw, _ := os.ReadFile(n)
		for _, file := range txtar.Parse(raw).Files {
			if file.Name != "site.toml" {
				f.Add(file.Name, string(file.Data))
			}
		}
	}
	cfg, _ := fixtureConfig(f, nil)
	f.Fuzz(func(t *testing.T, name, data string) {
		if _, ok := base[name]; !ok && name != ManifestFile {
			return
		}
		fsys := fixtureFS(t)
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
		site, ps := Load(fsys, cfg)
		for _, p := range ps {
			if !strings.HasPrefix(p.Pos.File, "content") {
				t.Fatalf("problem outside content: %v", p)
			}
		}
		if site == nil && !ps.HasErrors() {
			t.Fatal("no site and no error")
		}
	})
}
