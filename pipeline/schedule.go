package pipeline

import (
	"context"
	"time"

	"github.com/robfig/cron/v3"

	"qingdan/period"
)

// Job is one report kind and the cron schedule it is produced on.
type Job struct {
	Kind     string        // "evaluation" or "filing"
	Spec     string        // the cron spec as written, for status
	Schedule cron.Schedule // read in Asia/Shanghai time
}

// next is the schedule's first fire time after t, in Asia/Shanghai time;
// zero if it never fires again.
func next(s cron.Schedule, t time.Time) time.Time {
	return s.Next(t.In(period.Zone))
}

// DueAt is when period p falls due on schedule s: the first fire time at or
// after the end of p. It is zero when the schedule never fires after it.
func DueAt(s cron.Schedule, p period.Period) time.Time {
	return next(s, p.End().Add(-time.Second))
}

// Due lists the periods from first on that have fallen due on schedule s
// by now, oldest first.
func Due(s cron.Schedule, first period.Period, now time.Time) []period.Period {
	var due []period.Period
	for p := first; ; p = p.Next() {
		at := DueAt(s, p)
		if at.IsZero() || at.After(now) {
			return due
		}
		due = append(due, p)
	}
}

// isLate reports whether a filing produced at was made on a later day
// (Asia/Shanghai) than the day it fell due: the machine was off, or every
// attempt that day failed.
func isLate(due, at time.Time) bool {
	dy, dm, dd := due.In(period.Zone).Date()
	ay, am, ad := at.In(period.Zone).Date()
	return time.Date(ay, am, ad, 0, 0, 0, 0, time.UTC).After(time.Date(dy, dm, dd, 0, 0, 0, 0, time.UTC))
}

// backoff is the wait after the n-th failed attempt (n >= 1): base,
// doubled after each further failure, at most max.
func backoff(n int, base, max time.Duration) time.Duration {
	d := base
	for i := 1; i < n && d < max; i++ {
		d *= 2
	}
	return min(d, max)
}

// Clock tells the daemon the time and lets it wait; tests pass a fake one.
type Clock interface {
	Now() time.Time
	// Wait returns when until has come or ctx is done (with ctx's error).
	// It may return early; the caller checks Now again.
	Wait(ctx context.Context, until time.Time) error
}

// RealClock is the system clock. It waits at most a minute at a time, so
// that a machine resumed from sleep notices the hour it slept through.
type RealClock struct{}

// Now returns the current time.
func (RealClock) Now() time.Time { return time.Now() }

// Wait sleeps until until, for at most a minute, or until ctx is done.
func (RealClock) Wait(ctx context.Context, until time.Time) error {
	t := time.NewTimer(min(time.Until(until), time.Minute))
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
