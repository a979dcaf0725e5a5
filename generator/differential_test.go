package generator

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/BurntSushi/toml"

	"qingdan/config"
	"qingdan/output"
	"qingdan/themes"
)

// contentKind is a content file, or files, and the struct they decode into.
type contentKind struct {
	glob string // the file, or the files with front matter
	typ  reflect.Type
}

// contentKinds are the content files and the structs they decode into, as
// load reads them. TestContentKindsAreAllEdited keeps the list whole.
var contentKinds = []contentKind{
	{"units.toml", reflect.TypeFor[unitsFile]()},
	{"duties.toml", reflect.TypeFor[dutiesFile]()},
	{"boundaries.toml", reflect.TypeFor[boundariesFile]()},
	{"services.toml", reflect.TypeFor[servicesFile]()},
	{"supervision/_index.toml", reflect.TypeFor[partMeta]()},
	{"changes.toml", reflect.TypeFor[changesFile]()},
	{"synonyms.toml", reflect.TypeFor[synonymsFile]()},
	{"supervision/*.md", reflect.TypeFor[systemFront]()},
}

// TestContentKindsAreAllEdited fails when load reads a content file that
// contentKinds does not name, so that the differential test edits it too.
func TestContentKindsAreAllEdited(t *testing.T) {
	fsys := fixtureFS(t)
	names, err := fs.Glob(fsys, "*.toml")
	if err != nil {
		t.Fatal(err)
	}
	more, _ := fs.Glob(fsys, "supervision/*")
	for _, name := range append(names, more...) {
		if !slices.ContainsFunc(contentKinds, func(k contentKind) bool {
			ok, _ := path.Match(k.glob, name)
			return ok
		}) {
			t.Errorf("content file %s is not in contentKinds", name)
		}
	}
}

