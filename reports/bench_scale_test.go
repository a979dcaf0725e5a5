package reports

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// scaledCases makes n case files of 2026H1 from the examples, each with
// its own number and party, the decisions (or registrations) spread over
// the half year.
func scaledCases(b *testing.B, n int) []*Case {
	all := exampleCases(b)
	var out []*Case
	for i := 0; len(out) < n; i++ {
		src := all[i%len(all)]
		c := *src
		c.Number = fmt.Sprintf("%s-%d", src.Number, i)
		c.Party.ID = fmt.Sprintf("%s-%d", src.Party.ID, i)
		if src.Decision != nil {
			d := *src.Decision
			d.Number = fmt.Sprintf("%s-%d", d.Number, i)
			d.Date = day(2026, time.Month(1+i%6), 1+i%28)
			c.Decision = &d
		} else {
			c.Register.Date = day(2026, time.Month(1+i%6), 1+i%28)
		}
		out = append(out, &c)
	}
	return out
}

// scaledDocument is the 案卷评查报告 of n case files.
func scaledDocument(b *testing.B, n int) *Document {
	e := Evaluate(scaledCases(b, n), testSettings, benchPeriod)
	if e.Total.Cases != n {
		b.Fatalf("%d cases evaluated, want %d", e.Total.Cases, n)
	}
	return EvaluationDocument(e, Issue{})
}

// keepOutput writes a benchmark's output into the folder named by
// REPORTS_BENCH_OUT, when it is set, for bench/pdf.sh to measure.
func keepOutput(b *testing.B, name string, data []byte) {
	dir := os.Getenv("REPORTS_BENCH_OUT")
	if dir == "" {
		return
	}
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
		b.Fatal(err)
	}
}

// benchPDF lays out the 案卷评查报告 of n case files and writes it as PDF.
func benchPDF(b *testing.B, n int) {
	font := testFont(b)
	doc := scaledDocument(b, n)
	b.ReportAllocs()
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := RenderPDF(doc, font, &buf); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "pdf-bytes")
	keepOutput(b, fmt.Sprintf("pdf-%d.pdf", n), buf.Bytes())
}

// benchHTML writes the 案卷评查报告 of n case files as an HTML page.
func benchHTML(b *testing.B, n int) {
	doc := scaledDocument(b, n)
	b.ReportAllocs()
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := RenderHTML(doc, &buf); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "html-bytes")
	keepOutput(b, fmt.Sprintf("html-%d.html", n), buf.Bytes())
}

func BenchmarkPDF10000(b *testing.B)  { benchPDF(b, 10000) }
func BenchmarkHTML1000(b *testing.B)  { benchHTML(b, 1000) }
func BenchmarkHTML10000(b *testing.B) { benchHTML(b, 10000) }
