package reports

import "fmt"

// Category is one of the six parts of the 100-point rubric.
type Category string

// The categories of the rubric, in the order reports show them.
const (
	CatSubject   Category = "主体"
	CatFacts     Category = "事实证据"
	CatProcedure Category = "程序"
	CatLaw       Category = "法律适用"
	CatDocuments Category = "文书"
	CatArchive   Category = "归档"
)

// Categories lists the rubric's categories in report order.
var Categories = []Category{CatSubject, CatFacts, CatProcedure, CatLaw, CatDocuments, CatArchive}

// Rule is one item of the rubric: a check of a case file against a clause
// of the seed's case-handling system (四（四）规范案件查处). The points of all
// rules add up to 100.
type Rule struct {
	ID       string   // R01 … R26
	Title    string   // what is checked
	Category Category // part of the rubric
	Step     string   // where the clause stands in the seed
	Clause   string   // the seed's words, quoted exactly; fragments joined by "……"
	Points   int      // the item's weight: what failing it costs
	Fatal    bool     // failing it fails the case file outright (不合格)
	Fix      string   // the rectification asked for when a file fails it
	Days     string   // how its period is counted: which day is day one, and in what days; "" when it has none

	check func(c *Case, env *Env) Outcome // an automatic rule
	score func(r *Review) int             // a human-judgement rule: the reviewer's points
}

// Status is how a case file fares on one rule.
type Status string

// Statuses of an outcome.
const (
	StatusPass    Status = "符合"
	StatusFail    Status = "不符合"
	StatusNA      Status = "不适用" // the rule does not apply, or its deadline has not come
	StatusPending Status = "待评"  // a human-judgement rule without a reviewer's score
)

// Outcome is the result of one rule on one case file.
type Outcome struct {
	Status  Status
	Lost    int      // points deducted
	Details []string // what was found, in the reviewer's words
}

// hearingAmount is the amount from which the party must be told of the right
// to a hearing: 8000 yuan, in fen.
const hearingAmount = 8000 * 100

// lateFeeRate is the monthly late fee on unpaid social maintenance fees:
// 千分之二, as a fraction.
const lateFeeRate = 0.002

// lateFeeTolerance is how far a recorded late fee may be from the
// recomputed one before the rule fails: one yuan, in fen, for rounding.
const lateFeeTolerance = 100

