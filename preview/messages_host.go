package preview

import "qingdan/msg"

var errForeignHost = msg.New("preview.foreign-host",
	"预览只回答本机的地址（localhost、127.0.0.1），不回答 %q：这样别的网站无法通过 DNS 重绑定读取预览",
	"the preview answers only this machine's addresses (localhost, 127.0.0.1), not %q: so that no other site can read it through DNS rebinding")
