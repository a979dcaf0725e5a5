package reports

import (
	"fmt"
	"strings"
	"time"

	"qingdan/period"
)

// filingClause is the seed's requirement the filing answers, quoted.
const filingClause = "经审查确定为重大征收或处罚案件的，由乡镇人民政府、局政策法规科制作重大征收或处罚决定备案报告，并定期将每半年作出的重大征收决定目录报县政府法制办备案。"

// Filing is the 重大征收或处罚决定备案报告 of one half year as data: the
// cover letter to the legal affairs office and the catalogue (目录).
type Filing struct {
	Org         string          `json:"org"`
	LegalOffice string          `json:"legal_office"`
	Period      string          `json:"period"`
	From        string          `json:"from"`
	To          string          `json:"to"`
	Date        string          `json:"date"`
	Threshold   string          `json:"threshold"` // yuan from which a decision is major
	Clause      string          `json:"clause"`
	Total       string          `json:"total"` // sum of the amounts, yuan
	Fees        int             `json:"fees"`  // decisions collecting social maintenance fees
	Penalties   int             `json:"penalties"`
	Contact     string          `json:"contact"`
	Phone       string          `json:"phone"`
	Signer      string          `json:"signer,omitempty"`  // 签发人
	CopyTo      []string        `json:"copy_to,omitempty"` // 抄送机关
	Decisions   []MajorDecision `json:"decisions"`
}

// MajorDecision is one line of the catalogue.
type MajorDecision struct {
	Seq        int    `json:"seq"`
	Case       string `json:"case"`     // 案号
	Decision   string `json:"decision"` // 决定书文号
	Kind       string `json:"kind"`
	Township   string `json:"township"`
	Party      string `json:"party"`
	PartyID    string `json:"party_id"` // masked
	Date       string `json:"date"`     // 决定日期
	Amount     string `json:"amount"`   // yuan
	Basis      string `json:"basis"`
	Discussion string `json:"discussion"` // 集体讨论日期
	Execution  string `json:"execution"`  // 执行情况
	Reason     string `json:"reason"`     // why it is major
}

// BuildFiling lists the major decisions made in the period; all is every
// case file.
func BuildFiling(all []*Case, s Settings, p period.Period) *Filing {
	asOf := dayOf(p.End())
	env := NewEnv(all, s, asOf)
	f := &Filing{
		Org:         s.Org,
		LegalOffice: s.LegalOffice,
		Period:      p.String(),
		From:        asDay(dayOf(p.Start())),
		To:          asDay(asOf.AddDate(0, 0, -1)),
		Date:        fmtDate(asOf),
		Threshold:   fmtYuan(s.MajorAmount),
		Clause:      filingClause,
		Contact:     s.Contact,
		Phone:       s.Phone,
		Signer:      s.Signer,
		CopyTo:      s.CopyTo,
	}
	var total int64
	for _, c := range InPeriod(all, p) {
		why := env.majorReason(c)
		if c.Decision == nil || len(why) == 0 {
			continue
		}
		total += c.Amount()
		if c.Kind == KindFee {
			f.Fees++
		} else {
			f.Penalties++
		}
		discussion := "未经集体讨论"
		if c.Discussion != nil {
			discussion = fmtDate(c.Discussion.Date)
		}
		f.Decisions = append(f.Decisions, MajorDecision{
			Seq:        len(f.Decisions) + 1,
			Case:       c.Number,
			Decision:   c.Decision.Number,
			Kind:       c.Kind,
			Township:   c.Township,
			Party:      c.Party.Name,
			PartyID:    MaskID(c.Party.ID),
			Date:       fmtDate(c.Decision.Date),
			Amount:     fmtYuan(c.Amount()),
			Basis:      c.Decision.Basis,
			Discussion: discussion,
			Execution:  executionStatus(c, asOf),
			Reason:     strings.Join(why, "；"),
		})
	}
	f.Total = fmtYuan(total)
	return f
}

// executionStatus says how far a decision has been carried out, from what
// the case file records.
func executionStatus(c *Case, asOf time.Time) string {
	ex := c.Execution
	if done, ok := completion(c); ok {
		if ex.CourtDone.Equal(done) {
			return "法院强制执行完毕（" + fmtDate(done) + "）"
		}
		return "已缴清（" + fmtDate(done) + "）"
	}
	if c.Service == nil {
		return "决定书尚未送达"
	}
	if ex == nil {
		return "未缴纳"
	}
	paid := paidBy(c, time.Time{})
	switch {
	case !ex.CourtDate.IsZero():
		return fmt.Sprintf("已于%s申请法院强制执行", fmtDate(ex.CourtDate))
	case paid > 0:
		return fmt.Sprintf("部分缴纳（已缴 %s 元）", fmtYuan(paid))
	case !asOf.After(ex.Deadline):
		return "在缴纳期限内"
	}
	return "逾期未缴纳"
}
