package importer

import (
	"path/filepath"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// Options are what Build needs besides the file.
type Options struct {
	Existing *List     // the target folder's content; nil when it has none
	Kinds    []string  // the kinds of unit every site has (generator's defaults)
	Now      time.Time // the import's day, for the dates of new parts
	Limits   Limits
}

// Import reads a .docx or .xlsx file and builds its List. The file name
// (its extension) says which reader to use.
func Import(name string, data []byte, opt Options) (*List, *Report, error) {
	if err := CheckName(name); err != nil {
		return nil, nil, err
	}
	read := ReadDocx
	if strings.EqualFold(filepath.Ext(name), ".xlsx") {
		read = ReadXlsx
	}
	doc, err := read(data, opt.Limits)
	if err != nil {
		return nil, nil, err
	}
	list, rep := Build(doc, filepath.Base(name), opt)
	return list, rep, nil
}

// CheckName refuses a file whose name is not that of a .docx or .xlsx
// file, before it is read.
func CheckName(name string) error {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".docx", ".xlsx":
		return nil
	}
	return errFileType.Error(filepath.Base(name))
}

// builder reads a document's tables and paragraphs into raw entries, then
// resolves units and ids.
type builder struct {
	opt  Options
	rep  *Report
	has  map[string]bool // parts (and "units", "parts") the file has
	used map[*Cell]string

	duties   []*rawDuty
	matters  []*rawMatter
	services []*rawService
	systems  []*rawSystem
	units    []*rawUnit // from a units sheet
	parts    map[string]Part

	ids       *ids
	res       *unitResolver
	parsed    map[string]cellRefs
	cellOrder []string
}

type rawDuty struct {
	num, id, title, text, note string
	items                      []*rawItem
	out                        *Duty
}

type rawItem struct {
	id, text, unitCell, unitIDs, note string
	at                                string // where it was read, "表 1 C3"
	unbalanced                        bool
	out                               *Item
}

type rawMatter struct {
	num, id, title, basis, cases string
	roles                        []*Role
	leadCol                      bool
	ownSheet                     bool // qingdan's own Excel file: one document a line
	out                          *Matter
}

type rawService struct {
	num, id, name, content, unitCell, unitIDs, handler, phones string
	handlerCol                                                 bool
	at                                                         string
	out                                                        *Service
}

type rawSystem struct {
	id, title, summary, text string
	order                    int
	out                      *System
}

type rawUnit struct {
	u Unit
}

// Build reads a document into a List and reports what became of every
// cell and paragraph.
func Build(doc *Doc, file string, opt Options) (*List, *Report) {
	b := &builder{opt: opt, rep: &Report{File: file, Kind: doc.Kind}, has: map[string]bool{}, used: map[*Cell]string{}, parts: map[string]Part{}}
	b.rep.b = b
	var paras []*Para
	for _, blk := range doc.Blocks {
		switch {
		case blk.Table != nil:
			b.table(blk.Table)
		case blk.Para != nil:
			paras = append(paras, blk.Para)
		}
	}
	b.paragraphs(paras)
	for _, h := range doc.Hidden {
		b.rep.hidden(h)
	}
	return b.finish(), b.rep
}

// use marks a cell (its origin, for a merged copy) as written into the
// content, saying as what.
func (b *builder) use(c *Cell, as string) {
	if c == nil {
		return
	}
	if c.Origin != nil {
		c = c.Origin
	}
	if _, ok := b.used[c]; !ok {
		b.used[c] = as
	}
}

// text is a cell's text, trimmed; "" for a missing column.
func text(c *Cell) string {
	if c == nil {
		return ""
	}
	return clean(c.Text)
}

// ownEmpty reports whether a cell is empty in the file itself: not a
// merged copy, and blank. A missing column counts as empty.
func ownEmpty(c *Cell) bool { return c == nil || (c.Own() && text(c) == "") }

// placeholder matches a cell that only fills space: "-", "--", "/", "无".
var placeholder = regexp.MustCompile(`^[-—–/／\\无]*$`)

