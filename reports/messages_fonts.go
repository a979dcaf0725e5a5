package reports

import "qingdan/msg"

// Messages about the fonts of the PDFs.
var (
	fontUnusable = msg.New("reports.font.unusable",
		"[reports] fonts 中的字体 %s 不能使用，已跳过：%s",
		"font %s of [reports] fonts cannot be used and is left out: %s")
	noChainFont = msg.New("reports.font.nochain",
		"[reports] fonts 中没有一个能用的 TrueType 字体；安装 %[1]s（apt-get install %[1]s），或在 site.toml 中改正字体路径",
		"no font of [reports] fonts can be used; install %[1]s (apt-get install %[1]s) or correct the paths in site.toml")
	roleMissing = msg.New("reports.font.role.missing",
		"没有配置%s字体（GB/T 9704 公文用字）：改用 %s；在 site.toml 的 [reports] 中设置 font_body（仿宋）和 font_title（小标宋）",
		"no %s face is configured (GB/T 9704): %s is used instead; set font_body (仿宋) and font_title (小标宋) in [reports] of site.toml")
	roleUnusable = msg.New("reports.font.role.unusable",
		"%s字体 %s 不能使用（%s）：改用 %s",
		"the %s face %s cannot be used (%s): %s is used instead")
	glyphMissing = msg.New("reports.font.glyph.missing",
		"%s 中的字符“%s”（U+%04X）没有任何字体能显示，PDF 中将印成 〓（复制出的文字仍是原字）",
		"%s holds \"%s\" (U+%04X), which no font can draw: the PDF prints 〓 in its place (its text keeps the character)")
	glyphMissingHint = msg.New("reports.font.glyph.missing.hint",
		"安装含有这个字的 TrueType 字体（如 apt-get install fonts-hanazono），或把它加进 site.toml 的 [reports] fonts",
		"install a TrueType font that has it (such as apt-get install fonts-hanazono), or add one to [reports] fonts in site.toml")
)
