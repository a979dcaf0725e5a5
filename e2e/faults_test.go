//go:build linux

package e2e

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// startGroup starts cmd in a process group of its own, so that the whole
// run (the script and the programs it starts) can be killed at once, as a
// power cut would.
func startGroup(t testing.TB, cmd *exec.Cmd) {
	t.Helper()
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
}

// killGroup sends SIGKILL to cmd's process group and waits for cmd.
func killGroup(cmd *exec.Cmd) {
	syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	cmd.Wait()
}

// setVersion makes the site in dir publish version "a" (the real content)
// or "b" (a changed item text and one supervision system fewer, removed by
// an adjustment in changes.toml).
func setVersion(t testing.TB, dir, v string) {
	t.Helper()
	os.RemoveAll(filepath.Join(dir, "content"))
	copyTree(t, filepath.Join(repoRoot, "content"), filepath.Join(dir, "content"))
	if v == "a" {
		return
	}
	p := filepath.Join(dir, "content", "duties.toml")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, bytes.Replace(data, []byte("组织对人口"), []byte("组织对全县人口"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	systems, _ := filepath.Glob(filepath.Join(dir, "content", "supervision", "*.md"))
	if len(systems) < 2 {
		t.Fatal("the real content has fewer than two supervision systems")
	}
	last := systems[len(systems)-1]
	front, err := os.ReadFile(last)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(last); err != nil {
		t.Fatal(err)
	}
	// A published system leaves the list only by a recorded adjustment.
	id := regexp.MustCompile(`(?m)^id = "([0-9]+)"`).FindSubmatch(front)
	if id == nil {
		t.Fatalf("%s has no id", last)
	}
	p = filepath.Join(dir, "content", "changes.toml")
	changes, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	entry := fmt.Sprintf("[[change]]\ndate = 2026-12-15\ntitle = \"取消一项监督管理制度\"\n\n[[change.adjust]]\nkind = \"system\"\nid = %q\naction = \"取消\"\n\n", id[1])
	if err := os.WriteFile(p, append([]byte(entry), changes...), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestKillPublish kills publish.sh (with everything it started) at random
// moments, half of them while the site is being written: the target always
// holds the whole old site or the whole new one. A final run completes.
func TestKillPublish(t *testing.T) {
	kills := envInt(t, "QINGDAN_PUBLISH_KILLS", 50)
	dir := newSite(t)
	target := filepath.Join(t.TempDir(), "www")
	want := map[string]string{}
	for _, v := range []string{"b", "a"} {
		setVersion(t, dir, v)
		out := filepath.Join(t.TempDir(), "ref")
		if r := run(t, dir, "build", "-out", out); r.code != 0 {
			t.Fatalf("building version %s: %s", v, r.stderr)
		}
		want[contentHashes(t, out)] = v
	}
	if len(want) != 2 {
		t.Fatal("versions a and b build the same site")
	}
	publish := func() *exec.Cmd {
		cmd := exec.Command(filepath.Join(repoRoot, "publish.sh"), "-config", filepath.Join(dir, "site.toml"), target)
		return cmd
	}
	// The first publication, and how long a whole run and its writing
	// step take.
	start := time.Now()
	var stderr bytes.Buffer
	cmd := publish()
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("publish.sh: %v\n%s", err, stderr.String())
	}
	total := time.Since(start)
	current := want[contentHashes(t, target)]
	if current != "a" {
		t.Fatalf("publish.sh did not publish version a")
	}
	survived := newCounter(t, "kill-publish", "publish.sh runs killed with SIGKILL (target whole after each)")
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	for i := 0; i < kills; i++ {
		next := "b"
		if current == "b" {
			next = "a"
		}
		setVersion(t, dir, next)
		cmd := publish()
		errPipe, err := cmd.StderrPipe()
		if err != nil {
			t.Fatal(err)
		}
		startGroup(t, cmd)
		var delay time.Duration
		if i%2 == 0 {
			delay = time.Duration(rng.Int64N(int64(total)))
		} else {
			// Wait for the writing step, then kill within it.
			sc := bufio.NewScanner(errPipe)
			for sc.Scan() && !strings.Contains(sc.Text(), "生成网站") {
			}
			go io.Copy(io.Discard, errPipe)
			delay = time.Duration(rng.Int64N(int64(400 * time.Millisecond)))
		}
		if i%2 == 0 {
			go io.Copy(io.Discard, errPipe)
		}
		time.Sleep(delay)
		killGroup(cmd)
		got, ok := want[contentHashes(t, target)]
		if !ok {
			t.Fatalf("kill %d (%v after start): the target holds neither the old nor the new site", i+1, delay)
		}
		current = got
		survived.add(1)
	}
	if out, err := publish().CombinedOutput(); err != nil {
		t.Fatalf("publish.sh after the kills: %v\n%s", err, out)
	}
	if want[contentHashes(t, target)] == "" {
		t.Fatal("the final publication is not a whole site")
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(target), ".www.tmp-*"))
	if len(leftovers) > 0 {
		t.Errorf("%d temporary folders of killed runs are still beside the target after a complete run: %v", len(leftovers), leftovers)
	}
}

// ledgerRecord is the part of a ledger line the fault test reads.
type ledgerRecord struct {
	Event  string `json:"event"`
	Kind   string `json:"kind"`
	Period string `json:"period"`
	Files  []struct {
		Name   string `json:"name"`
		SHA256 string `json:"sha256"`
	} `json:"files"`
}

// readLedger parses the ledger: every complete line must be a record; a
// last line without its newline was cut by the kill and never committed.
func readLedger(t testing.TB, path string) []ledgerRecord {
	t.Helper()
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	var recs []ledgerRecord
	lines := strings.SplitAfter(string(data), "\n")
	for i, l := range lines {
		if !strings.HasSuffix(l, "\n") {
			continue // torn last line (or the empty rest)
		}
		var r ledgerRecord
		if err := json.Unmarshal([]byte(l), &r); err != nil || r.Event == "" || r.Kind == "" || r.Period == "" {
			t.Errorf("ledger line %d is not a record: %q (%v)", i+1, truncate(l, 200), err)
			continue
		}
		recs = append(recs, r)
	}
	return recs
}

// checkOutbox checks that every visible file of the outbox is exactly a
// file the ledger says was produced, and that each (kind, period) was
// produced at most once. It returns the produced (kind, period) pairs.
func checkOutbox(t testing.TB, outbox string, recs []ledgerRecord) map[string]int {
	t.Helper()
	produced := map[string]int{}
	sums := map[string]string{}
	for _, r := range recs {
		if r.Event != "produced" {
			continue
		}
		key := r.Kind + " " + r.Period
		produced[key]++
		if produced[key] > 1 {
			t.Errorf("ledger: %s produced %d times", key, produced[key])
		}
		for _, f := range r.Files {
			sums[r.Period+"/"+f.Name] = f.SHA256
		}
	}
	filepath.WalkDir(outbox, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			// The pipeline's staging area and temporary files are not
			// part of the delivered outbox.
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(outbox, p)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Error(err)
			return nil
		}
		sum, ok := sums[filepath.ToSlash(rel)]
		switch {
		case !ok:
			t.Errorf("outbox/%s is not a file of any produced filing in the ledger", rel)
		case fmt.Sprintf("%x", sha256.Sum256(data)) != sum:
			t.Errorf("outbox/%s (%d bytes) differs from the ledger's SHA-256: a partial file", rel, len(data))
		}
		if strings.HasSuffix(p, ".pdf") && !bytes.HasSuffix(bytes.TrimRight(data, "\r\n "), []byte("%%EOF")) {
			t.Errorf("outbox/%s is not a complete PDF", rel)
		}
		return nil
	})
	return produced
}

