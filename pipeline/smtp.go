package pipeline

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/base64"
	"fmt"
	"mime"
	"mime/multipart"
	"net"
	"net/smtp"
	"net/textproto"
	"path"
	"strconv"
	"strings"
	"time"
)

// Message is one e-mail: a subject, a plain-text body and attachments.
type Message struct {
	Subject string
	Body    string
	Files   []File
	Date    time.Time
	ID      string // Message-ID without angle brackets; the same on every retry
}

// Mailer sends messages; *SMTP is the real one.
type Mailer interface {
	Send(ctx context.Context, m Message) error
}

// SMTP sends mail through a server: STARTTLS when the server offers it
// (or TLS from the start on port 465), PLAIN authentication when Username
// is set. net/smtp refuses to send a password over an unencrypted
// connection to anything but localhost.
type SMTP struct {
	Host     string
	Port     int
	From     string
	To       []string
	Username string
	Password string
	Timeouts Timeouts // zero fields take the defaults
}

// Timeouts bound each step of a conversation with the mail server, so that
// a server that stops answering fails the attempt (it is retried) instead
// of holding the pipeline.
type Timeouts struct {
	Dial    time.Duration // connecting, default 30 s
	Command time.Duration // each command and its reply, default 1 min
	Data    time.Duration // sending the message and reading the reply to it, default 5 min
}

// Default timeouts.
const (
	DefaultDialTimeout    = 30 * time.Second
	DefaultCommandTimeout = time.Minute
	DefaultDataTimeout    = 5 * time.Minute
)

func (t Timeouts) withDefaults() Timeouts {
	if t.Dial <= 0 {
		t.Dial = DefaultDialTimeout
	}
	if t.Command <= 0 {
		t.Command = DefaultCommandTimeout
	}
	if t.Data <= 0 {
		t.Data = DefaultDataTimeout
	}
	return t
}

// Send delivers m to every recipient, or fails as a whole. Cancelling ctx
// (SIGTERM) ends a conversation at once, whatever the server does. Once
// the server has answered 250 to the message, it is delivered: a
// connection dropped after that (before QUIT's reply) is not a failure,
// so the message is never sent twice.
func (s *SMTP) Send(ctx context.Context, m Message) error {
	t := s.Timeouts.withDefaults()
	addr := net.JoinHostPort(s.Host, strconv.Itoa(s.Port))
	d := net.Dialer{Timeout: t.Dial}
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return fmt.Errorf("connecting to mail server: %w", err)
	}
	// A cancelled ctx unblocks any read or write under way.
	stop := context.AfterFunc(ctx, func() { conn.SetDeadline(time.Unix(1, 0)) })
	defer stop()
	step := func(d time.Duration) { conn.SetDeadline(time.Now().Add(d)) }
	step(t.Command)
	if s.Port == 465 {
		conn = tls.Client(conn, &tls.Config{ServerName: s.Host})
	}
	c, err := smtp.NewClient(conn, s.Host)
	if err != nil {
		conn.Close()
		return s.failed(ctx, addr, err)
	}
	defer c.Close()
	if err := s.converse(c, m, func(data bool) {
		if ctx.Err() != nil {
			return // keep the past deadline of a cancelled send
		}
		if data {
			step(t.Data)
		} else {
			step(t.Command)
		}
	}); err != nil {
		return s.failed(ctx, addr, err)
	}
	return nil
}

// failed names the server in an error, or says the send was stopped.
func (s *SMTP) failed(ctx context.Context, addr string, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("mail server %s: stopped: %w", addr, ctx.Err())
	}
	return fmt.Errorf("mail server %s: %w", addr, err)
}

// converse is the SMTP conversation; step sets the deadline of the next
// command (data: of the message itself).
func (s *SMTP) converse(c *smtp.Client, m Message, step func(data bool)) error {
	step(false)
	if err := c.Hello("localhost"); err != nil {
		return err
	}
	if ok, _ := c.Extension("STARTTLS"); ok && s.Port != 465 {
		step(false)
		if err := c.StartTLS(&tls.Config{ServerName: s.Host}); err != nil {
			return err
		}
	}
	if s.Username != "" {
		step(false)
		if err := c.Auth(smtp.PlainAuth("", s.Username, s.Password, s.Host)); err != nil {
			return err
		}
	}
	step(false)
	if err := c.Mail(s.From); err != nil {
		return err
	}
	for _, to := range s.To {
		step(false)
		if err := c.Rcpt(to); err != nil {
			return err
		}
	}
	step(false)
	w, err := c.Data()
	if err != nil {
		return err
	}
	step(true)
	if _, err := w.Write(compose(s.From, s.To, m)); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	// The server has taken the message (250): it is delivered. QUIT is a
	// courtesy; a connection dropped now changes nothing.
	step(false)
	c.Quit()
	return nil
}

// compose writes m as a MIME message: a base64 UTF-8 text part and one
// base64 part per attachment. The subject is an RFC 2047 encoded word;
// file names are encoded per RFC 2231 (filename*=utf-8”...), with an
// RFC 2047 name= as well for older mail programs.
func compose(from string, to []string, m Message) []byte {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	header := func(k, v string) { fmt.Fprintf(&b, "%s: %s\r\n", k, v) }
	header("From", from)
	for _, t := range to {
		header("To", t)
	}
	header("Subject", mime.QEncoding.Encode("utf-8", m.Subject))
	header("Date", m.Date.Format(time.RFC1123Z))
	header("Message-ID", "<"+m.ID+">")
	header("MIME-Version", "1.0")
	header("Content-Type", mime.FormatMediaType("multipart/mixed", map[string]string{"boundary": mw.Boundary()}))
	b.WriteString("\r\n")

	part := func(h textproto.MIMEHeader, data []byte) {
		h.Set("Content-Transfer-Encoding", "base64")
		w, _ := mw.CreatePart(h) // writes to a bytes.Buffer, which never fails
		enc := base64.StdEncoding.EncodeToString(data)
		for len(enc) > 76 {
			w.Write([]byte(enc[:76] + "\r\n"))
			enc = enc[76:]
		}
		w.Write([]byte(enc + "\r\n"))
	}
	part(textproto.MIMEHeader{"Content-Type": {"text/plain; charset=utf-8"}}, []byte(m.Body))
	for _, f := range m.Files {
		ctype := mime.TypeByExtension(path.Ext(f.Name))
		if i := strings.IndexByte(ctype, ';'); i >= 0 {
			ctype = ctype[:i] // "text/plain; charset=utf-8"
		}
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		part(textproto.MIMEHeader{
			"Content-Type":        {mime.FormatMediaType(ctype, map[string]string{"name": mime.QEncoding.Encode("utf-8", f.Name)})},
			"Content-Disposition": {mime.FormatMediaType("attachment", map[string]string{"filename": f.Name})},
		}, f.Data)
	}
	mw.Close()
	return b.Bytes()
}
