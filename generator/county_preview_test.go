package generator

import (
	"bytes"
	"io/fs"
	"maps"
	"strings"
	"testing"
	"testing/fstest"

	"qingdan/output"
	"qingdan/themes"
)

// county is a county's content as a test edits it: its site.toml and
// each department's folder.
type county struct {
	siteTOML string
	folders  map[string]fstest.MapFS
}

// edit returns a copy of c whose department folder dir has file replaced
// by what change makes of it (nil removes it).
func (c county) edit(dir, file string, change func(string) string) county {
	out := county{siteTOML: c.siteTOML, folders: maps.Clone(c.folders)}
	folder := maps.Clone(c.folders[dir])
	old := ""
	if f := folder[file]; f != nil {
		old = string(f.Data)
	}
	if data := change(old); data == "" {
		delete(folder, file)
	} else {
		folder[file] = &fstest.MapFile{Data: []byte(data)}
	}
	out.folders[dir] = folder
	return out
}

func (c county) config(change func(string) string) county {
	return county{siteTOML: change(c.siteTOML), folders: c.folders}
}

func (c county) fsys() map[string]fs.FS {
	m := map[string]fs.FS{}
	for dir, f := range c.folders {
		m[dir] = f
	}
	return m
}

// replace replaces old, which must be there, by new.
func replace(old, new string) func(string) string {
	return func(s string) string {
		if !strings.Contains(s, old) {
			panic("the test's content has no " + old)
		}
		return strings.Replace(s, old, new, 1)
	}
}

func appendText(text string) func(string) string {
	return func(s string) string { return s + text }
}

