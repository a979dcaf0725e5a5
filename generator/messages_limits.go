package generator

import "qingdan/msg"

// MaxID is the longest id, in bytes. An id is a folder name of the site
// (duties/01-02/), which file systems allow up to 255 bytes; the real ids
// have a few characters.
const MaxID = 64

var (
	idTooLong = msg.New("id.too-long",
		"%s 的 id 有 %d 个字符，超过了 %d 个的上限",
		"the %s id is %d characters long, over the limit of %d")
	idTooLongHint = msg.New("id.too-long-hint",
		"id 是网页地址的一部分，写成短的编号，如 %s",
		"the id is part of the page address; write a short one such as %s")
)
