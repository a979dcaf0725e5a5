package main

import "qingdan/msg"

// The command line's own words: command summaries, usage, errors.
var (
	sumBuild       = msg.New("cli.sum.build", "用 site.toml 和 content/ 生成网站", "build the site from site.toml and content/")
	sumCheck       = msg.New("cli.sum.check", "检查 site.toml 和 content/，列出每一个问题", "validate site.toml and content/, print every problem")
	sumServe       = msg.New("cli.sum.serve", "预览网站，每次保存后自动重新生成并刷新", "preview the site, rebuilding and reloading on every edit")
	sumNew         = msg.New("cli.sum.new", "新增一条（事项、职责、服务、单位、边界事项），自动编号", "add an entry (item, duty, service, unit, matter) with the next free id")
	sumFixEncoding = msg.New("cli.sum.fix_encoding", "把 GBK、UTF-16 编码的内容文件转成 UTF-8", "convert content files saved as GBK or UTF-16 to UTF-8")
	sumImport      = msg.New("cli.sum.import", "把 Word（.docx）或 Excel（.xlsx）里的清单读进 content/", "read a list kept in Word (.docx) or Excel (.xlsx) into content/")
	sumReport      = msg.New("cli.sum.report", "案卷检查和半年报告（手动报送一个半年）", "case-file checks and the semiannual reports, one period by hand")
	sumPipeline    = msg.New("cli.sum.pipeline", "自动报送程序：每份到期的报告只报送一次", "the daemon that files every due report exactly once")
	sumBench       = msg.New("cli.sum.bench", "生成任意大小的测试内容（用于性能测试）", "write synthetic content of any size for benchmarks")

	cliUsageHead = msg.New("cli.usage.head",
		"qingdan 把责任清单发布成静态网站，并报送合规报告。\n\n用法：qingdan [-lang en] <命令> [选项]\n\n命令：",
		"qingdan publishes a responsibility list (责任清单) as a static website and files its compliance reports.\n\nUsage: qingdan [-lang en] <command> [flags]\n\nCommands:")
	cliUsageTail = msg.New("cli.usage.tail",
		"\n运行 \"qingdan <命令> -h\" 查看某个命令的选项和示例。\n提示信息默认是中文；要英文，加 -lang en 或设置环境变量 QINGDAN_LANG=en。",
		"\nRun \"qingdan <command> -h\" for a command's flags and examples.\nMessages are in Chinese unless -lang en or QINGDAN_LANG=en asks for English.")
	cliFlags          = msg.New("cli.flags", "\n选项：", "\nFlags:")
	cliLangFlag       = msg.New("cli.flag.lang", "提示信息的`语言`：zh（中文，默认）或 en（英文）", "the `language` of messages: zh (Chinese, the default) or en (English)")
	cliConfigFlag     = msg.New("cli.flag.config", "网站的设置`文件`", "the site's configuration `file`")
	cliOutFlag        = msg.New("cli.flag.out", "生成到这个`文件夹`（默认是 site.toml 里 output 写的文件夹）", "output `folder` (default: output in site.toml)")
	cliAddrFlag       = msg.New("cli.flag.addr", "预览监听的`地址:端口`；除非别人也要看预览，否则保持 127.0.0.1", "the `host:port` to listen on; keep 127.0.0.1 unless others must see the preview")
	cliBadLang        = msg.New("cli.bad_lang", "不认识语言 %q；用 -lang zh（中文）或 -lang en（英文）", "unknown language %q; use -lang zh (Chinese) or -lang en (English)")
	cliSeeUsage       = msg.New("cli.see_usage", "运行 \"qingdan %s -h\" 查看用法", "run \"qingdan %s -h\" for usage")
	cliError          = msg.New("cli.error", "错误：", "error: ")
	cliUnknownCommand = msg.New("cli.unknown_command", "没有 %q 这个命令", "unknown command %q")
	cliExtraArg       = msg.New("cli.extra_arg", "多了参数 %q", "unexpected argument %q")
)

