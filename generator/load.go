package generator

import (
	"errors"
	"io/fs"
	"path"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"qingdan/config"
	"qingdan/source"
)

// The files of content/, as editors write them. They are decoded strictly
// (an unknown key is an error) and then turned into the Site model.
type (
	partMeta struct {
		Index     string    `toml:"index"`
		Published time.Time `toml:"published,required"`
		Updated   time.Time `toml:"updated"`
	}
	unitsFile struct {
		Kinds []string    `toml:"kinds"`
		Units []unitEntry `toml:"unit"`
	}
	unitEntry struct {
		ID          string   `toml:"id,required"`
		Name        string   `toml:"name,required"`
		ShortName   string   `toml:"short_name"`
		Kind        string   `toml:"kind,required"`
		Parent      string   `toml:"parent"`
		Phone       string   `toml:"phone"`
		Aliases     []string `toml:"aliases"`
		Description string   `toml:"description"`
		Pos         source.Pos
	}
	dutiesFile struct {
		partMeta
		Duties []dutyEntry `toml:"duty"`
	}
	dutyEntry struct {
		ID    string      `toml:"id,required"`
		Title string      `toml:"title"`
		Text  string      `toml:"text,required"`
		Note  string      `toml:"note"`
		Items []itemEntry `toml:"item"`
		Pos   source.Pos
	}
	itemEntry struct {
		ID        string   `toml:"id,required"`
		Text      string   `toml:"text,required"`
		Units     []string `toml:"units"`
		UnitsNote string   `toml:"units_note"`
		Pos       source.Pos
	}
	boundariesFile struct {
		partMeta
		Matters []matterEntry `toml:"matter"`
	}
	matterEntry struct {
		ID    string      `toml:"id,required"`
		Title string      `toml:"title,required"`
		Basis []string    `toml:"basis"`
		Cases []string    `toml:"cases"`
		Roles []roleEntry `toml:"role"`
		Pos   source.Pos
	}
	roleEntry struct {
		Department string `toml:"department,required"`
		Lead       bool   `toml:"lead"`
		Duty       string `toml:"duty,required"`
		Pos        source.Pos
	}
	servicesFile struct {
		partMeta
		Services []serviceEntry `toml:"service"`
	}
	serviceEntry struct {
		ID      string   `toml:"id,required"`
		Name    string   `toml:"name,required"`
		Content string   `toml:"content,required"`
		Units   []string `toml:"units,required"`
		Handler string   `toml:"handler"`
		Phones  []string `toml:"phones"`
		Pos     source.Pos
	}
	systemFront struct {
		ID      string `toml:"id,required"`
		Title   string `toml:"title,required"`
		Order   int    `toml:"order"`
		Summary string `toml:"summary"`
		Pos     source.Pos
	}
	changesFile struct {
		Changes []changeEntry `toml:"change"`
	}
	changeEntry struct {
		Date       time.Time     `toml:"date,required"`
		Title      string        `toml:"title,required"`
		Summary    string        `toml:"summary"`
		Link       string        `toml:"link"`
		Notice     string        `toml:"notice"`      // 文号 of the notice that ordered the change
		NoticeLink string        `toml:"notice_link"` // where the notice is published
		Adjusts    []adjustEntry `toml:"adjust"`
		Pos        source.Pos
	}
	// adjustEntry is one id a change touches (动态调整), see history.go.
	adjustEntry struct {
		Kind   string `toml:"kind,required"`
		ID     string `toml:"id,required"`
		Action string `toml:"action,required"`
		To     string `toml:"to"`
		Note   string `toml:"note"`
		Pos    source.Pos
	}
	synonymsFile struct {
		Synonyms [][]string `toml:"synonyms"`
	}
)

// Load reads the content folder fsys of the site cfg configures and returns
// the site model and every problem found. The site is nil when any problem
// is an error. Problems name files as cfg.Content does ("content/duties.toml"),
// relative to site.toml. Load reads nothing but fsys.
func Load(fsys fs.FS, cfg *config.Config) (*Site, source.Problems) {
	l := &loader{fsys: source.Guard(fsys), prefix: filepath.ToSlash(cfg.Content)}
	return l.load(cfg)
}

// Loader loads the same content again and again, as the preview does. It
// keeps the decoded tables of the big files (each [[duty]], [[service]],
// [[matter]] and [[unit]] by its exact text) from one load to the next,
// so that after an edit only the tables that changed are decoded again,
// and, for a county, each department's last load (county_load.go), so
// that a department whose files did not change is not loaded again.
// The zero value is ready to use; a Loader is safe for concurrent use.
type Loader struct {
	cache   source.SplitCache
	mu      sync.Mutex
	folders map[string]*folderLoad // by content folder
}

// Load is the package's Load, reusing what earlier loads decoded.
func (ld *Loader) Load(fsys fs.FS, cfg *config.Config) (*Site, source.Problems) {
	l := &loader{fsys: source.Guard(fsys), prefix: filepath.ToSlash(cfg.Content), cache: &ld.cache}
	return l.load(cfg)
}

