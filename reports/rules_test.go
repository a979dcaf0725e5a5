package reports

import (
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"qingdan/internal/seedtext"
	"qingdan/period"
)

var testSettings = Settings{
	Org:              "威县人口和计划生育局",
	Excellent:        90,
	Pass:             70,
	MajorAmount:      fen(50000),
	LitigationMonths: 6,
	Reviewers:        []string{"钱某", "吴某"},
	Approver:         "刘某",
	LegalOffice:      "威县人民政府法制办公室",
	EvaluationTo:     "各乡镇人民政府，局机关各股室",
	Contact:          "孙某",
	Phone:            "0319-7631779",
}

// goodCase reads testdata/good.toml, a case file that keeps every rule
// that applies to it.
func goodCase(t testing.TB) *Case {
	t.Helper()
	data, err := os.ReadFile("testdata/good.toml")
	if err != nil {
		t.Fatal(err)
	}
	c, ps := ParseCase("testdata/good.toml", data)
	if ps.HasErrors() {
		t.Fatalf("good.toml: %s", ps)
	}
	return c
}

func d(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// asPenalty turns the good case into a 行政处罚 case that keeps the rules.
func asPenalty(c *Case) {
	c.Kind = KindPenalty
	c.Approval.Form = "行政处罚审批表"
	c.Closing.Form = "行政处罚结案报告"
	c.Execution.LateFee = 0
	c.Archive.Documents = []string{"立案审批表", "询问笔录", "调查笔录", "告知书", "听证通知书", "听证笔录", "行政处罚审批表", "集体讨论记录", "行政处罚决定书", "送达回证", "缴款凭证", "行政处罚结案报告"}
}

// unpaid leaves the decision unpaid, for the court-enforcement rule.
func unpaid(c *Case) {
	c.Execution.Payments = nil
	c.Execution.LateFee = 0
	c.Closing = nil
	c.Archive = nil
}

func TestRules(t *testing.T) {
	tests := []struct {
		rule   string
		name   string
		change func(c *Case, others *[]*Case)
		want   Status
	}{
		{"R01", "two officers everywhere", nil, StatusPass},
		{"R01", "one officer at one record", func(c *Case, _ *[]*Case) { c.Investigations[1].Officers = c.Investigations[1].Officers[:1] }, StatusFail},
		{"R01", "two officers, one certificate expired that day", func(c *Case, _ *[]*Case) { c.Investigations[0].Officers[1].ValidUntil = d("2026-01-07") }, StatusFail},
		{"R01", "two officers, one certificate valid to that day", func(c *Case, _ *[]*Case) { c.Investigations[0].Officers[1].ValidUntil = d("2026-01-08") }, StatusPass},
		{"R01", "two officers, one without certificate", func(c *Case, _ *[]*Case) { c.Investigations[1].Officers[0].Certificate = "" }, StatusFail},
		{"R01", "three officers, one expired", func(c *Case, _ *[]*Case) {
			in := &c.Investigations[0]
			in.Officers = append(in.Officers, Officer{Name: "钱某", Certificate: "冀130533003", ValidUntil: d("2025-01-01")})
		}, StatusPass},
		{"R01", "no investigation", func(c *Case, _ *[]*Case) { c.Investigations = nil }, StatusNA},
		{"R02", "valid certificates", nil, StatusPass},
		{"R02", "certificate expired", func(c *Case, _ *[]*Case) { c.Investigations[0].Officers[1].ValidUntil = d("2025-12-31") }, StatusFail},
		{"R02", "valid on the day itself", func(c *Case, _ *[]*Case) { c.Investigations[0].Officers[1].ValidUntil = d("2026-01-08") }, StatusPass},
		{"R02", "no certificate number", func(c *Case, _ *[]*Case) { c.Investigations[0].Officers[0].Certificate = "" }, StatusFail},
		{"R02", "no validity", func(c *Case, _ *[]*Case) { c.Investigations[0].Officers[0].ValidUntil = time.Time{} }, StatusFail},
		{"R03", "credentials shown", nil, StatusPass},
		{"R03", "credentials not shown", func(c *Case, _ *[]*Case) { c.Investigations[1].Credentials = false }, StatusFail},
		{"R04", "no interest", nil, StatusPass},
		{"R04", "interested officer", func(c *Case, _ *[]*Case) { c.Investigations[0].Officers[0].Interested = true }, StatusFail},
		{"R05", "records signed", nil, StatusPass},
		{"R05", "record unsigned", func(c *Case, _ *[]*Case) { c.Investigations[0].Signed = false }, StatusFail},
		{"R05", "no records", func(c *Case, _ *[]*Case) { c.Investigations = nil }, StatusFail},
		{"R06", "full marks", nil, StatusPass},
		{"R06", "reviewer deducts", func(c *Case, _ *[]*Case) { c.Review.Facts = 3 }, StatusFail},
		{"R06", "no review", func(c *Case, _ *[]*Case) { c.Review = nil }, StatusPending},
		{"R07", "full marks", nil, StatusPass},
		{"R07", "reviewer deducts", func(c *Case, _ *[]*Case) { c.Review.Evidence = 0 }, StatusFail},
		{"R08", "notice complete and before", nil, StatusPass},
		{"R08", "no notice", func(c *Case, _ *[]*Case) { c.Notice = nil }, StatusFail},
		{"R08", "notice on the decision day", func(c *Case, _ *[]*Case) { c.Notice.Date = c.Decision.Date }, StatusFail},
		{"R08", "rights not told", func(c *Case, _ *[]*Case) { c.Notice.Rights = false }, StatusFail},
		{"R08", "statement after decision", func(c *Case, _ *[]*Case) { c.Notice.StatementDate = d("2026-02-13") }, StatusFail},
		{"R09", "approved the day before", nil, StatusPass},
		{"R09", "approved the same day", func(c *Case, _ *[]*Case) { c.Approval.Date = c.Decision.Date }, StatusPass},
		{"R09", "approved after the decision", func(c *Case, _ *[]*Case) { c.Approval.Date = d("2026-02-13") }, StatusFail},
		{"R09", "no approval", func(c *Case, _ *[]*Case) { c.Approval = nil }, StatusFail},
		{"R09", "wrong form", func(c *Case, _ *[]*Case) { c.Approval.Form = "行政处罚审批表" }, StatusFail},
		{"R10", "major by amount, discussed", nil, StatusPass},
		{"R10", "major by amount, not discussed", func(c *Case, _ *[]*Case) { c.Discussion = nil }, StatusFail},
		{"R10", "discussed after the decision", func(c *Case, _ *[]*Case) { c.Discussion.Date = d("2026-02-20") }, StatusFail},
		{"R10", "ordinary, not discussed", func(c *Case, _ *[]*Case) { c.Decision.Amount = 20000; c.Discussion = nil }, StatusNA},
		{"R10", "flagged major, not discussed", func(c *Case, _ *[]*Case) { c.Decision.Amount = 20000; c.Major = true; c.Discussion = nil }, StatusFail},
		{"R10", "complex, not discussed", func(c *Case, _ *[]*Case) { c.Decision.Amount = 20000; c.Complex = true; c.Discussion = nil }, StatusFail},
		{"R11", "penalty, hearing right told", func(c *Case, _ *[]*Case) { asPenalty(c) }, StatusPass},
		{"R11", "penalty, not told", func(c *Case, _ *[]*Case) { asPenalty(c); c.Hearing = nil }, StatusFail},
		{"R11", "penalty, told after the decision", func(c *Case, _ *[]*Case) { asPenalty(c); c.Hearing.RightDate = d("2026-02-12") }, StatusFail},
		{"R11", "penalty below 8000", func(c *Case, _ *[]*Case) { asPenalty(c); c.Decision.Amount = 7999.99; c.Hearing = nil }, StatusNA},
		{"R11", "penalty of exactly 8000", func(c *Case, _ *[]*Case) { asPenalty(c); c.Decision.Amount = 8000; c.Hearing = nil }, StatusFail},
		{"R11", "fee case told", nil, StatusNA},
		{"R11", "fee case of 60000 not told", func(c *Case, _ *[]*Case) { c.Hearing = nil }, StatusNA},
		{"R12", "requested in time, held", func(c *Case, _ *[]*Case) { asPenalty(c) }, StatusPass},
		{"R12", "requested in time, not held", func(c *Case, _ *[]*Case) {
			asPenalty(c)
			c.Hearing.Date = time.Time{}
			c.Hearing.NoticeDate = time.Time{}
		}, StatusFail},
		{"R12", "fee case requested, not held", func(c *Case, _ *[]*Case) { c.Hearing.Date = time.Time{}; c.Hearing.NoticeDate = time.Time{} }, StatusNA},
		{"R12", "requested late, not held", func(c *Case, _ *[]*Case) {
			asPenalty(c)
			c.Hearing.RequestDate = d("2026-01-19")
			c.Hearing.Date = time.Time{}
		}, StatusNA},
		{"R13", "notice 8 days before", nil, StatusPass},
		{"R13", "notice exactly 7 days before", func(c *Case, _ *[]*Case) { c.Hearing.NoticeDate = d("2026-01-21") }, StatusPass},
		{"R13", "notice 6 days before", func(c *Case, _ *[]*Case) { c.Hearing.NoticeDate = d("2026-01-22") }, StatusFail},
		{"R13", "no notice", func(c *Case, _ *[]*Case) { c.Hearing.NoticeDate = time.Time{} }, StatusFail},
		{"R14", "hearing before decision", nil, StatusPass},
		{"R14", "hearing on decision day", func(c *Case, _ *[]*Case) { c.Hearing.Date = c.Decision.Date }, StatusFail},
		{"R15", "served in 2 days", nil, StatusPass},
		{"R15", "served on day 7", func(c *Case, _ *[]*Case) { c.Service.Date = d("2026-02-19") }, StatusPass},
		{"R15", "served on day 8", func(c *Case, _ *[]*Case) { c.Service.Date = d("2026-02-20") }, StatusFail},
		{"R15", "never served", func(c *Case, _ *[]*Case) { c.Service = nil }, StatusFail},
		{"R15", "not served yet, not due", func(c *Case, _ *[]*Case) { c.Decision.Date = d("2026-06-28"); c.Service = nil }, StatusNA},
		{"R16", "signed by the party", nil, StatusPass},
		{"R16", "no receipt", func(c *Case, _ *[]*Case) { c.Service.Receipt = false }, StatusFail},
		{"R16", "no date recorded", func(c *Case, _ *[]*Case) { c.Service.DateRecorded = false }, StatusFail},
		{"R16", "unsigned", func(c *Case, _ *[]*Case) { c.Service.Signed = false }, StatusFail},
		{"R16", "person's receipt signed by a clerk", func(c *Case, _ *[]*Case) { c.Service.Role = RoleClerk }, StatusFail},
		{"R16", "organisation, legal representative", func(c *Case, _ *[]*Case) {
			c.Party.Type = PartyOrg
			c.Service.Role = RoleLegal
		}, StatusPass},
		{"R16", "organisation, signed as 本人", func(c *Case, _ *[]*Case) { c.Party.Type = PartyOrg }, StatusFail},
		{"R17", "late fee right", nil, StatusPass},
		{"R17", "late fee overcharged", func(c *Case, _ *[]*Case) { c.Execution.LateFee = 120 }, StatusFail},
		{"R17", "late fee not charged", func(c *Case, _ *[]*Case) { c.Execution.LateFee = 0 }, StatusFail},
		{"R17", "late fee within a yuan", func(c *Case, _ *[]*Case) { c.Execution.LateFee = 80.99 }, StatusPass},
		{"R17", "paid on time", func(c *Case, _ *[]*Case) {
			c.Execution.Payments[1].Date = d("2026-03-14")
			c.Execution.LateFee = 0
		}, StatusNA},
		{"R17", "unpaid part up to late_fee_until", func(c *Case, _ *[]*Case) {
			c.Execution.Payments = c.Execution.Payments[:1]
			c.Execution.LateFeeUntil = d("2026-06-14")
			c.Execution.LateFee = 120 // 20000 × 2‰ × 3 months
		}, StatusPass},
		{"R17", "penalty case", func(c *Case, _ *[]*Case) { asPenalty(c) }, StatusNA},
		{"R18", "paid before the litigation period ended", nil, StatusNA},
		{"R18", "applied within 180 days", func(c *Case, _ *[]*Case) {
			unpaid(c)
			c.Execution.CourtDate = d("2026-09-01")
		}, StatusPass},
		{"R18", "applied before the period ended", func(c *Case, _ *[]*Case) {
			unpaid(c)
			c.Execution.CourtDate = d("2026-07-01")
		}, StatusFail},
		{"R18", "applied after 180 days", func(c *Case, _ *[]*Case) {
			unpaid(c)
			c.Execution.CourtDate = d("2027-03-01")
		}, StatusFail},
		{"R18", "never applied, long overdue", func(c *Case, _ *[]*Case) {
			unpaid(c)
			c.Decision.Date, c.Service.Date = d("2024-01-10"), d("2024-01-12")
		}, StatusFail},
		{"R19", "penalty within two years", func(c *Case, _ *[]*Case) { asPenalty(c) }, StatusPass},
		{"R19", "discovered more than two years after the act", func(c *Case, _ *[]*Case) {
			asPenalty(c)
			c.Violation.Date = d("2024-01-04")
		}, StatusFail},
		{"R19", "discovered exactly two years after the act", func(c *Case, _ *[]*Case) {
			asPenalty(c)
			c.Violation.Date = d("2024-01-05")
		}, StatusPass},
		{"R19", "discovered in time, decided more than two years after the act", func(c *Case, _ *[]*Case) {
			asPenalty(c)
			c.Violation.Date = d("2024-01-06")
		}, StatusPass},
		{"R19", "continued act counted from its end", func(c *Case, _ *[]*Case) {
			asPenalty(c)
			c.Violation.Date, c.Violation.End = d("2023-05-01"), d("2024-03-01")
		}, StatusPass},
		{"R19", "continued act ended more than two years before", func(c *Case, _ *[]*Case) {
			asPenalty(c)
			c.Violation.Date, c.Violation.End = d("2023-05-01"), d("2023-12-31")
		}, StatusFail},
		{"R19", "fee case", nil, StatusNA},
		{"R20", "first decision on the act", func(c *Case, others *[]*Case) {
			o := *c
			o.Number, o.Decision = "威人口征立〔2026〕9号", &Decision{Number: "威人口征决〔2026〕9号", Date: d("2026-04-01"), Amount: 1000}
			*others = append(*others, &o)
		}, StatusPass},
		{"R20", "second decision on the act", func(c *Case, others *[]*Case) {
			o := *c
			o.Number, o.Decision = "威人口征立〔2025〕9号", &Decision{Number: "威人口征决〔2025〕9号", Date: d("2025-11-01"), Amount: 1000}
			*others = append(*others, &o)
		}, StatusFail},
		{"R20", "another act of the same party", func(c *Case, others *[]*Case) {
			o := *c
			o.Violation.Date = d("2023-01-01")
			o.Number, o.Decision = "威人口征立〔2025〕9号", &Decision{Number: "威人口征决〔2025〕9号", Date: d("2025-11-01"), Amount: 1000}
			*others = append(*others, &o)
		}, StatusPass},
		{"R21", "full marks", nil, StatusPass},
		{"R21", "reviewer deducts", func(c *Case, _ *[]*Case) { c.Review.Law = 7 }, StatusFail},
		{"R22", "decision made", nil, StatusPass},
		{"R22", "no decision", func(c *Case, _ *[]*Case) {
			c.Decision, c.Service, c.Execution, c.Closing, c.Archive = nil, nil, nil, nil, nil
		}, StatusFail},
		{"R23", "closing report", nil, StatusPass},
		{"R23", "no closing report", func(c *Case, _ *[]*Case) { c.Closing = nil }, StatusFail},
		{"R23", "wrong form", func(c *Case, _ *[]*Case) { c.Closing.Form = "行政处罚结案报告" }, StatusFail},
		{"R23", "closed before paid", func(c *Case, _ *[]*Case) { c.Closing.Date = d("2026-05-19") }, StatusFail},
		{"R23", "not yet paid", func(c *Case, _ *[]*Case) { unpaid(c) }, StatusNA},
		{"R23", "court enforcement done", func(c *Case, _ *[]*Case) {
			unpaid(c)
			c.Execution.CourtDate, c.Execution.CourtDone = d("2026-09-01"), d("2026-10-01")
			c.Closing = &Closing{Date: d("2026-10-08"), Form: "征收社会抚养费报告"}
		}, StatusPass},
		{"R24", "archived in 16 days", nil, StatusPass},
		{"R24", "archived on the last day", func(c *Case, _ *[]*Case) { c.Archive.Date = d("2026-06-25") }, StatusPass},
		{"R24", "archived late", func(c *Case, _ *[]*Case) { c.Archive.Date = d("2026-06-26") }, StatusFail},
		{"R24", "not archived, overdue", func(c *Case, _ *[]*Case) { c.Closing.Date = d("2026-05-20"); c.Archive = nil }, StatusFail},
		{"R24", "not archived, not due", func(c *Case, _ *[]*Case) { c.Closing.Date = d("2026-06-20"); c.Archive = nil }, StatusNA},
		{"R25", "complete", nil, StatusPass},
		{"R25", "decision missing from the file", func(c *Case, _ *[]*Case) {
			c.Archive.Documents = slicesDelete(c.Archive.Documents, "征收社会抚养费决定书")
		}, StatusFail},
		{"R25", "court application missing", func(c *Case, _ *[]*Case) { c.Execution.CourtDate = d("2026-09-01") }, StatusFail},
		{"R26", "in order", nil, StatusPass},
		{"R26", "out of order", func(c *Case, _ *[]*Case) {
			docs := c.Archive.Documents
			docs[0], docs[1] = docs[1], docs[0]
		}, StatusFail},
		{"R26", "not archived", func(c *Case, _ *[]*Case) { c.Archive = nil }, StatusNA},
	}
	seen := map[string]map[Status]bool{}
	for _, tt := range tests {
		t.Run(tt.rule+"/"+tt.name, func(t *testing.T) {
			c := goodCase(t)
			all := []*Case{c}
			if tt.change != nil {
				tt.change(c, &all)
			}
			rule := RuleByID(tt.rule)
			env := NewEnv(all, testSettings, d("2026-07-01"))
			o := rule.Check(c, env)
			if o.Status != tt.want {
				t.Fatalf("status %s, want %s; details %q", o.Status, tt.want, o.Details)
			}
			switch {
			case o.Status == StatusFail && (o.Lost <= 0 || len(o.Details) == 0):
				t.Errorf("failed without deduction or details: %+v", o)
			case o.Status == StatusPass && o.Lost != 0:
				t.Errorf("passed with deduction %d", o.Lost)
			}
			if seen[tt.rule] == nil {
				seen[tt.rule] = map[Status]bool{}
			}
			seen[tt.rule][o.Status] = true
		})
	}
	for _, r := range Rules {
		if !seen[r.ID][StatusPass] || !seen[r.ID][StatusFail] {
			t.Errorf("rule %s needs a passing and a failing test case", r.ID)
		}
	}
}

func slicesDelete(ss []string, s string) []string {
	var out []string
	for _, x := range ss {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}

func TestGoodCaseScoresFull(t *testing.T) {
	c := goodCase(t)
	r := ScoreCase(c, NewEnv([]*Case{c}, testSettings, d("2026-07-01")))
	if r.Score != 100 || r.Grade != GradeExcellent || len(r.Deductions) != 0 {
		t.Fatalf("good case scored %d (%s), deductions %+v", r.Score, r.Grade, r.Deductions)
	}
}

func TestRubricAddsUpTo100(t *testing.T) {
	total := 0
	ids := map[string]bool{}
	for _, r := range Rules {
		total += r.Points
		if ids[r.ID] {
			t.Errorf("rule id %s used twice", r.ID)
		}
		ids[r.ID] = true
		if r.Clause == "" || r.Fix == "" || r.Title == "" || r.Step == "" {
			t.Errorf("rule %s is missing its clause, fix, title or step", r.ID)
		}
		if (r.check == nil) == (r.score == nil) {
			t.Errorf("rule %s must have exactly one of check and score", r.ID)
		}
	}
	if total != 100 {
		t.Errorf("rules add up to %d points, want 100", total)
	}
	for _, id := range []string{"R01", "R19", "R20", "R22"} {
		if !RuleByID(id).Fatal {
			t.Errorf("rule %s should fail a file outright", id)
		}
	}
}

// TestClausesQuoteTheSeed checks every clause is the seed's own words.
func TestClausesQuoteTheSeed(t *testing.T) {
	for _, r := range Rules {
		for _, part := range strings.Split(r.Clause, "……") {
			if !strings.Contains(seedtext.Source, part) {
				t.Errorf("rule %s: clause %q is not in the seed", r.ID, part)
			}
		}
	}
	if !strings.Contains(seedtext.Source, filingClause) {
		t.Errorf("filing clause is not in the seed")
	}
}

func TestGrades(t *testing.T) {
	tests := []struct {
		score int
		fatal bool
		want  string
	}{
		{100, false, GradeExcellent}, {90, false, GradeExcellent}, {89, false, GradePass},
		{70, false, GradePass}, {69, false, GradeFail}, {95, true, GradeFail},
	}
	for _, tt := range tests {
		if got := grade(tt.score, tt.fatal, testSettings); got != tt.want {
			t.Errorf("grade(%d, %t) = %s, want %s", tt.score, tt.fatal, got, tt.want)
		}
	}
}

func TestDays(t *testing.T) {
	// 2026-02-13 is a Friday; 2026-02-16..20 are 春节 holidays, and
	// 2026-02-14 (Saturday) a 调休 working day.
	working := Days{Working: true,
		Holidays: []time.Time{d("2026-02-16"), d("2026-02-17"), d("2026-02-18"), d("2026-02-19"), d("2026-02-20")},
		Workdays: []time.Time{d("2026-02-14")}}
	tests := []struct {
		days     Days
		from, to string
		want     int
	}{
		{Days{}, "2026-02-13", "2026-02-13", 0},
		{Days{}, "2026-02-13", "2026-02-20", 7},
		{Days{}, "2026-02-20", "2026-02-13", -7},
		{working, "2026-02-13", "2026-02-14", 1}, // 调休 Saturday
		{working, "2026-02-13", "2026-02-15", 1}, // Sunday
		{working, "2026-02-13", "2026-02-23", 2}, // holidays skipped
		{working, "2026-02-23", "2026-02-13", -2},
		{Days{Working: true}, "2026-03-06", "2026-03-13", 5},
	}
	for _, tt := range tests {
		if got := tt.days.count(d(tt.from), d(tt.to)); got != tt.want {
			t.Errorf("count(%s, %s) working=%t = %d, want %d", tt.from, tt.to, tt.days.Working, got, tt.want)
		}
	}
	if got := working.add(d("2026-02-13"), 2); !got.Equal(d("2026-02-23")) {
		t.Errorf("add 2 working days to 2026-02-13 = %s, want 2026-02-23", got)
	}
}

// TestWorkingDaysSetting: service on the 11th calendar day is late in
// calendar days, on time when the bureau counts working days over 春节.
func TestWorkingDaysSetting(t *testing.T) {
	c := goodCase(t)
	c.Decision.Date, c.Service.Date = d("2026-02-13"), d("2026-02-24")
	s := testSettings
	if o := RuleByID("R15").Check(c, NewEnv([]*Case{c}, s, d("2026-07-01"))); o.Status != StatusFail {
		t.Fatalf("calendar days: %s %q, want fail", o.Status, o.Details)
	}
	s.Days = Days{Working: true, Holidays: []time.Time{d("2026-02-16"), d("2026-02-17"), d("2026-02-18"), d("2026-02-19"), d("2026-02-20")}}
	if o := RuleByID("R15").Check(c, NewEnv([]*Case{c}, s, d("2026-07-01"))); o.Status != StatusPass {
		t.Fatalf("working days: %s %q, want pass", o.Status, o.Details)
	}
	c.Service.Date = d("2026-03-06")
	o := RuleByID("R15").Check(c, NewEnv([]*Case{c}, s, d("2026-07-01")))
	if o.Status != StatusFail || !strings.Contains(strings.Join(o.Details, ""), "个工作日") {
		t.Fatalf("working days, served on the 9th working day: %s %q, want a fail in 个工作日", o.Status, o.Details)
	}
}

// TestFatalScoresZero: a file with a 否决项 scores 0 and every table of
// the report marks it 直接不合格.
func TestFatalScoresZero(t *testing.T) {
	good, bad := goodCase(t), goodCase(t)
	bad.Number = "威人口征立〔2026〕2号"
	bad.Party.ID = "130533198503120048"
	bad.Decision.Number = "威人口征决〔2026〕2号"
	bad.Investigations[0].Officers[1].ValidUntil = d("2025-12-31")
	e := Evaluate([]*Case{good, bad}, testSettings, period.Period{Year: 2026, Half: 1})
	r := e.Cases[1]
	if r.Number != bad.Number || r.Score != 0 || r.Grade != GradeFail || !slices.Contains(r.Fatal, "R01") {
		t.Fatalf("expired certificate: %s scores %d (%s), fatal %v", r.Number, r.Score, r.Grade, r.Fatal)
	}
	if e.Total.Average != 50 || e.Total.Fatal != 1 {
		t.Errorf("average %.1f with %d fatal, want 50.0 with 1", e.Total.Average, e.Total.Fatal)
	}
	doc := EvaluationDocument(e, Issue{})
	tables := 0
	for _, b := range doc.Blocks {
		if b.Table == nil {
			continue
		}
		text := strings.Join(slices.Concat(b.Table.Rows...), " ")
		for _, col := range b.Table.Columns {
			text += " " + col.Title
		}
		if strings.Contains(text, bad.Number) || strings.Contains(text, "不合格") {
			tables++
			if !strings.Contains(text, "直接不合格") {
				t.Errorf("table %q does not mark the file 直接不合格", b.Table.Columns[0].Title)
			}
		}
		for _, row := range b.Table.Rows {
			if len(row) == 7 && row[1] == bad.Number && (row[5] != "0" || row[6] != "直接不合格") {
				t.Errorf("score table row %q, want 0 and 直接不合格", row)
			}
		}
	}
	if tables < 4 {
		t.Errorf("%d tables count the file, want the score, deduction, problem and group tables", tables)
	}
}

func TestDaysUncovered(t *testing.T) {
	c := goodCase(t)
	if y := (Days{}).Uncovered([]*Case{c}); y != nil {
		t.Errorf("calendar days need no holidays, got %v", y)
	}
	if y := (Days{Working: true, Holidays: []time.Time{d("2025-10-01")}}).Uncovered([]*Case{c}); !slices.Equal(y, []int{2026}) {
		t.Errorf("uncovered years %v, want [2026]", y)
	}
	if y := (Days{Working: true, Holidays: []time.Time{d("2026-01-01")}}).Uncovered([]*Case{c}); y != nil {
		t.Errorf("covered, got %v", y)
	}
}
