package generator

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Open data: the whole list as one JSON file and as four CSV tables, all
// keyed by the same stable ids as the site's URLs. The files and their
// fields are described once, in openDataFiles, which both writes the CSV
// headers and documents every field on the /data/ page.

// DataFile is one open-data file, as the /data/ page describes it
// (Page.OpenData).
type DataFile struct {
	Name    string    // file name under data/: qingdan.json, items.csv …
	Title   string    // what it holds: 责任清单全文（JSON）
	About   string    // one sentence more about it
	Columns [3]string // the headings of the table of its fields on the /data/ page
	Fields  []DataField
	rows    func(*Site) [][]string      // CSV rows without the header; nil for JSON and Excel
	build   func(*Site) ([]byte, error) // the JSON or Excel file
}

// The headings of the fields' tables on the /data/ page.
var (
	jsonColumns = [3]string{"字段", "含义", "说明"}
	csvColumns  = [3]string{"字段名", "表头（第一行）", "说明"}
)

// DataField is one column of a CSV file, or one key of the JSON file
// written as a path ("duties[].items[].id").
type DataField struct {
	Name  string // the column's header, or the key's path
	Title string // what it holds, in Chinese: 事项编号
	About string // a note on its values; may be empty
}

// CSV list separators: names and free text use the Chinese enumeration
// comma or a line break, identifiers and phone numbers a semicolon.
const (
	nameSep = "、"
	textSep = "\n"
	idSep   = ";"
)

var openDataFiles = []DataFile{
	{
		Name:    "qingdan.json",
		Title:   "责任清单全文（JSON）",
		About:   "整个清单，按部分嵌套；各部分的信息公开记录也在其中。",
		Columns: jsonColumns,
		build:   openDataJSON,
		Fields: []DataField{
			{"title", "清单名称", ""},
			{"publisher", "发布机构", ""},
			{"url", "网址", "网站首页的网址"},
			{"updated", "更新日期", "YYYY-MM-DD"},
			{"parts[].key", "部分代码", "duties、boundaries、services、supervision"},
			{"parts[].title", "部分名称", ""},
			{"parts[].index", "索引号", ""},
			{"parts[].published", "发布日期", "YYYY-MM-DD"},
			{"parts[].updated", "更新日期", "YYYY-MM-DD"},
			{"units[].id", "单位编号", "与网址 units/编号/ 一致，不会改变"},
			{"units[].name", "单位名称", ""},
			{"units[].short_name", "简称", ""},
			{"units[].kind", "类别", "股室、站、中心、室、协会、处、所，或清单另加的类别"},
			{"units[].parent", "上级单位编号", "没有上级时为空字符串"},
			{"units[].phone", "联系电话", "本地号码，不含区号"},
			{"units[].aliases", "其他写法", "清单原文中出现过的其他名称"},
			{"units[].description", "说明", ""},
			{"duties[].id", "职责编号", "与网址 duties/编号/ 一致"},
			{"duties[].title", "职责简称", ""},
			{"duties[].text", "主要职责", "原文"},
			{"duties[].note", "备注", ""},
			{"duties[].items[].id", "事项编号", "职责编号-序号，网址中的锚点 #item-编号"},
			{"duties[].items[].text", "具体工作事项", "原文"},
			{"duties[].items[].units", "责任单位编号", "空数组表示原文未写明责任股室"},
			{"duties[].items[].units_note", "责任单位附注", "例如“与相关科室”"},
			{"boundaries[].id", "事项编号", "与网址 boundaries/编号/ 一致"},
			{"boundaries[].title", "管理事项", ""},
			{"boundaries[].roles[].department", "相关部门", ""},
			{"boundaries[].roles[].lead", "是否本局", "true 表示本局的职责分工"},
			{"boundaries[].roles[].duty", "职责分工", "原文"},
			{"boundaries[].basis", "相关依据", "每份文件一条"},
			{"boundaries[].cases", "案例", "没有案例时为空数组"},
			{"services[].id", "服务编号", "与网址 services/编号/ 一致"},
			{"services[].name", "服务事项", ""},
			{"services[].content", "主要内容", ""},
			{"services[].units", "承办单位编号", ""},
			{"services[].handler", "承办股室原文", "与单位名称不同时照录原文"},
			{"services[].phones", "联系电话", "本地号码，不含区号"},
			{"supervision[].id", "制度编号", "与网址 supervision/编号/ 一致"},
			{"supervision[].title", "制度名称", ""},
			{"supervision[].summary", "摘要", ""},
			{"supervision[].text", "制度全文", "Markdown 格式"},
		},
	},
	{
		Name:    "items.csv",
		Title:   "部门职责和具体工作事项（CSV）",
		About:   "每行一个具体工作事项。",
		Columns: csvColumns,
		Fields: []DataField{
			{"duty_id", "职责编号", ""},
			{"duty_text", "主要职责", "原文"},
			{"item_id", "事项编号", ""},
			{"item_text", "具体工作事项", "原文"},
			{"unit_ids", "责任单位编号", "多个时以半角分号分隔"},
			{"units", "责任单位", "多个时以顿号分隔；为空表示原文未写明"},
			{"units_note", "责任单位附注", ""},
		},
		rows: itemRows,
	},
	{
		Name:    "services.csv",
		Title:   "公共服务事项（CSV）",
		About:   "每行一项公共服务。",
		Columns: csvColumns,
		Fields: []DataField{
			{"service_id", "服务编号", ""},
			{"name", "服务事项", ""},
			{"content", "主要内容", ""},
			{"unit_ids", "承办单位编号", "多个时以半角分号分隔"},
			{"units", "承办单位", "多个时以顿号分隔"},
			{"handler", "承办股室原文", ""},
			{"phones", "联系电话", "本地号码，多个时以半角分号分隔"},
		},
		rows: serviceRows,
	},
	{
		Name:    "boundaries.csv",
		Title:   "职责边界（CSV）",
		About:   "每行一个部门在一个管理事项中的职责分工。",
		Columns: csvColumns,
		Fields: []DataField{
			{"matter_id", "事项编号", ""},
			{"matter_title", "管理事项", ""},
			{"department", "相关部门", ""},
			{"lead", "是否本局", "true 或 false"},
			{"duty", "职责分工", "原文"},
			{"basis", "相关依据", "每份文件一行"},
		},
		rows: boundaryRows,
	},
	{
		Name:    "units.csv",
		Title:   "股室单位（CSV）",
		About:   "每行一个内设股室或下属单位。",
		Columns: csvColumns,
		Fields: []DataField{
			{"unit_id", "单位编号", ""},
			{"name", "单位名称", ""},
			{"short_name", "简称", ""},
			{"kind", "类别", ""},
			{"parent_id", "上级单位编号", "没有上级时为空"},
			{"phone", "联系电话", "本地号码，不含区号"},
			{"aliases", "其他写法", "多个时以顿号分隔"},
		},
		rows: unitRows,
	},
	publishedFile,
	{
		Name:    "qingdan.xlsx",
		Title:   "责任清单全文（Excel）",
		About:   "每个部分一张工作表，另有股室单位和信息公开记录各一张；第一行是中文表头并冻结，编号和电话号码存为文本。用 qingdan import 可以把它读回为内容文件。",
		Columns: [3]string{"工作表", "各列表头", "说明"},
		Fields:  xlsxFields(),
		build:   openDataXlsx,
	},
}

