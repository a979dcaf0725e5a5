package reports

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

func pass() Outcome { return Outcome{Status: StatusPass} }

func fail(details ...string) Outcome { return Outcome{Status: StatusFail, Details: details} }

func notApplicable(reason string) Outcome {
	return Outcome{Status: StatusNA, Details: []string{reason}}
}

// failIf fails with the details when there are any, and passes otherwise.
func failIf(details []string) Outcome {
	if len(details) > 0 {
		return fail(details...)
	}
	return pass()
}

// recordName names an investigation record in details: "2026年3月5日询问笔录（张某）".
func recordName(in *Investigation) string {
	return fmt.Sprintf("%s%s（%s）", fmtDate(in.Date), in.Record, in.Subject)
}

func checkTwoOfficers(c *Case, env *Env) Outcome {
	if len(c.Investigations) == 0 {
		return notApplicable("案卷中没有询问、调查笔录")
	}
	var d []string
	for i := range c.Investigations {
		in := &c.Investigations[i]
		var qualified int
		var not []string
		for _, o := range in.Officers {
			if why := unqualified(o, in.Date); why != "" {
				not = append(not, why)
			} else {
				qualified++
			}
		}
		if qualified < 2 {
			detail := fmt.Sprintf("%s只有 %d 名持有效行政执法证的执法人员", recordName(in), qualified)
			if len(not) > 0 {
				detail += "（" + strings.Join(not, "；") + "）"
			}
			d = append(d, detail)
		}
	}
	return failIf(d)
}

// unqualified says why an officer was not a 执法人员 on the day of an
// investigation (no 执法证, or one expired before that day), or "" when
// they were. A certificate whose validity is not recorded is R02's
// concern; it does not unmake the officer.
func unqualified(o Officer, on time.Time) string {
	switch {
	case o.Certificate == "":
		return o.Name + "未记载执法证号"
	case !o.ValidUntil.IsZero() && o.ValidUntil.Before(on):
		return fmt.Sprintf("%s的执法证已于%s过期", o.Name, fmtDate(o.ValidUntil))
	}
	return ""
}

func checkCertificates(c *Case, env *Env) Outcome {
	if len(c.Investigations) == 0 {
		return notApplicable("案卷中没有询问、调查笔录")
	}
	var d []string
	for i := range c.Investigations {
		in := &c.Investigations[i]
		for _, o := range in.Officers {
			switch {
			case o.Certificate == "":
				d = append(d, fmt.Sprintf("%s：执法人员%s未记载执法证号", recordName(in), o.Name))
			case o.ValidUntil.IsZero():
				d = append(d, fmt.Sprintf("%s：执法人员%s的执法证未记载有效期", recordName(in), o.Name))
			case o.ValidUntil.Before(in.Date):
				d = append(d, fmt.Sprintf("%s：执法人员%s的执法证已于%s过期", recordName(in), o.Name, fmtDate(o.ValidUntil)))
			}
		}
	}
	return failIf(d)
}

func checkCredentials(c *Case, env *Env) Outcome {
	if len(c.Investigations) == 0 {
		return notApplicable("案卷中没有询问、调查笔录")
	}
	var d []string
	for i := range c.Investigations {
		if in := &c.Investigations[i]; !in.Credentials {
			d = append(d, recordName(in)+"未记明出示执法证")
		}
	}
	return failIf(d)
}

func checkRecusal(c *Case, env *Env) Outcome {
	if len(c.Investigations) == 0 {
		return notApplicable("案卷中没有询问、调查笔录")
	}
	var d []string
	for i := range c.Investigations {
		in := &c.Investigations[i]
		for _, o := range in.Officers {
			if o.Interested {
				d = append(d, fmt.Sprintf("%s：执法人员%s与当事人有直接利害关系，未回避", recordName(in), o.Name))
			}
		}
	}
	return failIf(d)
}

func checkRecords(c *Case, env *Env) Outcome {
	if len(c.Investigations) == 0 {
		return fail("案卷中没有询问、调查笔录")
	}
	var d []string
	for i := range c.Investigations {
		if in := &c.Investigations[i]; !in.Signed {
			d = append(d, recordName(in)+"无被询问、调查人签字")
		}
	}
	return failIf(d)
}

