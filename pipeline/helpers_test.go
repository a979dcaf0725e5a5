package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"qingdan/config"
	"qingdan/period"
)

// at parses a Shanghai wall-clock time "2026-01-20 10:00".
func at(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := time.ParseInLocation(stamp, s, period.Zone)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// fakeClock is a Clock whose Wait jumps to the time waited for. Past stop,
// it cancels the daemon instead.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	stop   time.Time
	cancel context.CancelFunc
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

func (c *fakeClock) Wait(ctx context.Context, until time.Time) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.stop.IsZero() && until.After(c.stop) {
		c.now = c.stop
		c.cancel()
		return ctx.Err()
	}
	c.now = until
	return nil
}

// fakeReports is a Producer that makes two files per filing, with Chinese
// names, and counts its calls.
type fakeReports struct {
	mu     sync.Mutex
	calls  map[string]int // "kind period" -> calls
	fail   func(kind string, p period.Period) error
	data   string  // added to the JSON: what the case files say now
	issues []Issue // every Issue it was given
}

var titles = map[string]string{"evaluation": "案卷评查报告", "filing": "重大征收或处罚决定备案报告"}

func (r *fakeReports) produce(ctx context.Context, kind string, p period.Period, is Issue) ([]File, error) {
	r.mu.Lock()
	if r.calls == nil {
		r.calls = map[string]int{}
	}
	r.calls[kind+" "+p.String()]++
	r.issues = append(r.issues, is)
	data := r.data
	r.mu.Unlock()
	if r.fail != nil {
		if err := r.fail(kind, p); err != nil {
			return nil, err
		}
	}
	files := fakeFiles(kind, p)
	if data == "" && is.Corrects == nil {
		return files, nil
	}
	for i := range files {
		if strings.HasSuffix(files[i].Name, ".json") {
			files[i].Data = append(files[i].Data, data...)
		}
	}
	if c := is.Corrects; c != nil {
		// As reports does: a correction that changes nothing is refused.
		for _, f := range c.Files {
			if strings.HasSuffix(f.Name, ".json") && string(f.Data) == string(files[1].Data) {
				return nil, fmt.Errorf("nothing changed since %s", c.Number)
			}
		}
		for i := range files {
			ext := filepath.Ext(files[i].Name)
			files[i].Name = strings.TrimSuffix(files[i].Name, ext) + "-更正-" + is.Number + ext
		}
	}
	return files, nil
}

func fakeFiles(kind string, p period.Period) []File {
	name := fmt.Sprintf("%v-%s", p, titles[kind])
	return []File{
		{Name: name + ".pdf", Data: []byte(fmt.Sprintf("%%PDF-1.7\n%%\xe2\xe3\xcf\xd3\x00\n%s %v 第 1 页 共 1 页\n%%%%EOF\n", titles[kind], p))},
		{Name: name + ".json", Data: []byte(fmt.Sprintf("{\"kind\":%q,\"period\":%q}\n", kind, p))},
	}
}

func (r *fakeReports) count(kind string, p period.Period) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.calls[kind+" "+p.String()]
}

// jobs parses cron specs the way site.toml's are parsed.
func jobs(t testing.TB, specs ...string) []Job {
	t.Helper()
	var out []Job
	for i, kind := range []string{"evaluation", "filing"}[:len(specs)] {
		s, err := config.ParseCron(specs[i])
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, Job{Kind: kind, Spec: specs[i], Schedule: s})
	}
	return out
}

// options for a pipeline in a fresh folder: evaluation at 09:00 on 5
// January and July, filing at 09:00 on 10 January and July, from 2025H2.
func options(t testing.TB, clock Clock, r *fakeReports) Options {
	dir := t.TempDir()
	return Options{
		Jobs:       jobs(t, "0 9 5 1,7 *", "0 9 10 1,7 *"),
		First:      period.Period{Year: 2025, Half: 2},
		Ledger:     filepath.Join(dir, "ledger.jsonl"),
		Outbox:     filepath.Join(dir, "outbox"),
		Produce:    r.produce,
		Org:        "威县人口和计划生育局",
		Backoff:    10 * time.Minute,
		BackoffMax: time.Hour,
		Clock:      clock,
	}
}

func open(t testing.TB, o Options) *Pipeline {
	t.Helper()
	p, err := Open(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

// events summarises a ledger as "event kind period [late|channel]" lines.
func events(t testing.TB, o Options) []string {
	t.Helper()
	records, torn, err := ReadLedger(o.Ledger)
	if err != nil || torn != "" {
		t.Fatalf("ReadLedger: %v %s", err, torn)
	}
	var out []string
	for _, r := range records {
		s := fmt.Sprintf("%s %s %v", r.Event, r.Kind, r.Period)
		if r.Late {
			s += " late"
		}
		if r.Channel != "" {
			s += " " + r.Channel
		}
		out = append(out, s)
	}
	return out
}

// tree lists every file under dir with its contents' SHA-256, so tests can
// see partial and temporary files.
func tree(t testing.TB, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == filedDir {
			return filepath.SkipDir // the outbox's own record, tested apart
		}
		if d.IsDir() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		out = append(out, rel+" "+sumOf(data)[:12])
		return nil
	})
	sort.Strings(out)
	return out
}

// wantOutbox is the outbox holding exactly the filings of the given
// "kind period" pairs, complete, and nothing else.
func wantOutbox(pairs ...string) []string {
	var out []string
	for _, pair := range pairs {
		kind, ps, _ := strings.Cut(pair, " ")
		p, _ := period.Parse(ps)
		for _, f := range fakeFiles(kind, p) {
			out = append(out, filepath.Join(p.String(), f.Name)+" "+sumOf(f.Data)[:12])
		}
	}
	sort.Strings(out)
	return out
}

func equal(t testing.TB, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\ngot:\n  %s\nwant:\n  %s", what, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}
