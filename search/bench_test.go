package search_test

import (
	"testing"

	"qingdan/search"
)

// BenchmarkTokens cuts the titles and bodies of 1,000 synthetic records
// (the real list's phrases) into tokens.
func BenchmarkTokens(b *testing.B) {
	in := search.Synthetic(1000, 1)
	b.ReportAllocs()
	for b.Loop() {
		for _, r := range in.Records {
			search.Tokens(r.Title)
			search.Tokens(r.Body)
		}
	}
}

// BenchmarkBuild builds the index files of 10,000 synthetic records, the
// search index's share of a 10,000-item site.
func BenchmarkBuild(b *testing.B) {
	in := search.Synthetic(10000, 1)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := search.Build(in, search.DefaultLimits); err != nil {
			b.Fatal(err)
		}
	}
}
