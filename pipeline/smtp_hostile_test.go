package pipeline

import (
	"context"
	"net"
	"net/textproto"
	"strings"
	"sync"
	"testing"
	"time"
)

// hostileSMTP is a server on 127.0.0.1 that misbehaves at one point of the
// conversation: "greeting" never greets, "data" never answers the end of
// the message, "drop" answers 250 to the message and then drops the
// connection without answering QUIT.
type hostileSMTP struct {
	ln       net.Listener
	mode     string
	mu       sync.Mutex
	messages int
	release  chan struct{} // closed at cleanup: hanging handlers return
}

func startHostileSMTP(t *testing.T, mode string) *hostileSMTP {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &hostileSMTP{ln: ln, mode: mode, release: make(chan struct{})}
	var wg sync.WaitGroup
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer c.Close()
				s.serve(c)
			}()
		}
	}()
	t.Cleanup(func() { ln.Close(); close(s.release); wg.Wait() })
	return s
}

func (s *hostileSMTP) port() int { return s.ln.Addr().(*net.TCPAddr).Port }

func (s *hostileSMTP) serve(c net.Conn) {
	if s.mode == "greeting" {
		<-s.release
		return
	}
	tc := textproto.NewConn(c)
	tc.PrintfLine("220 127.0.0.1 ESMTP test")
	for {
		line, err := tc.ReadLine()
		if err != nil {
			return
		}
		verb, _, _ := strings.Cut(strings.ToUpper(line), " ")
		switch verb {
		case "EHLO", "HELO":
			tc.PrintfLine("250 127.0.0.1 hello")
		case "MAIL", "RCPT":
			tc.PrintfLine("250 ok")
		case "DATA":
			tc.PrintfLine("354 go ahead")
			if _, err := tc.ReadDotBytes(); err != nil {
				return
			}
			if s.mode == "data" {
				<-s.release
				return
			}
			s.mu.Lock()
			s.messages++
			s.mu.Unlock()
			tc.PrintfLine("250 2.0.0 queued")
			if s.mode == "drop" {
				return // the connection closes before QUIT is answered
			}
		case "QUIT":
			tc.PrintfLine("221 bye")
			return
		}
	}
}

func (s *hostileSMTP) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.messages
}

var testMessage = Message{Subject: "测试", Body: "正文", Date: time.Date(2026, 1, 20, 10, 0, 0, 0, time.UTC), ID: "t@qingdan"}

// A server that stops answering fails the attempt at the step's timeout
// instead of holding the pipeline.
func TestSMTPTimeouts(t *testing.T) {
	for _, mode := range []string{"greeting", "data"} {
		t.Run(mode, func(t *testing.T) {
			srv := startHostileSMTP(t, mode)
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
	srv := startHostileSMTP(t, "data")
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
	srv := startHostileSMTP(t, "drop")
	clock := &fakeClock{now: at(t, "2026-01-20 10:00")}
	o := options(t, clock, &fakeReports{})
	o.Mail = &SMTP{Host: "127.0.0.1", Port: srv.port(), From: "a@b.cn", To: []string{"c@d.cn"}}
	p := open(t, o)
	p.CatchUp(context.Background())
	clock.set(at(t, "2026-01-21 10:00"))
	p.CatchUp(context.Background())
	if n := srv.count(); n != 1 {
		t.Errorf("server took %d messages, want 1", n)
	}
	got := events(t, o)
	equal(t, "ledger", got[len(got)-2:], []string{"delivered evaluation 2025H2 email", "delivered filing 2025H2 email"})
}
