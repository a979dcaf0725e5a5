package config

import "qingdan/msg"

// Messages of [reports] day counting, example case files and the
// document numbers of [pipeline].
var (
	dayCountingBad = msg.New("config.day_counting_bad",
		"day_counting %q 不是 \"calendar\"（日历日）或 \"working\"（工作日）",
		"day_counting %q is not \"calendar\" or \"working\"")
	dayCountingHint = msg.New("config.day_counting_hint",
		`写 day_counting = "calendar"（按日历日，原文如此）或 day_counting = "working"（按工作日）`,
		`write day_counting = "calendar" (calendar days, as the source reads) or day_counting = "working"`)
	workingNoHolidays = msg.New("config.working_no_holidays",
		"按工作日计算期间（day_counting = \"working\"）须列出法定节假日",
		"counting working days (day_counting = \"working\") needs the holidays")
	workingHint = msg.New("config.working_hint",
		"在 [reports] 中写 holidays = [2026-01-01, 2026-02-16, …]（落在周一至周五的法定节假日），调休上班的周末写在 workdays = [2026-02-14, …]",
		"add holidays = [2026-01-01, 2026-02-16, …] (public holidays on weekdays) and workdays = [2026-02-14, …] (weekend days worked) under [reports]")
	numberNoSeq = msg.New("config.number_no_seq",
		"文号格式 %q 中没有序号 {n}：每份报告的文号会相同",
		"number pattern %q has no {n}: every report would get the same number")
	numberHint = msg.New("config.number_hint",
		`写 number = "威人口〔{year}〕{n}号"：{year} 为成文年份，{n} 为当年序号`,
		`write number = "威人口〔{year}〕{n}号": {year} is the year of issue, {n} its sequence in that year`)
	waitBad = msg.New("config.wait_bad",
		"wait_for_reviews = %d 不是 0 到 90 之间的天数",
		"wait_for_reviews = %d is not a number of days from 0 to 90")
	waitHint = msg.New("config.wait_hint",
		"写到期后最多等待评查的天数，例如 wait_for_reviews = 15；0 为不等待",
		"write how many days after the due day to wait for reviews, such as wait_for_reviews = 15; 0 for none")
)
