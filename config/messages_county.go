package config

import "qingdan/msg"

var (
	deptIDInvalid  = msg.New("config.department_id_invalid", "部门编号 %q 写法不对", "department id %q is not a valid id")
	deptIDReserved = msg.New("config.department_id_reserved", "部门编号 %q 是县级网站自己的栏目名，不能用", "department id %q is a section of the county site")
	deptIDFix      = msg.New("config.department_id.hint", "用小写英文字母、数字或 -，如 \"gaj\"（公安局）；它是网址的一部分，一经发布不再改动；不能用 units、duties、services、boundaries、supervision、search、data、static、changes、accessibility", "use lowercase letters, digits or -, such as \"gaj\"; it is part of the address and never changes; units, duties, services, boundaries, supervision, search, data, static, changes and accessibility are taken")
	deptIDTwice    = msg.New("config.department_id_twice", "部门编号 %q 重复了", "department id %q is used twice")
	deptIDTwiceFix = msg.New("config.department_id_twice.hint", "每个部门一个编号（第一次出现在 %s）", "give each department its own id (the first is at %s)")
)
