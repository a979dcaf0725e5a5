package source

import (
	"reflect"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// DecodeTOMLSplit is DecodeTOML for big files made of many tables of one
// array, such as the [[duty]] tables of duties.toml: it gives the same
// value, positions and problems, faster.
//
// The text is cut at the lines that open a top-level [[key]] table into a
// head (the keys before the first one) and one piece per table. Each piece
// is valid TOML on its own; the pieces are decoded on all cores, and, when
// cache is not nil, kept in it by their exact text, so that the next
// decode of the file re-decodes only the tables that changed.
//
// Whenever anything is unusual (a problem anywhere, a head that defines
// key itself, a piece that holds more than its own table, a cut inside a
// multi-line string) the whole file is decoded by DecodeTOML instead, so
// that problems are reported exactly as DecodeTOML reports them.
func DecodeTOMLSplit(name string, data []byte, key string, v any, cache *SplitCache) (*Positions, Problems) {
	if DetectEncoding(data) != UTF8 {
		return DecodeTOML(name, data, v) // which says what is wrong with it
	}
	data = []byte(lf(string(data)))
	if ps := checkTOML(name, strings.TrimPrefix(string(data), "\uFEFF")); ps != nil {
		return NewPositions(name), ps
	}
	if at, ok := decodeSplit(name, data, key, v, cache); ok {
		return at, nil
	}
	return DecodeTOML(name, data, v)
}

// SplitCache keeps the tables DecodeTOMLSplit decoded, by file and exact
// text, for the next decode of the same file. It keeps only the tables of
// the last good decode of each file. The zero value is an empty cache; a
// SplitCache is safe for concurrent use.
type SplitCache struct {
	mu    sync.Mutex
	files map[splitFile]map[string]*splitEntry
}

// splitFile names what a cached table was decoded from and into.
type splitFile struct {
	name, key string
	typ       reflect.Type
}

// splitEntry is one decoded table: its Go value, whose Pos fields are
// counted as if the table began after valueLines lines, and its positions,
// counted as if it began after atLines lines.
type splitEntry struct {
	text       string // the table's text, a copy not holding the file; set by keep
	value      reflect.Value
	valueLines int
	at         *Positions
	atLines    int
}

// piece is one [[key]] table of a file being decoded: its text, the
// number of lines before it, and its decoded entry.
type piece struct {
	text  string
	lines int
	entry *splitEntry
}

// decodeSplit decodes data in pieces into v; ok is false when the whole
// file must be decoded instead. v is changed only when ok is true.
func decodeSplit(name string, data []byte, key string, v any, cache *SplitCache) (at *Positions, ok bool) {
	rv := reflect.ValueOf(v)
	if key == "" || rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return nil, false
	}
	// Cached tables were valid UTF-8 when decoded: only the head and new
	// tables are checked, in decodePiece.
	text := strings.TrimPrefix(string(data), "\uFEFF")
	head, pieces := splitTables(text, key)
	if len(pieces) == 0 {
		return nil, false
	}

	// The head: the file's own keys, never the array itself.
	var raw map[string]any
	if !utf8.ValidString(head) {
		return nil, false
	}
	if _, err := toml.Decode(head, &raw); err != nil {
		return nil, false
	}
	if _, ok := raw[key]; ok {
		return nil, false
	}
	headAt, whole := locate(name, head, 0)
	if !whole || namesArray(headAt, key) {
		return nil, false
	}

	// The struct: a copy of *v, so that v stays as it was on failure.
	root := reflect.New(rv.Elem().Type()).Elem()
	root.Set(rv.Elem())
	var array reflect.Value
	for _, f := range fieldsOf(root) {
		if f.key != key {
			continue
		}
		if array.IsValid() || f.v.Kind() != reflect.Slice {
			return nil, false
		}
		array = f.v
	}
	if !array.IsValid() {
		return nil, false
	}
	file := splitFile{name: name, key: key, typ: array.Type().Elem()}

	// The tables: from the cache where the text is the same, else decoded.
	cache.lookup(file, pieces)
	if !decodePieces(file, pieces) {
		return nil, false
	}

	at = &Positions{file: name, val: headAt.val, key: headAt.key, array: key, parts: make([]part, len(pieces))}
	tables := reflect.MakeSlice(array.Type(), len(pieces), len(pieces))
	for i, p := range pieces {
		at.parts[i] = part{at: p.entry.at, shift: p.lines - p.entry.atLines}
		tables.Index(i).Set(p.entry.value)
	}
	var ps Problems
	d := decoder{at: at, ps: &ps}
	d.table("", raw, root)
	if len(ps) > 0 {
		return nil, false
	}
	cache.keep(file, pieces)
	array.Set(tables)
	rv.Elem().Set(root)
	return at, true
}

