package source

import (
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"qingdan/msg"
)

var posType = reflect.TypeOf(Pos{})

// MaxText is the longest text value accepted, in bytes. The longest entry
// of a real list is a few kilobytes; anything near this is a mistake, and
// would make pages, open data and the search index huge.
const MaxText = 256 << 10

// DecodeTOML parses data, the contents of the file called name, into v, a
// pointer to a struct, and returns where every key stands and what is wrong.
//
// Fields are matched by their `toml:"key"` tag; `toml:"key,required"` makes
// a missing or empty value an error; `toml:"-"` fields are left alone,
// except a field named Pos of type Pos, which receives the position of the
// table it is in. Unknown keys, values of the wrong type, missing required
// values, invalid UTF-8 and syntax errors each become a Problem at the
// offending key or value, with a hint where one helps. A UTF-8 byte order
// mark, as Windows editors write, is accepted.
//
// Decoding goes on past a bad value, so that one run reports every problem.
func DecodeTOML(name string, data []byte, v any) (*Positions, Problems) {
	var ps Problems
	text, bad := readText(name, data)
	if bad != nil {
		return NewPositions(name), append(ps, *bad)
	}
	if lps := checkTOML(name, text); lps != nil {
		return NewPositions(name), lps
	}
	var raw map[string]any
	if _, err := toml.Decode(text, &raw); err != nil {
		ps = append(ps, syntaxProblem(name, text, err))
		return NewPositions(name), ps
	}
	at, _ := locate(name, text, 0)
	d := decoder{at: at, ps: &ps}
	d.table("", raw, reflect.ValueOf(v).Elem())
	return at, ps.Folded()
}

// invalidUTF8 finds the first byte that is not UTF-8.
func invalidUTF8(name, text string) Pos {
	line, col := 1, 1
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return Pos{File: name, Line: line, Col: col}
}

// syntaxProblem turns the TOML parser's error into a positioned problem,
// with the column counted in characters.
func syntaxProblem(name, text string, err error) Problem {
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		return Problem{Pos: Pos{File: name}, Message: err.Error()}
	}
	// The parser's own line number is off by one for files with CRLF line
	// ends, so the line is counted here from the byte offset.
	pos := Pos{File: name, Line: pe.Position.Line, Col: 1}
	if start := pe.Position.Start; start >= 0 && start <= len(text) {
		lineStart := strings.LastIndexByte(text[:start], '\n') + 1
		pos.Line = strings.Count(text[:start], "\n") + 1
		pos.Col = utf8.RuneCountInString(text[lineStart:start]) + 1
	}
	msg := pe.Message
	if p, ok := slip(text, pos, msg); ok {
		return p
	}
	hint := syntaxHint(msg)
	if pe.Usage != "" && hint == "" {
		hint = strings.Join(strings.Fields(pe.Usage), " ")
	}
	return Problem{Pos: pos, Message: syntaxPrefix.S(msg), Hint: hint}
}

// syntaxHint explains the parser's most common complaints in an editor's
// terms; the mistakes are mostly quotes and brackets.
func syntaxHint(msg string) string {
	switch {
	case strings.Contains(msg, "unexpected EOF"), strings.Contains(msg, "unclosed"), strings.Contains(msg, "unterminated"):
		return syntaxUnclosedFix.S()
	case strings.Contains(msg, "expected value but found") || strings.Contains(msg, "bare"):
		return syntaxQuotesFix.S()
	case strings.Contains(msg, "has already been defined"), strings.Contains(msg, "duplicate"):
		return syntaxDuplicateFix.S()
	}
	return ""
}

// decoder walks the parsed TOML into Go values, collecting problems.
type decoder struct {
	at *Positions
	ps *Problems
}

