package reports

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"qingdan/period"
)

// thousandCases makes 1,000 case files of 2026H1 from the examples, each
// with its own number and party.
func thousandCases(b *testing.B) []*Case {
	all := exampleCases(b)
	var out []*Case
	for i := 0; len(out) < 1000; i++ {
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

var benchPeriod = period.Period{Year: 2026, Half: 1}

func BenchmarkEvaluate1000(b *testing.B) {
	cases := thousandCases(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		e := Evaluate(cases, testSettings, benchPeriod)
		if e.Total.Cases != 1000 {
			b.Fatalf("%d cases evaluated", e.Total.Cases)
		}
	}
}

func BenchmarkPDF1000(b *testing.B) {
	font := testFont(b)
	doc := EvaluationDocument(Evaluate(thousandCases(b), testSettings, benchPeriod))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		var buf bytes.Buffer
		if err := RenderPDF(doc, font, &buf); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(buf.Len()), "pdf-bytes")
	}
}