func checkNotice(c *Case, env *Env) Outcome {
	if c.Decision == nil {
		return notApplicable("未作出决定")
	}
	n := c.Notice
	if n == nil {
		return fail("案卷无告知记录")
	}
	var d []string
	if !n.Date.Before(c.Decision.Date) {
		d = append(d, fmt.Sprintf("告知（%s）不在决定（%s）之前", fmtDate(n.Date), fmtDate(c.Decision.Date)))
	}
	var missing []string
	for _, item := range []struct {
		told bool
		what string
	}{{n.Facts, "事实"}, {n.Reasons, "理由"}, {n.Basis, "依据"}, {n.Rights, "依法享有的权利"}} {
		if !item.told {
			missing = append(missing, item.what)
		}
	}
	if len(missing) > 0 {
		d = append(d, "告知书未载明"+strings.Join(missing, "、"))
	}
	if !n.StatementDate.IsZero() && n.StatementDate.After(c.Decision.Date) {
		d = append(d, fmt.Sprintf("当事人的陈述申辩（%s）在决定（%s）之后，未予听取", fmtDate(n.StatementDate), fmtDate(c.Decision.Date)))
	}
	return failIf(d)
}

func checkApproval(c *Case, env *Env) Outcome {
	if c.Decision == nil {
		return notApplicable("未作出决定")
	}
	a := c.Approval
	if a == nil {
		return fail("案卷无审批表")
	}
	var d []string
	if a.Date.After(c.Decision.Date) {
		d = append(d, fmt.Sprintf("负责人批准（%s）晚于决定（%s）", fmtDate(a.Date), fmtDate(c.Decision.Date)))
	}
	if want := formsOf(c.Kind).approval; a.Form != want {
		d = append(d, fmt.Sprintf("%s案件应填写“%s”，案卷中为“%s”", c.Kind, want, a.Form))
	}
	return failIf(d)
}

func checkDiscussion(c *Case, env *Env) Outcome {
	if c.Decision == nil {
		return notApplicable("未作出决定")
	}
	why := env.majorReason(c)
	if c.Complex {
		why = append(why, "情节复杂")
	}
	if len(why) == 0 {
		return notApplicable("非重大、非情节复杂案件")
	}
	reason := strings.Join(why, "、")
	if c.Discussion == nil {
		return fail(fmt.Sprintf("案件%s，未经负责人集体讨论", reason))
	}
	if c.Discussion.Date.After(c.Decision.Date) {
		return fail(fmt.Sprintf("集体讨论（%s）晚于决定（%s）", fmtDate(c.Discussion.Date), fmtDate(c.Decision.Date)))
	}
	return pass()
}

func checkHearingRight(c *Case, env *Env) Outcome {
	if c.Decision == nil {
		return notApplicable("未作出决定")
	}
	if why := hearingScope(c); why != "" {
		return notApplicable(why)
	}
	h := c.Hearing
	if h == nil || h.RightDate.IsZero() {
		return fail(fmt.Sprintf("决定金额 %s 元，未告知听证权利", fmtYuan(c.Amount())))
	}
	if !h.RightDate.Before(c.Decision.Date) {
		return fail(fmt.Sprintf("告知听证权利（%s）不在决定（%s）之前", fmtDate(h.RightDate), fmtDate(c.Decision.Date)))
	}
	return pass()
}

// hearingScope says why the hearing clause (听证) does not reach a case, or
// "" when it does: it concerns 行政处罚 decisions of 8000 yuan or more, not
// the collection of social maintenance fees.
func hearingScope(c *Case) string {
	switch {
	case c.Kind != KindPenalty:
		return "听证条款适用于 8000 元以上的行政处罚，不适用于征收社会抚养费"
	case c.Amount() < hearingAmount:
		return "决定金额不足 8000 元"
	}
	return ""
}

// requestDays is how long after being told of the right the party may ask
// for a hearing; noticeDays how long before the hearing they are told of
// its time and place.
const (
	requestDays = 3
	noticeDays  = 7
)