// build and check.
var (
	buildUsage = msg.New("cli.usage.build", `
用法：qingdan build [-config site.toml] [-out 文件夹]

用 site.toml 和它的内容文件夹生成网站。新网站先写在输出文件夹旁边，再一步换上去：
有任何错误时什么都不写，原来的网站保持不变。内容没有变化的文件保留原来的修改时间。

示例：
  qingdan build                 # 生成到 site.toml 里 output 写的文件夹（public/）
  qingdan build -out /srv/www   # 改为生成到 /srv/www
`, `
Usage: qingdan build [-config site.toml] [-out DIR]

Build the site from site.toml and its content folder. The new site is
written beside the output folder and swapped into place in one step: when
anything is wrong nothing is written and the previous site stays as it was.
Files whose bytes did not change keep their modification time.

Examples:
  qingdan build                 # writes the folder named by output in site.toml (public/)
  qingdan build -out /srv/www   # writes /srv/www instead
`)
	checkUsage = msg.New("cli.usage.check", `
用法：qingdan check [-config site.toml]

检查 site.toml 和每一个内容文件，每个问题列成一行“文件:行:列: 问题”，下一行是改法提示。
警告也会列出，但不算失败。有任何错误时退出码为 1。

示例：
  qingdan check
  qingdan check -lang en        # 英文提示
`, `
Usage: qingdan check [-config site.toml]

Check site.toml and every content file, and print each problem as
path:line:col: message, with a hint where one helps. Warnings are printed
too but do not fail. Exit status 1 when there is any error.

Examples:
  qingdan check
  qingdan check -lang en        # messages in English
`)
	buildFailed      = msg.New("cli.build.failed", "生成 %s 失败：%v", "building %s: %v")
	buildInterrupted = msg.New("cli.build.interrupted", "生成被中断；%s 没有改动", "build interrupted; %s is unchanged")
	checkOK          = msg.New("cli.check.ok", "qingdan: 通过：%d 个单位，%d 条职责，%d 个事项，%d 个边界事项，%d 个服务事项，%d 项监督管理制度", "qingdan: ok: %d units, %d duties, %d items, %d boundary matters, %d services, %d supervision systems")
	warningsCounted  = msg.New("cli.warnings", "qingdan: %d 条警告；运行 \"qingdan check\" 查看", "qingdan: %d warning(s); run \"qingdan check\" to see them")
	errorsCounted    = msg.New("cli.errors", "qingdan: %d 个错误；什么都没有写入", "qingdan: %d error(s); nothing was written")
)

// serve.
var (
	serveUsage = msg.New("cli.usage.serve", `
用法：qingdan serve [-config site.toml] [-addr 127.0.0.1:1313]

一边编辑一边在浏览器里预览网站。网站生成在内存里，按它自己的路径提供（site.toml 里
base_url 的路径，如 /zfxxgk/qingdan/）。每次保存 site.toml、content/ 或 themes/ 里的文件，
都会重新生成并刷新打开的页面。改出错误时，仍显示上一次成功的网站，每个页面下方列出
要改正的地方（文件:行:列）；命令行窗口里也显示同样的内容。预览不写磁盘：发布请运行
"qingdan build"。

按 Ctrl+C 结束。

示例：
  qingdan serve
  qingdan serve -addr 127.0.0.1:8080
  qingdan serve -config /srv/qingdan/site.toml
`, `
Usage: qingdan serve [-config site.toml] [-addr 127.0.0.1:1313]

Preview the site in a browser while you edit it. The site is built in
memory and served under its own path (the path of base_url in site.toml,
such as /zfxxgk/qingdan/). Every saved change to site.toml, content/ or
themes/ rebuilds it and reloads the open pages. When an edit has a
mistake, the last good site stays on screen and every page shows what to
fix (file:line:column); the terminal prints the same. Nothing is written to
disk: run "qingdan build" to publish.

Stop it with Ctrl+C.

Examples:
  qingdan serve
  qingdan serve -addr 127.0.0.1:8080
  qingdan serve -config /srv/qingdan/site.toml
`)
	serveListen = msg.New("cli.serve.listen", "不能在 %s 上监听（是不是已经有一个 qingdan serve 在运行？用 -addr 换一个端口）：%v", "cannot listen on %s (is another qingdan serve running? choose another port with -addr): %v")
)

