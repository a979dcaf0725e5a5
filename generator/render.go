package generator

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Render writes the whole site to out: every HTML page, the theme's
// static files, the open data, the feed, the sitemap, robots.txt and the
// search index. The theme is a file system holding layout.html,
// partials.html, one template file per kind of page and a static/ folder.
//
// Pages are rendered on all cores and each is written as soon as it is
// done, in no particular order, from all of them at once (see Output).
//
// Every link is built from site.Config.Root, so the site works both at a
// domain's root and under a sub-path. Render reads the build clock
// nowhere: the same site and theme always give the same bytes.
func Render(site *Site, theme fs.FS, out Output) error {
	_, err := renderSite(site, theme, out, nil)
	return err
}

// task makes one page, or a group of files made together.
type task struct {
	key  string // the page's file name, or the name of the group
	page *Page  // nil for a group
	// late marks what takes long to make and shows no single item: the
	// search index, the open data, the search and site-map pages and the
	// sitemap. The
	// preview may make them after serving the edited pages.
	late bool
	run  func(Output) error
}

// renderSite renders the site into out. With inc, only what changed since
// inc's last render is made, and the rest is kept (see Incremental). It
// returns the number of tasks run.
func renderSite(site *Site, theme fs.FS, out Output, inc *incrementalRun) (int, error) {
	if site.County != nil {
		return renderCounty(site, theme, out)
	}
	var r *renderer
	var err error
	if inc != nil {
		r, err = inc.renderer(theme)
	} else {
		r, err = newRenderer(theme)
	}
	if err != nil {
		return 0, err
	}
	return renderWith(r, site, out, inc)
}

// renderWith renders the site into out with the parsed theme r, as
// renderSite does.
func renderWith(r *renderer, site *Site, out Output, inc *incrementalRun) (int, error) {
	r.reset(site)
	pages := buildPages(site, r.summary)
	var tasks []task
	if site.Config.County == nil {
		// The search index is the biggest single task; it comes first, and
		// the pages keep the other cores busy meanwhile. A county's
		// department has none: its search page uses the county's.
		tasks = append(tasks, task{key: "search/", late: true, run: func(out Output) error { return writeSearchIndex(site, out) }})
	}
	tasks = append(tasks, []task{
		{key: "data/", late: true, run: func(out Output) error { return writeOpenData(site, out) }},
		{key: "feed.xml", run: func(out Output) error { return writeFeed(site, out) }},
		{key: "sitemap.xml", late: true, run: func(out Output) error { return writeSitemap(site, pages, out) }},
		{key: "robots.txt", run: func(out Output) error { return writeRobots(site, out) }},
		{key: "static/", run: r.writeStatic},
	}...)
	var last []task
	for _, p := range pages {
		t := task{key: p.File(), page: p, late: p.Template == "search.html" || p.Template == "sitemap.html", run: func(out Output) error { return r.writePage(p, out) }}
		if p.Template == "duties.html" {
			// The page of all duties shows every item: it comes last, when
			// the duties' own pages (rendered in parallel) have made
			// each item's HTML.
			last = append(last, t)
			continue
		}
		tasks = append(tasks, t)
	}
	tasks = append(tasks, last...)
	if inc != nil {
		var err error
		tasks, err = inc.plan(r, tasks)
		if err != nil {
			return 0, err
		}
	}
	jobs := make([]func() error, len(tasks))
	for i, t := range tasks {
		jobs[i] = func() error { return t.run(out) }
		if inc != nil {
			jobs[i] = func() error { return t.run(inc.recorder(t.key, out)) }
		}
	}
	if err := runTasks(jobs, runtime.GOMAXPROCS(0)); err != nil {
		return 0, err
	}
	if inc != nil {
		inc.done(r)
	}
	return len(tasks), nil
}

