package generator

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// data/qingdan.xlsx: the whole list for Excel and WPS users, one sheet per
// part (and one for the units, one for the parts' publication records),
// Chinese column headers, the header row frozen, columns as wide as their
// text, identifiers and phone numbers as text. qingdan import reads it
// back into the same content: its headers are ones the importer knows.
// The bytes depend only on the content (the document's dates are the
// content's last update, not the build's clock).

// xlsxSheet is one sheet of qingdan.xlsx.
type xlsxSheet struct {
	Name    string
	About   string
	Columns []string
	rows    func(*Site) []xlsxRow
}

// xlsxRow is one row, and how many rows below its first cells (merge
// columns) cover: a duty's 职责编号, 主要职责 and 备注 over its items.
type xlsxRow struct {
	cells []string
	merge int // the first merge columns span this many rows (1: none)
	cols  int // how many leading columns merge
}

// xlsxMaxCell is Excel's limit of characters in a cell; a longer system
// text goes on in the next rows of the same 制度编号.
const xlsxMaxCell = 32767

var xlsxSheets = []xlsxSheet{
	{"部门职责", "每行一个具体工作事项；职责编号、主要职责、备注合并在它的各事项上。",
		[]string{"职责编号", "主要职责", "备注", "事项编号", "具体工作事项", "责任单位编号", "责任单位", "责任单位附注"},
		func(site *Site) []xlsxRow {
			var rows []xlsxRow
			for _, d := range site.Duties {
				if len(d.Items) == 0 {
					rows = append(rows, xlsxRow{cells: []string{d.ID, d.Text, d.Note, "", "", "", "", ""}, merge: 1})
				}
				for i, it := range d.Items {
					r := xlsxRow{cells: []string{d.ID, d.Text, d.Note, it.ID, it.Text, strings.Join(ids(it.Units), idSep), unitNames(it.Units), it.UnitsNote}, merge: 0, cols: 3}
					if i == 0 {
						r.merge = len(d.Items)
					}
					rows = append(rows, r)
				}
			}
			return rows
		}},
	{"职责边界", "每行一个部门在一个管理事项中的职责分工；事项编号、管理事项、相关依据、案例合并在它的各部门上，相关依据和案例每份文件一行。",
		[]string{"事项编号", "管理事项", "相关依据", "案例", "相关部门", "是否本局", "职责分工"},
		func(site *Site) []xlsxRow {
			var rows []xlsxRow
			for _, m := range site.Matters {
				head := []string{m.ID, m.Title, strings.Join(m.Basis, textSep), strings.Join(m.Cases, textSep)}
				if len(m.Roles) == 0 {
					rows = append(rows, xlsxRow{cells: append(head, "", "", ""), merge: 1})
				}
				for i, r := range m.Roles {
					lead := "否"
					if r.Lead {
						lead = "是"
					}
					row := xlsxRow{cells: append(append([]string(nil), head...), r.Department, lead, r.Duty), cols: 4}
					if i == 0 {
						row.merge = len(m.Roles)
					}
					rows = append(rows, row)
				}
			}
			return rows
		}},
	{"公共服务事项", "每行一项公共服务。",
		[]string{"服务编号", "服务事项", "主要内容", "承办单位编号", "承办单位", "承办股室原文", "联系电话"},
		func(site *Site) []xlsxRow {
			var rows []xlsxRow
			for _, s := range site.Services {
				rows = append(rows, xlsxRow{cells: []string{s.ID, s.Name, s.Content, strings.Join(ids(s.Units), idSep), unitNames(s.Units), s.Handler, strings.Join(s.Phones, idSep)}, merge: 1})
			}
			return rows
		}},
	{"事中事后监督管理制度", "每行一项制度，制度全文为 Markdown；超过一个单元格容量（32767 字）的全文接在下面同一制度编号的行里。",
		[]string{"制度编号", "制度名称", "顺序", "摘要", "制度全文"},
		func(site *Site) []xlsxRow {
			var rows []xlsxRow
			for _, s := range site.Systems {
				for i, chunk := range chunks(s.Text, xlsxMaxCell) {
					row := []string{s.ID, s.Title, strconv.Itoa(s.Order), s.Summary, chunk}
					if i > 0 {
						row = []string{s.ID, "", "", "", chunk}
					}
					rows = append(rows, xlsxRow{cells: row, merge: 1})
				}
			}
			return rows
		}},
	{"股室单位", "每行一个内设股室或下属单位。",
		[]string{"单位编号", "单位名称", "简称", "类别", "上级单位编号", "联系电话", "其他写法", "说明"},
		func(site *Site) []xlsxRow {
			var rows []xlsxRow
			for _, u := range site.Units {
				parent := ""
				if u.Parent != nil {
					parent = u.Parent.ID
				}
				rows = append(rows, xlsxRow{cells: []string{u.ID, u.Name, u.ShortName, u.Kind, parent, u.Phone, strings.Join(u.Aliases, nameSep), u.Description}, merge: 1})
			}
			return rows
		}},
	{"信息公开", "每个部分的索引号、发布日期和更新日期。",
		[]string{"部分", "索引号", "发布日期", "更新日期"},
		func(site *Site) []xlsxRow {
			var rows []xlsxRow
			for _, key := range partOrder {
				if p := site.Parts[key]; p != nil {
					rows = append(rows, xlsxRow{cells: []string{p.Title, p.Index, p.Published.Format(time.DateOnly), p.Updated.Format(time.DateOnly)}, merge: 1})
				}
			}
			return rows
		}},
}