// TestPreviewEqualsFullBuild is the differential test of the preview's
// incremental rendering: for every field of every content kind (found by
// reflection over the structs content decodes into, so that a new field
// cannot be left out), every shown field of site.toml and every file of the
// theme, it makes an edit and checks that the site the preview serves
// after it (Incremental into an output.Memory, late files included) is
// byte for byte a full Render of the edited content. The edits follow one
// another on the same Incremental, each made on the original content and
// undone before the next, whose undoing is checked too.
func TestPreviewEqualsFullBuild(t *testing.T) {
	base := fixtureFS(t)
	// A second service and change, so that keys whose values are limited
	// (a unit, a link) have another valid value to take.
	add := func(name, text string) {
		base[name] = &fstest.MapFile{Data: append(bytes.Clone(base[name].Data), text...)}
	}
	add("services.toml", "\n[[service]]\nid = \"02\"\nname = \"免费孕前优生健康检查\"\ncontent = \"为计划怀孕夫妇提供免费检查。\"\nunits = [\"jsfwz\"]\nphones = [\"7631096\"]\n")
	add("changes.toml", "\n[[change]]\ndate = 2026-11-20\ntitle = \"更新公共服务事项\"\nlink = \"/services/\"\n"+
		"\n[[change.adjust]]\nkind = \"service\"\nid = \"02\"\naction = \"新增\"\nnote = \"新增的服务\"\n"+
		"\n[[change.adjust]]\nkind = \"item\"\nid = \"01-01\"\naction = \"调整\"\n")
	cfg, ps := fixtureConfig(t, nil)
	if ps.HasErrors() {
		t.Fatal(ps)
	}
	mem := output.NewMemory()
	inc := Incremental{Templates: themes.Default()}
	preview := func(fsys fs.FS, cfg *config.Config, theme fs.FS) (written int, ok bool) {
		site, ps := Load(fsys, cfg)
		if ps.HasErrors() {
			return 0, false
		}
		return previewRender(t, &inc, mem, site, theme), true
	}
	full := func(fsys fs.FS, cfg *config.Config, theme fs.FS) memOutput {
		site, _ := Load(fsys, cfg)
		out := memOutput{}
		if err := Render(site, theme, out); err != nil {
			t.Fatal(err)
		}
		return out
	}
	baseCfg := cfg
	if _, ok := preview(base, cfg, themes.Default()); !ok {
		t.Fatal("the fixture has errors")
	}
	baseSite := full(base, cfg, themes.Default())

	// check previews an edit and compares it with a full build; it
	// reports false when the edit makes the content invalid.
	shown, edits := 0, 0
	same := func(name string, written int, want memOutput) {
		if written != len(want) {
			t.Errorf("%s: the preview serves %d files, a full build has %d", name, written, len(want))
		}
		for _, file := range want.names() {
			if f, ok := mem.Open(file); !ok || !bytes.Equal(f.Data, want[file]) {
				t.Errorf("%s: the preview's %s is not that of a full build", name, file)
			}
		}
	}
	check := func(name string, fsys fs.FS, cfg *config.Config, theme fs.FS) bool {
		written, ok := preview(fsys, cfg, theme)
		if !ok {
			return false
		}
		edits++
		want := full(fsys, cfg, theme)
		if !sameFiles(want, baseSite) {
			shown++
		}
		same(name, written, want)
		// Undone: the preview is back at the original content, so that
		// the next edit differs from it in its own field only.
		written, _ = preview(base, baseCfg, themes.Default())
		same(name+", undone", written, baseSite)
		return true
	}

	for _, kind := range contentKinds {
		names, _ := fs.Glob(base, kind.glob)
		if len(names) == 0 {
			t.Fatalf("the fixture has no %s", kind.glob)
		}
		for _, f := range fieldsOf(kind.typ, nil) {
			name := names[0] + ":" + strings.Join(f.keys, ".")
			if !editField(t, base, names[0], f, func(fsys fs.FS) bool { return check(name, fsys, cfg, themes.Default()) }) {
				t.Errorf("%s: no edit of this field gives valid content; add one to editsOf", name)
			}
		}
		if strings.HasSuffix(kind.glob, ".md") {
			fsys := withFile(base, names[0], append(bytes.Clone(base[names[0]].Data), "\n改写的段落。\n"...))
			if !check(names[0]+": body", fsys, cfg, themes.Default()) {
				t.Errorf("%s: an edited body is not valid", names[0])
			}
		}
	}

	// site.toml: every text field pages may show.
	for _, f := range configFields(reflect.ValueOf(cfg).Elem(), nil) {
		edited := *cfg
		v := reflect.ValueOf(&edited).Elem().FieldByIndex(f)
		v.SetString(v.String() + "改")
		name := "site.toml:" + reflect.TypeFor[config.Config]().FieldByIndex(f).Name
		if !check(name, base, &edited, themes.Default()) {
			t.Errorf("%s: the edit is not valid", name)
		}
	}

	// The theme: each file changed, on disk beside the default.
	theme := fstest.MapFS{}
	fs.WalkDir(themes.Default(), ".", func(name string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, err := fs.ReadFile(themes.Default(), name)
			if err != nil {
				t.Fatal(err)
			}
			theme[name] = &fstest.MapFile{Data: data}
		}
		return err
	})
	for _, name := range slices.Sorted(maps.Keys(theme)) {
		edited := cloneFS(theme)
		edited[name] = &fstest.MapFile{Data: editThemeFile(name, theme[name].Data)}
		if !check("theme "+name, base, cfg, edited) {
			t.Errorf("theme %s: the edit is not valid", name)
		}
	}
	t.Logf("%d edits, %d of them changed the site", edits, shown)
	if shown < edits*3/4 {
		t.Errorf("only %d of %d edits changed the site: the edits do not reach the pages", shown, edits)
	}
}

// previewRender renders site into mem as the preview does, the edited
// pages first and then the late files, and returns the number of files
// served.
func previewRender(t *testing.T, inc *Incremental, mem *output.Memory, site *Site, theme fs.FS) int {
	t.Helper()
	if _, err := inc.Render(site, theme, mem, true); err != nil {
		t.Fatal(err)
	}
	written := mem.Commit().Written
	if inc.Pending() {
		if _, err := inc.Render(site, theme, mem, false); err != nil {
			t.Fatal(err)
		}
		written = mem.Commit().Written
	}
	return written
}

