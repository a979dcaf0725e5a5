package source

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"qingdan/msg"
)

// The slips a Chinese typist makes most, found where the TOML parser
// stopped: full-width punctuation where TOML needs ASCII, dates spelt
// another way, a quote left open, something after a value, a tab or a
// full-width space in a key. Each becomes a message that names the
// character and a hint with the line as it should be typed.

// fullWidth is the full-width punctuation an IME types in place of what
// TOML needs: its name in messages, and the ASCII to type instead.
var fullWidth = map[rune]struct {
	name  msg.Message
	ascii string // "" for brackets, which TOML has no use for: the text lacks quotes
}{
	'，':      {fwComma, ","},
	'：':      {fwColon, "="},
	'＝':      {fwEquals, "="},
	'“':      {fwQuote, `"`},
	'”':      {fwQuote, `"`},
	'‘':      {fwSingleQuote, `"`},
	'’':      {fwSingleQuote, `"`},
	'［':      {fwBracket, "["},
	'］':      {fwBracket, "]"},
	'【':      {fwBracket, "["},
	'】':      {fwBracket, "]"},
	'（':      {fwParen, ""},
	'）':      {fwParen, ""},
	'、':      {fwEnumComma, ","},
	'；':      {fwSemicolon, ","},
	'\u3000': {slipFullSpace, " "},
}

// fullWidthOf returns the ASCII character a full-width form (Ａ, ４, ＃)
// stands for, or 0.
func fullWidthOf(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		return r - 0xFEE0
	}
	return 0
}

// The parser's words for a key defined twice, a table used both ways,
// and a number too large.
var (
	definedTwice = regexp.MustCompile(`^Key '(.+)' has already been defined`)
	notArray     = regexp.MustCompile(`^Key '(.+)' was already created and cannot be used as an array`)
	outOfRange   = regexp.MustCompile(`^(\S+) is out of range for`)
)

// idLike is an item id such as 01-02, which TOML without quotes takes
// for a broken date.
var idLike = regexp.MustCompile(`^[0-9]{1,3}(-[0-9]+)+$`)

// boolWords are what people write for true and false.
var boolWords = map[string]string{"是": "true", "对": "true", "True": "true", "TRUE": "true", "Yes": "true", "yes": "true",
	"否": "false", "错": "false", "False": "false", "FALSE": "false", "No": "false", "no": "false"}

// chineseKeys are the keys people write in Chinese, and the key meant.
var chineseKeys = map[string]string{"编号": "id", "标题": "title", "名称": "name", "内容": "text", "单位": "units",
	"责任单位": "units", "电话": "phones", "备注": "note", "日期": "date", "依据": "basis", "部门": "department"}

