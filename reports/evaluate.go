package reports

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"qingdan/period"
)

// Grades, from best to worst.
const (
	GradeExcellent = "优秀"
	GradePass      = "合格"
	GradeFail      = "不合格"
)

// Grades lists the grades in report order.
var Grades = []string{GradeExcellent, GradePass, GradeFail}

// Settings are what the reports take from site.toml.
type Settings struct {
	Org              string   `json:"org"`               // the bureau
	Excellent        int      `json:"excellent"`         // 优秀 at or above
	Pass             int      `json:"pass"`              // 合格 at or above
	MajorAmount      int64    `json:"major_amount_fen"`  // major from this amount on, in fen
	LitigationMonths int      `json:"litigation_months"` // 法定起诉期限
	Reviewers        []string `json:"reviewers"`         // 评查人员
	Approver         string   `json:"approver"`          // 审核人
	LegalOffice      string   `json:"legal_office"`      // 备案机关, who receives both reports
	Signer           string   `json:"signer,omitempty"`  // 签发人 of the filing, a 上行文 (GB/T 9704 7.2.4)
	EvaluationTo     string   `json:"evaluation_to"`     // 主送机关 of the evaluation
	CopyTo           []string `json:"copy_to,omitempty"` // 抄送机关 of both reports
	Contact          string   `json:"contact"`           // 联系人
	Phone            string   `json:"phone"`             // 联系电话
	Days             Days     `json:"days"`              // how 三日 and 七日 are counted
}

// Env is what the rules know besides the case file itself.
type Env struct {
	Settings Settings
	// AsOf is the first day after the period: a deadline still open on it
	// is not judged yet.
	AsOf    time.Time
	decided map[act][]*Case // every decided case by its act, earliest decision first
}

// act identifies a violation across case files: the same party (by ID
// number) and the same day.
type act struct {
	id   string
	date time.Time
}

func actOf(c *Case) act {
	return act{strings.ToUpper(c.Party.ID), c.Violation.Date}
}

// NewEnv prepares the rules' environment over all case files, so that a
// second decision on the same act is found whichever period it is in.
func NewEnv(all []*Case, s Settings, asOf time.Time) *Env {
	env := &Env{Settings: s, AsOf: asOf, decided: map[act][]*Case{}}
	for _, c := range all {
		if c.Decision != nil {
			env.decided[actOf(c)] = append(env.decided[actOf(c)], c)
		}
	}
	for _, list := range env.decided {
		slices.SortStableFunc(list, byDecision)
	}
	return env
}

// byDecision orders decided cases by decision date, then case number.
func byDecision(a, b *Case) int {
	if n := a.Decision.Date.Compare(b.Decision.Date); n != 0 {
		return n
	}
	return strings.Compare(a.Number, b.Number)
}

// firstDecision is the earliest decided case on the same act as c.
func (e *Env) firstDecision(c *Case) *Case {
	if list := e.decided[actOf(c)]; len(list) > 0 {
		return list[0]
	}
	return c
}

// majorReason says why a decided case is major, or nothing when it is not:
// its amount reaches the threshold, or the case file says so.
func (e *Env) majorReason(c *Case) []string {
	var why []string
	if c.Decision != nil && c.Amount() >= e.Settings.MajorAmount {
		why = append(why, fmt.Sprintf("金额达到 %s 元", fmtYuan(e.Settings.MajorAmount)))
	}
	if c.Major {
		why = append(why, "经审查确定为重大案件")
	}
	return why
}

// Evaluation is the 案卷评查报告 of one half year as data: what the PDF
// shows and the JSON beside it holds.
type Evaluation struct {
	Org           string          `json:"org"`
	Period        string          `json:"period"` // 2026H1
	From          string          `json:"from"`   // first day, 2026-01-01
	To            string          `json:"to"`     // last day, 2026-06-30
	Date          string          `json:"date"`   // date of the report: the day after the period
	Settings      Settings        `json:"settings"`
	Total         Group           `json:"total"`
	ByTownship    []Group         `json:"by_township"`
	ByKind        []Group         `json:"by_kind"`
	ByCategory    []CategoryLoss  `json:"by_category"`
	Problems      []ProblemCount  `json:"problems"` // rules failed, most frequent first
	Cases         []CaseResult    `json:"cases"`
	Rectification []Rectification `json:"rectification"`
}