func sameFiles(a, b memOutput) bool {
	if len(a) != len(b) {
		return false
	}
	for name, data := range a {
		if !bytes.Equal(b[name], data) {
			return false
		}
	}
	return true
}

func cloneFS(m fstest.MapFS) fstest.MapFS { return maps.Clone(m) }

func withFile(m fstest.MapFS, name string, data []byte) fstest.MapFS {
	c := cloneFS(m)
	c[name] = &fstest.MapFile{Data: data}
	return c
}

// editThemeFile changes what a theme file makes: text inside the first
// template definition of an HTML file, a comment at the end of others.
func editThemeFile(name string, data []byte) []byte {
	s := string(data)
	if strings.HasSuffix(name, ".html") {
		if i := strings.Index(s, "{{define"); i >= 0 {
			j := i + strings.Index(s[i:], "}}") + 2
			return []byte(s[:j] + "<!--改-->" + s[j:])
		}
		return []byte("<!--改-->" + s)
	}
	switch {
	case strings.HasSuffix(name, ".css"), strings.HasSuffix(name, ".js"):
		return []byte(s + "\n/* 改 */\n")
	}
	return append(bytes.Clone(data), '\n')
}

// configFields are the indexes of the string fields of site.toml that
// pages may show: every string but the folders, the reports' settings and
// the pipeline's, which no page shows.
func configFields(v reflect.Value, index []int) [][]int {
	var out [][]int
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if tag := f.Tag.Get("toml"); tag == "" || tag == "-" || slices.Contains([]string{"content", "output", "theme", "reports", "pipeline"}, tag) {
			continue
		}
		at := append(slices.Clone(index), i)
		switch f.Type.Kind() {
		case reflect.String:
			out = append(out, at)
		case reflect.Struct:
			out = append(out, configFields(v.Field(i), at)...)
		}
	}
	return out
}

// field is one key of a content file: its path of TOML keys (through
// arrays of tables, such as duty.item.text) and its Go type.
type field struct {
	keys []string
	typ  reflect.Type
}

// fieldsOf lists every key of the struct t decodes, by reflection.
func fieldsOf(t reflect.Type, prefix []string) []field {
	var out []field
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous {
			out = append(out, fieldsOf(f.Type, prefix)...)
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		if name == "" || name == "-" {
			continue // Pos: set by the decoder, not a key
		}
		keys := append(slices.Clone(prefix), name)
		if f.Type.Kind() == reflect.Slice && f.Type.Elem().Kind() == reflect.Struct {
			out = append(out, fieldsOf(f.Type.Elem(), keys)...)
			continue
		}
		out = append(out, field{keys, f.Type})
	}
	return out
}

// editField tries edits of field f of file until check accepts one (the
// edited content is valid): in each table that may hold the key, each of
// editsOf's values. It reports whether one was accepted.
func editField(t *testing.T, base fstest.MapFS, file string, f field, check func(fs.FS) bool) bool {
	t.Helper()
	data := base[file].Data
	front, body, md := []byte(nil), []byte(nil), strings.HasSuffix(file, ".md")
	if md {
		parts := strings.SplitN(string(data), "+++\n", 3)
		front, body = []byte(parts[1]), []byte(parts[2])
	} else {
		front = data
	}
	decode := func() map[string]any {
		m := map[string]any{}
		if _, err := toml.Decode(string(front), &m); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		return m
	}
	for table := 0; ; table++ {
		m := decode()
		tables := tablesOf(m, f.keys[:len(f.keys)-1])
		if table >= len(tables) {
			return false
		}
		key := f.keys[len(f.keys)-1]
		old, present := tables[table][key]
		var others []any // the key's values in the other tables
		for _, other := range tables {
			if v, ok := other[key]; ok && !reflect.DeepEqual(v, old) {
				others = append(others, v)
			}
		}
		for _, e := range editsOf(f.typ, old, present, others) {
			m := decode()
			tablesOf(m, f.keys[:len(f.keys)-1])[table][key] = e.value
			var buf bytes.Buffer
			if err := toml.NewEncoder(&buf).Encode(m); err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			edited := buf.Bytes()
			if md {
				edited = []byte("+++\n" + buf.String() + "+++\n" + string(body))
			}
			fsys := withFile(base, file, edited)
			if e.rename != "" {
				// An id changed everywhere it is named.
				for name, mf := range fsys {
					fsys[name] = &fstest.MapFile{Data: bytes.ReplaceAll(mf.Data, []byte(`"`+old.(string)+`"`), []byte(`"`+e.rename+`"`))}
				}
			}
			if check(fsys) {
				return true
			}
		}
	}
}