// slip explains a syntax error at pos, the parser's message being
// parserMsg, or returns ok false when it is none of the known slips.
func slip(text string, pos Pos, parserMsg string) (p Problem, ok bool) {
	lines := strings.Split(text, "\n")
	if pos.Line < 1 || pos.Line > len(lines) {
		return p, false
	}
	line := strings.TrimRight(lines[pos.Line-1], "\r")
	runes := []rune(line)
	at := func(col int, message, hint string) (Problem, bool) {
		return Problem{Pos: Pos{File: pos.File, Line: pos.Line, Col: col}, Message: message, Hint: hint}, true
	}
	// head and tail are the line left of column c and from it on, for any
	// c the parser gives (it may point past the line's end).
	cut := func(c int) int { return min(max(c-1, 0), len(runes)) }
	head := func(c int) string { return string(runes[:cut(c)]) }
	tail := func(c int) string { return string(runes[cut(c):]) }
	key, valueCol := splitKey(runes)
	textCol := valueCol // where a value without quotes starts
	if textCol == 0 {
		textCol = pos.Col
	}

	// A date spelt another way, or a day that does not exist.
	if valueCol > 0 {
		if m, h, isDate := dateSlip(strings.TrimSpace(stripComment(tail(valueCol)))); isDate {
			return at(valueCol, m, h)
		}
	}

	// A value that is a word for true or false, or a number with leading
	// zeros (an id written without quotes).
	if valueCol > 0 {
		v := strings.TrimSpace(stripComment(tail(valueCol)))
		if b, isBool := boolWords[v]; isBool {
			return at(valueCol, slipBool.S(v), slipFixed.S(strings.TrimSpace(key)+" = "+b))
		}
		if strings.Contains(parserMsg, "invalid datetime") && idLike.MatchString(v) {
			return at(valueCol, slipIDUnquoted.S(v), slipFixed.S(strings.TrimSpace(key)+` = "`+v+`"`))
		}
		if strings.Contains(parserMsg, "cannot have leading zeroes") {
			k := strings.TrimSpace(key)
			n := strings.TrimLeft(v, "0")
			if n == "" {
				n = "0"
			}
			return at(valueCol, slipLeadingZero.S(v), slipLeadingZeroFix.S(k, v, k, n))
		}
	}
	// A key in Chinese.
	if strings.TrimSpace(head(pos.Col)) == "" {
		if k := strings.TrimSpace(key); k != "" && unicode.Is(unicode.Han, []rune(k)[0]) {
			hint := slipChineseKeyFix.S()
			if meant, ok := chineseKeys[k]; ok {
				fixed := meant + ` = ""` // nothing after the "=" yet
				if valueCol > 0 {
					fixed = fixLine(meant + " = " + tail(valueCol))
				}
				hint = slipChineseKeyMeant.S(meant, fixed)
			}
			return at(pos.Col, slipChineseKey.S(k), hint)
		}
	}
	// A key and value without the = between them: text "文字".
	if valueCol == 0 && strings.Contains(parserMsg, "expected '.' or '='") {
		k := strings.TrimSpace(head(pos.Col))
		rest := strings.TrimSpace(tail(pos.Col))
		if k != "" && rest != "" && !strings.ContainsAny(k, " \t") {
			return at(pos.Col, slipNoEquals.S(), slipFixed.S(fixLine(k+" = "+rest)))
		}
		// Only words on the line: text that lost its key, or the rest of
		// the line above.
		words := strings.Trim(line, " \t\u3000")
		first, _ := utf8.DecodeRuneInString(words)
		_, marked := fullWidth[first] // a full-width mark is said below
		if (k == "" || rest == "") && words != "" && !marked && fullWidthOf(first) == 0 && !strings.ContainsAny(words, "=＝：\"'[") {
			return at(len(runes)-len([]rune(strings.TrimLeft(line, " \t\u3000")))+1, slipBareLine.S(words), slipBareLineFix.S(words))
		}
	}

	// A key or table written twice, a number too large.
	if m := definedTwice.FindStringSubmatch(parserMsg); m != nil {
		return at(pos.Col, slipDefinedTwice.S(m[1]), syntaxDuplicateFix.S())
	}
	if m := notArray.FindStringSubmatch(parserMsg); m != nil {
		return at(pos.Col, slipNotArray.S(m[1], m[1]), slipNotArrayFix.S(m[1]))
	}
	if m := outOfRange.FindStringSubmatch(parserMsg); m != nil {
		return at(pos.Col, slipTooLarge.S(m[1]), slipTooLargeFix.S())
	}

	// A quote left open: point at the quote that opened it.
	switch {
	case strings.Contains(parserMsg, "strings cannot contain newlines"):
		col := openQuote(runes)
		hint := slipUnclosedFix.S()
		if strings.ContainsAny(line, "”’") {
			hint = slipUnclosedCNFix.S(fixLine(line))
		}
		return at(col, slipUnclosed.S(), hint)
	case strings.Contains(parserMsg, `expected '"""'`), strings.Contains(parserMsg, `expected "'''"`):
		if l, c := openTriple(text); l > 0 {
			return Problem{Pos: Pos{File: pos.File, Line: l, Col: c}, Message: slipUnclosedTriple.S(), Hint: slipUnclosedTripleFix.S()}, true
		}
	case strings.Contains(parserMsg, "array terminator (']'), but got end of file"):
		if l, c := openArray(lines, pos.Line); l > 0 {
			return Problem{Pos: Pos{File: pos.File, Line: l, Col: c}, Message: slipUnclosedArray.S(), Hint: slipUnclosedArrayFix.S()}, true
		}
	case strings.Contains(parserMsg, "table array name delimiter"), strings.Contains(parserMsg, "table name delimiter"):
		return at(pos.Col, slipHeader.S(), slipHeaderFix.S())
	}

	if pos.Col < 1 || pos.Col > len(runes) {
		return p, false
	}
	col := pos.Col
	if strings.Contains(parserMsg, "top-level item to end with") {
		for col < len(runes) && (runes[col-1] == ' ' || runes[col-1] == '\t') {
			col++
		}
	}
	r := runes[col-1]
	// A full-width letter, digit or sign: ４, Ａ.
	if a := fullWidthOf(r); a != 0 {
		if _, named := fullWidth[r]; !named {
			return at(col, slipFullWidthChar.S(string(r), string(a)), slipFixed.S(fixLine(line)))
		}
	}
	// Full-width punctuation, or a full-width space.
	if fw, isFW := fullWidth[r]; isFW {
		fixed := fixLine(line)
		switch {
		case r == '\u3000' && inKey(runes, pos.Col) && strings.TrimSpace(head(pos.Col)) != "":
			return at(pos.Col, slipSpaceInKey.S(strings.TrimSpace(key), slipFullSpace.S()), slipFixed.S(fixed))
		case r == '\u3000':
			return at(pos.Col, slipFullWidthSpace.S(), slipFixed.S(fixed))
		case fw.ascii == "":
			return at(textCol, slipUnquoted.S(), slipFixed.S(fixed))
		case strings.Contains(parserMsg, "top-level item to end with"), strings.Contains(parserMsg, "array terminator") && r != '，' && r != '、' && r != '；':
			rest := string(runes[:col-1]) + string(runes[col:])
			return at(col, slipAfterValue.S(string(r)), slipAfterValueFixed.S(fixLine(rest)))
		}
		return at(pos.Col, slipFullWidth.S(string(r), fw.name.S(), fw.ascii), slipFixed.S(fixed))
	}
	// A tab or a space inside a key: "ti	tle = ".
	if inKey(runes, pos.Col) && strings.Contains(parserMsg, "expected '.' or '='") {
		if c := innerSpace(runes, pos.Col); c > 0 {
			name := slipTab.S()
			if runes[c-1] == ' ' {
				name = slipSpace.S()
			}
			return at(c, slipSpaceInKey.S(strings.TrimSpace(key), name), slipFixed.S(fixLine(line)))
		}
	}
	// Text without quotes: name = 政策法规股（信访室）.
	if strings.Contains(parserMsg, "expected value but found") && (unicode.Is(unicode.Han, r) || unicode.IsLetter(r)) {
		return at(pos.Col, slipUnquoted.S(), slipFixed.S(fixLine(line)))
	}
	// Straight quotes inside a text end it early: note = "他说"好"".
	if strings.Contains(parserMsg, "top-level item to end with") && valueCol > 0 && col > 1 && runes[col-2] == '"' && r != ',' {
		if fixed, ok := innerQuotes(strings.TrimSpace(stripComment(tail(valueCol)))); ok {
			return at(col-1, slipInnerQuotes.S(), slipInnerQuotesFix.S(strings.TrimSpace(key)+" = "+fixed))
		}
	}
	// A list that is never closed, found only at the next line that
	// cannot be in it: units = ["zcfg" then [[duty.item]].
	if strings.Contains(parserMsg, "expected a comma (',') or array terminator (']')") && strings.TrimSpace(head(pos.Col)) == "" {
		if l, c := openArray(lines, pos.Line-1); l > 0 && !strings.ContainsRune(string([]rune(lines[l-1])[c-1:]), ']') {
			return Problem{Pos: Pos{File: pos.File, Line: l, Col: c}, Message: slipUnclosedArray.S(), Hint: slipUnclosedArrayFix.S()}, true
		}
	}
	// Two commas in a row in a list: ["zcfg",,"ldrk"].
	if strings.Contains(parserMsg, "unexpected comma") {
		return at(pos.Col, slipDoubleComma.S(), slipFixed.S(doubleComma.ReplaceAllString(line, "$1")))
	}
	// Something after a value.
	trimmed := strings.TrimSpace(line)
	switch {
	case strings.HasPrefix(trimmed, "[") && strings.Contains(parserMsg, "top-level item to end with"):
		return at(col, slipHeader.S(), slipHeaderFix.S())
	case r == ',' && valueCol > 0 && runes[valueCol-1] == '"' && strings.Contains(parserMsg, "top-level item to end with"):
		v := strings.TrimSpace(stripComment(tail(valueCol)))
		return at(valueCol, slipNoBrackets.S(), slipFixed.S(strings.TrimSpace(key)+" = ["+v+"]"))
	case strings.Contains(parserMsg, "top-level item to end with") && unicode.IsPunct(r) && r != '"' && r != '\'':
		rest := string(runes[:col-1]) + string(runes[col:])
		return at(col, slipAfterValue.S(string(r)), slipAfterValueFixed.S(fixLine(rest)))
	case strings.Contains(parserMsg, "top-level item to end with"):
		end := col
		for end < len(runes) && runes[end] != ' ' && runes[end] != '\t' && runes[end] != '#' {
			end++
		}
		stray := string(runes[col-1 : end])
		remark := strings.TrimRight(string(runes[:col-1]), " \t") + " # " + strings.TrimSpace(string(runes[col-1:]))
		return at(col, slipAfterValue.S(stray), slipAfterValueFix.S(remark))
	case strings.Contains(parserMsg, "expected a comma (',') or array terminator (']')") && r == '"':
		return at(pos.Col, slipNoComma.S(), slipFixed.S(strings.TrimRight(head(pos.Col), " \t")+", "+tail(pos.Col)))
	case strings.Contains(parserMsg, "expected a comma (',') or array terminator (']')"):
		return at(pos.Col, slipInArray.S(string(r)), slipInArrayFix.S())
	}
	return p, false
}