func checkHearingHeld(c *Case, env *Env) Outcome {
	h := c.Hearing
	if c.Decision == nil || h == nil || h.RequestDate.IsZero() {
		return notApplicable("当事人未要求听证")
	}
	if why := hearingScope(c); why != "" {
		return notApplicable(why)
	}
	days := env.Settings.Days
	if !h.RightDate.IsZero() {
		if n := days.count(h.RightDate, h.RequestDate); n > requestDays {
			return notApplicable(fmt.Sprintf("当事人在告知后第 %d %s才要求听证，超过三日", n, days.Unit()))
		}
	}
	if h.Date.IsZero() {
		return fail(fmt.Sprintf("当事人于%s按期要求听证，未组织听证", fmtDate(h.RequestDate)))
	}
	return pass()
}

func checkHearingNotice(c *Case, env *Env) Outcome {
	h := c.Hearing
	if h == nil || h.Date.IsZero() {
		return notApplicable("未举行听证")
	}
	if h.NoticeDate.IsZero() {
		return fail("案卷无听证通知记录")
	}
	days := env.Settings.Days
	if n := days.count(h.NoticeDate, h.Date); n < noticeDays {
		return fail(fmt.Sprintf("听证通知（%s）距听证（%s）只有 %d %s", fmtDate(h.NoticeDate), fmtDate(h.Date), n, days.Unit()))
	}
	return pass()
}

func checkHearingFirst(c *Case, env *Env) Outcome {
	h := c.Hearing
	if c.Decision == nil || h == nil || h.Date.IsZero() {
		return notApplicable("未举行听证")
	}
	if !h.Date.Before(c.Decision.Date) {
		return fail(fmt.Sprintf("听证（%s）不在决定（%s）之前", fmtDate(h.Date), fmtDate(c.Decision.Date)))
	}
	return pass()
}

// serviceDays is how long after the decision it must be served.
const serviceDays = 7

func checkServiceTime(c *Case, env *Env) Outcome {
	if c.Decision == nil {
		return notApplicable("未作出决定")
	}
	days := env.Settings.Days
	if c.Service == nil {
		if env.AsOf.After(days.add(c.Decision.Date, serviceDays)) {
			return fail("决定书未送达")
		}
		return notApplicable("送达期限尚未届满")
	}
	if n := days.count(c.Decision.Date, c.Service.Date); n > serviceDays {
		return fail(fmt.Sprintf("决定书作出（%s）后第 %d %s（%s）才送达", fmtDate(c.Decision.Date), n, days.Unit(), fmtDate(c.Service.Date)))
	}
	return pass()
}

func checkReceipt(c *Case, env *Env) Outcome {
	s := c.Service
	if s == nil {
		return notApplicable("未送达")
	}
	if !s.Receipt {
		return fail("送达决定书无送达回证")
	}
	var d []string
	if !s.Signed {
		d = append(d, "送达回证无签收人签名或盖章")
	}
	if !s.DateRecorded {
		d = append(d, "送达回证未记明收到日期")
	}
	if c.Party.Type == PartyOrg {
		if s.Role != RoleLegal && s.Role != RoleHead && s.Role != RoleClerk {
			d = append(d, fmt.Sprintf("受送达人是单位，由%s（%s）签收，应由法定代表人、主要负责人或者负责收件的人签收", s.Recipient, s.Role))
		}
	} else if s.Role != RoleSelf {
		d = append(d, fmt.Sprintf("由%s（%s）签收，应由当事人本人签收", s.Recipient, s.Role))
	}
	return failIf(d)
}

func checkLateFee(c *Case, env *Env) Outcome {
	if c.Kind != KindFee {
		return notApplicable("滞纳金只适用于征收社会抚养费")
	}
	if c.Decision == nil || c.Execution == nil {
		return notApplicable("未进入执行")
	}
	want := lateFee(c)
	got := fen(c.Execution.LateFee)
	if want == 0 && got == 0 {
		return notApplicable("按期缴纳，不加收滞纳金")
	}
	if diff := got - want; diff > lateFeeTolerance || diff < -lateFeeTolerance {
		return fail(fmt.Sprintf("记载滞纳金 %s 元，按每月千分之二重新计算应为 %s 元", fmtYuan(got), fmtYuan(want)))
	}
	return pass()
}