// runTasks runs the tasks on n goroutines and returns the error of the
// first task (in list order) that failed. After a failure no task starts.
func runTasks(tasks []func() error, n int) error {
	var (
		next     atomic.Int64
		failed   atomic.Bool
		mu       sync.Mutex
		firstErr error
		firstAt  = len(tasks)
		wg       sync.WaitGroup
	)
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !failed.Load() {
				i := int(next.Add(1) - 1)
				if i >= len(tasks) {
					return
				}
				if err := tasks[i](); err != nil {
					mu.Lock()
					if i < firstAt {
						firstErr, firstAt = err, i
					}
					mu.Unlock()
					failed.Store(true)
				}
			}
		}()
	}
	wg.Wait()
	return firstErr
}

// writePage renders one page and writes it.
func (r *renderer) writePage(p *Page, out Output) error {
	data, err := r.page(p)
	if err != nil {
		return err
	}
	if err := out.WriteFile(p.File(), data); err != nil {
		return fmt.Errorf("write %s: %w", p.File(), err)
	}
	return nil
}

// writeStatic writes the theme's static files.
func (r *renderer) writeStatic(out Output) error {
	for name, data := range r.static {
		if err := out.WriteFile(name, data); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
	}
	return nil
}

// renderer holds what is prepared once per theme (the parsed templates,
// the static files) and once per Render (the site, its summary and the
// cached partials' output). The preview keeps its renderer from one
// Render to the next while the theme stays the same.
type renderer struct {
	site      *Site
	theme     fs.FS
	summary   *Summary
	templates map[string]*template.Template // by page template file
	static    map[string][]byte             // output name -> content
	versions  map[string]string             // static file -> content hash, for cache busting

	// partials runs the theme's cachedPartials, each once per argument
	// (see cached); partialHTML holds their output by partialKey.
	partials    *template.Template
	partialHTML sync.Map
	// prev finds a cached partial's output in the preview's previous
	// render; it never finds one in a plain Render.
	prev func(name string, arg any) (template.HTML, bool)
}

// pageTemplates are the theme files that each define one kind of page.
var pageTemplates = []string{
	"home.html", "duties.html", "duty.html", "units.html", "unit.html",
	"boundaries.html", "matter.html", "services.html", "service.html",
	"supervision.html", "system.html", "search.html", "data.html",
	"accessibility.html", "contact.html", "sitemap.html", "404.html", "removed.html", "changes.html",
	"county.html", "county-units.html", "county-department.html", "county-duties.html",
	"county-boundaries.html", "county-services.html", "county-supervision.html", "county-search.html",
	"county-contact.html", "county-sitemap.html",
}

// newRenderer parses the theme. Call reset before rendering a site.
func newRenderer(theme fs.FS) (*renderer, error) {
	r := &renderer{
		theme:     theme,
		templates: map[string]*template.Template{},
		static:    map[string][]byte{},
		versions:  map[string]string{},
	}
	err := fs.WalkDir(theme, "static", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(theme, name)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		r.static[name] = data
		r.versions[name] = hex.EncodeToString(sum[:4])
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("theme: read static files: %w", err)
	}
	base, err := template.New("").Funcs(r.funcs()).ParseFS(theme, "layout.html", "partials.html")
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	// Every call of a cached partial, from a page or from another partial,
	// goes through cached, which runs the theme's own template, kept under
	// another name (ownPartial).
	for _, name := range cachedPartials {
		t := base.Lookup(name)
		if t == nil {
			continue
		}
		_, err := base.AddParseTree(ownPartial(name), t.Tree.Copy())
		if err == nil {
			_, err = base.Parse(`{{define "` + name + `"}}{{cached "` + name + `" .}}{{end}}`)
		}
		if err != nil {
			return nil, fmt.Errorf("theme: %w", err)
		}
	}
	if r.partials, err = base.Clone(); err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	for _, name := range pageTemplates {
		t, err := base.Clone()
		if err == nil {
			t, err = t.ParseFS(theme, name)
		}
		if err != nil {
			return nil, fmt.Errorf("theme: %w", err)
		}
		r.templates[name] = t
	}
	return r, nil
}

