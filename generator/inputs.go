package generator

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"io/fs"
	"path"
	"reflect"
	"time"
)

// inputHashes sum the model data each page and file shows, for
// Incremental: when a page's sum is the same as at the last render, so
// are its bytes. The sums are of model values walked by reflection
// (modelsum.go), so no field can be left out by hand:
//
//   - global: what every page may show: the theme's files, and every
//     field of the Site and its Summary but those holding what a page is
//     about (the types of Page's fields about one entry: Site.Duties,
//     Matters, Services, Systems, Removed and Summary.Views), with the
//     entries the Site names (its units, the adjustments of its changes)
//     by their own fields and those the Summary lists by identity;
//   - a page: global and every field of its Page, by content (its Duty,
//     Unit, Matter, Service, System or Removed, its Part, Crumbs and
//     Paging), and what its template reads of the held-out lists of the
//     Site (readsOfSite);
//   - a work item's or a duty's cached partial: global and its content;
//   - the search index, the open data and the sitemap: all, global and
//     the content of every held-out list; the feed, robots.txt and the
//     static files: global.
type inputHashes struct {
	seed   *hasher
	global uint64
	all    uint64
	// the content of each held-out list of the site, for the pages
	// that list all of it
	duties, services, matters, systems uint64

	sums *modelSums
	// each item and duty, for their cached partials: global and content
	items map[*Item]uint64
	duty  map[*Duty]uint64
}

// inputSeed is the seed of every input hash of this process: sums are
// compared only within one preview server.
var inputSeed = maphash.MakeSeed()

// pageSubjects are the types of the Page fields that say what a page is
// about (a struct with an ID: Duty, UnitView, Matter, Service, System,
// Removed, Department).
var pageSubjects = func() map[reflect.Type]bool {
	subjects := map[reflect.Type]bool{}
	t := reflect.TypeFor[Page]()
	for i := range t.NumField() {
		if f := t.Field(i).Type; f.Kind() == reflect.Pointer && f.Elem().Kind() == reflect.Struct {
			if _, ok := f.Elem().FieldByName("ID"); ok {
				subjects[f.Elem()] = true
			}
		}
	}
	return subjects
}()

// holdsSubjects reports whether a field of type t lists what pages are
// about: a slice of them, or a map to them.
func holdsSubjects(t reflect.Type) bool {
	if t.Kind() != reflect.Slice && t.Kind() != reflect.Map {
		return false
	}
	e := t.Elem()
	return e.Kind() == reflect.Pointer && pageSubjects[e.Elem()]
}

// hashInputs sums the model r renders. It returns nil when r's theme
// has page templates other than known's, whose pages may show anything.
func hashInputs(r *renderer, known fs.FS) (*inputHashes, error) {
	site, theme := r.site, r.theme
	if known == nil {
		return nil, nil
	}
	same, err := sameTemplates(theme, known)
	if err != nil || !same {
		return nil, err
	}
	seed := &hasher{}
	seed.SetSeed(inputSeed)
	f := &inputHashes{
		seed:  seed,
		sums:  newModelSums(seed, 8*len(r.summary.Views)+4*r.summary.Items+len(site.Services)),
		items: map[*Item]uint64{},
		duty:  map[*Duty]uint64{},
	}

	g := seed.new()
	if err := g.files(theme); err != nil {
		return nil, fmt.Errorf("input hash of the theme: %w", err)
	}
	all := seed.new()
	// Site's fields by site content, but those that list what pages are
	// about, which are summed into all by content.
	sv := reflect.ValueOf(site).Elem()
	for i := range sv.NumField() {
		if ft := sv.Type().Field(i); ft.IsExported() && holdsSubjects(ft.Type) {
			f.sums.value(all, sv.Field(i), rule{how: byContent})
			continue
		}
		f.sums.value(g, sv.Field(i), rule{how: bySiteContent})
	}
	// The summary is derived from the site: its counts and dates, and
	// the entries it lists by identity; its views of the units are the
	// unit pages' own.
	mv := reflect.ValueOf(r.summary).Elem()
	for i := range mv.NumField() {
		if ft := mv.Type().Field(i); !holdsSubjects(ft.Type) {
			f.sums.value(g, mv.Field(i), rule{how: byOwnFields})
		}
	}
	f.global = g.Sum64()
	all.num(f.global)
	f.all = all.Sum64()

	f.duties = f.list(site.Duties)
	f.services = f.list(site.Services)
	f.matters = f.list(site.Matters)
	f.systems = f.list(site.Systems)
	for _, d := range site.Duties {
		f.duty[d] = f.ofContent(d)
		for _, it := range d.Items {
			f.items[it] = f.ofContent(it)
		}
	}
	return f, nil
}

