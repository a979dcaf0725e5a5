package source

import "qingdan/msg"

// The limits of what editors' files may hold (limits.go, markdown.go), the
// characters text may not hold (text.go), and the summary of repeated
// problems (fold.go).
var (
	limitDepth = msg.New("limits.depth",
		"括号 [ ] 或 { } 在这里套了 %d 层以上，超过了上限",
		"brackets [ ] or braces { } are nested more than %d deep here, over the limit")
	limitDepthHint = msg.New("limits.depth-hint",
		"清单里的值最多套两三层，如 units = [\"zcfg\"]；检查括号是否配对",
		"the values of a list nest two or three deep at most, as in units = [\"zcfg\"]; check that the brackets pair up")
	limitKeyParts = msg.New("limits.key-parts",
		"这个键名用 . 连接了 %d 段以上，超过了上限",
		"this key has more than %d parts joined by dots, over the limit")
	limitKeyPartsHint = msg.New("limits.key-parts-hint",
		"键名写成 name = \"文字\"，表头写成 [[unit]] 或 [[duty.item]]",
		"write keys as name = \"文字\" and table headers as [[unit]] or [[duty.item]]")
	limitLine = msg.New("limits.line",
		"这一行有 %d KB，超过了 %d KB 的上限",
		"this line is %d KB long, over the limit of %d KB")
	limitLineHint = msg.New("limits.line-hint",
		"一段很长的文字请分成几行，放在 \"\"\" 和 \"\"\" 之间；粘贴错了？",
		"split a long text over several lines between \"\"\" and \"\"\"; a paste gone wrong?")
	limitArray = msg.New("limits.array",
		"这个列表有 %d 项以上，超过了上限",
		"this list has %d elements or more, over the limit")
	limitArrayHint = msg.New("limits.array-hint",
		"清单里的一个列表只有几项，如 units = [\"zcfg\", \"rms\"]；粘贴错了？",
		"a list in the content holds a few elements, as in units = [\"zcfg\", \"rms\"]; a paste gone wrong?")
	limitEntries = msg.New("limits.entries",
		"文件里的条目超过了 %d 个的上限",
		"the file holds more than %d entries, over the limit")
	limitEntriesHint = msg.New("limits.entries-hint",
		"把内容分到几个文件里，或检查是不是粘贴错了",
		"split the content over several files, or check for a paste gone wrong")
)

var (
	mdTooBig = msg.New("markdown.too-big",
		"正文有 %d KB，超过了 %d KB 的上限",
		"the text is %d KB, over the limit of %d KB")
	mdTooBigHint = msg.New("markdown.too-big-hint",
		"一项制度的正文只有几千字；把它分成几个文件，或检查是不是粘贴错了",
		"the text of one system is a few thousand characters; split it over several files, or check for a paste gone wrong")
	mdNesting = msg.New("markdown.nesting",
		"这一行开头的列表或引用标记套了 %d 层以上，或缩进超过 %d 列",
		"this line opens with lists or quotes nested more than %d deep, or is indented more than %d columns")
	mdNestingHint = msg.New("markdown.nesting-hint",
		"列表最多套两三层：每层缩进两个空格，如 \"- 一\" 下面 \"  - 二\"",
		"lists nest two or three deep at most, each level indented two spaces: \"- one\" and under it \"  - two\"")
	mdMarks = msg.New("markdown.marks",
		"Markdown 标记符号 [ ] ( ) * _ ` 太多：一段最多 %d 个，一个文件最多 %d 个",
		"too many Markdown marks [ ] ( ) * _ `: at most %d in a paragraph and %d in a file")
	mdMarksHint = msg.New("markdown.marks-hint",
		"中文的括号请用全角（），需要时把长段落分成几段（中间空一行）",
		"use full-width brackets （） in Chinese text, and split a long paragraph with blank lines")
	textControl = msg.New("text.control",
		"这里有一个看不见的控制字符 %U，不能出现在文字中",
		"there is an invisible control character %U here, which text may not hold")
	textControlHint = msg.New("text.control-hint",
		"删除它（通常是从别的软件复制过来的），或把这段文字重新输入一遍",
		"delete it (it usually comes with text copied from another program), or type the text again")
	textTimeOnly = msg.New("text.time-only",
		"%s 只有时间 %s，没有日期",
		"%s is a time of day, %s, with no date")
	textTimeOnlyHint = msg.New("text.time-only-hint",
		"写上日期：%s = 2026-01-31（需要时间时写 2026-01-31T10:00:00+08:00）",
		"write the date: %s = 2026-01-31 (with a time: 2026-01-31T10:00:00+08:00)")
	textControlValue = msg.New("text.control-value",
		"%s 中有一个看不见的控制字符 %U（如 \\u0000），不能出现在文字中",
		"%s holds an invisible control character %U (such as \\u0000), which text may not hold")
)

var foldedMore = msg.New("problems.more",
	"…及另外 %d 处同类问题",
	"… and %d more problems of the same kind")