// The progress line and the build's summary.
var (
	progressTotal = msg.New("cli.progress.total", "qingdan: 正在生成：%d/%d 个文件（%d%%）%s", "qingdan: building: %d/%d files (%d%%)%s")
	progressCount = msg.New("cli.progress.count", "qingdan: 正在生成：%d 个文件%s", "qingdan: building: %d files%s")
	progressRate  = msg.New("cli.progress.rate", "，每秒 %.0f 个", ", %.0f files/s")
	buildDone     = msg.New("cli.build.done", "qingdan: 已生成 %s：%s，%s，用时 %s", "qingdan: built %s: %s, %s in %s")
)

// fix-encoding.
var (
	fixEncodingUsage = msg.New("cli.usage.fix_encoding", `
用法：qingdan fix-encoding [-n] [文件…]

把存成 GBK（GB18030，记事本里的 ANSI）或 UTF-16（记事本里的 Unicode）编码的文件
原地转成 UTF-8。不写文件名时，转换 content/ 里所有的 .toml 和 .md 文件。
先列出要转换的每个文件，再逐个转换；每个文件一步写好，不会只写一半。
已经是 UTF-8 的文件不动；认不出编码（转换会丢字）的文件拒绝转换，原样保留。

示例：
  qingdan fix-encoding                      # 检查并转换 content/ 里的所有文件
  qingdan fix-encoding content/units.toml   # 只转换这一个文件
  qingdan fix-encoding -n                   # 只列出要转换的文件，不改动
`, `
Usage: qingdan fix-encoding [-n] [FILE...]

Convert files saved as GBK (GB18030, Notepad's ANSI) or UTF-16 (Notepad's
Unicode) to UTF-8 in place. Without file names, every .toml and .md file
of content/ is looked at. It first lists each file it will convert, then
converts them, each written in one step, never half. Files already in
UTF-8 are left alone; a file whose encoding it cannot tell for certain (a
conversion would lose characters) is refused and left as it was.

Examples:
  qingdan fix-encoding                      # check and convert every file of content/
  qingdan fix-encoding content/units.toml   # convert this one file
  qingdan fix-encoding -n                   # list what would be converted, change nothing
`)
	fixDryRunFlag   = msg.New("cli.fix.flag.n", "只列出要转换的文件，不改动", "list what would be converted, change nothing")
	fixWill         = msg.New("cli.fix.will", "%s：从 %s 转成 UTF-8", "%s: from %s to UTF-8")
	fixDone         = msg.New("cli.fix.done", "qingdan: 已把 %d 个文件转成 UTF-8", "qingdan: converted %d file(s) to UTF-8")
	fixNothing      = msg.New("cli.fix.nothing", "qingdan: %d 个文件都已经是 UTF-8，不需要转换", "qingdan: all %d file(s) are UTF-8 already; nothing to convert")
	fixRefused      = msg.New("cli.fix.refused", "%s：认不出这个文件的编码（不是 UTF-8、GBK 或 UTF-16），转换会丢字，没有改动；请在编辑器里打开，另存为 UTF-8", "%s: its encoding is none of UTF-8, GBK or UTF-16 for certain, and converting would lose characters; left as it was: open it in an editor and save it as UTF-8")
	fixRefusedCount = msg.New("cli.fix.refused_count", "qingdan: %d 个文件没有转换", "qingdan: %d file(s) not converted")
	fixCannotRead   = msg.New("cli.fix.cannot_read", "%s：读不出：%s", "%s: cannot read: %s")
	fixNotRegular   = msg.New("cli.fix.not_regular", "%s：不是普通文件（是文件夹或链接），没有改动", "%s: not a regular file (a folder or a link); left alone")
	fixNoContent    = msg.New("cli.fix.no_content", "读不出内容文件夹 %s：%s", "cannot read the content folder %s: %s")
)

