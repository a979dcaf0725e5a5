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
			for n := 1; n <= tc.pages+1; n++ {
				name := "services/index.html"
				if n > 1 {
					name = fmt.Sprintf("services/page/%d/index.html", n)
				}
				page, ok := out[name]
				if n > tc.pages {
					if ok {
						t.Errorf("%s exists; the list has %d pages", name, tc.pages)
					}
					continue
				}
				if !ok {
					t.Fatalf("no %s", name)
				}
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
