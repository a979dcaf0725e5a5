package pipeline

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qingdan/period"
)

// Filings get 文号 in sequence per year of issue, dated the day they are
// produced (a late filing is not back-dated to its due day).
func TestNumbersAndDates(t *testing.T) {
	clock := &fakeClock{now: at(t, "2026-01-20 10:00")}
	r := &fakeReports{}
	o := options(t, clock, r)
	o.Number = "威人口〔{year}〕{n}号"
	p := open(t, o)
	p.CatchUp(context.Background())
	clock.set(at(t, "2026-07-05 09:00"))
	p.CatchUp(context.Background())
	var got []string
	for _, rec := range p.Records() {
		if rec.Event == Produced {
			got = append(got, rec.Kind+" "+rec.Period.String()+" "+rec.Number+" "+when(rec.At))
		}
	}
	equal(t, "numbers", got, []string{
		"evaluation 2025H2 威人口〔2026〕1号 2026-01-20 10:00",
		"filing 2025H2 威人口〔2026〕2号 2026-01-20 10:00",
		"evaluation 2026H1 威人口〔2026〕3号 2026-07-05 09:00",
	})
	if is := r.issues[0]; is.Number != "威人口〔2026〕1号" || when(is.Date) != "2026-01-20 10:00" || is.Version != 1 || is.Corrects != nil {
		t.Errorf("first issue %+v, want number 1 dated on the day it was made", is)
	}
}

// A failed attempt takes no number: the next success gets it, and no
// number is ever given twice.
func TestNumberNotUsedByFailure(t *testing.T) {
	clock := &fakeClock{now: at(t, "2026-01-20 10:00")}
	r := &fakeReports{fail: func(kind string, p period.Period) error {
		if kind == "evaluation" {
			return errors.New("case files have errors")
		}
		return nil
	}}
	o := options(t, clock, r)
	o.Number = "威人口〔{year}〕{n}号"
	p := open(t, o)
	p.CatchUp(context.Background())
	r.fail = nil
	clock.set(at(t, "2026-01-20 10:10"))
	p.CatchUp(context.Background())
	seen := map[string]bool{}
	for _, rec := range p.Records() {
		if rec.Event == Produced {
			if seen[rec.Number] {
				t.Errorf("number %s given twice", rec.Number)
			}
			seen[rec.Number] = true
		}
	}
	if !seen["威人口〔2026〕1号"] || !seen["威人口〔2026〕2号"] || len(seen) != 2 {
		t.Errorf("numbers %v, want 1号 and 2号", seen)
	}
}

// A correction is a new version with its own number, naming the filing
// it corrects; both stay in the ledger and the outbox, each delivered
// once, and the same correction run again changes nothing.
func TestCorrection(t *testing.T) {
	srv := startSMTP(t, 0)
	clock := &fakeClock{now: at(t, "2026-01-20 10:00")}
	r := &fakeReports{}
	o := options(t, clock, r)
	o.Number = "威人口〔{year}〕{n}号"
	o.Mail = &SMTP{Host: "127.0.0.1", Port: srv.port(), From: "rkjsj@weixian.gov.cn", To: []string{"fzb@weixian.gov.cn"}}
	p := open(t, o)
	p.CatchUp(context.Background())
	first := p.latest("evaluation", h2025).Produced
	before := tree(t, o.Outbox)

	if _, err := p.Correct(context.Background(), "evaluation", h2025, "补充评查人员评分"); err == nil || !strings.Contains(err.Error(), "nothing changed") {
		t.Fatalf("correcting unchanged data: %v, want a refusal", err)
	}
	if _, err := p.Correct(context.Background(), "evaluation", h2026, "x"); err == nil {
		t.Fatal("corrected a period never filed")
	}
	if _, err := p.Correct(context.Background(), "evaluation", h2025, " "); err == nil {
		t.Fatal("corrected without a reason")
	}

	clock.set(at(t, "2026-02-03 15:00"))
	r.data = "R06 评分已补"
	rec, err := p.Correct(context.Background(), "evaluation", h2025, "补充评查人员评分")
	if err != nil {
		t.Fatal(err)
	}
	if rec.Version != 2 || rec.Number != "威人口〔2026〕3号" || rec.Corrects != first.Number || rec.Reason != "补充评查人员评分" || when(rec.At) != "2026-02-03 15:00" {
		t.Errorf("correction record %+v", rec)
	}
	is := r.issues[len(r.issues)-1]
	if c := is.Corrects; c == nil || c.Number != first.Number || !c.Date.Equal(first.At) || len(c.Files) != 2 || c.Sums[0].SHA256 != first.Files[0].SHA256 {
		t.Fatalf("the producer was not told what it corrects: %+v", is.Corrects)
	}
	// Run again: nothing changed since the correction, nothing is filed.
	if _, err := p.Correct(context.Background(), "evaluation", h2025, "补充评查人员评分"); err == nil {
		t.Fatal("the same correction was filed twice")
	}
	after := tree(t, o.Outbox)
	for _, f := range before {
		if !strings.Contains(strings.Join(after, "\n"), f) {
			t.Errorf("outbox lost or changed %s", f)
		}
	}
	if len(after) != len(before)+2 {
		t.Errorf("outbox after the correction:\n%s", strings.Join(after, "\n"))
	}
	// Refused corrections leave no record; the one filed, three.
	equal(t, "ledger", events(t, o)[6:], []string{
		"produced evaluation 2025H2",
		"delivered evaluation 2025H2 outbox",
		"delivered evaluation 2025H2 email",
	})
	msgs := srv.received()
	if len(msgs) != 2 {
		t.Fatalf("%d messages, want the filing and the correction", len(msgs))
	}
	m := parseMail(t, msgs[1])
	if !strings.Contains(m.subject, "更正") || len(m.files) != 2 || !strings.Contains(m.body, "威人口〔2026〕3号") {
		t.Errorf("correction mail: subject %q, %d files, body %q", m.subject, len(m.files), m.body)
	}
	// A daemon started later finds nothing to do.
	p.Close()
	p = open(t, o)
	p.CatchUp(context.Background())
	if n := len(srv.received()); n != 2 {
		t.Errorf("%d messages after a restart, want 2", n)
	}
}

