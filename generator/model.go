package generator

import (
	"html/template"
	"strconv"
	"time"

	"qingdan/config"
	"qingdan/source"
)

// Site is the whole responsibility list with every cross-reference resolved.
// It is built once by Load and only read afterwards: templates, the search
// index and the open-data files all take it as it is and compute nothing.
type Site struct {
	Config   Settings   // what pages show of site.toml
	Units    []*Unit    // in units.toml order
	Kinds    []string   // the kinds of unit: DefaultUnitKinds, then units.toml's kinds
	Duties   []*Duty    // 部门职责, in duties.toml order
	Matters  []*Matter  // 职责边界, in boundaries.toml order
	Services []*Service // 公共服务事项, in services.toml order
	Systems  []*System  // 事中事后监督管理制度, ordered by their Order field
	Changes  []*Change  // 更新记录, newest first
	Removed  []*Removed // published entries no longer in the list (tombstones), by kind and id
	Synonyms [][]string // search synonyms: each group lists words meaning the same

	// Parts holds the publication record of each of the four parts, keyed
	// by PartDuties, PartBoundaries, PartServices and PartSupervision.
	Parts map[string]*Part

	UnitByID map[string]*Unit

	// County is set on the site of a county (LoadCounty): Config is then
	// the county's, Units one per department, Changes all of theirs, and
	// each department's list is County.Departments[i].Site.
	County *County
}

// Settings are the parts of site.toml that pages show: the site, the
// bureau, the gov.cn conventions and the 信息公开 metadata. The folders,
// the reports' and the pipeline's settings (e-mail included) stay out of
// the site model.
type Settings struct {
	Title       string
	Description string
	BaseURL     string // absolute URL the site is served under; may have a path
	Root        string // the path part of BaseURL with a trailing slash: "/" or "/zfxxgk/qingdan/"
	Org         config.Org
	Gov         config.Gov
	Publication config.Pub
	// County is the county a department's site belongs to; nil for a
	// site of one department.
	County *CountyRef
	// Example marks every page as an example (示例) site.
	Example bool
}

// settings are the parts of cfg that pages show.
func settings(cfg *config.Config) Settings {
	return Settings{
		Title:       cfg.Title,
		Description: cfg.Description,
		BaseURL:     cfg.BaseURL,
		Root:        cfg.Root,
		Org:         cfg.Org,
		Gov:         cfg.Gov,
		Publication: cfg.Publication,
		Example:     cfg.Example,
	}
}

// The four parts of the list. The keys are also the parts' URL segments.
const (
	PartDuties      = "duties"
	PartBoundaries  = "boundaries"
	PartServices    = "services"
	PartSupervision = "supervision"
)

// Part is the publication record of one part of the list (信息公开 block).
type Part struct {
	Key       string
	Title     string    // 部门职责, 职责边界, 公共服务事项, 事中事后监督管理制度
	Index     string    // 索引号, e.g. "000014349/2026-00001"
	Published time.Time // 发布日期, from the content file, never the build clock
	Updated   time.Time // 更新日期, from the content file
	Pos       source.Pos
}

// Unit is one of the bureau's own sections (股室), stations (站), centres
// (中心) or offices (室). Units nest: a station may belong to a section.
type Unit struct {
	ID          string
	Name        string   // 政策法规股（信访室）
	ShortName   string   // 政策法规股; Name when empty in the file
	Kind        string   // one of Site.Kinds: 股室, 站, 中心, 室, 协会, 处, 所 …
	Parent      *Unit    // nil for a top-level unit
	Children    []*Unit  // units whose parent this is
	Phone       string   // local number as printed, e.g. "7631779"
	Aliases     []string // other spellings editors and the source used
	Description string

	Items    []*Item    // work items this unit is responsible for, in list order
	Services []*Service // services it handles, in list order
	History  []*Adjust  // the adjustments that touched it, oldest first
	Pos      source.Pos
}

