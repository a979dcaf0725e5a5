package generator

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"sync"
	"time"

	"qingdan/source"
)

// Sums of model values for the preview's input hashes (inputs.go), walked
// by reflection: every exported field of every value is summed without
// anyone listing it, so that a field added to the model cannot be missed.
// Strings (and template.HTML), numbers, bools and times are summed by
// value, lists element by element, maps by the sorted sums of their
// entries. Two kinds of field are left out: positions (source.Pos, which
// no page shows, so that a line added above an entry does not change it)
// and pointers to a whole *Site or *Summary (inputs.go sums the site's
// parts as the pages show them).
//
// A struct with a field ID of its own is an entry (Unit, Duty, Item,
// Matter, Service, System, Adjust, Removed, Department); any other struct
// is a view of entries (Page, UnitView, ItemGroup, Change, Part, Paging…).
// Entries point to one another, so a pointer is summed in one of three
// ways, which keeps each sum to what a page shows of it and the walk
// linear (each pointer is summed once per way per render, then
// remembered):
//
//   - content: every field. In a view every pointer is followed by
//     content. In an entry, the entries it owns are (a list whose
//     elements point back to it: a duty's items, a change's adjustments,
//     a unit's sub-units); any other pointer, a reference (an item's
//     units and duty, an entry's history), by its own fields.
//   - own fields: what a reference to an entry shows, such as a unit's
//     name in an item's list of units: every field but pointers, a
//     pointer to an entry by its identity (type and ID), one to a view by
//     the view's own fields, and no list of the entries whose own list
//     names this one (a unit's items and services, the inverse of the
//     items' and services' units: what the page of an item or a service
//     shows of a unit is the unit, not what else it has).
//   - site content (global in inputs.go): a view by content, the entries
//     in it by their own fields.
type modelSums struct {
	seed  *hasher // makes the hashers of one render
	memo  map[sumKey]uint64
	depth int
}

// how is one of the ways of summing a value (see modelSums).
type how uint8

const (
	byContent how = iota
	byOwnFields
	byIdentity
	bySiteContent
)

type sumKey struct {
	ptr uintptr
	typ reflect.Type
	how how
}

func newModelSums(seed *hasher) *modelSums {
	return &modelSums{seed: seed, memo: map[sumKey]uint64{}}
}

// sum is the sum of what the non-nil pointer p points to, summed as how
// says, remembered for the render.
func (s *modelSums) sum(p reflect.Value, how how) uint64 {
	k := sumKey{p.Pointer(), p.Type(), how}
	if v, ok := s.memo[k]; ok {
		return v
	}
	if s.depth++; s.depth > maxSumDepth {
		panic(fmt.Sprintf("input sums: %s nests more than %d deep; is there a cycle of views?", p.Type(), maxSumDepth))
	}
	h := s.seed.new()
	s.value(h, p.Elem(), rule{how: how})
	s.depth--
	v := h.Sum64()
	s.memo[k] = v
	return v
}

// maxSumDepth bounds the nesting of sums: the model nests a few levels
// (a page, its duty, an item, a unit, an adjustment, a change).
const maxSumDepth = 32

// rule is how the pointers met in a value are summed: as the struct that
// holds them is summed (how), and whether it is an entry and the field
// holds what the entry owns.
type rule struct {
	how     how
	inEntry bool
	owned   bool
}

// of is how a pointer to a struct of type t is summed under r.
func (r rule) of(t reflect.Type) how {
	entry := planOf(t).entry
	switch r.how {
	case byContent:
		if r.inEntry && !r.owned {
			return byOwnFields
		}
		return byContent
	case bySiteContent:
		if entry {
			return byOwnFields
		}
		return bySiteContent
	}
	if entry {
		return byIdentity
	}
	return byOwnFields
}

