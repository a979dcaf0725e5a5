package e2e

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"debug/elf"
	"debug/macho"
	"debug/pe"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"
)

// releaseTargets are the systems release.sh builds for, with what the
// binary's header must say.
var releaseTargets = []struct {
	goos, goarch string
	arch         func(bin []byte) (string, error)
	want         string
}{
	{"windows", "amd64", peMachine, fmt.Sprint(pe.IMAGE_FILE_MACHINE_AMD64)},
	{"darwin", "arm64", machoCPU, macho.CpuArm64.String()},
	{"linux", "amd64", elfMachine, elf.EM_X86_64.String()},
	{"linux", "arm64", elfMachine, elf.EM_AARCH64.String()},
	{"linux", "loong64", elfMachine, elf.EM_LOONGARCH.String()},
}

func peMachine(b []byte) (string, error) {
	f, err := pe.NewFile(bytes.NewReader(b))
	if err != nil {
		return "", err
	}
	return fmt.Sprint(f.Machine), nil
}

func machoCPU(b []byte) (string, error) {
	f, err := macho.NewFile(bytes.NewReader(b))
	if err != nil {
		return "", err
	}
	return f.Cpu.String(), nil
}

func elfMachine(b []byte) (string, error) {
	f, err := elf.NewFile(bytes.NewReader(b))
	if err != nil {
		return "", err
	}
	return f.Machine.String(), nil
}

// archived is one file of an archive.
type archived struct {
	data []byte
	mode os.FileMode
	time time.Time
}

// runRelease runs release.sh into dir with the given environment.
func runRelease(t *testing.T, dir, version string, env ...string) {
	t.Helper()
	cmd := exec.Command("./release.sh", "-o", dir, version)
	cmd.Dir = repoRoot
	cmd.Env = append(os.Environ(), env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("release.sh: %v\n%s", err, out)
	}
}

