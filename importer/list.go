// Package importer turns the responsibility lists bureaus keep in Word
// (.docx) and Excel (.xlsx) into the content folder qingdan builds from.
//
// # Stages
//
// ReadDocx and ReadXlsx read a file into a Doc: paragraphs and plain
// tables (table.go), every merged cell expanded to the rows it covers.
// Build finds each table's part by its header row (columns.go), reads its
// rows into a List, the content model as content/README.md describes it,
// joining rows a page break split, making units from the responsibility
// cells (units.go) and giving every entry its id (ids.go), the ids of a
// folder's existing content kept. Write (write.go) writes the List as
// content files, atomically, leaving files whose content did not change
// as they were.
//
// # Nothing dropped silently
//
// Every cell the file holds is accounted for in the Report (report.go):
// each table, each row and what it became, and every cell left out with
// the reason. The report is written beside the content as
// import-report.txt.
//
// # Limits
//
// A file is checked against Limits (limits.go) before it is parsed: file
// size, entries in the archive, unpacked size, cells and text per cell.
//
// The package does not know the site generator: the caller converts a
// folder's existing content into a List (cmd_import.go).
package importer

import "time"

// List is a responsibility list as content files hold it. Unit references
// are unit ids.
type List struct {
	Kinds    []string // kinds of unit beyond the default ones
	Units    []Unit
	Duties   []Duty
	Matters  []Matter
	Services []Service
	Systems  []System
	Parts    map[string]Part // keyed by "duties", "boundaries", "services", "supervision"
}

// The keys of the four parts, as in Parts and the content file names.
const (
	PartDuties      = "duties"
	PartBoundaries  = "boundaries"
	PartServices    = "services"
	PartSupervision = "supervision"
)

// PartKeys are the four parts in the list's order.
var PartKeys = []string{PartDuties, PartBoundaries, PartServices, PartSupervision}

// partTitles are the parts' names as the list and the report call them.
var partTitles = map[string]string{
	PartDuties:      "部门职责",
	PartBoundaries:  "职责边界",
	PartServices:    "公共服务事项",
	PartSupervision: "事中事后监督管理制度",
}

// Part is the publication record of one part.
type Part struct {
	Index     string
	Published time.Time
	Updated   time.Time
}

// Unit is one [[unit]] of units.toml.
type Unit struct {
	ID, Name, ShortName, Kind, Parent, Phone string
	Aliases                                  []string
	Description                              string
}

// Duty is one [[duty]] of duties.toml.
type Duty struct {
	ID, Title, Text, Note string
	Items                 []Item
}

// Item is one [[duty.item]].
type Item struct {
	ID, Text  string
	Units     []string
	UnitsNote string
}

// Matter is one [[matter]] of boundaries.toml.
type Matter struct {
	ID, Title string
	Basis     []string
	Cases     []string
	Roles     []Role
}

// Role is one [[matter.role]].
type Role struct {
	Department string
	Lead       bool
	Duty       string
}

// Service is one [[service]] of services.toml.
type Service struct {
	ID, Name, Content string
	Units             []string
	Handler           string
	Phones            []string
}

// System is one supervision/*.md file.
type System struct {
	ID, Title string
	Order     int
	Summary   string
	Text      string // the Markdown body
	File      string // its file name under supervision/, "01-zhidu.md"
}
