package e2e

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// readPayloads reads testdata/payloads.txt: one Go string literal a line,
// or "repeat N literal"; QDN becomes the payload's number (from 1).
func readPayloads(t testing.TB) []string {
	t.Helper()
	f, err := os.Open("testdata/payloads.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		times := 1
		if rest, ok := strings.CutPrefix(text, "repeat "); ok {
			n, lit, _ := strings.Cut(rest, " ")
			if times, err = strconv.Atoi(n); err != nil {
				t.Fatalf("payloads.txt:%d: repeat count %q: %v", line, n, err)
			}
			text = lit
		}
		s, err := strconv.Unquote(text)
		if err != nil {
			t.Fatalf("payloads.txt:%d: not a Go string literal: %v", line, err)
		}
		n := strconv.Itoa(len(out) + 1)
		out = append(out, strings.Repeat(strings.ReplaceAll(s, "QDN", n), times))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// notText are the content keys whose values are not free text: ids,
// references, phone numbers, enumerations and paths, which check
// validates (a payload there is refused, as TestBroken shows).
var notText = map[string]bool{
	"id": true, "units": true, "parent": true, "phone": true, "phones": true,
	"kind": true, "link": true, "index": true,
}

// siteText are the keys of site.toml that are free text shown on pages.
var siteText = map[string]bool{
	"title": true, "description": true, "org.name": true, "org.short_name": true,
	"org.address": true, "org.hours": true, "gov.site_name": true, "gov.column_name": true,
	"gov.content_source": true, "gov.host_org": true, "gov.icp": true,
	"gov.police_record": true, "publication.publisher": true, "publication.topic": true,
}

// injector puts payloads into every text field of a copy of the content,
// each field the next payload in turn, starting at an offset so that each
// round puts different payloads in different fields.
type injector struct {
	payloads []string
	next     int
	// plain[n] lists the fields where payload n went as plain text (shown
	// literally); body[n] the Markdown bodies it was appended to.
	plain, body map[int][]string
}

func newInjector(payloads []string, offset int) *injector {
	return &injector{payloads: payloads, next: offset, plain: map[int][]string{}, body: map[int][]string{}}
}

// take returns the index of the next payload.
func (in *injector) take() int {
	n := in.next % len(in.payloads)
	in.next++
	return n
}

// walk replaces, in v (decoded TOML), every string whose key is text.
func (in *injector) walk(file, key string, v any, isText func(key string) bool) any {
	switch v := v.(type) {
	case string:
		if !isText(key) {
			return v
		}
		n := in.take()
		in.plain[n] = append(in.plain[n], file+":"+key)
		return in.payloads[n]
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			sub := k
			if key != "" {
				sub = key + "." + k
			}
			v[k] = in.walk(file, sub, v[k], isText)
		}
		return v
	case []map[string]any:
		for i := range v {
			in.walk(file, key, v[i], isText)
		}
		return v
	case []any:
		for i := range v {
			v[i] = in.walk(file, key, v[i], isText)
		}
		return v
	}
	return v
}

// lastKey is the last part of a dotted key.
func lastKey(key string) string { return key[strings.LastIndex(key, ".")+1:] }

// rewriteTOML decodes data, injects payloads, and encodes it again.
func (in *injector) rewriteTOML(t testing.TB, file string, data []byte, isText func(string) bool) []byte {
	t.Helper()
	var m map[string]any
	if _, err := toml.Decode(string(data), &m); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	in.walk(file, "", m, isText)
	var b bytes.Buffer
	if err := toml.NewEncoder(&b).Encode(m); err != nil {
		t.Fatalf("%s: encoding: %v", file, err)
	}
	return b.Bytes()
}

// rewriteMarkdown injects payloads into the front matter and appends
// three more, as paragraphs, to the body.
func (in *injector) rewriteMarkdown(t testing.TB, file string, data []byte) []byte {
	t.Helper()
	const fence = "+++\n"
	rest, ok := bytes.CutPrefix(data, []byte(fence))
	front, body, ok2 := bytes.Cut(rest, []byte("\n"+fence))
	if !ok || !ok2 {
		t.Fatalf("%s: no +++ front matter", file)
	}
	var b bytes.Buffer
	b.WriteString(fence)
	b.Write(in.rewriteTOML(t, file, front, func(k string) bool { return !notText[lastKey(k)] }))
	b.WriteString(fence)
	b.Write(body)
	for i := 0; i < 3; i++ {
		n := in.take()
		in.body[n] = append(in.body[n], file)
		fmt.Fprintf(&b, "\n\n%s\n", in.payloads[n])
	}
	return b.Bytes()
}

// injectSite rewrites every content file and site.toml of the site in dir.
func (in *injector) injectSite(t testing.TB, dir string) {
	t.Helper()
	contentText := func(k string) bool { return !notText[lastKey(k)] }
	files, err := filepath.Glob(filepath.Join(dir, "content", "*.toml"))
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Glob(filepath.Join(dir, "content", "*", "*.toml"))
	md, _ := filepath.Glob(filepath.Join(dir, "content", "*", "*.md"))
	for _, f := range append(append(files, more...), md...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, f)
		if strings.HasSuffix(f, ".md") {
			data = in.rewriteMarkdown(t, rel, data)
		} else {
			data = in.rewriteTOML(t, rel, data, contentText)
		}
		if err := os.WriteFile(f, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg := filepath.Join(dir, "site.toml")
	data, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	data = in.rewriteTOML(t, "site.toml", data, func(k string) bool { return siteText[k] })
	if err := os.WriteFile(cfg, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
