package reports

import (
	"fmt"
	"reflect"
	"strings"
)

// eachText calls fn with every text of a case file and its key path as
// site problems name it (party.name, investigation[1].officer[0].name,
// archive.documents[2]). It walks the Case type by reflection, so a field
// added to a case file is checked (control characters, glyphs) and masked
// without being listed anywhere.
func eachText(c *Case, fn func(path, text string)) {
	walkText(reflect.ValueOf(c).Elem(), "", fn)
}

func walkText(v reflect.Value, path string, fn func(path, text string)) {
	switch v.Kind() {
	case reflect.String:
		fn(path, v.String())
	case reflect.Pointer:
		if !v.IsNil() {
			walkText(v.Elem(), path, fn)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walkText(v.Index(i), fmt.Sprintf("%s[%d]", path, i), fn)
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			key, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
			if !f.IsExported() || key == "" || key == "-" {
				continue
			}
			if path != "" {
				key = path + "." + key
			}
			walkText(v.Field(i), key, fn)
		}
	}
}
