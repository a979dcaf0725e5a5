package generator

import (
	"strconv"
	"strings"
)

// Lists of more than largeList entries (the services, boundaries, units
// and, for a long list, duties pages) are split into pages of pageSize
// entries (the units page into pages of whole trees of units):
// services/ is the first, services/page/2/ the second, and so on. A list
// that fits shows all of it on one page, as it always did. The site-map
// page of a site with more than largeList entries lists each part's pages
// instead of its entries (Page.Sections).
const pageSize = 500

// Paging is where a page of a long list stands among its pages.
type Paging struct {
	Number int        // this page's number, from 1
	First  int        // the number of its first entry, from 1
	Last   int        // the number of its last entry
	Pages  []PageLink // every page of the list, in order
}

// PageLink is one page of a list, for the pager.
type PageLink struct {
	Number  int
	Path    string
	Current bool
}

// pagePath is the path of page n of the list at base ("services/").
func pagePath(base string, n int) string {
	if n == 1 {
		return base
	}
	return base + "page/" + strconv.Itoa(n) + "/"
}

// paginate splits the list page p of n entries into its pages, p being
// the first, and returns the others. With n up to largeList it returns
// none and leaves p as it is.
func paginate(p *Page, n int, add func(*Page, string), about string) {
	var starts []int
	if n > largeList {
		for i := 0; i < n; i += pageSize {
			starts = append(starts, i)
		}
	}
	paginateAt(p, n, starts, add, about)
}

// paginateTree splits the units page p, whose trees of units (a top-level
// unit and the units under it) list every unit of units, into pages of
// whole trees of about pageSize units each (a bigger tree is a page of its
// own) when there are more than largeList units.
func paginateTree(p *Page, units []*Unit, add func(*Page, string), about string) {
	var starts []int
	if len(units) > largeList {
		at := 0 // where the next tree starts, counting units in page order
		for _, u := range units {
			if u.Parent != nil {
				continue
			}
			n := treeSize(u)
			if len(starts) == 0 || at > starts[len(starts)-1] && at-starts[len(starts)-1]+n > pageSize {
				starts = append(starts, at)
			}
			at += n
		}
	}
	paginateAt(p, len(units), starts, add, about)
}

// treeSize counts a unit and the units under it.
func treeSize(u *Unit) int {
	n := 1
	for _, c := range u.Children {
		n += treeSize(c)
	}
	return n
}

// paginateAt splits the list page p of n entries into pages beginning at
// the entries starts (from 0), p being the first, and adds the others.
// With fewer than two pages it leaves p as it is.
func paginateAt(p *Page, n int, starts []int, add func(*Page, string), about string) {
	add(p, about)
	if len(starts) < 2 {
		return
	}
	count := len(starts)
	links := make([]PageLink, count)
	for i := range links {
		links[i] = PageLink{Number: i + 1, Path: pagePath(p.Path, i+1)}
	}
	list := p.Crumbs[len(p.Crumbs)-1]
	for i := range count {
		q := p
		if i > 0 {
			c := *p
			q = &c
			q.Path = links[i].Path
			q.Title = p.Title + "（第" + strconv.Itoa(i+1) + "页）"
			list.Current = false
			q.Crumbs = append(append([]Crumb{}, p.Crumbs[:len(p.Crumbs)-1]...), list, Crumb{Title: "第" + strconv.Itoa(i+1) + "页", Path: q.Path, Current: true})
		}
		pl := append([]PageLink{}, links...)
		pl[i].Current = true
		last := n
		if i+1 < count {
			last = starts[i+1]
		}
		q.Paging = &Paging{Number: i + 1, First: starts[i] + 1, Last: last, Pages: pl}
		if i > 0 {
			add(q, about)
		}
	}
}

// window is the part of a list of n entries a page shows.
func (p *Page) window(n int) (from, to int) {
	if p.Paging == nil {
		return 0, n
	}
	return p.Paging.First - 1, p.Paging.Last
}

// ServiceList is the services the page lists: all, or its page's.
func (p *Page) ServiceList() []*Service {
	from, to := p.window(len(p.Site.Services))
	return p.Site.Services[from:to]
}

// MatterList is the boundary matters the page lists: all, or its page's.
func (p *Page) MatterList() []*Matter {
	from, to := p.window(len(p.Site.Matters))
	return p.Site.Matters[from:to]
}

// UnitList is the top-level units whose trees the units page shows: all,
// or its page's.
func (p *Page) UnitList() []*Unit {
	from, to := p.window(len(p.Site.Units))
	var out []*Unit
	at := 0
	for _, u := range p.Site.Units {
		if u.Parent != nil {
			continue
		}
		if at >= from && at < to {
			out = append(out, u)
		}
		at += treeSize(u)
	}
	return out
}

// DutyList is the duties the page lists: all, or its page's.
func (p *Page) DutyList() []*Duty {
	from, to := p.window(len(p.Site.Duties))
	return p.Site.Duties[from:to]
}

// Section is what the site-map page of a site with more than largeList
// entries shows of one part of the list: its number of entries, and the
// pages of its list when it has several.
type Section struct {
	Key   string // the part's path: "duties", "boundaries", "services", "supervision", "units"
	Count int
	Pages []PageLink
}

// SiteMapSection is the site-map page's Section of the part at key, nil when
// the page has none.
func (p *Page) SiteMapSection(key string) *Section {
	for i := range p.Sections {
		if p.Sections[i].Key == key {
			return &p.Sections[i]
		}
	}
	return nil
}

// sections are the Sections of the site-map page, from the first pages
// of the lists in pages; nil for a site of up to largeList entries, whose
// site map lists them all.
func sections(site *Site, pages []*Page) []Section {
	counts := map[string]int{
		"duties.html": len(site.Duties), "boundaries.html": len(site.Matters), "services.html": len(site.Services),
		"supervision.html": len(site.Systems), "units.html": len(site.Units),
	}
	total := 0
	for _, n := range counts {
		total += n
	}
	if total <= largeList {
		return nil
	}
	var out []Section
	for _, p := range pages {
		n, ok := counts[p.Template]
		if !ok || p.Paging != nil && p.Paging.Number > 1 {
			continue
		}
		sec := Section{Key: strings.TrimSuffix(p.Path, "/"), Count: n}
		if p.Paging != nil {
			sec.Pages = append([]PageLink{}, p.Paging.Pages...)
			sec.Pages[0].Current = false
		}
		out = append(out, sec)
	}
	return out
}