// doubleComma is a comma with nothing before it in a list: the first of
// ",," or the one right after "[".
var doubleComma = regexp.MustCompile(`(\[|,)\s*,`)

// innerQuotes is v, a text in straight quotes with straight quotes inside
// it ("他说"好""), with the inner ones made Chinese quotes (“好”), or ok
// false when v is not such a text.
func innerQuotes(v string) (fixed string, ok bool) {
	n := strings.Count(v, `"`)
	if len(v) < 4 || v[0] != '"' || v[len(v)-1] != '"' || strings.HasPrefix(v, `"""`) || n < 4 || n%2 != 0 {
		return "", false
	}
	var b strings.Builder
	open := true
	for _, r := range v[1 : len(v)-1] {
		if r == '"' {
			r = map[bool]rune{true: '“', false: '”'}[open]
			open = !open
		}
		b.WriteRune(r)
	}
	return `"` + b.String() + `"`, true
}

// splitKey returns the key of a "key = value" line and the column where
// the value starts (0 when the line has no "=" outside quotes, or nothing
// after it). Either half-width or full-width equals and colons end the key.
func splitKey(runes []rune) (key string, valueCol int) {
	for i, r := range runes {
		switch r {
		case '"', '\'', '[', '#':
			return "", 0
		case '=', '＝', '：':
			j := i + 1
			for j < len(runes) && (runes[j] == ' ' || runes[j] == '\t' || runes[j] == '=' || runes[j] == '\u3000') {
				j++
			}
			if j == len(runes) {
				return string(runes[:i]), 0 // nothing after the "="
			}
			return string(runes[:i]), j + 1
		}
	}
	return "", 0
}

