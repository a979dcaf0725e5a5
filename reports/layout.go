package reports

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"qingdan/period"
)

// Report titles, which also name the files.
const (
	EvaluationTitle = "案卷评查报告"
	FilingTitle     = "重大征收或处罚决定备案报告"
)

// halfName writes a period as 2026年上半年.
func halfName(name string) string {
	p, err := period.Parse(name)
	if err != nil {
		return name
	}
	if p.Half == 1 {
		return fmt.Sprintf("%d年上半年", p.Year)
	}
	return fmt.Sprintf("%d年下半年", p.Year)
}

// chineseDay writes 2026-01-01 as 2026年1月1日.
func chineseDay(iso string) string {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return iso
	}
	return fmtDate(t)
}

func text(s string) Block  { return Block{Kind: BlockText, Text: s} }
func plain(s string) Block { return Block{Kind: BlockPlain, Text: s} }
func heading(level int, s string) Block {
	return Block{Kind: BlockHeading, Level: level, Text: s}
}

var chineseNumbers = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

// chineseNumber writes 1..99 in Chinese numerals: 一, 十二, 二十六.
func chineseNumber(n int) string {
	switch {
	case n <= 10:
		return chineseNumbers[n-1]
	case n < 20:
		return "十" + chineseNumbers[n-11]
	case n%10 == 0:
		return chineseNumbers[n/10-1] + "十"
	}
	return chineseNumbers[n/10-1] + "十" + chineseNumbers[n%10-1]
}

func percent(part, whole int) string {
	if whole == 0 {
		return "0.0%"
	}
	return strconv.FormatFloat(oneDecimal(100*float64(part)/float64(whole)), 'f', 1, 64) + "%"
}

func score(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }

