package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// toml writes a case file as an officer would: one table per step, with
// comments.
type toml struct{ b strings.Builder }

func (t *toml) line(format string, args ...any) { fmt.Fprintf(&t.b, format+"\n", args...) }

func (t *toml) str(key, value string) {
	t.line("%s = %s", key, strconv.Quote(value))
}

func (t *toml) date(key string, d time.Time) {
	if !d.IsZero() {
		t.line("%s = %s", key, d.Format("2006-01-02"))
	}
}

func (t *toml) flag(key string, v bool) { t.line("%s = %t", key, v) }

func (t *toml) list(key string, values []string) {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = strconv.Quote(v)
	}
	t.line("%s = [%s]", key, strings.Join(q, ", "))
}

// table writes one [name] table: a comment line first when comment is not
// empty, then the header, the values body writes, and a blank line.
func (t *toml) table(comment, name string, body func()) {
	if comment != "" {
		t.line("# %s", comment)
	}
	t.line("[%s]", name)
	body()
	t.line("")
}

func money(yuan float64) string {
	s := strconv.FormatFloat(yuan, 'f', 2, 64)
	return strings.TrimSuffix(strings.TrimSuffix(s, "00"), ".")
}

// render writes one case file.
func render(c *caseFile) []byte {
	t := &toml{}
	comment := c.comment
	if comment == "" {
		comment = "依法办理，各项程序符合要求。"
	}
	t.line("# 示例案卷（虚构）：%s", comment)
	t.line("# 由 go run ./examples/gencases 生成，请勿手工修改。")
	t.str("number", c.number)
	t.str("kind", c.kind)
	t.str("township", c.township)
	if c.major {
		t.flag("major", true)
	}
	if c.complex {
		t.flag("complex", true)
	}
	t.line("\n[party]")
	t.str("type", map[bool]string{true: "单位", false: "个人"}[c.party.org])
	t.str("name", c.party.name)
	t.str("id_number", c.party.id)
	if c.party.rep != "" {
		t.str("representative", c.party.rep)
	}
	t.str("address", c.party.address)
	t.line("\n[violation]")
	t.str("act", c.act)
	t.date("date", c.actDate)
	t.line("\n# 1、立案")
	t.line("[register]")
	t.date("date", c.registered)
	t.str("approver", c.approver)
	t.line("\n# 2、调查：每份询问笔录、调查笔录一个 [[investigation]]")
	for _, r := range c.records {
		t.line("[[investigation]]")
		t.str("record", r.kind)
		t.date("date", r.date)
		t.str("subject", r.subject)
		t.flag("signed", r.signed)
		t.flag("credentials", r.credentials)
		for j, o := range r.officers {
			t.line("[[investigation.officer]]")
			t.str("name", o.name)
			t.str("certificate", o.cert)
			t.date("valid_until", o.valid)
			if j == r.interested {
				t.flag("interested", true)
			}
		}
		t.line("")
	}
	if n := c.notice; n != nil {
		t.table("3、告知", "notice", func() {
			t.date("date", n.date)
			t.flag("facts", n.facts)
			t.flag("reasons", n.reasons)
			t.flag("basis", n.basis)
			t.flag("rights", n.rights)
			t.str("statement", n.statement)
			t.date("statement_date", n.statementDate)
		})
	}
	if h := c.hearing; h != nil {
		t.table("5、听证", "hearing", func() {
			t.date("right_date", h.right)
			t.date("request_date", h.request)
			t.date("notice_date", h.notice)
			t.date("date", h.date)
			if !h.date.IsZero() {
				t.str("place", "县人口计生局三楼会议室")
			}
		})
	}
	if a := c.approval; a != nil {
		t.table("4、审批", "approval", func() {
			t.str("form", a.form)
			t.date("date", a.date)
			t.str("approver", a.who)
		})
	}
	if d := c.discussion; d != nil {
		t.table("", "discussion", func() {
			t.date("date", d.date)
			t.list("participants", strings.Split(d.who, "、"))
			t.str("conclusion", "同意按审批意见作出决定")
		})
	}
	if d := c.decision; d != nil {
		t.table("6、决定", "decision", func() {
			t.str("number", d.number)
			t.date("date", d.date)
			t.line("amount = %d", d.amount)
			t.str("basis", d.basis)
		})
	}
	if s := c.service; s != nil {
		t.table("7、送达", "service", func() {
			t.date("date", s.date)
			t.str("recipient", s.recipient)
			t.str("role", s.role)
			t.flag("receipt", s.receipt)
			t.flag("signed", s.signed)
			t.flag("date_recorded", s.dated)
		})
	}
	if ex := c.execution; ex != nil {
		t.table("8、执行", "execution", func() {
			t.date("deadline", ex.deadline)
			if ex.lateFee > 0 {
				t.line("late_fee = %s", money(ex.lateFee))
			}
			t.date("court_date", ex.courtDate)
			t.date("court_done", ex.courtDone)
			for _, p := range ex.payments {
				t.line("[[execution.payment]]")
				t.date("date", p.date)
				t.line("amount = %d", p.amount)
			}
		})
	}
	if cl := c.closing; cl != nil {
		t.table("9、结案归档", "closing", func() {
			t.date("date", cl.date)
			t.str("form", cl.form)
		})
	}
	if a := c.archive; a != nil {
		t.table("", "archive", func() {
			t.date("date", a.date)
			t.list("documents", a.docs)
		})
	}
	if r := c.review; r != nil {
		t.table("评查人员评分（事实 6 分、证据 6 分、适用法律 10 分）", "review", func() {
			t.str("reviewer", r.who)
			t.line("facts = %d", r.facts)
			t.line("evidence = %d", r.evidence)
			t.line("law = %d", r.law)
			if r.note != "" {
				t.str("note", r.note)
			}
		})
	}
	return []byte(strings.TrimRight(t.b.String(), "\n") + "\n")
}
