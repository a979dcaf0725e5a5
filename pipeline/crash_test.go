package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"qingdan/period"
)

// bigFiles makes filings large enough that a kill often lands while they
// are being written.
func bigFiles(ctx context.Context, kind string, p period.Period, is Issue) ([]File, error) {
	body := bytes.Repeat([]byte("案卷评查 "+kind+" "+p.String()+"\n"), 200_000)
	return []File{{Name: p.String() + "-" + titles[kind] + ".pdf", Data: body}}, nil
}

func crashOptions(dir string, clock Clock) Options {
	o := Options{
		First:      period.Period{Year: 2025, Half: 2},
		Ledger:     filepath.Join(dir, "ledger.jsonl"),
		Outbox:     filepath.Join(dir, "outbox"),
		Produce:    bigFiles,
		Backoff:    time.Minute,
		BackoffMax: time.Hour,
		Clock:      clock,
	}
	return o
}

// The daemon is killed (SIGKILL, no chance to clean up) at various points
// of producing and delivering. After a restart each filing is made once,
// the outbox holds only complete filed files, and no staging is left.
func TestKilledMidWrite(t *testing.T) {
	if dir := os.Getenv("QINGDAN_PIPELINE_CRASH_DIR"); dir != "" {
		clock := &fakeClock{now: at(t, "2026-01-20 10:00")}
		o := crashOptions(dir, clock)
		o.Jobs = jobs(t, "0 9 5 1,7 *", "0 9 10 1,7 *")
		o.Produce = func(ctx context.Context, kind string, p period.Period, is Issue) ([]File, error) {
			fmt.Println("producing", kind, p) // tells the parent to start its countdown
			return bigFiles(ctx, kind, p, is)
		}
		p := open(t, o)
		p.CatchUp(context.Background())
		return
	}
	for _, delay := range []time.Duration{0, time.Millisecond, 3 * time.Millisecond, 10 * time.Millisecond, 30 * time.Millisecond, 100 * time.Millisecond} {
		dir := t.TempDir()
		cmd := exec.Command(os.Args[0], "-test.run=^TestKilledMidWrite$")
		cmd.Env = append(os.Environ(), "QINGDAN_PIPELINE_CRASH_DIR="+dir)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line, _ := bufio.NewReader(out).ReadString('\n')
		if !strings.HasPrefix(line, "producing") {
			t.Fatalf("child said %q", line)
		}
		time.Sleep(delay)
		cmd.Process.Kill()
		cmd.Wait()

		clock := &fakeClock{now: at(t, "2026-01-21 10:00")}
		o := crashOptions(dir, clock)
		o.Jobs = jobs(t, "0 9 5 1,7 *", "0 9 10 1,7 *")
		p := open(t, o)
		p.CatchUp(context.Background())
		p.Close()

		produced := map[string]int{}
		for _, r := range p.Records() {
			if r.Event == Produced {
				produced[r.Kind]++
			}
		}
		if produced["evaluation"] != 1 || produced["filing"] != 1 {
			t.Errorf("kill after %v: produced %v, want each kind once", delay, produced)
		}
		var want []string
		for _, kind := range []string{"evaluation", "filing"} {
			files, _ := bigFiles(context.Background(), kind, h2025, Issue{})
			want = append(want, filepath.Join("2025H2", files[0].Name)+" "+sumOf(files[0].Data)[:12])
		}
		sort.Strings(want)
		equal(t, fmt.Sprintf("outbox after kill at %v", delay), tree(t, o.Outbox), want)
	}
}
