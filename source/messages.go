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
	kindBool      = msg.New("kind.bool", " true 或 false", "true or false")
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

// The slips of typing TOML with a Chinese input method (slips.go).
var (
	fwComma       = msg.New("slip.fw.comma", "逗号", "comma")
	fwColon       = msg.New("slip.fw.colon", "冒号", "colon")
	fwEquals      = msg.New("slip.fw.equals", "等号", "equals sign")
	fwQuote       = msg.New("slip.fw.quote", "引号", "quotation mark")
	fwSingleQuote = msg.New("slip.fw.single_quote", "单引号", "single quotation mark")
	fwBracket     = msg.New("slip.fw.bracket", "方括号", "bracket")
	fwParen       = msg.New("slip.fw.paren", "括号", "parenthesis")

	slipFullWidth         = msg.New("slip.full_width", "这里的 %s 是中文（全角）%s，TOML 在这里要用英文的 %s", "the %s here is a full-width (Chinese) %s; TOML needs the ASCII %s here")
	slipFixed             = msg.New("slip.fixed", "切换到英文输入法，这一行改成：%s", "switch the input method to English and make the line: %s")
	slipFullSpace         = msg.New("slip.full_space", "全角空格", "full-width space")
	slipFullWidthSpace    = msg.New("slip.full_width_space", "这里有一个全角空格（中文输入法的空格）", "there is a full-width space here (the space of a Chinese input method)")
	slipTab               = msg.New("slip.tab", "制表符（Tab）", "tab")
	slipSpace             = msg.New("slip.space", "空格", "space")
	slipSpaceInKey        = msg.New("slip.space_in_key", "名称“%s”中间有%s", "the key \"%s\" has a %s inside it")
	slipUnquoted          = msg.New("slip.unquoted", "文字没有加英文双引号", "the text is not in double quotes")
	slipUnclosed          = msg.New("slip.unclosed", "从这里开始的文字没有结束的引号", "the text that starts here has no closing quote")
	slipUnclosedFix       = msg.New("slip.unclosed.hint", `在这一行文字的末尾加上英文双引号 "；文字要分几行写的，用三个引号 """ 开始和结束`, `add a straight double quote " at the end of the text on this line; a text of several lines starts and ends with """`)
	slipUnclosedCNFix     = msg.New("slip.unclosed_cn.hint", "文字末尾的引号是中文引号；改成英文双引号：%s", "the text ends with a Chinese quotation mark; make it a straight one: %s")
	slipUnclosedTriple    = msg.New("slip.unclosed_triple", `从这里开始的多行文字没有结束的 """`, `the text of several lines that starts here is never closed with """`)
	slipUnclosedTripleFix = msg.New("slip.unclosed_triple.hint", `在这段文字的最后加上一行 """`, `add """ at the end of the text`)
	slipUnclosedArray     = msg.New("slip.unclosed_array", "从这里开始的列表没有结束的 ]", "the list that starts here is never closed with ]")
	slipUnclosedArrayFix  = msg.New("slip.unclosed_array.hint", `在列表的最后一项后面加上英文方括号 ]，如 units = ["zcfg", "jsfwz"]`, `add a ] after the last element, as in units = ["zcfg", "jsfwz"]`)
	slipHeader            = msg.New("slip.header", "表头的方括号没有配对", "the brackets of this table header do not match")
	slipHeaderFix         = msg.New("slip.header.hint", "表头写成 [[duty]] 或 [[duty.item]]：两边各两个英文方括号", "write the header as [[duty]] or [[duty.item]]: two ASCII brackets on each side")
	slipAfterValue        = msg.New("slip.after_value", "值后面多了 %s", "there is a stray %s after the value")
	slipAfterValueFixed   = msg.New("slip.after_value_fixed.hint", "删掉它，这一行改成：%s", "remove it, making the line: %s")
	slipAfterValueFix     = msg.New("slip.after_value.hint", "删掉它：一行只写一项；要写说明，写在 # 后面：%s", "remove it: one key per line; a remark goes after #: %s")
	slipInnerQuotes       = msg.New("slip.inner_quotes", "文字里的英文双引号 \" 让文字在这里提前结束了", "a straight quote \" inside the text ends it here")
	slipInnerQuotesFix    = msg.New("slip.inner_quotes.hint", "文字里的引号用中文引号“”，这一行改成：%s", "use Chinese quotes “” inside the text, making the line: %s")
	slipBareLine          = msg.New("slip.bare_line", "这一行只有文字“%s”，没有名称和 =", "this line holds only %s, without a key and =")
	slipBareLineFix       = msg.New("slip.bare_line.hint", "是上一行文字的后半段，就接到上一行的引号里面；是一项内容，写成 名称 = \"%s\"", "if it is the end of the text above, move it inside that text's quotes; if it is a value, write key = \"%s\"")
	slipDoubleComma       = msg.New("slip.double_comma", "列表里多了一个英文逗号 ,（两项之间只要一个）", "there is one comma too many in the list (one between two elements)")
	slipInArray           = msg.New("slip.in_array", "列表里多了 %s", "there is a stray %s in the list")
	slipInArrayFix        = msg.New("slip.in_array.hint", `列表的各项之间用英文逗号 "," 分开，每项文字都加英文双引号：["xxgxzx", "ldrk"]`, `separate the elements with ASCII commas, each text in double quotes: ["xxgxzx", "ldrk"]`)
	slipDate              = msg.New("slip.date", "日期 %s 写法不对", "the date %s is not written as TOML reads dates")
	slipDateFix           = msg.New("slip.date.hint", "写成 %s（年-月-日，用英文短横线，月和日都写两位，不加引号）", "write %s (year-month-day with hyphens, two-digit month and day, no quotes)")
	slipBadDay            = msg.New("slip.bad_day", "日期 %s 不存在：%s", "the date %s does not exist: %s")
	slipBadDayFix         = msg.New("slip.bad_day.hint", "按原文核对日期，写成真实存在的一天，如 %s", "check the date against the source and write a day that exists, such as %s")
	slipNoMonth           = msg.New("slip.no_month", "没有 %d 月，月份只能是 01 到 12", "there is no month %d; months are 01 to 12")
	slipNoDay             = msg.New("slip.no_day", "%d 年 %d 月只有 %d 天", "in %d, month %d has only %d days")
	dateAsTextFix         = msg.New("toml.date_as_text.hint", "写成 %s，不加引号", "write %s, without quotes")
)

