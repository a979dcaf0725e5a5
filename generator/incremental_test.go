package generator

import (
	"bytes"
	"strings"
	"testing"

	"qingdan/output"
	"qingdan/themes"
)

// served returns the files out currently serves.
func served(t *testing.T, m *output.Memory, names []string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	for _, name := range names {
		if f, ok := m.Open(name); ok {
			files[name] = f.Data
		}
	}
	return files
}

// sameSite fails unless the memory site holds exactly the files of a full
// Render of site.
func sameSite(t *testing.T, m *output.Memory, site *Site, written int) {
	t.Helper()
	want := render(t, site)
	if written != len(want) {
		t.Errorf("the memory site has %d files, a full render %d", written, len(want))
	}
	got := served(t, m, want.names())
	for name, data := range want {
		if !bytes.Equal(got[name], data) {
			t.Errorf("%s differs from a full render", name)
		}
	}
}

func TestIncrementalRendersOnlyWhatChanged(t *testing.T) {
	theme := themes.Default()
	mem := output.NewMemory()
	inc := Incremental{Templates: themes.Default()}
	full, err := inc.Render(fixture(t, "/"), theme, mem, false)
	if err != nil {
		t.Fatal(err)
	}
	mem.Commit()

	tests := []struct {
		name string
		edit func(*Site)
		max  int // tasks that may run
	}{
		{"nothing", func(*Site) {}, 0},
		// its duty, its unit and the unit above, the duties, search and
		// site-map pages, the sitemap, the search index and the open data
		{"item text", func(s *Site) {
			s.Duties[1].Items[0].Text = "负责做好孕前优生健康检查工作（已修改）。"
		}, 9},
		// its page, the duties, search and site-map pages, the sitemap,
		// the search index and the open data; the duties page shows the
		// new text; and the page of the unit that lists its items, which
		// names the duty (a duty is summed by all of its fields there)
		{"duty text", func(s *Site) { s.Duties[0].Text = "贯彻执行人口与计划生育法律法规（已修改）。" }, 8},
		// its page, its unit and the unit above, the services, search and
		// site-map pages, the sitemap, the search index and the open data
		{"service phone", func(s *Site) { s.Services[0].Phones = []string{"7639999"} }, 9},
		{"unit name", func(s *Site) { s.Units[0].Name = "政策法规股" }, full},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := inc.Render(fixture(t, "/"), theme, mem, false); err != nil {
				t.Fatal(err)
			}
			mem.Commit()
			site := fixture(t, "/")
			tt.edit(site)
			n, err := inc.Render(site, theme, mem, false)
			if err != nil {
				t.Fatal(err)
			}
			st := mem.Commit()
			if n > tt.max {
				t.Errorf("rendered %d tasks, want at most %d of %d", n, tt.max, full)
			}
			sameSite(t, mem, site, st.Written)
		})
	}
}

func TestIncrementalDefersLateFiles(t *testing.T) {
	theme := themes.Default()
	mem := output.NewMemory()
	inc := Incremental{Templates: themes.Default()}
	if _, err := inc.Render(fixture(t, "/"), theme, mem, true); err != nil {
		t.Fatal(err)
	}
	mem.Commit()
	if inc.Pending() {
		t.Fatal("the first render deferred files: there were none to keep")
	}
	site := fixture(t, "/")
	site.Duties[0].Items[0].Text = "起草本县人口和计划生育管理办法（已修改）。"
	oldIndex, _ := mem.Open("data/qingdan.json")
	if _, err := inc.Render(site, theme, mem, true); err != nil {
		t.Fatal(err)
	}
	mem.Commit()
	if !inc.Pending() {
		t.Fatal("Pending = false after a deferred render of changed content")
	}
	if f, _ := mem.Open("data/qingdan.json"); f != oldIndex {
		t.Error("open data made although deferred")
	}
	page, _ := mem.Open("duties/01/index.html")
	if !bytes.Contains(page.Data, []byte("（已修改）")) {
		t.Error("the edited duty's page was not rendered")
	}
	// A second edit before catching up is served just as fast.
	site = fixture(t, "/")
	site.Duties[0].Items[0].Text = "起草本县人口和计划生育管理办法（再次修改）。"
	n, err := inc.Render(site, theme, mem, true)
	if err != nil {
		t.Fatal(err)
	}
	mem.Commit()
	if !inc.Pending() || n != 3 {
		t.Errorf("second deferred render: pending %v after %d tasks, want the duty's page, its unit's and the duties page only", inc.Pending(), n)
	}
	n, err = inc.Render(site, theme, mem, false)
	if err != nil {
		t.Fatal(err)
	}
	st := mem.Commit()
	if inc.Pending() || n != 5 {
		t.Errorf("catching up: pending %v after %d tasks, want the search index, the open data, the search and site-map pages and the sitemap", inc.Pending(), n)
	}
	sameSite(t, mem, site, st.Written)
}

func TestIncrementalOwnTemplatesRenderEverything(t *testing.T) {
	theme := themeWithout(t, "", map[string]string{"duty.html": `{{define "content"}}<p>{{len .Site.Services}}</p>{{end}}`})
	mem := output.NewMemory()
	inc := Incremental{Templates: themes.Default()}
	full, err := inc.Render(fixture(t, "/"), theme, mem, false)
	if err != nil {
		t.Fatal(err)
	}
	mem.Commit()
	site := fixture(t, "/")
	site.Services = site.Services[:1]
	n, err := inc.Render(site, theme, mem, false)
	if err != nil {
		t.Fatal(err)
	}
	mem.Commit()
	if n != full-1 { // one service page less
		t.Errorf("rendered %d of %d tasks with a theme of its own, want all", n, full-1)
	}
	if f, _ := mem.Open("duties/01/index.html"); !bytes.Contains(f.Data, []byte("<p>1</p>")) {
		t.Error("duty page not rendered again after a change it shows")
	}
}

// TestIncrementalThemeAndConfigChange checks that the preview's renderer,
// kept between renders, follows an edited theme and an edited site.toml.
func TestIncrementalThemeAndConfigChange(t *testing.T) {
	mem := output.NewMemory()
	inc := Incremental{Templates: themes.Default()}
	if _, err := inc.Render(fixture(t, "/"), themes.Default(), mem, false); err != nil {
		t.Fatal(err)
	}
	mem.Commit()

	theme := themeWithout(t, "", map[string]string{
		"static/site.css": "body{color:#000}",
		"partials.html":   strings.Replace(defaultFile(t, "partials.html"), `<p class="meta">责任单位：`, `<p class="meta">负责：`, 1),
	})
	site := fixture(t, "/sub/")
	if _, err := inc.Render(site, theme, mem, false); err != nil {
		t.Fatal(err)
	}
	st := mem.Commit()
	want := memOutput{}
	if err := Render(fixture(t, "/sub/"), theme, want); err != nil {
		t.Fatal(err)
	}
	if st.Written != len(want) {
		t.Errorf("the memory site has %d files, a full render %d", st.Written, len(want))
	}
	got := served(t, mem, want.names())
	for name, data := range want {
		if !bytes.Equal(got[name], data) {
			t.Errorf("%s differs from a full render with the new theme and root", name)
		}
	}
	if !bytes.Contains(got["duties/01/index.html"], []byte(`<p class="meta">负责：<a href="/sub/units/`)) {
		t.Error("the duty page shows neither the edited partial nor the new root")
	}
}
