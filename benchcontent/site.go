package benchcontent

import (
	"fmt"
	"strings"
)

// published is the publication date of every generated part: fixed, so
// that the bytes depend on the seed only.
const published = "2026-11-28"

// Site returns the files of a qingdan site folder holding items work
// items generated from seed: site.toml and content/. Building it needs
// nothing else; "qingdan check" finds no error in it.
func Site(items int, seed uint64) ([]File, error) {
	c, err := generate(items, seed)
	if err != nil {
		return nil, err
	}
	files := []File{
		{"site.toml", siteTOML(c)},
		{"content/units.toml", unitsTOML(c)},
		{"content/duties.toml", dutiesTOML(c)},
		{"content/boundaries.toml", boundariesTOML(c)},
		{"content/services.toml", servicesTOML(c)},
		{"content/supervision/_index.toml", []byte(partHeader("监督管理制度", 4))},
		{"content/changes.toml", changesTOML(c)},
		{"content/synonyms.toml", []byte(synonymsTOML)},
	}
	for _, s := range c.systems {
		files = append(files, File{"content/supervision/" + s.id + "-system.md", systemMarkdown(s)})
	}
	return files, nil
}

var tomlEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`)

// q is s as a TOML basic string. The phrases hold no control characters.
func q(s string) string { return `"` + tomlEscaper.Replace(s) + `"` }

// qs is a list of strings as a TOML array.
func qs(list []string) string {
	quoted := make([]string, len(list))
	for i, s := range list {
		quoted[i] = q(s)
	}
	return "[" + strings.Join(quoted, ", ") + "]"
}

func siteTOML(c *corpus) []byte {
	return fmt.Appendf(nil, `# 合成测试数据（qingdan bench-content -items %d -seed %d 生成），仅用于测量构建速度。
title = "河北省人口和计划生育责任清单（测试数据）"
description = "由威县人口和计划生育局责任清单的语句重新组合生成的测试数据：%d 项具体工作事项。"
base_url = "https://bench.example.gov.cn/qingdan/"
content = "content"
output = "public"
theme = "default"

[org]
name = "河北省人口和计划生育委员会"
short_name = "省人口计生委"
area_code = "0319"

[publication]
topic = "卫生、体育\\计划生育"
`, c.items, c.seed, c.items)
}

// partHeader is the 信息公开 record at the top of a part's file.
func partHeader(what string, n int) string {
	return fmt.Sprintf("# %s（合成测试数据）\n\nindex = \"BENCH-2026-%04d\"\npublished = %s\nupdated = %s\n", what, n, published, published)
}

func unitsTOML(c *corpus) []byte {
	var b strings.Builder
	b.WriteString("# 各地人口计生部门的股室和下属单位（合成测试数据）\n")
	for _, u := range c.units {
		fmt.Fprintf(&b, "\n[[unit]]\nid = %s\nname = %s\n", q(u.id), q(u.name))
		if u.shortName != "" {
			fmt.Fprintf(&b, "short_name = %s\n", q(u.shortName))
		}
		parent := ""
		if u.parent != nil {
			parent = u.parent.id
		}
		fmt.Fprintf(&b, "kind = %s\nparent = %s\n", q(u.kind), q(parent))
		if u.phone != "" {
			fmt.Fprintf(&b, "phone = %s\n", q(u.phone))
		}
		if len(u.aliases) > 0 {
			fmt.Fprintf(&b, "aliases = %s\n", qs(u.aliases))
		}
		if u.description != "" {
			fmt.Fprintf(&b, "description = %s\n", q(u.description))
		}
	}
	return []byte(b.String())
}

func unitIDs(units []*unit) []string {
	ids := make([]string, len(units))
	for i, u := range units {
		ids[i] = u.id
	}
	return ids
}

func dutiesTOML(c *corpus) []byte {
	var b strings.Builder
	b.WriteString(partHeader("部门职责", 1))
	for _, d := range c.duties {
		fmt.Fprintf(&b, "\n[[duty]]\nid = %s\ntext = %s\n", q(d.id), q(d.text))
		for _, it := range d.items {
			fmt.Fprintf(&b, "\n[[duty.item]]\nid = %s\ntext = %s\nunits = %s\n", q(it.id), q(it.text), qs(unitIDs(it.units)))
			if it.unitsNote != "" {
				fmt.Fprintf(&b, "units_note = %s\n", q(it.unitsNote))
			}
		}
	}
	return []byte(b.String())
}

func boundariesTOML(c *corpus) []byte {
	var b strings.Builder
	b.WriteString(partHeader("职责边界", 2))
	for _, m := range c.matters {
		fmt.Fprintf(&b, "\n[[matter]]\nid = %s\ntitle = %s\nbasis = %s\ncases = []\n", q(m.id), q(m.title), qs(m.basis))
		for _, r := range m.roles {
			fmt.Fprintf(&b, "\n[[matter.role]]\ndepartment = %s\nlead = %t\nduty = %s\n", q(r.department), r.lead, q(r.duty))
		}
	}
	return []byte(b.String())
}

func servicesTOML(c *corpus) []byte {
	var b strings.Builder
	b.WriteString(partHeader("公共服务事项", 3))
	for _, s := range c.services {
		fmt.Fprintf(&b, "\n[[service]]\nid = %s\nname = %s\ncontent = %s\nunits = %s\nphones = %s\n",
			q(s.id), q(s.name), q(s.content), qs(unitIDs(s.units)), qs(s.phones))
	}
	return []byte(b.String())
}

func systemMarkdown(s *system) []byte {
	return fmt.Appendf(nil, "+++\nid = %s\ntitle = %s\norder = %d\nsummary = %s\n+++\n\n%s", q(s.id), q(s.title), s.order, q(s.summary), s.body)
}

func changesTOML(c *corpus) []byte {
	items := 0
	for _, d := range c.duties {
		items += len(d.items)
	}
	return fmt.Appendf(nil, "[[change]]\ndate = %s\ntitle = %s\nsummary = %s\nlink = \"/\"\n", published,
		q("发布合成测试清单"),
		q(fmt.Sprintf("%d项主要职责、%d项具体工作事项、%d项职责边界、%d项公共服务事项和%d项监督管理制度。",
			len(c.duties), items, len(c.matters), len(c.services), len(c.systems))))
}

// synonymsTOML is a part of the real site's synonym list.
const synonymsTOML = `synonyms = [
  ["计生", "计划生育"],
  ["人口计生局", "人口和计划生育局", "县人口计生局"],
  ["社抚费", "社会抚养费"],
  ["奖扶", "奖励扶助"],
  ["特扶", "特别扶助"],
  ["药具", "避孕药具", "计划生育药具"],
  ["婚育证明", "流动人口婚育证明", "婚育证"],
  ["二胎", "二孩", "再生育"],
]
`
