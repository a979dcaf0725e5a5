package generator

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"qingdan/output"
	"qingdan/themes"
)

// Benchmarks of the preview's incremental render on the synthetic sites of
// bench_test.go. Besides ns/op they report cpu-ms/op, the CPU time
// of the process per loop (from /proc/self/stat, where there is one): on
// a machine shared with other builds wall time says more of the others.
//
//	go test -run '^$' -bench 'InputSums|IncrementalEdit' -benchtime 50x ./generator/

// cpuTime is the CPU time the process used so far, user and system; false
// where /proc/self/stat does not say.
func cpuTime() (time.Duration, bool) {
	data, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return 0, false
	}
	_, rest, _ := strings.Cut(string(data), ") ")
	f := strings.Fields(rest)
	if len(f) < 13 {
		return 0, false
	}
	utime, err1 := strconv.ParseInt(f[11], 10, 64)
	stime, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return time.Duration(utime+stime) * time.Second / 100, true // USER_HZ is 100 on Linux
}

// cpuMeter adds up the CPU time of the timed parts of a benchmark.
type cpuMeter struct {
	total time.Duration
	start time.Duration
	ok    bool
}

func (m *cpuMeter) begin() { m.start, m.ok = cpuTime() }

func (m *cpuMeter) end() {
	if now, ok := cpuTime(); ok && m.ok {
		m.total += now - m.start
	}
}

func (m *cpuMeter) report(b *testing.B, loops int) {
	if m.ok && loops > 0 {
		b.ReportMetric(float64(m.total)/float64(time.Millisecond)/float64(loops), "cpu-ms/op")
	}
}

// BenchmarkInputSums is the preview's cost of knowing what an edit
// changed: the input sums of every page and file (hashInputs, then each
// task's sum), as Incremental.Render makes them before it renders.
func BenchmarkInputSums(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			site := loadBenchSite(b, size.items).load(b)
			r, err := newRenderer(themes.Default())
			if err != nil {
				b.Fatal(err)
			}
			r.reset(site)
			pages := buildPages(site, r.summary)
			b.ReportAllocs()
			var cpu cpuMeter
			loops := 0
			cpu.begin()
			for b.Loop() {
				loops++
				f, err := hashInputs(r, themes.Default())
				if err != nil || f == nil {
					b.Fatal("no input sums", err)
				}
				for _, p := range pages {
					f.task(task{key: p.File(), page: p})
				}
			}
			cpu.end()
			cpu.report(b, loops)
		})
	}
}

// BenchmarkIncrementalEdit is the preview's render after an edit of one
// work item's text: the edited site alternates with the original, so that
// every loop renders one edit, with the late files deferred as the preview
// serves it first (the catch-up render without deferLate is not timed).
func BenchmarkIncrementalEdit(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			s := loadBenchSite(b, size.items)
			sites := [2]*Site{s.load(b), s.load(b)}
			sites[1].Duties[0].Items[0].Text += "（已修改）"
			mem := output.NewMemory()
			inc := Incremental{Templates: themes.Default()}
			render := func(site *Site, deferLate bool) {
				if _, err := inc.Render(site, themes.Default(), mem, deferLate); err != nil {
					b.Fatal(err)
				}
				mem.Commit()
			}
			render(sites[0], false)
			b.ReportAllocs()
			var cpu cpuMeter
			loops := 0
			for b.Loop() {
				loops++
				cpu.begin()
				render(sites[loops%2], true)
				cpu.end()
				b.StopTimer()
				render(sites[loops%2], false)
				b.StartTimer()
			}
			cpu.report(b, loops)
		})
	}
}
