package importer

import (
	"strings"
	"unicode/utf8"
)

// A column is what a table's column holds, found by its header text.
type column int

const (
	colNone      column = iota
	colNum              // 序号
	colDutyID           // 职责编号 (qingdan's own Excel file)
	colDuty             // 主要职责
	colItemID           // 事项编号
	colItem             // 具体工作事项
	colUnitIDs          // 责任单位编号, 承办单位编号
	colUnit             // 责任股室, 承办股室（单位）
	colUnitsNote        // 责任单位附注
	colNote             // 备注
	colMatterID         // 事项编号 of a boundaries sheet
	colMatter           // 管理事项
	colDept             // 相关部门
	colLead             // 是否本局
	colRole             // 职责分工
	colBasis            // 相关依据
	colCases            // 案例
	colServiceID        // 服务编号
	colService          // 服务事项
	colContent          // 主要内容
	colHandler          // 承办股室原文
	colPhone            // 联系电话
	colSystemID         // 制度编号
	colSystem           // 制度名称
	colOrder            // 顺序
	colSummary          // 摘要
	colText             // 制度全文
	colUnitID           // 单位编号
	colUnitName         // 单位名称
	colShortName        // 简称
	colKind             // 类别
	colParent           // 上级单位编号
	colAliases          // 其他写法
	colAbout            // 说明
	colPart             // 部分
	colIndex            // 索引号
	colPublished        // 发布日期
	colUpdated          // 更新日期
)

// columnNames names each column in the report.
var columnNames = map[column]string{
	colNum: "序号", colDutyID: "职责编号", colDuty: "主要职责", colItemID: "事项编号", colItem: "具体工作事项",
	colUnitIDs: "单位编号", colUnit: "责任股室", colUnitsNote: "责任单位附注", colNote: "备注",
	colMatterID: "事项编号", colMatter: "管理事项", colDept: "相关部门", colLead: "是否本局", colRole: "职责分工",
	colBasis: "相关依据", colCases: "案例", colServiceID: "服务编号", colService: "服务事项", colContent: "主要内容",
	colHandler: "承办股室原文", colPhone: "联系电话", colSystemID: "制度编号", colSystem: "制度名称", colOrder: "顺序",
	colSummary: "摘要", colText: "制度全文", colUnitID: "单位编号", colUnitName: "单位名称", colShortName: "简称",
	colKind: "类别", colParent: "上级单位编号", colAliases: "其他写法", colAbout: "说明", colPart: "部分",
	colIndex: "索引号", colPublished: "发布日期", colUpdated: "更新日期",
}