// Group sums the results of a set of case files.
type Group struct {
	Name      string  `json:"name"`
	Cases     int     `json:"cases"`
	Average   float64 `json:"average"` // mean score, one decimal
	Excellent int     `json:"excellent"`
	Pass      int     `json:"pass"`
	Fail      int     `json:"fail"`
	Fatal     int     `json:"fatal"`   // of the failed, those with a fatal defect (直接不合格)
	Pending   int     `json:"pending"` // files with items awaiting human review
}

// CategoryLoss is the points lost in one category of the rubric.
type CategoryLoss struct {
	Category Category `json:"category"`
	Points   int      `json:"points"` // the category's share of 100
	Lost     int      `json:"lost"`   // points lost over all files
	Average  float64  `json:"average"`
}

// ProblemCount is how many files failed one rule.
type ProblemCount struct {
	Rule     string   `json:"rule"`
	Title    string   `json:"title"`
	Category Category `json:"category"`
	Clause   string   `json:"clause"`
	Cases    int      `json:"cases"`
	Share    float64  `json:"share"` // percent of the files evaluated, one decimal
}

// CaseResult is one case file's score.
type CaseResult struct {
	Number       string      `json:"number"`
	File         string      `json:"file"`
	Kind         string      `json:"kind"`
	Township     string      `json:"township"`
	Party        string      `json:"party"`
	PartyID      string      `json:"party_id"` // masked
	Decision     string      `json:"decision"`
	DecisionDate string      `json:"decision_date"`
	Amount       string      `json:"amount"` // yuan
	Score        int         `json:"score"`  // 0 with a fatal defect
	Grade        string      `json:"grade"`
	Fatal        []string    `json:"fatal"`   // rules that fail the file outright
	Pending      []string    `json:"pending"` // human-judgement rules not yet scored
	Deductions   []Deduction `json:"deductions"`
}

// Deduction is one rule a case file failed.
type Deduction struct {
	Rule     string   `json:"rule"`
	Title    string   `json:"title"`
	Category Category `json:"category"`
	Lost     int      `json:"lost"`
	Fatal    bool     `json:"fatal"`
	Human    bool     `json:"human"`
	Clause   string   `json:"clause"`
	Details  []string `json:"details"`
}

// Rectification is what to put right for one rule, and in which files.
type Rectification struct {
	Rule  string   `json:"rule"`
	Title string   `json:"title"`
	Fix   string   `json:"fix"`
	Cases []string `json:"cases"`
}

// day of an instant in the period's zone.
func dayOf(t time.Time) time.Time {
	t = t.In(period.Zone)
	return day(t.Year(), t.Month(), t.Day())
}

// InPeriod returns the case files that belong to the period (by Case.Date),
// ordered by that date and case number.
func InPeriod(cases []*Case, p period.Period) []*Case {
	from, to := dayOf(p.Start()), dayOf(p.End())
	var in []*Case
	for _, c := range cases {
		if d := c.Date(); !d.Before(from) && d.Before(to) {
			in = append(in, c)
		}
	}
	slices.SortStableFunc(in, func(a, b *Case) int {
		if n := a.Date().Compare(b.Date()); n != 0 {
			return n
		}
		return strings.Compare(a.Number, b.Number)
	})
	return in
}

// ScoreCase runs every rule on a case file and grades it.
func ScoreCase(c *Case, env *Env) CaseResult {
	r := CaseResult{
		Number:   c.Number,
		File:     c.File,
		Kind:     c.Kind,
		Township: c.Township,
		Party:    c.Party.Name,
		PartyID:  MaskID(c.Party.ID),
		Score:    100,
	}
	if d := c.Decision; d != nil {
		r.Decision, r.DecisionDate, r.Amount = d.Number, fmtDate(d.Date), fmtYuan(c.Amount())
	}
	for _, rule := range Rules {
		o := rule.Check(c, env)
		switch o.Status {
		case StatusPending:
			r.Pending = append(r.Pending, rule.ID)
		case StatusFail:
			r.Score -= o.Lost
			if rule.Fatal {
				r.Fatal = append(r.Fatal, rule.ID)
			}
			r.Deductions = append(r.Deductions, Deduction{
				Rule: rule.ID, Title: rule.Title, Category: rule.Category, Lost: o.Lost,
				Fatal: rule.Fatal, Human: rule.Human(), Clause: rule.Clause, Details: o.Details,
			})
		}
	}
	if len(r.Fatal) > 0 {
		// A 否决项 fails the file as a whole: it scores nothing, and every
		// average counts it as 0.
		r.Score = 0
	}
	r.Grade = grade(r.Score, len(r.Fatal) > 0, env.Settings)
	return r
}

