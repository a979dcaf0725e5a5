package pipeline

import (
	"bytes"
	"context"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"net"
	"net/mail"
	"net/textproto"
	"strings"
	"sync"
	"testing"
)

// smtpServer is a minimal SMTP server on 127.0.0.1: EHLO, MAIL, RCPT,
// DATA, RSET, NOOP, QUIT. It answers 451 to the first refuse MAIL
// commands, then accepts. With a mode it misbehaves: "greeting" never
// greets, "data" never answers the end of the message, "drop" answers 250
// to the message and drops the connection without answering QUIT.
type smtpServer struct {
	ln       net.Listener
	refuse   int
	mode     string
	release  chan struct{} // closed at cleanup: hanging handlers return
	mu       sync.Mutex
	tries    int
	messages [][]byte
	rcpts    []string
}

func startSMTP(t *testing.T, refuse int) *smtpServer { return startServer(t, refuse, "") }

func startSMTPMode(t *testing.T, mode string) *smtpServer { return startServer(t, 0, mode) }

func startServer(t *testing.T, refuse int, mode string) *smtpServer {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &smtpServer{ln: ln, refuse: refuse, mode: mode, release: make(chan struct{})}
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
				s.serve(c)
			}()
		}
	}()
	t.Cleanup(func() { ln.Close(); close(s.release); wg.Wait() })
	return s
}

func (s *smtpServer) port() int { return s.ln.Addr().(*net.TCPAddr).Port }

func (s *smtpServer) serve(c net.Conn) {
	defer c.Close()
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
			tc.PrintfLine("250-127.0.0.1 hello\r\n250 8BITMIME")
		case "MAIL":
			s.mu.Lock()
			s.tries++
			busy := s.tries <= s.refuse
			s.mu.Unlock()
			if busy {
				tc.PrintfLine("451 4.3.0 mailbox busy, try again later")
			} else {
				tc.PrintfLine("250 2.1.0 ok")
			}
		case "RCPT":
			s.mu.Lock()
			s.rcpts = append(s.rcpts, line)
			s.mu.Unlock()
			tc.PrintfLine("250 2.1.5 ok")
		case "DATA":
			tc.PrintfLine("354 end with <CRLF>.<CRLF>")
			data, err := tc.ReadDotBytes()
			if err != nil {
				return
			}
			if s.mode == "data" {
				<-s.release
				return
			}
			s.mu.Lock()
			s.messages = append(s.messages, data)
			s.mu.Unlock()
			tc.PrintfLine("250 2.0.0 queued")
			if s.mode == "drop" {
				return // the connection closes before QUIT is answered
			}
		case "RSET", "NOOP":
			tc.PrintfLine("250 ok")
		case "QUIT":
			tc.PrintfLine("221 bye")
			return
		default:
			tc.PrintfLine("502 5.5.2 not implemented")
		}
	}
}

func (s *smtpServer) received() [][]byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.messages
}

// parsed is a received message taken apart.
type parsed struct {
	subject, body string
	files         map[string][]byte
}

func parseMail(t *testing.T, raw []byte) parsed {
	t.Helper()
	m, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	var p parsed
	p.subject, err = new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	if err != nil {
		t.Fatal(err)
	}
	mt, params, err := mime.ParseMediaType(m.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/mixed" {
		t.Fatalf("Content-Type %q: %v", m.Header.Get("Content-Type"), err)
	}
	p.files = map[string][]byte{}
	mr := multipart.NewReader(m.Body, params["boundary"])
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if part.Header.Get("Content-Transfer-Encoding") != "base64" {
			t.Fatalf("part %q is not base64", part.FileName())
		}
		data, err := io.ReadAll(base64.NewDecoder(base64.StdEncoding, part))
		if err != nil {
			t.Fatal(err)
		}
		if name := part.FileName(); name != "" {
			p.files[name] = data
		} else {
			p.body = string(data)
		}
	}
	return p
}

