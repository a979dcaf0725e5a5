package e2e

import (
	"net"
	"net/textproto"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestSystemdUnitVerifies checks docs/qingdan-pipeline.service with
// systemd-analyze verify, the binary path pointed at the one built here.
// It skips only outside CI when systemd-analyze is missing.
func TestSystemdUnitVerifies(t *testing.T) {
	c := newCounter(t, "systemd", "systemd units verified (docs/qingdan-pipeline.service)")
	tool, err := exec.LookPath("systemd-analyze")
	if err != nil {
		if ciMode() {
			t.Fatal("systemd-analyze not found (./test.sh installs the systemd package)")
		}
		t.Skip("systemd-analyze not found")
	}
	unit, err := os.ReadFile(filepath.Join(repoRoot, "docs", "qingdan-pipeline.service"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(unit), "ExecStart=/usr/local/bin/qingdan pipeline run") {
		t.Fatal("the unit does not run /usr/local/bin/qingdan pipeline run, as docs/pipeline.md installs it")
	}
	path := filepath.Join(t.TempDir(), "qingdan-pipeline.service")
	os.WriteFile(path, []byte(strings.ReplaceAll(string(unit), "/usr/local/bin/qingdan", bin)), 0o644)
	out, err := exec.Command(tool, "verify", path).CombinedOutput()
	if err != nil || strings.Contains(string(out), "qingdan-pipeline.service") {
		t.Fatalf("systemd-analyze verify: %v\n%s", err, out)
	}
	c.add(1)
}

// testSMTP is a mail server on 127.0.0.1 that takes every message, or,
// hanging, greets no one.
type testSMTP struct {
	ln       net.Listener
	hang     bool
	mu       sync.Mutex
	messages []string
	done     chan struct{}
}

func startTestSMTP(t *testing.T, hang bool) *testSMTP {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &testSMTP{ln: ln, hang: hang, done: make(chan struct{})}
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
				if s.hang {
					<-s.done
					return
				}
				tc := textproto.NewConn(c)
				tc.PrintfLine("220 127.0.0.1 ESMTP")
				for {
					line, err := tc.ReadLine()
					if err != nil {
						return
					}
					switch strings.ToUpper(strings.SplitN(line, " ", 2)[0]) {
					case "DATA":
						tc.PrintfLine("354 go on")
						data, err := tc.ReadDotBytes()
						if err != nil {
							return
						}
						s.mu.Lock()
						s.messages = append(s.messages, string(data))
						s.mu.Unlock()
						tc.PrintfLine("250 queued")
					case "QUIT":
						tc.PrintfLine("221 bye")
						return
					default:
						tc.PrintfLine("250 ok")
					}
				}
			}()
		}
	}()
	t.Cleanup(func() { ln.Close(); close(s.done); wg.Wait() })
	return s
}

func (s *testSMTP) port() string { return strconv.Itoa(s.ln.Addr().(*net.TCPAddr).Port) }

func (s *testSMTP) received() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.messages...)
}