// TestKillPipeline kills the report pipeline at random moments, the hand
// command (qingdan report evaluate/filing) and the daemon in turn: after
// each kill the ledger parses, the outbox holds only whole filed files,
// and the next run files each missing report exactly once.
func TestKillPipeline(t *testing.T) {
	kills := envInt(t, "QINGDAN_PIPELINE_KILLS", 50)
	dir := newSite(t)
	ownCases(t, dir)
	ledger := filepath.Join(dir, "ledger.jsonl")
	reset := func() {
		os.RemoveAll(filepath.Join(dir, "outbox"))
		os.Remove(ledger)
	}
	commands := [][]string{
		{"report", "evaluate", "-period", "2026H1"},
		{"report", "filing", "-period", "2025H2"},
		{"pipeline", "run"},
	}
	// A clean run of each command: how long it takes, and what it files.
	wantFiled := map[string]map[string]int{}
	took := map[string]time.Duration{}
	for _, args := range commands {
		reset()
		start := time.Now()
		wantFiled[args[1]] = runToEnd(t, dir, ledger, args)
		took[args[1]] = time.Since(start)
		if len(wantFiled[args[1]]) == 0 {
			t.Fatalf("qingdan %s filed nothing", strings.Join(args, " "))
		}
	}
	survived := newCounter(t, "kill-pipeline", "report pipeline runs killed with SIGKILL (ledger and outbox whole after each)")
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 2))
	for i := 0; i < kills; i++ {
		args := commands[i%len(commands)]
		reset()
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir
		startGroup(t, cmd)
		delay := time.Duration(rng.Int64N(int64(took[args[1]])))
		time.Sleep(delay)
		killGroup(cmd)
		checkOutbox(t, filepath.Join(dir, "outbox"), readLedger(t, ledger))
		got := runToEnd(t, dir, ledger, args)
		if fmt.Sprint(got) != fmt.Sprint(wantFiled[args[1]]) {
			t.Errorf("kill %d of qingdan %s at %v: after the restart the ledger has %v produced, want each of %v once", i+1, strings.Join(args, " "), delay, got, wantFiled[args[1]])
		}
		if t.Failed() {
			t.Fatalf("stopping after kill %d", i+1)
		}
		survived.add(1)
	}
}

