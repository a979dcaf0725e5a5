package generator

import (
	"strings"

	"qingdan/source"
)

// Boundaries on both sides. A boundary matter of department A names the
// other departments that share it and what each does. In a county, each
// row of another department B resolves to B: the row links to B's own
// entry for the matter (a matter of B's list with the same title), or to
// B's list of boundaries when B has none. And the two lists must say the
// same: B's own row (lead) in its entry must be, word for word, what A's
// list says B does. A difference, or a matter only one side lists, is a
// warning at A's row, naming B's position too.

// boundaries resolves the roles of every department's matters and
// returns the warnings of the lists that disagree.
func (c *County) boundaries() source.Problems {
	var ps source.Problems
	byTitle := map[*Department]map[string]*Matter{}
	for _, d := range c.Departments {
		byTitle[d] = map[string]*Matter{}
		for _, m := range d.Site.Matters {
			byTitle[d][strings.TrimSpace(m.Title)] = m
		}
	}
	for _, a := range c.Departments {
		for _, m := range a.Site.Matters {
			for _, r := range m.Roles {
				// Resolved afresh: the preview loads a department whose
				// files did not change only once (county_load.go).
				r.Dept, r.Link = "", ""
				if r.Lead {
					continue
				}
				b := c.department(r.Department)
				if b == nil || b == a {
					continue
				}
				r.Dept = b.ID
				other := byTitle[b][strings.TrimSpace(m.Title)]
				if other == nil {
					r.Link = b.Site.Config.Root + PartBoundaries + "/"
					ps.Warn(r.Pos, boundaryMissingFix.S(b.Name, m.Title, b.Site.Config.Root), "%s", boundaryMissing.S(a.ShortName, m.Title, b.Name, b.Name))
					continue
				}
				r.Link = b.Site.Config.Root + other.Path()
				own := leadRole(other)
				switch {
				case own == nil:
					ps.Warn(r.Pos, boundaryNoLeadFix.S(other.Pos), "%s", boundaryNoLead.S(b.Name, m.Title))
				case own.Duty != r.Duty:
					ps.Warn(r.Pos, boundaryDifferFix.S(b.Name, own.Pos), "%s", boundaryDiffer.S(m.Title, a.ShortName, b.Name, r.Duty, own.Pos, own.Duty))
				}
			}
		}
	}
	return ps
}

// leadRole is the row of a matter that is its own department's.
func leadRole(m *Matter) *Role {
	for _, r := range m.Roles {
		if r.Lead {
			return r
		}
	}
	return nil
}
