package generator

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/maphash"
	"io/fs"
	"path"
	"time"
)

// inputHashes sum the model data each page of the default theme shows,
// for Incremental: when a page's sum is the same as at the last render, so
// are its bytes. They are sums of every field of the model (not only those
// the templates print), so that no edit can be missed:
//
//   - global: what every page may show: the configuration, the theme, the
//     units, the four parts' records, the changes and the counts;
//   - a duty's page: global and the duty with its items;
//   - a unit's page: global and the items and services it lists;
//   - a matter's, service's or system's page: global and that entity;
//   - the list of duties, of services, of matters, of systems: global and
//     all of them;
//   - the search page, the sitemap, the search index and the open data:
//     the whole site;
//   - every other page and file: global.
type inputHashes struct {
	seed   maphash.Seed
	global uint64
	all    uint64
	// each list of the site, with global
	duties, services, matters, systems uint64

	// each entity; items include global, as an item's HTML names its units
	items   map[*Item]uint64
	duty    map[*Duty]uint64
	service map[*Service]uint64
	matter  map[*Matter]uint64
	system  map[*System]uint64
}

// inputSeed is the seed of every input hash of this process: sums are
// compared only within one preview server.
var inputSeed = maphash.MakeSeed()

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
	f := &inputHashes{
		seed:    inputSeed,
		items:   map[*Item]uint64{},
		duty:    map[*Duty]uint64{},
		service: map[*Service]uint64{},
		matter:  map[*Matter]uint64{},
		system:  map[*System]uint64{},
	}

	g := f.hasher()
	config, err := json.Marshal(site.Config)
	if err != nil {
		return nil, fmt.Errorf("input hash of the configuration: %w", err)
	}
	g.bytes(config)
	if err := g.files(theme); err != nil {
		return nil, fmt.Errorf("input hash of the theme: %w", err)
	}
	for _, u := range site.Units {
		parent := ""
		if u.Parent != nil {
			parent = u.Parent.ID
		}
		g.str(u.ID, u.Name, u.ShortName, u.Kind, parent, u.Phone, u.Description)
		g.str(u.Aliases...)
		g.str(unitIDs(u.Children)...)
	}
	for _, key := range partOrder {
		if p := site.Parts[key]; p != nil {
			g.str(p.Key, p.Title, p.Index)
			g.time(p.Published, p.Updated)
		}
	}
	for _, c := range site.Changes {
		g.str(c.Title, c.Summary, c.Link, c.Notice, c.NoticeLink)
		g.time(c.Date)
		for _, a := range c.Adjusts {
			g.str(a.Kind, a.ID, a.Action, a.To, a.Note, a.Path, a.ToPath)
		}
	}
	// Tombstones show the changes and the record of what was published.
	for _, r := range site.Removed {
		g.str(r.Kind, r.ID, r.Title, r.Duty)
		for _, it := range r.Items {
			g.str(it.Kind, it.ID, it.Title, it.Duty)
		}
		g.moved(r.Moved)
	}
	for _, d := range site.Duties {
		for _, r := range d.Removed {
			g.str(r.Kind, r.ID, r.Title, r.Duty)
		}
		g.moved(d.Moved)
	}
	s := r.summary
	g.num(uint64(s.Duties), uint64(s.Items), uint64(s.Matters), uint64(s.Services), uint64(s.Systems), uint64(len(s.Unassigned)))
	g.time(s.Updated)
	f.global = g.Sum64()

	f.duties = sumList(f, site.Duties, f.duty, func(h *hasher, d *Duty) {
		h.str(d.ID, d.Title, d.Text, d.Note)
		for _, it := range d.Items {
			ih := f.hasher()
			ih.num(f.global)
			ih.str(it.ID, it.Text, it.UnitsNote, it.Duty.ID)
			ih.str(unitIDs(it.Units)...)
			f.items[it] = ih.Sum64()
			h.num(f.items[it])
		}
	})
	f.services = sumList(f, site.Services, f.service, func(h *hasher, sv *Service) {
		h.str(sv.ID, sv.Name, sv.Content, sv.Handler)
		h.str(sv.Phones...)
		h.str(unitIDs(sv.Units)...)
	})
	f.matters = sumList(f, site.Matters, f.matter, func(h *hasher, m *Matter) {
		h.str(m.ID, m.Title)
		for _, r := range m.Roles {
			h.str(r.Department, fmt.Sprint(r.Lead), r.Duty, r.Dept, r.Link)
		}
		h.str(m.Basis...)
		h.str(m.Cases...)
	})
	f.systems = sumList(f, site.Systems, f.system, func(h *hasher, sy *System) {
		h.str(sy.ID, sy.Title, fmt.Sprint(sy.Order), sy.Summary, string(sy.Body), sy.Text, sy.File)
	})

	all := f.hasher()
	all.num(f.duties, f.services, f.matters, f.systems)
	for _, group := range site.Synonyms {
		all.str(group...)
	}
	f.all = all.Sum64()
	return f, nil
}

// sumList sums each entity of a list with sum, records that sum in each,
// and returns the sum of global and all of the list.
func sumList[T comparable](f *inputHashes, list []T, each map[T]uint64, sum func(h *hasher, v T)) uint64 {
	all := f.hasher()
	all.num(f.global)
	for _, v := range list {
		h := f.hasher()
		sum(h, v)
		each[v] = h.Sum64()
		all.num(each[v])
	}
	return all.Sum64()
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

// page is the input hash of what page p shows.
func (f *inputHashes) page(p *Page) uint64 {
	h := f.hasher()
	h.num(f.global)
	h.str(p.Template, p.Path)
	switch {
	case p.Duty != nil:
		h.num(f.duty[p.Duty])
	case p.Unit != nil:
		for _, g := range p.Unit.Groups {
			h.str(g.Duty.ID, g.Duty.Title)
			for _, it := range g.Items {
				h.num(f.items[it])
			}
		}
		for _, sv := range p.Unit.Services {
			h.num(f.service[sv])
		}
	case p.Matter != nil:
		h.num(f.matter[p.Matter])
	case p.Service != nil:
		h.num(f.service[p.Service])
	case p.System != nil:
		h.num(f.system[p.System])
	case p.Template == "duties.html":
		h.num(f.duties)
	case p.Template == "services.html":
		h.num(f.services)
	case p.Template == "boundaries.html":
		h.num(f.matters)
	case p.Template == "supervision.html":
		h.num(f.systems)
	case p.Template == "search.html", p.Template == "sitemap.html":
		h.num(f.all)
	}
	return h.Sum64()
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

func (f *inputHashes) hasher() *hasher {
	h := &hasher{}
	h.SetSeed(f.seed)
	return h
}

func (h *hasher) str(ss ...string) {
	for _, s := range ss {
		h.WriteString(s)
		h.WriteByte(0)
	}
	h.WriteByte(1) // end of the list
}

// moved sums the items that left a duty, and where they are now.
func (h *hasher) moved(list []*Moved) {
	for _, m := range list {
		h.str(m.ID, m.Title, m.Duty, m.Item.Duty.ID)
	}
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

func (h *hasher) time(ts ...time.Time) {
	for _, t := range ts {
		h.str(t.Format(time.RFC3339Nano))
	}
}

// files sums the name and content of every file of fsys.
func (h *hasher) files(fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
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

func unitIDs(units []*Unit) []string {
	ids := make([]string, len(units))
	for i, u := range units {
		ids[i] = u.ID
	}
	return ids
}
