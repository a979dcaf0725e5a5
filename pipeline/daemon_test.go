package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"qingdan/period"
)

var (
	h2025 = period.Period{Year: 2025, Half: 2}
	h2026 = period.Period{Year: 2026, Half: 1}
)

// The machine is off over the due days of 2025H2 (5 and 10 January) and
// started on 20 January: each kind is filed exactly once, late; the daemon
// then files 2026H1 on its due days, on time, and nothing twice.
func TestDownAcrossDueDate(t *testing.T) {
	clock := &fakeClock{now: at(t, "2025-12-20 08:00"), stop: at(t, "2025-12-31 23:00")}
	r := &fakeReports{}
	o := options(t, clock, r)

	// Runs in December: nothing is due yet.
	ctx, cancel := context.WithCancel(context.Background())
	clock.cancel = cancel
	p := open(t, o)
	if err := p.Run(ctx); err != nil {
		t.Fatal(err)
	}
	p.Close()
	equal(t, "ledger after December", events(t, o), nil)

	// Off until 20 January, then runs until 11 July.
	clock.set(at(t, "2026-01-20 10:00"))
	clock.stop = at(t, "2026-07-11 00:00")
	ctx, cancel = context.WithCancel(context.Background())
	clock.cancel = cancel
	p = open(t, o)
	if err := p.Run(ctx); err != nil {
		t.Fatal(err)
	}
	equal(t, "ledger", events(t, o), []string{
		"produced evaluation 2025H2 late",
		"produced filing 2025H2 late",
		"delivered evaluation 2025H2 outbox",
		"delivered filing 2025H2 outbox",
		"produced evaluation 2026H1",
		"delivered evaluation 2026H1 outbox",
		"produced filing 2026H1",
		"delivered filing 2026H1 outbox",
	})
	for _, k := range []string{"evaluation 2025H2", "filing 2025H2", "evaluation 2026H1", "filing 2026H1"} {
		kind, ps, _ := strings.Cut(k, " ")
		per, _ := period.Parse(ps)
		if n := r.count(kind, per); n != 1 {
			t.Errorf("%s produced %d times, want 1", k, n)
		}
	}
	var produced []string
	for _, rec := range p.Records() {
		if rec.Event == Produced {
			produced = append(produced, when(rec.At)+" due "+when(rec.Due))
		}
	}
	equal(t, "production times", produced, []string{
		"2026-01-20 10:00 due 2026-01-05 09:00",
		"2026-01-20 10:00 due 2026-01-10 09:00",
		"2026-07-05 09:00 due 2026-07-05 09:00",
		"2026-07-10 09:00 due 2026-07-10 09:00",
	})
	equal(t, "outbox", tree(t, o.Outbox), wantOutbox("evaluation 2025H2", "filing 2025H2", "evaluation 2026H1", "filing 2026H1"))
}

// Periods before first_period are never produced, however long ago they
// fell due.
func TestFirstPeriod(t *testing.T) {
	clock := &fakeClock{now: at(t, "2026-01-20 10:00")}
	o := options(t, clock, &fakeReports{})
	o.First = h2026
	p := open(t, o)
	p.CatchUp(context.Background())
	equal(t, "ledger", events(t, o), nil)
}

func TestSecondDaemonRefused(t *testing.T) {
	clock := &fakeClock{now: at(t, "2026-01-20 10:00")}
	o := options(t, clock, &fakeReports{})
	first := open(t, o)
	_, err := Open(o)
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "PID "+strconv.Itoa(os.Getpid())) {
		t.Fatalf("second Open: %v, want ErrLocked naming PID %d", err, os.Getpid())
	}
	// The first one runs as if alone.
	first.CatchUp(context.Background())
	if got := len(events(t, o)); got != 4 {
		t.Errorf("first daemon wrote %d ledger lines, want 4", got)
	}
	first.Close()
	second, err := Open(o)
	if err != nil {
		t.Fatalf("Open after the first closed: %v", err)
	}
	second.Close()
}

// A producer that fails or panics files nothing; the failure is in the
// ledger, and the filing is made once at the first retry after the
// backoff.
func TestProducerFailsThenSucceeds(t *testing.T) {
	for _, how := range []string{"error", "panic"} {
		t.Run(how, func(t *testing.T) {
			clock := &fakeClock{now: at(t, "2026-01-20 10:00")}
			failing := true
			r := &fakeReports{fail: func(kind string, p period.Period) error {
				if !failing || kind != "evaluation" {
					return nil
				}
				if how == "panic" {
					panic("index out of range")
				}
				return fmt.Errorf("case files have problems")
			}}
			o := options(t, clock, r)
			p := open(t, o)
			wake := p.CatchUp(context.Background())
			if want := at(t, "2026-01-20 10:10"); !wake.Equal(want) {
				t.Errorf("wake = %s, want the retry at %s", when(wake), when(want))
			}
			equal(t, "outbox after failure", tree(t, o.Outbox), wantOutbox("filing 2025H2"))
			p.CatchUp(context.Background()) // too early to retry
			failing = false
			clock.set(wake)
			p.CatchUp(context.Background())
			equal(t, "ledger", events(t, o), []string{
				"produce_failed evaluation 2025H2",
				"produced filing 2025H2 late",
				"delivered filing 2025H2 outbox",
				"produced evaluation 2025H2 late",
				"delivered evaluation 2025H2 outbox",
			})
			if n := r.count("evaluation", h2025); n != 2 {
				t.Errorf("evaluation produced %d times, want 2 (a failure, then the retry)", n)
			}
			equal(t, "outbox", tree(t, o.Outbox), wantOutbox("evaluation 2025H2", "filing 2025H2"))
		})
	}
}