func (b *builder) table(t *Table) {
	tr := b.rep.table(t)
	h, ok := findHeader(t)
	if !ok {
		tr.part = ""
		for _, row := range t.Rows {
			if len(row) == 0 {
				continue // a row without cells holds nothing to account for
			}
			tr.row(row[0].Row, fixed(msgRowNoTable.S()))
			for _, c := range row {
				tr.leave(c, msgLeftNoHeader.S())
			}
		}
		return
	}
	tr.part, tr.header = h.part, h
	b.has[h.part] = true
	headerText := rowText(t.Rows[h.row])
	for ri, row := range t.Rows {
		switch {
		case ri < h.row:
			tr.row(ri, fixed(msgRowAboveHeader.S()))
			for _, c := range row {
				tr.leave(c, msgLeftAboveHeader.S())
			}
			continue
		case ri == h.row:
			tr.row(ri, fixed(msgRowHeader.S()))
			for ci, c := range row {
				if h.used[ci] {
					b.use(c, msgUsedHeader.S())
				} else {
					tr.leave(c, msgLeftUnknownColumn.S(text(c)))
				}
			}
			continue
		case rowText(row) == headerText:
			tr.row(ri, fixed(msgRowRepeatedHeader.S()))
			for _, c := range row {
				tr.leave(c, msgLeftRepeatedHeader.S())
			}
			continue
		}
		blank := true
		for _, c := range row {
			blank = blank && placeholder.MatchString(text(c))
		}
		if blank {
			tr.row(ri, fixed(msgRowBlank.S()))
			for _, c := range row {
				tr.leave(c, msgLeftPlaceholder.S())
			}
			continue
		}
		for ci, c := range row {
			if !h.used[ci] {
				tr.leave(c, msgLeftUnknownColumn.S(text(t.Rows[h.row][ci])))
			}
		}
		switch h.part {
		case PartDuties:
			tr.row(ri, b.dutyRow(h, row, tr))
		case PartBoundaries:
			tr.row(ri, b.matterRow(h, row, tr))
		case PartServices:
			tr.row(ri, b.serviceRow(h, row, tr))
		case PartSupervision:
			tr.row(ri, b.systemRow(h, row))
		case "units":
			tr.row(ri, b.unitRow(h, row, tr))
		case "parts":
			tr.row(ri, b.partRow(h, row, tr))
		}
	}
}

// rowText is a row's own text, to recognise a header repeated on a new page.
func rowText(row []*Cell) string {
	var parts []string
	for _, c := range row {
		parts = append(parts, normHeader(text(c)))
	}
	return strings.Join(parts, "\x00")
}

// endsSentence reports whether text ends a sentence, so that the next row
// cannot be the rest of it.
func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(s))
	return strings.ContainsRune("。；;！？!?…", r)
}

// unbalanced reports whether a cell opens more brackets than it closes:
// its text goes on in the next row.
func unbalanced(s string) bool {
	return strings.Count(s, "（")+strings.Count(s, "(") > strings.Count(s, "）")+strings.Count(s, ")")
}

