package source

import (
	"bytes"
	"errors"
	stdunicode "unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Encoding is how a text file's characters are stored. Editors on a
// Chinese Windows save GBK (Notepad's "ANSI") or UTF-16 (Notepad's
// "Unicode") unless told otherwise; qingdan reads UTF-8 only, with or
// without the byte order mark Windows editors write.
type Encoding int

const (
	UTF8    Encoding = iota // UTF-8 without a byte order mark
	UTF8BOM                 // UTF-8 with a byte order mark, accepted
	UTF16LE                 // UTF-16, little-endian, with or without a BOM
	UTF16BE                 // UTF-16, big-endian, with or without a BOM
	GB18030                 // GBK or its superset GB18030
	Unknown                 // none of these: bytes that are no text we know
)

// Name is the encoding's name as editors' Save As dialogs show it.
func (e Encoding) Name() string {
	return map[Encoding]string{UTF8: "UTF-8", UTF8BOM: "UTF-8 BOM", UTF16LE: "UTF-16 LE", UTF16BE: "UTF-16 BE",
		GB18030: "GBK/GB18030", Unknown: "?"}[e]
}

var bomUTF8 = []byte{0xEF, 0xBB, 0xBF}

// DetectEncoding recognises the encoding of a text file from its bytes:
// a byte order mark decides; UTF-8 is taken when the bytes are valid
// UTF-8; UTF-16 without a mark by its zero bytes (text in UTF-8 or GBK
// has none, UTF-16 has one in every ASCII character); GB18030 when the
// bytes decode as it without a single invalid sequence. Anything else is
// Unknown.
func DetectEncoding(data []byte) Encoding {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		if utf8.Valid(data[3:]) {
			return UTF8BOM
		}
		return Unknown
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return cleanOr(UTF16LE, data)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return cleanOr(UTF16BE, data)
	}
	if e, ok := utf16ByZeros(data); ok {
		return e
	}
	if utf8.Valid(data) {
		return UTF8
	}
	if _, err := decodeClean(simplifiedchinese.GB18030, data); err == nil {
		return GB18030
	}
	return Unknown
}

// utf16ByZeros recognises UTF-16 without a byte order mark: an even
// length, zero bytes mostly on one side of their pairs (the high byte of
// every ASCII character, which TOML is full of), and text that decodes
// cleanly into printable characters.
func utf16ByZeros(data []byte) (Encoding, bool) {
	if len(data) < 2 || len(data)%2 != 0 || bytes.IndexByte(data, 0) < 0 {
		return 0, false
	}
	even, odd := 0, 0
	for i, b := range data {
		if b != 0 {
			continue
		}
		if i%2 == 0 {
			even++
		} else {
			odd++
		}
	}
	e, order := UTF16LE, unicode.LittleEndian // "a\x00": the high byte of ASCII second
	switch {
	case even > 3*odd:
		e, order = UTF16BE, unicode.BigEndian
	case odd <= 3*even:
		return 0, false
	}
	out, err := decodeClean(unicode.UTF16(order, unicode.IgnoreBOM), data)
	if err != nil {
		return 0, false
	}
	for _, r := range string(out) {
		if !stdunicode.IsPrint(r) && r != '\n' && r != '\r' && r != '\t' && r != 0x3000 {
			return 0, false
		}
	}
	return e, true
}

// cleanOr is e when data converts cleanly from it, else Unknown.
func cleanOr(e Encoding, data []byte) Encoding {
	if _, err := ToUTF8(data, e); err != nil {
		return Unknown
	}
	return e
}

var errNotClean = errors.New("bytes that do not decode cleanly")

// decodeClean decodes data with enc, failing on any byte sequence that is
// invalid in it (which x/text would replace with U+FFFD).
func decodeClean(enc encoding.Encoding, data []byte) ([]byte, error) {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, err
	}
	if bytes.ContainsRune(out, utf8.RuneError) || !utf8.Valid(out) {
		return nil, errNotClean
	}
	return out, nil
}

// ToUTF8 converts data, in encoding e as DetectEncoding found it, to UTF-8
// without a byte order mark. It fails when e is Unknown or when any byte
// does not decode cleanly: a file is never converted with characters lost.
func ToUTF8(data []byte, e Encoding) ([]byte, error) {
	var enc encoding.Encoding
	switch e {
	case UTF8:
		return data, nil
	case UTF8BOM:
		return data[len(bomUTF8):], nil
	case UTF16LE:
		enc = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	case UTF16BE:
		enc = unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	case GB18030:
		enc = simplifiedchinese.GB18030
	default:
		return nil, errNotClean
	}
	out, err := decodeClean(enc, data)
	if err != nil {
		return nil, err
	}
	return bytes.TrimPrefix(out, bomUTF8), nil
}

// readText checks the encoding of a file before anything else is read
// from it, and returns its text without a UTF-8 byte order mark. A file in
// another encoding gets one problem for the whole file, naming the
// encoding and how to save it as UTF-8; bytes that are no known encoding
// get the position of the first one that is not UTF-8.
func readText(name string, data []byte) (string, *Problem) {
	switch e := DetectEncoding(data); e {
	case UTF8:
		return lf(string(data)), nil
	case UTF8BOM:
		return lf(string(data[len(bomUTF8):])), nil
	case Unknown:
		text := string(bytes.TrimPrefix(data, bomUTF8))
		return "", &Problem{Pos: invalidUTF8(name, text), Message: notUTF8.S(), Hint: saveAsUTF8.S()}
	default:
		return "", &Problem{Pos: Pos{File: name}, Message: wrongEncoding.S(encodingName(e)), Hint: wrongEncodingFix.S(name)}
	}
}

// encodingName names e in messages, with what Notepad calls it.
func encodingName(e Encoding) string {
	switch e {
	case GB18030:
		return encGBK.S()
	case UTF16LE:
		return encUTF16LE.S()
	case UTF16BE:
		return encUTF16BE.S()
	}
	return e.Name()
}
