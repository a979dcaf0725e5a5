// Package pipeline files the semiannual compliance reports: it works out
// which (report kind, period) pairs are due, produces each exactly once,
// records it in an append-only ledger, and delivers it into the outbox
// folder and, when configured, by e-mail. It does not know how a report is
// made: the caller passes a Producer.
//
// # When a period is due
//
// A period is due for a kind when the kind's cron schedule (read in
// Asia/Shanghai time) has fired at or after the period's end and at or
// before now. At start, and at every fire time of every schedule, the
// daemon produces every due period from the configured first period on
// that the ledger does not yet hold. A machine that was off on the due day
// therefore files at its next start; the filing is marked late when it is
// made on a later day than it fell due. robfig/cron parses the specs and
// computes fire times; the loop is our own so that a Clock can drive it in
// tests, and so that one function (CatchUp) is the whole job.
//
// # Exactly once
//
// The ledger line "produced" is the commit point. Producing a filing is:
//
//  1. the Producer makes the files in memory;
//  2. they are written, each atomically, into a staging folder
//     outbox/.staging/<period>/<kind>/, and synced to disk;
//  3. the "produced" record, with each file's SHA-256, is appended to the
//     ledger and synced: from here on the filing exists and is never made
//     again, whatever the case files say later.
//
// A crash or SIGTERM before step 3 leaves at most a staging folder that no
// one reads; the next attempt removes it and produces again. Nothing a
// reader can see (the outbox period folders, e-mail) comes from an
// uncommitted filing.
//
// # Delivery
//
// Delivery starts from the ledger, never from the Producer. Outbox delivery
// checks each staged file's SHA-256 against the ledger and renames it into
// outbox/<period>/; a file already there with the right hash counts as
// delivered, one with another hash stops the delivery (the outbox copy was
// changed by hand). E-mail delivery re-reads the files from the outbox
// folder, checks their hashes, and sends one message per period with every
// filing of that period that is waiting. A failed delivery is recorded as
// "delivery_failed" and retried with doubling backoff; it stays pending
// until it succeeds. E-mail is at least once: a crash between the server's
// acceptance and the ledger line sends it again, with the same Message-ID.
//
// The server's 250 to the message is delivery: a connection dropped after
// it does not send the mail again. Every step of a conversation has a
// timeout, and a stopped daemon (SIGTERM) ends a conversation at once.
//
// # Numbers, dates and corrections
//
// Each filing is issued under a 文号 made from Options.Number, whose {n}
// counts the filings of the year of issue; the number is taken by the
// "produced" record, so a failed attempt takes none and none is given
// twice. A filing is dated the day it is produced, never back-dated to its
// due day. Correct re-issues a filed report as a new version (2, 3, …)
// with its own number, naming the version it corrects; earlier versions
// stay in the ledger and the outbox, and the new one is delivered like the
// first. While Options.Hold says case files await review, a due filing
// waits, up to Options.HoldDays after its due time.
//
// # The outbox's own record
//
// Beside the filed files the outbox keeps outbox/.filed/, one record per
// filing with its "produced" record and its deliveries, written before the
// files enter the outbox and after each delivery. Open refuses
// (ErrLedgerLost) a ledger that lacks what those records hold, as a
// deleted, emptied or outdated ledger does, so nothing is filed or mailed
// twice; Recover appends what is missing. A last ledger line without its
// newline counts when it is a whole record.
//
// # One daemon
//
// Every process that writes the ledger holds an flock on Ledger+".lock"
// (the lock file holds its PID); a second one fails with ErrLocked. The
// kernel releases the lock when a process dies, so no stale lock remains.
package pipeline

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"time"

	"qingdan/period"
)

// File is one file of a filing: a PDF or its data as JSON. Name is a plain
// file name, no folders.
type File struct {
	Name string
	Data []byte
}

// Producer makes the files of one report kind for one period, in memory.
// It should give the same files for the same case files.
// The Issue says what the pipeline decided: number, date, version and,
// for a correction, the filing corrected.
type Producer func(ctx context.Context, kind string, p period.Period, is Issue) ([]File, error)

