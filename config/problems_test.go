package config

import (
	"strings"
	"testing"
)

// minimal is the smallest valid site.toml; tests append sections to it.
const minimal = `title = "t"
base_url = "https://example.gov.cn/"
[org]
name = "威县人口和计划生育局"
`

// problemCase is one row of a table test of Parse.
type problemCase struct {
	name    string
	section string // appended to minimal
	want    string // substring of the problems; "" for none
}

// checkProblems parses minimal with each case's section appended and
// checks its problems contain want, or that there are none.
func checkProblems(t *testing.T, tests []problemCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ps := Parse("site.toml", []byte(minimal+tt.section))
			got := ps.String()
			if tt.want == "" {
				if got != "" {
					t.Fatalf("unexpected problems:\n%s", got)
				}
				return
			}
			if !strings.Contains(got, tt.want) {
				t.Fatalf("problems:\n%s\nwant one containing %q", got, tt.want)
			}
		})
	}
}