// The outbox's own record survives the ledger: a deleted or emptied ledger
// (or an old backup) is refused, files nothing and mails nothing, and
// recover rebuilds it so that the daemon goes on without filing twice.
func TestLostLedger(t *testing.T) {
	for _, lose := range []string{"deleted", "emptied", "old backup"} {
		t.Run(lose, func(t *testing.T) {
			srv := startSMTP(t, 0)
			clock := &fakeClock{now: at(t, "2026-01-20 10:00")}
			r := &fakeReports{}
			o := options(t, clock, r)
			o.Number = "威人口〔{year}〕{n}号"
			o.Mail = &SMTP{Host: "127.0.0.1", Port: srv.port(), From: "rkjsj@weixian.gov.cn", To: []string{"fzb@weixian.gov.cn"}}
			p := open(t, o)
			backup, _ := os.ReadFile(o.Ledger) // empty: before the first filing
			p.CatchUp(context.Background())
			if lose == "old backup" {
				// A backup taken after producing, before the e-mail.
				records := p.Records()
				p.Close()
				os.Remove(o.Ledger)
				l, _, _ := OpenLedger(o.Ledger)
				for _, rec := range records {
					if rec.Channel != Email {
						l.Append(rec)
					}
				}
				l.Close()
			} else {
				p.Close()
				if lose == "deleted" {
					os.Remove(o.Ledger)
				} else {
					os.WriteFile(o.Ledger, backup, 0o644)
				}
			}
			outbox := tree(t, o.Outbox)
			if _, err := Open(o); !errors.Is(err, ErrLedgerLost) || !strings.Contains(err.Error(), "pipeline recover") {
				t.Fatalf("Open on a lost ledger: %v, want ErrLedgerLost", err)
			}
			var status strings.Builder
			WriteStatus(&status, o, clock.Now())
			if !strings.Contains(status.String(), "pipeline recover") {
				t.Errorf("status does not tell of the lost ledger:\n%s", status.String())
			}
			n, err := Recover(o)
			if err != nil || n == 0 {
				t.Fatalf("Recover = %d, %v", n, err)
			}
			if n, err := Recover(o); err != nil || n != 0 {
				t.Errorf("second Recover = %d, %v; want nothing to add", n, err)
			}
			p = open(t, o)
			p.CatchUp(context.Background())
			for _, k := range []string{"evaluation", "filing"} {
				if c := r.count(k, h2025); c != 1 {
					t.Errorf("%s produced %d times, want 1", k, c)
				}
			}
			if got := len(srv.received()); got != 1 {
				t.Errorf("%d messages, want 1", got)
			}
			equal(t, "outbox", tree(t, o.Outbox), outbox)
			// The numbers come back with the records: the next one is new.
			if next := p.nextSeq(2026); next != 3 {
				t.Errorf("next number %d after recovery, want 3", next)
			}
		})
	}
}

