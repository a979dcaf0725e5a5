package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// TestFixEncoding saves units.toml as GBK and duties.toml as UTF-16: check
// gives one error for each file, naming its encoding; fix-encoding -n
// lists both and changes nothing; fix-encoding converts them back to the
// very bytes they had, and the site checks again.
func TestFixEncoding(t *testing.T) {
	dir := newSite(t)
	units := filepath.Join(dir, "content", "units.toml")
	duties := filepath.Join(dir, "content", "duties.toml")
	origUnits, _ := os.ReadFile(units)
	origDuties, _ := os.ReadFile(duties)
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes(origUnits)
	if err != nil {
		t.Fatal(err)
	}
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(origDuties)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(units, gbk, 0o644)
	os.WriteFile(duties, utf16, 0o644)

	out, code := runQingdan(t, dir, "check")
	if code != 1 || strings.Count(out, "错误：") != 2 || !strings.Contains(out, "content/duties.toml: 错误：文件的编码是 UTF-16 LE") ||
		!strings.Contains(out, "content/units.toml: 错误：文件的编码是 GBK") {
		t.Fatalf("check: exit %d, want exactly the two encoding errors:\n%s", code, out)
	}

	out, code = runQingdan(t, dir, "fix-encoding", "-n")
	if b, _ := os.ReadFile(units); code != 0 || string(b) != string(gbk) ||
		!strings.Contains(out, filepath.Join("content", "units.toml")+"：从 GBK/GB18030 转成 UTF-8") ||
		!strings.Contains(out, filepath.Join("content", "duties.toml")+"：从 UTF-16 LE 转成 UTF-8") {
		t.Fatalf("fix-encoding -n: exit %d, or it changed the file:\n%s", code, out)
	}

	out, code = runQingdan(t, dir, "fix-encoding")
	b1, _ := os.ReadFile(units)
	b2, _ := os.ReadFile(duties)
	if code != 0 || string(b1) != string(origUnits) || string(b2) != string(origDuties) || !strings.Contains(out, "已把 2 个文件转成 UTF-8") {
		t.Fatalf("fix-encoding: exit %d, files restored %t %t:\n%s", code, string(b1) == string(origUnits), string(b2) == string(origDuties), out)
	}
	if out, code := runQingdan(t, dir, "check"); code != 0 {
		t.Fatalf("check after fix-encoding: exit %d\n%s", code, out)
	}
	if out, code := runQingdan(t, dir, "-lang", "en", "fix-encoding"); code != 0 || !strings.Contains(out, "UTF-8 already") {
		t.Errorf("fix-encoding on UTF-8 files: exit %d\n%s", code, out)
	}
}

// TestFixEncodingRefuses: bytes that are no known encoding are left as
// they were, and the command fails.
func TestFixEncodingRefuses(t *testing.T) {
	dir := newSite(t)
	path := filepath.Join(dir, "content", "synonyms.toml")
	garbage := []byte{0x89, 'P', 'N', 'G', 0xFF, 0xFF, 0x81, 0x30, '\n'}
	os.WriteFile(path, garbage, 0o644)
	out, code := runQingdan(t, dir, "fix-encoding", path)
	if b, _ := os.ReadFile(path); code != 1 || string(b) != string(garbage) || !strings.Contains(out, "认不出这个文件的编码") {
		t.Fatalf("exit %d, file unchanged %t:\n%s", code, string(b) == string(garbage), out)
	}
}
