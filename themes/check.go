package themes

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"text/template/parse"

	"qingdan/source"
)

// Check opens every file of the theme folder themes/<name>/ of the site
// whose site.toml is in siteDir, as a build reads them, and returns a
// problem for each that a build would refuse (a link out of the folder, a
// FIFO or device, a file too big), named as "themes/<name>/static/x.css",
// and one for each template (a .html file at the folder's top) that is not
// well formed, at its line, with a hint in the editor's words. The default
// theme without a folder has nothing to check.
func Check(siteDir, name string) source.Problems {
	if name == "" {
		name = "default"
	}
	rel := path.Join("themes", name)
	dir := filepath.Join(siteDir, filepath.FromSlash(rel))
	if _, err := os.Stat(dir); err != nil {
		return nil
	}
	fsys := source.Guard(os.DirFS(dir))
	var ps source.Problems
	fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			var f fs.File
			if f, err = fsys.Open(name); err == nil {
				f.Close()
			}
		}
		var pe *fs.PathError
		if err != nil && errors.As(err, &pe) {
			ps = append(ps, source.Problem{Pos: source.Pos{File: path.Join(rel, name)}, Message: pe.Err.Error()})
		}
		if err == nil && !d.IsDir() && path.Dir(name) == "." && path.Ext(name) == ".html" {
			if p, bad := checkTemplate(fsys, rel, name); bad {
				ps = append(ps, p)
			}
		}
		return nil
	})
	return ps
}

// parseError is how text/template/parse reports where it stopped:
// "template: unit.html:43: unexpected EOF".
var parseError = regexp.MustCompile(`^template: [^:]*:(\d+): (.*)$`)

// checkTemplate parses one template as a build would, without knowing its
// functions (a function the generator lacks is reported by the build), and
// returns the problem of a template that is not well formed.
func checkTemplate(fsys fs.FS, rel, name string) (source.Problem, bool) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return source.Problem{}, false // reported by the walk
	}
	t := parse.New(name)
	t.Mode = parse.SkipFuncCheck | parse.ParseComments
	_, err = t.Parse(string(data), "", "", map[string]*parse.Tree{})
	if err == nil {
		return source.Problem{}, false
	}
	p := source.Problem{Pos: source.Pos{File: path.Join(rel, name)}, Message: templateSyntax.S(err.Error()), Hint: templateOther.S()}
	if m := parseError.FindStringSubmatch(err.Error()); m != nil {
		p.Pos.Line, _ = strconv.Atoi(m[1])
		p.Message = templateSyntax.S(m[2])
		switch {
		case strings.Contains(m[2], "unexpected EOF"):
			p.Message, p.Hint = templateEOF.S(), templateMissingEnd.S()
		case strings.Contains(m[2], "unexpected {{end}}"), strings.Contains(m[2], "unexpected {{else}}"):
			p.Hint = templateExtraEnd.S()
		case strings.Contains(m[2], "unclosed action"), strings.Contains(m[2], "unterminated"):
			p.Hint = templateUnclosed.S()
		}
	}
	return p, true
}