// The evaluation waits, up to HoldDays after its due time, while the hold
// says case files await review; status says why. The filing does not.
func TestWaitForReviews(t *testing.T) {
	clock := &fakeClock{now: at(t, "2026-07-05 09:00")}
	r := &fakeReports{}
	o := options(t, clock, r)
	o.First = h2026
	o.HoldDays = 10
	waiting := "2 件案卷尚无评查人员评分（A、B）"
	o.Hold = func(kind string, p period.Period) string {
		if kind == "evaluation" {
			return waiting
		}
		return ""
	}
	p := open(t, o)
	wake := p.CatchUp(context.Background())
	if r.count("evaluation", h2026) != 0 || when(wake) != "2026-07-05 10:00" {
		t.Fatalf("due with reviews pending: produced %d, wake %s; want a wait, asked again in an hour", r.count("evaluation", h2026), when(wake))
	}
	var status strings.Builder
	WriteStatus(&status, o, clock.Now())
	if !strings.Contains(status.String(), StateWaiting) || !strings.Contains(status.String(), waiting) || !strings.Contains(status.String(), "2026-07-15 09:00") {
		t.Errorf("status does not say why it waits and until when:\n%s", status.String())
	}
	// The reviews come in: it is filed at the next check.
	waiting = ""
	clock.set(wake)
	p.CatchUp(context.Background())
	if r.count("evaluation", h2026) != 1 {
		t.Errorf("reviews done: evaluation produced %d times, want 1", r.count("evaluation", h2026))
	}

	// Reviews that never come: filed once the wait is over.
	r2 := &fakeReports{}
	o2 := options(t, clock, r2)
	o2.First, o2.HoldDays = h2026, 10
	o2.Hold = func(kind string, p period.Period) string { return "1 件案卷尚无评查人员评分（A）" }
	clock.set(at(t, "2026-07-15 08:59"))
	p2 := open(t, o2)
	p2.CatchUp(context.Background())
	if r2.count("evaluation", h2026) != 0 {
		t.Fatal("filed before the wait was over")
	}
	clock.set(at(t, "2026-07-15 09:00"))
	p2.CatchUp(context.Background())
	if r2.count("evaluation", h2026) != 1 {
		t.Errorf("after the wait: produced %d, want 1", r2.count("evaluation", h2026))
	}
}

// The outbox's record of a filing is written when it enters the outbox,
// and holds its deliveries.
func TestOutboxRecord(t *testing.T) {
	clock := &fakeClock{now: at(t, "2026-01-20 10:00")}
	o := options(t, clock, &fakeReports{})
	p := open(t, o)
	p.CatchUp(context.Background())
	filed, err := ReadFiled(o.Outbox)
	if err != nil || len(filed) != 2 {
		t.Fatalf("ReadFiled = %d, %v", len(filed), err)
	}
	for _, f := range filed {
		if _, ok := f.Delivered[Outbox]; !ok || len(f.Produced.Files) != 2 {
			t.Errorf("outbox record %+v lacks its files or its delivery", f)
		}
	}
	if _, err := os.Stat(filepath.Join(o.Outbox, filedDir, "2025H2-evaluation-v1.json")); err != nil {
		t.Error(err)
	}
}

// An outbox filled before the outbox kept its own record gets one at the
// next start, so a ledger lost later is still noticed.
func TestOutboxRecordBackfilled(t *testing.T) {
	clock := &fakeClock{now: at(t, "2026-01-20 10:00")}
	o := options(t, clock, &fakeReports{})
	p := open(t, o)
	p.CatchUp(context.Background())
	p.Close()
	os.RemoveAll(filepath.Join(o.Outbox, filedDir))
	p = open(t, o)
	p.Close()
	os.Remove(o.Ledger)
	if _, err := Open(o); !errors.Is(err, ErrLedgerLost) {
		t.Fatalf("Open after losing the ledger of an old outbox: %v, want ErrLedgerLost", err)
	}
}

// A correction committed by a run cut short before delivery is delivered
// by the next run of correct, which then files nothing more.
func TestCorrectionCutShortDelivered(t *testing.T) {
	clock := &fakeClock{now: at(t, "2026-01-20 10:00")}
	r := &fakeReports{}
	o := options(t, clock, r)
	p := open(t, o)
	p.CatchUp(context.Background())
	r.data = "R06 评分已补"
	is := p.issue(p.now(), 2)
	first := p.latest("evaluation", h2025).Produced
	is.Corrects = &Filed{Number: first.Number, Date: first.At, Sums: first.Files}
	is.Reason = "补充评分"
	files, _ := r.produce(context.Background(), "evaluation", h2025, Issue{Number: "x", Corrects: &Filed{}})
	if _, err := p.commit("evaluation", h2025, time.Time{}, files, is); err != nil {
		t.Fatal(err)
	}
	p.Close()
	p = open(t, o)
	if _, err := p.Correct(context.Background(), "evaluation", h2025, "补充评分"); err == nil {
		t.Fatal("the same correction was filed again")
	}
	if f := p.version("evaluation", h2025, 2); f.Delivered[Outbox].IsZero() {
		t.Error("the committed correction was not delivered")
	}
}