// Options configure a Pipeline.
type Options struct {
	Jobs       []Job         // the scheduled kinds
	First      period.Period // no period before it is produced by the schedule
	Ledger     string        // path of the ledger; the lock file is Ledger+".lock"
	Outbox     string        // the outbox folder
	Produce    Producer
	Number     string        // 文号 pattern such as 威人口〔{year}〕{n}号; "" gives no number
	Hold       Hold          // nil: never wait
	HoldDays   int           // how many days after the due time a held filing may wait
	Mail       Mailer        // nil: the outbox only
	Org        string        // the bureau's name, for e-mail
	Backoff    time.Duration // wait after a first failure; doubled after each
	BackoffMax time.Duration // longest wait between attempts
	Clock      Clock         // nil: RealClock
	Log        *log.Logger   // nil: no log
}

// Pipeline is an open ledger with its lock held.
type Pipeline struct {
	o      Options
	lockf  *os.File
	ledger *Ledger
}

// Open takes the pipeline lock and opens the ledger, creating the folders
// it needs. It fails with ErrLocked when another process holds the lock,
// and with ErrLedgerLost when the outbox's own record holds filings or
// deliveries the ledger lacks (run Recover).
func Open(o Options) (*Pipeline, error) {
	if o.Clock == nil {
		o.Clock = RealClock{}
	}
	if o.Log == nil {
		o.Log = log.New(io.Discard, "", 0)
	}
	if o.Backoff <= 0 || o.BackoffMax < o.Backoff {
		return nil, fmt.Errorf("retry backoff %v..%v is not a range of positive durations", o.Backoff, o.BackoffMax)
	}
	if err := os.MkdirAll(filepath.Dir(o.Ledger), 0o755); err != nil {
		return nil, fmt.Errorf("creating ledger folder: %w", err)
	}
	lockf, err := lock(o.Ledger + ".lock")
	if err != nil {
		return nil, err
	}
	ledger, torn, err := OpenLedger(o.Ledger)
	if err != nil {
		lockf.Close()
		return nil, err
	}
	if torn != "" {
		o.Log.Print(torn)
	}
	if err := checkLedger(o.Ledger, ledger.Records(), o.Outbox); err != nil {
		ledger.Close()
		lockf.Close()
		return nil, err
	}
	p := &Pipeline{o: o, lockf: lockf, ledger: ledger}
	p.backfillFiled()
	return p, nil
}

// Close closes the ledger and releases the lock.
func (p *Pipeline) Close() error {
	err := p.ledger.Close()
	if cerr := p.lockf.Close(); err == nil {
		err = cerr
	}
	return err
}

// Records returns the ledger's records, oldest first.
func (p *Pipeline) Records() []Record { return p.ledger.Records() }

// Run is the daemon: it catches up at once, then at every fire time of
// every schedule and whenever a failed attempt is due again, until ctx is
// done. A write under way when ctx is cancelled is finished or left
// uncommitted; Run then returns nil.
func (p *Pipeline) Run(ctx context.Context) error {
	p.o.Log.Printf("pipeline started, ledger %s, outbox %s", p.o.Ledger, p.o.Outbox)
	for {
		wake := p.CatchUp(ctx)
		for ctx.Err() == nil && (wake.IsZero() || p.now().Before(wake)) {
			if wake.IsZero() {
				<-ctx.Done()
				break
			}
			p.o.Clock.Wait(ctx, wake)
		}
		if ctx.Err() != nil {
			p.o.Log.Printf("pipeline stopped")
			return nil
		}
	}
}

// CatchUp produces every due filing the ledger lacks (unless its last
// failure is too recent), then delivers every filing still pending. It
// returns when it should run again: the next fire time or retry, whichever
// comes first; zero if never.
func (p *Pipeline) CatchUp(ctx context.Context) time.Time {
	now := p.now()
	var wake soonest
	for _, j := range p.o.Jobs {
		wake.add(next(j.Schedule, now))
	}
	for _, d := range p.due(now) {
		if ctx.Err() != nil {
			return time.Time{}
		}
		f := p.filing(d.kind, d.period)
		if f.Produced != nil {
			continue
		}
		if retry := p.retryAt(f.Failed); now.Before(retry) {
			wake.add(retry)
			continue
		}
		if why, until := held(p.o, d, now); why != "" {
			p.o.Log.Printf("%s %v: %s", d.kind, d.period, waitingReviews.S(why, when(until)))
			wake.add(now.Add(holdRecheck))
			wake.add(until)
			continue
		}
		if _, err := p.produce(ctx, d.kind, d.period, d.at); err != nil {
			wake.add(p.retryAt(p.filing(d.kind, d.period).Failed))
		}
	}
	p.deliver(ctx, &wake)
	if !wake.t.IsZero() && !wake.t.After(now) {
		// A failure the ledger could not record (a full disk) leaves a
		// retry time in the past; never loop faster than the backoff.
		return now.Add(p.o.Backoff)
	}
	return wake.t
}

