package generator

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"runtime"
)

// countyRender is what a county's Incremental keeps between renders: each
// department's own Incremental and what it last rendered.
type countyRender struct {
	departments map[string]*departmentRender // by id
	r           *renderer                    // the renderer of the last Render
	theme       uint64                       // counts the renderers, for the input hashes
	renders     uint64                       // counts the renders
	versions    uint64                       // counts the departments' versions
}

// departmentRender is one department of a county's preview.
type departmentRender struct {
	inc   *Incremental
	site  *Site     // the list it last rendered
	r     *renderer // with this renderer
	links uint64    // and what the county set in it (countySum)
	// version changes whenever site or links do: the county's pages about
	// the department show nothing else of it.
	version uint64
	files   []string // the names in the county's site of the files it made; nil until kept
}

// renderCounty is Render for a county's preview. Each department renders
// through its own Incremental, so that an edit of one department's list
// renders only what it changed there; a department whose list is the one
// it last rendered (the preview's Loader gives the same site for a folder
// whose files did not change) and whose boundaries resolve as they did
// keeps all its files without looking at them. The county's own pages
// have input hashes too (countyRender.hashes): a department's page is made again
// when that department changed, the lists of all departments when any
// did. The late files (the county's search index over every department,
// its open data, the sitemaps) are kept when deferLate, as for one
// department.
func (inc *Incremental) renderCounty(site *Site, theme fs.FS, out Keeper, deferLate bool) (int, error) {
	if inc.county == nil {
		// The last render was of one department's site, or none.
		inc.hashes, inc.names, inc.partials, inc.r = nil, nil, nil, nil
		inc.county = &countyRender{departments: map[string]*departmentRender{}}
	}
	c := inc.county
	run := &incrementalRun{inc: inc, out: out, deferLate: deferLate, keys: map[string]uint64{}, names: map[string][]string{}}
	// One parsed theme for the county and every department, kept while
	// the theme's files stay the same.
	r, err := run.renderer(theme)
	if err != nil {
		inc.county = nil
		return 0, err
	}
	if r != c.r {
		c.r = r
		c.theme++
	}
	c.renders++
	n, pending := 0, false
	for _, d := range site.County.Departments {
		m, err := c.department(inc, d, theme, out, deferLate)
		if err != nil {
			inc.county = nil // the next Render makes everything again
			return 0, fmt.Errorf("%s: %w", d.Name, err)
		}
		n += m
		pending = pending || c.departments[d.ID].inc.Pending()
	}
	for id := range c.departments {
		if site.County.ByID[id] == nil {
			delete(c.departments, id)
		}
	}
	r.reset(site)
	tasks := countyTasks(site, r, countyPages(site, r.summary))
	hash, err := c.hashes(site, theme, inc.Templates, r.summary)
	if err != nil {
		inc.county = nil
		return 0, err
	}
	tasks = run.keepUnchanged(tasks, hash)
	jobs := make([]func() error, len(tasks))
	for i, t := range tasks {
		jobs[i] = func() error { return t.run(run.recorder(t.key, out)) }
	}
	if err := runTasks(jobs, runtime.GOMAXPROCS(0)); err != nil {
		inc.county = nil
		return 0, err
	}
	inc.hashes, inc.names = run.keys, run.names
	inc.pending = pending || run.pending
	return n + len(tasks), nil
}

// department renders department d into its folder of out, or keeps what
// it made last time when nothing it shows changed, and returns the number
// of tasks run.
func (c *countyRender) department(county *Incremental, d *Department, theme fs.FS, out Keeper, deferLate bool) (int, error) {
	dr := c.departments[d.ID]
	if dr == nil {
		dr = &departmentRender{inc: &Incremental{Templates: county.Templates, parent: county}}
		c.departments[d.ID] = dr
	}
	links := countySum(d.Site)
	if dr.site == d.Site && dr.r == c.r && dr.links == links && (deferLate || !dr.inc.Pending()) && dr.keepAll(d.ID, out) {
		return 0, nil
	}
	n, err := dr.inc.Render(d.Site, theme, prefixKeeper{prefix: d.ID, out: out}, deferLate)
	if err != nil {
		return 0, err
	}
	dr.files = nil
	if dr.site != d.Site || dr.links != links || dr.version == 0 {
		c.versions++
		dr.version = c.versions
	}
	dr.site, dr.r, dr.links = d.Site, c.r, links
	return n, nil
}

// keepAll keeps every file the department's last render made or kept
// (in its folder prefix of out), and reports whether out had them all.
func (dr *departmentRender) keepAll(prefix string, out Keeper) bool {
	if dr.files == nil {
		for _, names := range dr.inc.names {
			for _, name := range names {
				dr.files = append(dr.files, path.Join(prefix, name))
			}
		}
	}
	for _, name := range dr.files {
		if !out.Keep(name) {
			return false
		}
	}
	return len(dr.files) > 0
}

// countySum sums what the county sets in a department's list
// (countyInputs).
func countySum(site *Site) uint64 {
	h := inputHasher()
	countyInputs(site, h.str)
	return h.Sum64()
}

// hashes returns the input hash of each of the county's own tasks: a
// department's page shows the county's settings, its counts and date and
// that department; every other page and file may show any department.
// With a theme whose page templates are not known's, whose pages may show
// anything, every task is new at each render (its late files are still
// kept when deferred).
func (c *countyRender) hashes(site *Site, theme, known fs.FS, sum *Summary) (func(task) uint64, error) {
	renders := c.renders
	always := func(task) uint64 { return renders }
	if known == nil {
		return always, nil
	}
	same, err := sameTemplates(theme, known)
	if err != nil || !same {
		return always, err
	}
	g := inputHasher()
	config, err := json.Marshal(site.Config)
	if err != nil {
		return nil, fmt.Errorf("input hash of the configuration: %w", err)
	}
	g.bytes(config)
	cc := site.County
	g.num(c.theme, uint64(cc.Items), uint64(cc.Duties), uint64(cc.Services), uint64(cc.Matters), uint64(cc.Units), uint64(cc.Systems))
	g.time(sum.Updated)
	for _, d := range cc.Departments {
		g.str(d.ID, d.Name, d.ShortName)
	}
	global := g.Sum64()
	a := inputHasher()
	a.num(global)
	for _, d := range cc.Departments {
		a.num(c.departments[d.ID].version)
	}
	all := a.Sum64()
	return func(t task) uint64 {
		switch {
		case t.page != nil && t.page.Department != nil:
			h := inputHasher()
			h.num(global, c.departments[t.page.Department.ID].version)
			return h.Sum64()
		case t.key == "static/", t.key == "robots.txt":
			return global
		}
		return all
	}, nil
}

// inputHasher is a hasher of this process's input hashes.
func inputHasher() *hasher {
	h := &hasher{}
	h.SetSeed(inputSeed)
	return h
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