// smtpSite is the shipped site.toml with mail through srv.
func smtpSite(t *testing.T, dir string, srv *testSMTP) {
	data, err := os.ReadFile(filepath.Join(dir, "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	data = append(data, "\n[pipeline.smtp]\nhost = \"127.0.0.1\"\nport = "+srv.port()+"\nfrom = \"rkjsj@weixian.gov.cn\"\nto = [\"fzb@weixian.gov.cn\"]\n"...)
	os.WriteFile(filepath.Join(dir, "site.toml"), data, 0o644)
}

// TestFreshCloneFilesNothing follows README and docs/pipeline.md on a copy
// of the repository's site.toml and example case files: nothing is filed
// or mailed until the bureau's own case folder is configured; then each
// report is filed once, and a correction is delivered exactly once.
func TestFreshCloneFilesNothing(t *testing.T) {
	needTool(t, "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "fonts-wqy-microhei")
	srv := startTestSMTP(t, false)
	dir := newSite(t)
	copyTree(t, filepath.Join(repoRoot, "examples", "casefiles"), filepath.Join(dir, "examples", "casefiles"))
	smtpSite(t, dir, srv)

	refused := [][]string{
		{"report", "evaluate", "-period", "2026H1"},
		{"report", "filing", "-period", "2026H1"},
		{"report", "correct", "-period", "2026H1", "-kind", "evaluation", "-reason", "试一下"},
		{"pipeline"},
	}
	for _, args := range refused {
		if r := run(t, dir, args...); r.code == 0 || !strings.Contains(r.stderr, "示例") {
			t.Errorf("qingdan %s on the examples: exit %d\n%s", strings.Join(args, " "), r.code, r.stderr)
		}
	}
	if r := run(t, dir, "report", "evaluate", "-period", "2026H1", "-draft"); r.code != 0 || !strings.Contains(r.stdout, "草稿") {
		t.Fatalf("report evaluate -draft: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := run(t, dir, "pipeline", "status"); r.code != 0 || !strings.Contains(r.stdout, "示例案卷") {
		t.Errorf("pipeline status does not say the examples are never filed: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := run(t, dir, "pipeline", "test-delivery"); r.code != 0 || len(srv.received()) != 1 || !strings.Contains(r.stdout, "fzb@weixian.gov.cn") {
		t.Fatalf("pipeline test-delivery: exit %d, %d messages\n%s%s", r.code, len(srv.received()), r.stdout, r.stderr)
	}
	for _, never := range []string{"ledger.jsonl", "outbox"} {
		if _, err := os.Stat(filepath.Join(dir, never)); err == nil {
			t.Errorf("%s exists before the bureau's case files were configured", never)
		}
	}

	// The bureau's own folder: the example files without the marker.
	own := filepath.Join(dir, "casefiles")
	entries, _ := os.ReadDir(filepath.Join(dir, "examples", "casefiles"))
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".toml") {
			copyFile(t, filepath.Join(dir, "examples", "casefiles", e.Name()), filepath.Join(own, e.Name()))
		}
	}
	site, _ := os.ReadFile(filepath.Join(dir, "site.toml"))
	site = []byte(strings.Replace(string(site), `casefiles = "examples/casefiles"`, `casefiles = "casefiles"`, 1))
	os.WriteFile(filepath.Join(dir, "site.toml"), site, 0o644)
	if r := run(t, dir, "report", "evaluate", "-period", "2026H1"); r.code != 0 {
		t.Fatalf("report evaluate on the bureau's files: exit %d\n%s", r.code, r.stderr)
	}
	if n := len(srv.received()); n != 2 {
		t.Fatalf("%d messages after filing, want the test and the filing", n)
	}
	// Unchanged case files: nothing to correct.
	if r := run(t, dir, "report", "correct", "-period", "2026H1", "-kind", "evaluation", "-reason", "补充评分"); r.code == 0 {
		t.Fatalf("a correction of unchanged data was filed\n%s", r.stdout)
	}
	// A review comes in late: the correction is filed and mailed once.
	var late string
	for _, e := range entries {
		data, _ := os.ReadFile(filepath.Join(own, e.Name()))
		if strings.HasPrefix(e.Name(), "2026H1") && !strings.Contains(string(data), "[review]") {
			late = filepath.Join(own, e.Name())
			os.WriteFile(late, append(data, "\n[review]\nreviewer = \"钱某\"\nfacts = 6\nevidence = 6\nlaw = 10\n"...), 0o644)
			break
		}
	}
	if late == "" {
		t.Fatal("no 2026H1 example without a review")
	}
	for i := 0; i < 2; i++ {
		r := run(t, dir, "report", "correct", "-period", "2026H1", "-kind", "evaluation", "-reason", "补充评查人员评分")
		if (r.code == 0) != (i == 0) {
			t.Fatalf("correction run %d: exit %d\n%s%s", i+1, r.code, r.stdout, r.stderr)
		}
	}
	msgs := srv.received()
	if len(msgs) != 3 {
		t.Fatalf("%d messages, want the test, the filing and one correction", len(msgs))
	}
	outbox, _ := os.ReadDir(filepath.Join(dir, "outbox", "2026H1"))
	var names []string
	for _, e := range outbox {
		names = append(names, e.Name())
	}
	if len(names) != 4 || !strings.Contains(strings.Join(names, " "), "更正-威人口〔") {
		t.Errorf("outbox holds %q, want the filing and its correction", names)
	}
	if r := run(t, dir, "pipeline", "status"); !strings.Contains(r.stdout, "更正1") || !strings.Contains(r.stdout, "威人口〔") {
		t.Errorf("status does not show the correction and its number:\n%s", r.stdout)
	}
}

// TestSIGTERMWithHangingMailServer: the daemon stops at SIGTERM while the
// mail server accepts the connection and never answers.
func TestSIGTERMWithHangingMailServer(t *testing.T) {
	needTool(t, "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "fonts-wqy-microhei")
	srv := startTestSMTP(t, true)
	dir := newSite(t)
	copyTree(t, filepath.Join(repoRoot, "examples", "casefiles"), filepath.Join(dir, "casefiles"))
	os.Remove(filepath.Join(dir, "casefiles", "示例.txt"))
	site, _ := os.ReadFile(filepath.Join(dir, "site.toml"))
	site = []byte(strings.Replace(string(site), `casefiles = "examples/casefiles"`, `casefiles = "casefiles"`, 1))
	// Every due report goes at once, whatever today's date: no wait for reviews.
	site = regexp.MustCompile(`(?m)^wait_for_reviews = \d+$`).ReplaceAll(site, []byte("wait_for_reviews = 0"))
	os.WriteFile(filepath.Join(dir, "site.toml"), site, 0o644)
	smtpSite(t, dir, srv)

	cmd := exec.Command(bin, "pipeline")
	cmd.Dir = dir
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until the daemon is talking to the server: the outbox holds
	// the filings by then.
	for {
		if data, _ := os.ReadFile(filepath.Join(dir, "ledger.jsonl")); strings.Count(string(data), `"channel":"outbox"`) >= 4 {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond) // into the mail conversation
	cmd.Process.Signal(syscall.SIGTERM)
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case err := <-exited:
		if err != nil {
			t.Fatalf("daemon exited with %v\n%s", err, stderr.String())
		}
	case <-time.After(30 * time.Second): // the server's hang is forever; before the fix this took the 1-minute timeout
		cmd.Process.Kill()
		t.Fatalf("the daemon did not stop at SIGTERM while the mail server hung\n%s", stderr.String())
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "ledger.jsonl")); strings.Contains(string(data), `"channel":"email"`) {
		t.Errorf("a stopped mail was recorded:\n%s", data)
	}
}