// splitTables cuts text before each line that opens a top-level [[key]]
// table. A cut inside a multi-line string leaves a piece that does not
// parse, which sends the file to DecodeTOML.
func splitTables(text, key string) (head string, pieces []piece) {
	cut, cutLines := -1, 0
	lines := 0
	for i := 0; i < len(text); lines++ {
		if opensTable(text[i:], key) {
			if cut < 0 {
				head = text[:i]
			} else {
				pieces = append(pieces, piece{text: text[cut:i], lines: cutLines})
			}
			cut, cutLines = i, lines
		}
		nl := strings.IndexByte(text[i:], '\n')
		if nl < 0 {
			break
		}
		i += nl + 1
	}
	if cut < 0 {
		return text, nil
	}
	return head, append(pieces, piece{text: text[cut:], lines: cutLines})
}

// opensTable reports whether line starts with a [[key]] header, blanks
// allowed around the key. What follows the header is for the parser to
// judge.
func opensTable(line, key string) bool {
	s := strings.TrimLeft(line, " \t")
	s, ok := strings.CutPrefix(s, "[[")
	if !ok {
		return false
	}
	s, ok = strings.CutPrefix(strings.TrimLeft(s, " \t"), key)
	return ok && strings.HasPrefix(strings.TrimLeft(s, " \t"), "]]")
}

// namesArray reports whether the head has a path that the tables of the
// array would answer (a quoted key such as "duty[0].id" = 1).
func namesArray(at *Positions, key string) bool {
	for _, m := range []map[string]Pos{at.val, at.key} {
		for path := range m {
			if strings.HasPrefix(path, key+"[") {
				return true
			}
		}
	}
	return false
}

// lookup fills in the entries of the pieces the cache holds.
func (c *SplitCache) lookup(file splitFile, pieces []piece) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	entries := c.files[file]
	for i := range pieces {
		pieces[i].entry = entries[pieces[i].text]
	}
}

