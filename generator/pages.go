package generator

import (
	"html/template"
	"strings"
	"time"
	"unicode/utf8"
)

// Page is what one template execution sees: the whole site, the summary
// shared by all pages, and what this page is about; the theme's "layout"
// is executed with it (see the package comment). Pages are built before
// any template runs, so rendering a page depends on nothing but its page.
type Page struct {
	Site *Site    // the whole list
	Sum  *Summary // counts and lists every page may show

	Template string // theme file that defines the page's "content"
	Path     string // site-relative URL path: "" (home), "duties/01/", "404.html"
	Title    string // the page's own title; empty on the home page
	about    string // what the page is about, shortened into its Description
	Section  string // the main-navigation entry the page belongs to
	Crumbs   []Crumb
	Part     *Part      // 信息公开 block; nil on pages outside the four parts
	Updated  time.Time  // shown as 最后更新
	Scripts  []string   // theme files loaded with defer on this page only
	NoIndex  bool       // keep search engines away (404)
	OpenData []DataFile // the open-data files, on the /data/ page

	// What the page is about, on the page of one duty, unit, matter,
	// service or system; nil on every other page.
	Duty    *Duty
	Unit    *UnitView
	Matter  *Matter
	Service *Service
	System  *System
	Removed *Removed // a tombstone's entry

	// Department is the department of a county's page about one.
	Department *Department
	// Paging is set on the pages of a list too long for one (paging.go).
	Paging *Paging
	// Sections are set on the site-map page of a site with more than
	// 1,000 entries, which lists each part's pages instead of its
	// entries (Page.SiteMapSection finds one by its key).
	Sections []Section
}

// Crumb is one step of the breadcrumbs.
type Crumb struct {
	Title   string
	Path    string
	Current bool // the page itself, the last step
}

// NavItem is one entry of the main navigation.
type NavItem struct {
	Title   string
	Path    string
	Section string
	Current string // aria-current: "page" on that page, "true" within its section
}

// navigation is the main navigation, the same on every page.
var navigation = []NavItem{
	{Title: "首页", Path: "", Section: sectionHome},
	{Title: "部门职责", Path: PartDuties + "/", Section: PartDuties},
	{Title: "职责边界", Path: PartBoundaries + "/", Section: PartBoundaries},
	{Title: "公共服务", Path: PartServices + "/", Section: PartServices},
	{Title: "监督管理制度", Path: PartSupervision + "/", Section: PartSupervision},
	{Title: "股室单位", Path: sectionUnits + "/", Section: sectionUnits},
	{Title: "搜索", Path: sectionSearch + "/", Section: sectionSearch},
}

// NavState is what the main navigation shows of a page: the section it
// is in, and whether it is that section's own page. The default theme's
// "header" partial is called with it.
type NavState struct {
	Site    *Site
	Section string
	Here    int // the index in navigation of the page itself, or -1
}

// Header is the page's navigation state.
func (p *Page) Header() NavState {
	h := NavState{Site: p.Site, Section: p.Section, Here: -1}
	for i, n := range h.items() {
		if n.Path == p.Path {
			h.Here = i
		}
	}
	return h
}

// items is the navigation of the site: a county's own, or a list's.
func (h NavState) items() []NavItem {
	if h.Site.County != nil {
		return countyNavigation
	}
	return navigation
}

// Nav is the main navigation with the page's own entry marked.
func (h NavState) Nav() []NavItem {
	items := h.items()
	nav := make([]NavItem, len(items))
	for i, n := range items {
		switch {
		case i == h.Here:
			n.Current = "page"
		case n.Section == h.Section:
			n.Current = "true"
		}
		nav[i] = n
	}
	return nav
}

// PubInfo is what the 信息公开 block shows: the part a page belongs to,
// with the publisher named in the site's configuration.
type PubInfo struct {
	Site *Site
	Part *Part
}

// PubInfo is the page's 信息公开 block; the theme shows it when Part is
// not nil.
func (p *Page) PubInfo() PubInfo { return PubInfo{Site: p.Site, Part: p.Part} }

