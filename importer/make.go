package importer

import (
	"slices"
	"strings"
)

// The make functions turn the raw entries into the List, giving ids: the
// file's own ids (qingdan's Excel file has them), else an existing entry's
// of the same text, else a new one.

func (b *builder) makeDuties(list *List) {
	if !b.has[PartDuties] {
		if ex := b.opt.Existing; ex != nil {
			list.Duties = ex.Duties
			b.rep.note(msgNoteKeptPart.S(partTitles[PartDuties]))
		}
		return
	}
	exByID := map[string]Duty{}
	if ex := b.opt.Existing; ex != nil {
		for _, d := range ex.Duties {
			exByID[d.ID] = d
		}
	}
	// First the ids the file gives or the existing content had, then new
	// ones above them all.
	for _, d := range b.duties {
		d.out = &Duty{Text: d.text, Note: d.note}
		switch id, ok := b.ids.match(kindDuty, d.text); {
		case d.id != "":
			d.out.ID = d.id
			b.ids.take(kindDuty, d.id)
		case ok:
			d.out.ID = id
		}
		if old, ok := exByID[d.out.ID]; ok && old.Text == d.text {
			d.out.Title = old.Title
		}
		for _, it := range d.items {
			it.out = &Item{Text: it.text}
			if it.id != "" {
				it.out.ID = it.id
				b.ids.take(kindItem, it.id)
			} else if id, ok := b.ids.match(kindItem, it.text); ok {
				it.out.ID = id
			}
		}
	}
	for _, d := range b.duties {
		if d.out.ID == "" {
			d.out.ID = b.ids.next(kindDuty, "")
		}
		for _, it := range d.items {
			if it.out.ID == "" {
				it.out.ID = b.ids.next(kindItem, d.out.ID+"-")
			}
			if it.unitIDs != "" {
				it.out.Units = splitIDs(it.unitIDs)
				it.out.UnitsNote = it.note
			} else {
				c := b.parse(it.unitCell)
				it.out.Units = b.refIDs(c.refs)
				it.out.UnitsNote = joinNotes(c.note, it.note)
			}
			d.out.Items = append(d.out.Items, *it.out)
		}
		list.Duties = append(list.Duties, *d.out)
	}
}

func joinNotes(a, b string) string {
	if a == "" || a == b {
		return b
	}
	if b == "" {
		return a
	}
	return a + "；" + b
}

func (b *builder) makeMatters(list *List) {
	if !b.has[PartBoundaries] {
		if ex := b.opt.Existing; ex != nil {
			list.Matters = ex.Matters
			b.rep.note(msgNoteKeptPart.S(partTitles[PartBoundaries]))
		}
		return
	}
	for _, m := range b.matters {
		m.out = &Matter{Title: m.title, Basis: splitBasis(m.basis), Cases: splitList(m.cases)}
		if m.ownSheet {
			m.out.Basis, m.out.Cases = splitLines(m.basis), splitLines(m.cases)
		}
		for _, r := range m.roles {
			m.out.Roles = append(m.out.Roles, *r)
		}
		if m.id != "" {
			m.out.ID = m.id
			b.ids.take(kindMatter, m.id)
		} else if id, ok := b.ids.match(kindMatter, m.title); ok {
			m.out.ID = id
		}
		if !m.leadCol && len(m.roles) > 0 {
			b.rep.leadGuessed++
		}
	}
	for _, m := range b.matters {
		if m.out.ID == "" {
			m.out.ID = b.ids.next(kindMatter, "")
		}
		list.Matters = append(list.Matters, *m.out)
	}
}

func (b *builder) makeServices(list *List) {
	if !b.has[PartServices] {
		if ex := b.opt.Existing; ex != nil {
			list.Services = ex.Services
			b.rep.note(msgNoteKeptPart.S(partTitles[PartServices]))
		}
		return
	}
	for _, s := range b.services {
		s.out = &Service{Name: s.name, Content: s.content, Phones: splitPhones(s.phones)}
		if s.id != "" {
			s.out.ID = s.id
			b.ids.take(kindService, s.id)
		} else if id, ok := b.ids.match(kindService, s.name); ok {
			s.out.ID = id
		}
	}
	for _, s := range b.services {
		if s.out.ID == "" {
			s.out.ID = b.ids.next(kindService, "")
		}
		if s.unitIDs != "" {
			s.out.Units = splitIDs(s.unitIDs)
		} else {
			refs := b.parse(s.unitCell).refs
			s.out.Units = b.refIDs(refs)
			b.unitPhones(s, refs)
		}
		s.out.Handler = s.handler
		if !s.handlerCol && !b.spellsUnits(s.unitCell, s.out.Units) {
			// The handler is kept only when the cell says more than the
			// units' names.
			s.out.Handler = s.unitCell
		}
		list.Services = append(list.Services, *s.out)
	}
}