// headers lists, for each kind of table, the header texts of its columns
// and their usual variants, after normalizing (normHeader). The first
// kind whose required columns are all found is the table's kind.
var tableKinds = []struct {
	part     string // a part key, or "units" or "parts"
	required []column
	headers  map[string]column
}{
	{PartDuties, []column{colDuty, colItem}, map[string]column{
		"序号": colNum, "编号": colNum, "职责编号": colDutyID,
		"主要职责": colDuty, "部门职责": colDuty, "职责": colDuty, "职责事项": colDuty, "主要职责事项": colDuty,
		"具体工作事项": colItem, "工作事项": colItem, "具体事项": colItem, "具体工作": colItem, "具体职责": colItem,
		"工作内容": colItem, "主要工作事项": colItem, "工作任务": colItem, "具体任务": colItem,
		"事项编号": colItemID,
		"责任股室": colUnit, "责任科室": colUnit, "责任处室": colUnit, "责任单位": colUnit, "责任股室单位": colUnit,
		"承办股室": colUnit, "承办科室": colUnit, "责任部门": colUnit, "责任机构": colUnit,
		"责任主体": colUnit, "责任科股室": colUnit, "责任股科室": colUnit, "承办科股室": colUnit,
		"责任单位编号": colUnitIDs, "责任单位附注": colUnitsNote,
		"备注": colNote, "说明": colNote,
	}},
	{PartBoundaries, []column{colMatter, colDept, colRole}, map[string]column{
		"序号": colNum, "编号": colNum, "事项编号": colMatterID,
		"管理事项": colMatter, "事项": colMatter, "职责边界事项": colMatter, "事项名称": colMatter, "边界事项": colMatter,
		"相关部门": colDept, "部门": colDept, "相关单位": colDept, "协同部门": colDept, "涉及部门": colDept, "配合部门": colDept,
		"是否本局": colLead,
		"职责分工": colRole, "分工": colRole, "部门职责分工": colRole, "职责划分": colRole,
		"相关依据": colBasis, "依据": colBasis, "法律依据": colBasis, "设定依据": colBasis, "法定依据": colBasis,
		"案例": colCases, "典型案例": colCases, "相关案例": colCases,
	}},
	{PartServices, []column{colService, colContent}, map[string]column{
		"序号": colNum, "编号": colNum, "服务编号": colServiceID,
		"服务事项": colService, "服务名称": colService, "服务项目": colService, "公共服务事项": colService, "事项名称": colService,
		"主要内容": colContent, "服务内容": colContent, "内容": colContent,
		"承办股室单位": colUnit, "承办股室": colUnit, "承办单位": colUnit, "承办科室": colUnit, "责任股室": colUnit,
		"责任单位": colUnit, "承办机构": colUnit, "办理单位": colUnit,
		"承办单位编号": colUnitIDs, "承办股室原文": colHandler,
		"联系电话": colPhone, "电话": colPhone, "咨询电话": colPhone, "联系方式": colPhone, "服务电话": colPhone,
	}},
	{PartSupervision, []column{colSystem, colText}, map[string]column{
		"制度编号": colSystemID, "制度名称": colSystem, "顺序": colOrder, "摘要": colSummary, "制度全文": colText,
	}},
	{"units", []column{colUnitID, colUnitName, colKind}, map[string]column{
		"单位编号": colUnitID, "单位名称": colUnitName, "简称": colShortName, "类别": colKind,
		"上级单位编号": colParent, "联系电话": colPhone, "其他写法": colAliases, "说明": colAbout,
	}},
	{"parts", []column{colPart, colPublished}, map[string]column{
		"部分": colPart, "索引号": colIndex, "发布日期": colPublished, "更新日期": colUpdated,
	}},
}

// normHeader folds the differences headers have from file to file: spaces
// and line breaks, brackets of either width ("承办股室（单位）" and
// "承办股室(单位)" both read "承办股室单位"), a trailing colon.
func normHeader(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\r', '\u3000', '(', ')', '（', '）', ':', '：', '*', '＊':
			return -1
		}
		return r
	}, s)
}

// lookupHeader finds the column a normalized header text names: the
// header itself, else the longest known header it starts with, of two
// characters at least ("联系电话0319" and "服务内容及标准" name 联系电话 and
// 服务内容).
func lookupHeader(headers map[string]column, h string) (column, bool) {
	if col, ok := headers[h]; ok {
		return col, true
	}
	best, found := "", false
	var col column
	for known, c := range headers {
		if utf8.RuneCountInString(known) >= 2 && len(known) > len(best) && strings.HasPrefix(h, known) {
			best, col, found = known, c, true
		}
	}
	return col, found
}

// header is a table's recognized header row.
type header struct {
	part string         // the kind of table
	row  int            // its row, from 0
	cols map[column]int // column → grid column
	used map[int]bool   // grid columns recognized
}

// findHeader looks for a header row among the first rows of a table.
func findHeader(t *Table) (*header, bool) {
	for ri := 0; ri < len(t.Rows) && ri < 5; ri++ {
		for _, k := range tableKinds {
			h := &header{part: k.part, row: ri, cols: map[column]int{}, used: map[int]bool{}}
			for ci, c := range t.Rows[ri] {
				if !c.Own() {
					continue
				}
				if col, ok := lookupHeader(k.headers, normHeader(c.Text)); ok {
					if _, dup := h.cols[col]; !dup {
						h.cols[col] = ci
						h.used[ci] = true
					}
				}
			}
			ok := true
			for _, r := range k.required {
				_, has := h.cols[r]
				ok = ok && has
			}
			if ok {
				return h, true
			}
		}
	}
	return nil, false
}

// get returns the cell of row in column c, or nil when the table has none.
func (h *header) get(row []*Cell, c column) *Cell {
	if i, ok := h.cols[c]; ok {
		return row[i]
	}
	return nil
}