// File is the name of the file the page is written to.
func (p *Page) File() string {
	if p.Path == "" || strings.HasSuffix(p.Path, "/") {
		return p.Path + "index.html"
	}
	return p.Path
}

// Summary holds what every page may show about the site as a whole,
// derived once from the site.
type Summary struct {
	Duties, Items, Matters, Services, Systems int

	Updated    time.Time // newest date in the content
	Unassigned []*Item   // items whose source names no responsible unit
	Views      map[*Unit]*UnitView
	orgLD      string // the bureau's JSON-LD, on every page
}

// largeList is the number of work items above which the duties page lists
// the duties without their items, and the search page's index for readers
// without JavaScript links the lists instead of repeating them: a county's
// list has a few hundred items, and a province's tens of thousands would
// make those two pages tens of megabytes, too much for a phone. The
// items are then on their duties' and units' pages.
const largeList = 1000

// Large reports whether the list is too long to show on one page.
func (s *Summary) Large() bool { return isLarge(s.Items) }

// isLarge reports whether a list of n work items is too long to show on
// one page.
func isLarge(n int) bool { return n > largeList }

// itemCount is the number of work items of the site.
func itemCount(site *Site) int {
	n := 0
	for _, d := range site.Duties {
		n += len(d.Items)
	}
	return n
}

// UnitView is a unit with what its page lists: the work items and
// services of the unit and of the units under it, in list order.
type UnitView struct {
	*Unit
	Groups   []ItemGroup
	Services []*Service
}

// ItemGroup is some items of one duty.
type ItemGroup struct {
	Duty  *Duty
	Items []*Item
}

func summarize(site *Site) *Summary {
	s := &Summary{
		Duties:   len(site.Duties),
		Items:    itemCount(site),
		Matters:  len(site.Matters),
		Services: len(site.Services),
		Systems:  len(site.Systems),
		Views:    map[*Unit]*UnitView{},
		Updated:  lastUpdated(site),
		orgLD:    marshalLD(organization(site)),
	}
	for _, u := range site.Units {
		s.Views[u] = &UnitView{Unit: u}
	}
	for _, d := range site.Duties {
		for _, it := range d.Items {
			if len(it.Units) == 0 {
				s.Unassigned = append(s.Unassigned, it)
			}
			for _, u := range lineage(it.Units) {
				v := s.Views[u]
				if n := len(v.Groups); n > 0 && v.Groups[n-1].Duty == d {
					v.Groups[n-1].Items = append(v.Groups[n-1].Items, it)
				} else {
					v.Groups = append(v.Groups, ItemGroup{Duty: d, Items: []*Item{it}})
				}
			}
		}
	}
	for _, sv := range site.Services {
		for _, u := range lineage(sv.Units) {
			s.Views[u].Services = append(s.Views[u].Services, sv)
		}
	}
	return s
}

// lineage returns units and all the units above them, each once, in the
// order met.
func lineage(units []*Unit) []*Unit {
	var all []*Unit
	seen := map[*Unit]bool{}
	for _, u := range units {
		for ; u != nil && !seen[u]; u = u.Parent {
			seen[u] = true
			all = append(all, u)
		}
	}
	return all
}

// lastUpdated is the newest date in the content: of a part or a change.
func lastUpdated(site *Site) time.Time {
	var t time.Time
	for _, p := range site.Parts {
		if p.Updated.After(t) {
			t = p.Updated
		}
	}
	for _, c := range site.Changes {
		if c.Date.After(t) {
			t = c.Date
		}
	}
	return t
}

// Main-navigation sections that are not parts of the list.
const (
	sectionHome   = "home"
	sectionUnits  = "units"
	sectionSearch = "search"
	sectionData   = "data"
	sectionAbout  = "about"
	// sectionChanges is the 更新记录 page's URL segment.
	sectionChanges = "changes"
)

// removedParts is the section a tombstone of each kind belongs to.
var removedParts = map[string]string{
	KindUnit: sectionUnits, KindDuty: PartDuties, KindMatter: PartBoundaries,
	KindService: PartServices, KindSystem: PartSupervision,
}