// File produces kind for period per now, by hand, unless the ledger holds
// it already, then delivers whatever is pending. It returns the ledger's
// record of the filing and whether this call made it. Only a period that
// has ended can be filed.
func (p *Pipeline) File(ctx context.Context, kind string, per period.Period) (Record, bool, error) {
	now := p.now()
	if now.Before(per.End()) {
		return Record{}, false, fmt.Errorf("period %v has not ended (it ends %s); a filing covers a whole half year", per, per.End().Format("2006-01-02 15:04"))
	}
	if f := p.filing(kind, per); f.Produced != nil {
		return *f.Produced, false, nil
	}
	var due time.Time
	for _, j := range p.o.Jobs {
		if j.Kind == kind {
			due = DueAt(j.Schedule, per)
		}
	}
	rec, err := p.produce(ctx, kind, per, due)
	if err != nil {
		return Record{}, false, err
	}
	p.deliver(ctx, &soonest{})
	return rec, true, nil
}

// dueFiling is one (kind, period) that has fallen due, and when.
type dueFiling struct {
	kind   string
	period period.Period
	at     time.Time
}

// due lists every due (kind, period), oldest period first, kinds in the
// order of the jobs.
func (p *Pipeline) due(now time.Time) []dueFiling {
	var out []dueFiling
	for per := p.o.First; !per.End().After(now); per = per.Next() {
		for _, j := range p.o.Jobs {
			if at := DueAt(j.Schedule, per); !at.IsZero() && !at.After(now) {
				out = append(out, dueFiling{j.Kind, per, at})
			}
		}
	}
	return out
}

// filing is the ledger's current view of the first filing of (kind, per).
func (p *Pipeline) filing(kind string, per period.Period) *filing {
	return p.version(kind, per, 1)
}

// version is the ledger's current view of one version of (kind, per).
func (p *Pipeline) version(kind string, per period.Period, v int) *filing {
	if f := filings(p.ledger.Records())[key{kind, per, v}]; f != nil {
		return f
	}
	return &filing{Kind: kind, Period: per, Version: v}
}

// retryAt is when a step that failed a.N times may be tried again; the
// zero time when it never failed.
func (p *Pipeline) retryAt(a attempts) time.Time {
	if a.N == 0 {
		return time.Time{}
	}
	return a.Last.Add(backoff(a.N, p.o.Backoff, p.o.BackoffMax))
}

// soonest keeps the earliest of the times it is given, ignoring zeros.
type soonest struct{ t time.Time }

func (s *soonest) add(t time.Time) {
	if !t.IsZero() && (s.t.IsZero() || t.Before(s.t)) {
		s.t = t
	}
}

// now is the clock's time in Asia/Shanghai, as the ledger records it.
func (p *Pipeline) now() time.Time {
	return p.o.Clock.Now().In(period.Zone).Round(0)
}

// Hold says why the filing of kind for p should wait (case files still
// awaiting a reviewer's score), or "" when it need not. The pipeline waits
// at most Options.HoldDays days after the due time, then files anyway.
type Hold func(kind string, p period.Period) string

// holdRecheck is how often a held filing asks again whether it may go.
const holdRecheck = time.Hour

// held says why a due filing waits, and until when it may, or "" when it
// goes now.
func held(o Options, d dueFiling, now time.Time) (string, time.Time) {
	if o.Hold == nil || o.HoldDays <= 0 {
		return "", time.Time{}
	}
	until := d.at.AddDate(0, 0, o.HoldDays)
	if !now.Before(until) {
		return "", time.Time{}
	}
	return o.Hold(d.kind, d.period), until
}