// chunks cuts s into pieces of at most n characters; "" is one piece.
func chunks(s string, n int) []string {
	r := []rune(s)
	if len(r) <= n {
		return []string{s}
	}
	var out []string
	for len(r) > n {
		out = append(out, string(r[:n]))
		r = r[n:]
	}
	return append(out, string(r))
}

// textWidth is how wide Excel shows s, in its column-width units: a CJK
// character takes two, others one; of a multi-line cell, the widest line.
func textWidth(s string) float64 {
	widest := 0
	for _, line := range strings.Split(s, "\n") {
		w := 0
		for _, r := range line {
			if r >= 0x2E80 || utf8.RuneLen(r) > 2 {
				w += 2
			} else {
				w++
			}
		}
		widest = max(widest, w)
	}
	return float64(widest)
}

// The bounds of a column's width: long texts wrap in a column of 60.
const (
	xlsxMinWidth = 8
	xlsxMaxWidth = 60
)

// openDataXlsx writes data/qingdan.xlsx.
func openDataXlsx(site *Site) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	day := lastUpdated(site)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:    site.Config.Title,
		Creator:  site.Config.Publication.Publisher,
		Created:  day.Format(time.DateOnly) + "T00:00:00Z", // the content's day, not the clock
		Modified: day.Format(time.DateOnly) + "T00:00:00Z",
		Language: "zh-CN",
	}); err != nil {
		return nil, err
	}
	header, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}, NumFmt: 49})
	if err != nil {
		return nil, err
	}
	body, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, NumFmt: 49})
	if err != nil {
		return nil, err
	}
	for i, sh := range xlsxSheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sh.Name); err != nil {
				return nil, err
			}
		} else if _, err := f.NewSheet(sh.Name); err != nil {
			return nil, err
		}
		rows := sh.rows(site)
		sw, err := f.NewStreamWriter(sh.Name)
		if err != nil {
			return nil, err
		}
		for c, title := range sh.Columns {
			w := textWidth(title) + 2
			for _, r := range rows {
				w = max(w, textWidth(r.cells[c])+2)
			}
			if err := sw.SetColWidth(c+1, c+1, min(max(w, xlsxMinWidth), xlsxMaxWidth)); err != nil {
				return nil, err
			}
		}
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
			Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
			return nil, err
		}
		if err := sw.SetRow("A1", cellsOf(sh.Columns, header), excelize.RowOpts{StyleID: header}); err != nil {
			return nil, err
		}
		coveredUntil, coveredCols := -1, 0
		for ri, r := range rows {
			at, _ := excelize.CoordinatesToCellName(1, ri+2)
			cells := r.cells
			if ri <= coveredUntil {
				// Cells under a merged range are empty, as Excel keeps them.
				cells = append(make([]string, coveredCols), cells[coveredCols:]...)
			}
			if err := sw.SetRow(at, cellsOf(cells, body)); err != nil {
				return nil, err
			}
			if r.merge > 1 {
				coveredUntil, coveredCols = ri+r.merge-1, r.cols
			}
			if r.merge > 1 {
				for c := 0; c < r.cols; c++ {
					a, _ := excelize.CoordinatesToCellName(c+1, ri+2)
					b, _ := excelize.CoordinatesToCellName(c+1, ri+1+r.merge)
					if err := sw.MergeCell(a, b); err != nil {
						return nil, err
					}
				}
			}
		}
		if err := sw.Flush(); err != nil {
			return nil, err
		}
	}
	var files zipEntries
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return &files })
	if err := f.Write(io.Discard); err != nil {
		return nil, err
	}
	return files.zip()
}