// A crash between staging and the ledger line leaves staged, partial and
// temporary files. After restart the filing is produced once and nothing
// partial is ever in the outbox.
func TestRestartAfterCrashBeforeCommit(t *testing.T) {
	clock := &fakeClock{now: at(t, "2026-01-20 10:00")}
	r := &fakeReports{}
	o := options(t, clock, r)
	stage := filepath.Join(o.Outbox, ".staging", "2025H2", "evaluation")
	os.MkdirAll(stage, 0o755)
	os.WriteFile(filepath.Join(stage, "2025H2-案卷评查报告.pdf"), []byte("%PDF-1.7 half writ"), 0o644)
	os.WriteFile(filepath.Join(stage, ".2025H2-案卷评查报告.json.tmp-123"), []byte("{"), 0o644)

	p := open(t, o)
	p.CatchUp(context.Background())
	equal(t, "ledger", events(t, o), []string{
		"produced evaluation 2025H2 late",
		"produced filing 2025H2 late",
		"delivered evaluation 2025H2 outbox",
		"delivered filing 2025H2 outbox",
	})
	equal(t, "outbox", tree(t, o.Outbox), wantOutbox("evaluation 2025H2", "filing 2025H2"))
}

// A crash after the ledger line but before the outbox delivery: the
// restart delivers the staged files and never calls the producer again,
// even though it would now give other bytes.
func TestRestartAfterCrashAfterCommit(t *testing.T) {
	clock := &fakeClock{now: at(t, "2026-01-20 10:00")}
	r := &fakeReports{}
	o := options(t, clock, r)
	p := open(t, o)
	if _, err := p.commit("evaluation", h2025, at(t, "2026-01-05 09:00"), fakeFiles("evaluation", h2025), p.issue(p.now(), 1)); err != nil {
		t.Fatal(err)
	}
	p.Close()

	r.fail = func(string, period.Period) error { return errors.New("must not be called") }
	p = open(t, o)
	o.Jobs = o.Jobs[:1]
	p.o.Jobs = o.Jobs
	p.CatchUp(context.Background())
	if n := r.count("evaluation", h2025); n != 0 {
		t.Errorf("producer called %d times for a committed filing", n)
	}
	equal(t, "ledger", events(t, o), []string{
		"produced evaluation 2025H2 late",
		"delivered evaluation 2025H2 outbox",
	})
	equal(t, "outbox", tree(t, o.Outbox), wantOutbox("evaluation 2025H2"))
}

// A file changed by hand in the outbox is never overwritten: the delivery
// stays pending and says why; once the file is moved away, the filed copy
// is delivered.
func TestOutboxFileChangedByHand(t *testing.T) {
	clock := &fakeClock{now: at(t, "2026-01-20 10:00")}
	o := options(t, clock, &fakeReports{})
	o.Jobs = o.Jobs[:1]
	name := filepath.Join(o.Outbox, "2025H2", "2025H2-案卷评查报告.pdf")
	os.MkdirAll(filepath.Dir(name), 0o755)
	os.WriteFile(name, []byte("edited"), 0o644)
	p := open(t, o)
	wake := p.CatchUp(context.Background())
	recs := p.Records()
	if last := recs[len(recs)-1]; last.Event != DeliveryFailed || !strings.Contains(last.Error, "is not the filed file") {
		t.Fatalf("last record %+v, want a delivery failure naming the changed file", last)
	}
	os.Remove(name)
	clock.set(wake)
	p.CatchUp(context.Background())
	equal(t, "outbox", tree(t, o.Outbox), wantOutbox("evaluation 2025H2"))
}

// Cancelling (SIGTERM) while the producer runs files nothing and records
// no failure; the next start files the period once.
func TestStopWhileProducing(t *testing.T) {
	clock := &fakeClock{now: at(t, "2026-01-20 10:00")}
	ctx, cancel := context.WithCancel(context.Background())
	r := &fakeReports{fail: func(string, period.Period) error {
		cancel()
		return context.Canceled
	}}
	o := options(t, clock, r)
	p := open(t, o)
	if err := p.Run(ctx); err != nil {
		t.Fatalf("Run after SIGTERM = %v, want nil", err)
	}
	p.Close()
	equal(t, "ledger after stop", events(t, o), nil)
	equal(t, "outbox after stop", tree(t, o.Outbox), nil)

	r.fail = nil
	p = open(t, o)
	p.CatchUp(context.Background())
	equal(t, "outbox", tree(t, o.Outbox), wantOutbox("evaluation 2025H2", "filing 2025H2"))
}

func TestFileByHand(t *testing.T) {
	clock := &fakeClock{now: at(t, "2026-01-02 10:00")}
	r := &fakeReports{}
	o := options(t, clock, r)
	p := open(t, o)
	if _, _, err := p.File(context.Background(), "evaluation", h2026); err == nil || !strings.Contains(err.Error(), "has not ended") {
		t.Fatalf("filing an open period: %v", err)
	}
	rec, made, err := p.File(context.Background(), "evaluation", h2025)
	if err != nil || !made || rec.Late {
		t.Fatalf("File = %+v, %v, %v; want a new, timely filing", rec, made, err)
	}
	// On its due day the daemon finds it filed.
	clock.set(at(t, "2026-01-05 09:00"))
	p.CatchUp(context.Background())
	_, made, err = p.File(context.Background(), "evaluation", h2025)
	if err != nil || made {
		t.Fatalf("second File: made=%v, %v; want the existing filing", made, err)
	}
	if n := r.count("evaluation", h2025); n != 1 {
		t.Errorf("evaluation produced %d times, want 1", n)
	}
}
