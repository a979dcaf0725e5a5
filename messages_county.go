package main

import "qingdan/msg"

var countyOK = msg.New("check.county_ok",
	"qingdan: 通过：%d 个部门，%d 个单位，%d 项职责，%d 项工作事项，%d 项职责边界，%d 项公共服务，%d 项监督管理制度",
	"qingdan: ok: %d departments, %d units, %d duties, %d items, %d boundary matters, %d services, %d supervision systems")

var (
	benchDepartmentsFlag = msg.New("cli.bench.flag.departments", "生成有这么多`部门`的县级网站（2 到 200 个）", "make a county of this many `departments` (2 to 200)")
	benchHugoOneSite     = msg.New("cli.bench.hugo_one_site", "-hugo 只生成单个部门的网站；不能和 -departments 一起用", "-hugo makes one department's site; leave out -departments")
)
