package generator

import "strconv"

// Lists of more than largeList entries (the services, boundaries and, for
// a long list, duties pages) are split into pages of pageSize entries:
// services/ is the first, services/page/2/ the second, and so on. A list
// that fits shows all of it on one page, as it always did.
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
	add(p, about)
	if n <= largeList {
		return
	}
	count := (n + pageSize - 1) / pageSize
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
		q.Paging = &Paging{Number: i + 1, First: i*pageSize + 1, Last: min((i+1)*pageSize, n), Pages: pl}
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

// DutyList is the duties the page lists: all, or its page's.
func (p *Page) DutyList() []*Duty {
	from, to := p.window(len(p.Site.Duties))
	return p.Site.Duties[from:to]
}