// new.
var (
	newUsage = msg.New("cli.usage.new", `
用法：qingdan new item 职责编号
      qingdan new duty | service | matter
      qingdan new unit [单位id]

在对应的文件里加上一条新的条目：编号自动接着已用过的最大编号往下编（删掉的编号不会再用），
各项都带说明；原有内容一个字节也不改动。要填的项留空，运行 qingdan check 会逐个指出
文件、行号，填好后就能通过检查。

  item     在 duties.toml 里这条职责的最后一个事项后面加一个事项
  duty     在 duties.toml 末尾加一条职责
  service  在 services.toml 末尾加一个公共服务事项
  matter   在 boundaries.toml 末尾加一个职责边界事项
  unit     在 units.toml 末尾加一个单位；单位 id 是拼音首字母之类的小写英文，
           请自己起（如 qingdan new unit zxzx），不写就留空待填

示例：
  qingdan new item 01
  qingdan new service
  qingdan new unit ldrk2
`, `
Usage: qingdan new item DUTY
       qingdan new duty | service | matter
       qingdan new unit [UNIT-ID]

Add an entry to the right file, with the next free id after the largest
one used (ids of removed entries are never reused), each key explained in
a comment; not a byte of what was there changes. The keys you must fill
in are left empty: "qingdan check" names each one, with file and line,
until it is written.

  item     a work item after the last item of that duty in duties.toml
  duty     a duty at the end of duties.toml
  service  a public service at the end of services.toml
  matter   a boundary matter at the end of boundaries.toml
  unit     a unit at the end of units.toml; choose its id yourself (lowercase
           letters, such as pinyin initials: qingdan new unit zxzx), or leave
           it to fill in

Examples:
  qingdan new item 01
  qingdan new service
  qingdan new unit ldrk2
`)
	newNameKind    = msg.New("cli.new.name_kind", "要新增什么？写 item 职责编号、duty、service、unit 或 matter", "add what? name item DUTY, duty, service, unit or matter")
	newUnknownKind = msg.New("cli.new.unknown_kind", "不能新增 %q；可以新增 item、duty、service、unit 或 matter", "cannot add %q; add an item, duty, service, unit or matter")
	newNeedDuty    = msg.New("cli.new.need_duty", "写出事项属于哪条职责，如 qingdan new item 01", "name the duty the item belongs to, such as qingdan new item 01")
	newNoDuty      = msg.New("cli.new.no_duty", "没有编号为 %q 的职责；现有职责：%s", "there is no duty %q; the duties are: %s")
	newBadUnitID   = msg.New("cli.new.bad_unit_id", "单位 id %q 写法不对：只能用小写英文字母、数字或 -，以字母开头，如 zcfg", "unit id %q is not valid: lowercase letters, digits or -, starting with a letter, such as zcfg")
	newUnitTaken   = msg.New("cli.new.unit_taken", "单位 id %q 已经用过了；编号永不复用，请另起一个", "unit id %q is taken; ids are never reused, choose another")
	newCannotRead  = msg.New("cli.new.cannot_read", "读不出 %s：%v", "cannot read %s: %v")
	newDone        = msg.New("cli.new.done", "qingdan: 已在 %s 第 %d 行加上%s %s；请填写 %s，再运行 qingdan check", "qingdan: added %s at line %d: %s %s; fill in %s, then run qingdan check")
	newIDToFill    = msg.New("cli.new.id_to_fill", "（id 待填）", "(id to fill in)")
	newKindItem    = msg.New("cli.new.kind.item", "事项", "item")
	newKindDuty    = msg.New("cli.new.kind.duty", "职责", "duty")
	newKindService = msg.New("cli.new.kind.service", "服务事项", "service")
	newKindUnit    = msg.New("cli.new.kind.unit", "单位", "unit")
	newKindMatter  = msg.New("cli.new.kind.matter", "边界事项", "matter")

	newItemTemplate = msg.New("cli.new.template.item", `
[[duty.item]]
id = "%s"                         # 事项编号：qingdan new 编好的，一经发布不再改动
text = ""                            # 必填：事项内容，照原文一字不改地填写
units = []                           # 责任单位的 id，如 ["zcfg"]；原文责任股室空白就写 []
`, `
[[duty.item]]
id = "%s"                         # the item's id, given by qingdan new; never changed once published
text = ""                            # required: the item, exactly as the source has it
units = []                           # ids of the responsible units, such as ["zcfg"]; [] when the source names none
`)
	newDutyTemplate = msg.New("cli.new.template.duty", `
[[duty]]
id = "%s"                            # 职责编号：qingdan new 编好的，一经发布不再改动
text = ""                            # 必填：职责内容，照原文一字不改地填写
note = ""                            # 备注，没有就写 ""
# 这条职责的事项用 qingdan new item 加在下面
`, `
[[duty]]
id = "%s"                            # the duty's id, given by qingdan new; never changed once published
text = ""                            # required: the duty, exactly as the source has it
note = ""                            # a remark, or ""
# add its work items below with qingdan new item
`)
	newServiceTemplate = msg.New("cli.new.template.service", `
[[service]]
id = "%s"                            # 服务编号：qingdan new 编好的，一经发布不再改动
name = ""                            # 必填：服务名称
content = ""                         # 必填：主要内容，照原文填写
units = []                           # 必填：承办单位的 id，如 ["jsfwz"]
handler = ""                         # 平时留空；原文“承办股室”的写法和单位名称不一样时才照原文填写
phones = []                          # 联系电话，不含区号，如 ["7631096"]；两个号码写 ["7631765", "7631096"]
`, `
[[service]]
id = "%s"                            # the service's id, given by qingdan new; never changed once published
name = ""                            # required: the service's name
content = ""                         # required: what it is, as the source has it
units = []                           # required: ids of the units that provide it, such as ["jsfwz"]
handler = ""                         # usually empty; the source's wording only when it differs from the unit names
phones = []                          # phone numbers without area code, such as ["7631096"]
`)
	newUnitTemplate = msg.New("cli.new.template.unit", `
[[unit]]
id = "%s"                            # 必填：单位编号，小写英文字母、数字或 -，一经发布不再改动
name = ""                            # 必填：全称，括号用全角
short_name = ""                      # 简称（可不写）
kind = ""                            # 必填：股室、站、中心、室、协会 之一
parent = ""                          # 上级单位的 id；没有上级写 ""
phone = ""                           # 电话（不含区号，可不写）
`, `
[[unit]]
id = "%s"                            # required: the unit's id, lowercase letters, digits or -; never changed once published
name = ""                            # required: the full name, with full-width brackets
short_name = ""                      # a short name (optional)
kind = ""                            # required: one of 股室, 站, 中心, 室, 协会
parent = ""                          # the id of the unit above it; "" for none
phone = ""                           # telephone without area code (optional)
`)
	newMatterTemplate = msg.New("cli.new.template.matter", `
[[matter]]
id = "%s"                            # 边界事项编号：qingdan new 编好的，一经发布不再改动
title = ""                           # 必填：事项名称
basis = []                           # 相关依据，每份文件一条，如 ["《河北省人口与计划生育条例》"]
cases = []                           # 案例，没有就写 []

[[matter.role]]                      # 每个相关部门一段；再加部门就复制这一段
department = ""                      # 必填：部门名称
lead = true                          # 只有本局自己那一行写 true，其他部门写 false
duty = ""                            # 必填：这个部门的职责
`, `
[[matter]]
id = "%s"                            # the matter's id, given by qingdan new; never changed once published
title = ""                           # required: the matter
basis = []                           # the legal basis, one document per string
cases = []                           # cases, or []

[[matter.role]]                      # one table per department; copy it for another
department = ""                      # required: the department
lead = true                          # true only on this bureau's own row, false for the others
duty = ""                            # required: that department's duty
`)
)

