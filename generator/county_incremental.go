package generator

import (
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"sync"
)

// renderCounty is Render for a county's preview: each department through
// its own Incremental, so that an edit of one department's list renders
// only what it changed there; the county's own pages every time (they are
// few), and its late files (the search index of every department, the
// open data, the sitemaps) kept when deferLate, as for one department.
func (inc *Incremental) renderCounty(site *Site, theme fs.FS, out Keeper, deferLate bool) (int, error) {
	if inc.departments == nil {
		// The last render was of one department's site, or none.
		inc.hashes, inc.names, inc.partials, inc.r = nil, nil, nil, nil
		inc.departments = map[string]*Incremental{}
	}
	// One parsed theme for the county and every department, kept while
	// the theme's files stay the same.
	r, err := (&incrementalRun{inc: inc}).renderer(theme)
	if err != nil {
		inc.departments = nil
		return 0, err
	}
	n, pending := 0, false
	for _, d := range site.County.Departments {
		di := inc.departments[d.ID]
		if di == nil {
			di = &Incremental{Templates: inc.Templates, parent: inc}
			inc.departments[d.ID] = di
		}
		m, err := di.Render(d.Site, theme, prefixKeeper{prefix: d.ID, out: out}, deferLate)
		if err != nil {
			inc.departments = nil // the next Render makes everything again
			return 0, fmt.Errorf("%s: %w", d.Name, err)
		}
		n += m
		pending = pending || di.Pending()
	}
	for id := range inc.departments {
		if site.County.ByID[id] == nil {
			delete(inc.departments, id)
		}
	}
	r.reset(site)
	pages := countyPages(site, r.summary)
	tasks := []func() error{
		func() error { return writeFeed(site, out) },
		func() error { return writeRobots(site, out) },
		func() error { return r.writeStatic(out) },
	}
	for _, p := range pages {
		tasks = append(tasks, func() error { return r.writePage(p, out) })
	}
	late := &namedOutput{out: out}
	if deferLate && inc.countyLate != nil {
		for _, name := range inc.countyLate {
			out.Keep(name)
		}
		pending = true
	} else {
		tasks = append(tasks,
			func() error { return writeCountySearch(site, late) },
			func() error { return writeCountyData(site, late) },
			func() error { return writeCountySitemap(site, pages, late) })
	}
	if err := runTasks(tasks, runtime.GOMAXPROCS(0)); err != nil {
		inc.departments = nil
		return 0, err
	}
	if late.names != nil {
		inc.countyLate = late.names
	}
	inc.pending = pending
	return n + len(tasks), nil
}

// prefixKeeper is a department's part of the preview's site.
type prefixKeeper struct {
	prefix string
	out    Keeper
}

func (p prefixKeeper) WriteFile(name string, data []byte) error {
	return p.out.WriteFile(path.Join(p.prefix, name), data)
}

func (p prefixKeeper) Keep(name string) bool { return p.out.Keep(path.Join(p.prefix, name)) }

// namedOutput passes files on and remembers their names.
type namedOutput struct {
	out   Output
	mu    sync.Mutex
	names []string
}

func (o *namedOutput) WriteFile(name string, data []byte) error {
	if err := o.out.WriteFile(name, data); err != nil {
		return err
	}
	o.mu.Lock()
	o.names = append(o.names, name)
	o.mu.Unlock()
	return nil
}