// removedTitle is a tombstone page's title.
func removedTitle(r *Removed) string {
	if r.Title != "" {
		return excerpt(r.Title, 40) + "（已不在清单中）"
	}
	return r.KindTitle() + " " + r.ID + "（已不在清单中）"
}

// buildPages lists every HTML page of the site, in a stable order:
// sitePages, with what the summary adds to each.
func buildPages(site *Site, summary *Summary) []*Page {
	pages := sitePages(site)
	for _, p := range pages {
		p.Sum = summary
		if p.Part == nil {
			p.Updated = summary.Updated
		}
		if p.Unit != nil {
			p.Unit = summary.Views[p.Unit.Unit]
		}
	}
	return pages
}

// sitePages lists every HTML page of the site, in a stable order, as the
// model alone makes them: every field but the summary (Sum), the date of
// pages outside the four parts (Updated) and the items and services of a
// unit's page (Page.Unit is the unit alone), which buildPages adds. Its
// paths are those a change may link to (validator.changeLinks).
func sitePages(site *Site) []*Page {
	large := isLarge(itemCount(site))
	home := Crumb{Title: "首页"}
	newPage := func(tmpl, path, title, section string, part *Part, parents ...Crumb) *Page {
		p := &Page{
			Site:     site,
			Template: tmpl,
			Path:     path,
			Title:    title,
			Section:  section,
			Part:     part,
		}
		if part != nil {
			p.Updated = part.Updated
		}
		if path != "" {
			p.Crumbs = append(append([]Crumb{home}, parents...), Crumb{title, path, true})
		}
		return p
	}
	part := func(key string) *Part { return site.Parts[key] }
	// partCrumb links a part's list page, titled as the content titles the
	// part, or by default.
	partCrumb := func(key string) Crumb {
		c := Crumb{Title: partTitles[key], Path: key + "/"}
		if p := part(key); p != nil && p.Title != "" {
			c.Title = p.Title
		}
		return c
	}

	var pages []*Page
	add := func(p *Page, description string) {
		p.about = description
		pages = append(pages, p)
	}

	p := newPage("home.html", "", "", sectionHome, nil)
	add(p, site.Config.Description)

	duties := partCrumb(PartDuties)
	p = newPage("duties.html", duties.Path, duties.Title, PartDuties, part(PartDuties))
	p.Scripts = []string{"static/filter.js"}
	dutyEntries := 0 // the duties page lists the duties only when the list is large
	if large {
		dutyEntries = len(site.Duties)
	}
	paginate(p, dutyEntries, add, "本局的主要职责和具体工作事项，以及每个事项的责任股室。")
	for _, d := range site.Duties {
		p = newPage("duty.html", d.Path(), d.Title, PartDuties, part(PartDuties), duties)
		p.Duty = d
		add(p, d.Text)
	}

	units := Crumb{Title: "股室单位", Path: sectionUnits + "/"}
	p = newPage("units.html", units.Path, units.Title, sectionUnits, nil)
	paginateTree(p, site.Units, add, "本局内设股室和下属单位：各自负责的工作事项、承办的公共服务和联系电话。")
	for _, u := range site.Units {
		p = newPage("unit.html", u.Path(), u.Name, sectionUnits, nil, units)
		p.Unit = &UnitView{Unit: u}
		add(p, u.Name+"负责的工作事项、承办的公共服务和联系电话。"+u.Description)
	}

	boundaries := partCrumb(PartBoundaries)
	p = newPage("boundaries.html", boundaries.Path, boundaries.Title, PartBoundaries, part(PartBoundaries))
	paginate(p, len(site.Matters), add, "本局与相关部门共同承担的管理事项：各部门的职责分工、相关依据和案例。")
	for _, m := range site.Matters {
		p = newPage("matter.html", m.Path(), m.Title, PartBoundaries, part(PartBoundaries), boundaries)
		p.Matter = m
		add(p, m.Title+"：相关部门的职责分工、相关依据和案例。")
	}

	services := partCrumb(PartServices)
	p = newPage("services.html", services.Path, services.Title, PartServices, part(PartServices))
	paginate(p, len(site.Services), add, "本局提供的公共服务事项：主要内容、承办单位和联系电话。")
	for _, s := range site.Services {
		p = newPage("service.html", s.Path(), s.Name, PartServices, part(PartServices), services)
		p.Service = s
		add(p, s.Content)
	}

	supervision := partCrumb(PartSupervision)
	p = newPage("supervision.html", supervision.Path, supervision.Title, PartSupervision, part(PartSupervision))
	add(p, "本局的事中事后监督管理制度。")
	for _, s := range site.Systems {
		p = newPage("system.html", s.Path(), s.Title, PartSupervision, part(PartSupervision), supervision)
		p.System = s
		add(p, s.Summary)
	}

	for _, r := range site.Removed {
		key := removedParts[r.Kind]
		parent := units
		if key != sectionUnits {
			parent = partCrumb(key)
		}
		p = newPage("removed.html", r.Page(), removedTitle(r), key, part(key), parent)
		p.Removed = r
		add(p, r.KindTitle()+" "+r.ID+"已不在清单中："+r.Title)
	}

	p = newPage("changes.html", sectionChanges+"/", "更新记录", sectionAbout, nil)
	add(p, "责任清单的每次调整：日期、依据的文件和涉及的条目。")

	p = newPage("search.html", sectionSearch+"/", "站内搜索", sectionSearch, nil)
	p.Scripts = []string{"static/search.js"}
	if large {
		add(p, "搜索责任清单的全部内容；不使用脚本时，本页列出清单各部分的目录。")
	} else {
		add(p, "搜索责任清单的全部内容；不使用脚本时，本页列出按责任单位排列的全部工作事项。")
	}

	p = newPage("data.html", sectionData+"/", "开放数据", sectionData, nil)
	p.OpenData = openDataFiles
	add(p, "责任清单的开放数据：JSON 和 CSV 格式的下载文件及字段说明。")

	p = newPage("accessibility.html", "accessibility/", "无障碍声明", sectionAbout, nil)
	add(p, "本网站的无障碍和适老化设计说明。")

	p = newPage("contact.html", "contact/", "联系我们", sectionAbout, nil)
	add(p, site.Config.Org.Name+"的地址、电话、电子邮箱，以及各股室和单位的联系电话。")

	p = newPage("sitemap.html", "sitemap/", "网站地图", sectionAbout, nil)
	p.Sections = sections(site, pages)
	add(p, "本网站全部栏目和页面的目录。")

	p = newPage("404.html", "404.html", "页面未找到", "", nil)
	p.NoIndex = true
	add(p, "您访问的页面不存在。")
	return pages
}