func grade(score int, fatal bool, s Settings) string {
	switch {
	case fatal || score < s.Pass:
		return GradeFail
	case score >= s.Excellent:
		return GradeExcellent
	}
	return GradePass
}

// Evaluate scores the case files of the period; all is every case file, so
// that a double penalty across periods is found.
func Evaluate(all []*Case, s Settings, p period.Period) *Evaluation {
	asOf := dayOf(p.End())
	env := NewEnv(all, s, asOf)
	e := &Evaluation{
		Org:      s.Org,
		Period:   p.String(),
		From:     asDay(dayOf(p.Start())),
		To:       asDay(asOf.AddDate(0, 0, -1)),
		Date:     fmtDate(asOf),
		Settings: s,
	}
	townships := map[string][]CaseResult{}
	kinds := map[string][]CaseResult{}
	var townOrder []string
	for _, c := range InPeriod(all, p) {
		r := ScoreCase(c, env)
		e.Cases = append(e.Cases, r)
		if _, ok := townships[r.Township]; !ok {
			townOrder = append(townOrder, r.Township)
		}
		townships[r.Township] = append(townships[r.Township], r)
		kinds[r.Kind] = append(kinds[r.Kind], r)
	}
	e.Total = group("合计", e.Cases)
	slices.SortFunc(townOrder, strings.Compare)
	for _, t := range townOrder {
		e.ByTownship = append(e.ByTownship, group(t, townships[t]))
	}
	for _, k := range []string{KindFee, KindPenalty} {
		e.ByKind = append(e.ByKind, group(k, kinds[k]))
	}
	e.ByCategory = categoryLosses(e.Cases)
	e.Problems, e.Rectification = problems(e.Cases)
	return e
}

func asDay(t time.Time) string { return t.Format("2006-01-02") }

// oneDecimal rounds to one decimal place.
func oneDecimal(x float64) float64 { return math.Round(x*10) / 10 }

func group(name string, rs []CaseResult) Group {
	g := Group{Name: name, Cases: len(rs)}
	sum := 0
	for _, r := range rs {
		sum += r.Score
		switch r.Grade {
		case GradeExcellent:
			g.Excellent++
		case GradePass:
			g.Pass++
		default:
			g.Fail++
		}
		if len(r.Fatal) > 0 {
			g.Fatal++
		}
		if len(r.Pending) > 0 {
			g.Pending++
		}
	}
	if len(rs) > 0 {
		g.Average = oneDecimal(float64(sum) / float64(len(rs)))
	}
	return g
}

func categoryLosses(rs []CaseResult) []CategoryLoss {
	var out []CategoryLoss
	for _, cat := range Categories {
		l := CategoryLoss{Category: cat}
		for _, rule := range Rules {
			if rule.Category == cat {
				l.Points += rule.Points
			}
		}
		for _, r := range rs {
			for _, d := range r.Deductions {
				if d.Category == cat {
					l.Lost += d.Lost
				}
			}
		}
		if len(rs) > 0 {
			l.Average = oneDecimal(float64(l.Lost) / float64(len(rs)))
		}
		out = append(out, l)
	}
	return out
}

// problems counts the files failing each rule, most frequent first, and
// lists what to put right in rule order.
func problems(rs []CaseResult) ([]ProblemCount, []Rectification) {
	var counts []ProblemCount
	var fixes []Rectification
	for _, rule := range Rules {
		var numbers []string
		for _, r := range rs {
			for _, d := range r.Deductions {
				if d.Rule == rule.ID {
					numbers = append(numbers, r.Number)
				}
			}
		}
		if len(numbers) == 0 {
			continue
		}
		counts = append(counts, ProblemCount{
			Rule: rule.ID, Title: rule.Title, Category: rule.Category, Clause: rule.Clause,
			Cases: len(numbers), Share: oneDecimal(100 * float64(len(numbers)) / float64(len(rs))),
		})
		fixes = append(fixes, Rectification{Rule: rule.ID, Title: rule.Title, Fix: rule.Fix, Cases: numbers})
	}
	slices.SortStableFunc(counts, func(a, b ProblemCount) int { return b.Cases - a.Cases })
	return counts, fixes
}