// Rules is the rubric, in order. docs/rules.md is generated from it by
// "qingdan report rules".
var Rules = []*Rule{
	{ID: "R01", Title: "每次调查的持有效执法证的执法人员不少于两人", Category: CatSubject, Points: 5, Fatal: true,
		Step:   "三、查处流程 2、调查",
		Clause: "调查时，执法人员不得少于两人，并应当向当事人或有关人员出示行政执法证。",
		Fix:    "调查、询问必须由两名以上持证执法人员进行，并在笔录上分别签名。",
		check:  checkTwoOfficers},
	{ID: "R02", Title: "执法人员持有有效行政执法证", Category: CatSubject, Points: 4,
		Step:   "三、查处流程 2、调查",
		Clause: "调查时，执法人员不得少于两人，并应当向当事人或有关人员出示行政执法证。",
		Fix:    "执法证过期或未载明证号的人员不得参加调查；及时办理执法证年审和换证。",
		check:  checkCertificates},
	{ID: "R03", Title: "调查时出示行政执法证", Category: CatSubject, Points: 3,
		Step:   "三、查处流程 2、调查",
		Clause: "调查时，执法人员不得少于两人，并应当向当事人或有关人员出示行政执法证。",
		Fix:    "调查、询问开始时向被询问人出示执法证，并在笔录中记明。",
		check:  checkCredentials},
	{ID: "R04", Title: "有利害关系的执法人员回避", Category: CatSubject, Points: 3,
		Step:   "三、查处流程 2、调查",
		Clause: "执法人员与当事人有直接利害关系的应当回避。",
		Fix:    "与当事人有直接利害关系的执法人员应当回避，由其他持证人员调查。",
		check:  checkRecusal},
	{ID: "R05", Title: "制作询问、调查笔录并由被询问人签字", Category: CatFacts, Points: 3,
		Step:   "三、查处流程 2、调查",
		Clause: "谈话或询问应当制作笔录。与当事人谈话，制作询问笔录；向当事人以外的人调查，制作调查笔录，被调查和询问人员应在笔录上签字。",
		Fix:    "每次谈话、询问都制作笔录，并由被询问、调查人逐页签字。",
		check:  checkRecords},
	{ID: "R06", Title: "事实清楚（人工评查）", Category: CatFacts, Points: 6,
		Step:   "三、查处流程 2、调查",
		Clause: "行政机关必须全面、客观、公正地调查，查清事实，收集有关证据。",
		Fix:    "全面、客观调查，查清违法事实的时间、地点、情节。",
		score:  func(r *Review) int { return r.Facts }},
	{ID: "R07", Title: "证据确凿、充分（人工评查）", Category: CatFacts, Points: 6,
		Step:   "三、查处流程 4、审批",
		Clause: "当事人违法事实清楚，证据确凿、充分",
		Fix:    "补强证据，做到每一项认定的事实都有证据支持。",
		score:  func(r *Review) int { return r.Evidence }},
	{ID: "R08", Title: "决定前告知事实、理由、依据和权利", Category: CatProcedure, Points: 4,
		Step:   "三、查处流程 3、告知",
		Clause: "行政机关在查清基本违法事实作出征收、处罚决定之前，应当告知当事人作出征收、处罚决定的事实、理由及依据，并告知当事人依法享有的权利。",
		Fix:    "作出决定前送达告知书，载明事实、理由、依据和陈述申辩等权利。",
		check:  checkNotice},
	{ID: "R09", Title: "负责人审批后作出决定", Category: CatProcedure, Points: 4,
		Step:   "三、查处流程 4、审批",
		Clause: "承办人应当填写“征收社会抚养费审批表”或“行政处罚审批表”，由行政机关负责人审查批准后作出征收、处罚决定。",
		Fix:    "决定书签发前填写审批表，由负责人审查批准。",
		check:  checkApproval},
	{ID: "R10", Title: "重大或情节复杂案件集体讨论决定", Category: CatProcedure, Points: 4,
		Step:   "三、查处流程 4、审批",
		Clause: "对情节复杂或重大违法行为给予较大数额征收、处罚的，行政机关的负责人应当集体讨论决定。",
		Fix:    "重大、复杂案件在作出决定前提交负责人集体讨论，并制作讨论记录。",
		check:  checkDiscussion},
	{ID: "R11", Title: "8000 元以上行政处罚告知听证权利", Category: CatProcedure, Points: 4,
		Step:   "三、查处流程 5、听证",
		Clause: "计划生育行政机关在对违法行为作出 8000 元以上行政处罚款决定之前，应当告知当事人有要求举行听证的权利；",
		Fix:    "8000 元以上的决定，作出前书面告知当事人有要求听证的权利。",
		check:  checkHearingRight},
	{ID: "R12", Title: "三日内要求听证的组织听证", Category: CatProcedure, Points: 3,
		Step:   "三、查处流程 5、听证",
		Clause: "当事人要求听证的，行政机关应当组织听证。……当事人要求听证的，应当在行政机关告知后三日内提出；",
		Fix:    "当事人在告知后三日内要求听证的，必须组织听证。",
		Days:   "告知听证权利之日不计入，次日为第一日；第三日内（含）提出的为按期要求。“三日”按 day_counting 计算：默认日历日（原文如此），设为 working 时为工作日。",
		check:  checkHearingHeld},
	{ID: "R13", Title: "听证七日前通知时间、地点", Category: CatProcedure, Points: 3,
		Step:   "三、查处流程 5、听证",
		Clause: "行政机关应当在听证的七日前，通知当事人举行听证的时间、地点",
		Fix:    "至少在听证七日前送达听证通知书，载明时间、地点。",
		Days:   "通知之日不计入，次日为第一日，数到听证之日（含）不少于七日。“七日”按 day_counting 计算：默认日历日，设为 working 时为工作日。",
		check:  checkHearingNotice},
	{ID: "R14", Title: "听证在决定之前举行", Category: CatProcedure, Points: 3,
		Step:   "三、查处流程 5、听证",
		Clause: "计划生育行政机关在对违法行为作出 8000 元以上行政处罚款决定之前，应当告知当事人有要求举行听证的权利；当事人要求听证的，行政机关应当组织听证。",
		Fix:    "听证结束、听取意见后再作出决定。",
		check:  checkHearingFirst},
	{ID: "R15", Title: "七日内送达决定书", Category: CatProcedure, Points: 3,
		Step:   "三、查处流程 7、送达",
		Clause: "征收、处罚机关应当在七日内将“征收社会抚养费决定书”或“行政处罚决定书”送达当事人。",
		Fix:    "决定书作出后七日内送达当事人。",
		Days:   "决定之日不计入，次日为第一日，第七日（含）前送达的为按期。“七日”按 day_counting 计算：默认日历日，设为 working 时为工作日。",
		check:  checkServiceTime},
	{ID: "R16", Title: "送达回证由本人或单位法定代表人等签收并记明日期", Category: CatProcedure, Points: 3,
		Step:   "三、查处流程 7、送达",
		Clause: "送达决定书必须有送达回证，收件人本人应当在送达回证上记明收到日期，并签名和盖章。受送达人是法人或者其他组织的，应当由法定代表人、主要负责人或者负责收件的人签收。",
		Fix:    "送达必须使用送达回证，由收件人本人（单位由法定代表人、主要负责人或负责收件的人）签收并记明日期。",
		check:  checkReceipt},
	{ID: "R17", Title: "滞纳金按每月千分之二计收", Category: CatProcedure, Points: 2,
		Step:   "三、查处流程 8、执行",
		Clause: "当事人未在规定的期限内缴纳社会抚养费的，自欠缴之日起每月加收欠缴社会抚养费千分之二滞纳金；",
		Fix:    "按欠缴金额和欠缴月数重新核算滞纳金，多收的退还，少收的补收。",
		Days:   "自缴纳期限届满之日起，每满一个月加收一次；不足一个月的不计。",
		check:  checkLateFee},
	{ID: "R18", Title: "起诉期限届满后 180 日内申请法院强制执行", Category: CatProcedure, Points: 2,
		Step:   "三、查处流程 8、执行",
		Clause: "申请人民法院强制，应当自被执行人的法定起诉期限届满之日起180日内提出。",
		Fix:    "逾期不缴纳的，在法定起诉期限届满后 180 日内申请人民法院强制执行。",
		Days:   "法定起诉期限（litigation_months 个月）自送达之日起算，期满之日次日起 180 个日历日内提出。",
		check:  checkCourt},
	{ID: "R19", Title: "行政处罚在两年时效内作出", Category: CatLaw, Points: 5, Fatal: true,
		Step:   "三、查处流程 6、决定",
		Clause: "行政处罚不得超过两年的时效。",
		Fix:    "超过两年时效的违法行为不再给予行政处罚；已作出的决定依法撤销。",
		Days:   "自违法行为发生之日（连续或者继续状态的，自行为终了之日，案卷 [violation] 的 end）起，至立案之日止，不超过两年（日历年，同日为止）。",
		check:  checkLimitation},
	{ID: "R20", Title: "同一违法行为不重复征收、处罚", Category: CatLaw, Points: 5, Fatal: true,
		Step:   "三、查处流程 4、审批",
		Clause: "对当事人的同一违法行为，不得给予两次以上的征收、处罚。",
		Fix:    "立案前查询当事人是否已因同一行为被征收、处罚；重复的决定依法撤销。",
		check:  checkDoublePenalty},
	{ID: "R21", Title: "适用法律正确（人工评查）", Category: CatLaw, Points: 10,
		Step:   "一、立案标准",
		Clause: "违反《中华人民共和国人口与计划生育法》、《社会抚养费征收管理办法》、《计划生育技术服务管理条例》、《河北省人口与计划生育条例》等法律法规，应当立案查处。",
		Fix:    "决定书准确引用法律、法规的条、款、项。",
		score:  func(r *Review) int { return r.Law }},
	{ID: "R22", Title: "制作决定书", Category: CatDocuments, Points: 3, Fatal: true,
		Step:   "三、查处流程 6、决定",
		Clause: "征收社会抚养费必须制作“征收社会抚养费决定书”；实施计划生育处罚，必须制作“行政处罚决定书”。",
		Fix:    "每一个征收、处罚决定都制作决定书。",
		check:  checkDecision},
	{ID: "R23", Title: "案件终结后填写结案报告", Category: CatDocuments, Points: 2,
		Step:   "三、查处流程 9、结案归档",
		Clause: "案件终结后应当填写“征收社会抚养费报告”或“行政处罚结案报告”",
		Fix:    "执行完毕后及时填写结案报告。",
		check:  checkClosing},
	{ID: "R24", Title: "结案后一个月内整理装订", Category: CatArchive, Points: 4,
		Step:   "三、查处流程 9、结案归档",
		Clause: "承办人应在一个月内将案件卷宗整理装订。",
		Fix:    "结案后一个月内完成卷宗整理装订归档。",
		Days:   "自结案报告之日起一个月（同日为止，下月无此日的为月末）内。",
		check:  checkArchiveTime},
	{ID: "R25", Title: "一案一卷，材料齐全", Category: CatArchive, Points: 3,
		Step:   "三、查处流程 9、结案归档",
		Clause: "一案一卷，材料齐全",
		Fix:    "补齐卷内缺少的文书。",
		check:  checkComplete},
	{ID: "R26", Title: "编排有序，目录清楚", Category: CatArchive, Points: 3,
		Step:   "三、查处流程 9、结案归档",
		Clause: "编排有序，目录清楚",
		Fix:    "按办案顺序重新编排卷内文书并编写目录。",
		check:  checkOrder},
}

