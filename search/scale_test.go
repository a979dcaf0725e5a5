package search_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"qingdan/search"
)

// BenchmarkIndexScale builds the index of synthetic sites of growing size
// (records made of the real list's phrases) and reports, besides the build
// time, the index's total bytes and the bytes a browser fetches for a
// query: a common two-character word, a four-character phrase and a
// phone number. BENCHMARKS.md records the results.
//
//	go test ./search -run XXX -bench IndexScale -benchtime 1x
func BenchmarkIndexScale(b *testing.B) {
	queries := []string{"计划", "流动人口", "7631234"}
	for _, n := range []int{200, 1000, 10000, 50000} {
		b.Run(fmt.Sprintf("records=%d", n), func(b *testing.B) {
			in := search.Synthetic(n, 1)
			var files []search.File
			for b.Loop() {
				var err error
				if files, err = search.Build(in, search.DefaultLimits); err != nil {
					b.Fatal(err)
				}
			}
			dir := b.TempDir()
			total := 0
			for _, f := range files {
				total += len(f.Data)
				p := filepath.Join(dir, filepath.FromSlash(f.Name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					b.Fatal(err)
				}
				if err := os.WriteFile(p, f.Data, 0o644); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(total), "index-bytes")
			b.ReportMetric(float64(len(files)), "files")
			res := queryIndex(b, dir, queries...)
			for i, q := range queries {
				b.ReportMetric(float64(res[q].Bytes), fmt.Sprintf("q%d-bytes", i+1))
				b.ReportMetric(float64(res[q].Total), fmt.Sprintf("q%d-hits", i+1))
			}
		})
	}
}
