package generator

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"qingdan/config"
	"qingdan/source"
)

// countySite is a county of two departments: the fixture's bureau
// (rkjs) and a police bureau (gaj) whose list has the fixture's matter
// 收养登记 with the given own role, and a matter the bureau does not list.
func countySite(t *testing.T, policeRole string) (*Site, source.Problems) {
	t.Helper()
	return countyOf(t, "site.toml", countySiteTOML, map[string]fs.FS{"rkjs": fixtureFS(t), "gaj": policeFS(t, policeRole)}, nil)
}

// countySiteTOML is the site.toml of countySite.
const countySiteTOML = `title = "测试县各部门责任清单"
base_url = "https://www.example.gov.cn/qingdan/"
[org]
name = "测试县"
area_code = "0319"

[[department]]
id = "rkjs"
name = "测试县人口和计划生育局"
short_name = "县人口计生局"
content = "rkjs"

[[department]]
id = "gaj"
name = "测试县公安局"
short_name = "县公安局"
content = "gaj"
`

// policeFS is the police bureau's content folder: the fixture's, with a
// list of boundaries of its own.
func policeFS(t *testing.T, policeRole string) fstest.MapFS {
	police := fixtureFS(t)
	police["boundaries.toml"] = &fstest.MapFile{Data: []byte(`index = "G-0002"
published = 2026-11-28

[[matter]]
id = "01"
title = "收养登记"

[[matter.role]]
department = "公安局"
lead = true
duty = "` + policeRole + `"

[[matter.role]]
department = "人口和计划生育局"
duty = "负责出具收养人生育状况证明。"

[[matter]]
id = "02"
title = "户口登记"

[[matter.role]]
department = "公安局"
lead = true
duty = "负责户口登记。"

[[matter.role]]
department = "人口计生局"
duty = "提供生育状况信息。"
`)}
	return police
}

// countyOf loads the county whose site.toml (named name) is siteTOML and
// whose departments' folders are folders, through ld when not nil.
func countyOf(t *testing.T, name, siteTOML string, folders map[string]fs.FS, ld *Loader) (*Site, source.Problems) {
	t.Helper()
	cfg, ps := config.Parse(name, []byte(siteTOML))
	if ps.HasErrors() {
		t.Fatal(ps)
	}
	return LoadCounty(cfg, func(dir string) fs.FS { return folders[dir] }, ld)
}