func TestSMTPSend(t *testing.T) {
	srv := startSMTP(t, 0)
	files := append(fakeFiles("evaluation", h2026), fakeFiles("filing", h2026)...)
	m := &SMTP{Host: "127.0.0.1", Port: srv.port(), From: "rkjsj@weixian.gov.cn", To: []string{"fzb@weixian.gov.cn", "bgs@weixian.gov.cn"}}
	msg := Message{Subject: "威县人口和计划生育局报送材料：2026年上半年（2026H1）", Body: "县政府法制办：\r\n请查收。\r\n", Files: files, Date: at(t, "2026-07-05 09:00"), ID: "2026H1.x@qingdan"}
	if err := m.Send(context.Background(), msg); err != nil {
		t.Fatal(err)
	}
	got := srv.received()
	if len(got) != 1 {
		t.Fatalf("server received %d messages, want 1", len(got))
	}
	if len(srv.rcpts) != 2 {
		t.Errorf("recipients %q, want 2", srv.rcpts)
	}
	p := parseMail(t, got[0])
	if p.subject != msg.Subject || p.body != msg.Body {
		t.Errorf("subject %q body %q, want %q %q", p.subject, p.body, msg.Subject, msg.Body)
	}
	if len(p.files) != len(files) {
		t.Errorf("%d attachments, want %d", len(p.files), len(files))
	}
	for _, f := range files {
		if !bytes.Equal(p.files[f.Name], f.Data) {
			t.Errorf("attachment %s: got %q, want %q", f.Name, p.files[f.Name], f.Data)
		}
	}
	if !bytes.Contains(got[0], []byte("filename*=utf-8''2026H1-%E6%A1%88")) {
		t.Errorf("file names are not encoded per RFC 2231:\n%s", got[0][:min(len(got[0]), 2000)])
	}
}

// The mail server refuses twice, then accepts: the message goes out once,
// with both reports of the period, byte for byte as filed; the ledger shows
// the two failures and then one delivery per report.
func TestEmailRetriedUntilDelivered(t *testing.T) {
	srv := startSMTP(t, 2)
	clock := &fakeClock{now: at(t, "2026-01-20 10:00")}
	o := options(t, clock, &fakeReports{})
	o.Mail = &SMTP{Host: "127.0.0.1", Port: srv.port(), From: "rkjsj@weixian.gov.cn", To: []string{"fzb@weixian.gov.cn"}}
	p := open(t, o)
	for i, want := range []string{"2026-01-20 10:10", "2026-01-20 10:30", "2026-07-05 09:00"} {
		wake := p.CatchUp(context.Background())
		if when(wake) != want {
			t.Fatalf("round %d: wake at %s, want %s", i, when(wake), want)
		}
		clock.set(wake.Add(-1)) // just before: nothing may happen
		p.CatchUp(context.Background())
		clock.set(wake)
	}
	equal(t, "ledger", events(t, o), []string{
		"produced evaluation 2025H2 late",
		"produced filing 2025H2 late",
		"delivered evaluation 2025H2 outbox",
		"delivered filing 2025H2 outbox",
		"delivery_failed evaluation 2025H2 email",
		"delivery_failed filing 2025H2 email",
		"delivery_failed evaluation 2025H2 email",
		"delivery_failed filing 2025H2 email",
		"delivered evaluation 2025H2 email",
		"delivered filing 2025H2 email",
	})
	got := srv.received()
	if len(got) != 1 {
		t.Fatalf("server accepted %d messages, want 1", len(got))
	}
	m := parseMail(t, got[0])
	want := append(fakeFiles("evaluation", h2025), fakeFiles("filing", h2025)...)
	if len(m.files) != len(want) {
		t.Errorf("%d attachments, want %d", len(m.files), len(want))
	}
	for _, f := range want {
		if !bytes.Equal(m.files[f.Name], f.Data) {
			t.Errorf("attachment %s is not the filed file", f.Name)
		}
	}
	if !strings.Contains(m.subject, "2025年下半年（2025H2）") || !strings.Contains(m.body, sumOf(want[0].Data)) {
		t.Errorf("subject %q or body %q does not name the period and the files' SHA-256", m.subject, m.body)
	}
	for _, r := range p.Records() {
		if r.Event == DeliveryFailed && !strings.Contains(r.Error, "451") {
			t.Errorf("failure recorded as %q, want the server's 451 reply", r.Error)
		}
	}
}
