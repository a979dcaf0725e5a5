package generator

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"sync"
)

// Incremental renders one site again and again, as the preview server does
// after each saved edit, and makes only what the edit changed.
//
// Every page has an input hash of the model data it shows (see
// inputHashes): a page whose input hash is the same as at the last Render
// is not rendered again but kept from the site being replaced, through
// Keeper.Keep. So an edit to one work item renders its duty's page, the
// pages of its units and the few pages that list every item, and keeps the
// thousands of others. A work item's own HTML is reused across renders too.
//
// The inputHashes describe the pages of one set of page templates,
// Templates; a theme whose templates differ renders every page each time.
// An Incremental is not safe for concurrent use; the preview renders one
// build at a time.
type Incremental struct {
	// Templates is the theme whose page templates (*.html) the
	// inputHashes describe: the default theme (themes.Default()). Nil
	// renders every page each time.
	Templates fs.FS

	hashes   map[string]uint64             // task key -> hash of its inputs at the last Render
	names    map[string][]string           // task key -> the files it made
	partials map[partialHash]template.HTML // the output of cached partials of items and duties
	// r is the last Render's renderer, made from the theme files
	// themeFiles; Render uses it again while they stay the same.
	r          *renderer
	themeFiles map[string][]byte
	pending    bool // late files were kept although their inputs changed

	county *countyRender // for a county: its departments' (county_incremental.go)
	parent *Incremental  // the county's, for a department's
}

// Keeper is an Output that can carry a file of the site it replaces into
// the new site unchanged, such as output.Memory.
type Keeper interface {
	Output
	// Keep adds the current site's file name to the new site as it is,
	// and reports whether there was such a file.
	Keep(name string) bool
}

// Render writes into out what changed since the last Render and keeps
// the rest; the result is the same site as Render(site, theme, out) would
// make. With deferLate what takes long to make and shows no single item
// (the search index, the open data, the search page and the sitemap) is
// kept as it was even when the content changed, so that the edited pages
// are served sooner; Pending then reports true until a Render without
// deferLate makes them. Render returns the number of pages and file
// groups it made.
//
// When Render fails, call it again only after out dropped what was
// written (output.Memory.Discard): the next Render compares with the last
// one that succeeded.
func (inc *Incremental) Render(site *Site, theme fs.FS, out Keeper, deferLate bool) (int, error) {
	if site.County != nil {
		return inc.renderCounty(site, theme, out, deferLate)
	}
	inc.county = nil
	return renderSite(site, theme, out, &incrementalRun{inc: inc, out: out, deferLate: deferLate})
}

// Pending reports whether the last Render kept late files (see Render)
// that are out of date.
func (inc *Incremental) Pending() bool { return inc.pending }

// incrementalRun is the state of one Incremental.Render.
type incrementalRun struct {
	inc       *Incremental
	out       Keeper
	deferLate bool
	hashes    *inputHashes // nil when every task runs (a theme other than the default)
	pending   bool

	mu     sync.Mutex
	keys   map[string]uint64   // task key -> input hash, for the next Render
	names  map[string][]string // task key -> files made or kept
	itemOf map[uint64]template.HTML
}

// renderer returns the last Render's renderer when theme holds the same
// files, and a new one otherwise.
func (run *incrementalRun) renderer(theme fs.FS) (*renderer, error) {
	inc := run.inc
	if inc.parent != nil {
		// A county's department: the county's renderer, made for this
		// theme before the departments render (renderCounty).
		return inc.parent.r, nil
	}
	files, err := readFiles(theme)
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	if inc.r != nil && maps.EqualFunc(files, inc.themeFiles, bytes.Equal) {
		return inc.r, nil
	}
	r, err := newRenderer(theme)
	if err != nil {
		return nil, err
	}
	inc.r, inc.themeFiles = r, files
	return r, nil
}

