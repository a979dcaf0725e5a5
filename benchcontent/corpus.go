// Package benchcontent writes synthetic responsibility-list content of any
// size, for measuring how qingdan (and, for comparison, Hugo) scale from one
// county bureau to a whole province.
//
// The content has the shape of the real list: N work items spread over
// duties of about five items each; bureaus ("areas") that each have the
// real bureau's eleven units (sections with stations, centres and offices
// under them), one area per 220 items; N/4 public services; N/16 boundary
// matters shared with other departments; and a few supervision systems in
// Markdown. All text is recombined from the seed document's own clauses
// (phrases.txt), so word frequencies and lengths are those of real content.
//
// The same item count and seed always give the same bytes; another seed
// gives other text, units and sizes with the same proportions.
//
// Site returns the files of a qingdan site folder (site.toml and
// content/); Hugo returns the same content as a Hugo content folder (one
// Markdown page per work item, service, matter and system).
package benchcontent

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// MaxItems bounds the item count: beyond it the ids and memory of a
// generated site stop being meaningful for a benchmark.
const MaxItems = 10_000_000

// File is one generated file; Name is a slash path relative to the folder.
type File struct {
	Name string
	Data []byte
}

// corpus is the generated content, before it is written in any format.
type corpus struct {
	items    int
	seed     uint64
	areas    []*area
	units    []*unit
	duties   []*duty
	services []*service
	matters  []*matter
	systems  []*system
}

// area is one bureau: a county's set of the eleven units.
type area struct {
	name  string
	units []*unit
}

type unit struct {
	id, name, shortName, kind, phone, description string
	parent                                        *unit
	aliases                                       []string
}

type duty struct {
	id, text string
	items    []*item
}

type item struct {
	id, text, unitsNote string
	units               []*unit
}

type service struct {
	id, name, content string
	units             []*unit
	phones            []string
}

type matter struct {
	id, title string
	basis     []string
	roles     []role
}

type role struct {
	department, duty string
	lead             bool
}

type system struct {
	id, title, summary, body string
	order                    int
}

// unitTemplate is the real bureau's units (content/units.toml), repeated
// in every area with the area's name in front.
var unitTemplate = []struct {
	id, name, shortName, kind, parent string
	phone                             bool
	aliases                           []string
}{
	{"rmg", "人秘股", "", "股室", "", false, nil},
	{"rkfzyjs", "人口发展研究室", "", "室", "rmg", false, nil},
	{"xczdz", "计划生育宣传指导站", "", "站", "rmg", true, []string{"计划生育宣传指导站技术站"}},
	{"cwglzx", "计划生育财务管理服务中心", "", "中心", "rmg", false, nil},
	{"zcfg", "政策法规股（信访室）", "政策法规股", "股室", "", true, []string{"政策法规股(信访室)"}},
	{"fzgh", "发展规划与统计信息股", "", "股室", "", false, nil},
	{"xxgxzx", "信息交流共享中心", "", "中心", "fzgh", false, nil},
	{"ldrk", "流动人口管理服务中心", "", "中心", "fzgh", true, nil},
	{"jsfwz", "计划生育技术服务站", "", "站", "fzgh", true, []string{"技术服务站"}},
	{"yjglz", "人口和计划生育药具管理站", "", "站", "fzgh", false, nil},
	{"jsxh", "计划生育协会", "", "协会", "", true, []string{"计生协会"}},
}

// itemsPerArea sets how many bureaus share the items: N/20 units, eleven
// units per bureau.
const itemsPerArea = 20 * 11

// counties name the areas; past the end of the list they repeat with a
// number, as the districts of a larger province would.
var counties = []string{
	"威县", "清河县", "临西县", "南宫市", "巨鹿县", "广宗县", "平乡县", "新河县", "宁晋县", "隆尧县",
	"任泽区", "南和区", "柏乡县", "临城县", "内丘县", "沙河市", "信都区", "襄都区", "魏县", "大名县",
	"馆陶县", "邱县", "曲周县", "鸡泽县", "肥乡区", "广平县", "成安县", "临漳县", "涉县", "武安市",
	"磁县", "永年区", "故城县", "景县", "阜城县", "武邑县", "武强县", "饶阳县", "安平县", "深州市",
	"枣强县", "冀州区", "桃城区", "献县", "泊头市", "吴桥县", "东光县", "南皮县", "盐山县", "孟村回族自治县",
	"海兴县", "黄骅市", "青县", "沧县", "任丘市", "河间市", "肃宁县", "定州市", "辛集市", "晋州市",
}

// departments share boundary matters with the bureau.
var departments = []string{
	"公安局", "卫生局", "司法局", "民政局", "工商局", "建设局", "住建局", "人社局", "教育局",
	"食品药品监督管理局", "财政局", "统计局", "妇联", "团县委",
}

// systemTitles are the real systems' titles; further systems take them
// again with an area's name in front.
var systemTitles = []string{
	"非医学需要的终止妊娠手术事项监管", "再生育事项监管", "计划生育家庭奖励扶助金等类别事项监管",
	"规范案件查处", "行政处罚裁量权规范",
}

// systemHeadings are the sections every real system has.
var systemHeadings = []string{
	"一、监督检查对象", "二、监督检查内容和指标", "三、监督检查方式", "四、监督检查程序和措施", "五、监督检查处理",
}

// generate builds the content for items work items from seed.
func generate(items int, seed uint64) (*corpus, error) {
	if items < 1 || items > MaxItems {
		return nil, fmt.Errorf("item count %d is out of range: give 1 to %d", items, MaxItems)
	}
	g := &builder{r: rand.New(rand.NewPCG(seed, 0x7167645f62656e63)), c: &corpus{items: items, seed: seed}}
	g.areas((items + itemsPerArea - 1) / itemsPerArea)
	g.duties(items)
	g.services(max(1, items/4))
	g.matters(max(3, items/16))
	g.systems(len(systemTitles) + items/10_000)
	return g.c, nil
}

