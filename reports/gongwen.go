package reports

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"qingdan/period"
)

// The parts of a 公文 (GB/T 9704-2012) both reports share, filled from
// the Issue the pipeline decides: the 发文字号, the 成文日期, the 草稿
// mark and the 更正 block.

// issueDate is the 成文日期: the day the report is issued, or, for the
// zero Issue, closed, the period's close as written in the report's data.
func issueDate(is Issue, closed string) string {
	if is.Date.IsZero() {
		return closed
	}
	return fmtDate(dayOf(is.Date))
}

// titleMarks are what follows a report's title: 草稿 for a draft, 更正
// for a correction.
func titleMarks(is Issue) string {
	s := ""
	if is.Corrects != nil {
		s += "（更正）"
	}
	if is.Draft {
		s += "（草稿）"
	}
	return s
}

// opening is what comes between the 主送机关 and the body: the 更正
// block of a correction, and, for a report issued after the month that
// follows its period, which half year it covers (it is dated the day it
// is issued, never back-dated).
func opening(is Issue, name, half string, p period.Period) []Block {
	var out []Block
	if c := is.Corrects; c != nil {
		number := c.Number
		if number == "" {
			number = "未编号"
		}
		out = append(out, text(fmt.Sprintf("本报告更正本局%s印发的《%s》（%s，PDF 文件 SHA-256：%s）。原报告作废，以本报告为准。",
			fmtDate(dayOf(c.Date)), name, number, c.SHA256)+reason(c.Reason)+"更正内容如下："))
		for i, ch := range c.Changes {
			out = append(out, text(fmt.Sprintf("%d．%s", i+1, strings.TrimSpace(ch))))
		}
		if len(c.Changes) == 0 {
			out = append(out, text("（未列出更正事项。）"))
		}
	}
	if late(is, p) {
		out = append(out, text(fmt.Sprintf("本报告为%s（%s至%s）的%s，于%s补报。",
			half, fmtDate(dayOf(p.Start())), fmtDate(dayOf(p.End()).AddDate(0, 0, -1)), name, fmtDate(dayOf(is.Date)))))
	}
	return out
}

// reason is the sentence that gives why a report is corrected, in the
// filing office's words, or "" when it gave none.
func reason(r string) string {
	r = strings.TrimSpace(r)
	if r == "" {
		return ""
	}
	if !strings.HasSuffix(r, "。") {
		r += "。"
	}
	return "更正原因：" + r
}

// late reports whether a report is issued after the end of the month that
// follows its period (the filings of a half year are due in its first
// weeks).
func late(is Issue, p period.Period) bool {
	if is.Date.IsZero() {
		return false
	}
	end := dayOf(p.End())
	due := time.Date(end.Year(), end.Month()+1, 1, 0, 0, 0, 0, time.UTC)
	return !dayOf(is.Date).Before(due)
}

// signature is the 落款: the 发文机关署名 and the 成文日期.
func signature(org, date string) Block {
	return Block{Kind: BlockSignature, Lines: []string{org, date}}
}

// imprint is the 版记 (GB/T 9704 7.4): the 抄送机关, if any, and the
// 印发机关 and the 印发日期, the last thing of a document, at the foot of
// its last page. The 抄送机关 are copyTo less the 主送机关 to, each once,
// in their order.
func imprint(org, date, to string, copyTo []string) Block {
	b := Block{Kind: BlockImprint, Lines: []string{org, date + "印发"}}
	var names []string
	for _, c := range copyTo {
		if c = strings.TrimSpace(c); c != "" && c != to && !slices.Contains(names, c) {
			names = append(names, c)
		}
	}
	if len(names) > 0 {
		b.Text = "抄送：" + strings.Join(names, "，") + "。"
	}
	return b
}

// attachments is the 附件说明: 附件：name, or a numbered list of names.
func attachments(names ...string) Block {
	if len(names) == 1 {
		return text("附件：" + names[0])
	}
	var lines []string
	for i, n := range names {
		prefix := "　　　"
		if i == 0 {
			prefix = "附件："
		}
		lines = append(lines, fmt.Sprintf("%s%d．%s", prefix, i+1, n))
	}
	return text(strings.Join(lines, "\n"))
}
