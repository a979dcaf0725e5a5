package source

import (
	"bytes"
	"testing"

	"qingdan/benchcontent"
)

// Benchmarks of decoding content/duties.toml of the synthetic sites
// (package benchcontent) whole and in pieces:
//
//	go test -run '^$' -bench Decode -benchmem ./source/
//
// "edit" decodes, with a warm cache, a file in which one table changed
// since the last decode, as the preview does after a save.

var decodeSizes = []struct {
	name  string
	items int
}{{"1k", 1_000}, {"10k", 10_000}}

// benchDuties returns the duties.toml of a synthetic site of items items.
func benchDuties(b *testing.B, items int) []byte {
	b.Helper()
	files, err := benchcontent.Site(items, 1)
	if err != nil {
		b.Fatal(err)
	}
	for _, f := range files {
		if f.Name == "content/duties.toml" {
			return f.Data
		}
	}
	b.Fatal("no content/duties.toml")
	return nil
}

func BenchmarkDecodeTOML(b *testing.B) {
	for _, size := range decodeSizes {
		b.Run(size.name, func(b *testing.B) {
			data := benchDuties(b, size.items)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				var v listFile
				if _, ps := DecodeTOML("duties.toml", data, &v); len(ps) > 0 {
					b.Fatal(ps)
				}
			}
		})
	}
}

func BenchmarkDecodeTOMLSplit(b *testing.B) {
	for _, size := range decodeSizes {
		data := benchDuties(b, size.items)
		b.Run(size.name+"/cold", func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				var v listFile
				if _, ps := DecodeTOMLSplit("duties.toml", data, "duty", &v, nil); len(ps) > 0 {
					b.Fatal(ps)
				}
			}
		})
		b.Run(size.name+"/edit", func(b *testing.B) {
			// Two versions of the file that differ in the text of the
			// first item, decoded in turn.
			at := bytes.Index(data, []byte("[[duty.item]]"))
			at += bytes.Index(data[at:], []byte(`text = "`)) + len(`text = "`)
			edited := append(append(append([]byte{}, data[:at]...), "（改）"...), data[at:]...)
			versions := [][]byte{data, edited}
			var cache SplitCache
			if _, ps := DecodeTOMLSplit("duties.toml", edited, "duty", new(listFile), &cache); len(ps) > 0 {
				b.Fatal(ps)
			}
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				var v listFile
				if _, ps := DecodeTOMLSplit("duties.toml", versions[n%2], "duty", &v, &cache); len(ps) > 0 {
					b.Fatal(ps)
				}
				n++
			}
		})
	}
}