// list is the sum of global and the content of every entry of list.
func (f *inputHashes) list(list any) uint64 {
	h := f.sums.push()
	defer f.sums.pop()
	h.num(f.global)
	f.sums.value(h, reflect.ValueOf(list), rule{how: byContent})
	return h.Sum64()
}

// ofContent is the sum of global and the content of the entry p.
func (f *inputHashes) ofContent(p any) uint64 {
	sum := f.sums.sum(reflect.ValueOf(p), byContent)
	h := f.sums.push()
	defer f.sums.pop()
	h.num(f.global, sum)
	return h.Sum64()
}

// task is the input hash of what task t makes.
func (f *inputHashes) task(t task) uint64 {
	if t.page != nil {
		return f.page(t.page)
	}
	switch t.key {
	case "static/", "robots.txt", "feed.xml":
		return f.global
	}
	return f.all
}

// page is the input hash of what page p shows: global, every field of
// the page (a view: all by content), and readsOfSite.
func (f *inputHashes) page(p *Page) uint64 {
	h := f.sums.push()
	defer f.sums.pop()
	h.num(f.global)
	f.sums.value(h, reflect.ValueOf(p).Elem(), rule{how: byContent, root: true})
	h.num(f.readsOfSite(p))
	return h.Sum64()
}

// readsOfSite is the sum of what page p's template reads of the lists
// held out of global. This is the one thing the Page value cannot say:
// every page holds the whole Site, and which of its lists a template
// ranges over is written in the theme's files (known to be the default
// theme's; see sameTemplates). The page of each list reads that list,
// the search page (its index for readers without JavaScript) and the
// site map read all of them.
func (f *inputHashes) readsOfSite(p *Page) uint64 {
	switch p.Template {
	case "duties.html":
		return f.duties
	case "services.html":
		return f.services
	case "boundaries.html":
		return f.matters
	case "supervision.html":
		return f.systems
	case "search.html", "sitemap.html":
		return f.all
	}
	return 0
}

// of is the input hash of a cached partial's argument, for the items and
// duties whose output the preview keeps between renders.
func (f *inputHashes) of(arg any) (uint64, bool) {
	switch v := arg.(type) {
	case *Item:
		hash, ok := f.items[v]
		return hash, ok
	case *Duty:
		hash, ok := f.duty[v]
		return hash, ok
	}
	return 0, false
}

// hasher sums strings, numbers and times, each closed off so that
// ("ab", "c") and ("a", "bc") differ.
type hasher struct {
	maphash.Hash
}

// new is a hasher with h's seed.
func (h *hasher) new() *hasher {
	n := &hasher{}
	n.SetSeed(h.Seed())
	return n
}

func (h *hasher) str(ss ...string) {
	for _, s := range ss {
		h.WriteString(s)
		h.WriteByte(0)
	}
	h.WriteByte(1) // end of the list
}

// text sums one string after its length.
func (h *hasher) text(s string) {
	h.count(len(s))
	h.WriteString(s)
}

// count sums a length.
func (h *hasher) count(n int) {
	var b [binary.MaxVarintLen64]byte
	h.Write(binary.AppendUvarint(b[:0], uint64(n)))
}

func (h *hasher) bytes(b []byte) {
	h.num(uint64(len(b)))
	h.Write(b)
}

func (h *hasher) num(ns ...uint64) {
	var b [8]byte
	for _, n := range ns {
		binary.LittleEndian.PutUint64(b[:], n)
		h.Write(b[:])
	}
}

// time sums an instant with its zone's offset, which is what formatting
// it shows.
func (h *hasher) time(ts ...time.Time) {
	for _, t := range ts {
		_, offset := t.Zone()
		h.num(uint64(t.Unix()), uint64(t.Nanosecond()), uint64(offset))
	}
}

// files sums the name and content of every file of fsys.
func (h *hasher) files(fsys fs.FS) error {
	return eachFile(fsys, func(name string, data []byte) error {
		h.str(name)
		h.bytes(data)
		return nil
	})
}

// sameTemplates reports whether the theme's templates (*.html at its top)
// are those of the default theme, byte for byte.
func sameTemplates(theme, def fs.FS) (bool, error) {
	names, err := fs.Glob(theme, "*.html")
	if err != nil {
		return false, err
	}
	defNames, err := fs.Glob(def, "*.html")
	if err != nil || len(names) != len(defNames) {
		return false, err
	}
	for _, name := range names {
		a, err := fs.ReadFile(theme, name)
		if err != nil {
			return false, err
		}
		b, err := fs.ReadFile(def, path.Clean(name))
		if err != nil || !bytes.Equal(a, b) {
			return false, nil
		}
	}
	return true, nil
}
