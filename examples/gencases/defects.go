package main

import (
	"fmt"
	"slices"
	"time"
)

// defect breaks one rule in a case that meets its precondition.
type defect struct {
	rule  string
	fits  func(c *caseFile) bool
	apply func(c *caseFile, cases []*caseFile)
}

func always(c *caseFile) bool { return true }

func hasHearing(c *caseFile) bool { return c.hearing != nil && !c.hearing.date.IsZero() }

func hasArchive(c *caseFile) bool { return c.archive != nil }

func hasReview(c *caseFile) bool { return c.review != nil }

// redo lists the documents again after a defect changed the steps.
func redo(c *caseFile) {
	if c.archive != nil {
		forms := map[string][3]string{
			kindFee:     {"征收社会抚养费审批表", "征收社会抚养费决定书", "征收社会抚养费报告"},
			kindPenalty: {"行政处罚审批表", "行政处罚决定书", "行政处罚结案报告"},
		}[c.kind]
		c.archive.docs = documents(c, forms)
	}
}

var defects = []defect{
	{"R01", always, func(c *caseFile, _ []*caseFile) {
		c.records[1].officers = c.records[1].officers[:1]
		c.comment = "调查笔录只有一名执法人员（违反 R01，直接不合格）。"
	}},
	{"R02", always, func(c *caseFile, _ []*caseFile) {
		c.records[0].officers[1] = officers[5]
		c.comment = "执法人员袁晓梅的执法证已过期（违反 R02）。"
	}},
	{"R03", always, func(c *caseFile, _ []*caseFile) {
		c.records[1].credentials = false
		c.comment = "调查时未记明出示执法证（违反 R03）。"
	}},
	{"R04", always, func(c *caseFile, _ []*caseFile) {
		c.records[0].interested = 1
		c.comment = "执法人员与当事人有直接利害关系而未回避（违反 R04）。"
	}},
	{"R05", always, func(c *caseFile, _ []*caseFile) {
		c.records[1].signed = false
		c.comment = "调查笔录无被调查人签字（违反 R05）。"
	}},
	{"R06", hasReview, func(c *caseFile, _ []*caseFile) {
		c.review.facts, c.review.note = 3, "违法行为发生时间前后记载不一致"
		c.comment = "评查人员认为事实不够清楚（R06 人工评查扣分）。"
	}},
	{"R07", hasReview, func(c *caseFile, _ []*caseFile) {
		c.review.evidence, c.review.note = 2, "缺少子女出生医学证明复印件"
		c.comment = "评查人员认为证据不足（R07 人工评查扣分）。"
	}},
	{"R08", always, func(c *caseFile, _ []*caseFile) {
		c.notice.basis, c.notice.rights = false, false
		c.comment = "告知书未载明依据和当事人享有的权利（违反 R08）。"
	}},
	{"R09", func(c *caseFile) bool { return c.decision != nil }, func(c *caseFile, _ []*caseFile) {
		c.approval.date = c.decision.date.AddDate(0, 0, 2)
		c.comment = "决定作出后才补办审批（违反 R09）。"
	}},
	{"R10", func(c *caseFile) bool { return c.discussion != nil }, func(c *caseFile, _ []*caseFile) {
		c.discussion = nil
		redo(c)
		c.comment = "重大案件未经负责人集体讨论（违反 R10）。"
	}},
	{"R11", func(c *caseFile) bool { return c.kind == kindPenalty && c.hearing != nil && c.hearing.request.IsZero() }, func(c *caseFile, _ []*caseFile) {
		c.hearing = nil
		c.comment = "行政处罚决定金额 8000 元以上，未告知听证权利（违反 R11）。"
	}},
	{"R12", func(c *caseFile) bool { return c.kind == kindPenalty && hasHearing(c) }, func(c *caseFile, _ []*caseFile) {
		c.hearing.notice, c.hearing.date = time.Time{}, time.Time{}
		redo(c)
		c.comment = "当事人告知后两日内要求听证，未组织听证（违反 R12）。"
	}},
	{"R13", hasHearing, func(c *caseFile, _ []*caseFile) {
		c.hearing.notice = c.hearing.date.AddDate(0, 0, -4)
		c.comment = "听证前四日才通知当事人（违反 R13）。"
	}},
	{"R14", hasHearing, func(c *caseFile, _ []*caseFile) {
		c.hearing.date = c.decision.date.AddDate(0, 0, 1)
		c.hearing.notice = c.hearing.date.AddDate(0, 0, -8)
		c.comment = "决定作出后才举行听证（违反 R14）。"
	}},
	{"R15", func(c *caseFile) bool { return c.service != nil }, func(c *caseFile, _ []*caseFile) {
		c.service.date = c.decision.date.AddDate(0, 0, 10)
		c.comment = "决定书作出后第十日才送达（违反 R15）。"
	}},
	{"R16", func(c *caseFile) bool { return c.service != nil && !c.party.org }, func(c *caseFile, _ []*caseFile) {
		c.service.dated = false
		c.service.role, c.service.recipient = "负责收件的人", "村委会文书"
		c.comment = "送达回证由村委会文书代收且未记明收到日期（违反 R16）。"
	}},
	{"R17", func(c *caseFile) bool { return c.kind == kindFee && c.execution != nil && c.execution.lateFee > 0 }, func(c *caseFile, _ []*caseFile) {
		c.execution.lateFee *= 3
		c.comment = "滞纳金多收（违反 R17）。"
	}},
	{"R18", func(c *caseFile) bool { return c.execution != nil && !c.execution.courtDate.IsZero() }, func(c *caseFile, _ []*caseFile) {
		if c.decision.date.Year() == 2025 {
			c.execution.courtDate = addMonths(c.service.date, 6).AddDate(0, 0, 200)
			if !c.execution.courtDone.IsZero() {
				c.execution.courtDone = c.execution.courtDate.AddDate(0, 0, 60)
				c.closing.date = c.execution.courtDone.AddDate(0, 0, 5)
				c.archive.date = c.closing.date.AddDate(0, 0, 12)
			}
			c.comment = "起诉期限届满后第二百日才申请法院强制执行（违反 R18）。"
			return
		}
		c.execution.courtDate = addMonths(c.service.date, 2)
		c.comment = "法定起诉期限届满前即申请法院强制执行（违反 R18）。"
	}},
	{"R19", func(c *caseFile) bool { return c.kind == kindPenalty && c.decision != nil }, func(c *caseFile, _ []*caseFile) {
		c.actDate = addMonths(c.decision.date, -27)
		c.comment = "违法行为发生两年以后才作出处罚决定（违反 R19，直接不合格）。"
	}},
	{"R20", func(c *caseFile) bool { return c.decision != nil }, func(c *caseFile, cases []*caseFile) {
		for _, o := range cases {
			if o != c && o.kind == c.kind && o.decision != nil && o.decision.date.Before(c.decision.date) && o.actDate.Before(c.registered) && o.party.org == c.party.org {
				c.party, c.act, c.actDate = o.party, o.act, o.actDate
				c.records[0].subject = o.records[0].subject
				c.service.recipient = o.service.recipient
				c.comment = fmt.Sprintf("当事人的同一违法行为已由 %s 处理（违反 R20，直接不合格）。", o.decision.number)
				return
			}
		}
		panic("no earlier case to copy for R20")
	}},
	{"R21", hasReview, func(c *caseFile, _ []*caseFile) {
		c.review.law, c.review.note = 6, "决定书引用条款不准确，未写明具体款项"
		c.comment = "评查人员认为适用法律不够准确（R21 人工评查扣分）。"
	}},
	{"R22", func(c *caseFile) bool { return inPeriod(c.registered, c.decision.date) }, func(c *caseFile, _ []*caseFile) {
		c.decision, c.service, c.execution, c.closing, c.archive = nil, nil, nil, nil, nil
		c.comment = "经审批但未制作决定书（违反 R22，直接不合格）。"
	}},
	{"R23", hasArchive, func(c *caseFile, _ []*caseFile) {
		c.closing.form = map[string]string{kindFee: "行政处罚结案报告", kindPenalty: "征收社会抚养费报告"}[c.kind]
		c.comment = "结案报告用错了文书种类（违反 R23）。"
	}},
	{"R24", hasArchive, func(c *caseFile, _ []*caseFile) {
		c.archive.date = c.closing.date.AddDate(0, 0, 45)
		c.comment = "结案四十五日后才整理装订（违反 R24）。"
	}},
	{"R25", hasArchive, func(c *caseFile, _ []*caseFile) {
		var docs []string
		for _, d := range c.archive.docs {
			if d != "送达回证" {
				docs = append(docs, d)
			}
		}
		c.archive.docs = docs
		c.comment = "卷内缺少送达回证（违反 R25）。"
	}},
	{"R26", hasArchive, func(c *caseFile, _ []*caseFile) {
		c.archive.docs[0], c.archive.docs[1] = c.archive.docs[1], c.archive.docs[0]
		c.comment = "立案审批表装订在询问笔录之后（违反 R26）。"
	}},
}

