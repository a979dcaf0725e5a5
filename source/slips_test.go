package source

import (
	"testing"
	"time"

	"qingdan/msg"
)

// TestSlips decodes each common slip and compares its one problem, with
// position and hint, in both languages.
func TestSlips(t *testing.T) {
	defer msg.SetLang(msg.ZH)
	tests := []struct {
		name, in string
		zh, en   string
	}{
		{"full-width colon", "id：= \"01\"\n",
			"f.toml:1:3: 错误：这里的 ： 是中文（全角）冒号，TOML 在这里要用英文的 =\n  提示：切换到英文输入法，这一行改成：id = \"01\"\n",
			"f.toml:1:3: error: the ： here is a full-width (Chinese) colon; TOML needs the ASCII = here\n  hint: switch the input method to English and make the line: id = \"01\"\n"},
		{"full-width comma in list", "units = [\"xxgxzx\"，\"ldrk\"]\n",
			"f.toml:1:18: 错误：这里的 ， 是中文（全角）逗号，TOML 在这里要用英文的 ,\n  提示：切换到英文输入法，这一行改成：units = [\"xxgxzx\",\"ldrk\"]\n",
			"f.toml:1:18: error: the ， here is a full-width (Chinese) comma; TOML needs the ASCII , here\n  hint: switch the input method to English and make the line: units = [\"xxgxzx\",\"ldrk\"]\n"},
		{"full-width comma after value", "note = \"\"，\n",
			"f.toml:1:10: 错误：值后面多了 ，\n  提示：删掉它，这一行改成：note = \"\"\n",
			"f.toml:1:10: error: there is a stray ， after the value\n  hint: remove it, making the line: note = \"\"\n"},
		{"chinese quotes keep inner quotes", "name = “优生“免费”服务”\n",
			"f.toml:1:8: 错误：这里的 “ 是中文（全角）引号，TOML 在这里要用英文的 \"\n  提示：切换到英文输入法，这一行改成：name = \"优生“免费”服务\"\n",
			"f.toml:1:8: error: the “ here is a full-width (Chinese) quotation mark; TOML needs the ASCII \" here\n  hint: switch the input method to English and make the line: name = \"优生“免费”服务\"\n"},
		{"full-width equals", "id ＝ \"01\"\n",
			"f.toml:1:4: 错误：这里的 ＝ 是中文（全角）等号，TOML 在这里要用英文的 =\n  提示：切换到英文输入法，这一行改成：id = \"01\"\n",
			"f.toml:1:4: error: the ＝ here is a full-width (Chinese) equals sign; TOML needs the ASCII = here\n  hint: switch the input method to English and make the line: id = \"01\"\n"},
		{"lenticular brackets", "units = 【\"a\"】\n",
			"f.toml:1:9: 错误：这里的 【 是中文（全角）方括号，TOML 在这里要用英文的 [\n  提示：切换到英文输入法，这一行改成：units = [\"a\"]\n",
			"f.toml:1:9: error: the 【 here is a full-width (Chinese) bracket; TOML needs the ASCII [ here\n  hint: switch the input method to English and make the line: units = [\"a\"]\n"},
		{"date with slashes", "published = 2026/11/30\n",
			"f.toml:1:13: 错误：日期 2026/11/30 写法不对\n  提示：写成 2026-11-30（年-月-日，用英文短横线，月和日都写两位，不加引号）\n",
			"f.toml:1:13: error: the date 2026/11/30 is not written as TOML reads dates\n  hint: write 2026-11-30 (year-month-day with hyphens, two-digit month and day, no quotes)\n"},
		{"date with a one-digit day", "published = 2026-11-5\n",
			"f.toml:1:13: 错误：日期 2026-11-5 写法不对\n  提示：写成 2026-11-05（年-月-日，用英文短横线，月和日都写两位，不加引号）\n",
			"f.toml:1:13: error: the date 2026-11-5 is not written as TOML reads dates\n  hint: write 2026-11-05 (year-month-day with hyphens, two-digit month and day, no quotes)\n"},
		{"impossible date", "published = 2026-02-30\n",
			"f.toml:1:13: 错误：日期 2026-02-30 不存在：2026 年 2 月只有 28 天\n  提示：按原文核对日期，写成真实存在的一天，如 2026-02-28\n",
			"f.toml:1:13: error: the date 2026-02-30 does not exist: in 2026, month 2 has only 28 days\n  hint: check the date against the source and write a day that exists, such as 2026-02-28\n"},
		{"no such month", "published = 2026-13-45\n",
			"f.toml:1:13: 错误：日期 2026-13-45 不存在：没有 13 月，月份只能是 01 到 12\n  提示：按原文核对日期，写成真实存在的一天，如 2026-12-31\n",
			"f.toml:1:13: error: the date 2026-13-45 does not exist: there is no month 13; months are 01 to 12\n  hint: check the date against the source and write a day that exists, such as 2026-12-31\n"},
		{"date in quotes", "published = \"2026年11月30日\"\n",
			"f.toml:1:13: 错误：published 应该是日期，不是文字 \"2026年11月30日\"\n  提示：写成 2026-11-30，不加引号\n",
			"f.toml:1:13: error: published should be a date, not text \"2026年11月30日\"\n  hint: write 2026-11-30, without quotes\n"},
		{"unclosed quote", "order = 1\nnote = \"未闭合\norder = 2\n",
			"f.toml:2:8: 错误：从这里开始的文字没有结束的引号\n  提示：在这一行文字的末尾加上英文双引号 \"；文字要分几行写的，用三个引号 \"\"\" 开始和结束\n",
			"f.toml:2:8: error: the text that starts here has no closing quote\n  hint: add a straight double quote \" at the end of the text on this line; a text of several lines starts and ends with \"\"\"\n"},
		{"unclosed multi-line text", "order = 1\nnote = \"\"\"甲\n乙\n",
			"f.toml:2:8: 错误：从这里开始的多行文字没有结束的 \"\"\"\n  提示：在这段文字的最后加上一行 \"\"\"\n",
			"f.toml:2:8: error: the text of several lines that starts here is never closed with \"\"\"\n  hint: add \"\"\" at the end of the text\n"},
		{"stray text after value", "note = \"01\" 新增\n",
			"f.toml:1:13: 错误：值后面多了 新增\n  提示：删掉它：一行只写一项；要写说明，写在 # 后面：note = \"01\" # 新增\n",
			"f.toml:1:13: error: there is a stray 新增 after the value\n  hint: remove it: one key per line; a remark goes after #: note = \"01\" # 新增\n"},
		{"tab in key", "no\tte = \"x\"\n",
			"f.toml:1:3: 错误：名称“no\tte”中间有制表符（Tab）\n  提示：切换到英文输入法，这一行改成：note = \"x\"\n",
			"f.toml:1:3: error: the key \"no\tte\" has a tab inside it\n  hint: switch the input method to English and make the line: note = \"x\"\n"},
		{"full-width space in key", "no\u3000te = \"x\"\n",
			"f.toml:1:3: 错误：名称“no\u3000te”中间有全角空格\n  提示：切换到英文输入法，这一行改成：note = \"x\"\n",
			"f.toml:1:3: error: the key \"no\u3000te\" has a full-width space inside it\n  hint: switch the input method to English and make the line: note = \"x\"\n"},
		{"text without quotes", "note = 政策法规股（信访室）\n",
			"f.toml:1:8: 错误：文字没有加英文双引号\n  提示：切换到英文输入法，这一行改成：note = \"政策法规股（信访室）\"\n",
			"f.toml:1:8: error: the text is not in double quotes\n  hint: switch the input method to English and make the line: note = \"政策法规股（信访室）\"\n"},
		{"bare words in a list", "units = [zcfg, jsfwz]\n",
			"f.toml:1:10: 错误：文字没有加英文双引号\n  提示：切换到英文输入法，这一行改成：units = [\"zcfg\", \"jsfwz\"]\n",
			"f.toml:1:10: error: the text is not in double quotes\n  hint: switch the input method to English and make the line: units = [\"zcfg\", \"jsfwz\"]\n"},
		{"missing comma in a list", "units = [\"zcfg\" \"jsfwz\"]\n",
			"f.toml:1:17: 错误：列表的两项之间少了英文逗号 ,\n  提示：切换到英文输入法，这一行改成：units = [\"zcfg\", \"jsfwz\"]\n",
			"f.toml:1:17: error: a comma is missing between two elements of the list\n  hint: switch the input method to English and make the line: units = [\"zcfg\", \"jsfwz\"]\n"},
		{"enumeration comma in a list", "units = [\"zcfg\"、\"jsfwz\"]\n",
			"f.toml:1:16: 错误：这里的 、 是中文（全角）顿号，TOML 在这里要用英文的 ,\n  提示：切换到英文输入法，这一行改成：units = [\"zcfg\",\"jsfwz\"]\n",
			"f.toml:1:16: error: the 、 here is a full-width (Chinese) enumeration comma; TOML needs the ASCII , here\n  hint: switch the input method to English and make the line: units = [\"zcfg\",\"jsfwz\"]\n"},
		{"list without brackets", "units = \"zcfg\", \"jsfwz\"\n",
			"f.toml:1:9: 错误：几个值要写在英文方括号 [ ] 里，成为一个列表\n  提示：切换到英文输入法，这一行改成：units = [\"zcfg\", \"jsfwz\"]\n",
			"f.toml:1:9: error: several values make a list, in ASCII brackets [ ]\n  hint: switch the input method to English and make the line: units = [\"zcfg\", \"jsfwz\"]\n"},
		{"full stop after value", "note = \"\"。\n",
			"f.toml:1:10: 错误：值后面多了 。\n  提示：删掉它，这一行改成：note = \"\"\n",
			"f.toml:1:10: error: there is a stray 。 after the value\n  hint: remove it, making the line: note = \"\"\n"},
		{"true in Chinese", "lead = 是\n",
			"f.toml:1:8: 错误：是 要写成英文小写的 true 或 false\n  提示：切换到英文输入法，这一行改成：lead = true\n",
			"f.toml:1:8: error: 是 must be written true or false, in lowercase\n  hint: switch the input method to English and make the line: lead = true\n"},
		{"full-width digit", "order = ４\n",
			"f.toml:1:9: 错误：这里的 ４ 是全角字符，要用英文（半角）的 4\n  提示：切换到英文输入法，这一行改成：order = 4\n",
			"f.toml:1:9: error: the ４ here is a full-width character; TOML needs the ASCII 4\n  hint: switch the input method to English and make the line: order = 4\n"},
		{"id without quotes", "id = 01\n",
			"f.toml:1:6: 错误：01 前面有 0，不是数字的写法\n  提示：是编号就加英文双引号：id = \"01\"；是数字就去掉前面的 0：id = 1\n",
			"f.toml:1:6: error: 01 has leading zeros, which a number cannot have\n  hint: an id is text, in double quotes: id = \"01\"; a number has no leading zeros: id = 1\n"},
		{"no equals sign", "note \"x\"\n",
			"f.toml:1:6: 错误：名称和值之间少了英文等号 =\n  提示：切换到英文输入法，这一行改成：note = \"x\"\n",
			"f.toml:1:6: error: there is no = between the key and its value\n  hint: switch the input method to English and make the line: note = \"x\"\n"},
		{"key in Chinese", "备注 = \"x\"\n",
			"f.toml:1:1: 错误：等号左边的名称要用英文，不能写“备注”\n  提示：是不是 note？这一行改成：note = \"x\"\n",
			"f.toml:1:1: error: the key must be one of the English names, not \"备注\"\n  hint: did you mean note? make the line: note = \"x\"\n"},
		{"header with a bracket too many", "[[duty]]]\n",
			"f.toml:1:9: 错误：表头的方括号没有配对\n  提示：表头写成 [[duty]] 或 [[duty.item]]：两边各两个英文方括号\n",
			"f.toml:1:9: error: the brackets of this table header do not match\n  hint: write the header as [[duty]] or [[duty.item]]: two ASCII brackets on each side\n"},
		{"chinese key without spaces", "编号=x\n",
			"f.toml:1:1: 错误：等号左边的名称要用英文，不能写“编号”\n  提示：是不是 id？这一行改成：id = \"x\"\n",
			"f.toml:1:1: error: the key must be one of the English names, not \"编号\"\n  hint: did you mean id? make the line: id = \"x\"\n"},
		{"chinese key with nothing after it", "编号 =\n",
			"f.toml:1:1: 错误：等号左边的名称要用英文，不能写“编号”\n  提示：是不是 id？这一行改成：id = \"\"\n",
			"f.toml:1:1: error: the key must be one of the English names, not \"编号\"\n  hint: did you mean id? make the line: id = \"\"\n"},
		{"straight quotes inside text", "note = \"他说\"好\"\"\n",
			"f.toml:1:11: 错误：文字里的英文双引号 \" 让文字在这里提前结束了\n  提示：文字里的引号用中文引号“”，这一行改成：note = \"他说“好”\"\n",
			"f.toml:1:11: error: a straight quote \" inside the text ends it here\n  hint: use Chinese quotes “” inside the text, making the line: note = \"他说“好”\"\n"},
		{"two commas in a list", "units = [\"a\",,\"b\"]\n",
			"f.toml:1:14: 错误：列表里多了一个英文逗号 ,（两项之间只要一个）\n  提示：切换到英文输入法，这一行改成：units = [\"a\",\"b\"]\n",
			"f.toml:1:14: error: there is one comma too many in the list (one between two elements)\n  hint: switch the input method to English and make the line: units = [\"a\",\"b\"]\n"},
		{"full-width table header", "【【duty】】\n",
			"f.toml:1:1: 错误：这里的 【 是中文（全角）方括号，TOML 在这里要用英文的 [\n  提示：切换到英文输入法，这一行改成：[[duty]]\n",
			"f.toml:1:1: error: the 【 here is a full-width (Chinese) bracket; TOML needs the ASCII [ here\n  hint: switch the input method to English and make the line: [[duty]]\n"},
		{"full-width comment mark", "＃ 注释\n",
			"f.toml:1:1: 错误：这里的 ＃ 是全角字符，要用英文（半角）的 #\n  提示：切换到英文输入法，这一行改成：# 注释\n",
			"f.toml:1:1: error: the ＃ here is a full-width character; TOML needs the ASCII #\n  hint: switch the input method to English and make the line: # 注释\n"},
		{"list left open before a table", "units = [\"a\"\n\n[[duty]]\n",
			"f.toml:1:9: 错误：从这里开始的列表没有结束的 ]\n  提示：在列表的最后一项后面加上英文方括号 ]，如 units = [\"zcfg\", \"jsfwz\"]\n",
			"f.toml:1:9: error: the list that starts here is never closed with ]\n  hint: add a ] after the last element, as in units = [\"zcfg\", \"jsfwz\"]\n"},
		{"date as eight digits", "published = 20261130\n",
			"f.toml:1:13: 错误：published 应该是日期，不是数字 20261130\n  提示：写成 published = 2026-11-30\n",
			"f.toml:1:13: error: published should be a date, not the number 20261130\n  hint: write it as published = 2026-11-30\n"},
		{"text for a list", "units = \"zcfg\"\n",
			"f.toml:1:9: 错误：units 应该是列表，不是文字 \"zcfg\"\n  提示：写成 units = [\"zcfg\"]\n",
			"f.toml:1:9: error: units should be a list, not text \"zcfg\"\n  hint: write it as units = [\"zcfg\"]\n"},
		{"a line of text alone", "note = \"\"\n负责本级计划生育工作。\n",
			"f.toml:2:1: 错误：这一行只有文字“负责本级计划生育工作。”，没有名称和 =\n  提示：是上一行文字的后半段，就接到上一行的引号里面；是一项内容，写成 名称 = \"负责本级计划生育工作。\"\n",
			"f.toml:2:1: error: this line holds only 负责本级计划生育工作。, without a key and =\n  hint: if it is the end of the text above, move it inside that text's quotes; if it is a value, write key = \"负责本级计划生育工作。\"\n"},
		{"a number in quotes", "order = \"1\"\n",
			"f.toml:1:9: 错误：order 应该是整数，不是文字 \"1\"\n  提示：写成 order = 1\n",
			"f.toml:1:9: error: order should be a whole number, not text \"1\"\n  hint: write it as order = 1\n"},
		{"a number in a list of texts", "units = [7631096]\n",
			"f.toml:1:10: 错误：units[0] 应该是文字，不是数字 7631096\n  提示：写成 \"7631096\"\n",
			"f.toml:1:10: error: units[0] should be text, not the number 7631096\n  hint: write it as \"7631096\"\n"},
		{"item id without quotes", "id = 01-02\n",
			"f.toml:1:6: 错误：编号 01-02 要加英文双引号\n  提示：切换到英文输入法，这一行改成：id = \"01-02\"\n",
			"f.toml:1:6: error: the id 01-02 must be in double quotes\n  hint: switch the input method to English and make the line: id = \"01-02\"\n"},
	}
	for _, tt := range tests {
		for _, lang := range []msg.Lang{msg.ZH, msg.EN} {
			msg.SetLang(lang)
			var v struct {
				Note      string    `toml:"note"`
				ID        string    `toml:"id"`
				Order     int       `toml:"order"`
				Units     []string  `toml:"units"`
				Name      string    `toml:"name"`
				Published time.Time `toml:"published"`
			}
			_, ps := DecodeTOML("f.toml", []byte(tt.in), &v)
			want := tt.zh
			if lang == msg.EN {
				want = tt.en
			}
			if got := ps.String(); got != want {
				t.Errorf("%s (%s):\n%s\nwant:\n%s", tt.name, langName(lang), got, want)
			}
		}
	}
}