// page executes one page's template.
func (r *renderer) page(p *Page) ([]byte, error) {
	// Scripts the theme does not have are left out rather than linked.
	var scripts []string
	for _, s := range p.Scripts {
		if _, ok := r.static[s]; ok {
			scripts = append(scripts, s)
		}
	}
	p.Scripts = scripts
	b := pageBuffers.Get().(*bytes.Buffer)
	defer pageBuffers.Put(b)
	b.Reset()
	if err := r.templates[p.Template].ExecuteTemplate(b, "layout", p); err != nil {
		return nil, fmt.Errorf("render %s with theme file %s: %w", p.File(), p.Template, err)
	}
	return bytes.Clone(b.Bytes()), nil
}

// pageBuffers hold pages while their templates run. A page grows its
// buffer a little at a time; a buffer that already grew for earlier pages
// saves that, and the page is then copied out at its exact size.
var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// cachedPartials are the theme's partials that the generator runs once
// per distinct argument in a Render, reusing the output on every page
// that calls them with the same value: a work item (the duties page, its
// duty's page and its units' pages all list it), a duty's section of the
// duties page, the site (parts of the head, the footer), a page's
// navigation state (the header) and its part (the 信息公开 block). The
// preview also reuses the items' and duties' output of its last render
// for those whose data did not change. A partial
// sees only its argument, and the model does not change while a site is
// rendered, so the output depends on nothing else.
var cachedPartials = []string{"item", "duty", "site-meta", "site-links", "header", "footer", "pubinfo"}

// partialKey names one output of a cached partial.
type partialKey struct {
	name string
	arg  any
}

// cached is the theme's partial name for arg, run only the first time it
// is asked for. The partials are called in HTML text, where their output
// goes in as it is.
func (r *renderer) cached(name string, arg any) (template.HTML, error) {
	if arg != nil && !reflect.TypeOf(arg).Comparable() {
		return r.runPartial(name, ownPartial(name), arg)
	}
	key := partialKey{name, arg}
	if h, ok := r.partialHTML.Load(key); ok {
		return h.(template.HTML), nil
	}
	if h, ok := r.prev(name, arg); ok {
		r.partialHTML.Store(key, h)
		return h, nil
	}
	h, err := r.runPartial(name, ownPartial(name), arg)
	if err != nil {
		return "", err
	}
	r.partialHTML.Store(key, h)
	return h, nil
}

// each runs the theme's partial name for every element of list and joins
// the outputs, each after a line break: {{each "item" .Items}} makes what
// {{range .Items}}⏎{{template "item" .}}{{end}} makes, with one call. Any
// partial of the theme may be named; those of cachedPartials are made once
// per value.
func (r *renderer) each(name string, list any) (template.HTML, error) {
	run := r.cached
	if !slices.Contains(cachedPartials, name) {
		run = func(name string, arg any) (template.HTML, error) { return r.runPartial(name, name, arg) }
	}
	v := reflect.ValueOf(list)
	if v.Kind() != reflect.Slice {
		return "", fmt.Errorf("each %q: want a list, got %T", name, list)
	}
	parts := make([]template.HTML, v.Len())
	size := 0
	for i := range parts {
		h, err := run(name, v.Index(i).Interface())
		if err != nil {
			return "", err
		}
		parts[i] = h
		size += 1 + len(h)
	}
	var b strings.Builder
	b.Grow(size)
	for _, h := range parts {
		b.WriteByte('\n')
		b.WriteString(string(h))
	}
	return template.HTML(b.String()), nil
}

// ownPartial is the name the theme's own template of a cached partial is
// kept under.
func ownPartial(name string) string { return "qingdan-own-" + name }