// RuleByID returns the rule with the id, or nil.
func RuleByID(id string) *Rule {
	for _, r := range Rules {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// Human reports whether the rule needs a human judgement, so that its
// score is the reviewer's, taken from the case file's [review] table.
func (r *Rule) Human() bool { return r.score != nil }

// Check runs the rule on a case file.
func (r *Rule) Check(c *Case, env *Env) Outcome {
	if r.Human() {
		return r.judged(c)
	}
	o := r.check(c, env)
	if o.Status == StatusFail {
		o.Lost = r.Points
	}
	return o
}

// judged is the outcome of a human-judgement rule: the reviewer's points
// out of the rule's, or pending when the file has no review yet.
func (r *Rule) judged(c *Case) Outcome {
	if c.Review == nil {
		return Outcome{Status: StatusPending, Details: []string{"案卷无评查人员评分（[review]），本项待人工评查"}}
	}
	got := min(max(r.score(c.Review), 0), r.Points)
	detail := fmt.Sprintf("评查人员%s评分 %d 分（满分 %d 分）", c.Review.Reviewer, got, r.Points)
	if c.Review.Note != "" {
		detail += "，" + c.Review.Note
	}
	o := Outcome{Status: StatusPass, Details: []string{detail}}
	if got < r.Points {
		o.Status, o.Lost = StatusFail, r.Points-got
	}
	return o
}