// Hints for the TOML parser's own complaints, when no slip explains them.
var (
	syntaxUnclosedFix  = msg.New("toml.syntax.unclosed.hint", `有引号（"）或方括号没有配对；文字写成一行的 "文字"，或写在 """ 和 """ 之间`, `a quote (") or bracket is not closed; text values are written as "文字" on one line or between """ and """`)
	syntaxQuotesFix    = msg.New("toml.syntax.quotes.hint", `文字两边要用英文双引号：text = "文字"（不是“中文引号”）`, `text values must be in straight double quotes: text = "文字" (not “中文引号”)`)
	syntaxDuplicateFix = msg.New("toml.syntax.duplicate.hint", "同一段里每个名称只能写一次；要再加一条，另起一段 [[...]]", "each key may appear once per table; to add another entry start a new [[...]] table")
)

// Files saved in another encoding than UTF-8 (encoding.go).
var (
	wrongEncoding    = msg.New("file.encoding", "文件的编码是 %s，qingdan 只读 UTF-8 编码的文件", "the file is saved as %s; qingdan reads UTF-8 files only")
	wrongEncodingFix = msg.New("file.encoding.hint",
		"运行 qingdan fix-encoding %s 自动转成 UTF-8；或者自己另存：记事本“文件→另存为”，编码选“UTF-8”；WPS“文件→另存为”，编码选“UTF-8”；Notepad++“编码→转为 UTF-8 编码”，再保存",
		"run qingdan fix-encoding %s to convert it to UTF-8; or save it again yourself: Notepad File > Save As, Encoding UTF-8; WPS File > Save As, encoding UTF-8; Notepad++ Encoding > Convert to UTF-8, then save")
	encGBK     = msg.New("file.encoding.gbk", "GBK（GB18030，记事本里叫 ANSI）", "GBK (GB18030, which Notepad calls ANSI)")
	encUTF16LE = msg.New("file.encoding.utf16le", "UTF-16 LE（记事本里叫 Unicode 或 UTF-16 LE）", "UTF-16 LE (which Notepad calls Unicode or UTF-16 LE)")
	encUTF16BE = msg.New("file.encoding.utf16be", "UTF-16 BE（记事本里叫 Unicode big endian 或 UTF-16 BE）", "UTF-16 BE (which Notepad calls Unicode big endian or UTF-16 BE)")
)

