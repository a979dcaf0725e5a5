package output

import "qingdan/msg"

var statsText = msg.New("output.stats", "%d 个文件：%d 个有变化，%d 个未变，%d 个删除", "%d files: %d changed, %d unchanged, %d removed")
