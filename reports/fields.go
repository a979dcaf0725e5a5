package reports

import (
	"fmt"
	"reflect"
	"strings"

	"qingdan/source"
)

var posType = reflect.TypeOf(source.Pos{})

// eachText calls fn with every text of a case file and its key path as
// problems name it (party.name, investigation[1].officer[0].name,
// archive.documents[2]). It walks the Case type by reflection, so that a
// field added to case files is checked (control characters, glyphs)
// without being listed anywhere.
func eachText(c *Case, fn func(path, text string)) {
	eachString(reflect.ValueOf(c), "", func(path string, s reflect.Value) { fn(path, s.String()) })
}

// eachString calls fn with every string reachable from v (through
// pointers, structs, slices, arrays and map values) and its path. Fields
// are named by their toml key, else their json key, else their Go name;
// fields marked "-" and unexported ones are left out. Strings reached
// through a pointer, a slice or a map can be set with SetString.
func eachString(v reflect.Value, path string, fn func(path string, s reflect.Value)) {
	switch v.Kind() {
	case reflect.String:
		fn(path, v)
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			eachString(v.Elem(), path, fn)
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			eachString(v.Index(i), fmt.Sprintf("%s[%d]", path, i), fn)
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(v.MapIndex(k))
			eachString(e, fmt.Sprintf("%s[%v]", path, k), fn)
			v.SetMapIndex(k, e)
		}
	case reflect.Struct:
		t := v.Type()
		if t == posType {
			return // where a table is, not a text of it
		}
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			key, ok := fieldKey(f)
			if !ok {
				continue
			}
			if path != "" {
				key = path + "." + key
			}
			eachString(v.Field(i), key, fn)
		}
	}
}

// fieldKey is the name of a struct field in paths, and whether it is
// walked at all.
func fieldKey(f reflect.StructField) (string, bool) {
	if !f.IsExported() {
		return "", false
	}
	for _, tag := range []string{"toml", "json"} {
		if name, _, _ := strings.Cut(f.Tag.Get(tag), ","); name == "-" {
			return "", false
		} else if name != "" {
			return name, true
		}
	}
	return f.Name, true
}
