package reports

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"qingdan/config"
	"qingdan/source"
)

// checker collects the problems of one case file.
type checker struct {
	c  *Case
	ps source.Problems
}

func (k *checker) errorf(path, hint, format string, args ...any) {
	k.ps.Add(k.c.pos(path), hint, format, args...)
}

func (k *checker) warnf(path, hint, format string, args ...any) {
	k.ps.Warn(k.c.pos(path), hint, format, args...)
}

// oneOf reports a value that is not one of the allowed ones.
func (k *checker) oneOf(path, what, value string, allowed ...string) {
	if slices.Contains(allowed, value) {
		return
	}
	hint := "write one of: " + quoteAll(allowed)
	if s := source.Suggest(value, allowed); s != "" {
		hint = fmt.Sprintf("did you mean %q?", s)
	}
	k.errorf(path, hint, "%s %q is not one of %s", what, value, quoteAll(allowed))
}

// order reports an error when the later day comes before the earlier one;
// both must be set.
func (k *checker) order(path string, earlier, later time.Time, message string) {
	if !earlier.IsZero() && !later.IsZero() && later.Before(earlier) {
		k.errorf(path, "check both dates against the paper file", "%s", message)
	}
}

// amount reports an amount that is not a number (nan, inf), beyond any
// real fine (config.MaxAmount), negative, or with fractions of a fen.
func (k *checker) amount(path string, yuan float64, positive bool) {
	switch {
	case math.IsNaN(yuan) || math.IsInf(yuan, 0):
		k.errorf(path, amountNotNumberHint.S(), "%s", amountNotNumber.S(yuan))
	case yuan > config.MaxAmount:
		k.errorf(path, amountTooLargeHint.S(), "%s", amountTooLarge.S(yuan, fmtYuan(fen(config.MaxAmount))))
	case yuan < 0 || (positive && yuan == 0):
		k.errorf(path, "write the amount in yuan, such as 12000 or 12000.50", "amount %v must be more than zero", yuan)
	case math.Abs(yuan*100-math.Round(yuan*100)) > 1e-6:
		k.errorf(path, "write the amount in yuan with at most two decimals (角、分)", "amount %v has more than two decimals", yuan)
	}
}

// controls reports a bidirectional embedding, override or isolate in a
// text: it can hide or reorder what a report shows. The C0 and C1 controls
// (a NUL, an escape) are refused earlier, while the TOML is decoded.
func (k *checker) controls(path, text string) {
	n := 0
	for _, r := range text {
		n++
		if isBidiControl(r) {
			k.errorf(path, controlCharHint.S(), "%s", controlChar.S(path, r, n))
			return
		}
	}
}

