package importer

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"qingdan/msg"
)

func TestMessages(t *testing.T) { msg.Check(t) }

func TestParseUnitCell(t *testing.T) {
	tests := []struct {
		cell string
		refs []unitRef
		note string
	}{
		{"", nil, ""},
		{"计划生育协会", []unitRef{{name: "计划生育协会"}}, ""},
		{"人秘股（人口发展研究室）", []unitRef{{"人口发展研究室", "人秘股"}}, ""},
		{"人秘股(人口发展研究室)与相关科室", []unitRef{{"人口发展研究室", "人秘股"}}, "与相关科室"},
		{"发展规划与统计信息股（信息交流共享中心）（流动人口管理服务中心)", []unitRef{{"信息交流共享中心", "发展规划与统计信息股"}, {"流动人口管理服务中心", "发展规划与统计信息股"}}, ""},
		{"计划生育宣传指导站技术站；计划生育技术服务站", []unitRef{{name: "计划生育宣传指导站技术站"}, {name: "计划生育技术服务站"}}, ""},
		{" 政策法规股 ", []unitRef{{name: "政策法规股"}}, ""},
		{"婚姻登记处、殡葬管理所", []unitRef{{name: "婚姻登记处"}, {name: "殡葬管理所"}}, ""},
	}
	for _, tt := range tests {
		refs, note := parseUnitCell(tt.cell)
		if !slices.Equal(refs, tt.refs) || note != tt.note {
			t.Errorf("parseUnitCell(%q) = %v %q, want %v %q", tt.cell, refs, note, tt.refs, tt.note)
		}
	}
}

func TestNormName(t *testing.T) {
	same := [][2]string{
		{"流动人口管理服务服务中心", "流动人口管理服务中心"},
		{"政策法规股(信访室)", "政策法规股（信访室）"},
		{"计生 协会", "计生协会"},
		{"人口和计划生育药具管理站", "人口和计划生育药具管理站"},
	}
	for _, p := range same {
		if normName(p[0]) != normName(p[1]) {
			t.Errorf("normName(%q) = %q, normName(%q) = %q: want the same", p[0], normName(p[0]), p[1], normName(p[1]))
		}
	}
	differ := [][2]string{{"计划生育技术服务站", "技术服务站"}, {"人秘股", "人秘室"}}
	for _, p := range differ {
		if normName(p[0]) == normName(p[1]) {
			t.Errorf("normName makes %q and %q one unit", p[0], p[1])
		}
	}
}

func TestKindOf(t *testing.T) {
	kinds := []string{"股室", "站", "中心", "室", "协会", "处", "所"}
	tests := []struct {
		name, kind string
		known      bool
	}{
		{"人秘股", "股室", true}, {"信访室", "室", true}, {"流动人口管理服务中心", "中心", true},
		{"计划生育协会", "协会", true}, {"婚姻登记处", "处", true}, {"殡葬管理所", "所", true},
		{"综合执法大队", "队", false},
	}
	for _, tt := range tests {
		if k, ok := kindOf(tt.name, kinds); k != tt.kind || ok != tt.known {
			t.Errorf("kindOf(%q) = %q %v, want %q %v", tt.name, k, ok, tt.kind, tt.known)
		}
	}
}