// lateFee recomputes the late fee of a case in fen: each part of the
// principal paid after the deadline owes 2‰ for every full month it was
// late; a part still unpaid owes it up to late_fee_until, when given.
// Payments go to the principal in date order.
func lateFee(c *Case) int64 {
	ex := c.Execution
	amount := c.Amount()
	pays := slices.Clone(ex.Payments)
	slices.SortStableFunc(pays, func(a, b Payment) int { return a.Date.Compare(b.Date) })
	var paid int64
	var fee float64
	for _, p := range pays {
		part := min(fen(p.Amount), amount-paid)
		if part <= 0 {
			continue
		}
		paid += part
		fee += float64(part) * float64(monthsLate(ex.Deadline, p.Date)) * lateFeeRate
	}
	if paid < amount && !ex.LateFeeUntil.IsZero() {
		fee += float64(amount-paid) * float64(monthsLate(ex.Deadline, ex.LateFeeUntil)) * lateFeeRate
	}
	return int64(math.Round(fee))
}

// monthsLate counts the full months from the deadline to the day: paid one
// month or more after the deadline is one month late.
func monthsLate(deadline, t time.Time) int {
	n := (t.Year()-deadline.Year())*12 + int(t.Month()) - int(deadline.Month())
	if n > 0 && addMonths(deadline, n).After(t) {
		n--
	}
	return max(n, 0)
}

// paidBy sums the principal paid on or before the day, in fen; the zero
// day sums every payment recorded.
func paidBy(c *Case, t time.Time) int64 {
	var sum int64
	if c.Execution != nil {
		for _, p := range c.Execution.Payments {
			if t.IsZero() || !p.Date.After(t) {
				sum += fen(p.Amount)
			}
		}
	}
	return sum
}

// courtDays is how long after the litigation period the court must be
// asked to enforce.
const courtDays = 180

func checkCourt(c *Case, env *Env) Outcome {
	if c.Decision == nil || c.Service == nil {
		return notApplicable("决定书未送达")
	}
	open := addMonths(c.Service.Date, env.Settings.LitigationMonths)
	last := open.AddDate(0, 0, courtDays)
	if paidBy(c, open) >= c.Amount() {
		return notApplicable("法定起诉期限届满前已缴清")
	}
	if c.Execution != nil && !c.Execution.CourtDate.IsZero() {
		at := c.Execution.CourtDate
		switch {
		case at.Before(open):
			return fail(fmt.Sprintf("法定起诉期限届满（%s）前即于%s申请强制执行", fmtDate(open), fmtDate(at)))
		case at.After(last):
			return fail(fmt.Sprintf("起诉期限届满（%s）后第 %d 日（%s）才申请强制执行，超过 180 日", fmtDate(open), daysBetween(open, at), fmtDate(at)))
		}
		return pass()
	}
	if env.AsOf.After(last) && paidBy(c, last) < c.Amount() {
		return fail(fmt.Sprintf("逾期未缴清，起诉期限届满（%s）后 180 日内未申请人民法院强制执行", fmtDate(open)))
	}
	return notApplicable("申请强制执行的期限尚未届满")
}

// limitationMonths is the 两年 within which an act must be discovered to
// be punished (行政处罚法第三十六条).
const limitationMonths = 24

// checkLimitation counts the two years, as the 行政处罚法 the clause refers
// to does, from the act, or from its end when it continued, to its
// discovery: the day the case was filed (立案), not the decision.
func checkLimitation(c *Case, env *Env) Outcome {
	if c.Kind != KindPenalty {
		return notApplicable("两年时效适用于行政处罚")
	}
	if c.Decision == nil {
		return notApplicable("未作出决定")
	}
	from, what := c.Violation.Date, "违法行为发生于"
	if !c.Violation.End.IsZero() {
		from, what = c.Violation.End, "连续或者继续的违法行为终了于"
	}
	if limit := addMonths(from, limitationMonths); c.Register.Date.After(limit) {
		return fail(fmt.Sprintf("%s%s，%s才立案发现，超过两年时效", what, fmtDate(from), fmtDate(c.Register.Date)))
	}
	return pass()
}

