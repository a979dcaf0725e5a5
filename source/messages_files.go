package source

import "qingdan/msg"

// Why Guard refuses to read a name.
var (
	errLinkOut = msg.New("files.link-out",
		"是指向 %q 的链接，指到了文件夹之外：网站只发布文件夹里的文件。请把文件本身复制到这里，不要用链接或快捷方式",
		"is a link to %q, outside the folder: the site publishes only the files inside it. Copy the file itself here instead of a link or shortcut")
	errLinkLoop = msg.New("files.link-loop",
		"经过了 %d 个以上的链接（链接绕成了圈？）。请把文件本身复制到这里",
		"goes through more than %d links (a loop of links?). Copy the file itself here")
	errNotRegular = msg.New("files.not-regular",
		"不是普通文件，而是%s：qingdan 只读普通文件。请删除它，或换成普通文件",
		"is not a regular file but %s: qingdan reads only regular files. Delete it, or put a regular file in its place")
	errFileTooBig = msg.New("files.too-big",
		"有 %d MB，超过了 %d MB 的上限：这不会是一份清单的内容（粘贴错了？）",
		"is %d MB, over the limit of %d MB: no list's content is that big (a paste gone wrong?)")
	kindPipe   = msg.New("files.kind-pipe", "命名管道（FIFO）", "a named pipe (FIFO)")
	kindDevice = msg.New("files.kind-device", "设备文件", "a device")
	kindSocket = msg.New("files.kind-socket", "套接字", "a socket")
	kindOther  = msg.New("files.kind-other", "特殊文件", "a special file")
)
