package generator

import (
	"sort"
	"strings"
	"testing"
)

// maxPageBytes is the budget of one page: its HTML plus the one style
// sheet, so that the list loads fast on a slow phone connection.
const maxPageBytes = 50 * 1024

// TestPageSizes renders the real content and checks every page against
// the budget, logging the largest ones (go test -v shows them).
func TestPageSizes(t *testing.T) {
	site, _ := loadContent(t)
	out := render(t, site)
	css := len(out["static/site.css"])
	if css == 0 {
		t.Fatal("static/site.css was not written")
	}
	type size struct {
		name string
		n    int
	}
	var sizes []size
	for name, data := range out {
		if strings.HasSuffix(name, ".html") {
			sizes = append(sizes, size{name, len(data) + css})
		}
	}
	sort.Slice(sizes, func(i, j int) bool { return sizes[i].n > sizes[j].n })
	for i, s := range sizes {
		if s.n > maxPageBytes {
			t.Errorf("%s: %d bytes of HTML and CSS, over the %d budget", s.name, s.n, maxPageBytes)
		}
		if i < 5 {
			t.Logf("%6d bytes  %s (with %d of CSS)", s.n, s.name, css)
		}
	}
}