// tablesOf returns the tables at keys in m: m itself, or every table of
// the arrays of tables keys name, in file order.
func tablesOf(m map[string]any, keys []string) []map[string]any {
	if len(keys) == 0 {
		return []map[string]any{m}
	}
	var out []map[string]any
	list, _ := m[keys[0]].([]map[string]any)
	for _, sub := range list {
		out = append(out, tablesOf(sub, keys[1:])...)
	}
	return out
}

// edit is one new value of a key; rename, when set, replaces the old
// value everywhere in the content (an id and its references).
type edit struct {
	value  any
	rename string
}

// editsOf returns the edits tried for a key of type t whose value is old
// (when present), and whose other values in the file are others: first
// changes of old, then the values of others, for keys whose values are
// limited (a kind, a link, a reference).
func editsOf(t reflect.Type, old any, present bool, others []any) []edit {
	var out []edit
	for _, v := range others {
		out = append(out, edit{value: v})
	}
	switch t.Kind() {
	case reflect.String:
		if !present {
			return append([]edit{{value: "改"}, {value: "/"}, {value: "1"}}, out...)
		}
		s := old.(string)
		edits := []edit{{value: s + "改"}, {value: s + "1"}, {value: s + "1", rename: s + "1"}, {value: s + "9", rename: s + "9"}}
		if n := len(s); n > 0 && s[n-1] >= '0' && s[n-1] <= '9' {
			edits = append(edits, edit{value: s[:n-1] + string('0'+(s[n-1]-'0'+1)%10)})
		}
		return append(edits, out...)
	case reflect.Bool:
		b, _ := old.(bool)
		return []edit{{value: !b}}
	case reflect.Int:
		n, _ := old.(int64)
		return []edit{{value: n + 1}, {value: n - 1}}
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Slice { // synonyms: groups of words
			groups, _ := old.([]any)
			return []edit{{value: append(slices.Clone(groups), []any{"改甲", "改乙"})}}
		}
		list, _ := old.([]any)
		if len(list) >= 2 {
			out = append(out, edit{value: slices.Concat(list[1:], list[:1])}, edit{value: list[:len(list)-1]})
		}
		if len(list) >= 1 {
			out = append(out, edit{value: append(slices.Clone(list), fmt.Sprint(list[0])+"改")})
		}
		for _, v := range others {
			out = append(out, edit{value: slices.Concat(list, v.([]any))})
		}
		return append(out, edit{value: []any{"改"}})
	case reflect.Struct:
		if t == reflect.TypeFor[time.Time]() {
			if d, ok := old.(time.Time); ok {
				return []edit{{value: d.AddDate(0, 0, 1)}, {value: d.AddDate(0, 0, -1)}}
			}
			var m map[string]any // a local date, as TOML decodes one
			if _, err := toml.Decode("d = 2026-12-01", &m); err != nil {
				panic(err)
			}
			return []edit{{value: m["d"]}}
		}
	}
	panic(fmt.Sprintf("no edits for a key of type %v: add them to editsOf", t))
}