// zipEntries collects the files excelize writes into the archive,
// compressed as they are written, so that the archive is written once with
// its entries in a fixed order ([Content_Types].xml first, as Office
// writes it, then by name): excelize writes them in the order of a map,
// and a build must give the same bytes from the same content. Excelize
// writes one file after the other, so one compressor serves them all.
type zipEntries struct {
	entries map[string]*zipEntry
	cur     *zipEntry     // the file being written
	fw      *flate.Writer // compressing cur
}

// zipEntry is one file of the archive, deflated.
type zipEntry struct {
	z    *zipEntries
	data bytes.Buffer // compressed
	crc  hash.Hash32
	size uint64
}

func (e *zipEntry) Write(p []byte) (int, error) {
	if e != e.z.cur {
		return 0, fmt.Errorf("xlsx: a part written after the next one was begun")
	}
	e.crc.Write(p)
	e.size += uint64(len(p))
	return e.z.fw.Write(p)
}

// flateWriters are compressors at the fastest level: 40% less time than
// the default for a file 10% bigger (BenchmarkOpenDataXlsx), on a file
// downloaded far less often than the site is built. Each holds about a
// megabyte: a county's departments share a few.
var flateWriters = sync.Pool{New: func() any {
	fw, _ := flate.NewWriter(nil, flate.BestSpeed) // a valid level: no error
	return fw
}}

// finish completes the file being written.
func (z *zipEntries) finish() error {
	if z.cur == nil {
		return nil
	}
	z.cur = nil
	return z.fw.Close()
}

func (z *zipEntries) Create(name string) (io.Writer, error) {
	if z.entries == nil {
		z.entries = map[string]*zipEntry{}
		z.fw = flateWriters.Get().(*flate.Writer)
	}
	if z.entries[name] != nil {
		return nil, fmt.Errorf("xlsx: %s written twice", name)
	}
	if err := z.finish(); err != nil {
		return nil, err
	}
	e := &zipEntry{z: z, crc: crc32.NewIEEE()}
	z.fw.Reset(&e.data)
	z.entries[name], z.cur = e, e
	return e, nil
}

// AddFS is part of excelize.ZipWriter; excelize (v2.11) never calls it.
func (z *zipEntries) AddFS(fs.FS) error {
	return errors.New("xlsx: adding a whole file system is not supported")
}

func (z *zipEntries) Close() error { return nil }

// zip writes the archive.
func (z *zipEntries) zip() ([]byte, error) {
	names := slices.Collect(maps.Keys(z.entries))
	slices.SortFunc(names, func(a, b string) int {
		ac, bc := a == "[Content_Types].xml", b == "[Content_Types].xml"
		switch {
		case ac != bc:
			if ac {
				return -1
			}
			return 1
		}
		return strings.Compare(a, b)
	})
	if err := z.finish(); err != nil {
		return nil, err
	}
	if z.fw != nil {
		z.fw.Reset(nil)
		flateWriters.Put(z.fw)
		z.fw = nil
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, name := range names {
		e := z.entries[name]
		w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: e.crc.Sum32(),
			CompressedSize64: uint64(e.data.Len()), UncompressedSize64: e.size})
		if err == nil {
			_, err = w.Write(e.data.Bytes())
		}
		if err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// cellsOf makes a row of text cells in style.
func cellsOf(texts []string, style int) []any {
	out := make([]any, len(texts))
	for i, t := range texts {
		out[i] = excelize.Cell{StyleID: style, Value: t}
	}
	return out
}