// xlsxFields documents the sheets of qingdan.xlsx on the /data/ page.
func xlsxFields() []DataField {
	var out []DataField
	for _, sh := range xlsxSheets {
		out = append(out, DataField{sh.Name, strings.Join(sh.Columns, "、"), sh.About})
	}
	return out
}

// utf8BOM starts every CSV file, so that spreadsheet programs read the
// Chinese text as UTF-8.
const utf8BOM = "\ufeff"

// writeOpenData writes data/qingdan.json, the CSV tables and data/qingdan.xlsx.
func writeOpenData(site *Site, out Output) error {
	for _, f := range openDataFiles {
		var data []byte
		var err error
		if f.build != nil {
			data, err = f.build(site)
		} else {
			data, err = csvFile(f, f.rows(site))
		}
		if err != nil {
			return fmt.Errorf("open data %s: %w", f.Name, err)
		}
		if err := out.WriteFile("data/"+f.Name, data); err != nil {
			return fmt.Errorf("write data/%s: %w", f.Name, err)
		}
	}
	return nil
}

func csvFile(f DataFile, rows [][]string) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(utf8BOM)
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	header := make([]string, len(f.Fields))
	for i, fld := range f.Fields {
		header[i] = fld.Title // Chinese headers; the /data/ page names each field too
	}
	w.Write(header)
	for _, row := range rows {
		for i, cell := range row {
			row[i] = inertCell(cell)
		}
	}
	w.WriteAll(rows) // WriteAll flushes
	return b.Bytes(), w.Error()
}

