package output

import (
	"bufio"
	"crypto/sha256"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// killChildEnv names the target folder when the test binary runs as the
// child that TestDirSurvivesKill kills.
const killChildEnv = "QINGDAN_OUTPUT_KILL_TARGET"

// writeVersion writes version v of a synthetic site to target with Dir: a
// few hundred pages, a tenth of them changing with each version (as after an
// edit, so that committing and deleting the old site take a good share of
// the time), some present only in even versions, and a manifest of every
// file's hash.
func writeVersion(target string, v int) error {
	d, err := NewDir(target)
	if err != nil {
		return err
	}
	defer d.Abort()
	var manifest []string
	add := func(name string, data []byte) error {
		manifest = append(manifest, fmt.Sprintf("%x  %s", sha256.Sum256(data), name))
		return d.WriteFile(name, data)
	}
	for i := 0; i < 300; i++ {
		gen := 0
		if i%10 == 0 {
			gen = v
		}
		page := fmt.Sprintf("<p>第%d页，版本%d</p>\n", i, gen)
		page += strings.Repeat("责任清单公开透明。", i%50*20)
		if err := add(fmt.Sprintf("p/%02d/%03d.html", i%17, i), []byte(page)); err != nil {
			return err
		}
	}
	if v%2 == 0 {
		for i := 0; i < 20; i++ {
			if err := add(fmt.Sprintf("even/%d.txt", i), []byte(strconv.Itoa(v))); err != nil {
				return err
			}
		}
	}
	if err := add("version", []byte(strconv.Itoa(v))); err != nil {
		return err
	}
	sort.Strings(manifest)
	if err := d.WriteFile("manifest.txt", []byte(strings.Join(manifest, "\n")+"\n")); err != nil {
		return err
	}
	_, err = d.Commit()
	return err
}

// checkComplete verifies that target holds exactly the files its manifest
// lists, with their hashes, and returns its version.
func checkComplete(t *testing.T, target string) int {
	t.Helper()
	files := readTree(t, target)
	manifest, ok := files["manifest.txt"]
	if !ok {
		t.Fatalf("target has no manifest.txt: a partial site (%d files)", len(files))
	}
	delete(files, "manifest.txt")
	lines := strings.Split(strings.TrimSuffix(manifest, "\n"), "\n")
	for _, line := range lines {
		sum, name, _ := strings.Cut(line, "  ")
		data, ok := files[name]
		if !ok {
			t.Fatalf("target lacks %s", name)
		}
		if got := fmt.Sprintf("%x", sha256.Sum256([]byte(data))); got != sum {
			t.Fatalf("%s does not match the manifest", name)
		}
		delete(files, name)
	}
	for name := range files {
		t.Fatalf("target has %s, which its manifest does not list", name)
	}
	v, err := strconv.Atoi(readTree(t, target)["version"])
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestDirKillChild is the child process of TestDirSurvivesKill: it writes
// one version after another into the target until it is killed.
func TestDirKillChild(t *testing.T) {
	target := os.Getenv(killChildEnv)
	if target == "" {
		t.Skip("runs only as the child of TestDirSurvivesKill")
	}
	for {
		data, err := os.ReadFile(filepath.Join(target, "version"))
		if err != nil {
			t.Fatal(err)
		}
		v, _ := strconv.Atoi(string(data))
		if err := writeVersion(target, v+1); err != nil {
			t.Fatal(err)
		}
		fmt.Printf("committed %d\n", v+1)
	}
}

// TestDirSurvivesKill kills a process writing sites at random moments and
// checks after each kill that the target is a complete site, old or new.
func TestDirSurvivesKill(t *testing.T) {
	kills := 40
	if testing.Short() {
		kills = 5
	}
	target := filepath.Join(t.TempDir(), "public")
	if err := writeVersion(target, 1); err != nil {
		t.Fatal(err)
	}
	last, leftovers := 1, 0
	var cycle time.Duration // time between two commits of the child
	for i := 0; i < kills; i++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestDirKillChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), killChildEnv+"="+target)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		commits := make(chan time.Time)
		go func() {
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				commits <- time.Now()
			}
			close(commits)
		}()
		deadline := time.After(2 * time.Minute)
		next := func() time.Time {
			select {
			case at, ok := <-commits:
				if !ok {
					t.Fatal("child exited before it was killed")
				}
				return at
			case <-deadline:
				t.Fatal("child made no progress in 2 minutes")
			}
			return time.Time{}
		}
		switch {
		case i == 0:
			// Learn how long one version takes, to spread kills over it.
			cycle = -next().Sub(next())
		case i%4 != 0:
			// Most kills land at a random point of a cycle after a commit:
			// writing, syncing, swapping or deleting the old site. The
			// others land during start-up.
			next()
			time.Sleep(rand.N(cycle + 1))
		}
		cmd.Process.Kill()
		cmd.Wait()
		go func() {
			for range commits {
			}
		}()

		v := checkComplete(t, target)
		if v < last {
			t.Fatalf("kill %d: version went back from %d to %d", i, last, v)
		}
		last = v
		for _, name := range entries(t, filepath.Dir(target)) {
			if strings.HasPrefix(name, ".public.tmp-") {
				leftovers++
			}
		}
	}
	t.Logf("%d kills, one version every %v, reached version %d, %d kills left a temporary folder", kills, cycle, last, leftovers)
	if last == 1 {
		t.Error("no child ever committed; the swap was not exercised")
	}
	// The next run cleans what killed runs left.
	if err := writeVersion(target, last+1); err != nil {
		t.Fatal(err)
	}
	if v := checkComplete(t, target); v != last+1 {
		t.Errorf("version = %d, want %d", v, last+1)
	}
	for _, name := range entries(t, filepath.Dir(target)) {
		if name != "public" && name != ".public.lock" && name != ".public.spare" {
			t.Errorf("after a clean run %s is still beside the target", name)
		}
	}
}