// report, pipeline and bench-content.
var (
	reportUsage = msg.New("cli.usage.report", `
用法：qingdan report <check | rules | evaluate | filing | correct> [选项]

案卷和半年合规报告。

  check     检查 [reports] casefiles（或 -dir）里的每一份案卷（一案一卷），
            每个问题列成“文件:行:列”
  rules     以 Markdown 列出案卷评查的规则（docs/rules.md 就是这张表；-o 写入文件）
  evaluate  手动报送某个半年的案卷评查报告
  filing    手动报送某个半年的重大征收或处罚决定备案报告
  correct   按现在的案卷更正（重新印发）一份已报送的报告

evaluate 和 filing 与自动报送程序一样经过报送台账：台账里已有的半年不会再生成；
PDF 和它的 JSON 投到 outbox 文件夹（设置了邮件的，同时发送邮件）。

加 -draft 时什么也不报送：报告每页标有“草稿”，写到 -out 文件夹（默认是 site.toml 旁边的
drafts/），不动台账。示例案卷（文件夹中有 示例.txt）只能出草稿。

correct 生成已报送报告的新版本，有自己的文号，写明更正的是哪一份（文号、成文日期、SHA-256）
和变化的内容；台账和 outbox 两份都保留。数据没有变化时拒绝更正，重复运行只报一次。

示例：
  qingdan report check
  qingdan report check -dir examples/casefiles
  qingdan report rules -o docs/rules.md
  qingdan report evaluate -period 2026H1 -draft
  qingdan report evaluate -period 2026H1
  qingdan report filing -period 2026H1 -config /srv/qingdan/site.toml
  qingdan report correct -period 2026H1 -kind evaluation -reason "补充评查人员评分"
`, `
usage: qingdan report <check | rules | evaluate | filing | correct> [flags]

Case files and the semiannual compliance reports.

  check     validate every case file (一案一卷) of [reports] casefiles, or of
            -dir, and print each problem as file:line:col
  rules     print the rules of the case-file evaluation as Markdown
            (docs/rules.md is this table; -o writes it to a file)
  evaluate  file the 案卷评查报告 of one half year by hand
  filing    file the 重大征收或处罚决定备案报告 of one half year by hand
  correct   re-issue a filed report as a correction (更正), from the case
            files as they are now

evaluate and filing go through the pipeline's ledger, exactly as the daemon
does: a period already in the ledger is not produced again, and the PDF and
its JSON are delivered to the outbox (and by e-mail when configured).

With -draft they file nothing: the report, marked 草稿 on every page, is
written to the -out folder (default drafts/ beside site.toml) and the ledger
is not touched. The example case files (a folder with 示例.txt) can only be
drafted.

correct makes a new version of a filed report with its own 文号, naming the
one it corrects (文号, date, SHA-256) and listing what changed; the ledger
and the outbox keep both. It refuses when nothing changed, so running it
twice files one correction.

Examples:
  qingdan report check
  qingdan report check -dir examples/casefiles
  qingdan report rules -o docs/rules.md
  qingdan report evaluate -period 2026H1 -draft
  qingdan report evaluate -period 2026H1
  qingdan report filing -period 2026H1 -config /srv/qingdan/site.toml
  qingdan report correct -period 2026H1 -kind evaluation -reason "补充评查人员评分"
`)
	reportNameSub    = msg.New("cli.report.name_sub", "写出子命令：check、rules、evaluate、filing 或 correct", "name a subcommand: check, rules, evaluate, filing or correct")
	reportUnknownSub = msg.New("cli.report.unknown_sub", "没有子命令 %q；用 check、rules、evaluate、filing 或 correct", "unknown subcommand %q; use check, rules, evaluate, filing or correct")
	reportDirFlag    = msg.New("cli.report.flag.dir", "案卷文件夹（默认是 site.toml 里 [reports] 的 casefiles）", "folder of case files (default: [reports] casefiles of site.toml)")
	reportOutFlag    = msg.New("cli.report.flag.o", "把规则表写到这个文件，而不是输出到屏幕", "write the table to this file instead of standard output")
	reportPeriodFlag = msg.New("cli.report.flag.period", "半年，如 2026H1（必填）", "the half year, such as 2026H1 (required)")
	reportNoFolder   = msg.New("cli.report.no_folder", "%s 没有案卷文件夹；请创建它，或在 site.toml 的 [reports] 里设置 casefiles", "no folder of case files at %s; create it, or set [reports] casefiles in site.toml")
	reportChecked    = msg.New("cli.report.checked", "已检查 %d 份案卷（%s）：%d 个错误，%d 条警告", "%d case files checked in %s: %d errors, %d warnings")
	reportNeedPeriod = msg.New("cli.report.need_period", "必须写 -period，如 -period 2026H1", "-period is required, such as -period 2026H1")
	reportFiled      = msg.New("cli.report.filed", "已报送", "filed")
	reportInLedger   = msg.New("cli.report.in_ledger", "%s 起已在台账中，不再生成", "already in the ledger since %s, not produced again")

	pipelineUsage = msg.New("cli.usage.pipeline", `
用法：qingdan pipeline [run | status | recover | test-delivery] [-config site.toml]

“run”（默认）是报送半年报告的自动程序。启动时，以及 site.toml 的 [pipeline.schedule] 设定的
每个时间，它生成每一个已经到期、台账里还没有的半年报告，写入 outbox 文件夹；设置了
[pipeline.smtp] 的，再用邮件发送，发送失败会一直重试到成功。关机期间错过的报告在下次启动时
补报，并注明迟报。同一时间只运行一个；SIGTERM 或 Ctrl-C 停止它，不会留下写了一半的文件。

“status”列出每种报告下次运行的时间，以及台账里各个半年是未到期、已到期、等待评查、已生成
还是已送达，有失败的一并列出。

“recover”从发件箱自己的记录（outbox/.filed/）重建被删除、清空或换成旧备份的台账；在运行它之前，
流水线拒绝报送任何报告，以免重复报送。

“test-delivery”经 [pipeline.smtp] 发一封测试邮件，证明邮件线路畅通；不报送任何报告，不动台账。

示例案卷（文件夹中有 示例.txt）永远不会报送：run 和手动报送都拒绝它们；试用请用
“qingdan report evaluate -draft”。

示例：
  qingdan pipeline
  qingdan pipeline status
  qingdan pipeline test-delivery
  qingdan pipeline recover
  qingdan pipeline run -config /srv/qingdan/site.toml
`, `
usage: qingdan pipeline [run | status | recover | test-delivery] [-config site.toml]

"run" (the default) is the daemon that files the semiannual reports. At start
and at every time set in [pipeline.schedule] of site.toml, it produces every
report of every half year that has fallen due and is not yet in the ledger,
writes it into the outbox folder and, when [pipeline.smtp] is set, e-mails
it; failed deliveries are retried until they succeed. A report missed while
the machine was off is filed at the next start, marked late. Only one daemon
runs at a time; SIGTERM or Ctrl-C stops it without leaving a partial file.

"status" prints when each report runs next and, from the ledger, which half
years are upcoming, due, waiting for reviews, produced and delivered, with
any failures.

"recover" rebuilds a deleted, emptied or outdated ledger from the outbox's
own record of what it filed and delivered (outbox/.filed/); the pipeline
refuses to file anything until it is run, so that nothing is filed twice.

"test-delivery" sends one test message through [pipeline.smtp] to prove the
mail route; it files nothing and does not touch the ledger.

The example case files (a folder with 示例.txt) are never filed: run and
the filing commands refuse them; use "qingdan report evaluate -draft".

Examples:
  qingdan pipeline
  qingdan pipeline status
  qingdan pipeline test-delivery
  qingdan pipeline recover
  qingdan pipeline run -config /srv/qingdan/site.toml
`)
	pipelineUnknownSub = msg.New("cli.pipeline.unknown_sub", "没有子命令 %q；用 run、status、recover 或 test-delivery", "unknown subcommand %q; use run, status, recover or test-delivery")
	pipelineNoSchedule = msg.New("cli.pipeline.no_schedule", "%s 没有 [pipeline.schedule]；在 [pipeline] 下加上 evaluation = \"0 9 5 1,7 *\"、filing = \"0 9 10 1,7 *\" 和 first_period", "%s has no [pipeline.schedule]; add evaluation = \"0 9 5 1,7 *\" and filing = \"0 9 10 1,7 *\" and first_period under [pipeline]")
	pipelineNoPassword = msg.New("cli.pipeline.no_password", "环境变量 %s（%s 里的 pipeline.smtp.password_env）没有设置；请把它设为邮箱账号的密码", "the environment variable %s (pipeline.smtp.password_env in %s) is not set; set it to the mail account's password")
	siteTomlPathFlag   = msg.New("cli.flag.site_toml", "site.toml 的路径", "path of site.toml")
)

