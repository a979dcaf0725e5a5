package reports

// forms are the names of a kind's own documents.
type forms struct {
	approval string // 审批表
	decision string // 决定书
	closing  string // 结案报告
}

// formsOf returns the documents the seed names for a kind of case.
func formsOf(kind string) forms {
	if kind == KindPenalty {
		return forms{"行政处罚审批表", "行政处罚决定书", "行政处罚结案报告"}
	}
	return forms{"征收社会抚养费审批表", "征收社会抚养费决定书", "征收社会抚养费报告"}
}

// documentOrder is the order the documents of a case file are bound in,
// following the steps of the procedure; names in one group share a place.
var documentOrder = [][]string{
	{"立案审批表"},
	{RecordInquiry, RecordSurvey},
	{"证据材料"},
	{"告知书"},
	{"陈述申辩笔录"},
	{"听证通知书"},
	{"听证笔录"},
	{"征收社会抚养费审批表", "行政处罚审批表"},
	{"集体讨论记录"},
	{"征收社会抚养费决定书", "行政处罚决定书"},
	{"送达回证"},
	{"缴款凭证"},
	{"强制执行申请书"},
	{"征收社会抚养费报告", "行政处罚结案报告"},
}

// DocumentNames lists every document name a case file may list, in order.
func DocumentNames() []string {
	var names []string
	for _, g := range documentOrder {
		names = append(names, g...)
	}
	return names
}

// documentRank is the place of a document in documentOrder, or -1 for a
// name that is not a known document.
func documentRank(name string) int {
	for i, g := range documentOrder {
		for _, n := range g {
			if n == name {
				return i
			}
		}
	}
	return -1
}

// requiredDocuments lists the documents the case file must hold, from
// what it records was done: every step taken leaves its paper.
func requiredDocuments(c *Case) []string {
	f := formsOf(c.Kind)
	docs := []string{"立案审批表"}
	seen := map[string]bool{}
	for _, in := range c.Investigations {
		if !seen[in.Record] {
			seen[in.Record] = true
			docs = append(docs, in.Record)
		}
	}
	if c.Notice != nil {
		docs = append(docs, "告知书")
		if !c.Notice.StatementDate.IsZero() {
			docs = append(docs, "陈述申辩笔录")
		}
	}
	if h := c.Hearing; h != nil {
		if !h.NoticeDate.IsZero() {
			docs = append(docs, "听证通知书")
		}
		if !h.Date.IsZero() {
			docs = append(docs, "听证笔录")
		}
	}
	if c.Approval != nil {
		docs = append(docs, f.approval)
	}
	if c.Discussion != nil {
		docs = append(docs, "集体讨论记录")
	}
	if c.Decision != nil {
		docs = append(docs, f.decision)
	}
	if c.Service != nil && c.Service.Receipt {
		docs = append(docs, "送达回证")
	}
	if ex := c.Execution; ex != nil {
		if len(ex.Payments) > 0 {
			docs = append(docs, "缴款凭证")
		}
		if !ex.CourtDate.IsZero() {
			docs = append(docs, "强制执行申请书")
		}
	}
	if c.Closing != nil {
		docs = append(docs, f.closing)
	}
	return docs
}