// TestReleaseArchives checks what release.sh made (in $QINGDAN_RELEASE,
// which ./test.sh sets after running it; otherwise the test runs it): one
// archive per system, each holding exactly the binary for that system,
// README.md, site.toml and the committed content, byte for byte, all dated
// alike; SHA256SUMS right for every archive; the Linux binary printing its
// version; and the same archive again, byte for byte, from a second run.
func TestReleaseArchives(t *testing.T) {
	c := newCounter(t, "release", "release archives checked (5 systems: files, binary's system, sums, reproducible)")
	dir := os.Getenv("QINGDAN_RELEASE")
	if dir == "" {
		dir = t.TempDir()
		runRelease(t, dir, "v0.0.0-test")
	}
	sums := map[string]string{}
	data, err := os.ReadFile(filepath.Join(dir, "SHA256SUMS"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		sum, name, ok := strings.Cut(line, "  ")
		if !ok {
			t.Fatalf("SHA256SUMS line %q", line)
		}
		sums[name] = sum
	}
	if len(sums) != len(releaseTargets) {
		t.Errorf("SHA256SUMS lists %d archives, want %d:\n%s", len(sums), len(releaseTargets), data)
	}
	ls, err := exec.Command("git", "-C", repoRoot, "ls-files", "content").Output()
	if err != nil {
		t.Fatalf("git ls-files content: %v", err)
	}
	want := append([]string{"README.md", "site.toml"}, strings.Fields(string(ls))...)

	var version string
	for _, tg := range releaseTargets {
		ext, exe := ".tar.gz", "qingdan"
		if tg.goos == "windows" {
			ext, exe = ".zip", "qingdan.exe"
		}
		matches, _ := filepath.Glob(filepath.Join(dir, "qingdan-*-"+tg.goos+"-"+tg.goarch+ext))
		if len(matches) != 1 {
			t.Errorf("%s/%s: archives %q, want one", tg.goos, tg.goarch, matches)
			continue
		}
		archive := filepath.Base(matches[0])
		top := strings.TrimSuffix(archive, ext)
		version = strings.TrimSuffix(strings.TrimPrefix(top, "qingdan-"), "-"+tg.goos+"-"+tg.goarch)
		raw, err := os.ReadFile(matches[0])
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprintf("%x", sha256.Sum256(raw)); sums[archive] != got {
			t.Errorf("%s: SHA256SUMS says %q, the archive's sum is %s", archive, sums[archive], got)
		}
		files := readArchive(t, archive, raw)
		var names []string
		for name := range files {
			names = append(names, name)
		}
		sort.Strings(names)
		wantNames := []string{top + "/" + exe}
		for _, f := range want {
			wantNames = append(wantNames, top+"/"+f)
		}
		sort.Strings(wantNames)
		if strings.Join(names, "\n") != strings.Join(wantNames, "\n") {
			t.Errorf("%s holds:\n%s\nwant:\n%s", archive, diffLines(strings.Join(wantNames, "\n"), strings.Join(names, "\n")), strings.Join(wantNames, "\n"))
		}
		for _, f := range want {
			repo, err := os.ReadFile(filepath.Join(repoRoot, filepath.FromSlash(f)))
			if err != nil {
				t.Fatal(err)
			}
			if a, ok := files[top+"/"+f]; ok && !bytes.Equal(a.data, repo) {
				t.Errorf("%s: %s differs from the repository's", archive, f)
			}
		}
		bin := files[top+"/"+exe]
		if got, err := tg.arch(bin.data); err != nil || got != tg.want {
			t.Errorf("%s: %s is for %q (%v), want %q", archive, exe, got, err, tg.want)
		}
		if tg.goos != "windows" && bin.mode&0o111 == 0 {
			t.Errorf("%s: %s is not executable (%v)", archive, exe, bin.mode)
		}
		for name, f := range files {
			if !f.time.Equal(bin.time) {
				t.Errorf("%s: %s dated %v, the binary %v: the archive is not reproducible", archive, name, f.time, bin.time)
			}
		}
		if tg.goos == runtime.GOOS && tg.goarch == runtime.GOARCH {
			exePath := filepath.Join(t.TempDir(), exe)
			if err := os.WriteFile(exePath, bin.data, 0o755); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(exePath, "version").Output()
			if err != nil || !strings.HasPrefix(string(out), "qingdan "+version+" commit ") || strings.Contains(string(out), "commit unknown") {
				t.Errorf("%s: qingdan version printed %q (%v), want the version %s and its commit", archive, out, err, version)
			}
		}
		c.add(1)
	}

	// Reproducible: the same commit gives the same archive.
	again := t.TempDir()
	target := runtime.GOOS + "/" + runtime.GOARCH
	runRelease(t, again, version, "TARGETS="+target)
	name := "qingdan-" + version + "-" + runtime.GOOS + "-" + runtime.GOARCH + ".tar.gz"
	a, errA := os.ReadFile(filepath.Join(dir, name))
	b, errB := os.ReadFile(filepath.Join(again, name))
	if errA != nil || errB != nil || !bytes.Equal(a, b) {
		t.Errorf("a second release.sh run made another %s (%v, %v): not reproducible", name, errA, errB)
	}
}

// readArchive returns the regular files of a .zip or .tar.gz archive by
// name.
func readArchive(t *testing.T, name string, raw []byte) map[string]archived {
	t.Helper()
	files := map[string]archived{}
	if strings.HasSuffix(name, ".zip") {
		zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, f := range zr.File {
			if f.FileInfo().IsDir() {
				continue
			}
			rc, err := f.Open()
			if err != nil {
				t.Fatalf("%s: %s: %v", name, f.Name, err)
			}
			data, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatalf("%s: %s: %v", name, f.Name, err)
			}
			files[f.Name] = archived{data, f.Mode(), f.Modified}
		}
		return files
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			t.Fatalf("%s: %s: %v", name, h.Name, err)
		}
		files[h.Name] = archived{data, h.FileInfo().Mode(), h.ModTime}
	}
	return files
}