// inertCell keeps a spreadsheet from running a cell as a formula (CSV
// injection): a cell that starts with = + - @ or a tab or carriage return
// gets a leading apostrophe, which Excel and WPS show as text and hide.
// The JSON file carries every text exactly as written.
func inertCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func itemRows(site *Site) [][]string {
	var rows [][]string
	for _, d := range site.Duties {
		for _, it := range d.Items {
			rows = append(rows, []string{d.ID, d.Text, it.ID, it.Text, strings.Join(ids(it.Units), idSep), unitNames(it.Units), it.UnitsNote})
		}
	}
	return rows
}

func serviceRows(site *Site) [][]string {
	var rows [][]string
	for _, s := range site.Services {
		rows = append(rows, []string{s.ID, s.Name, s.Content, strings.Join(ids(s.Units), idSep), unitNames(s.Units), s.Handler, strings.Join(s.Phones, idSep)})
	}
	return rows
}

func boundaryRows(site *Site) [][]string {
	var rows [][]string
	for _, m := range site.Matters {
		for _, r := range m.Roles {
			rows = append(rows, []string{m.ID, m.Title, r.Department, strconv.FormatBool(r.Lead), r.Duty, strings.Join(m.Basis, textSep)})
		}
	}
	return rows
}

func unitRows(site *Site) [][]string {
	var rows [][]string
	for _, u := range site.Units {
		parent := ""
		if u.Parent != nil {
			parent = u.Parent.ID
		}
		rows = append(rows, []string{u.ID, u.Name, u.ShortName, u.Kind, parent, u.Phone, strings.Join(u.Aliases, nameSep)})
	}
	return rows
}

func unitNames(units []*Unit) string {
	names := make([]string, len(units))
	for i, u := range units {
		names[i] = u.Name
	}
	return strings.Join(names, nameSep)
}

// The JSON file's shape; its keys are documented in openDataFiles.
type (
	jsonList struct {
		Title       string        `json:"title"`
		Publisher   string        `json:"publisher"`
		URL         string        `json:"url"`
		Updated     string        `json:"updated"`
		Parts       []jsonPart    `json:"parts"`
		Units       []jsonUnit    `json:"units"`
		Duties      []jsonDuty    `json:"duties"`
		Boundaries  []jsonMatter  `json:"boundaries"`
		Services    []jsonService `json:"services"`
		Supervision []jsonSystem  `json:"supervision"`
	}
	jsonPart struct {
		Key       string `json:"key"`
		Title     string `json:"title"`
		Index     string `json:"index"`
		Published string `json:"published"`
		Updated   string `json:"updated"`
	}
	jsonUnit struct {
		ID          string   `json:"id"`
		Name        string   `json:"name"`
		ShortName   string   `json:"short_name"`
		Kind        string   `json:"kind"`
		Parent      string   `json:"parent"`
		Phone       string   `json:"phone"`
		Aliases     []string `json:"aliases"`
		Description string   `json:"description"`
	}
	jsonDuty struct {
		ID    string     `json:"id"`
		Title string     `json:"title"`
		Text  string     `json:"text"`
		Note  string     `json:"note"`
		Items []jsonItem `json:"items"`
	}
	jsonItem struct {
		ID        string   `json:"id"`
		Text      string   `json:"text"`
		Units     []string `json:"units"`
		UnitsNote string   `json:"units_note"`
	}
	jsonMatter struct {
		ID    string     `json:"id"`
		Title string     `json:"title"`
		Roles []jsonRole `json:"roles"`
		Basis []string   `json:"basis"`
		Cases []string   `json:"cases"`
	}
	jsonRole struct {
		Department string `json:"department"`
		Lead       bool   `json:"lead"`
		Duty       string `json:"duty"`
	}
	jsonService struct {
		ID      string   `json:"id"`
		Name    string   `json:"name"`
		Content string   `json:"content"`
		Units   []string `json:"units"`
		Handler string   `json:"handler"`
		Phones  []string `json:"phones"`
	}
	jsonSystem struct {
		ID      string `json:"id"`
		Title   string `json:"title"`
		Summary string `json:"summary"`
		Text    string `json:"text"`
	}
)

// partOrder is the order of the four parts in the list.
var partOrder = []string{PartDuties, PartBoundaries, PartServices, PartSupervision}

