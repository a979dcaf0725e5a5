package config

import (
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"qingdan/source"
)

// Reports configures the compliance reports: where the case files are, the
// rubric's thresholds, what makes a decision major, and who signs.
type Reports struct {
	CaseFiles        string   `toml:"casefiles"`         // folder of case files; never under content/
	Font             string   `toml:"font"`              // TrueType font (.ttf, or a .ttc collection) for the PDFs; empty: well-known system paths
	Fonts            []string `toml:"fonts"`             // font chain: each character is drawn from the first that has it; empty: font, then Debian's fallbacks
	FontBody         string   `toml:"font_body"`         // 仿宋 face of the body text (GB/T 9704); empty: well-known paths
	FontTitle        string   `toml:"font_title"`        // 小标宋 face of titles (GB/T 9704); empty: well-known paths
	Excellent        int      `toml:"excellent"`         // 优秀: score at or above, default 90
	Pass             int      `toml:"pass"`              // 合格: score at or above, default 70; below is 不合格
	MajorAmount      float64  `toml:"major_amount"`      // a decision of this many yuan or more is major (重大), default 50000
	LitigationMonths int      `toml:"litigation_months"` // 法定起诉期限 in months, default 6 (行政诉讼法)
	Reviewers        []string `toml:"reviewers"`         // 评查人员, named in the evaluation's signature block
	Approver         string   `toml:"approver"`          // 审核人, who approves the evaluation
	LegalOffice      string   `toml:"legal_office"`      // where filings go, default 威县人民政府法制办公室
	Signer           string   `toml:"signer"`            // 签发人 in the 版头 of the filing, a 上行文; empty: none
	EvaluationTo     string   `toml:"evaluation_to"`     // 主送机关 of the evaluation, default 各乡镇人民政府，局机关各股室
	CopyTo           []string `toml:"copy_to"`           // 抄送机关 in the 版记 of both reports
	Contact          string   `toml:"contact"`           // 联系人 named in the filing's cover letter
	Phone            string   `toml:"phone"`             // 联系电话 of the contact
	// DayCounting is how the 三日 and 七日 of the procedure are counted:
	// "calendar" (the default, as the source document reads) or "working".
	DayCounting string `toml:"day_counting"`
	// Holidays are the 法定节假日 on weekdays, and Workdays the weekend
	// days worked (调休), of every year the case files cover; needed when
	// DayCounting is "working".
	Holidays []time.Time `toml:"holidays"`
	Workdays []time.Time `toml:"workdays"`
}

// Day countings of [reports] day_counting.
const (
	CalendarDays = "calendar"
	WorkingDays  = "working"
)

// Defaults of [reports].
const (
	DefaultExcellent        = 90
	DefaultPass             = 70
	DefaultMajorAmount      = 50000
	DefaultLitigationMonths = 6
	DefaultLegalOffice      = "威县人民政府法制办公室"
	DefaultEvaluationTo     = "各乡镇人民政府，局机关各股室"
)

func (r *Reports) validate(c *Config, at *source.Positions, ps *source.Problems) {
	if r.CaseFiles == "" {
		r.CaseFiles = "casefiles"
	}
	if r.Excellent == 0 {
		r.Excellent = DefaultExcellent
	}
	if r.Pass == 0 {
		r.Pass = DefaultPass
	}
	if r.MajorAmount == 0 {
		r.MajorAmount = DefaultMajorAmount
	}
	if r.LitigationMonths == 0 {
		r.LitigationMonths = DefaultLitigationMonths
	}
	if r.LegalOffice == "" {
		r.LegalOffice = DefaultLegalOffice
	}
	if r.EvaluationTo == "" {
		r.EvaluationTo = DefaultEvaluationTo
	}
	switch r.DayCounting {
	case "":
		r.DayCounting = CalendarDays
	case CalendarDays:
	case WorkingDays:
		if len(r.Holidays) == 0 {
			ps.Add(at.Of("reports.day_counting"), workingHint.S(), "%s", workingNoHolidays.S())
		}
	default:
		ps.Add(at.Of("reports.day_counting"), dayCountingHint.S(), "%s", dayCountingBad.S(r.DayCounting))
	}
	for _, pub := range []struct{ what, dir string }{
		{"content folder", c.Content},
		{"output folder", c.Output},
		{"themes folder", "themes"},
	} {
		if overlaps(c.Path(r.CaseFiles), c.Path(pub.dir)) {
			ps.Add(at.Of("reports.casefiles"), `case files hold personal data and must stay out of everything that is published (or replaced) by a build; use casefiles = "casefiles"`, "casefiles %q overlaps the %s %q", r.CaseFiles, pub.what, pub.dir)
		}
	}
	if r.Excellent > 100 || r.Pass < 1 || r.Pass >= r.Excellent {
		ps.Add(at.Of("reports"), "write 0 < pass < excellent <= 100, such as excellent = 90 and pass = 70", "grade thresholds excellent = %d and pass = %d are out of order", r.Excellent, r.Pass)
	}
	switch m := r.MajorAmount; {
	case math.IsNaN(m) || math.IsInf(m, 0):
		ps.Add(at.Of("reports.major_amount"), amountHint.S(), "%s", majorAmountNotNumber.S(m))
	case m > source.MaxAmount:
		ps.Add(at.Of("reports.major_amount"), amountHint.S(), "%s", majorAmountTooLarge.S(m, strconv.FormatFloat(source.MaxAmount, 'f', 0, 64)))
	case m < 0:
		ps.Add(at.Of("reports.major_amount"), "write the amount in yuan, such as 50000", "major_amount %v is negative", r.MajorAmount)
	}
	r.warnContact(c, at, ps)
	if r.LitigationMonths < 1 || r.LitigationMonths > 60 {
		ps.Add(at.Of("reports.litigation_months"), "the 行政诉讼法 gives six months: litigation_months = 6", "litigation_months %d is not a number of months from 1 to 60", r.LitigationMonths)
	}
}

// PublishedOverlap names the folder a build publishes or replaces (the
// content, the output or the themes) that dir is, holds or lies in, or
// returns "" when there is none: drafts of reports, which hold personal
// data, are never written there.
func (c *Config) PublishedOverlap(dir string) string {
	for _, pub := range []string{c.Content, c.Output, "themes"} {
		if overlaps(dir, c.Path(pub)) {
			return pub
		}
	}
	return ""
}

// warnContact warns of an empty contact or phone, which the filing's cover
// letter names (its 附注), when the filing is scheduled or site.toml
// writes the key.
func (r *Reports) warnContact(c *Config, at *source.Positions, ps *source.Problems) {
	for _, f := range []struct{ key, value string }{{"contact", r.Contact}, {"phone", r.Phone}} {
		written := at.Of("reports."+f.key) != at.Of("reports")
		if strings.TrimSpace(f.value) == "" && (written || c.Pipeline.Schedule.Filing != "") {
			ps.Warn(at.Of("reports."+f.key), contactHint.S(), "%s", contactEmpty.S(f.key))
		}
	}
}

// overlaps reports whether one of the folders a and b lies in the other.
func overlaps(a, b string) bool {
	a, _ = filepath.Abs(a)
	b, _ = filepath.Abs(b)
	return inside(a, b) || inside(b, a)
}

// inside reports whether path is dir or lies under it.
func inside(path, dir string) bool {
	rel, err := filepath.Rel(filepath.Clean(dir), filepath.Clean(path))
	return err == nil && (rel == "." || (rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))))
}