// inKey reports whether col is left of the line's first "=".
func inKey(runes []rune, col int) bool {
	for i := 0; i < col-1 && i < len(runes); i++ {
		if runes[i] == '=' || runes[i] == '"' || runes[i] == '\'' {
			return false
		}
	}
	return true
}

// innerSpace finds a tab or space between two parts of a key, before col.
func innerSpace(runes []rune, col int) int {
	seen := false
	for i := 0; i < col-1 && i < len(runes); i++ {
		switch {
		case runes[i] == '\t' || runes[i] == ' ':
			if seen {
				return i + 1
			}
		default:
			seen = true
		}
	}
	return 0
}

// stripComment drops a # comment that is not inside quotes.
func stripComment(s string) string {
	in := rune(0)
	for i, r := range s {
		switch {
		case in != 0 && r == in:
			in = 0
		case in == 0 && (r == '"' || r == '\''):
			in = r
		case in == 0 && r == '#':
			return s[:i]
		}
	}
	return s
}

// fixLine is line as it should be typed: full-width punctuation outside
// quotes replaced by what TOML needs, Chinese quotes around text made
// straight, text without quotes quoted, spaces taken out of the key.
func fixLine(line string) string {
	runes := halfWidth([]rune(line))
	key, valueCol := splitKey(runes)
	if valueCol == 0 {
		// A comment or a table header: only its marks were typed wrong.
		trimmed := strings.TrimLeft(string(runes), " \t\u3000")
		switch first, _ := utf8.DecodeRuneInString(trimmed); first {
		case '#':
			return strings.TrimRight(trimmed, " ")
		case '[', '［', '【':
			return strings.TrimRight(strings.Map(func(r rune) rune {
				switch r {
				case '［', '【':
					return '['
				case '］', '】':
					return ']'
				}
				return r
			}, trimmed), " ")
		}
	}
	var b strings.Builder
	if valueCol > 0 {
		k := strings.TrimSpace(key)
		k = strings.Map(func(r rune) rune {
			if r == ' ' || r == '\t' || r == '\u3000' {
				return -1
			}
			return r
		}, k)
		indent := len(key) - len(strings.TrimLeft(key, " \t"))
		b.WriteString(key[:indent] + k + " = ")
		runes = runes[valueCol-1:]
	}
	value := string(runes)
	if valueCol > 0 && value != "" && !strings.ContainsRune(`"'[{“‘［【-+0123456789tf`, []rune(value)[0]) {
		return b.String() + `"` + strings.TrimSpace(stripComment(value)) + `"`
	}
	// “text” as a whole: the outer quotes are the first and the last, and
	// the quotes inside are the text's own.
	if v := strings.TrimSpace(value); len(v) > 0 {
		first, _ := utf8.DecodeRuneInString(v)
		last, _ := utf8.DecodeLastRuneInString(v)
		if first == '“' && last == '”' || first == '‘' && last == '’' {
			inner := strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(v, "“"), "‘"), string(last))
			return b.String() + `"` + inner + `"`
		}
	}
	in := rune(0) // the quote that closes the current text
	word := false // inside a word of a list written without quotes
	for i, r := range value {
		if word && (r == ',' || r == ']' || r == ' ' || r == '，' || r == '、' || r == '；' || r == '］' || r == '】') {
			b.WriteRune('"')
			word = false
		}
		switch {
		case word:
			b.WriteRune(r)
		case in == 0 && unicode.IsLetter(r):
			b.WriteRune('"')
			b.WriteRune(r)
			word = true
		case in == '"' && r == '”' && !strings.Contains(value[i:], `"`):
			// "text” : a text opened straight and closed Chinese.
			b.WriteRune('"')
			in = 0
		case in != 0 && r == in:
			b.WriteRune('"')
			in = 0
		case in != 0:
			b.WriteRune(r)
		case r == '"' || r == '\'':
			b.WriteRune(r)
			in = r
		case r == '“' || r == '‘':
			b.WriteRune('"')
			in = map[rune]rune{'“': '”', '‘': '’'}[r]
		default:
			if fw, ok := fullWidth[r]; ok && fw.ascii != "" {
				b.WriteString(fw.ascii)
			} else {
				b.WriteRune(r)
			}
		}
	}
	if in != 0 || word {
		b.WriteRune('"')
	}
	return strings.TrimRight(b.String(), " ")
}