func openDataJSON(site *Site) ([]byte, error) {
	var b bytes.Buffer
	if err := writeIndented(&b, "", jsonOf(site)); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// jsonOf is the list of site in the shape of data/qingdan.json.
func jsonOf(site *Site) jsonList {
	c := site.Config
	list := jsonList{
		Title:       c.Title,
		Publisher:   c.Publication.Publisher,
		URL:         c.BaseURL,
		Updated:     lastUpdated(site).Format("2006-01-02"),
		Parts:       []jsonPart{},
		Units:       []jsonUnit{},
		Duties:      []jsonDuty{},
		Boundaries:  []jsonMatter{},
		Services:    []jsonService{},
		Supervision: []jsonSystem{},
	}
	for _, key := range partOrder {
		if p := site.Parts[key]; p != nil {
			list.Parts = append(list.Parts, jsonPart{key, p.Title, p.Index, p.Published.Format("2006-01-02"), p.Updated.Format("2006-01-02")})
		}
	}
	for _, u := range site.Units {
		ju := jsonUnit{ID: u.ID, Name: u.Name, ShortName: u.ShortName, Kind: u.Kind, Phone: u.Phone, Aliases: nonNil(u.Aliases), Description: u.Description}
		if u.Parent != nil {
			ju.Parent = u.Parent.ID
		}
		list.Units = append(list.Units, ju)
	}
	for _, d := range site.Duties {
		jd := jsonDuty{ID: d.ID, Title: d.Title, Text: d.Text, Note: d.Note, Items: []jsonItem{}}
		for _, it := range d.Items {
			jd.Items = append(jd.Items, jsonItem{it.ID, it.Text, ids(it.Units), it.UnitsNote})
		}
		list.Duties = append(list.Duties, jd)
	}
	for _, m := range site.Matters {
		jm := jsonMatter{ID: m.ID, Title: m.Title, Roles: []jsonRole{}, Basis: nonNil(m.Basis), Cases: nonNil(m.Cases)}
		for _, r := range m.Roles {
			jm.Roles = append(jm.Roles, jsonRole{r.Department, r.Lead, r.Duty})
		}
		list.Boundaries = append(list.Boundaries, jm)
	}
	for _, s := range site.Services {
		list.Services = append(list.Services, jsonService{s.ID, s.Name, s.Content, ids(s.Units), s.Handler, nonNil(s.Phones)})
	}
	for _, s := range site.Systems {
		list.Supervision = append(list.Supervision, jsonSystem{s.ID, s.Title, s.Summary, s.Text})
	}
	return list
}

// jsonField is one key of a JSON object written by writeIndented.
type jsonField struct {
	key   string
	value any // a jsonList or jsonArray is written a piece at a time
}

// jsonArray is a list written an element at a time.
type jsonArray []any

// arrayOf makes items a jsonArray.
func arrayOf[T any](items []T) jsonArray {
	a := make(jsonArray, len(items))
	for i, it := range items {
		a[i] = it
	}
	return a
}

// writeIndented writes v into b as json.MarshalIndent(v, prefix, "  ")
// would, but a field or an element at a time: the whole file in one
// MarshalIndent took three times its size in memory at once (a 27 MB
// qingdan.json at 50,000 items, 88 MB of the build's peak heap). v is a
// []jsonField (an object), a jsonList, a jsonArray, or anything else,
// which is marshalled whole.
func writeIndented(b *bytes.Buffer, prefix string, v any) error {
	switch v := v.(type) {
	case jsonList:
		return writeIndented(b, prefix, []jsonField{
			{"title", v.Title}, {"publisher", v.Publisher}, {"url", v.URL}, {"updated", v.Updated},
			{"parts", arrayOf(v.Parts)}, {"units", arrayOf(v.Units)}, {"duties", arrayOf(v.Duties)},
			{"boundaries", arrayOf(v.Boundaries)}, {"services", arrayOf(v.Services)}, {"supervision", arrayOf(v.Supervision)},
		})
	case []jsonField:
		b.WriteByte('{')
		for i, f := range v {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString("\n" + prefix + "  ")
			key, _ := json.Marshal(f.key)
			b.Write(key)
			b.WriteString(": ")
			if err := writeIndented(b, prefix+"  ", f.value); err != nil {
				return err
			}
		}
		b.WriteString("\n" + prefix + "}")
	case jsonArray:
		if len(v) == 0 {
			b.WriteString("[]")
			return nil
		}
		b.WriteByte('[')
		for i, e := range v {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString("\n" + prefix + "  ")
			if err := writeIndented(b, prefix+"  ", e); err != nil {
				return err
			}
		}
		b.WriteString("\n" + prefix + "]")
	default:
		data, err := json.MarshalIndent(v, prefix, "  ")
		if err != nil {
			return err
		}
		b.Write(data)
	}
	return nil
}

// DutyTitle is the title a duty shows when its file gives none: its
// first clause, shortened.
func DutyTitle(text string) string { return shortTitle(text) }

func ids(units []*Unit) []string {
	out := []string{}
	for _, u := range units {
		out = append(out, u.ID)
	}
	return out
}

// nonNil makes empty lists appear as [] rather than null in JSON.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