// keep makes the entries of pieces all the cache holds for file.
func (c *SplitCache) keep(file splitFile, pieces []piece) {
	if c == nil {
		return
	}
	entries := make(map[string]*splitEntry, len(pieces))
	for _, p := range pieces {
		if p.entry.text == "" { // decoded now: keep a copy of its text, not the file
			p.entry.text = strings.Clone(p.text)
		}
		entries[p.entry.text] = p.entry
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.files == nil {
		c.files = map[splitFile]map[string]*splitEntry{}
	}
	c.files[file] = entries
}

// decodePieces decodes the pieces without an entry, and moves the Pos
// fields of those whose table moved, on all cores. It reports whether
// every piece decoded without a problem.
func decodePieces(file splitFile, pieces []piece) bool {
	var todo []int
	for i, p := range pieces {
		if p.entry == nil || p.entry.valueLines != p.lines {
			todo = append(todo, i)
		}
	}
	var next atomic.Int64
	var failed atomic.Bool
	work := func() {
		for !failed.Load() {
			n := int(next.Add(1)) - 1
			if n >= len(todo) {
				return
			}
			p := &pieces[todo[n]]
			if p.entry == nil {
				p.entry = decodePiece(file, p.text, p.lines)
				if p.entry == nil {
					failed.Store(true)
				}
				continue
			}
			p.entry = p.entry.moved(p.lines)
		}
	}
	workers := min(runtime.GOMAXPROCS(0), len(todo))
	var wg sync.WaitGroup
	for range workers - 1 {
		wg.Go(work)
	}
	work()
	wg.Wait()
	return !failed.Load()
}

// decodePiece decodes the text of one [[key]] table that starts after
// lines lines, or returns nil when it is not exactly one good table.
func decodePiece(file splitFile, text string, lines int) *splitEntry {
	var raw map[string]any
	if !utf8.ValidString(text) {
		return nil
	}
	if _, err := toml.Decode(text, &raw); err != nil {
		return nil
	}
	tables, ok := raw[file.key].([]map[string]any)
	if len(raw) != 1 || !ok || len(tables) != 1 {
		return nil
	}
	at, whole := locate(file.name, text, lines)
	if !whole {
		return nil
	}
	var ps Problems
	value := reflect.New(file.typ).Elem()
	d := decoder{at: at, ps: &ps}
	d.value(file.key+"[0]", tables[0], value)
	if len(ps) > 0 {
		return nil
	}
	return &splitEntry{value: value, valueLines: lines, at: at, atLines: lines}
}

// moved returns a new entry for the table now after lines lines: a copy
// of the value with its Pos fields moved. The entry itself is left alone,
// since the value may be part of a site still in use.
func (e *splitEntry) moved(lines int) *splitEntry {
	m := *e
	m.value = shiftPos(e.value, lines-e.valueLines, map[reflect.Type]bool{})
	m.valueLines = lines
	return &m
}

// shiftPos returns a copy of v with the Line of every Pos in it moved by
// n. What holds no Pos is shared with v, not copied. holds remembers which
// types hold a Pos.
func shiftPos(v reflect.Value, n int, holds map[reflect.Type]bool) reflect.Value {
	t := v.Type()
	if t == posType {
		return reflect.ValueOf(v.Interface().(Pos).moved(n))
	}
	if !holdsPos(t, holds) {
		return v
	}
	switch t.Kind() {
	case reflect.Struct:
		out := reflect.New(t).Elem()
		out.Set(v)
		for i := range t.NumField() {
			if out.Field(i).CanSet() {
				out.Field(i).Set(shiftPos(v.Field(i), n, holds))
			}
		}
		return out
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		out := reflect.MakeSlice(t, v.Len(), v.Len())
		for i := range v.Len() {
			out.Index(i).Set(shiftPos(v.Index(i), n, holds))
		}
		return out
	case reflect.Array:
		out := reflect.New(t).Elem()
		for i := range v.Len() {
			out.Index(i).Set(shiftPos(v.Index(i), n, holds))
		}
		return out
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		out := reflect.MakeMapWithSize(t, v.Len())
		for it := v.MapRange(); it.Next(); {
			out.SetMapIndex(it.Key(), shiftPos(it.Value(), n, holds))
		}
		return out
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		out := reflect.New(t.Elem())
		out.Elem().Set(shiftPos(v.Elem(), n, holds))
		return out
	}
	return v
}

// holdsPos reports whether values of type t can hold a Pos that decoding
// sets. Values in interfaces are TOML's own and never do.
func holdsPos(t reflect.Type, holds map[reflect.Type]bool) bool {
	if h, ok := holds[t]; ok {
		return h
	}
	holds[t] = false // a type that holds itself holds a Pos through its other parts
	h := false
	switch t.Kind() {
	case reflect.Struct:
		if t == posType {
			h = true
			break
		}
		for i := range t.NumField() {
			h = h || holdsPos(t.Field(i).Type, holds)
		}
	case reflect.Slice, reflect.Array, reflect.Map, reflect.Pointer:
		h = holdsPos(t.Elem(), holds)
	}
	holds[t] = h
	return h
}