// halfWidth replaces full-width letters and digits outside quotes by
// their ASCII forms (４ by 4); full-width punctuation is fixLine's.
func halfWidth(runes []rune) []rune {
	out := make([]rune, len(runes))
	in := rune(0)
	for i, r := range runes {
		switch {
		case in != 0 && r == in:
			in = 0
		case in == 0 && (r == '"' || r == '\''):
			in = r
		case in == 0 && fullWidthOf(r) != 0:
			if _, named := fullWidth[r]; !named {
				r = fullWidthOf(r)
			}
		}
		out[i] = r
	}
	return out
}

// openQuote is the column of the quote a line leaves open, or 1.
func openQuote(runes []rune) int {
	open := 0
	for i, r := range runes {
		switch {
		case open > 0 && r == '\\' && runes[open-1] == '"':
			// skip the escaped character
		case open > 0 && r == runes[open-1] && (i == 0 || runes[i-1] != '\\' || r == '\''):
			open = 0
		case open == 0 && (r == '"' || r == '\''):
			open = i + 1
		case open == 0 && r == '#':
			return 1
		}
	}
	if open == 0 {
		return 1
	}
	return open
}

// openTriple finds the """ (or ”') that opens a multi-line text never
// closed: the last of an odd number of them.
func openTriple(text string) (line, col int) {
	for _, q := range []string{`"""`, `'''`} {
		n := strings.Count(text, q)
		if n%2 == 0 {
			continue
		}
		i := strings.LastIndex(text, q)
		start := strings.LastIndexByte(text[:i], '\n') + 1
		return strings.Count(text[:i], "\n") + 1, utf8.RuneCountInString(text[start:i]) + 1
	}
	return 0, 0
}

