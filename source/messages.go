package source

import "qingdan/msg"

// The words of a printed problem.
var (
	labelError   = msg.New("problem.error", "错误：", "error: ")
	labelWarning = msg.New("problem.warning", "警告：", "warning: ")
	labelHint    = msg.New("problem.hint", "提示：", "hint: ")
)

// Problems of the file as a whole.
var (
	notUTF8        = msg.New("file.not_utf8", "文件不是 UTF-8 编码的文字", "the file is not valid UTF-8 text")
	saveAsUTF8     = msg.New("file.save_utf8", "在编辑器中“另存为”，编码选 UTF-8", "save the file as UTF-8 (in the editor: Save As, encoding UTF-8)")
	syntaxPrefix   = msg.New("toml.syntax", "TOML 写法有误：%s", "TOML syntax: %s")
	keyMissing     = msg.New("toml.key_missing", "%s 缺少 %q", "%s is missing %q")
	keyMissingFix  = msg.New("toml.key_missing.hint", "加上一行：%s = %s", "add a line: %s = %s")
	valueEmpty     = msg.New("toml.value_empty", "%q 是空的", "%q is empty")
	valueEmptyFix  = msg.New("toml.value_empty.hint", "在这里写上 %s，或者删掉整条", "write the %s here, or remove the whole entry")
	keyMissingTop  = msg.New("toml.key_missing_top", "本文件缺少 %q", "the file is missing %q")
	keyUnknownTop  = msg.New("toml.key_unknown_top", "%q 不是本文件能写的名称", "unknown key %q in the file")
	keyUnknown     = msg.New("toml.key_unknown", "%q 不是 %s 里能写的名称", "unknown key %q in %s")
	keyAllowed     = msg.New("toml.key_unknown.allowed", "这里能写的名称有：%s", "the keys allowed here are: %s")
	didYouMean     = msg.New("toml.did_you_mean", "是不是 %q？", "did you mean %q?")
	textTooLong    = msg.New("toml.text_too_long", "%s 有 %d KB 长；一项文字最长 %d KB", "%s is %d KB long; a text may be at most %d KB")
	textTooLongFix = msg.New("toml.text_too_long.hint", "是不是粘贴出了错？清单里没有这么长的条目，请删短", "a paste went wrong? no entry of the list is anywhere near this long; shorten it")
	numberTooLarge = msg.New("toml.number_too_large", "数字 %d 太大", "number %d is too large")
	cannotDecode   = msg.New("toml.cannot_decode", "不能读成 %s", "cannot decode into %s")
	wrongType      = msg.New("toml.wrong_type", "%s 应该是%s，不是%s", "%s should be %s, not %s")
	wrongTypeFix   = msg.New("toml.wrong_type.hint", "写成 %s", "write it as %s")
)

// The names of kinds of value, in wrongType.
var (
	kindDate      = msg.New("kind.date", "日期", "a date")
	kindText      = msg.New("kind.text", "文字", "text")
	kindBool      = msg.New("kind.bool", "true 或 false", "true or false")
	kindInt       = msg.New("kind.int", "整数", "a whole number")
	kindNumber    = msg.New("kind.number", "数字", "a number")
	kindTableList = msg.New("kind.table_list", "一组 [[...]] 表", "a list of tables")
	kindList      = msg.New("kind.list", "列表", "a list")
	kindTable     = msg.New("kind.table", "表", "a table")
	rawText       = msg.New("raw.text", "文字 %q", "text %q")
	rawNumber     = msg.New("raw.number", "数字 %s", "the number %s")
	exampleTables = msg.New("example.tables", "[[...]] 表", "[[...]] tables")
	exampleTable  = msg.New("example.table", "表", "a table")
)

// Front matter of Markdown files.
var (
	frontMissing     = msg.New("front.missing", "文件开头没有基本信息（+++ 一行）", "the file does not start with front matter (a +++ line)")
	frontMissingFix  = msg.New("front.missing.hint", "文件第一行写 +++，接着写 id = \"01\"、title = \"…\"、order = 1，再写一行 +++，然后是正文", "start the file with a line +++, then id = \"01\", title = \"…\", order = 1, then a line +++, then the text")
	frontYAML        = msg.New("front.yaml", "基本信息写在两行 +++ 之间（TOML），不是 --- 之间（YAML）", "front matter is TOML between +++ lines, not YAML between --- lines")
	frontUnclosed    = msg.New("front.unclosed", "第 1 行开始的基本信息没有结束", "the front matter opened on line 1 is never closed")
	frontUnclosedFix = msg.New("front.unclosed.hint", "在基本信息之后、正文之前加一行 +++", "add a line +++ after the front matter, before the text")
)

// Why a file could not be read.
var (
	reasonMissing    = msg.New("io.missing", "文件不存在", "file does not exist")
	reasonPermission = msg.New("io.permission", "没有读取权限", "permission denied")
	reasonIsDir      = msg.New("io.is_dir", "这是文件夹，不是文件", "is a folder, not a file")
)