// Duty is one 主要职责 with its concrete work items.
type Duty struct {
	ID    string // "01"; used in /duties/01/
	Title string // short title; derived from Text when the file has none
	Text  string // the duty as published
	Note  string // 备注
	Items []*Item
	// Removed are the items once published on this duty's page and
	// removed since, Moved those now under another duty; their anchors
	// stay on the page.
	Removed []*Removed
	Moved   []Moved
	History []*Adjust // oldest first
	Pos     source.Pos
}

// Item is one 具体工作事项 of a duty.
type Item struct {
	ID        string // "01-03"; used as /duties/01/#item-01-03
	Text      string
	Units     []*Unit // responsible units; empty when the source names none
	UnitsNote string  // free text after the units, e.g. "与相关科室"
	Duty      *Duty
	History   []*Adjust // oldest first
	Pos       source.Pos
}

// Matter is one 职责边界 entry: a matter several departments share.
type Matter struct {
	ID      string // "01"; used in /boundaries/01/
	Title   string // 管理事项
	Roles   []*Role
	Basis   []string  // 相关依据, one entry per cited document, text as published
	Cases   []string  // 案例; empty in the source
	History []*Adjust // oldest first
	Pos     source.Pos
}

// Role is what one department does in a shared matter.
type Role struct {
	Department string // 公安局
	Lead       bool   // this bureau's own role
	Duty       string // 职责分工
	// In a county: Dept is the id of the department the row names, and
	// Link the site-absolute path of its own entry for the matter (or of
	// its list of boundaries when it has none). Both empty otherwise.
	Dept, Link string
	Pos        source.Pos
}

// Service is one 公共服务事项.
type Service struct {
	ID      string // "01"; used in /services/01/
	Name    string
	Content string  // 主要内容
	Units   []*Unit // handling units
	Handler string  // 承办股室 as published when it differs from the units' names
	Phones  []string
	History []*Adjust // oldest first
	Pos     source.Pos
}

// System is one 事中事后监督管理制度, written in Markdown.
type System struct {
	ID      string // "04"; used in /supervision/04/
	Title   string
	Order   int
	Summary string
	Body    template.HTML // rendered by goldmark, raw HTML off
	Text    string        // the Markdown as written, for search and open data
	File    string
	History []*Adjust // oldest first
	Pos     source.Pos
}

// The site-relative URL paths of the pages of units, duties, matters,
// services and systems: "units/01/". Templates link them with
// {{link .Path}}.

// Path is the unit's page.
func (u *Unit) Path() string { return sectionUnits + "/" + u.ID + "/" }

// Path is the duty's page.
func (d *Duty) Path() string { return PartDuties + "/" + d.ID + "/" }

// Path is the matter's page.
func (m *Matter) Path() string { return PartBoundaries + "/" + m.ID + "/" }

// Path is the service's page.
func (s *Service) Path() string { return PartServices + "/" + s.ID + "/" }

// Path is the system's page.
func (s *System) Path() string { return PartSupervision + "/" + s.ID + "/" }

// Change is one entry of the 更新记录 (the Atom feed).
type Change struct {
	Date    time.Time
	Title   string
	Summary string
	Link    string // site-relative path of the page it concerns, may be empty
	// Notice is the 文号 of the notice that ordered the change, such as
	// 威政办字〔2026〕15号; NoticeLink is where it is published. Both may be empty.
	Notice     string
	NoticeLink string
	Adjusts    []*Adjust // the ids the change touches, in file order
	Seq        int       // 1 for the oldest change, counting up
	Pos        source.Pos
}

// Anchor is the change's fragment on the 更新记录 page: "change-3".
func (c *Change) Anchor() string { return "change-" + strconv.Itoa(c.Seq) }

// Output receives the files of a rendered site. The atomic directory writer
// (publishing) and the preview server's in-memory site both implement it.
// Name is a slash-separated path relative to the site root, such as
// "duties/01/index.html". Render calls WriteFile from several goroutines at
// once, which on a disk keeps all cores busy creating files too: an Output
// must be safe for concurrent use.
type Output interface {
	WriteFile(name string, data []byte) error
}