// runPartial runs the theme's partial name, kept under the template name
// tmpl (ownPartial for the cached ones).
func (r *renderer) runPartial(name, tmpl string, arg any) (template.HTML, error) {
	if r.partials.Lookup(tmpl) == nil {
		return "", fmt.Errorf("the theme defines no partial %q; the default theme has it in partials.html", name)
	}
	var b strings.Builder
	if err := r.partials.ExecuteTemplate(&b, tmpl, arg); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

// reset makes r render site, forgetting the output of the last Render.
func (r *renderer) reset(site *Site) {
	r.site = site
	r.summary = summarize(site)
	r.partialHTML.Clear()
	r.prev = func(string, any) (template.HTML, bool) { return "", false }
}

// funcs are the theme's functions. They read the site's configuration
// when called, so that a renderer serves one site after another.
func (r *renderer) funcs() template.FuncMap {
	c := func() *Settings { return &r.site.Config }
	return template.FuncMap{
		"cached": r.cached,
		"each":   r.each,
		// link is the site-absolute URL of a site-relative path.
		"link": func(p string) string { return c().Root + p },
		// abs is the absolute URL of a site-relative path.
		"abs": func(p string) string { return c().BaseURL + p },
		// asset links a static file with its content hash, so that
		// browsers and CDNs fetch it again exactly when it changes.
		"asset": func(p string) string {
			if v, ok := r.versions[p]; ok {
				return c().Root + p + "?v=" + v
			}
			return c().Root + p
		},
		// tel is the tel: URL of a local phone number.
		"tel": func(phone string) template.URL {
			return template.URL("tel:" + intlPhone(c().Org.AreaCode, phone))
		},
		// phone hashes a local phone number with its area code.
		"phone": func(phone string) string { return localPhone(c().Org.AreaCode, phone) },
		"date":  func(t time.Time) string { return t.Format("2006-01-02") },
		// cndate hashes a date the Chinese way: 2026年11月28日.
		"cndate": func(t time.Time) string { return t.Format("2006年1月2日") },
		// pubdate is the gov.cn PubDate format.
		"pubdate": func(t time.Time) string { return t.Format("2006-01-02 15:04") },
		// unitkeys lists the ids of an item's units and of the units above
		// them, for the unit filter of the 部门职责 page.
		"unitkeys": func(it *Item) string {
			if len(it.Units) == 0 {
				return unassignedKey
			}
			var ids []string
			for _, u := range lineage(it.Units) {
				ids = append(ids, u.ID)
			}
			return strings.Join(ids, " ")
		},
		"depth": func(u *Unit) int {
			n := 0
			for p := u.Parent; p != nil; p = p.Parent {
				n++
			}
			return n
		},
		"sitepath": sitePath,
	}
}

// unassignedKey is the unit filter's key for items without a unit.
const unassignedKey = "none"

// intlPhone writes a phone number for tel: links and JSON-LD:
// "+86-319-7631779". Numbers may be local ("7631779"), carry their area
// code ("0319-7631779") or be mobile ("13912345678").
func intlPhone(areaCode, phone string) string {
	d := digits(phone)
	switch {
	case len(d) == 11 && d[0] == '1':
		return "+86-" + d
	case strings.HasPrefix(d, "0") && len(d) > 8:
		a := strings.TrimPrefix(areaCode, "0")
		if a != "" && strings.HasPrefix(d[1:], a) {
			return "+86-" + a + "-" + d[1+len(a):]
		}
		return "+86-" + d[1:]
	case areaCode != "":
		return "+86-" + strings.TrimPrefix(areaCode, "0") + "-" + d
	}
	return d
}

// localPhone hashes a phone number as people dial it in China:
// "0319-7631779".
func localPhone(areaCode, phone string) string {
	d := digits(phone)
	if areaCode == "" || strings.HasPrefix(d, "0") || (len(d) == 11 && d[0] == '1') {
		return strings.TrimSpace(phone)
	}
	return areaCode + "-" + d
}

func digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