// table decodes the TOML table raw, found at path, into the struct rv.
func (d *decoder) table(path string, raw map[string]any, rv reflect.Value) {
	known := map[string]bool{}
	var names []string
	for _, f := range fieldsOf(rv) {
		if f.pos {
			f.v.Set(reflect.ValueOf(d.at.Of(path)))
			continue
		}
		known[f.key] = true
		names = append(names, f.key)
		val, ok := raw[f.key]
		kpath := join(path, f.key)
		if !ok {
			if f.required {
				d.ps.Add(d.at.Of(path), keyMissingFix.S(f.key, example(f.v.Type())), inTable(path, keyMissingTop, keyMissing, f.key, true))
			}
			continue
		}
		before := len(*d.ps)
		d.value(kpath, val, f.v)
		if f.required && len(*d.ps) == before && isEmpty(f.v) {
			d.ps.Add(d.at.Of(kpath), valueEmptyFix.S(f.key), valueEmpty.S(f.key))
		}
	}
	var unknown []string
	for k := range raw {
		if !known[k] {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	for _, k := range unknown {
		hint := keyAllowed.S(strings.Join(names, ", "))
		if s := Suggest(k, names); s != "" {
			hint = didYouMean.S(s)
		}
		d.ps.Add(d.at.KeyOf(join(path, k)), hint, inTable(path, keyUnknownTop, keyUnknown, k, false))
	}
}

// field is one settable struct field that a TOML key decodes into.
type field struct {
	key      string
	required bool
	pos      bool // the Pos field: receives the table's position
	v        reflect.Value
}

// fieldsOf lists the fields of struct rv that TOML keys fill, looking
// into embedded structs so that files can share a block of keys.
func fieldsOf(rv reflect.Value) []field {
	var fs []field
	t := rv.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("toml")
		switch {
		case f.Anonymous && f.Type.Kind() == reflect.Struct && tag == "":
			fs = append(fs, fieldsOf(rv.Field(i))...)
		case f.Name == "Pos" && f.Type == posType:
			fs = append(fs, field{pos: true, v: rv.Field(i)})
		case tag != "" && tag != "-" && f.IsExported():
			key, opts, _ := strings.Cut(tag, ",")
			fs = append(fs, field{key: key, required: opts == "required", v: rv.Field(i)})
		}
	}
	return fs
}

// value decodes one TOML value into rv.
func (d *decoder) value(path string, raw any, rv reflect.Value) {
	if rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			rv.Set(reflect.New(rv.Type().Elem()))
		}
		rv = rv.Elem()
	}
	if rv.Type() == reflect.TypeOf(time.Time{}) {
		if t, ok := raw.(time.Time); ok {
			if timeOnly(t) {
				d.ps.Add(d.at.Of(path), textTimeOnlyHint.S(lastKey(path)), "%s", textTimeOnly.S(lastKey(path), t.Format("15:04:05")))
				return
			}
			rv.Set(reflect.ValueOf(t))
			return
		}
		d.wrongType(path, raw, rv.Type())
		return
	}
	switch rv.Kind() {
	case reflect.Interface:
		rv.Set(reflect.ValueOf(raw))
	case reflect.String:
		s, ok := raw.(string)
		if !ok {
			d.wrongType(path, raw, rv.Type())
			return
		}
		if len(s) > MaxText {
			d.ps.Add(d.at.Of(path), textTooLongFix.S(), textTooLong.S(lastKey(path), len(s)>>10, MaxText>>10))
			return
		}
		if r, bad := controlIn(s); bad {
			d.ps.Add(d.at.Of(path), textControlHint.S(), "%s", textControlValue.S(lastKey(path), r))
			return
		}
		rv.SetString(s)
	case reflect.Bool:
		if b, ok := raw.(bool); ok {
			rv.SetBool(b)
			return
		}
		d.wrongType(path, raw, rv.Type())
	case reflect.Int, reflect.Int64, reflect.Int32:
		n, ok := raw.(int64)
		if !ok {
			d.wrongType(path, raw, rv.Type())
			return
		}
		if rv.OverflowInt(n) {
			d.ps.Add(d.at.Of(path), "", numberTooLarge.S(n))
			return
		}
		rv.SetInt(n)
	case reflect.Float64:
		switch n := raw.(type) {
		case float64:
			rv.SetFloat(n)
		case int64:
			rv.SetFloat(float64(n))
		default:
			d.wrongType(path, raw, rv.Type())
		}
	case reflect.Slice:
		var elems []any
		switch a := raw.(type) {
		case []any:
			elems = a
		case []map[string]any:
			for _, m := range a {
				elems = append(elems, m)
			}
		default:
			d.wrongType(path, raw, rv.Type())
			return
		}
		s := reflect.MakeSlice(rv.Type(), len(elems), len(elems))
		for i, e := range elems {
			d.value(path+"["+itoa(i)+"]", e, s.Index(i))
		}
		rv.Set(s)
	case reflect.Map:
		m, ok := raw.(map[string]any)
		if !ok || rv.Type().Key().Kind() != reflect.String {
			d.wrongType(path, raw, rv.Type())
			return
		}
		out := reflect.MakeMapWithSize(rv.Type(), len(m))
		for k, e := range m {
			ev := reflect.New(rv.Type().Elem()).Elem()
			d.value(join(path, k), e, ev)
			out.SetMapIndex(reflect.ValueOf(k), ev)
		}
		rv.Set(out)
	case reflect.Struct:
		m, ok := raw.(map[string]any)
		if !ok {
			d.wrongType(path, raw, rv.Type())
			return
		}
		d.table(path, m, rv)
	default:
		d.ps.Add(d.at.Of(path), "", cannotDecode.S(rv.Type()))
	}
}