func checkDoublePenalty(c *Case, env *Env) Outcome {
	if c.Decision == nil {
		return notApplicable("未作出决定")
	}
	first := env.firstDecision(c)
	if first != c {
		return fail(fmt.Sprintf("同一违法行为（%s，%s）已由%s（%s，案号%s）征收或处罚", c.Violation.Act, fmtDate(c.Violation.Date), first.Decision.Number, fmtDate(first.Decision.Date), first.Number))
	}
	return pass()
}

func checkDecision(c *Case, env *Env) Outcome {
	if c.Decision == nil {
		return fail("案卷无" + formsOf(c.Kind).decision)
	}
	return pass()
}

// completion is the day the case was carried out in full: the principal
// paid, or the court's enforcement finished.
func completion(c *Case) (time.Time, bool) {
	if c.Decision == nil || c.Execution == nil {
		return time.Time{}, false
	}
	if !c.Execution.CourtDone.IsZero() {
		return c.Execution.CourtDone, true
	}
	pays := slices.Clone(c.Execution.Payments)
	slices.SortStableFunc(pays, func(a, b Payment) int { return a.Date.Compare(b.Date) })
	var paid int64
	for _, p := range pays {
		if paid += fen(p.Amount); paid >= c.Amount() {
			return p.Date, true
		}
	}
	return time.Time{}, false
}

func checkClosing(c *Case, env *Env) Outcome {
	done, ok := completion(c)
	if !ok {
		return notApplicable("尚未执行完毕")
	}
	if c.Closing == nil {
		return fail(fmt.Sprintf("执行完毕（%s）后未填写结案报告", fmtDate(done)))
	}
	var d []string
	if want := formsOf(c.Kind).closing; c.Closing.Form != want {
		d = append(d, fmt.Sprintf("%s案件应填写“%s”，案卷中为“%s”", c.Kind, want, c.Closing.Form))
	}
	if c.Closing.Date.Before(done) {
		d = append(d, fmt.Sprintf("结案报告（%s）早于执行完毕（%s）", fmtDate(c.Closing.Date), fmtDate(done)))
	}
	return failIf(d)
}

func checkArchiveTime(c *Case, env *Env) Outcome {
	if c.Closing == nil {
		return notApplicable("尚未结案")
	}
	deadline := addMonths(c.Closing.Date, 1)
	if c.Archive == nil {
		if env.AsOf.After(deadline) {
			return fail(fmt.Sprintf("结案（%s）后逾期未整理装订", fmtDate(c.Closing.Date)))
		}
		return notApplicable("归档期限尚未届满")
	}
	if c.Archive.Date.After(deadline) {
		return fail(fmt.Sprintf("结案（%s）后至%s才整理装订，超过一个月", fmtDate(c.Closing.Date), fmtDate(c.Archive.Date)))
	}
	return pass()
}

func checkComplete(c *Case, env *Env) Outcome {
	if c.Archive == nil {
		return notApplicable("尚未归档")
	}
	have := map[string]bool{}
	for _, d := range c.Archive.Documents {
		have[d] = true
	}
	var missing []string
	for _, d := range requiredDocuments(c) {
		if !have[d] {
			missing = append(missing, d)
		}
	}
	if len(missing) > 0 {
		return fail("卷内缺少" + strings.Join(missing, "、"))
	}
	return pass()
}

func checkOrder(c *Case, env *Env) Outcome {
	if c.Archive == nil {
		return notApplicable("尚未归档")
	}
	var d []string
	docs := c.Archive.Documents
	for i := 1; i < len(docs); i++ {
		if documentRank(docs[i]) < documentRank(docs[i-1]) {
			d = append(d, fmt.Sprintf("“%s”排在“%s”之后", docs[i], docs[i-1]))
		}
	}
	return failIf(d)
}
