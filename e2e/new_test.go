package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestNew adds each kind of entry to a copy of the real content: every
// byte that was there stays, the entry has the next free id, check then
// fails naming exactly the empty fields (file:line:col, in Chinese), and
// once they are filled in the site checks again.
func TestNew(t *testing.T) {
	tests := []struct {
		args   []string
		file   string
		id     string
		errors []string // check's errors after the entry was added
		fill   map[string]string
	}{
		{[]string{"item", "01"}, "duties.toml", `id = "01-09"`, []string{`: 错误："text" 是空的`},
			map[string]string{`text = ""`: `text = "新增的事项。"`}},
		{[]string{"item", "03"}, "duties.toml", `id = "03-07"`, []string{`: 错误："text" 是空的`},
			map[string]string{`text = ""`: `text = "新增的事项。"`}},
		{[]string{"duty"}, "duties.toml", `id = "12"`, []string{`: 错误："text" 是空的`},
			map[string]string{`text = ""`: `text = "新增的职责。"`}},
		{[]string{"service"}, "services.toml", `id = "14"`, []string{`: 错误："name" 是空的`, `: 错误："content" 是空的`, `: 错误："units" 是空的`},
			map[string]string{`name = ""`: `name = "新服务"`, `content = ""`: `content = "内容。"`, `units = []`: `units = ["zcfg"]`}},
		{[]string{"unit", "zxzx"}, "units.toml", `id = "zxzx"`, []string{`: 错误："name" 是空的`, `: 错误："kind" 是空的`},
			map[string]string{"\nname = \"\"": "\nname = \"新单位\"", `kind = ""`: `kind = "股室"`}},
		{[]string{"unit"}, "units.toml", `id = ""`, []string{`: 错误："id" 是空的`, `: 错误："name" 是空的`, `: 错误："kind" 是空的`},
			map[string]string{`id = ""`: `id = "xdw"`, "\nname = \"\"": "\nname = \"新单位\"", `kind = ""`: `kind = "股室"`}},
		{[]string{"matter"}, "boundaries.toml", `id = "04"`, []string{`: 错误："title" 是空的`, `: 错误："department" 是空的`, `: 错误："duty" 是空的`},
			map[string]string{`title = ""`: `title = "新事项"`, `department = ""`: `department = "人口和计划生育局"`, `duty = ""`: `duty = "负责。"`}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			dir := newSite(t)
			path := filepath.Join(dir, "content", tt.file)
			before, _ := os.ReadFile(path)
			out, code := runQingdan(t, dir, append([]string{"new"}, tt.args...)...)
			if code != 0 || !strings.Contains(out, "已在 content/"+tt.file+" 第 ") {
				t.Fatalf("exit %d:\n%s", code, out)
			}
			after, _ := os.ReadFile(path)
			added := addedText(string(before), string(after))
			if added == "" || !strings.Contains(added, tt.id+" ") {
				t.Fatalf("the file changed otherwise than by an added entry with %s:\n%s", tt.id, after)
			}
			line := regexp.MustCompile(`第 (\d+) 行`).FindStringSubmatch(out)[1]
			if header := strings.Split(string(after), "\n")[atoi(line)-1]; !strings.HasPrefix(header, "[[") {
				t.Errorf("the entry is said to be at line %s, which is %q", line, header)
			}
			out, code = runQingdan(t, dir, "check")
			if code != 1 || strings.Count(out, "错误：") != len(tt.errors) {
				t.Fatalf("check: exit %d, want exactly %d errors:\n%s", code, len(tt.errors), out)
			}
			for _, e := range tt.errors {
				if !regexp.MustCompile(`(?m)^content/` + regexp.QuoteMeta(tt.file) + `:\d+:\d+` + regexp.QuoteMeta(e)).MatchString(out) {
					t.Errorf("check does not say %q at a position in %s:\n%s", e, tt.file, out)
				}
			}
			filled := string(after)
			for from, to := range tt.fill {
				i := strings.LastIndex(filled, from)
				filled = filled[:i] + to + filled[i+len(from):]
			}
			os.WriteFile(path, []byte(filled), 0o644)
			if out, code := runQingdan(t, dir, "check"); code != 0 {
				t.Errorf("check after filling in the fields: exit %d\n%s", code, out)
			}
		})
	}
}

// TestNewCRLFAndErrors: a file with Windows line ends gets an entry with
// them too; a duty that does not exist or a unit id in use is refused and
// nothing is written.
func TestNewCRLFAndErrors(t *testing.T) {
	dir := newSite(t)
	path := filepath.Join(dir, "content", "duties.toml")
	b, _ := os.ReadFile(path)
	crlf := strings.ReplaceAll(string(b), "\n", "\r\n")
	os.WriteFile(path, []byte(crlf), 0o644)
	if out, code := runQingdan(t, dir, "new", "item", "02"); code != 0 {
		t.Fatalf("exit %d\n%s", code, out)
	}
	after, _ := os.ReadFile(path)
	if added := addedText(crlf, string(after)); added == "" || strings.Count(added, "\n") != strings.Count(added, "\r\n") {
		t.Errorf("added %q to a CRLF file", added)
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"new", "item", "99"}, `没有编号为 "99" 的职责`},
		{[]string{"new", "item"}, "写出事项属于哪条职责"},
		{[]string{"new", "unit", "zcfg"}, `单位 id "zcfg" 已经用过了`},
		{[]string{"new", "unit", "政策股"}, `单位 id "政策股" 写法不对`},
		{[]string{"new", "thing"}, `不能新增 "thing"`},
		{[]string{"-lang", "en", "new", "item", "99"}, `there is no duty "99"`},
	} {
		before, _ := os.ReadFile(path)
		out, code := runQingdan(t, dir, tt.args...)
		if now, _ := os.ReadFile(path); code != 2 || !strings.Contains(out, tt.want) || string(now) != string(before) {
			t.Errorf("%v: exit %d, file unchanged %t:\n%s\nwant exit 2 and %q", tt.args, code, string(now) == string(before), out, tt.want)
		}
	}
}

// addedText returns what after has that before lacks, when after is
// before with one piece of text inserted somewhere, else "".
func addedText(before, after string) string {
	i := 0
	for i < len(before) && before[i] == after[i] {
		i++
	}
	rest := before[i:]
	if !strings.HasSuffix(after, rest) || len(after) <= len(before) {
		return ""
	}
	return after[i : len(after)-len(rest)]
}