// inPeriod reports whether two days are in the same half year.
func inPeriod(a, b time.Time) bool {
	return a.Year() == b.Year() && (a.Month() <= 6) == (b.Month() <= 6)
}

// breakRules gives each rule one defective case in each period, in the
// first case of the period that can show it, then a few more defects to
// some cases so that scores spread over the grades; the rest stay clean.
func breakRules(cases []*caseFile) {
	used := make([]bool, len(cases))
	for _, d := range defects {
		for half := 0; half < 2; half++ {
			found := false
			for i := half; i < len(cases); i += 2 {
				if !used[i] && d.fits(cases[i]) {
					apply(d, cases[i], cases)
					used[i] = true
					found = true
					break
				}
			}
			if !found {
				panic("no case can show a defect of " + d.rule)
			}
		}
	}
	for i, c := range cases {
		var more []string
		switch {
		case i%7 == 4:
			more = []string{"R03", "R05", "R08", "R09", "R13", "R15", "R16", "R24"}
		case i%5 == 2:
			more = []string{"R03", "R08", "R15"}
		}
		for _, d := range defects {
			if slices.Contains(more, d.rule) && d.fits(c) {
				apply(d, c, cases)
			}
		}
	}
}

// apply breaks a rule in a case, adding to what its comment says.
func apply(d defect, c *caseFile, cases []*caseFile) {
	before := c.comment
	d.apply(c, cases)
	c.comment = before + c.comment
}