// bench-content.
var (
	benchUsage = msg.New("cli.usage.bench", `
用法：qingdan bench-content -items N -out 文件夹 [-departments D] [-seed S] [-hugo 文件夹]

生成有 N 个工作事项的测试网站，用于性能测试：文件夹里写入 site.toml 和 content/，
在文件夹里运行 "qingdan build" 生成。文字取自原始清单的句子；约有 N/5 条职责、N/20 个单位、
N/4 个服务事项和 N/16 个边界事项。同样的 N 和 seed 总是生成同样的字节。文件夹整个替换，一步完成。

加 -departments 时，生成县级（或省级）网站：D 个部门分担这 N 个事项，各部门的内容文件夹在
文件夹/departments/ 下（见 examples/county/）。

加 -hugo 时，同样的内容再写成一个 Hugo 内容文件夹（每个事项一个 Markdown 页面），
供 bench/compare.sh 对比。

示例：
  qingdan bench-content -items 10000 -out /tmp/bench10k
  cd /tmp/bench10k && qingdan build
  qingdan bench-content -items 1000 -seed 7 -out /tmp/s -hugo /tmp/s-hugo/content
  qingdan bench-content -items 50000 -departments 100 -out /tmp/province
`, `
Usage: qingdan bench-content -items N -out DIR [-departments D] [-seed S] [-hugo DIR]

Write a synthetic site of N work items for benchmarks: DIR gets site.toml
and content/, built with "qingdan build" from inside DIR. The text mixes the
source document's own clauses; there are about N/5 duties, N/20 units, N/4
services and N/16 boundary matters. The same N and seed always give the same
bytes. DIR is replaced as a whole, in one step.

With -departments, DIR gets a county (or province) site instead: D
departments sharing the N items, each with its own content folder under
DIR/departments/ (see examples/county/).

With -hugo, the same content is also written as a Hugo content folder (one
Markdown page per item), for the comparison in bench/compare.sh.

Examples:
  qingdan bench-content -items 10000 -out /tmp/bench10k
  cd /tmp/bench10k && qingdan build
  qingdan bench-content -items 1000 -seed 7 -out /tmp/s -hugo /tmp/s-hugo/content
  qingdan bench-content -items 50000 -departments 100 -out /tmp/province
`)
	benchItemsFlag   = msg.New("cli.bench.flag.items", "工作事项的`个数`（必填）", "number of work `items` (required)")
	benchOutFlag     = msg.New("cli.bench.flag.out", "要写的网站`文件夹`（必填；整个替换）", "site `folder` to write (required; replaced)")
	benchSeedFlag    = msg.New("cli.bench.flag.seed", "随机`种子`；同样的种子生成同样的内容", "random `seed`; the same seed gives the same content")
	benchHugoFlag    = msg.New("cli.bench.flag.hugo", "同时把内容写成 Hugo 内容`文件夹`（整个替换）", "also write the content as a Hugo content `folder` (replaced)")
	benchItemsRange  = msg.New("cli.bench.items_range", "-items 必须是 1 到 %d", "-items must be 1 to %d")
	benchOutRequired = msg.New("cli.bench.out_required", "必须写 -out", "-out is required")
	benchWrote       = msg.New("cli.bench.wrote", "qingdan: 已把 %d 个工作事项写到 %s", "qingdan: wrote %d work items to %s")
	benchInterrupted = msg.New("cli.bench.interrupted", "被中断；%s 没有改动", "interrupted; %s is unchanged")
)

// The version command.
var (
	sumVersion   = msg.New("cli.sum.version", "显示版本号、生成它的提交和 Go 版本", "print the version and the commit this binary was built from")
	versionUsage = msg.New("cli.usage.version", `
用法：qingdan version

显示本 qingdan 的版本号、生成它的提交（源码有未提交的修改时带“+modified”）、
编译它的 Go 版本和它运行的系统，用于报告问题或比较两台机器：

  qingdan version
  qingdan v1.0.0 commit 4f2a9c1e7b3d (2026-12-01T21:47:12Z) go1.26.8 windows/amd64
`, `
Usage: qingdan version

Prints the version of this qingdan, the commit it was built from (with
"+modified" when the source had uncommitted changes), the Go version that
built it and the system it runs on, for a bug report or to compare two
machines:

  qingdan version
  qingdan v1.0.0 commit 4f2a9c1e7b3d (2026-12-01T21:47:12Z) go1.26.8 windows/amd64
`)
)
