package reports

import "qingdan/msg"

// Messages of the law fixes, drafts, example case files and issued
// reports (numbers, corrections).
var (
	violationEndBefore = msg.New("reports.violation_end_before",
		"违法行为的终了日期（end）早于发生日期（date）",
		"the act ends (end) before it began (date)")
	correctionUnchanged = msg.New("reports.correction_unchanged",
		"报告数据与已报送的 %s 相同，无需更正：先改正案卷，再运行更正",
		"the report's data is the same as the filed %s: nothing to correct; correct the case files first")
	changeAdded   = msg.New("reports.change_added", "新增 %s：%s", "added to %s: %s")
	changeRemoved = msg.New("reports.change_removed", "删除 %s：%s", "removed from %s: %s")
	changeValue   = msg.New("reports.change_value", "%s：%s → %s", "%s: %s → %s")
	changesMore   = msg.New("reports.changes_more", "……另有 %d 处变化，见报告数据（JSON）", "… %d more changes, see the report's data (JSON)")
	noCaseFiles   = msg.New("reports.no_case_files",
		"案卷文件夹 %s 中没有案卷（.toml），不能报送：先把本局的案卷放进去，用 qingdan report check 检查",
		"the case folder %s holds no case files (.toml): nothing is filed; put the bureau's case files in and run qingdan report check")
	holidaysMissing = msg.New("reports.holidays_missing",
		"按工作日计算期间（day_counting = \"working\"），但 site.toml 的 [reports] holidays 中没有 %s 年的法定节假日：先列出这些年份的节假日（调休上班日写在 workdays）",
		"working days are counted (day_counting = \"working\") but [reports] holidays in site.toml lists no holiday of %s: list those years' holidays (and workdays) first")
	exampleRefused = msg.New("reports.example_refused",
		"%s 是虚构的示例案卷（文件夹中有 %s），只能出草稿，不能报送：试用请加 -draft；正式报送请把 site.toml 的 [reports] casefiles 改为本局案卷的文件夹，例如 casefiles = \"casefiles\"",
		"%s holds fictitious example case files (it has %s): draft with -draft, never file them; to file, set [reports] casefiles in site.toml to the bureau's own folder, such as casefiles = \"casefiles\"")
)
