package generator

import (
	"crypto/sha256"
	"io/fs"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"qingdan/config"
	"qingdan/source"
)

// A county site (县级责任清单) is several departments' lists on one site:
// site.toml lists the departments ([[department]]), each with its own
// content folder laid out as a single department's content/ is. Each
// department's list is loaded and rendered as a site of its own under
// /<id>/, exactly as a single department's site would be; the county adds
// its own pages at the root: the departments with their counts, the units,
// services and duties of all of them, a search over all of them with a
// department filter, the open data of all of them, one feed and a sitemap
// index. A site.toml without departments is one department's site, with
// the same URLs and bytes as before counties existed.

// County is the county of a county site.
type County struct {
	Departments []*Department // in site.toml order
	ByID        map[string]*Department
	// Items counts the work items of all departments.
	Items, Duties, Services, Matters, Units, Systems int
}

// Department is one department of a county and its list.
type Department struct {
	ID        string
	Name      string // 威县公安局
	ShortName string // 县公安局
	Site      *Site  // its list, whose Config.Root is the county's Root + ID + "/"
	Items     int
	// Inputs sums, the same in every process, all that its list was
	// loaded from: its configuration, and every file and folder listing
	// the load read. Zero when loaded through a Loader (the preview).
	Inputs [sha256.Size]byte
}

// Path is the department's home page, under the county's root.
func (d *Department) Path() string { return d.ID + "/" }

// CountyRef is what a department's pages show of the county they belong
// to: a link to its home.
type CountyRef struct {
	Name       string // the county site's owner, 威县
	Root       string // the county site's root path
	Department string // the department's id: its search page searches the county's index within it
}

// LoadCounty loads every department of the county site cfg configures;
// open gives the content folder at a path. The site it returns is the
// county's: Config is the county's settings, Units has one entry per
// department (for the search filter), Changes those of all departments,
// and County the departments with their own sites. The site is nil when
// any problem is an error. With ld, the departments' content is decoded
// through it, as the preview does, and a department whose files are
// those of ld's last load keeps the site that load made.
func LoadCounty(cfg *config.Config, open func(folder string) fs.FS, ld *Loader) (*Site, source.Problems) {
	c := &County{ByID: map[string]*Department{}}
	sites := make([]*Site, len(cfg.Departments))
	inputs := make([][sha256.Size]byte, len(cfg.Departments))
	problems := make([]source.Problems, len(cfg.Departments))
	var wg sync.WaitGroup
	folders := map[string]bool{}
	for i, d := range cfg.Departments {
		dc := departmentConfig(cfg, d)
		folder := cfg.Path(d.Content)
		key := d.ID + "\x00" + folder
		folders[key] = true
		fsys := open(folder)
		wg.Go(func() {
			if ld != nil {
				sites[i], problems[i] = ld.loadDepartment(key, fsys, dc)
			} else {
				rec := newRecordingFS(source.Guard(fsys), true)
				l := &loader{fsys: rec, prefix: filepath.ToSlash(dc.Content)}
				sites[i], problems[i] = l.load(dc)
				inputs[i] = rec.inputs(dc)
			}
		})
	}
	wg.Wait()
	if ld != nil {
		ld.forgetDepartments(folders)
	}
	var ps source.Problems
	for _, p := range problems {
		ps = append(ps, p...)
	}
	if ps.HasErrors() {
		return nil, ps
	}
	county := &Site{Config: settings(cfg), UnitByID: map[string]*Unit{}, Parts: map[string]*Part{}, County: c}
	synonyms := map[string]bool{}
	for i, d := range cfg.Departments {
		s := sites[i]
		s.Config.County = &CountyRef{Name: cfg.Org.Name, Root: cfg.Root, Department: d.ID}
		dep := &Department{ID: d.ID, Name: d.Name, ShortName: d.ShortName, Site: s, Inputs: inputs[i]}
		for _, duty := range s.Duties {
			dep.Items += len(duty.Items)
		}
		c.Departments = append(c.Departments, dep)
		c.ByID[d.ID] = dep
		c.Items += dep.Items
		c.Duties += len(s.Duties)
		c.Services += len(s.Services)
		c.Matters += len(s.Matters)
		c.Units += len(s.Units)
		c.Systems += len(s.Systems)
		u := &Unit{ID: d.ID, Name: d.Name, ShortName: d.ShortName, Kind: "部门"}
		county.Units = append(county.Units, u)
		county.UnitByID[u.ID] = u
		county.Changes = append(county.Changes, countyChanges(dep)...)
		for _, g := range s.Synonyms {
			// Departments often share a group (a county's synonyms file
			// copied to each): the county's index lists it once.
			if key := strings.Join(g, "\x00"); !synonyms[key] {
				synonyms[key] = true
				county.Synonyms = append(county.Synonyms, g)
			}
		}
	}
	sort.SliceStable(county.Changes, func(i, j int) bool { return county.Changes[i].Date.After(county.Changes[j].Date) })
	for i, ch := range county.Changes {
		ch.Seq = len(county.Changes) - i
	}
	ps = append(ps, c.boundaries()...)
	ps.Sort()
	return county, ps
}

// departmentConfig is the configuration a department's list is loaded
// with: the county's, with the department's name, content folder and root.
func departmentConfig(cfg *config.Config, d config.Department) *config.Config {
	dc := *cfg
	dc.Departments = nil
	dc.Content = filepath.ToSlash(d.Content)
	dc.Title = d.Name + "责任清单"
	dc.Description = d.Name + "公开的责任清单：部门职责、与相关部门的职责边界、公共服务事项、事中事后监督管理制度。"
	dc.Org.Name, dc.Org.ShortName = d.Name, d.ShortName
	dc.Publication.Publisher = d.Name
	dc.Gov.ContentSource = d.Name
	dc.Root = cfg.Root + d.ID + "/"
	dc.BaseURL = cfg.BaseURL + d.ID + "/"
	return &dc
}

// countyChanges are a department's changes as the county's feed and home
// page list them: named with the department, linked under its path.
func countyChanges(d *Department) []*Change {
	var out []*Change
	for _, ch := range d.Site.Changes {
		c := *ch
		c.Title = d.ShortName + "：" + ch.Title
		if ch.Link != "" {
			c.Link = "/" + d.ID + ch.Link
		} else {
			c.Link = "/" + d.Path()
		}
		c.Adjusts = nil
		for _, a := range ch.Adjusts {
			ca := *a
			ca.Change = &c
			if a.Path != "" {
				ca.Path = d.Path() + a.Path
			}
			if a.ToPath != "" {
				ca.ToPath = d.Path() + a.ToPath
			}
			c.Adjusts = append(c.Adjusts, &ca)
		}
		out = append(out, &c)
	}
	return out
}

// department finds the department a boundary matter's role names: by its
// name or short name, or as the one department whose name ends with it
// ("公安局" for 威县公安局).
func (c *County) department(name string) *Department {
	name = strings.TrimSpace(name)
	var suffix []*Department
	for _, d := range c.Departments {
		if name == d.Name || name == d.ShortName {
			return d
		}
		if name != "" && (strings.HasSuffix(d.Name, name) || strings.HasSuffix(d.ShortName, name)) {
			suffix = append(suffix, d)
		}
	}
	if len(suffix) == 1 {
		return suffix[0]
	}
	return nil
}

// prefixOutput writes a department's files under its folder.
type prefixOutput struct {
	prefix string
	out    Output
}

func (p prefixOutput) WriteFile(name string, data []byte) error {
	return p.out.WriteFile(path.Join(p.prefix, name), data)
}
