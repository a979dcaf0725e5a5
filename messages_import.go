package main

import "qingdan/msg"

// The messages of qingdan import.
var (
	msgImportNoFile     = msg.New("cmd.import.nofile", "请写出要导入的 .docx 或 .xlsx 文件", "name the .docx or .xlsx file to import")
	msgImportTwoFiles   = msg.New("cmd.import.twofiles", "一次只导入一个文件（多出了 %q）", "import one file at a time (%q is one too many)")
	msgImportCannotRead = msg.New("cmd.import.read", "无法读取 %s：%v", "cannot read %s: %v")
	msgImportTooBig     = msg.New("cmd.import.toobig", "%s 有 %d 字节，超过导入上限 %d 字节", "%s is %d bytes, over the import's limit of %d")
	msgImportBadTarget  = msg.New("cmd.import.badcontent", "%s 里的内容有错误：请先改正（运行 qingdan check），或导入到一个空文件夹", "%s has errors: correct them (qingdan check) before importing into it, or import into an empty folder")
	msgImportDone       = msg.New("cmd.import.done", "qingdan: 已导入 %s：%d 个单位、%d 条职责、%d 个事项、%d 个边界事项、%d 项服务、%d 项制度；写入 %d 个文件（%s）；单元格 %d 个：写入 %d、空白 %d、有文字未写入 %d；用时 %s", "qingdan: imported %s: %d units, %d duties, %d items, %d matters, %d services, %d systems; %d files written (%s); %d cells: %d written, %d blank, %d with text left out; took %s")
	msgImportNext       = msg.New("cmd.import.next", "qingdan: 请打开 %s 核对每一行，然后运行 qingdan check", "qingdan: read %s to check every row, then run qingdan check")
)
