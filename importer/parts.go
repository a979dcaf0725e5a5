package importer

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

func (b *builder) matterRow(h *header, row []*Cell, tr *tableReport) later {
	num, matterID, title := h.get(row, colNum), h.get(row, colMatterID), h.get(row, colMatter)
	dept, lead, role := h.get(row, colDept), h.get(row, colLead), h.get(row, colRole)
	basis, cases := h.get(row, colBasis), h.get(row, colCases)
	var cur *rawMatter
	if n := len(b.matters); n > 0 {
		cur = b.matters[n-1]
	}
	numText := text(num)
	if matterID != nil {
		numText = text(matterID)
	}
	var what []later
	newMatter := cur == nil || (numText != "" && numText != cur.num) ||
		(ownEmpty(num) && ownEmpty(matterID) && title != nil && title.Own() && text(title) != "" && text(title) != cur.title && text(dept) != "")
	if newMatter {
		if text(title) == "" {
			for _, c := range row {
				tr.leave(c, msgLeftNoMatter.S())
			}
			return fixed(msgRowNoMatter.S())
		}
		cur = &rawMatter{num: numText, title: text(title), leadCol: lead != nil, ownSheet: matterID != nil}
		if matterID != nil {
			cur.id = numText
		}
		b.matters = append(b.matters, cur)
		m := cur
		what = append(what, func() string { return msgBecameMatter.S(m.out.ID) })
	} else if t := text(title); t != "" && t != cur.title && title.Own() {
		cur.title += t
		m := cur
		what = append(what, func() string { return msgBecameMatterRest.S(m.out.ID) })
	}
	b.use(num, "序号")
	b.use(matterID, "事项编号")
	b.use(title, "管理事项")
	for _, pc := range []struct {
		c    *Cell
		dst  *string
		name string
	}{{basis, &cur.basis, "相关依据"}, {cases, &cur.cases, "案例"}} {
		t := text(pc.c)
		switch {
		case t == "":
		case *pc.dst == "":
			*pc.dst = t
		case pc.c.Own() && t != *pc.dst:
			*pc.dst += t // the rest of the cell, after a page break
			what = append(what, fixed(msgBecameCellRest.S(pc.name)))
		}
		b.use(pc.c, pc.name)
	}
	d, r := text(dept), text(role)
	switch {
	case d != "" && dept.Own():
		ro := &Role{Department: d, Duty: r, Lead: isTrue(text(lead))}
		if lead == nil {
			ro.Lead = len(cur.roles) == 0
		}
		cur.roles = append(cur.roles, ro)
		b.use(dept, "相关部门")
		b.use(lead, "是否本局")
		b.use(role, "职责分工")
		what = append(what, fixed(msgBecameRole.S(d)))
	case r != "" && len(cur.roles) > 0:
		last := cur.roles[len(cur.roles)-1]
		if !role.Own() && r == last.Duty {
			b.use(role, "职责分工")
			break
		}
		last.Duty += r
		b.use(dept, "相关部门")
		b.use(role, "职责分工（接上一行）")
		what = append(what, fixed(msgBecameRoleRest.S(last.Department, r)))
	case r != "":
		tr.leave(role, msgLeftNoDept.S())
	}
	if len(what) == 0 {
		return fixed(msgRowNothing.S())
	}
	return joinLater(what)
}

func isTrue(s string) bool {
	switch strings.ToLower(s) {
	case "true", "是", "1", "yes", "√", "✓":
		return true
	}
	return false
}

func (b *builder) serviceRow(h *header, row []*Cell, tr *tableReport) later {
	num, serviceID, name := h.get(row, colNum), h.get(row, colServiceID), h.get(row, colService)
	content, unit, unitIDs := h.get(row, colContent), h.get(row, colUnit), h.get(row, colUnitIDs)
	handler, phone := h.get(row, colHandler), h.get(row, colPhone)
	var cur *rawService
	if n := len(b.services); n > 0 {
		cur = b.services[n-1]
	}
	numText := text(num)
	if serviceID != nil {
		numText = text(serviceID)
	}
	if t := text(name); t != "" && name.Own() && (cur == nil || t != cur.name || numText != "" && numText != cur.num) {
		s := &rawService{num: numText, name: t, content: text(content), unitCell: text(unit), unitIDs: text(unitIDs),
			handler: text(handler), handlerCol: handler != nil, phones: text(phone), at: tr.name + " " + name.Ref()}
		if serviceID != nil {
			s.id = text(serviceID)
		}
		b.services = append(b.services, s)
		for _, c := range []*Cell{num, serviceID, name, content, unit, unitIDs, handler, phone} {
			b.use(c, "服务")
		}
		return func() string { return msgBecameService.S(s.out.ID, unitList(s.out.Units)) }
	}
	if cur == nil {
		for _, c := range row {
			tr.leave(c, msgLeftNoService.S())
		}
		return fixed(msgRowNoService.S())
	}
	// The rest of a row cut by a page: each cell finishes the one above.
	var what []later
	for _, pc := range []struct {
		c   *Cell
		dst *string
		sep string
	}{{content, &cur.content, ""}, {unit, &cur.unitCell, ""}, {handler, &cur.handler, ""}, {phone, &cur.phones, " "}} {
		if t := text(pc.c); t != "" && pc.c.Own() {
			*pc.dst += pc.sep + t
			what = append(what, fixed(msgBecameCellRest.S(columnNames[colContent])))
		}
		b.use(pc.c, "服务（接上一行）")
	}
	b.use(num, "序号")
	b.use(name, "服务事项")
	if len(what) == 0 {
		return fixed(msgRowNothing.S())
	}
	s := cur
	return func() string { return msgBecameServiceRest.S(s.out.ID) }
}