// readFiles reads every file of fsys.
func readFiles(fsys fs.FS) (map[string][]byte, error) {
	files := map[string][]byte{}
	err := eachFile(fsys, func(name string, data []byte) error {
		files[name] = data
		return nil
	})
	return files, err
}

// eachFile calls f with the name and content of every file of fsys, in
// lexical order, until it fails.
func eachFile(fsys fs.FS, f func(name string, data []byte) error) error {
	return fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		return f(name, data)
	})
}

// plan returns the tasks that must run, and keeps the files of the others.
func (run *incrementalRun) plan(r *renderer, tasks []task) ([]task, error) {
	run.keys = map[string]uint64{}
	run.names = map[string][]string{}
	hashes, err := hashInputs(r, run.inc.Templates)
	if err != nil {
		return nil, err
	}
	if hashes == nil {
		return tasks, nil
	}
	run.hashes = hashes
	inc := run.inc
	r.prev = func(name string, arg any) (template.HTML, bool) {
		hash, ok := hashes.of(arg)
		if !ok {
			return "", false
		}
		h, ok := inc.partials[partialHash{name, hash}]
		return h, ok
	}
	return run.keepUnchanged(tasks, hashes.task), nil
}

// keepUnchanged returns the tasks whose input hash changed since the last
// Render, and keeps the files of the others.
func (run *incrementalRun) keepUnchanged(tasks []task, inputHash func(task) uint64) []task {
	var todo []task
	for _, t := range tasks {
		hash := inputHash(t)
		old, seen := run.inc.hashes[t.key]
		switch {
		case seen && old == hash && run.keep(t.key):
			run.keys[t.key] = hash
		case t.late && run.deferLate && run.keep(t.key):
			// Kept although out of date: no input hash, so that the next
			// Render without deferLate makes it.
			run.pending = true
		default:
			run.keys[t.key] = hash
			todo = append(todo, t)
		}
	}
	return todo
}

// keep carries the files of the last Render's task key into the new site.
func (run *incrementalRun) keep(key string) bool {
	names := run.inc.names[key]
	if len(names) == 0 {
		return false
	}
	for _, name := range names {
		if !run.out.Keep(name) {
			return false
		}
	}
	run.names[key] = names
	return true
}

// recorder passes the files of task key on to out and notes their names.
func (run *incrementalRun) recorder(key string, out Output) Output {
	return recordingOutput{run: run, key: key, out: out}
}

type recordingOutput struct {
	run *incrementalRun
	key string
	out Output
}

func (o recordingOutput) WriteFile(name string, data []byte) error {
	if err := o.out.WriteFile(name, data); err != nil {
		return err
	}
	o.run.mu.Lock()
	o.run.names[o.key] = append(o.run.names[o.key], name)
	o.run.mu.Unlock()
	return nil
}

// partialHash names a cached partial's output by the input hash of its
// argument, which stays the same across renders while its data does.
type partialHash struct {
	name string
	hash uint64
}

// done makes this run's inputHashes, files and partials' output the ones
// the next Render compares with.
func (run *incrementalRun) done(r *renderer) {
	inc := run.inc
	inc.hashes, inc.names, inc.pending = run.keys, run.names, run.pending
	if run.hashes == nil {
		inc.hashes, inc.partials = nil, nil
		return
	}
	partials := map[partialHash]template.HTML{}
	// Kept pages ran no partials: what they show is carried over.
	carry := func(name string, hash uint64) {
		k := partialHash{name, hash}
		if h, ok := inc.partials[k]; ok {
			partials[k] = h
		}
	}
	for _, hash := range run.hashes.items {
		carry("item", hash)
	}
	for _, hash := range run.hashes.duty {
		carry("duty", hash)
	}
	r.partialHTML.Range(func(k, h any) bool {
		key := k.(partialKey)
		if hash, ok := run.hashes.of(key.arg); ok {
			partials[partialHash{key.name, hash}] = h.(template.HTML)
		}
		return true
	})
	inc.partials = partials
}
