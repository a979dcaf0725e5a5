package main

import "qingdan/msg"

// Messages of drafts, corrections, recovery and the mail test.
var (
	msgAwaitingReview = msg.New("main.awaiting_review",
		"%d 件案卷尚无评查人员评分（%s）",
		"%d case files lack a reviewer's score (%s)")
	msgStatusExamples = msg.New("main.status_examples",
		"注意：[reports] casefiles = %q 是虚构的示例案卷，流水线不会报送；正式使用前改为本局的案卷文件夹\n",
		"note: [reports] casefiles = %q holds the fictitious examples, which the pipeline never files; set it to the bureau's own folder\n")
	msgRecovered = msg.New("main.recovered",
		"台账 %s：从发件箱的记录补回 %d 条记录",
		"ledger %s: %d records restored from the outbox's records")
	msgNoSMTP = msg.New("main.no_smtp",
		"%s 中没有设置 [pipeline.smtp]：报告只放进发件箱，没有邮件可测试；设置方法见 docs/pipeline.md",
		"%s has no [pipeline.smtp]: reports go to the outbox only, there is no mail to test; see docs/pipeline.md")
	msgTestSubject = msg.New("main.test_subject",
		"%s报送流水线测试邮件（不是报送材料）",
		"%s report pipeline: test message (not a filing)")
	msgTestBody = msg.New("main.test_body",
		"这是%s的 qingdan 报送流水线发出的测试邮件，发送时间 %s。\r\n\r\n收到本邮件说明报送邮件的线路畅通。本邮件不含任何报送材料，没有记入报送台账，无需处理。\r\n",
		"This is a test message of the qingdan report pipeline of %s, sent at %s.\r\n\r\nIt proves the mail route works. It carries no filing and is not in the ledger.\r\n")
	msgTestSent = msg.New("main.test_sent",
		"测试邮件已由邮件服务器接受：发往 %s（经 %s:%d）；请对方确认收到。没有报送任何报告",
		"test message accepted by the mail server: to %s (via %s:%d); ask them to confirm. Nothing was filed")
	msgNoPreviousData = msg.New("main.no_previous_data",
		"被更正的报告没有报告数据（.json），无法列出更正的内容",
		"the corrected filing has no report data (.json) to compare with")
	msgOutNeedsDraft = msg.New("main.out_needs_draft",
		"-out 只用于草稿：请加 -draft",
		"-out is for drafts: add -draft")
	msgKindRequired = msg.New("main.kind_required",
		"须写明更正哪一种报告：-kind evaluation（案卷评查报告）或 -kind filing（重大决定备案报告）",
		"-kind is required: -kind evaluation or -kind filing")
	msgDraftFlag   = msg.New("main.flag.draft", "写一份草稿到 -out：不报送，不动台账", "write a draft (草稿) to -out; file nothing, leave the ledger alone")
	msgOutFlag     = msg.New("main.flag.out", "草稿的文件夹（默认是 site.toml 旁边的 drafts）", "folder for drafts (default: drafts beside site.toml)")
	msgKindFlag    = msg.New("main.flag.kind", "evaluation（案卷评查报告）或 filing（重大决定备案报告），必填", "evaluation or filing (required)")
	msgReasonFlag  = msg.New("main.flag.reason", "更正原因（必填）", "why it is corrected, in Chinese (required)")
	msgCorrectHint = msg.New("main.correct_hint",
		"已报送的报告不会重新生成；案卷有改动需要更正的，运行 qingdan report correct -period %v -kind %s -reason \"更正原因\"",
		"a filed report is never made again; to correct it after the case files changed, run qingdan report correct -period %v -kind %s -reason \"why\"")
	msgHolidaysWarn = msg.New("main.holidays_warn",
		"按工作日计算期间，但 [reports] holidays 中没有案卷涉及的 %s 年的节假日：报告将拒绝生成",
		"working days are counted but [reports] holidays lists no holiday of %s, which the case files reach: the reports will refuse")
	msgHolidaysHint = msg.New("main.holidays_hint",
		"在 [reports] holidays 中列出这些年份落在周一至周五的法定节假日，调休上班的周末写在 workdays",
		"list those years' weekday public holidays in [reports] holidays, and weekend days worked in workdays")
	msgDraftPublished = msg.New("main.draft_published",
		"草稿含个人信息，不能写到 %s：它与网站发布的文件夹 %q 重叠；用 -out drafts 或不写 -out",
		"a draft holds personal data and cannot go to %s: it overlaps the published folder %q; use -out drafts or leave -out out")
	msgDraftWritten = msg.New("main.draft_written",
		"%v %s 草稿（未报送，未记入台账）写入 %s：",
		"%v %s draft (not filed, not in the ledger) written to %s:")
	msgCorrected = msg.New("main.corrected",
		"%v %s 更正已报送：文号 %s，更正 %s",
		"%v %s correction filed: number %s, correcting %s")
)
