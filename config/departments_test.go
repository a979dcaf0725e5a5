package config

import (
	"strings"
	"testing"
)

func TestDepartments(t *testing.T) {
	head := "title = \"县\"\nbase_url = \"https://www.example.gov.cn/\"\n[org]\nname = \"县\"\n"
	dept := func(id string) string {
		return "\n[[department]]\nid = \"" + id + "\"\nname = \"某局\"\ncontent = \"d/" + id + "\"\n"
	}
	for _, tc := range []struct {
		name, toml, want string
	}{
		{"good", dept("gaj") + dept("wsj"), ""},
		{"bad id", dept("公安"), `site.toml:7:6: 错误：部门编号 "公安" 写法不对`},
		{"reserved", dept("search"), `部门编号 "search" 是县级网站自己的栏目名`},
		{"twice", dept("gaj") + dept("gaj"), `site.toml:12:6: 错误：部门编号 "gaj" 重复了`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, ps := Parse("site.toml", []byte(head+tc.toml))
			got := ps.String()
			if tc.want == "" {
				if ps.HasErrors() || len(c.Departments) != 2 || c.Departments[0].ShortName != "某局" {
					t.Errorf("departments %+v, problems %s", c.Departments, got)
				}
				return
			}
			if !strings.Contains(got, tc.want) {
				t.Errorf("problems:\n%s\nwant %q", got, tc.want)
			}
		})
	}
}