// partTitles names the parts when the content gives no title.
var partTitles = map[string]string{
	PartDuties:      "部门职责",
	PartBoundaries:  "职责边界",
	PartServices:    "公共服务事项",
	PartSupervision: "事中事后监督管理制度",
}

// HeadTitle is the page's <title>: the page, the part it belongs to, the site.
func (p *Page) HeadTitle() string {
	parts := []string{}
	if p.Title != "" {
		parts = append(parts, p.Title)
	}
	if len(p.Crumbs) > 2 {
		parts = append(parts, p.Crumbs[1].Title)
	}
	return strings.Join(append(parts, p.Site.Config.Title), " - ")
}

// excerpt shortens s to at most n characters, ending with an ellipsis
// when it cut.
func excerpt(s string, n int) string {
	s = strings.TrimSpace(s)
	chars := 0
	for i := range s {
		if chars == n-1 && utf8.RuneCountInString(s[i:]) > 1 {
			return s[:i] + "…"
		}
		chars++
	}
	return s
}

// Description is the page's meta description: what it is about, in at
// most 120 characters.
func (p *Page) Description() string { return excerpt(p.about, 120) }

// JSONLD is the content of the page's <script type="application/ld+json">:
// the bureau, and on a service's page the service.
func (p *Page) JSONLD() template.JS {
	if p.Service != nil {
		return ldArray(p.Sum.orgLD, marshalLD(governmentService(p.Site, p.Service)))
	}
	return ldArray(p.Sum.orgLD)
}