// runToEnd runs a pipeline command until it has filed and delivered
// everything due (the daemon is stopped with SIGTERM then), checks the
// ledger and outbox, and returns the produced (kind, period) counts.
func runToEnd(t testing.TB, dir, ledger string, args []string) map[string]int {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	if args[0] != "pipeline" {
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("qingdan %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
		}
		return checkOutbox(t, filepath.Join(dir, "outbox"), readLedger(t, ledger))
	}
	logFile, err := os.Create(filepath.Join(t.TempDir(), "daemon.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer logFile.Close()
	cmd.Stderr = logFile
	daemonLog := func() string {
		data, _ := os.ReadFile(logFile.Name())
		return string(data)
	}
	startGroup(t, cmd)
	deadline := time.Now().Add(60 * time.Second)
	last, stable := -1, 0
	for {
		recs := readLedger(t, ledger)
		produced, delivered := 0, 0
		for _, r := range recs {
			switch r.Event {
			case "produced":
				produced++
			case "delivered":
				delivered++
			}
		}
		// The daemon files every due period at start; it is done when
		// each filing is delivered and nothing more appears for a while.
		if len(recs) == last {
			stable++
		} else {
			last, stable = len(recs), 0
		}
		if produced > 0 && delivered == produced && stable >= 6 {
			break
		}
		if time.Now().After(deadline) {
			killGroup(cmd)
			t.Fatalf("the daemon did not finish filing within a minute; ledger %d produced, %d delivered\n%s", produced, delivered, daemonLog())
		}
		time.Sleep(50 * time.Millisecond)
	}
	syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
	cmd.Wait()
	return checkOutbox(t, filepath.Join(dir, "outbox"), readLedger(t, ledger))
}

// mountTmpfs mounts a tmpfs of the given size on a fresh folder and
// unmounts it when the test ends. It skips the test when this machine
// does not allow it (not root, or no mount in a container), noting that
// in the summary.
func mountTmpfs(t *testing.T, size string, c *counter) string {
	t.Helper()
	dir := t.TempDir()
	out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput()
	if err != nil {
		c.setNote("not possible on this machine: mount -t tmpfs: " + strings.TrimSpace(string(out)))
		t.Skipf("cannot mount a tmpfs here (%v: %s); the full-disk gate did not run", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v %s", dir, err, out)
		}
	})
	return dir
}

// fill writes a file into dir until about leave bytes are free.
func fill(t *testing.T, dir string, leave int64) {
	t.Helper()
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		t.Fatal(err)
	}
	free := int64(st.Bavail) * st.Bsize
	if free <= leave {
		return
	}
	if err := os.WriteFile(filepath.Join(dir, "filler"), make([]byte, free-leave), 0o644); err != nil {
		t.Fatalf("filling the disk: %v", err)
	}
}