// EvaluationDocument lays out the 案卷评查报告 as a 公文 issued as is says.
func EvaluationDocument(e *Evaluation, is Issue) *Document {
	half := halfName(e.Period)
	s := e.Settings
	date := issueDate(is, e.Date)
	doc := &Document{Title: EvaluationTitle, Org: e.Org, Number: is.Number, Created: date, Draft: is.Draft}
	p, _ := period.Parse(e.Period)
	add := func(b ...Block) { doc.Blocks = append(doc.Blocks, b...) }
	add(Block{Kind: BlockTitle, Text: e.Org + "\n关于" + half + "行政处罚和社会抚养费\n案卷评查情况的报告" + titleMarks(is)},
		plain(s.EvaluationTo+"："))
	add(opening(is, EvaluationTitle, half, p)...)

	var cats []string
	for _, c := range e.ByCategory {
		cats = append(cats, fmt.Sprintf("%s（%d 分）", c.Category, c.Points))
	}
	var human, fatal []string
	for _, r := range Rules {
		if r.Human() {
			human = append(human, r.ID)
		}
		if r.Fatal {
			fatal = append(fatal, r.ID+"（"+r.Title+"）")
		}
	}
	add(heading(1, "一、评查范围和方法"),
		text(fmt.Sprintf("根据本局责任清单“规范案件查处”制度关于“每半年对行政处罚和社会抚养费案卷质量进行评查”的要求，对%s至%s期间作出决定（未作出决定的按立案日期）的行政处罚和社会抚养费案卷共 %d 件逐卷进行了评查。",
			chineseDay(e.From), chineseDay(e.To), e.Total.Cases)),
		text(fmt.Sprintf("评查实行百分制，分%s六类共 %d 项，每一项对应“查处流程”中的具体条款（见规则表）。其中 %s 三项需要人工判断，取案卷中评查人员的评分；其余各项由系统按案卷记载的日期、执法人员和文书逐项核对。%s，违反其中任何一项的，案卷直接评为不合格，计 0 分（平均分按 0 分计入）。",
			strings.Join(cats, "、"), len(Rules), strings.Join(human, "、"), strings.Join(fatal, "、")+"为否决项")),
		text(fmt.Sprintf("等次标准：得分 %d 分以上为优秀，%d 分以上为合格，低于 %d 分或有直接不合格项的为不合格。决定金额达到 %s 元或经审查确定为重大案件的为重大案件；申请人民法院强制执行的期限按法定起诉期限 %d 个月届满后 180 日计算。",
			s.Excellent, s.Pass, s.Pass, fmtYuan(s.MajorAmount), s.LitigationMonths)),
	)

	t := e.Total
	add(heading(1, "二、评查结果"))
	if t.Cases == 0 {
		add(text("本期没有需要评查的案卷。"))
	} else {
		fatalCases := 0
		for _, c := range e.Cases {
			if len(c.Fatal) > 0 {
				fatalCases++
			}
		}
		add(text(fmt.Sprintf("本期共评查案卷 %d 件，平均得分 %s 分。其中优秀 %d 件，合格 %d 件，不合格 %d 件（有直接不合格项的 %d 件）；%d 件案卷有待人工评查的项目。",
			t.Cases, score(t.Average), t.Excellent, t.Pass, t.Fail, fatalCases, t.Pending)))
		add(Block{Kind: BlockChart, Chart: &Chart{Title: "等次分布", Bars: []Bar{
			{GradeExcellent, t.Excellent, fmt.Sprintf("%d 件（%s）", t.Excellent, percent(t.Excellent, t.Cases))},
			{GradePass, t.Pass, fmt.Sprintf("%d 件（%s）", t.Pass, percent(t.Pass, t.Cases))},
			{GradeFail, t.Fail, fmt.Sprintf("%d 件（%s）", t.Fail, percent(t.Fail, t.Cases))},
		}}})
		add(heading(2, "（一）按乡镇统计"), groupTable("乡镇", e.ByTownship, t))
		add(heading(2, "（二）按案件类型统计"), groupTable("案件类型", e.ByKind, t))
		cat := &Table{Columns: []Column{{"类别", 3, "L"}, {"分值", 2, "R"}, {"失分合计", 2, "R"}, {"件均失分", 2, "R"}}}
		for _, c := range e.ByCategory {
			cat.Rows = append(cat.Rows, []string{string(c.Category), strconv.Itoa(c.Points), strconv.Itoa(c.Lost), score(c.Average)})
		}
		add(heading(2, "（三）各类别失分"), Block{Kind: BlockTable, Table: cat})
	}

	add(heading(1, "三、主要问题"))
	if len(e.Problems) == 0 {
		add(text("本期评查的案卷未发现问题。"))
	} else {
		add(text("按出现问题的案卷数从多到少排列："))
		pt := &Table{Columns: []Column{{"序号", 1.3, "C"}, {"规则", 1.3, "C"}, {"问题", 5, "L"}, {"类别", 2.3, "C"}, {"案卷数", 1.7, "R"}, {"占比", 1.8, "R"}, {"违反的条款", 8.5, "L"}}}
		for i, p := range e.Problems {
			title := p.Title
			if RuleByID(p.Rule).Fatal {
				title += "\n（否决项，直接不合格）"
			}
			pt.Rows = append(pt.Rows, []string{strconv.Itoa(i + 1), p.Rule, title, string(p.Category), strconv.Itoa(p.Cases), score(p.Share) + "%", p.Clause})
		}
		add(Block{Kind: BlockTable, Table: pt})
	}

	add(heading(1, "四、案卷得分"))
	if len(e.Cases) == 0 {
		add(text("无。"))
	} else {
		ct := &Table{Columns: []Column{{"序号", 1, "C"}, {"案号", 5.2, "L"}, {"乡镇和类型", 3, "L"}, {"当事人", 4.8, "L"}, {"决定金额（元）", 2.4, "R"}, {"得分", 1.1, "R"}, {"等次", 1.3, "C"}}}
		for i, c := range e.Cases {
			amount := c.Amount
			if amount == "" {
				amount = "未作出决定"
			}
			ct.Rows = append(ct.Rows, []string{strconv.Itoa(i + 1), c.Number, c.Township + "\n" + c.Kind, c.Party + "\n" + c.PartyID, amount, strconv.Itoa(c.Score), gradeCell(c)})
		}
		add(heading(2, "（一）得分一览"), Block{Kind: BlockTable, Table: ct})
		dt := &Table{Columns: []Column{{"案号", 5.2, "L"}, {"规则", 1.2, "C"}, {"扣分", 1.3, "R"}, {"发现的问题", 6, "L"}, {"违反的条款", 6.3, "L"}}}
		for _, c := range e.Cases {
			for _, d := range c.Deductions {
				lost := strconv.Itoa(d.Lost)
				if d.Fatal {
					lost += "\n" + fatalMark
				}
				dt.Rows = append(dt.Rows, []string{c.Number, d.Rule, lost, d.Title + "：" + strings.Join(d.Details, "；"), d.Clause})
			}
			if len(c.Pending) > 0 {
				dt.Rows = append(dt.Rows, []string{c.Number, strings.Join(c.Pending, "\n"), "—", "待人工评查：案卷无评查人员评分", "—"})
			}
		}
		add(heading(2, "（二）扣分明细"))
		if len(dt.Rows) == 0 {
			add(text("无扣分。"))
		} else {
			add(Block{Kind: BlockTable, Table: dt})
		}
	}

	add(heading(1, "五、整改要求"))
	if len(e.Rectification) == 0 {
		add(text("本期无需整改的事项。"))
	} else {
		add(text("请有关乡镇和承办股室对照下列问题逐卷整改，举一反三完善办案程序，整改情况报局政策法规股。"))
		for i, r := range e.Rectification {
			add(text(fmt.Sprintf("（%s）%s（%s）。%s涉及案卷 %d 件：%s。", chineseNumber(i+1), r.Title, r.Rule, r.Fix, len(r.Cases), strings.Join(r.Cases, "、"))))
		}
	}

	reviewers := strings.Join(s.Reviewers, "、")
	add(text("评查人员："+orBlank(reviewers)+"　　审核："+orBlank(s.Approver)), signature(e.Org, date),
		// the legal office receives the evaluation too (it is filed there)
		imprint(e.Org, date, s.EvaluationTo, append([]string{s.LegalOffice}, s.CopyTo...)))
	return doc
}