// isBidiControl reports the bidirectional embeddings, overrides and
// isolates, which no case-file text may hold.
func isBidiControl(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

// validate checks one decoded case file: values from fixed lists, ID
// numbers, amounts, and dates that cannot be in the order written. What
// the law requires of the procedure is left to the rules, which deduct.
func validate(c *Case) source.Problems {
	k := &checker{c: c}
	eachText(c, k.controls)
	k.oneOf("kind", "kind", c.Kind, KindPenalty, KindFee)
	k.oneOf("party.type", "party type", c.Party.Type, PartyPerson, PartyOrg)
	if msg, bad := idProblem(c.Party.Type, c.Party.ID); bad {
		k.errorf("party.id_number", "copy the number from the ID card or business licence", "%s", msg)
	} else if msg != "" {
		k.warnf("party.id_number", "a typo is likely; check the number against the ID card or business licence", "%s", msg)
	}
	if c.Party.Type == PartyOrg && strings.TrimSpace(c.Party.Representative) == "" {
		k.errorf("party", `add representative = "姓名", the 法定代表人 or 主要负责人`, "an organisation (单位) party needs its representative")
	}
	k.order("register.date", c.Violation.Date, c.Register.Date, "the case is filed (立案) before the act it is about took place")
	for i, in := range c.Investigations {
		p := fmt.Sprintf("investigation[%d]", i)
		k.oneOf(p+".record", "record", in.Record, RecordInquiry, RecordSurvey)
		k.order(p+".date", c.Violation.Date, in.Date, "the investigation is dated before the act it is about")
	}
	if n := c.Notice; n != nil {
		if n.StatementDate.Before(n.Date) && !n.StatementDate.IsZero() {
			k.warnf("notice.statement_date", "陈述申辩 normally follows the 告知; check the dates", "the party's statement is dated before the notice")
		}
	}
	if a := c.Approval; a != nil {
		k.oneOf("approval.form", "approval form", a.Form, formsOf(KindFee).approval, formsOf(KindPenalty).approval)
	}
	if h := c.Hearing; h != nil {
		if !h.RequestDate.IsZero() && !h.RightDate.IsZero() && h.RequestDate.Before(h.RightDate) {
			k.warnf("hearing.request_date", "check the dates", "the hearing was requested before the right to it was notified")
		}
		k.order("hearing.date", h.NoticeDate, h.Date, "the hearing is dated before its notice")
		if !h.Date.IsZero() && h.NoticeDate.IsZero() && h.RequestDate.IsZero() {
			k.warnf("hearing", "add request_date and notice_date", "a hearing was held but neither its request nor its notice is recorded")
		}
	}
	k.decision(c)
	if a := c.Archive; a != nil {
		names := DocumentNames()
		for i, doc := range a.Documents {
			k.oneOf(fmt.Sprintf("archive.documents[%d]", i), "document", doc, names...)
		}
		if c.Closing != nil {
			k.order("archive.date", c.Closing.Date, a.Date, "the file is archived before the case was closed")
		}
	}
	if r := c.Review; r != nil {
		for _, item := range []struct {
			key, rule string
			got       int
		}{{"facts", "R06", r.Facts}, {"evidence", "R07", r.Evidence}, {"law", "R21", r.Law}} {
			if most := RuleByID(item.rule).Points; item.got < 0 || item.got > most {
				k.errorf("review."+item.key, fmt.Sprintf("score from 0 to %d (rule %s)", most, item.rule), "%s score %d is out of range", item.key, item.got)
			}
		}
	} else {
		k.warnf("", "add a [review] table with reviewer, facts, evidence and law", "no reviewer's scores: rules R06, R07 and R21 stay 待评 (pending human review)")
	}
	return k.ps
}

// decision checks the decision and everything that follows it.
func (k *checker) decision(c *Case) {
	d := c.Decision
	if d == nil {
		for _, step := range []struct {
			key string
			set bool
		}{{"service", c.Service != nil}, {"execution", c.Execution != nil}, {"closing", c.Closing != nil}} {
			if step.set {
				k.errorf(step.key, "add the [decision] table, or remove this one", "[%s] without a [decision]", step.key)
			}
		}
		return
	}
	k.amount("decision.amount", d.Amount, true)
	k.order("decision.date", c.Register.Date, d.Date, "the decision is dated before the case was filed (立案)")
	if s := c.Service; s != nil {
		k.order("service.date", d.Date, s.Date, "the decision is served before it was made")
		k.oneOf("service.role", "recipient role", s.Role, RoleSelf, RoleLegal, RoleHead, RoleClerk)
	}
	if ex := c.Execution; ex != nil {
		k.order("execution.deadline", d.Date, ex.Deadline, "the payment deadline is before the decision")
		var paid int64
		for i, p := range ex.Payments {
			path := fmt.Sprintf("execution.payment[%d]", i)
			k.amount(path+".amount", p.Amount, true)
			k.order(path+".date", d.Date, p.Date, "a payment is dated before the decision")
			paid += fen(p.Amount)
		}
		if paid > c.Amount() {
			k.warnf("execution", "payments are of the principal; late fees go in late_fee", "payments add up to %s yuan, more than the decided %s yuan", fmtYuan(paid), fmtYuan(c.Amount()))
		}
		k.amount("execution.late_fee", ex.LateFee, false)
		k.order("execution.court_date", d.Date, ex.CourtDate, "the court was asked to enforce before the decision")
		if !ex.CourtDone.IsZero() && ex.CourtDate.IsZero() {
			k.errorf("execution.court_done", "add court_date, the day the court was asked", "court enforcement finished but was never applied for")
		}
		k.order("execution.court_done", ex.CourtDate, ex.CourtDone, "court enforcement finished before it was applied for")
	}
	if cl := c.Closing; cl != nil {
		k.oneOf("closing.form", "closing report", cl.Form, formsOf(KindFee).closing, formsOf(KindPenalty).closing)
		k.order("closing.date", d.Date, cl.Date, "the case is closed before the decision")
	}
}

// validateAcross checks what no single file can show: case and decision
// numbers used twice.
func validateAcross(cases []*Case) source.Problems {
	var ps source.Problems
	numbers := map[string]*Case{}
	decisions := map[string]*Case{}
	for _, c := range cases {
		if other, ok := numbers[c.Number]; ok {
			ps.Add(c.pos("number"), "each case file has its own 案号", "case number %q is also used by %s", c.Number, other.File)
		} else {
			numbers[c.Number] = c
		}
		if c.Decision == nil {
			continue
		}
		if other, ok := decisions[c.Decision.Number]; ok {
			ps.Add(c.pos("decision.number"), "each decision has its own 文号", "decision number %q is also used by %s", c.Decision.Number, other.File)
		} else {
			decisions[c.Decision.Number] = c
		}
	}
	return ps
}