// TestCountyPreviewEqualsFullBuild is the differential test of a county's
// preview: after each edit (of one department's files, of site.toml, a
// department added or removed, a broken file and its fix), the site the
// preview serves (one Loader and one Incremental across all the edits, late
// files included) is byte for byte a full build of the edited county with
// a fresh Load. An edit of one department's list must leave the other
// departments' sites as they were loaded and their files as they were
// rendered, unless it changes what their boundaries link to.
func TestCountyPreviewEqualsFullBuild(t *testing.T) {
	base := county{siteTOML: countySiteTOML + `
[[department]]
id = "mz"
name = "测试县民政局"
short_name = "县民政局"
content = "mz"
`, folders: map[string]fstest.MapFS{"rkjs": fixtureFS(t), "gaj": policeFS(t, "负责收养登记后办理落户手续。"), "mz": fixtureFS(t)}}

	type step struct {
		name string
		edit func(county) county
		// untouched are the departments whose loaded sites and files the
		// edit leaves as they were.
		untouched []string
		broken    bool // the edit makes the content invalid
	}
	steps := []step{
		{name: "an item's text", edit: func(c county) county {
			return c.edit("rkjs", "duties.toml", replace("承担规范性文件的合法性审核工作", "承担规范性文件的合法性审核和清理工作"))
		}, untouched: []string{"gaj", "mz"}},
		{name: "a unit's phone, shown on the county's page of the department", edit: func(c county) county {
			return c.edit("mz", "units.toml", replace(`phone = "7631779"`, `phone = "7631780"`))
		}, untouched: []string{"rkjs", "gaj"}},
		{name: "a new item", edit: func(c county) county {
			return c.edit("mz", "duties.toml", appendText("\n[[duty.item]]\nid = \"01-09\"\ntext = \"新增的工作事项。\"\nunits = [\"zcfg\"]\n"))
		}, untouched: []string{"rkjs", "gaj"}},
		{name: "the other side of a boundary: the police's matter renamed", edit: func(c county) county {
			return c.edit("gaj", "boundaries.toml", replace(`title = "收养登记"`, `title = "收养登记和落户"`))
		}},
		{name: "a change with its notice", edit: func(c county) county {
			return c.edit("gaj", "changes.toml", appendText("\n[[change]]\ndate = 2026-11-30\ntitle = \"调整职责边界\"\nnotice = \"威政办〔2026〕9号\"\nlink = \"/boundaries/\"\n"))
		}, untouched: []string{"rkjs", "mz"}},
		{name: "a broken file", edit: func(c county) county {
			return c.edit("mz", "services.toml", appendText("\n[[service]\n"))
		}, broken: true},
		{name: "a system's text, the broken file as it was", edit: func(c county) county {
			return c.edit("mz", "supervision/01-test.md", appendText("\n改写的段落。\n"))
		}, untouched: []string{"rkjs", "gaj"}},
		{name: "a system added", edit: func(c county) county {
			return c.edit("rkjs", "supervision/02-new.md", func(string) string {
				return "+++\nid = \"02\"\ntitle = \"新增的制度\"\norder = 2\n+++\n\n新制度的正文。\n"
			})
		}, untouched: []string{"gaj", "mz"}},
		{name: "an item removed", edit: func(c county) county {
			return c.edit("rkjs", "duties.toml", replace("[[duty.item]]\nid = \"01-02\"\ntext = \"负责做好国家免费孕前优生健康检查工作，提高出生人口素质。\"\nunits = [\"jsfwz\", \"zcfg\"]\n", ""))
		}, untouched: []string{"gaj", "mz"}},
		{name: "site.toml: a department's name", edit: func(c county) county {
			return c.config(replace(`name = "测试县民政局"`, `name = "测试县民政和社会事务局"`))
		}, untouched: []string{"rkjs", "gaj"}},
		{name: "site.toml: the county's title", edit: func(c county) county {
			return c.config(replace(`title = "测试县各部门责任清单"`, `title = "测试县责任清单"`))
		}, untouched: []string{"rkjs", "gaj", "mz"}},
		{name: "site.toml: the county's name, which the departments' pages show", edit: func(c county) county {
			return c.config(replace(`name = "测试县"`, `name = "测试县人民政府"`))
		}},
		{name: "a department added", edit: func(c county) county {
			c = c.config(appendText("\n[[department]]\nid = \"wsj\"\nname = \"测试县卫生局\"\nshort_name = \"县卫生局\"\ncontent = \"wsj\"\n"))
			c.folders = maps.Clone(c.folders)
			c.folders["wsj"] = fixtureFS(t)
			return c
		}, untouched: []string{"rkjs", "gaj", "mz"}},
		{name: "a department removed, whose boundaries another department links", edit: func(c county) county {
			return c.config(replace("[[department]]\nid = \"gaj\"\nname = \"测试县公安局\"\nshort_name = \"县公安局\"\ncontent = \"gaj\"\n", ""))
		}},
		{name: "back to the start", edit: func(county) county { return base }},
	}

	mem := output.NewMemory()
	inc := Incremental{Templates: themes.Default()}
	var ld Loader
	theme := themes.Default()
	written := 0 // files served after the last preview
	preview := func(c county) (*Site, bool) {
		site, ps := countyOf(t, "site.toml", c.siteTOML, c.fsys(), &ld)
		if ps.HasErrors() {
			return nil, false
		}
		written = previewRender(t, &inc, mem, site, theme)
		return site, true
	}
	// served is the preview's files by name, to see which it kept.
	served := func(want memOutput) map[string]*output.File {
		m := map[string]*output.File{}
		for name := range want {
			m[name], _ = mem.Open(name)
		}
		return m
	}
	same := func(name string, want memOutput) {
		t.Helper()
		for _, file := range want.names() {
			if f, ok := mem.Open(file); !ok || !bytes.Equal(f.Data, want[file]) {
				t.Errorf("%s: the preview's %s is not that of a full build", name, file)
			}
		}
		if written != len(want) {
			t.Errorf("%s: the preview serves %d files, a full build has %d", name, written, len(want))
		}
	}

	site, ok := preview(base)
	if !ok {
		t.Fatal("the county has errors")
	}
	c := base
	for _, s := range steps {
		before := served(render(t, site))
		edited := s.edit(c)
		next, ok := preview(edited)
		if ok == s.broken {
			t.Fatalf("%s: the edited content loads: %v", s.name, ok)
		}
		if s.broken {
			continue // the next edit is made on the content before it
		}
		c = edited
		full, ps := countyOf(t, "site.toml", c.siteTOML, c.fsys(), nil)
		if ps.HasErrors() {
			t.Fatal(ps)
		}
		want := render(t, full)
		same(s.name, want)
		for _, id := range s.untouched {
			if next.County.ByID[id].Site != site.County.ByID[id].Site {
				t.Errorf("%s: department %s, whose files did not change, was loaded again", s.name, id)
			}
			for name, f := range before {
				if g, _ := mem.Open(name); strings.HasPrefix(name, id+"/") && g != f {
					t.Errorf("%s: department %s, whose files did not change, made %s again", s.name, id, name)
				}
			}
		}
		site = next
	}
}