// TestDiskFull builds the site and files a report onto a nearly full
// disk: each fails with a clear error naming the cause, the published site
// and the outbox are as they were, and once there is room again the report
// is filed exactly once.
func TestDiskFull(t *testing.T) {
	c := newCounter(t, "disk-full", "full-disk runs (site build, report filing)")
	disk := mountTmpfs(t, "2m", c)
	dir := newSite(t)
	ownCases(t, dir)
	target := filepath.Join(disk, "www")
	if r := run(t, dir, "build", "-out", target); r.code != 0 {
		t.Fatalf("the first build onto the 2 MB disk failed (the site has outgrown the test disk?):\n%s", r.stderr)
	}
	before := manifest(t, target)
	fill(t, disk, 64<<10)
	setVersion(t, dir, "b")
	r := run(t, dir, "build", "-out", target)
	if r.code != 1 || !strings.Contains(r.stderr, "no space left on device") {
		t.Errorf("build onto a full disk: exit %d, want 1 and an error that says \"no space left on device\":\n%s", r.code, truncate(r.stderr, 1500))
	}
	if after := manifest(t, target); after != before {
		t.Errorf("the published site changed after the failed build:\n%s", diffLines(before, after))
	}
	if got := strings.ReplaceAll(listDir(t, disk), ".www.lock ", ""); got != "filler www" {
		t.Errorf("the disk holds %q after the failed build; want only the site, its lock file and the filler (temporary files cleaned up)", got)
	}
	c.add(1)

	// The outbox on the full disk; the ledger stays on the big one.
	cfgPath := filepath.Join(dir, "site.toml")
	data, err := os.ReadFile(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	outbox := filepath.Join(disk, "outbox")
	data = bytes.Replace(data, []byte(`outbox = "outbox"`), []byte(`outbox = "`+outbox+`"`), 1)
	if !bytes.Contains(data, []byte(outbox)) {
		t.Fatal(`site.toml has no line outbox = "outbox"; update the test`)
	}
	if err := os.WriteFile(cfgPath, data, 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"report", "evaluate", "-period", "2026H1"}
	r = run(t, dir, args...)
	if r.code == 0 || !strings.Contains(r.stderr, "no space left on device") {
		t.Errorf("report onto a full disk: exit %d, want an error that says \"no space left on device\":\n%s", r.code, truncate(r.stderr, 1500))
	}
	ledger := filepath.Join(dir, "ledger.jsonl")
	c.add(1)
	if err := os.Remove(filepath.Join(disk, "filler")); err != nil {
		t.Fatal(err)
	}
	r = run(t, dir, args...)
	if r.code != 0 {
		t.Fatalf("report with room again: exit %d\n%s", r.code, r.stderr)
	}
	recs := readLedger(t, ledger)
	n := 0
	for _, rec := range recs {
		if rec.Event == "produced" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("after the full disk and a retry the ledger has %d produced records, want 1", n)
	}
	checkOutbox(t, outbox, recs)
}
