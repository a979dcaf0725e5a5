package config

import (
	"regexp"
	"strconv"

	"qingdan/source"
)

// Department is one department of a county site ([[department]] in
// site.toml): its own list, in its own content folder laid out as a single
// department's content/ is, published under /<id>/. A site.toml without
// departments is one department's site, its content in Content.
type Department struct {
	ID        string `toml:"id,required"`      // URL segment: /gaj/
	Name      string `toml:"name,required"`    // 威县公安局
	ShortName string `toml:"short_name"`       // 县公安局; Name when empty
	Content   string `toml:"content,required"` // its content folder, relative to site.toml
	Pos       source.Pos
}

var departmentIDPattern = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)

// reservedIDs are the county site's own URL segments, which no department
// may take.
var reservedIDs = map[string]bool{
	"units": true, "duties": true, "services": true, "boundaries": true, "supervision": true,
	"search": true, "data": true, "static": true, "changes": true, "accessibility": true,
}

// validateDepartments checks the [[department]] tables.
func (c *Config) validateDepartments(at *source.Positions, ps *source.Problems) {
	seen := map[string]string{}
	for i, d := range c.Departments {
		p := "department[" + strconv.Itoa(i) + "]"
		switch {
		case !departmentIDPattern.MatchString(d.ID):
			ps.Add(at.Of(p+".id"), deptIDFix.S(), "%s", deptIDInvalid.S(d.ID))
		case reservedIDs[d.ID]:
			ps.Add(at.Of(p+".id"), deptIDFix.S(), "%s", deptIDReserved.S(d.ID))
		case seen[d.ID] != "":
			ps.Add(at.Of(p+".id"), deptIDTwiceFix.S(seen[d.ID]), "%s", deptIDTwice.S(d.ID))
		default:
			seen[d.ID] = at.Of(p + ".id").String()
		}
		if c.Departments[i].ShortName == "" {
			c.Departments[i].ShortName = d.Name
		}
	}
}

// ContentFolders are the content folders of the site, resolved: every
// department's for a county, else Content.
func (c *Config) ContentFolders() []string {
	if len(c.Departments) == 0 {
		return []string{c.Path(c.Content)}
	}
	var out []string
	for _, d := range c.Departments {
		out = append(out, c.Path(d.Content))
	}
	return out
}