func (b *builder) dutyRow(h *header, row []*Cell, tr *tableReport) later {
	num, dutyID, duty := h.get(row, colNum), h.get(row, colDutyID), h.get(row, colDuty)
	item, itemID, unit := h.get(row, colItem), h.get(row, colItemID), h.get(row, colUnit)
	unitIDs, unitsNote, note := h.get(row, colUnitIDs), h.get(row, colUnitsNote), h.get(row, colNote)
	var cur *rawDuty
	if n := len(b.duties); n > 0 {
		cur = b.duties[n-1]
	}
	numText := text(num)
	if dutyID != nil {
		numText = text(dutyID)
	}
	// A new duty: a number of its own that differs, or (序号 numbered by
	// Word, so no text) a duty cell of its own with another text on a row
	// with a work item. A duty cell of its own on a row with no item is
	// the rest of the duty's text, cut by a page.
	newDuty := cur == nil ||
		(numText != "" && numText != cur.num) ||
		(numText == "" && duty != nil && duty.Own() && text(duty) != "" && ownEmpty(num) && ownEmpty(dutyID) && text(item) != "")
	var what []later
	if newDuty {
		if text(duty) == "" {
			for _, c := range row {
				tr.leave(c, msgLeftNoDuty.S())
			}
			return fixed(msgRowNoDuty.S())
		}
		cur = &rawDuty{num: numText, text: text(duty)}
		if dutyID != nil {
			cur.id = numText
		}
		b.duties = append(b.duties, cur)
		b.use(num, "序号")
		b.use(dutyID, "职责编号")
		b.use(duty, "主要职责")
		d := cur
		what = append(what, func() string { return msgBecameDuty.S(d.out.ID) })
	} else {
		b.use(num, "序号")
		b.use(dutyID, "职责编号")
		switch t := text(duty); {
		case t == "" || t == cur.text || !duty.Own():
			b.use(duty, "主要职责")
		default:
			cur.text += t
			b.use(duty, "主要职责（接上一页）")
			d := cur
			what = append(what, func() string { return msgBecameDutyRest.S(d.out.ID) })
		}
	}
	if t := text(note); t != "" {
		if cur.note == "" {
			cur.note = t
		} else if t != cur.note && note.Own() {
			cur.note += t
		}
		b.use(note, "备注")
	}
	it := text(item)
	if it == "" {
		for _, c := range []*Cell{unit, unitIDs, unitsNote, itemID} {
			if text(c) != "" {
				tr.leave(c, msgLeftNoItem.S())
			}
		}
		if len(what) == 0 {
			return fixed(msgRowNothing.S())
		}
		return joinLater(what)
	}
	var prev *rawItem
	if n := len(cur.items); n > 0 {
		prev = cur.items[n-1]
	}
	if !item.Own() && prev != nil && prev.text == it {
		b.use(item, "具体工作事项")
		b.use(unit, "责任股室")
		return fixed(msgRowSameItem.S())
	}
	// A row a page break cut: no number of its own, the item above has not
	// ended its sentence, and this row finishes it (the unit cell empty and
	// the text ending a sentence) or finishes the unit cell above, whose
	// bracket is still open.
	if prev != nil && itemID == nil && ownEmpty(num) && ownEmpty(dutyID) && item.Own() && !endsSentence(prev.text) &&
		(prev.unbalanced || (text(unit) == "" && endsSentence(it))) && !newDuty {
		prev.text += it
		prev.unitCell += text(unit)
		prev.unbalanced = unbalanced(prev.unitCell)
		b.use(item, "具体工作事项（接上一行）")
		b.use(unit, "责任股室（接上一行）")
		p := prev
		what = append(what, func() string { return msgBecameItemRest.S(p.out.ID, it) })
		return joinLater(what)
	}
	ri := &rawItem{text: it, unitCell: text(unit), unitIDs: text(unitIDs), note: text(unitsNote), at: tr.name + " " + item.Ref()}
	ri.unbalanced = unbalanced(ri.unitCell)
	if itemID != nil {
		ri.id = text(itemID)
	}
	cur.items = append(cur.items, ri)
	b.use(itemID, "事项编号")
	b.use(item, "具体工作事项")
	b.use(unit, "责任股室")
	b.use(unitIDs, "责任单位编号")
	b.use(unitsNote, "责任单位附注")
	what = append(what, func() string { return msgBecameItem.S(ri.out.ID, unitList(ri.out.Units)) })
	return joinLater(what)
}

// later is a row's line of the report, made when the ids are known.
type later func() string

func fixed(s string) later { return func() string { return s } }

func joinLater(ls []later) later {
	return func() string {
		var parts []string
		for _, l := range ls {
			parts = append(parts, l())
		}
		return strings.Join(parts, "；")
	}
}

// unitList shows unit ids in a report line.
func unitList(ids []string) string {
	if len(ids) == 0 {
		return msgNoUnits.S()
	}
	return strings.Join(ids, "、")
}
