package generator

import (
	"sync"
	"testing"
	"testing/fstest"

	"qingdan/benchcontent"
	"qingdan/config"
	"qingdan/output"
	"qingdan/themes"
)

// Benchmarks of the build's hot paths on synthetic content (package
// benchcontent) of 1,000 and 10,000 work items:
//
//	go test -run '^$' -bench . -benchmem ./generator/
//	go test -run '^$' -bench 'Render/10k' -cpuprofile cpu.out -memprofile mem.out ./generator/
//
// BENCHMARKS.md records the numbers and what the profiles show.

var benchSizes = []struct {
	name  string
	items int
}{{"1k", 1_000}, {"10k", 10_000}}

// benchSites caches the generated content by item count.
var benchSites sync.Map // int -> *benchSite

type benchSite struct {
	cfg     *config.Config
	content fstest.MapFS
}

func loadBenchSite(b *testing.B, items int) *benchSite {
	b.Helper()
	if s, ok := benchSites.Load(items); ok {
		return s.(*benchSite)
	}
	files, err := benchcontent.Site(items, 1)
	if err != nil {
		b.Fatal(err)
	}
	s := &benchSite{content: fstest.MapFS{}}
	for _, f := range files {
		if f.Name == "site.toml" {
			cfg, ps := config.Parse("site.toml", f.Data)
			if ps.HasErrors() {
				b.Fatalf("site.toml:\n%s", ps)
			}
			s.cfg = cfg
			continue
		}
		s.content[f.Name[len("content/"):]] = &fstest.MapFile{Data: f.Data}
	}
	benchSites.Store(items, s)
	return s
}

func (s *benchSite) load(b *testing.B) *Site {
	site, ps := Load(s.content, s.cfg)
	if ps.HasErrors() {
		b.Fatalf("generated content has errors:\n%s", ps)
	}
	return site
}

// counter is an Output that only counts, so that Render is measured
// without the disk.
type counter struct {
	mu           sync.Mutex
	files, bytes int
}

func (c *counter) WriteFile(name string, data []byte) error {
	c.mu.Lock()
	c.files++
	c.bytes += len(data)
	c.mu.Unlock()
	return nil
}

// BenchmarkLoad reads, decodes and validates the content into the model.
func BenchmarkLoad(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			s := loadBenchSite(b, size.items)
			b.ReportAllocs()
			for b.Loop() {
				s.load(b)
			}
		})
	}
}

// BenchmarkRender renders every file of the site (pages, open data, feed,
// sitemap, search index) into memory.
func BenchmarkRender(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			site := loadBenchSite(b, size.items).load(b)
			b.ReportAllocs()
			var c *counter
			for b.Loop() {
				c = &counter{}
				if err := Render(site, themes.Default(), c); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(c.files), "files/op")
			b.ReportMetric(float64(c.bytes)/(1<<20), "MB/op")
		})
	}
}

// BenchmarkBuild is what "qingdan build" does after reading the files:
// load, render, and write into the output folder, committed in one step;
// from the second loop on, a rebuild with the same bytes into the spare
// that the last loop left (see output.Dir). The difference to Load +
// Render is the cost of the disk.
func BenchmarkBuild(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			s := loadBenchSite(b, size.items)
			target := b.TempDir() + "/public"
			b.ReportAllocs()
			for b.Loop() {
				site := s.load(b)
				dir, err := output.NewDir(target)
				if err != nil {
					b.Fatal(err)
				}
				if err := Render(site, themes.Default(), dir); err != nil {
					b.Fatal(err)
				}
				st, err := dir.Commit()
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(st.Written), "files/op")
			}
		})
	}
}

// BenchmarkOpenDataXlsx makes data/qingdan.xlsx, the biggest of the open
// data files to make.
func BenchmarkOpenDataXlsx(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			site := loadBenchSite(b, size.items).load(b)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := openDataXlsx(site); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
