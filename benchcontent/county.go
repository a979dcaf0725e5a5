package benchcontent

import (
	"fmt"
	"strings"
)

// MaxDepartments is the most departments County makes: a province's
// platform lists about 50 to 100.
const MaxDepartments = 200

// County returns the files of a synthetic county (or province) site of
// departments departments with items work items in all: site.toml with one
// [[department]] per department, and each department's content folder
// under departments/, made as Site makes a single department's (each with
// its own seed, so no two are alike). The items are shared out evenly.
func County(items, departments int, seed uint64) ([]File, error) {
	if departments < 2 || departments > MaxDepartments || items < departments {
		return nil, fmt.Errorf("a county has 2 to %d departments and at least one item each", MaxDepartments)
	}
	var b strings.Builder
	fmt.Fprintf(&b, `# 合成测试数据（qingdan bench-content -items %d -departments %d -seed %d 生成），仅用于测量构建速度。
title = "河北省各部门责任清单（测试数据）"
description = "由威县人口和计划生育局责任清单的语句重新组合生成的测试数据：%d 个部门，%d 项具体工作事项。"
base_url = "https://bench.example.gov.cn/qingdan/"
output = "public"
theme = "default"
example = true

[org]
name = "河北省"
short_name = "河北省"
area_code = "0319"
`, items, departments, seed, departments, items)
	files := []File{{}}
	for i := range departments {
		n := items / departments
		if i < items%departments {
			n++
		}
		dept, err := Site(n, seed+uint64(i))
		if err != nil {
			return nil, err
		}
		id := fmt.Sprintf("d%03d", i+1)
		name := fmt.Sprintf("测试第%d厅", i+1)
		fmt.Fprintf(&b, "\n[[department]]\nid = %q\nname = %q\nshort_name = %q\ncontent = \"departments/%s\"\n", id, name, name, id)
		for _, f := range dept {
			if rest, ok := strings.CutPrefix(f.Name, "content/"); ok {
				files = append(files, File{"departments/" + id + "/" + rest, f.Data})
			}
		}
	}
	files[0] = File{"site.toml", []byte(b.String())}
	return files, nil
}