// TestCounty renders a county of two departments: each department's site
// lives under its id, and the county's own pages cover both.
func TestCounty(t *testing.T) {
	site, ps := countySite(t, "负责收养登记后办理落户手续。")
	if site == nil {
		t.Fatal(ps)
	}
	out := render(t, site)
	for _, name := range []string{
		"index.html", "units/index.html", "units/gaj/index.html", "duties/index.html", "services/index.html",
		"boundaries/index.html", "search/index.html", "search/index.json", "data/index.html", "data/qingdan.json",
		"data/items.csv", "feed.xml", "sitemap.xml", "sitemap-county.xml", "404.html", "changes/index.html",
		"rkjs/index.html", "rkjs/duties/01/index.html", "rkjs/sitemap.xml", "gaj/boundaries/02/index.html", "gaj/data/published.json",
	} {
		if out[name] == nil {
			t.Errorf("the county site has no %s", name)
		}
	}
	home := string(out["index.html"])
	for _, want := range []string{`<a href="/qingdan/rkjs/">测试县人口和计划生育局</a>`, `<a href="/qingdan/gaj/">测试县公安局</a>`, `<strong>2</strong>个部门`} {
		if !strings.Contains(home, want) {
			t.Errorf("the county home lacks %q", want)
		}
	}
	// A department's page links back to the county, and its own links
	// stay under its folder.
	duty := string(out["rkjs/duties/01/index.html"])
	if !strings.Contains(duty, `<a href="/qingdan/">测试县各部门责任清单</a>`) || !strings.Contains(duty, `href="/qingdan/rkjs/units/zcfg/"`) {
		t.Error("a department's page does not link the county, or its units, under its own path")
	}
	// Boundaries resolve to the other department's own entry.
	matter := string(out["rkjs/boundaries/01/index.html"])
	if !strings.Contains(matter, `<a href="/qingdan/gaj/boundaries/01/">公安局</a>`) {
		t.Errorf("the bureau's matter does not link the police's entry:\n%s", matter)
	}
	if !strings.Contains(string(out["gaj/boundaries/01/index.html"]), `<a href="/qingdan/rkjs/boundaries/01/">人口和计划生育局</a>`) {
		t.Error("the police's matter does not link the bureau's entry")
	}
	// The one-sided matter 户口登记 is a warning with both sides named.
	if got := ps.String(); !strings.Contains(got, "gaj/boundaries.toml:") || !strings.Contains(got, "“户口登记”写了测试县人口和计划生育局的职责，但测试县人口和计划生育局的清单里没有这一事项") {
		t.Errorf("a matter only one side lists is not reported:\n%s", got)
	}
	// Search covers both departments, with the department as the filter.
	var index struct {
		Units [][]any `json:"units"`
	}
	if err := json.Unmarshal(out["search/index.json"], &index); err != nil {
		t.Fatal(err)
	}
	if len(index.Units) < 3 || index.Units[0][0] != "rkjs" || index.Units[1][0] != "gaj" {
		t.Fatalf("the county search filters by %v, not by the departments", index.Units)
	}
	// Under each department its own units, with their pages, for the
	// department's search page, which uses the county's index.
	if u := index.Units[2]; len(u) != 4 || u[0] != "rkjs/zcfg" || u[2] != 0.0 || u[3] != "rkjs/units/zcfg/" {
		t.Errorf("the county search's first unit of a department is %v, not rkjs/zcfg under rkjs with its page", u)
	}
	// Both departments have the fixture's synonyms: the county lists them once.
	if own := site.County.ByID["gaj"].Site.Synonyms; len(own) == 0 || len(site.Synonyms) != len(own) {
		t.Errorf("the county's synonyms are %d groups, the departments' %d each", len(site.Synonyms), len(own))
	}
	if out["gaj/search/index.json"] != nil {
		t.Error("a department has a search index of its own beside the county's")
	}
	if page := string(out["gaj/search/index.html"]); !strings.Contains(page, `data-index="/qingdan/search/index.json" data-scope="gaj"`) {
		t.Errorf("the department's search page does not search the county's index within the department:\n%s", page)
	}
	if csv := string(out["data/items.csv"]); !strings.Contains(csv, "部门编号,部门名称,") || !strings.Contains(csv, "gaj,测试县公安局,01,") {
		t.Errorf("the combined items.csv lacks the departments:\n%.300s", csv)
	}
	if !strings.Contains(string(out["sitemap.xml"]), "https://www.example.gov.cn/qingdan/gaj/sitemap.xml") {
		t.Error("the sitemap index does not name a department's sitemap")
	}
	if !strings.Contains(string(out["feed.xml"]), "<title>县公安局：首次发布</title>") {
		t.Errorf("the county feed does not carry the departments' changes:\n%s", out["feed.xml"])
	}
}

// TestCountyBoundariesDisagree plants a difference between what the
// bureau says the police do and what the police's list says: a warning
// at the bureau's row, naming the police's position and both texts.
func TestCountyBoundariesDisagree(t *testing.T) {
	site, ps := countySite(t, "负责收养登记后的户口迁移。")
	if site == nil {
		t.Fatal(ps)
	}
	var found bool
	for _, p := range ps {
		if strings.Contains(p.Message, "“负责收养登记后办理落户手续。”") && strings.Contains(p.Message, "“负责收养登记后的户口迁移。”") {
			found = true
			if p.Severity != source.Warning || !strings.HasPrefix(p.Pos.File, "rkjs/boundaries.toml") || !strings.Contains(p.Message, "gaj/boundaries.toml:") {
				t.Errorf("the disagreement is not a warning at the bureau's row naming the police's: %s", p)
			}
		}
	}
	if !found {
		t.Errorf("the disagreement is not reported:\n%s", ps)
	}
}

// TestCountyUnitsGrouped: the county's page of departments lists their
// units while they are up to 1,000 in all, and then only the departments
// with their number of units; the department's own units page is paged.
func TestCountyUnitsGrouped(t *testing.T) {
	site, ps := countySite(t, "负责收养登记后办理落户手续。")
	if site == nil {
		t.Fatal(ps)
	}
	if page := string(render(t, site)["units/index.html"]); !strings.Contains(page, `<a href="/qingdan/gaj/units/zcfg/">`) {
		t.Errorf("the county's units page does not list a department's units:\n%s", page)
	}
	gaj := site.County.ByID["gaj"].Site
	manyUnits(gaj, 1000)
	site.County.Units += 1000
	out := render(t, site)
	page := string(out["units/index.html"])
	if strings.Contains(page, `<a href="/qingdan/gaj/units/zcfg/">`) || !strings.Contains(page, fmt.Sprintf("%d个内设单位", len(gaj.Units))) {
		t.Errorf("the county's units page of %d units lists them, or not their number:\n%s", site.County.Units, page)
	}
	if out["gaj/units/page/2/index.html"] == nil {
		t.Error("the department's units page of 1,003 units is not paged")
	}
}