// fatalMark marks a file failed outright by a 否决项, wherever it is counted.
const fatalMark = "直接不合格"

// gradeCell is a file's grade as tables show it: 直接不合格 when a 否决项
// failed it, whatever its points.
func gradeCell(c CaseResult) string {
	if len(c.Fatal) > 0 {
		return fatalMark
	}
	return c.Grade
}

// orBlank leaves room for a handwritten name when site.toml names nobody.
func orBlank(s string) string {
	if s == "" {
		return "＿＿＿＿＿＿"
	}
	return s
}

func groupTable(name string, groups []Group, total Group) Block {
	t := &Table{Columns: []Column{{name, 3, "L"}, {"案卷数", 1.6, "R"}, {"平均分", 1.6, "R"}, {"优秀", 1.4, "R"}, {"合格", 1.4, "R"}, {"不合格", 1.6, "R"}, {"其中" + fatalMark, 2.4, "R"}, {"待人工评查", 2, "R"}}}
	for _, g := range append(groups, total) {
		avg := score(g.Average)
		if g.Cases == 0 {
			avg = "—"
		}
		t.Rows = append(t.Rows, []string{g.Name, strconv.Itoa(g.Cases), avg, strconv.Itoa(g.Excellent), strconv.Itoa(g.Pass), strconv.Itoa(g.Fail), strconv.Itoa(g.Fatal), strconv.Itoa(g.Pending)})
	}
	return Block{Kind: BlockTable, Table: t}
}

// FilingDocument lays out the 重大征收或处罚决定备案报告 as a 公文 issued
// as is says: the cover letter, then the catalogue as its 附件.
func FilingDocument(f *Filing, is Issue) *Document {
	half := halfName(f.Period)
	catalogue := half + "重大征收或处罚决定目录"
	date := issueDate(is, f.Date)
	// a report to the government's legal office is a 上行文: it names its 签发人
	doc := &Document{Title: FilingTitle, Org: f.Org, Number: is.Number, Signer: f.Signer, Created: date, Draft: is.Draft}
	p, _ := period.Parse(f.Period)
	add := func(b ...Block) { doc.Blocks = append(doc.Blocks, b...) }
	add(Block{Kind: BlockTitle, Text: f.Org + "\n关于报送" + half + "\n重大征收或处罚决定目录的备案报告" + titleMarks(is)},
		plain(f.LegalOffice+"："))
	add(opening(is, FilingTitle, half, p)...)
	add(text(fmt.Sprintf("根据本局责任清单“规范案件查处”制度关于“%s”的要求，现将本局%s至%s期间作出的重大征收或处罚决定目录报送备案。",
		f.Clause, chineseDay(f.From), chineseDay(f.To))),
	)
	if len(f.Decisions) == 0 {
		add(text("本期本局未作出重大征收或处罚决定。"))
	} else {
		add(text(fmt.Sprintf("本期共作出重大征收或处罚决定 %d 件，其中征收社会抚养费 %d 件、行政处罚 %d 件，决定金额合计 %s 元。", len(f.Decisions), f.Fees, f.Penalties, f.Total)))
	}
	add(text(fmt.Sprintf("重大决定的认定标准为：决定金额达到 %s 元，或经审查确定为重大案件。目录载明每一决定的案号、当事人、决定日期、金额、法律依据、集体讨论日期和执行情况。", f.Threshold)),
		text("特此报告。"),
		attachments(catalogue),
		signature(f.Org, date),
		// 附注: GB/T 9704 7.3.6, 居左空二字加圆括号
		text("（联系人："+orBlank(f.Contact)+"，联系电话："+orBlank(f.Phone)+"）"),
		Block{Kind: BlockBreak, Landscape: true},
	)

	add(Block{Kind: BlockHeading, Level: 0, Text: "附件"}, Block{Kind: BlockTitle, Text: catalogue})
	t := &Table{Columns: []Column{{"序号", 1.1, "C"}, {"案号和决定书文号", 6.6, "L"}, {"当事人", 5.2, "L"}, {"乡镇和类型", 2.6, "L"}, {"决定日期", 2.8, "C"}, {"金额（元）", 2.7, "R"}, {"法律依据", 4.6, "L"}, {"集体讨论日期", 2.8, "C"}, {"执行情况", 3.4, "L"}}}
	for _, d := range f.Decisions {
		t.Rows = append(t.Rows, []string{strconv.Itoa(d.Seq), d.Case + "\n" + d.Decision, d.Party + "\n" + d.PartyID, d.Township + "\n" + d.Kind, d.Date, d.Amount, d.Basis, d.Discussion, d.Execution})
	}
	if len(t.Rows) == 0 {
		add(text("本期无重大征收或处罚决定。"))
	} else {
		// the note goes before the table, so that it is never left alone on a page after it
		add(plain("注：公民身份号码和统一社会信用代码只显示前六位和后四位。"), Block{Kind: BlockTable, Table: t})
	}
	add(imprint(f.Org, date, f.LegalOffice, f.CopyTo))
	return doc
}
