package importer

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// unitResolver makes units from the responsibility cells' spellings.
type unitResolver struct {
	b      *builder
	units  []*Unit          // in order of first appearance, existing first
	byNorm map[string]*Unit // normName of every spelling → unit
	seen   map[*Unit]map[string]int
	order  map[*Unit][]string // spellings in order of appearance
	isNew  map[*Unit]bool
	kinds  []string
}

func (b *builder) newResolver() *unitResolver {
	r := &unitResolver{b: b, byNorm: map[string]*Unit{}, seen: map[*Unit]map[string]int{}, order: map[*Unit][]string{}, isNew: map[*Unit]bool{}}
	r.kinds = append(slices.Clone(b.opt.Kinds), b.existingKinds()...)
	add := func(u Unit) {
		uu := u
		r.units = append(r.units, &uu)
		for _, n := range append([]string{u.Name, u.ShortName}, u.Aliases...) {
			if n != "" {
				if _, dup := r.byNorm[normName(n)]; !dup {
					r.byNorm[normName(n)] = &uu
				}
			}
		}
	}
	if len(b.units) > 0 {
		for _, ru := range b.units {
			add(ru.u)
			if !slices.Contains(r.kinds, ru.u.Kind) {
				r.kinds = append(r.kinds, ru.u.Kind)
			}
		}
	} else if b.opt.Existing != nil {
		for _, u := range b.opt.Existing.Units {
			add(u)
		}
	}
	return r
}

func (b *builder) existingKinds() []string {
	if b.opt.Existing == nil {
		return nil
	}
	return b.opt.Existing.Kinds
}

// spell records that a cell wrote a unit's name this way.
func (r *unitResolver) spell(name string) {
	n := normName(name)
	u := r.byNorm[n]
	if u == nil {
		u = &Unit{Name: name}
		r.units = append(r.units, u)
		r.byNorm[n] = u
		r.isNew[u] = true
	}
	if r.seen[u] == nil {
		r.seen[u] = map[string]int{}
	}
	if r.seen[u][name] == 0 {
		r.order[u] = append(r.order[u], name)
	}
	r.seen[u][name]++
}

// settle chooses each new unit's name, its most used spelling (the first
// of equals), records the others as aliases and reports them.
func (r *unitResolver) settle() {
	for _, u := range r.units {
		spellings := r.order[u]
		if len(spellings) == 0 {
			continue
		}
		if r.isNew[u] {
			best := spellings[0]
			for _, s := range spellings {
				if r.seen[u][s] > r.seen[u][best] {
					best = s
				}
			}
			u.Name = best
		}
		for _, s := range spellings {
			if s != u.Name && s != u.ShortName && !slices.Contains(u.Aliases, s) {
				u.Aliases = append(u.Aliases, s)
				r.b.rep.note(msgNoteAlias.S(u.Name, s, r.seen[u][s]))
			}
		}
	}
}

// byID returns the unit with the id, or nil.
func (r *unitResolver) byID(id string) *Unit {
	for _, u := range r.units {
		if id != "" && u.ID == id {
			return u
		}
	}
	return nil
}

// lookup returns the unit a spelling names.
func (r *unitResolver) lookup(name string) *Unit { return r.byNorm[normName(name)] }

