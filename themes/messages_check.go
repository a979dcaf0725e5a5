package themes

import "qingdan/msg"

// What Open and Check say about a theme folder and its templates.
var (
	themeNoFolder = msg.New("theme.no_folder",
		"site.toml 里的 theme = %q 没有对应的文件夹 %s（内置主题叫 \"default\"：改成 theme = \"default\"，或者建好这个文件夹，可复制 qingdan 源码中的 themes/default/ 再修改）",
		"theme %q has no folder %s (the built-in theme is called \"default\": set theme = \"default\", or make the folder, copying themes/default/ of qingdan's source)")
	themeNotFolder = msg.New("theme.not_folder",
		"主题 %q：%s 不是文件夹",
		"theme %q: %s is not a folder")
	themeOpen = msg.New("theme.open",
		"主题 %q 打不开：%v",
		"theme %q cannot be opened: %v")
	templateSyntax = msg.New("theme.template_syntax",
		"模板写法有误：%s",
		"the template is not well formed: %s")
	templateEOF = msg.New("theme.template_eof",
		"模板到文件末尾还没有结束",
		"the template ends before all its blocks do")
	templateMissingEnd = msg.New("theme.template_missing_end",
		"缺少 {{end}}：每个 {{if}}、{{range}}、{{with}}、{{define}}、{{block}} 都要有自己的 {{end}}",
		"an {{end}} is missing: every {{if}}, {{range}}, {{with}}, {{define}} and {{block}} needs its own {{end}}")
	templateExtraEnd = msg.New("theme.template_extra_end",
		"这里多了一个 {{end}}（或 {{else}}），前面没有和它配对的 {{if}}、{{range}}、{{with}}",
		"this {{end}} (or {{else}}) has no {{if}}, {{range}} or {{with}} before it to close")
	templateUnclosed = msg.New("theme.template_unclosed",
		"{{ 没有对应的 }}：检查这一行的花括号是否成对，是否误用了全角的｛｝",
		"a {{ has no }}: check the braces of this line come in pairs and are not full-width ｛｝")
	templateOther = msg.New("theme.template_other",
		"对照内置主题 themes/default/ 中的同名文件检查这一行",
		"compare this line with the file of the same name in the built-in theme themes/default/")
)
