package build

import "qingdan/msg"

var recordFailed = msg.New("build.record_failed",
	"网站已生成，但已发布编号记录 content/published.json 没有写成：%v；请解决后再运行一次 qingdan build",
	"the site was built, but the record of published ids content/published.json could not be written: %v; fix that and run qingdan build again")
