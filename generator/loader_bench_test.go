package generator

import (
	"bytes"
	"testing"
	"testing/fstest"
)

// BenchmarkLoaderEdit is the preview's load after a save: a Loader that
// loaded the site before loads it again with one work item's text changed
// (in turn edited and restored), decoding only that item's duty again.
func BenchmarkLoaderEdit(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			s := loadBenchSite(b, size.items)
			orig := s.content["duties.toml"].Data
			at := bytes.Index(orig, []byte("[[duty.item]]"))
			at += bytes.Index(orig[at:], []byte(`text = "`)) + len(`text = "`)
			edited := append(append(append([]byte{}, orig[:at]...), "（改）"...), orig[at:]...)
			versions := []fstest.MapFS{copyFS(s.content), copyFS(s.content)}
			versions[1]["duties.toml"] = &fstest.MapFile{Data: edited}
			var ld Loader
			if _, ps := ld.Load(versions[1], s.cfg); ps.HasErrors() {
				b.Fatal(ps)
			}
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				if _, ps := ld.Load(versions[n%2], s.cfg); ps.HasErrors() {
					b.Fatal(ps)
				}
				n++
			}
		})
	}
}

// copyFS copies the file list, sharing the files.
func copyFS(m fstest.MapFS) fstest.MapFS {
	out := fstest.MapFS{}
	for k, v := range m {
		out[k] = v
	}
	return out
}

// BenchmarkLoad50k is BenchmarkLoad at 50,000 items, a province's list,
// where loading took 1.5 s on one core before the big files were decoded
// table by table on all cores.
func BenchmarkLoad50k(b *testing.B) {
	s := loadBenchSite(b, 50_000)
	b.ReportAllocs()
	for b.Loop() {
		s.load(b)
	}
}