// finish resolves units and ids and makes the List.
func (b *builder) finish() *List {
	b.ids = newIDs(b.opt.Existing)
	b.res = b.newResolver()
	b.parsed = map[string]cellRefs{}
	r := b.res
	// Spellings first, so that the most used one names the unit.
	parse := b.parse
	for _, d := range b.duties {
		for _, it := range d.items {
			if it.unitIDs == "" {
				parse(it.unitCell)
			}
		}
	}
	for _, s := range b.services {
		if s.unitIDs == "" {
			parse(s.unitCell)
		}
	}
	r.settle()
	// Parents: a bracketed unit belongs to the unit written before it.
	for _, cell := range b.cellOrder {
		for _, ref := range b.parsed[cell].refs {
			if ref.parent == "" {
				continue
			}
			u, p := r.lookup(ref.name), r.lookup(ref.parent)
			if u == p {
				continue
			}
			switch {
			case u.Parent == "" && r.isNew[u]:
				u.Parent = "\x00" + p.Name // resolved to an id below
			case r.isNew[u] && u.Parent != "\x00"+p.Name:
				b.rep.note(msgNoteTwoParents.S(u.Name, strings.TrimPrefix(u.Parent, "\x00"), p.Name))
			}
		}
	}
	for _, u := range r.units {
		if !r.isNew[u] {
			continue
		}
		u.ID = b.ids.next(kindUnit, "dw")
		k, ok := kindOf(u.Name, r.kinds)
		u.Kind = k
		if !ok {
			r.kinds = append(r.kinds, k)
			b.rep.note(msgNoteNewKind.S(u.Name, k))
		}
	}
	for _, u := range r.units {
		if strings.HasPrefix(u.Parent, "\x00") {
			u.Parent = r.lookup(u.Parent[1:]).ID
		}
		if !r.isNew[u] {
			continue
		}
		if p := r.byID(u.Parent); p != nil {
			b.rep.note(msgNoteNewSubUnit.S(u.ID, u.Name, u.Kind, p.ID, p.Name))
		} else {
			b.rep.note(msgNoteNewUnit.S(u.ID, u.Name, u.Kind))
		}
	}
	b.similarUnits()

	list := &List{Parts: map[string]Part{}}
	b.makeDuties(list)
	b.makeMatters(list)
	b.makeServices(list)
	b.makeSystems(list)
	for _, u := range r.units {
		list.Units = append(list.Units, *u)
	}
	for _, k := range r.kinds[len(b.opt.Kinds):] {
		if !slices.Contains(list.Kinds, k) {
			list.Kinds = append(list.Kinds, k)
		}
	}
	b.makeParts(list)
	if b.opt.Existing == nil {
		b.rep.note(msgNoteNoChanges.S())
	}
	return list
}

// similarUnits reports new units whose name holds another unit's whole
// name ("计划生育技术服务站" and "技术服务站"): maybe one unit, but
// that is for a person to say.
func (b *builder) similarUnits() {
	r := b.res
	for _, u := range r.units {
		for _, v := range r.units {
			if u == v || !(r.isNew[u] || r.isNew[v]) || utf8.RuneCountInString(v.Name) < 3 {
				continue
			}
			if strings.Contains(u.Name, v.Name) && u.Parent != v.ID && v.Parent != u.ID {
				b.rep.note(msgNoteSimilar.S(u.ID, u.Name, v.ID, v.Name))
			}
		}
	}
}

// refIDs turns a unit cell into unit ids and the note after them.
func (b *builder) refIDs(refs []unitRef) []string {
	var out []string
	for _, ref := range refs {
		if u := b.res.lookup(ref.name); u != nil && !slices.Contains(out, u.ID) {
			out = append(out, u.ID)
		}
	}
	return out
}

// splitIDs reads a 单位编号 cell of qingdan's own Excel file.
func splitIDs(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(";； ,、", r) }) {
		out = append(out, f)
	}
	return out
}

// cellRefs is a unit cell, parsed.
type cellRefs struct {
	refs []unitRef
	note string
}

// parse reads a unit cell once, recording its spellings.
func (b *builder) parse(cell string) cellRefs {
	if c, ok := b.parsed[cell]; ok {
		return c
	}
	refs, note := parseUnitCell(cell)
	if u := b.res.byNorm[normName(cell)]; u != nil && !b.res.isNew[u] {
		// A unit the folder already has by this whole name, such as
		// 政策法规股（信访室）: not a unit and its sub-unit.
		refs, note = []unitRef{{name: cell}}, ""
	}
	c := cellRefs{refs, note}
	b.parsed[cell] = c
	b.cellOrder = append(b.cellOrder, cell)
	for _, ref := range refs {
		if ref.parent != "" {
			b.res.spell(ref.parent)
		}
		b.res.spell(ref.name)
	}
	if strings.ContainsAny(cell, "()") {
		b.rep.halfWidth++
	}
	return c
}
