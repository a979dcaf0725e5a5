package main

import "qingdan/msg"

// The places of the project an output folder must keep clear of, as the
// refusal names them (keepOut).
var (
	keepContent   = msg.New("keep.content", "内容文件夹", "content folder")
	keepTheme     = msg.New("keep.theme", "主题文件夹", "theme folder")
	keepCaseFiles = msg.New("keep.casefiles", "案卷文件夹", "case-file folder")
	keepLedger    = msg.New("keep.ledger", "报送台账", "ledger")
	keepOutbox    = msg.New("keep.outbox", "报告发件箱", "outbox")
	keepConfigDir = msg.New("keep.config-dir", "site.toml 所在的文件夹", "folder of site.toml")
)