func TestSplitBasis(t *testing.T) {
	tests := []struct {
		cell string
		want []string
	}{
		{"《中国公民收养子女登记办法》(1999年5月25日民政部第14号令); 《司法部关于贯彻执行<收养法>若干问题的意见》(司发通[2000]33号) 《河北省人口与计划生育条例》",
			[]string{"《中国公民收养子女登记办法》(1999年5月25日民政部第14号令)", "《司法部关于贯彻执行<收养法>若干问题的意见》(司发通[2000]33号)", "《河北省人口与计划生育条例》"}},
		{"1、中华人民共和国国务院令(555)号, 《流动人口计划生育工作条例》 2、邢台市政府令",
			[]string{"1、中华人民共和国国务院令(555)号, 《流动人口计划生育工作条例》", "2、邢台市政府令"}},
		{"1.《甲》; 2.《乙》 (文号)", []string{"1.《甲》", "2.《乙》 (文号)"}},
		{"《甲》\n《乙》", []string{"《甲》", "《乙》"}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := splitBasis(tt.cell); !slices.Equal(got, tt.want) {
			t.Errorf("splitBasis(%q) =\n %q\nwant\n %q", tt.cell, got, tt.want)
		}
	}
}

func TestTomlString(t *testing.T) {
	tests := []struct{ in, want string }{
		{`a"b\c`, `"a\"b\\c"`},
		{"一\n二\t三", `"一\n二\t三"`},
		{"\x01", `"\u0001"`},
		{"高考照顾 10 分·", `"高考照顾 10 分·"`},
	}
	for _, tt := range tests {
		if got := tomlString(tt.in); got != tt.want {
			t.Errorf("tomlString(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestMdEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"1、立案。", "1、立案。"},
		{"1. 第一", `1\. 第一`},
		{"- 不是列表", `\- 不是列表`},
		{"<b>粗</b>", `\<b\>粗\</b\>`},
		{"a*b*", `a\*b\*`},
	}
	for _, tt := range tests {
		if got := mdEscape(tt.in); got != tt.want {
			t.Errorf("mdEscape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// rowsOf makes a table of own cells from text rows ("" blank).
func rowsOf(rows ...[]string) *Table {
	var g [][]gridCell
	for _, r := range rows {
		var cells []gridCell
		for _, s := range r {
			cells = append(cells, gridCell{text: s, span: 1})
		}
		g = append(g, cells)
	}
	return newTable("表 1", g)
}

func TestDutyRows(t *testing.T) {
	tests := []struct {
		name string
		t    *Table
		want string // duties and their items, "|" between duties
	}{
		{"number only on the first row, items without a full stop, a blank unit: no joins", rowsOf(
			[]string{"序号", "主要职责", "具体工作事项", "责任股室"},
			[]string{"1", "职责一", "研究人口发展战略", "人秘股"},
			[]string{"", "", "拟订年度计划", ""},
			[]string{"", "", "监督执行", "人秘股"},
		), "职责一:研究人口发展战略/拟订年度计划/监督执行"},
		{"a row a page cut: its text ends the sentence", rowsOf(
			[]string{"序号", "主要职责", "具体工作事项", "责任股室"},
			[]string{"1", "职责一", "拟定规范，并监督", "人秘股"},
			[]string{"", "", "实施。", ""},
		), "职责一:拟定规范，并监督实施。"},
		{"the unit cell cut inside its bracket", rowsOf(
			[]string{"序号", "主要职责", "具体工作事项", "责任股室"},
			[]string{"1", "职责一", "指导乡镇做好服", "发展股（技术"},
			[]string{"", "", "务工作", "服务站）"},
		), "职责一:指导乡镇做好服务工作"},
		{"序号 numbered by Word (no text): each duty cell of its own is a duty", rowsOf(
			[]string{"序号", "主要职责", "具体工作事项", "责任股室"},
			[]string{"", "承办县政府交办的其他事项", "编制预算", "人秘股"},
			[]string{"", "负责宣传工作", "组织新闻发布", "人秘股"},
		), "承办县政府交办的其他事项:编制预算|负责宣传工作:组织新闻发布"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			list, _ := Build(&Doc{Blocks: []Block{{Table: tt.t}}}, "x.docx", Options{Kinds: []string{"股室", "站"}})
			var ds []string
			for _, d := range list.Duties {
				var its []string
				for _, it := range d.Items {
					its = append(its, it.Text)
				}
				ds = append(ds, d.Text+":"+strings.Join(its, "/"))
			}
			if got := strings.Join(ds, "|"); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestHeaderVariants finds the columns of tables whose headers are worded
// as other bureaus word them, and leaves a table of other headers unknown.
func TestHeaderVariants(t *testing.T) {
	tests := []struct {
		headers []string
		part    string // "" for none
		want    map[column]int
	}{
		{[]string{"序号", "主要职责", "具体工作事项", "责任股室", "备注"}, PartDuties, map[column]int{colNum: 0, colDuty: 1, colItem: 2, colUnit: 3, colNote: 4}},
		{[]string{"序 号", "主要职责内容", "工作内容", "责任科（股）室"}, PartDuties, map[column]int{colNum: 0, colDuty: 1, colItem: 2, colUnit: 3}},
		{[]string{"编号", "职责", "具体任务", "责任主体", "备注说明"}, PartDuties, map[column]int{colNum: 0, colDuty: 1, colItem: 2, colUnit: 3, colNote: 4}},
		{[]string{"序号", "服务事项名称", "服务内容及标准", "承办单位", "联系电话（0319）"}, PartServices, map[column]int{colNum: 0, colService: 1, colContent: 2, colUnit: 3, colPhone: 4}},
		{[]string{"序号", "边界事项", "相关部门", "职责分工", "设定依据"}, PartBoundaries, map[column]int{colNum: 0, colMatter: 1, colDept: 2, colRole: 3, colBasis: 4}},
		{[]string{"姓名", "性别", "出生日期"}, "", nil},
	}
	for _, tt := range tests {
		var row []*Cell
		for _, h := range tt.headers {
			row = append(row, &Cell{Text: h})
		}
		h, ok := findHeader(&Table{Rows: [][]*Cell{row}})
		switch {
		case tt.part == "" && ok:
			t.Errorf("%v: read as %s, want no kind", tt.headers, h.part)
		case tt.part == "":
		case !ok:
			t.Errorf("%v: no kind found, want %s", tt.headers, tt.part)
		case h.part != tt.part || !reflect.DeepEqual(h.cols, tt.want):
			t.Errorf("%v: %s %v, want %s %v", tt.headers, h.part, h.cols, tt.part, tt.want)
		}
	}
}