// More slips (slips.go).
var (
	fwEnumComma         = msg.New("slip.fw.enum_comma", "顿号", "enumeration comma")
	fwSemicolon         = msg.New("slip.fw.semicolon", "分号", "semicolon")
	slipFullWidthChar   = msg.New("slip.full_width_char", "这里的 %s 是全角字符，要用英文（半角）的 %s", "the %s here is a full-width character; TOML needs the ASCII %s")
	slipBool            = msg.New("slip.bool", "%s 要写成英文小写的 true 或 false", "%s must be written true or false, in lowercase")
	slipLeadingZero     = msg.New("slip.leading_zero", "%s 前面有 0，不是数字的写法", "%s has leading zeros, which a number cannot have")
	slipLeadingZeroFix  = msg.New("slip.leading_zero.hint", `是编号就加英文双引号：%s = "%s"；是数字就去掉前面的 0：%s = %s`, `an id is text, in double quotes: %s = "%s"; a number has no leading zeros: %s = %s`)
	slipChineseKey      = msg.New("slip.chinese_key", "等号左边的名称要用英文，不能写“%s”", "the key must be one of the English names, not \"%s\"")
	slipChineseKeyFix   = msg.New("slip.chinese_key.hint", "能写的名称见 content/README.md 的示例，如 id、text、units", "the keys are in the examples of content/README.md, such as id, text, units")
	slipChineseKeyMeant = msg.New("slip.chinese_key_meant.hint", "是不是 %s？这一行改成：%s", "did you mean %s? make the line: %s")
	slipNoEquals        = msg.New("slip.no_equals", "名称和值之间少了英文等号 =", "there is no = between the key and its value")
	slipNoComma         = msg.New("slip.no_comma", "列表的两项之间少了英文逗号 ,", "a comma is missing between two elements of the list")
)

var slipNoBrackets = msg.New("slip.no_brackets", "几个值要写在英文方括号 [ ] 里，成为一个列表", "several values make a list, in ASCII brackets [ ]")

var slipIDUnquoted = msg.New("slip.id_unquoted", "编号 %s 要加英文双引号", "the id %s must be in double quotes")

// The parser's other complaints, in the editor's words.
var (
	slipDefinedTwice = msg.New("slip.defined_twice", "%s 写了两次", "%s is written twice")
	slipNotArray     = msg.New("slip.not_array", "前面已经用 [%s] 写过，这里不能再用 [[%s]]", "it was written [%s] above, so it cannot be [[%s]] here")
	slipNotArrayFix  = msg.New("slip.not_array.hint", "每一条都用两边各两个方括号的 [[%s]] 开始", "start every entry with [[%s]], two brackets on each side")
	slipTooLarge     = msg.New("slip.too_large", "数字 %s 太大", "the number %s is too large")
	slipTooLargeFix  = msg.New("slip.too_large.hint", "核对这个数字；编号、电话之类的要加英文双引号写成文字", "check the number; ids and phone numbers are text, in double quotes")
)
