package pipeline

import (
	"fmt"
	"io"
	"sort"
	"text/tabwriter"
	"time"

	"qingdan/period"
)

// States of a filing, as status shows them.
const (
	StateUpcoming  = "upcoming"  // 未到期: the period has not fallen due
	StateDue       = "due"       // 到期未生成: due, not produced yet
	StateWaiting   = "waiting"   // 等待评查: due, held while case files await a reviewer's score
	StatePending   = "pending"   // 已生成待报送: produced, a delivery is waiting
	StateDelivered = "delivered" // 已报送: produced and delivered on every channel
)

const stamp = "2006-01-02 15:04"

// WriteStatus prints, for people, when each job runs next and the state of
// every filing from o.First to the current period and of every filing in
// the ledger. It reads the ledger without taking the lock, so it works
// while the daemon runs.
func WriteStatus(w io.Writer, o Options, now time.Time) error {
	records, torn, err := ReadLedger(o.Ledger)
	if err != nil {
		return err
	}
	now = now.In(period.Zone)
	bw := &errWriter{w: w}
	fmt.Fprintf(bw, "报送流水线状态 / pipeline status at %s (Asia/Shanghai)\n", now.Format(stamp))
	if torn != "" {
		fmt.Fprintf(bw, "warning: %s\n", torn)
	}
	if err := checkLedger(o.Ledger, records, o.Outbox); err != nil {
		fmt.Fprintf(bw, "\n%v\n", err)
	}
	fmt.Fprintf(bw, "\n下次运行 / next runs\n")
	tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "KIND\tSPEC\tNEXT")
	for _, j := range o.Jobs {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", j.Kind, j.Spec, when(next(j.Schedule, now)))
	}
	if len(o.Jobs) == 0 {
		fmt.Fprintln(tw, "-\tno schedule in site.toml\t-")
	}
	tw.Flush()

	all := filings(records)
	due := map[key]time.Time{}
	for _, j := range o.Jobs {
		for per := o.First; !now.Before(per.Start()); per = per.Next() {
			k := key{j.Kind, per, 1}
			due[k] = DueAt(j.Schedule, per)
			if all[k] == nil {
				all[k] = &filing{Kind: j.Kind, Period: per, Version: 1}
			}
		}
	}
	var list []*filing
	for _, f := range all {
		list = append(list, f)
	}
	sort.Slice(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if a.Period != b.Period {
			return a.Period.Before(b.Period)
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		return a.Version < b.Version
	})

	fmt.Fprintf(bw, "\n台账 / ledger: %s, %d records\n", o.Ledger, len(records))
	tw = tabwriter.NewWriter(bw, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "PERIOD\tKIND\tSTATE\tNUMBER\tDUE\tPRODUCED\tOUTBOX\tEMAIL")
	var problems []string
	for _, f := range list {
		d := due[key{f.Kind, f.Period, f.Version}]
		produced := "-"
		switch {
		case f.Produced != nil:
			produced = when(f.Produced.At)
			if f.Produced.Late {
				produced += " late"
			}
		case f.Failed.N > 0:
			produced = fmt.Sprintf("%d failed", f.Failed.N)
			problems = append(problems, fmt.Sprintf("%v %s: producing, attempt %d at %s: %s", f.Period, f.Kind, f.Failed.N, when(f.Failed.Last), f.Failed.Error))
		}
		channel := func(c string) string {
			if at, ok := f.Delivered[c]; ok {
				return when(at)
			}
			if a, ok := f.Pending[c]; ok {
				problems = append(problems, fmt.Sprintf("%v %s: delivering by %s, attempt %d at %s: %s", f.Period, f.Kind, c, a.N, when(a.Last), a.Error))
				return fmt.Sprintf("%d failed", a.N)
			}
			return "-"
		}
		outbox, email := channel(Outbox), "off"
		if o.Mail != nil {
			email = channel(Email)
		}
		st := state(f, d, now, o.Mail != nil)
		if st == StateDue {
			if why, until := held(o, dueFiling{f.Kind, f.Period, d}, now); why != "" {
				st = StateWaiting
				problems = append(problems, fmt.Sprintf("%v %s: %s", f.Period, f.Kind, waitingReviews.S(why, when(until))))
			}
		}
		kind := f.Kind
		if f.Version > 1 {
			kind += fmt.Sprintf(" 更正%d", f.Version-1)
		}
		number := "-"
		if f.Produced != nil && f.Produced.Number != "" {
			number = f.Produced.Number
		}
		fmt.Fprintf(tw, "%v\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", f.Period, kind, st, number, when(d), produced, outbox, email)
	}
	tw.Flush()
	fmt.Fprintln(bw, "\n状态 / states: upcoming 未到期 · due 到期未生成 · waiting 等待评查 · pending 已生成待报送 · delivered 已报送")
	if len(problems) > 0 {
		fmt.Fprintln(bw, "\n问题 / problems (retried with backoff until they succeed):")
		for _, p := range problems {
			fmt.Fprintf(bw, "  %s\n", p)
		}
	}
	return bw.err
}

// state is the one-word state of f, due at due.
func state(f *filing, due, now time.Time, mail bool) string {
	_, inOutbox := f.Delivered[Outbox]
	_, mailed := f.Delivered[Email]
	switch {
	case f.Produced == nil && (due.IsZero() || due.After(now)):
		return StateUpcoming
	case f.Produced == nil:
		return StateDue
	case !inOutbox || (mail && !mailed):
		return StatePending
	}
	return StateDelivered
}

// when formats t in Asia/Shanghai time; "-" for the zero time.
func when(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.In(period.Zone).Format(stamp)
}

// errWriter keeps the first write error, so that status can write freely
// and check once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(b []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(b)
	e.err = err
	return n, err
}
