package reports

import (
	"fmt"
	"strings"
)

// RulesMarkdown is the rubric as a Markdown document: every rule with its
// category, points, whether it fails a file outright, whether a reviewer
// judges it, and the clause of the seed it enforces. docs/rules.md is this
// text ("qingdan report rules").
func RulesMarkdown() string {
	var b strings.Builder
	b.WriteString("# 案卷评查规则\n\n")
	b.WriteString("<!-- 由 qingdan report rules 生成，请勿手工修改。 -->\n\n")
	b.WriteString("每半年的案卷评查按下列规则逐卷评分，满分 100 分。每条规则对应责任清单“四、事中事后监督管理制度（四）规范案件查处”中的条款，条款原文照录。\n\n")
	b.WriteString("- **否决项**：不符合的，案卷直接评为不合格。\n")
	b.WriteString("- **人工评查**：需要人工判断的项目，取案卷 `[review]` 表中评查人员的评分；案卷没有评分时该项“待评”，不扣分。\n")
	b.WriteString("- 其余规则由系统按案卷记载的日期、人员和文书核对；规则不适用或期限尚未届满时，该项不扣分。\n")
	b.WriteString("- **否决项计 0 分**：有否决项的案卷得 0 分，在报告的每一张表中标明“直接不合格”，平均分按 0 分计入。\n")
	b.WriteString("- 等次：得分不低于 `excellent`（默认 90）为优秀，不低于 `pass`（默认 70）为合格，其余或有否决项的为不合格，均可在 site.toml 的 `[reports]` 中设置。\n\n")
	b.WriteString("## 分值\n\n| 类别 | 分值 | 规则 |\n|---|---:|---|\n")
	for _, cat := range Categories {
		points := 0
		var ids []string
		for _, r := range Rules {
			if r.Category == cat {
				points += r.Points
				ids = append(ids, r.ID)
			}
		}
		fmt.Fprintf(&b, "| %s | %d | %s |\n", cat, points, strings.Join(ids, "、"))
	}
	b.WriteString("\n## 规则\n\n| 编号 | 规则 | 类别 | 分值 | 否决项 | 人工评查 | 所在条款 | 条款原文 |\n|---|---|---|---:|---|---|---|---|\n")
	for _, r := range Rules {
		fmt.Fprintf(&b, "| %s | %s | %s | %d | %s | %s | %s | %s |\n",
			r.ID, r.Title, r.Category, r.Points, yes(r.Fatal), yes(r.Human()), r.Step, strings.ReplaceAll(r.Clause, "|", "\\|"))
	}
	b.WriteString("\n## 期间的计算\n\n")
	b.WriteString("期间开始的当日不计入，自下一日开始计算（民法典第二百零一条）。原文中的“三日”“七日”按日历日计算，这是默认设置；行政处罚法（2021）第八十五条规定其“二日”“三日”“五日”“七日”指工作日，需要按工作日计算的，在 site.toml 的 `[reports]` 中写 `day_counting = \"working\"`，并在 `holidays` 中列出案卷涉及各年的法定节假日（落在周一至周五的日子），在 `workdays` 中列出调休上班的周六、周日。月、年按日历计算，不受此设置影响。\n\n")
	b.WriteString("| 编号 | 规则 | 第一日和计算方法 |\n|---|---|---|\n")
	for _, r := range Rules {
		days := r.Days
		if days == "" {
			days = "不涉及期间（只核对有无和先后）"
		}
		fmt.Fprintf(&b, "| %s | %s | %s |\n", r.ID, r.Title, days)
	}
	b.WriteString("\n## 整改要求\n\n| 编号 | 不符合时的整改要求 |\n|---|---|\n")
	for _, r := range Rules {
		fmt.Fprintf(&b, "| %s | %s |\n", r.ID, r.Fix)
	}
	return b.String()
}

func yes(b bool) string {
	if b {
		return "是"
	}
	return ""
}
