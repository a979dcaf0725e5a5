package reports

import (
	"testing"

	"qingdan/period"
)

var benchPeriod = period.Period{Year: 2026, Half: 1}

func BenchmarkEvaluate1000(b *testing.B) {
	cases := scaledCases(b, 1000)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		e := Evaluate(cases, testSettings, benchPeriod)
		if e.Total.Cases != 1000 {
			b.Fatalf("%d cases evaluated", e.Total.Cases)
		}
	}
}

func BenchmarkPDF1000(b *testing.B) { benchPDF(b, 1000) }