// unitPhones gives a service's units the service's phone numbers, one for
// one, when a unit has none yet.
func (b *builder) unitPhones(s *rawService, refs []unitRef) {
	phones := splitPhones(s.phones)
	if len(phones) != len(refs) {
		return
	}
	for i, ref := range refs {
		u := b.res.lookup(ref.name)
		if u == nil || !b.res.isNew[u] {
			continue
		}
		switch {
		case u.Phone == "":
			u.Phone = phones[i]
			b.rep.note(msgNotePhone.S(u.ID, u.Name, u.Phone, s.out.ID))
		case u.Phone != phones[i]:
			b.rep.note(msgNoteOtherPhone.S(u.ID, u.Name, u.Phone, phones[i], s.out.ID))
		}
	}
}

// spellsUnits reports whether a 承办股室 cell only names the units, by
// name or short name, separated by ；: the site shows the same text. (An
// alias is another text: the handler keeps it.)
func (b *builder) spellsUnits(cell string, ids []string) bool {
	parts := strings.Split(cell, "；")
	if len(parts) != len(ids) {
		return false
	}
	for i, p := range parts {
		u := b.res.byID(ids[i])
		if u == nil || (p != u.Name && p != u.ShortName) {
			return false
		}
	}
	return true
}

func (b *builder) makeSystems(list *List) {
	ex := b.opt.Existing
	if !b.has[PartSupervision] {
		if ex != nil {
			list.Systems = ex.Systems
			b.rep.note(msgNoteKeptPart.S(partTitles[PartSupervision]))
		} else {
			b.rep.note(msgNoteNoSystems.S())
		}
		return
	}
	files := map[string]string{} // existing id → file
	var usedFiles []string
	if ex != nil {
		for _, s := range ex.Systems {
			files[s.ID] = s.File
		}
	}
	for _, s := range b.systems {
		s.out = &System{Title: s.title, Order: s.order, Summary: s.summary, Text: s.text}
		if s.id != "" {
			s.out.ID = s.id
			b.ids.take(kindSystem, s.id)
		} else if id, ok := b.ids.match(kindSystem, s.title); ok {
			s.out.ID = id
		}
	}
	for _, s := range b.systems {
		if s.out.ID == "" {
			s.out.ID = b.ids.next(kindSystem, "")
		}
		s.out.File = files[s.out.ID]
		if s.out.File == "" || slices.Contains(usedFiles, s.out.File) {
			s.out.File = s.out.ID + "-zhidu.md"
		}
		usedFiles = append(usedFiles, s.out.File)
		if s.out.Order == 0 {
			s.out.Order = len(list.Systems) + 1
		}
		list.Systems = append(list.Systems, *s.out)
	}
	if len(list.Systems) == 0 {
		b.rep.note(msgNoteNoSystems.S())
	}
}

// makeParts gives each part its publication record: the file's (qingdan's
// Excel file has them), else the existing content's, with the import's day
// as updated when the part changed, else the import's day.
func (b *builder) makeParts(list *List) {
	ex := b.opt.Existing
	day := b.opt.Now
	for _, key := range PartKeys {
		if p, ok := b.parts[key]; ok {
			list.Parts[key] = p
			continue
		}
		if ex != nil {
			if p, ok := ex.Parts[key]; ok {
				if partText(ex, key) != partText(list, key) && !p.Published.After(day) {
					p.Updated = day
					b.rep.note(msgNoteUpdated.S(partTitles[key], day.Format("2006-01-02")))
				}
				list.Parts[key] = p
				continue
			}
		}
		list.Parts[key] = Part{Published: day, Updated: day}
		b.rep.note(msgNotePublished.S(partTitles[key], day.Format("2006-01-02")))
	}
}
