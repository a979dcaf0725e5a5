package generator

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"qingdan/themes"
)

var update = flag.Bool("update", false, "update golden files")

// goldenFiles are the rendered files compared byte for byte with
// testdata/golden/. Run "go test ./generator -run Golden -update" after an
// intended change and read the diff before committing it.
var goldenFiles = []string{
	"index.html",
	"duties/index.html",
	"duties/01/index.html",
	"units/index.html",
	"units/fzgh/index.html",
	"boundaries/01/index.html",
	"services/index.html",
	"services/01/index.html",
	"supervision/01/index.html",
	"contact/index.html",
	"sitemap/index.html",
	"search/index.html",
	"data/index.html",
	"404.html",
	"feed.xml",
	"sitemap.xml",
	"robots.txt",
	"data/qingdan.json",
	"data/items.csv",
	"data/services.csv",
	"data/boundaries.csv",
	"data/units.csv",
}

func TestGolden(t *testing.T) {
	out := render(t, fixture(t, "/zfxxgk/qingdan/"))
	for _, name := range goldenFiles {
		t.Run(name, func(t *testing.T) {
			got, ok := out[name]
			if !ok {
				t.Fatalf("%s was not written", name)
			}
			golden := filepath.Join("testdata", "golden", strings.ReplaceAll(name, "/", "_"))
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s:\n%s", name, golden, goldenDiff(string(want), string(got)))
			}
		})
	}
}

// goldenDiff shows the first line where want and got differ.
func goldenDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl
		}
	}
	return "(no line differs)"
}

// TestRenderDeterministic renders twice: the bytes must not change, since
// unchanged files keep their mtime only if the renderer is reproducible.
func TestRenderDeterministic(t *testing.T) {
	a := render(t, fixture(t, "/"))
	b := render(t, fixture(t, "/"))
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two renders", name)
		}
	}
}

var (
	linkAttr = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)
	idAttr   = regexp.MustCompile(`\sid="([^"]*)"`)
)

// checkLinks fails for every link in an HTML page of out that points into
// the site but names no written file, or names an id the page lacks.
func checkLinks(t *testing.T, out memOutput, root string) {
	t.Helper()
	ids := map[string]map[string]bool{}
	for name, data := range out {
		if strings.HasSuffix(name, ".html") {
			ids[name] = map[string]bool{}
			for _, m := range idAttr.FindAllStringSubmatch(string(data), -1) {
				ids[name][m[1]] = true
			}
		}
	}
	checked := 0
	for name, data := range out {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, m := range linkAttr.FindAllStringSubmatch(string(data), -1) {
			link := strings.ReplaceAll(m[1], "&amp;", "&")
			var target, fragment string
			switch {
			case strings.HasPrefix(link, "#"):
				target, fragment = name, link[1:]
			case strings.HasPrefix(link, root):
				target, fragment, _ = strings.Cut(strings.TrimPrefix(link, root), "#")
				target, _, _ = strings.Cut(target, "?")
				if target == "" || strings.HasSuffix(target, "/") {
					target += "index.html"
				}
			case strings.HasPrefix(link, "https://"), strings.HasPrefix(link, "tel:"), strings.HasPrefix(link, "mailto:"):
				continue
			default:
				t.Errorf("%s: link %q is neither absolute from the root %q nor external", name, link, root)
				continue
			}
			checked++
			if _, ok := out[target]; !ok {
				t.Errorf("%s: link %q: no file %s", name, link, target)
				continue
			}
			if fragment != "" && !ids[target][fragment] {
				t.Errorf("%s: link %q: %s has no id %q", name, link, target, fragment)
			}
		}
	}
	if checked < 50 {
		t.Errorf("only %d internal links checked; the link pattern is broken", checked)
	}
}

func TestLinksResolve(t *testing.T) {
	for _, root := range []string{"/", "/zfxxgk/qingdan/"} {
		t.Run("fixture"+root, func(t *testing.T) {
			checkLinks(t, render(t, fixture(t, root)), root)
		})
		t.Run("content"+root, func(t *testing.T) {
			site, _ := loadContent(t)
			site.Config.Root = root
			site.Config.BaseURL = "https://www.weixian.gov.cn" + root
			checkLinks(t, render(t, site), root)
		})
	}
}