// load reads every content file, each on its own goroutine (the big ones
// on all cores, table by table), then validates them into the Site.
func (l *loader) load(cfg *config.Config) (*Site, source.Problems) {
	var units unitsFile
	var duties dutiesFile
	var bounds boundariesFile
	var services servicesFile
	var supervision partMeta
	var changes changesFile
	var synonyms synonymsFile
	var systems []systemFile
	var uAt, dAt, bAt, sAt, supAt, chAt, synAt *source.Positions
	var published []PublishedEntry
	var ps [9]source.Problems // in a fixed order, whatever finishes first
	var wg sync.WaitGroup
	wg.Go(func() { uAt, ps[0] = l.decode("units.toml", true, "unit", &units) })
	wg.Go(func() { dAt, ps[1] = l.decode("duties.toml", true, "duty", &duties) })
	wg.Go(func() { bAt, ps[2] = l.decode("boundaries.toml", true, "matter", &bounds) })
	wg.Go(func() { sAt, ps[3] = l.decode("services.toml", true, "service", &services) })
	wg.Go(func() { supAt, ps[4] = l.decode("supervision/_index.toml", true, "", &supervision) })
	wg.Go(func() { chAt, ps[5] = l.decode("changes.toml", false, "", &changes) })
	wg.Go(func() { synAt, ps[6] = l.decode("synonyms.toml", false, "", &synonyms) })
	wg.Go(func() { systems, ps[7] = l.systems() })
	wg.Go(func() { published, ps[8] = l.readManifest() })
	wg.Wait()
	for _, p := range ps {
		l.ps = append(l.ps, p...)
	}

	site := &Site{Config: settings(cfg), UnitByID: map[string]*Unit{}}
	v := &validator{ps: &l.ps, site: site, unitsUnread: ps[0].HasErrors() && len(units.Units) == 0}
	v.units(units.Units, units.Kinds, uAt)
	v.duties(duties.Duties, dAt)
	v.matters(bounds.Matters, bAt)
	v.services(services.Services, sAt)
	site.Systems = v.systems(systems)
	site.Changes = v.changes(changes.Changes, chAt)
	site.Synonyms = v.synonyms(synonyms.Synonyms, synAt)
	site.Parts = map[string]*Part{
		PartDuties:      v.part(PartDuties, "部门职责", duties.partMeta, dAt),
		PartBoundaries:  v.part(PartBoundaries, "职责边界", bounds.partMeta, bAt),
		PartServices:    v.part(PartServices, "公共服务事项", services.partMeta, sAt),
		PartSupervision: v.part(PartSupervision, "事中事后监督管理制度", supervision, supAt),
	}
	if !l.ps.HasErrors() {
		v.history(published, l.name(ManifestFile))
	}
	if !l.ps.HasErrors() {
		v.changeLinks(changes.Changes, chAt)
	}
	l.ps.Sort()
	l.ps = l.ps.Folded()
	if l.ps.HasErrors() {
		return nil, l.ps
	}
	return site, l.ps
}

// loader reads content files, collecting problems.
type loader struct {
	fsys   fs.FS
	prefix string
	cache  *source.SplitCache // tables decoded by earlier loads; nil for none
	ps     source.Problems
}

// name is how problems name a content file.
func (l *loader) name(file string) string { return path.Join(l.prefix, file) }

// decode reads and decodes one TOML file; a missing optional file is fine.
// A file made of [[array]] tables names the array, and is decoded table by
// table on all cores (source.DecodeTOMLSplit).
func (l *loader) decode(file string, required bool, array string, v any) (*source.Positions, source.Problems) {
	data, err := fs.ReadFile(l.fsys, file)
	if err != nil {
		var ps source.Problems
		if required || !errors.Is(err, fs.ErrNotExist) {
			ps.Add(source.Pos{File: l.name(file)}, fileRequiredFix.S(), fileUnreadable.S(file, source.Reason(err)))
		}
		return source.NewPositions(l.name(file)), ps
	}
	if array == "" {
		return source.DecodeTOML(l.name(file), data, v)
	}
	return source.DecodeTOMLSplit(l.name(file), data, array, v, l.cache)
}

// systemFile is one supervision Markdown file, split and decoded.
type systemFile struct {
	front systemFront
	body  []byte
	file  string
}

// systems reads content/supervision/*.md in file-name order.
func (l *loader) systems() ([]systemFile, source.Problems) {
	var ps source.Problems
	names, err := fs.Glob(l.fsys, "supervision/*.md")
	if err != nil {
		ps.Add(source.Pos{File: l.name("supervision")}, "", noSystemsList.S(err))
		return nil, ps
	}
	if len(names) == 0 {
		// A list may have no systems yet (an Excel list seldom has them):
		// the part says so on the site.
		ps.Warn(source.Pos{File: l.name("supervision")}, noSystemsFix.S(), noSystems.S())
		return nil, ps
	}
	sort.Strings(names)
	var out []systemFile
	for _, n := range names {
		data, err := fs.ReadFile(l.fsys, n)
		if err != nil {
			ps.Add(source.Pos{File: l.name(n)}, "", fileUnreadable.S(n, source.Reason(err)))
			continue
		}
		front, body, fps := source.SplitFrontMatter(l.name(n), data)
		if len(fps) > 0 {
			ps = append(ps, fps...)
			continue
		}
		var sf systemFile
		_, fps = source.DecodeTOML(l.name(n), front, &sf.front)
		ps = append(ps, fps...)
		sf.body, sf.file = body, l.name(n)
		out = append(out, sf)
	}
	return out, ps
}
