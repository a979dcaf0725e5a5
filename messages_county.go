package main

import "qingdan/msg"

var countyOK = msg.New("check.county_ok",
	"qingdan: 通过：%d 个部门，%d 个单位，%d 项职责，%d 项工作事项，%d 项职责边界，%d 项公共服务，%d 项监督管理制度",
	"qingdan: ok: %d departments, %d units, %d duties, %d items, %d boundary matters, %d services, %d supervision systems")