// themeWithout copies the default theme, leaving out one file and
// replacing others.
func themeWithout(t *testing.T, missing string, replace map[string]string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(themes.Default(), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || name == missing {
			return err
		}
		data, err := fs.ReadFile(themes.Default(), name)
		m[name] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range replace {
		m[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return m
}

func TestThemeErrors(t *testing.T) {
	for _, tc := range []struct {
		name    string
		theme   fstest.MapFS
		wantErr string
	}{
		{"missing page template", themeWithout(t, "duty.html", nil), "duty.html"},
		{"missing layout", themeWithout(t, "layout.html", nil), "layout.html"},
		{"template syntax", themeWithout(t, "", map[string]string{"unit.html": `{{define "content"}}{{.Nope`}), "unit.html"},
		{"unknown field", themeWithout(t, "", map[string]string{"matter.html": `{{define "content"}}{{.Matter.Nope}}{{end}}`}), "boundaries/01/index.html"},
		{"each of a partial the theme lacks", themeWithout(t, "", map[string]string{"matter.html": `{{define "content"}}{{each "nope" .Matter.Basis}}{{end}}`}), `the theme defines no partial "nope"`},
		{"each of no list", themeWithout(t, "", map[string]string{"duty.html": `{{define "content"}}{{each "item" .Duty}}{{end}}`}), "want a list"},
		{"partial missing from an older theme", themeWithout(t, "", map[string]string{"partials.html": strings.Replace(defaultFile(t, "partials.html"), `{{define "duty" -}}`, `{{define "old-duty" -}}`, 1)}), `the theme defines no partial "duty"`},
		{"error in a cached partial", themeWithout(t, "", map[string]string{"partials.html": strings.Replace(defaultFile(t, "partials.html"), `{{define "item" -}}`, `{{define "item" -}}{{.Nope}}`, 1)}), "can't evaluate field Nope"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := Render(fixture(t, "/"), tc.theme, memOutput{})
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("Render = %v, want an error naming %q", err, tc.wantErr)
			}
		})
	}
}

// TestEachRunsAThemesOwnPartial: each takes any partial of a theme, not
// only those the renderer reuses.
func TestEachRunsAThemesOwnPartial(t *testing.T) {
	theme := themeWithout(t, "", map[string]string{
		"partials.html": defaultFile(t, "partials.html") + `{{define "basis"}}<li class="basis">{{.}}</li>{{end}}`,
		"matter.html":   `{{define "content"}}<ul>{{each "basis" .Matter.Basis}}</ul>{{end}}`,
	})
	out := memOutput{}
	if err := Render(fixture(t, "/"), theme, out); err != nil {
		t.Fatal(err)
	}
	want := "<ul>\n<li class=\"basis\">《中国公民收养子女登记办法》</li>\n<li class=\"basis\">《河北省人口与计划生育条例》</li></ul>"
	if page := string(out["boundaries/01/index.html"]); !strings.Contains(page, want) {
		t.Errorf("the matter page lacks the theme's own partial for each basis, %q", want)
	}
}

// defaultFile is a file of the default theme.
func defaultFile(t *testing.T, name string) string {
	t.Helper()
	data, err := fs.ReadFile(themes.Default(), name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestThemeOverride checks that a theme's own style sheet is published
// and that pages link it by its new content hash.
func TestThemeOverride(t *testing.T) {
	css := "body{color:#000}"
	out := memOutput{}
	if err := Render(fixture(t, "/"), themeWithout(t, "", map[string]string{"static/site.css": css}), out); err != nil {
		t.Fatal(err)
	}
	if string(out["static/site.css"]) != css {
		t.Errorf("static/site.css = %q, want the theme's own", out["static/site.css"])
	}
	def := render(t, fixture(t, "/"))
	link := regexp.MustCompile(`href="/static/site.css\?v=([0-9a-f]+)"`)
	a, b := link.FindStringSubmatch(string(out["index.html"])), link.FindStringSubmatch(string(def["index.html"]))
	if a == nil || b == nil || a[1] == b[1] {
		t.Errorf("style sheet links %q and %q: want two different content hashes", a, b)
	}
}
