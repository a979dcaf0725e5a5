package pipeline

import (
	"context"
	"strings"
	"testing"
	"time"
)

var testMessage = Message{Subject: "测试", Body: "正文", Date: time.Date(2026, 1, 20, 10, 0, 0, 0, time.UTC), ID: "t@qingdan"}

// A server that stops answering fails the attempt at the step's timeout
// instead of holding the pipeline.
func TestSMTPTimeouts(t *testing.T) {
	for _, mode := range []string{"greeting", "data"} {
		t.Run(mode, func(t *testing.T) {
			srv := startSMTPMode(t, mode)
			s := &SMTP{Host: "127.0.0.1", Port: srv.port(), From: "a@b.cn", To: []string{"c@d.cn"},
				Timeouts: Timeouts{Command: 200 * time.Millisecond, Data: 200 * time.Millisecond}}
			err := s.Send(context.Background(), testMessage)
			if err == nil || !strings.Contains(err.Error(), "timeout") {
				t.Fatalf("Send to a hanging server = %v, want a timeout", err)
			}
		})
	}
}

// SIGTERM (a cancelled context) ends a send to a hanging server at once,
// whatever its timeouts; the attempt is neither delivered nor failed.
func TestSMTPStoppedWhileServerHangs(t *testing.T) {
	srv := startSMTPMode(t, "data")
	clock := &fakeClock{now: at(t, "2026-01-20 10:00")}
	o := options(t, clock, &fakeReports{})
	o.Mail = &SMTP{Host: "127.0.0.1", Port: srv.port(), From: "a@b.cn", To: []string{"c@d.cn"}} // default timeouts: minutes
	p := open(t, o)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		p.CatchUp(ctx)
		close(done)
	}()
	// Cancel once the daemon is waiting on the server's reply to the
	// message: the outbox is delivered by then.
	for !strings.Contains(strings.Join(events(t, o), "\n"), "delivered filing 2025H2 outbox") {
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	<-done // before the fix, this waited for the one-minute timeout
	for _, e := range events(t, o) {
		if strings.HasSuffix(e, "email") {
			t.Errorf("a stopped send was recorded: %s", e)
		}
	}
}

// A server that answers 250 to the message and then drops the connection
// has the message: it is delivered, and never sent again.
func TestSMTP250ThenDrop(t *testing.T) {
	srv := startSMTPMode(t, "drop")
	clock := &fakeClock{now: at(t, "2026-01-20 10:00")}
	o := options(t, clock, &fakeReports{})
	o.Mail = &SMTP{Host: "127.0.0.1", Port: srv.port(), From: "a@b.cn", To: []string{"c@d.cn"}}
	p := open(t, o)
	p.CatchUp(context.Background())
	clock.set(at(t, "2026-01-21 10:00"))
	p.CatchUp(context.Background())
	if n := len(srv.received()); n != 1 {
		t.Errorf("server took %d messages, want 1", n)
	}
	got := events(t, o)
	equal(t, "ledger", got[len(got)-2:], []string{"delivered evaluation 2025H2 email", "delivered filing 2025H2 email"})
}