func (b *builder) systemRow(h *header, row []*Cell) later {
	id := text(h.get(row, colSystemID))
	if n := len(b.systems); n > 0 && id != "" && b.systems[n-1].id == id {
		// A text longer than a cell holds goes on in the next row.
		last := b.systems[n-1]
		last.text += h.get(row, colText).Text
		for _, c := range row {
			b.use(c, "制度")
		}
		return func() string { return msgBecameSystem.S(last.out.ID, last.out.File) }
	}
	s := &rawSystem{id: id, title: text(h.get(row, colSystem)),
		summary: text(h.get(row, colSummary)), text: h.get(row, colText).Text}
	if o := h.get(row, colOrder); o != nil {
		s.order, _ = strconv.Atoi(text(o))
	}
	for _, c := range row {
		b.use(c, "制度")
	}
	b.systems = append(b.systems, s)
	return func() string { return msgBecameSystem.S(s.out.ID, s.out.File) }
}

func (b *builder) unitRow(h *header, row []*Cell, tr *tableReport) later {
	u := Unit{ID: text(h.get(row, colUnitID)), Name: text(h.get(row, colUnitName)), ShortName: text(h.get(row, colShortName)),
		Kind: text(h.get(row, colKind)), Parent: text(h.get(row, colParent)), Phone: text(h.get(row, colPhone)),
		Description: text(h.get(row, colAbout))}
	if u.ID == "" || u.Name == "" {
		for _, c := range row {
			tr.leave(c, msgLeftNoUnitID.S())
		}
		return fixed(msgRowNoUnit.S())
	}
	if u.ShortName == u.Name {
		u.ShortName = ""
	}
	for _, a := range strings.Split(text(h.get(row, colAliases)), "、") {
		if a = strings.TrimSpace(a); a != "" {
			u.Aliases = append(u.Aliases, a)
		}
	}
	for _, c := range row {
		b.use(c, "单位")
	}
	b.units = append(b.units, &rawUnit{u: u})
	return fixed(msgBecameUnit.S(u.ID, u.Name))
}

func (b *builder) partRow(h *header, row []*Cell, tr *tableReport) later {
	title := text(h.get(row, colPart))
	key := ""
	for k, t := range partTitles {
		if t == title || k == title {
			key = k
		}
	}
	pub, err1 := time.Parse(time.DateOnly, text(h.get(row, colPublished)))
	upd, err2 := time.Parse(time.DateOnly, text(h.get(row, colUpdated)))
	if key == "" || err1 != nil {
		for _, c := range row {
			tr.leave(c, msgLeftBadPart.S())
		}
		return fixed(msgRowNothing.S())
	}
	if err2 != nil {
		upd = time.Time{}
	}
	b.parts[key] = Part{Index: text(h.get(row, colIndex)), Published: pub, Updated: upd}
	for _, c := range row {
		b.use(c, "信息公开")
	}
	return fixed(msgBecamePart.S(title))
}

// splitBasis cuts a 相关依据 cell into one entry per document: at line
// breaks and semicolons, and at a space before 《 or a list number
// ("… 2、邢台市政府令") unless a comma stands before the space.
func splitBasis(s string) []string {
	var out []string
	for _, piece := range basisSep.Split(s, -1) {
		start := 0
		for _, m := range basisSpace.FindAllStringIndex(piece, -1) {
			before := strings.TrimRight(piece[:m[0]], " ")
			if before == "" || strings.HasSuffix(before, ",") || strings.HasSuffix(before, "，") || strings.HasSuffix(before, "、") {
				continue
			}
			if part := strings.TrimSpace(piece[start:m[0]]); part != "" {
				out = append(out, part)
			}
			start = m[0] + (len(piece[m[0]:m[1]]) - len(strings.TrimLeft(piece[m[0]:m[1]], " \u3000")))
		}
		if part := strings.TrimSpace(piece[start:]); part != "" {
			out = append(out, part)
		}
	}
	return out
}

var (
	basisSep   = regexp.MustCompile(`[;；\n]+`)
	basisSpace = regexp.MustCompile(`[ \x{3000}]+(《|[0-9]+[、.．])`)
)

// splitList cuts a list cell (案例) at line breaks and semicolons.
func splitList(s string) []string {
	var out []string
	for _, p := range basisSep.Split(s, -1) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// splitLines cuts a cell of qingdan's own Excel file at its line breaks.
func splitLines(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// splitPhones cuts a phone cell into numbers.
func splitPhones(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(" \u3000\n\t；;、,，/", r) })
}
