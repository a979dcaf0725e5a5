package pipeline

import "qingdan/msg"

// Messages of corrections, the outbox's own record, a lost ledger, the
// wait for reviews and the mail test.
var (
	errReasonMissing = msg.New("pipeline.reason_missing",
		"更正须写明原因：-reason \"……\"",
		"a correction needs its reason: -reason \"…\"")
	errNothingToCorrect = msg.New("pipeline.nothing_to_correct",
		"台账中没有已报送的 %s %s，无从更正；先报送，再更正",
		"the ledger holds no filed %s %s to correct; file it first")
	errFiledCopyBad = msg.New("pipeline.filed_copy_bad",
		"已报送的文件 %s 无法核对（%v）；从备份恢复它，再更正",
		"the filed copy %s cannot be checked (%v); restore it from a backup, then correct")
	errLedgerLost = msg.New("pipeline.ledger_lost",
		"报送台账 %s 缺少发件箱中已报送的 %d 份报告（%s）：台账可能被删除、清空或换成了旧的备份。为防止重复报送，现在不生成也不报送任何报告。运行 qingdan pipeline recover 从发件箱的记录重建台账",
		"the ledger %s lacks %d filings the outbox holds (%s): it was deleted, emptied or replaced by an old backup. To never file twice nothing is produced or delivered. Run qingdan pipeline recover to rebuild the ledger from the outbox's records")
	recovered = msg.New("pipeline.recovered",
		"从发件箱的记录向台账 %s 补回 %d 条记录",
		"to the ledger %s: %d records added from the outbox's records")
	errFiledBad = msg.New("pipeline.filed_bad",
		"%s 不是发件箱的报送记录（%v）：从备份恢复 outbox/.filed/ 中的这个文件",
		"%s is not an outbox record (%v): restore this file of outbox/.filed/ from a backup")
	errSumDiffers = msg.New("pipeline.sum_differs",
		"与台账所记的 SHA-256 %s 不一致",
		"its SHA-256 differs from the ledger's %s")
	errCorrectionName = msg.New("pipeline.correction_name",
		"更正的文件名 %q 与已报送的文件相同，已报送的文件不能被覆盖",
		"the correction's file name %q is that of a filed file, which is never replaced")
	waitingReviews = msg.New("pipeline.waiting_reviews",
		"等待评查：%s；最迟 %s 报送",
		"waiting for reviews: %s; filed at %s at the latest")
)
