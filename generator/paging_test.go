package generator

import (
	"fmt"
	"strings"
	"testing"
)

// TestPagedList gives the fixture 1,201 services: the services page is
// split into pages of 500 (services/, services/page/2/, services/page/3/),
// each listing its own and linking the others, and every page is in the
// sitemap. A list of 1,000 stays on one page.
func TestPagedList(t *testing.T) {
	for _, tc := range []struct {
		services, pages int
	}{{1000, 1}, {1201, 3}} {
		t.Run(fmt.Sprint(tc.services), func(t *testing.T) {
			site := fixture(t, "/q/")
			for i := len(site.Services); i < tc.services; i++ {
				site.Services = append(site.Services, &Service{ID: fmt.Sprintf("%04d", i+1), Name: fmt.Sprintf("服务%d", i+1), Content: "内容", Phones: []string{"7631096"}})
			}
			out := render(t, site)
			total := 0
			for i, page := range listPages(t, out, "services/", tc.pages) {
				n, name := i+1, pagePath("services/", i+1)
				cards := strings.Count(string(page), `<li id="service-`)
				if tc.pages > 1 && cards > pageSize {
					t.Errorf("%s lists %d services", name, cards)
				}
				total += cards
				if tc.pages > 1 {
					current := strings.Contains(string(page), fmt.Sprintf(`<span aria-current="page">第%d页</span>`, n))
					linksLast := strings.Contains(string(page), `<a href="/q/services/page/3/">第3页</a>`)
					if !current || linksLast == (n == 3) {
						t.Errorf("%s: the pager does not mark page %d or link the others", name, n)
					}
					if !strings.Contains(string(out["sitemap.xml"]), fmt.Sprintf("/q/services/page/%d/", tc.pages)) {
						t.Error("the sitemap lacks the last page")
					}
				}
			}
			if total != tc.services {
				t.Errorf("the pages list %d services in all, want %d", total, tc.services)
			}
		})
	}
}

// listPages returns the pages of the list at base in out, which must have
// pages pages and no more.
func listPages(t *testing.T, out memOutput, base string, pages int) [][]byte {
	t.Helper()
	var list [][]byte
	for n := 1; n <= pages; n++ {
		page, ok := out[pagePath(base, n)+"index.html"]
		if !ok {
			t.Fatalf("no %s", pagePath(base, n))
		}
		list = append(list, page)
	}
	if _, ok := out[pagePath(base, pages+1)+"index.html"]; ok {
		t.Errorf("%s exists; the list has %d pages", pagePath(base, pages+1), pages)
	}
	return list
}

// manyUnits adds n units to site in trees of a top-level unit with three
// under it.
func manyUnits(site *Site, n int) {
	var top *Unit
	for i := range n {
		u := &Unit{ID: fmt.Sprintf("u%04d", i), Name: fmt.Sprintf("单位%d", i), Kind: "股室"}
		if i%4 == 0 {
			top = u
		} else {
			u.Parent = top
			top.Children = append(top.Children, u)
		}
		site.Units = append(site.Units, u)
		site.UnitByID[u.ID] = u
	}
}

// TestPagedUnits gives the fixture 1,203 units in trees of four: the units
// page is split into pages of whole trees of at most 500 units, which
// together list every unit once, each under its parent; 1,000 units stay
// on one page.
func TestPagedUnits(t *testing.T) {
	for _, tc := range []struct {
		units, pages int
	}{{997, 1}, {1200, 3}} {
		t.Run(fmt.Sprint(tc.units), func(t *testing.T) {
			site := fixture(t, "/q/")
			manyUnits(site, tc.units)
			out := render(t, site)
			seen := map[string]int{}
			for i, page := range listPages(t, out, "units/", tc.pages) {
				name := pagePath("units/", i+1)
				tree := string(page)
				tree = tree[strings.Index(tree, `<ul class="unit-tree">`):]
				tree = tree[:strings.Index(tree, "</main>")]
				count := 0
				for _, u := range site.Units {
					if i := strings.Index(tree, `href="/q/`+u.Path()+`"`); i >= 0 {
						count++
						seen[u.ID]++
						if u.Parent != nil && !strings.Contains(tree[:i], `href="/q/`+u.Parent.Path()+`"`) {
							t.Errorf("%s lists %s without its parent before it", name, u.ID)
						}
					}
				}
				if tc.pages > 1 && count > pageSize {
					t.Errorf("%s lists %d units", name, count)
				}
				if pager := strings.Contains(tree, `<nav class="pager"`); pager != (tc.pages > 1) {
					t.Errorf("%s: a pager is %v, want %v", name, pager, tc.pages > 1)
				}
			}
			for _, u := range site.Units {
				if seen[u.ID] != 1 {
					t.Errorf("unit %s is on %d pages of the units list", u.ID, seen[u.ID])
				}
			}
		})
	}
}

// TestSiteMapGrouped: the site-map page of a site with more than 1,000
// entries lists each part's count and the pages of its list, not every
// entry; a smaller site's lists every entry.
func TestSiteMapGrouped(t *testing.T) {
	site := fixture(t, "/q/")
	small := string(render(t, site)["sitemap/index.html"])
	if !strings.Contains(small, `<a href="/q/services/01/">`) || strings.Contains(small, "项）") {
		t.Errorf("the site map of a small site does not list its entries:\n%s", small)
	}
	manyUnits(site, 1200)
	for i := len(site.Services); i < 1201; i++ {
		site.Services = append(site.Services, &Service{ID: fmt.Sprintf("%04d", i+1), Name: fmt.Sprintf("服务%d", i+1), Content: "内容"})
	}
	page := string(render(t, site)["sitemap/index.html"])
	for _, want := range []string{
		`<a href="/q/services/">公共服务事项</a>（1201项）`, `<li><a href="/q/services/page/3/">第3页</a></li>`,
		fmt.Sprintf(`<a href="/q/units/">股室单位</a>（%d项）`, len(site.Units)), `<a href="/q/units/page/2/">第2页</a>`,
		fmt.Sprintf(`<a href="/q/duties/">部门职责</a>（%d项）</li>`, len(site.Duties)),
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the site map lacks %s", want)
		}
	}
	if strings.Contains(page, `href="/q/services/0600/"`) || strings.Contains(page, `href="/q/units/u0001/"`) || len(page) > 20000 {
		t.Errorf("the site map of %d services and %d units lists them (%d bytes)", len(site.Services), len(site.Units), len(page))
	}
}