// generator holds the random source while a corpus is built. Every choice
// is drawn from r in a fixed order, so a seed fixes the bytes.
type builder struct {
	r *rand.Rand
	c *corpus
}

// pick returns a random element of list.
func (g *builder) pick(list []string) string { return list[g.r.IntN(len(list))] }

// sentence joins between lo and hi clauses of kind with "，" and ends it
// with "。", the way the source writes a duty or an item.
func (g *builder) sentence(kind string, lo, hi int) string {
	list := phrases[kind]
	n := lo + g.r.IntN(hi-lo+1)
	parts := make([]string, n)
	for i := range parts {
		parts[i] = list[g.r.IntN(len(list))]
	}
	return strings.Join(parts, "，") + "。"
}

// id formats n (from 1) with at least two digits and as many as the
// largest id of the kind needs, so that ids sort as numbers.
func id(n, count int) string {
	return fmt.Sprintf("%0*d", max(2, len(fmt.Sprint(count))), n)
}

// phone is a local seven-digit number such as the source's "7631779".
func (g *builder) phone() string { return fmt.Sprintf("7%06d", g.r.IntN(1_000_000)) }

func (g *builder) areas(n int) {
	for a := range n {
		name := counties[a%len(counties)]
		if round := a / len(counties); round > 0 {
			name = fmt.Sprintf("%s（%d）", name, round+1)
		}
		ar := &area{name: name}
		byID := map[string]*unit{}
		for _, t := range unitTemplate {
			u := &unit{
				id:     fmt.Sprintf("a%s-%s", id(a+1, n), t.id),
				name:   name + t.name,
				kind:   t.kind,
				parent: byID[t.parent],
			}
			if t.shortName != "" {
				u.shortName = name + t.shortName
			}
			if t.phone {
				u.phone = g.phone()
			}
			for _, al := range t.aliases {
				u.aliases = append(u.aliases, name+al)
			}
			if g.r.IntN(3) == 0 {
				u.description = g.sentence("item", 1, 2)
			}
			byID[t.id] = u
			ar.units = append(ar.units, u)
			g.c.units = append(g.c.units, u)
		}
		g.c.areas = append(g.c.areas, ar)
	}
}

// duties spreads items over duties of two to eight items (five on
// average); each duty's items belong to the units of one area.
func (g *builder) duties(items int) {
	var sizes []int
	for left := items; left > 0; {
		n := min(left, 2+g.r.IntN(7))
		sizes = append(sizes, n)
		left -= n
	}
	for i, size := range sizes {
		d := &duty{id: id(i+1, len(sizes)), text: g.sentence("duty", 2, 4)}
		ar := g.c.areas[i*len(g.c.areas)/len(sizes)]
		for j := range size {
			it := &item{id: fmt.Sprintf("%s-%02d", d.id, j+1), text: g.sentence("item", 1, 3)}
			it.units = g.units(ar, 1+min(1, g.r.IntN(7)/6))
			if g.r.IntN(100) == 0 {
				it.unitsNote = "与相关科室"
			}
			d.items = append(d.items, it)
		}
		g.c.duties = append(g.c.duties, d)
	}
}

// units picks n different units of an area, from those with a phone
// when phoned is set.
func (g *builder) units(ar *area, n int, phoned ...bool) []*unit {
	var pool []*unit
	for _, u := range ar.units {
		if len(phoned) == 0 || u.phone != "" {
			pool = append(pool, u)
		}
	}
	var out []*unit
	for _, k := range g.r.Perm(len(pool))[:n] {
		out = append(out, pool[k])
	}
	return out
}

func (g *builder) services(n int) {
	for i := range n {
		ar := g.c.areas[i*len(g.c.areas)/n]
		s := &service{id: id(i+1, n), name: ar.name + g.pick(phrases["service"]), content: g.sentence("content", 1, 3)}
		s.units = g.units(ar, 1+min(1, g.r.IntN(5)/4), true)
		for _, u := range s.units {
			s.phones = append(s.phones, u.phone)
		}
		g.c.services = append(g.c.services, s)
	}
}

func (g *builder) matters(n int) {
	for i := range n {
		m := &matter{id: id(i+1, n), title: g.pick(phrases["matter"])}
		for range 1 + g.r.IntN(3) {
			m.basis = append(m.basis, g.pick(phrases["basis"]))
		}
		m.roles = append(m.roles, role{department: "人口和计划生育局", lead: true, duty: g.sentence("role", 1, 3)})
		for _, k := range g.r.Perm(len(departments))[:2+g.r.IntN(5)] {
			m.roles = append(m.roles, role{department: departments[k], duty: g.sentence("role", 1, 2)})
		}
		g.c.matters = append(g.c.matters, m)
	}
}

func (g *builder) systems(n int) {
	for i := range n {
		title := systemTitles[i%len(systemTitles)]
		if i >= len(systemTitles) {
			title = g.c.areas[i%len(g.c.areas)].name + title
		}
		s := &system{id: id(i+1, n), title: title, order: i + 1, summary: g.pick(phrases["system"])}
		var b strings.Builder
		b.WriteString(s.summary + "\n")
		for _, h := range systemHeadings {
			b.WriteString("\n## " + h + "\n\n")
			for range 2 + g.r.IntN(4) {
				b.WriteString("- " + g.pick(phrases["system"]) + "\n")
			}
		}
		s.body = b.String()
		g.c.systems = append(g.c.systems, s)
	}
}
