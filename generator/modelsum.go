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
// anyone listing it, so that a field added to the model cannot be missed
// (TestEveryModelFieldIsSummed). Strings (and template.HTML), numbers,
// bools and times are summed by value, lists element by element after
// their length, maps by the sorted sums of their entries; a struct is its
// fields in order (its type is that of the field holding it; an interface
// adds its value's type). Two kinds of field are left out: positions
// (source.Pos, which no page shows, so that a line added above an entry
// does not change it) and pointers to a whole *Site or *Summary
// (inputs.go sums the site's parts as the pages show them).
//
// A struct with a field ID of its own is an entry (Unit, Duty, Item,
// Matter, Service, System, Adjust, Removed, Department); any other struct
// is a view of entries (Page, UnitView, ItemGroup, Change, Part, Paging…).
// Entries point to one another, so a pointer is summed in one of three
// ways, which keeps each sum to what a page shows of it and the walk
// linear (each pointer is summed once per way per render, then
// remembered):
//
//   - content: every field. A page's own pointers (its Duty, Unit, Part…)
//     and the entries a view lists (a unit page's items and services) are
//     followed by content; an entry a nested view names alone (the duty
//     heading a group of a unit's items), by its own fields. In an entry,
//     the entries it owns are followed by content (a list whose elements
//     point back to it: a duty's items, a change's adjustments, a unit's
//     sub-units); any other pointer, a reference (an item's units and
//     duty, an entry's history), by its own fields.
//   - own fields: what a reference to an entry shows, such as a unit's
//     name in an item's list of units: every field but pointers, a
//     pointer to an entry by its identity (its ID), one to a view by the
//     view's own fields, and no list of the entries whose own list names
//     this one (a unit's items and services, the inverse of the items'
//     and services' units: what the page of an item or a service shows of
//     a unit is the unit, not what else it has).
//   - site content (global in inputs.go): a view by content, the entries
//     in it by their own fields.
//
// So an item's page-visible unit names are in the item's sum (its units
// by their own fields), and an edit of an item's text changes the sums of
// its duty, of the unit pages listing it and of the lists, and no other.
type modelSums struct {
	seed *hasher                               // makes the hashers of one render
	memo [bySiteContent + 1]map[uintptr]uint64 // by how, by address
	// hashers[i] sums a value nested i deep; depth are in use
	hashers []*hasher
	depth   int
}

// how is one of the ways of summing a value (see modelSums).
type how uint8

const (
	byContent how = iota
	byOwnFields
	byIdentity
	bySiteContent
)

// newModelSums sums the values of one render, about size of them.
func newModelSums(seed *hasher, size int) *modelSums {
	s := &modelSums{seed: seed}
	for i := range s.memo {
		s.memo[i] = make(map[uintptr]uint64, size/2)
	}
	return s
}

// push is a hasher for one more nested sum, reset; pop ends it.
func (s *modelSums) push() *hasher {
	if s.depth == maxSumDepth {
		panic(fmt.Sprintf("input sums: values nest more than %d deep; is there a cycle of views?", maxSumDepth))
	}
	if s.depth == len(s.hashers) {
		s.hashers = append(s.hashers, s.seed.new())
	}
	h := s.hashers[s.depth]
	s.depth++
	h.Reset()
	return h
}

func (s *modelSums) pop() { s.depth-- }

// maxSumDepth bounds the nesting of sums: the model nests a few levels
// (a page, its duty, an item, a unit, an adjustment, a change).
const maxSumDepth = 32

// sum is the sum of what the non-nil pointer p points to, summed as how
// says, remembered for the render. Distinct values of the model live at
// distinct addresses while it renders.
func (s *modelSums) sum(p reflect.Value, how how) uint64 {
	return s.sumWith(p, how, sumFuncOf(p.Type().Elem()))
}

func (s *modelSums) sumWith(p reflect.Value, how how, elem sumFunc) uint64 {
	memo := s.memo[how]
	if v, ok := memo[p.Pointer()]; ok {
		return v
	}
	h := s.push()
	elem(s, h, p.Elem(), rule{how: how})
	v := h.Sum64()
	s.pop()
	memo[p.Pointer()] = v
	return v
}

// value adds v, summed under r, to h.
func (s *modelSums) value(h *hasher, v reflect.Value, r rule) {
	sumFuncOf(v.Type())(s, h, v, r)
}

// rule is how the pointers met in a value are summed: as the struct that
// holds them is summed (how); whether that struct is a page (root), an
// entry, or a view within a page; whether the field holds what the entry
// owns; whether the pointer is an element of a list.
type rule struct {
	how     how
	root    bool
	inEntry bool
	owned   bool
	listed  bool
}

// of is how a pointer to a struct of plan p is summed under r.
func (r rule) of(p *sumPlan) how {
	switch r.how {
	case byContent:
		switch {
		case r.inEntry && !r.owned, !r.root && !r.listed && p.entry:
			return byOwnFields
		}
		return byContent
	case bySiteContent:
		if p.entry {
			return byOwnFields
		}
		return bySiteContent
	}
	if p.entry {
		return byIdentity
	}
	return byOwnFields
}

// A sumFunc adds a value of one type to h, under r. They are made once per
// type (sumFuncOf), as encoding/json makes its encoders.
type sumFunc func(s *modelSums, h *hasher, v reflect.Value, r rule)

var sumFuncs sync.Map // reflect.Type -> sumFunc

