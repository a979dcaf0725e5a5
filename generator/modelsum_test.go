package generator

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"qingdan/themes"
)

// TestEveryModelFieldIsSummed fails when a field of the model reaches no
// input sum of the preview, which would leave the pages that show it
// stale after an edit of it. The struct types are those a page can reach,
// found by reflection from Page, so that a new type or field is checked
// without being named here. For each exported field of each (positions
// and pointers to the whole Site or Summary aside, which modelSums never
// follows), the field of a value of the fixture's site is changed (a
// string extended, a number or bool or time changed, a list or map
// shortened or grown, a pointer set or cleared) and the sums of every page
// and file and of the cached partials are made again: one of them must
// differ. The exceptions are the lists the sums leave out by design (see
// modelSums and inputHashes): the inverse lists (a unit's items and
// services, summed as the items' and services' units) and Summary.Views
// (each view is its unit page's Page.Unit).
func TestEveryModelFieldIsSummed(t *testing.T) {
	site := fixture(t, "/")
	r, err := newRenderer(themes.Default())
	if err != nil {
		t.Fatal(err)
	}
	r.reset(site)
	pages := buildPages(site, r.summary)

	types := modelTypes(reflect.TypeFor[Page]())
	instances := map[reflect.Type]reflect.Value{}
	roots := []reflect.Value{reflect.ValueOf(site).Elem(), reflect.ValueOf(r.summary).Elem()}
	for _, p := range pages {
		roots = append(roots, reflect.ValueOf(p).Elem())
	}
	seen := map[uintptr]bool{}
	for _, v := range roots {
		findInstances(v, types, instances, seen)
	}

	sums := func() []uint64 {
		f, err := hashInputs(r, themes.Default())
		if err != nil || f == nil {
			t.Fatalf("no input sums: %v", err)
		}
		out := []uint64{f.global, f.all}
		for _, p := range pages {
			out = append(out, f.page(p))
		}
		for _, d := range site.Duties {
			out = append(out, f.duty[d])
			for _, it := range d.Items {
				out = append(out, f.items[it])
			}
		}
		return out
	}
	base := sums()
	if again := sums(); !slices.Equal(base, again) {
		t.Fatal("the sums of the same site differ")
	}

	checked := 0
	for _, typ := range types {
		v, ok := instances[typ]
		if !ok {
			t.Errorf("the fixture has no %s: the test cannot change its fields", typ)
			continue
		}
		plan := planOf(typ)
		for _, fp := range plan.fields {
			field := typ.Field(fp.index)
			if field.Type.Kind() == reflect.Struct && field.Type != timeType {
				continue // its own fields are checked as its type's
			}
			if p := field.Type; p.Kind() == reflect.Pointer && (p.Elem() == siteType || p.Elem() == summaryType) {
				continue
			}
			fv := v.Field(fp.index)
			old := reflect.New(fv.Type()).Elem()
			old.Set(fv)
			changeValue(fv)
			changed := !slices.Equal(base, sums())
			fv.Set(old)
			checked++
			if changed || fp.inverse || (typ == summaryType && field.Name == "Views") {
				continue
			}
			t.Errorf("%s.%s: changing it changes no input sum; the preview would serve stale pages (see modelSums)", typ, field.Name)
		}
	}
	if !slices.Equal(base, sums()) {
		t.Fatal("the site was not restored after the changes")
	}
	if checked < 80 {
		t.Errorf("only %d fields checked: the types were not found", checked)
	}
}

// modelTypes are the struct types reachable from t through fields, lists,
// maps and pointers, t included, but times and positions.
func modelTypes(t reflect.Type) []reflect.Type {
	var out []reflect.Type
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array:
			walk(t.Elem())
		case reflect.Map:
			walk(t.Key())
			walk(t.Elem())
		case reflect.Struct:
			if seen[t] || t == timeType || t == posType {
				return
			}
			seen[t] = true
			out = append(out, t)
			for i := range t.NumField() {
				if f := t.Field(i); f.IsExported() {
					walk(f.Type)
				}
			}
		}
	}
	walk(t)
	return out
}

// findInstances records in instances the first addressable value of each
// of types met in v. A nil pointer or an empty list of a type not met yet
// is given a new zero value, so that every type has one.
func findInstances(v reflect.Value, types []reflect.Type, instances map[reflect.Type]reflect.Value, seen map[uintptr]bool) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			if e := v.Type().Elem(); e.Kind() == reflect.Struct && slices.Contains(types, e) && !instances[e].IsValid() && v.CanSet() {
				v.Set(reflect.New(e))
			} else {
				return
			}
		}
		if seen[v.Pointer()] {
			return
		}
		seen[v.Pointer()] = true
		findInstances(v.Elem(), types, instances, seen)
	case reflect.Slice:
		if e := v.Type().Elem(); v.Len() == 0 && v.CanSet() && wantsInstance(e, types, instances) {
			v.Set(reflect.Append(v, reflect.New(e).Elem()))
		}
		for i := range v.Len() {
			findInstances(v.Index(i), types, instances, seen)
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			findInstances(it.Value(), types, instances, seen)
		}
	case reflect.Struct:
		if _, ok := instances[v.Type()]; !ok && v.CanAddr() && slices.Contains(types, v.Type()) {
			instances[v.Type()] = v
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				findInstances(v.Field(i), types, instances, seen)
			}
		}
	}
}

// wantsInstance reports whether a list of e would give a type of types
// its first value.
func wantsInstance(e reflect.Type, types []reflect.Type, instances map[reflect.Type]reflect.Value) bool {
	if e.Kind() == reflect.Pointer {
		e = e.Elem()
	}
	_, have := instances[e]
	return e.Kind() == reflect.Struct && slices.Contains(types, e) && !have
}

// changeValue changes v, a settable field, to another value of its type
// (an array: its first element).
func changeValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(v.String() + "改")
	case reflect.Bool:
		v.SetBool(!v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(v.Int() + 1)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(v.Uint() + 1)
	case reflect.Float32, reflect.Float64:
		v.SetFloat(v.Float() + 1)
	case reflect.Struct: // a time
		v.Set(reflect.ValueOf(v.Interface().(time.Time).Add(24 * time.Hour)))
	case reflect.Slice:
		if v.Len() > 0 {
			v.Set(v.Slice(0, v.Len()-1))
			return
		}
		v.Set(reflect.Append(v, newElem(v.Type().Elem())))
	case reflect.Map:
		if v.Len() > 0 {
			m := reflect.MakeMap(v.Type())
			it := v.MapRange()
			it.Next() // the first one met is left out
			for it.Next() {
				m.SetMapIndex(it.Key(), it.Value())
			}
			v.Set(m)
			return
		}
		m := reflect.MakeMap(v.Type())
		m.SetMapIndex(newElem(v.Type().Key()), newElem(v.Type().Elem()))
		v.Set(m)
	case reflect.Array:
		changeValue(v.Index(0))
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
			return
		}
		v.Set(reflect.Zero(v.Type()))
	default:
		panic("cannot change a " + v.Type().String())
	}
}

// newElem is a new value of t: a pointer to a new zero value for a
// pointer type, the zero value otherwise.
func newElem(t reflect.Type) reflect.Value {
	if t.Kind() == reflect.Pointer {
		return reflect.New(t.Elem())
	}
	return reflect.Zero(t)
}