func (d *decoder) wrongType(path string, raw any, want reflect.Type) {
	key := lastKey(path)
	hint := wrongTypeFix.S(example(want))
	switch fixed := retyped(raw, want); {
	case fixed != "" && strings.Contains(key, "["): // an element of a list
		hint = wrongTypeFix.S(fixed)
	case fixed != "":
		hint = wrongTypeFix.S(key + " = " + fixed)
	}
	if s, ok := raw.(string); ok && want == reflect.TypeOf(time.Time{}) {
		if y, m, day, isDate, valid, why := looseDay(s); valid {
			hint = dateAsTextFix.S(fmt.Sprintf("%04d-%02d-%02d", y, m, day))
		} else if isDate {
			hint = why
		}
	}
	d.ps.Add(d.at.Of(path), hint, wrongType.S(key, kindName(want), rawName(raw)))
}

// retyped is the value raw as it is written for want, when the editor's
// meaning is plain: text for a list of texts, a number in quotes for a
// whole number, a number for text, a date written as eight digits, a list
// of one text for text. It is "" otherwise.
func retyped(raw any, want reflect.Type) string {
	switch v := raw.(type) {
	case string:
		switch want.Kind() {
		case reflect.Slice:
			if want.Elem().Kind() == reflect.String {
				return "[" + strconv.Quote(v) + "]"
			}
		case reflect.Int, reflect.Int64, reflect.Int32:
			if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
				return strconv.Itoa(n)
			}
		}
	case int64:
		switch {
		case want.Kind() == reflect.String:
			return strconv.Quote(strconv.FormatInt(v, 10))
		case want == reflect.TypeOf(time.Time{}) && v >= 1000_01_01 && v <= 9999_12_31:
			day := time.Date(int(v/10000), time.Month(v/100%100), int(v%100), 0, 0, 0, 0, time.UTC)
			if day.Format("20060102") == strconv.FormatInt(v, 10) {
				return day.Format("2006-01-02")
			}
		}
	case []any:
		if len(v) != 1 || want.Kind() != reflect.String {
			break
		}
		if s, ok := v[0].(string); ok {
			return strconv.Quote(s)
		}
	}
	return ""
}

// lastKey names the key of a path for messages: "units[1]" for a.units[1].
func lastKey(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[i+1:]
	}
	return path
}

// inTable formats a message about key in the table at path: top for the
// file's own keys, else in, which names the table ("[duty[0]]") and key.
func inTable(path string, top, in msg.Message, key string, tableFirst bool) string {
	switch {
	case path == "":
		return top.S(key)
	case tableFirst:
		return in.S("["+path+"]", key)
	}
	return in.S(key, "["+path+"]")
}
func kindName(t reflect.Type) string {
	if t == reflect.TypeOf(time.Time{}) {
		return kindDate.S()
	}
	switch t.Kind() {
	case reflect.String:
		return kindText.S()
	case reflect.Bool:
		return kindBool.S()
	case reflect.Int, reflect.Int64, reflect.Int32:
		return kindInt.S()
	case reflect.Float64:
		return kindNumber.S()
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Struct {
			return kindTableList.S()
		}
		return kindList.S()
	case reflect.Struct, reflect.Map:
		return kindTable.S()
	}
	return t.String()
}

func example(t reflect.Type) string {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == reflect.TypeOf(time.Time{}) {
		return "2026-01-31"
	}
	switch t.Kind() {
	case reflect.String:
		return `"文字"`
	case reflect.Bool:
		return "true"
	case reflect.Int, reflect.Int64, reflect.Int32:
		return "1"
	case reflect.Float64:
		return "1.5"
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Struct {
			return exampleTables.S()
		}
		return "[" + example(t.Elem()) + "]"
	}
	return exampleTable.S()
}

func rawName(v any) string {
	switch v := v.(type) {
	case string:
		return rawText.S(v)
	case int64:
		return rawNumber.S(fmt.Sprint(v))
	case float64:
		return rawNumber.S(fmt.Sprintf("%g", v))
	case bool:
		return fmt.Sprintf("%t", v)
	case time.Time:
		return kindDate.S()
	case []any, []map[string]any:
		return kindList.S()
	case map[string]any:
		return kindTable.S()
	}
	return fmt.Sprintf("%T", v)
}

func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.String:
		return strings.TrimSpace(v.String()) == ""
	case reflect.Slice, reflect.Map:
		return v.Len() == 0
	}
	return v.IsZero()
}