var arrayStart = regexp.MustCompile(`^\s*[A-Za-z0-9_.-]+\s*=\s*\[`)

// openArray finds the "key = [" line at or before line upto that opens a
// list never closed.
func openArray(lines []string, upto int) (line, col int) {
	for l := min(upto, len(lines)); l >= 1; l-- {
		if loc := arrayStart.FindStringIndex(lines[l-1]); loc != nil {
			return l, utf8.RuneCountInString(lines[l-1][:loc[1]-1]) + 1
		}
	}
	return 0, 0
}

var looseDate = regexp.MustCompile(`^["'“]?(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?["'”]?$`)

// looseDay reads a date written in any of the ways people write them:
// 2026-11-30, 2026/11/30, 2026.11.30, 2026-11-5, 2026年11月30日, in quotes or
// not. ok is false when s is no date; valid is false for a day that does
// not exist (2026-02-30), and then why says what is wrong.
func looseDay(s string) (y, m, d int, ok, valid bool, why string) {
	g := looseDate.FindStringSubmatch(strings.TrimSpace(s))
	if g == nil {
		return 0, 0, 0, false, false, ""
	}
	y, _ = strconv.Atoi(g[1])
	m, _ = strconv.Atoi(g[2])
	d, _ = strconv.Atoi(g[3])
	switch {
	case m < 1 || m > 12:
		return y, m, d, true, false, slipNoMonth.S(m)
	case d < 1 || d > daysIn(y, m):
		return y, m, d, true, false, slipNoDay.S(y, m, daysIn(y, m))
	}
	return y, m, d, true, true, ""
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// dateSlip explains a date value TOML does not read.
func dateSlip(value string) (message, hint string, ok bool) {
	y, m, d, isDate, valid, why := looseDay(value)
	if !isDate {
		return "", "", false
	}
	if !valid {
		m = min(max(m, 1), 12)
		return slipBadDay.S(value, why), slipBadDayFix.S(fmt.Sprintf("%04d-%02d-%02d", y, m, min(max(d, 1), daysIn(y, m)))), true
	}
	return slipDate.S(value), slipDateFix.S(fmt.Sprintf("%04d-%02d-%02d", y, m, d)), true
}