// sumFuncOf is the sumFunc of type t. A type containing itself (a unit's
// sub-units) does so through a pointer, whose func finds the one of the
// type it points to when first called (pointerSumFunc).
func sumFuncOf(t reflect.Type) sumFunc {
	if f, ok := sumFuncs.Load(t); ok {
		return f.(sumFunc)
	}
	f, _ := sumFuncs.LoadOrStore(t, newSumFunc(t))
	return f.(sumFunc)
}

// newSumFunc makes the sumFunc of type t.
func newSumFunc(t reflect.Type) sumFunc {
	switch t.Kind() {
	case reflect.String:
		return func(_ *modelSums, h *hasher, v reflect.Value, _ rule) { h.text(v.String()) }
	case reflect.Bool:
		return func(_ *modelSums, h *hasher, v reflect.Value, _ rule) {
			if v.Bool() {
				h.WriteByte(1)
			} else {
				h.WriteByte(0)
			}
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return func(_ *modelSums, h *hasher, v reflect.Value, _ rule) { h.num(uint64(v.Int())) }
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return func(_ *modelSums, h *hasher, v reflect.Value, _ rule) { h.num(v.Uint()) }
	case reflect.Float32, reflect.Float64:
		return func(_ *modelSums, h *hasher, v reflect.Value, _ rule) { h.num(math.Float64bits(v.Float())) }
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.String {
			return func(_ *modelSums, h *hasher, v reflect.Value, _ rule) {
				h.count(v.Len())
				for i := range v.Len() {
					h.text(v.Index(i).String())
				}
			}
		}
		elem := sumFuncOf(t.Elem())
		return func(s *modelSums, h *hasher, v reflect.Value, r rule) {
			h.count(v.Len())
			r.listed = true
			for i := range v.Len() {
				elem(s, h, v.Index(i), r)
			}
		}
	case reflect.Map:
		key, elem := sumFuncOf(t.Key()), sumFuncOf(t.Elem())
		return func(s *modelSums, h *hasher, v reflect.Value, r rule) {
			sums := make([]uint64, 0, v.Len())
			r.listed = true
			for it := v.MapRange(); it.Next(); {
				e := s.push()
				key(s, e, it.Key(), r)
				elem(s, e, it.Value(), r)
				sums = append(sums, e.Sum64())
				s.pop()
			}
			slices.Sort(sums)
			h.count(len(sums))
			h.num(sums...)
		}
	case reflect.Struct:
		if t == timeType {
			return func(_ *modelSums, h *hasher, v reflect.Value, _ rule) { h.time(v.Interface().(time.Time)) }
		}
		return structSumFunc(t)
	case reflect.Pointer:
		if t.Elem().Kind() != reflect.Struct {
			elem := sumFuncOf(t.Elem())
			return func(s *modelSums, h *hasher, v reflect.Value, r rule) {
				if v.IsNil() {
					h.WriteByte(0)
					return
				}
				h.WriteByte(1)
				elem(s, h, v.Elem(), r)
			}
		}
		if t.Elem() == siteType || t.Elem() == summaryType {
			return func(*modelSums, *hasher, reflect.Value, rule) {}
		}
		return pointerSumFunc(t.Elem())
	case reflect.Interface:
		return func(s *modelSums, h *hasher, v reflect.Value, r rule) {
			if v.IsNil() {
				h.WriteByte(0)
				return
			}
			h.WriteByte(1)
			h.text(v.Elem().Type().String())
			s.value(h, v.Elem(), r)
		}
	}
	panic(fmt.Sprintf("input sums: cannot sum a %s", t))
}

// structSumFunc sums every field of a struct of type t but positions
// (and, by own fields, the inverse lists).
func structSumFunc(t reflect.Type) sumFunc {
	p := planOf(t)
	funcs := make([]sumFunc, len(p.fields))
	for i, f := range p.fields {
		funcs[i] = sumFuncOf(t.Field(f.index).Type)
	}
	isPage := t == pageType
	return func(s *modelSums, h *hasher, v reflect.Value, r rule) {
		for i, f := range p.fields {
			if r.how == byOwnFields && f.inverse {
				continue
			}
			funcs[i](s, h, v.Field(f.index), rule{how: r.how, root: r.root && isPage, inEntry: p.entry, owned: f.owned})
		}
	}
}

// pointerSumFunc sums a pointer to a struct of type t: nil, its identity,
// or the sum of the struct, as the rule says.
func pointerSumFunc(t reflect.Type) sumFunc {
	p := planOf(t)
	var elem sumFunc
	var once sync.Once
	return func(s *modelSums, h *hasher, v reflect.Value, r rule) {
		if v.IsNil() {
			h.WriteByte(0)
			return
		}
		h.WriteByte(1)
		how := r.of(p)
		if how == byIdentity {
			h.text(v.Elem().Field(p.id).String())
			return
		}
		once.Do(func() { elem = sumFuncOf(t) })
		h.num(s.sumWith(v, how, elem))
	}
}

var (
	timeType    = reflect.TypeFor[time.Time]()
	posType     = reflect.TypeFor[source.Pos]()
	siteType    = reflect.TypeFor[Site]()
	summaryType = reflect.TypeFor[Summary]()
	pageType    = reflect.TypeFor[Page]()
)

// sumPlan is what modelSums needs to know of a struct type.
type sumPlan struct {
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
	p := &sumPlan{id: -1}
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
	actual, _ := sumPlans.LoadOrStore(t, p)
	return actual.(*sumPlan)
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