// value adds v, summed under r, to h.
func (s *modelSums) value(h *hasher, v reflect.Value, r rule) {
	switch v.Kind() {
	case reflect.String:
		h.str(v.String())
	case reflect.Bool:
		if v.Bool() {
			h.num(1)
		} else {
			h.num(0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		h.num(uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		h.num(v.Uint())
	case reflect.Float32, reflect.Float64:
		h.num(math.Float64bits(v.Float()))
	case reflect.Slice, reflect.Array:
		h.num(uint64(v.Len()))
		for i := range v.Len() {
			s.value(h, v.Index(i), r)
		}
	case reflect.Map:
		sums := make([]uint64, 0, v.Len())
		for it := v.MapRange(); it.Next(); {
			e := s.seed.new()
			s.value(e, it.Key(), r)
			s.value(e, it.Value(), r)
			sums = append(sums, e.Sum64())
		}
		slices.Sort(sums)
		h.num(uint64(len(sums)))
		h.num(sums...)
	case reflect.Struct:
		if v.Type() == timeType {
			h.time(v.Interface().(time.Time))
			return
		}
		p := planOf(v.Type())
		h.str(p.name)
		for _, f := range p.fields {
			if r.how == byOwnFields && f.inverse {
				continue
			}
			s.value(h, v.Field(f.index), rule{how: r.how, inEntry: p.entry, owned: f.owned})
		}
	case reflect.Pointer:
		if v.IsNil() {
			h.num(0)
			return
		}
		t := v.Type().Elem()
		if t.Kind() != reflect.Struct {
			s.value(h, v.Elem(), r)
			return
		}
		if t == siteType || t == summaryType {
			return
		}
		switch how := r.of(t); how {
		case byIdentity:
			p := planOf(t)
			h.str(p.name, v.Elem().Field(p.id).String())
		default:
			h.num(1, s.sum(v, how))
		}
	case reflect.Interface:
		if v.IsNil() {
			h.num(0)
			return
		}
		s.value(h, v.Elem(), r)
	default:
		panic(fmt.Sprintf("input sums: cannot sum a %s", v.Type()))
	}
}

var (
	timeType    = reflect.TypeFor[time.Time]()
	posType     = reflect.TypeFor[source.Pos]()
	siteType    = reflect.TypeFor[Site]()
	summaryType = reflect.TypeFor[Summary]()
)

// sumPlan is what modelSums needs to know of a struct type.
type sumPlan struct {
	name   string
	entry  bool // it has a field ID of its own
	id     int  // the index of ID
	fields []fieldPlan
}

type fieldPlan struct {
	index int
	// owned: a list of structs that point back to this one with a field
	// of their own (a duty's items).
	owned bool
	// inverse: a list of structs that list this one in turn (a unit's
	// items, whose units list the unit).
	inverse bool
}

var sumPlans sync.Map // reflect.Type -> *sumPlan

// planOf is the plan of the struct type t, made once.
func planOf(t reflect.Type) *sumPlan {
	if p, ok := sumPlans.Load(t); ok {
		return p.(*sumPlan)
	}
	p := &sumPlan{name: t.String(), id: -1}
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Name == "ID" && !f.Anonymous && f.Type.Kind() == reflect.String {
			p.entry, p.id = true, i
		}
		if !f.IsExported() || f.Type == posType {
			continue
		}
		fp := fieldPlan{index: i}
		if elem, ok := listedStruct(f.Type); ok {
			for j := range elem.NumField() {
				switch g := elem.Field(j).Type; {
				case g.Kind() == reflect.Pointer && g.Elem() == t:
					fp.owned = true
				case g.Kind() == reflect.Slice && g.Elem().Kind() == reflect.Pointer && g.Elem().Elem() == t:
					fp.inverse = true
				}
			}
		}
		p.fields = append(p.fields, fp)
	}
	sumPlans.Store(t, p)
	return p
}

// listedStruct is the struct type of the elements of a list (slice or
// map) of pointers to structs.
func listedStruct(t reflect.Type) (reflect.Type, bool) {
	if t.Kind() != reflect.Slice && t.Kind() != reflect.Map {
		return nil, false
	}
	e := t.Elem()
	if e.Kind() != reflect.Pointer || e.Elem().Kind() != reflect.Struct {
		return nil, false
	}
	return e.Elem(), true
}
