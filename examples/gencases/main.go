// Command gencases writes the synthetic case files of examples/casefiles:
// 64 fictitious cases over 2025H2 and 2026H1, both kinds, major and
// ordinary, in which every rule of the rubric is both kept and broken.
// Names, ID numbers and events are invented; ID numbers have valid check
// characters so that they pass validation.
//
// The output is the same on every run:
//
//	go run ./examples/gencases            # writes examples/casefiles
//	go run ./examples/gencases -out DIR
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"qingdan/output"
	"qingdan/reports"
)

// exampleNotice is the marker file's text, for the person who opens it.
const exampleNotice = `本文件夹中的 64 份案卷是虚构的示例，只用于试用 qingdan 的报告（qingdan report evaluate -period 2026H1 -draft）。

有本文件（示例.txt）的案卷文件夹只能出草稿：报送台账、报送流水线和更正都会拒绝它们，报告不会记入台账，也不会发给县政府法制办。
正式报送时，在 site.toml 的 [reports] 中把 casefiles 改为本局自己的案卷文件夹（例如 casefiles = "casefiles"）。
请勿把本文件复制到本局的案卷文件夹中。

The 64 case files in this folder are fictitious examples for trying the reports with -draft. A folder holding this
file (示例.txt) is refused by the ledger, the pipeline and corrections: nothing made from it is ever filed.
`

func main() {
	out := flag.String("out", "examples/casefiles", "folder to write the case files to")
	flag.Parse()
	if err := write(*out); err != nil {
		fmt.Fprintf(os.Stderr, "gencases: error: %v\n", err)
		os.Exit(1)
	}
}

// write replaces the .toml files of dir with freshly generated ones.
func write(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	old, err := filepath.Glob(filepath.Join(dir, "*.toml"))
	if err != nil {
		return err
	}
	files := generate()
	// The marker makes the ledger and the pipeline refuse these files:
	// they can be drafted, never filed.
	files[reports.ExampleMarker] = []byte(exampleNotice)
	for _, p := range old {
		if _, keep := files[filepath.Base(p)]; !keep {
			if err := os.Remove(p); err != nil {
				return err
			}
		}
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := output.WriteFile(filepath.Join(dir, n), files[n], 0o644); err != nil {
			return err
		}
	}
	return nil
}

const (
	kindFee     = "征收社会抚养费"
	kindPenalty = "行政处罚"
	count       = 64
)

var townships = []string{"洺州镇", "梨园屯镇", "章台镇", "侯贯镇", "七级镇", "方家营乡", "常庄镇", "第什营乡", "贺营镇", "固献乡", "张营乡", "枣园乡", "高公庄乡", "赵村乡", "常屯乡", "寺庄乡"}

var surnames = []string{"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"}
var givenNames = []string{"建华", "秀英", "立新", "海燕", "志强", "春梅", "国庆", "丽娟", "卫东", "桂兰", "振宇", "晓静", "红军", "淑芬", "永刚", "雪梅", "文斌"}

// officer is a law-enforcement officer of the bureau (fictitious).
type officer struct {
	name, cert string
	valid      time.Time
}

var officers = []officer{
	{"韩立伟", "冀执13053300101", day(2027, 12, 31)},
	{"冯淑华", "冀执13053300102", day(2027, 12, 31)},
	{"曹振东", "冀执13053300103", day(2028, 6, 30)},
	{"彭雅琴", "冀执13053300104", day(2028, 6, 30)},
	{"董建新", "冀执13053300105", day(2027, 3, 31)},
	{"袁晓梅", "冀执13053300106", day(2025, 6, 30)}, // expired: only in cases that break R02
}

var feeActs = []string{"违反法律规定生育第三个子女", "未依法办理结婚登记生育子女", "违反规定多生育一个子女"}
var penaltyActs = []string{"为他人进行非医学需要的胎儿性别鉴定", "擅自从事计划生育技术服务", "出具虚假计划生育证明"}

const feeBasis = "《中华人民共和国人口与计划生育法》第四十一条，《社会抚养费征收管理办法》第三条，《河北省人口与计划生育条例》第四十三条"
const penaltyBasis = "《中华人民共和国人口与计划生育法》第三十六条，《计划生育技术服务管理条例》第三十四条"

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// addMonths is the same day n months later, or the month's last day.
func addMonths(t time.Time, n int) time.Time {
	first := day(t.Year(), t.Month()+time.Month(n), 1)
	last := first.AddDate(0, 1, -1).Day()
	return day(first.Year(), first.Month(), min(t.Day(), last))
}

// The case file, as the generator builds it before writing it out.
type caseFile struct {
	file, number, kind, township string
	major, complex               bool
	party                        party
	act                          string
	actDate                      time.Time
	registered                   time.Time
	approver                     string
	records                      []record
	notice                       *notice
	hearing                      *hearing
	approval                     *step
	discussion                   *step
	decision                     *decision
	service                      *service
	execution                    *execution
	closing                      *step
	archive                      *archive
	review                       *review
	comment                      string // what the example shows
}

type party struct {
	org                    bool
	name, id, rep, address string
}

type record struct {
	kind, subject       string
	date                time.Time
	signed, credentials bool
	officers            []officer
	interested          int // index of an officer with a direct interest, or -1
}

type notice struct {
	date                          time.Time
	facts, reasons, basis, rights bool
	statement                     string
	statementDate                 time.Time
}

type hearing struct {
	right, request, notice, date time.Time
}

type step struct {
	date      time.Time
	form, who string
}

type decision struct {
	number string
	date   time.Time
	amount int // yuan
	basis  string
}

type service struct {
	date                   time.Time
	recipient, role        string
	receipt, signed, dated bool
}

type payment struct {
	date   time.Time
	amount int
}

type execution struct {
	deadline  time.Time
	payments  []payment
	lateFee   float64
	courtDate time.Time
	courtDone time.Time
}

type archive struct {
	date time.Time
	docs []string
}

type review struct {
	who                  string
	facts, evidence, law int
	note                 string
}

// citizenID makes a 公民身份号码 of 威县 (130533) with a valid check.
func citizenID(birth time.Time, seq int) string {
	s := fmt.Sprintf("130533%s%03d", birth.Format("20060102"), seq%1000)
	w := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(s[i]-'0') * w[i]
	}
	return s + string("10X98765432"[sum%11])
}

// creditCode makes a 统一社会信用代码 with a valid check.
func creditCode(seq int) string {
	const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
	s := fmt.Sprintf("92130533MA0%06d", 100000+seq*7919%900000)
	w := []int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}
	sum := 0
	for i := 0; i < 17; i++ {
		sum += strings.IndexByte(alphabet, s[i]) * w[i]
	}
	return s + string(alphabet[(31-sum%31)%31])
}

// generate builds every example case file, by file name.
func generate() map[string][]byte {
	cases := make([]*caseFile, count)
	for i := range cases {
		cases[i] = build(i)
	}
	breakRules(cases)
	files := map[string][]byte{}
	for _, c := range cases {
		files[c.file] = render(c)
	}
	return files
}

// build makes case i keeping every rule that applies to it. Even cases are
// decided in 2025H2, odd ones in 2026H1.
func build(i int) *caseFile {
	seq := i/2 + 1
	year, start := 2025, day(2025, 7, 1)
	if i%2 == 1 {
		year, start = 2026, day(2026, 1, 1)
	}
	c := &caseFile{township: townships[(i/2*7)%len(townships)], approver: "刘振华"}
	c.kind = kindFee
	if i%3 == 2 {
		c.kind = kindPenalty
	}
	c.file = fmt.Sprintf("%s-%02d.toml", map[bool]string{true: "2025H2", false: "2026H1"}[i%2 == 0], seq)
	c.number = fmt.Sprintf("威人口立〔%d〕第%d号", year, seq)

	decided := start.AddDate(0, 0, 12+(i*37)%150)
	c.registered = decided.AddDate(0, 0, -45)
	c.actDate = c.registered.AddDate(0, 0, -(60 + (i*53)%300))

	person := surnames[i%len(surnames)] + givenNames[(i*5)%len(givenNames)]
	birth := day(1975+(i*3)%20, time.Month(1+i%12), 1+(i*7)%28)
	c.party = party{name: person, id: citizenID(birth, 10+i*3), address: "威县" + c.township + fmt.Sprintf("第%d村", 1+i%9)}
	if c.kind == kindPenalty && i%4 == 0 {
		c.party = party{org: true, name: "威县" + c.township + fmt.Sprintf("康宁诊所（第%d号）", seq), id: creditCode(i), rep: person, address: "威县" + c.township + "中心街"}
	}
	amount := 0
	if c.kind == kindFee {
		c.act = feeActs[i%len(feeActs)]
		amount = 6000 + ((i*7919)%23)*5000
	} else {
		c.act = penaltyActs[i%len(penaltyActs)]
		amount = 3000 + ((i*104729)%12)*2500
	}
	c.major = i%11 == 5 && amount < 50000
	c.complex = i%13 == 6

	a, b := officers[(i)%5], officers[(i+1)%5]
	subject := person
	if c.party.org {
		subject = c.party.rep + "（" + "法定代表人" + "）"
	}
	c.records = []record{
		{kind: "询问笔录", subject: subject, date: c.registered.AddDate(0, 0, 3), signed: true, credentials: true, officers: []officer{a, b}, interested: -1},
		{kind: "调查笔录", subject: "村计生专干" + surnames[(i+3)%len(surnames)] + givenNames[(i+2)%len(givenNames)], date: c.registered.AddDate(0, 0, 5), signed: true, credentials: true, officers: []officer{a, b}, interested: -1},
	}
	c.notice = &notice{date: c.registered.AddDate(0, 0, 12), facts: true, reasons: true, basis: true, rights: true, statement: "当事人未提出陈述申辩"}
	if i%6 == 1 {
		c.notice.statement = "当事人提出家庭经济困难，申请分期缴纳"
		c.notice.statementDate = c.notice.date.AddDate(0, 0, 2)
	}
	if amount >= 8000 {
		c.hearing = &hearing{right: c.notice.date}
		// Some fee cases and some penalties ask for a hearing; only for
		// the penalties is it owed (R12).
		if i%3 == 0 || i%9 == 5 {
			c.hearing.request = c.notice.date.AddDate(0, 0, 2)
			c.hearing.notice = c.notice.date.AddDate(0, 0, 4)
			c.hearing.date = c.notice.date.AddDate(0, 0, 14)
		}
	}
	forms := map[string][3]string{
		kindFee:     {"征收社会抚养费审批表", "征收社会抚养费决定书", "征收社会抚养费报告"},
		kindPenalty: {"行政处罚审批表", "行政处罚决定书", "行政处罚结案报告"},
	}[c.kind]
	c.approval = &step{date: decided.AddDate(0, 0, -3), form: forms[0], who: "刘振华"}
	if amount >= 50000 || c.major || c.complex {
		c.discussion = &step{date: decided.AddDate(0, 0, -2), who: "刘振华、孙明远、周桂芝、吴国栋"}
	}
	prefix, basis := "威人口征决", feeBasis
	if c.kind == kindPenalty {
		prefix, basis = "威人口罚决", penaltyBasis
	}
	c.decision = &decision{number: fmt.Sprintf("%s〔%d〕第%d号", prefix, year, seq), date: decided, amount: amount, basis: basis}
	c.service = &service{date: decided.AddDate(0, 0, 1+i%4), recipient: person, role: "本人", receipt: true, signed: true, dated: true}
	if c.party.org {
		c.service.role = "法定代表人"
	}

	ex := &execution{deadline: c.service.date.AddDate(0, 0, 30)}
	c.execution = ex
	done := time.Time{}
	switch mode := i % 5; {
	case mode == 0 || mode == 4: // paid on time, at once or in two parts
		if mode == 4 && amount >= 10000 {
			ex.payments = []payment{{ex.deadline.AddDate(0, 0, -20), amount / 2}, {ex.deadline.AddDate(0, 0, -1), amount - amount/2}}
		} else {
			ex.payments = []payment{{ex.deadline.AddDate(0, 0, -10), amount}}
		}
		done = ex.payments[len(ex.payments)-1].date
	case mode == 1 || mode == 2: // part or all paid late: late fee on the late part
		late := amount
		if mode == 1 {
			ex.payments = []payment{{ex.deadline.AddDate(0, 0, -5), amount / 2}}
			late = amount - amount/2
		}
		months := 1 + i%3
		paid := addMonths(ex.deadline, months).AddDate(0, 0, 3)
		ex.payments = append(ex.payments, payment{paid, late})
		if c.kind == kindFee {
			ex.lateFee = float64(late) * 0.002 * float64(months)
		}
		done = paid
	default: // unpaid: the court is asked once the litigation period is over
		if !c.service.date.After(day(2026, 4, 1)) {
			ex.courtDate = addMonths(c.service.date, 6).AddDate(0, 0, 40)
			if c.service.date.Before(day(2025, 10, 1)) {
				done = ex.courtDate.AddDate(0, 0, 60)
				ex.courtDone = done
			}
		}
	}
	if !done.IsZero() {
		c.closing = &step{date: done.AddDate(0, 0, 5), form: forms[2]}
		c.archive = &archive{date: c.closing.date.AddDate(0, 0, 12)}
		c.archive.docs = documents(c, forms)
	}
	if i%8 != 7 {
		c.review = &review{who: "钱文静", facts: 6, evidence: 6, law: 10}
		if i%10 == 3 {
			c.review.evidence, c.review.note = 5, "证人证言未注明询问地点"
		}
	}
	return c
}

// documents lists the file's documents from what was done, in order.
func documents(c *caseFile, forms [3]string) []string {
	docs := []string{"立案审批表"}
	seen := map[string]bool{}
	for _, r := range c.records {
		if !seen[r.kind] {
			seen[r.kind] = true
			docs = append(docs, r.kind)
		}
	}
	docs = append(docs, "告知书")
	if c.notice != nil && !c.notice.statementDate.IsZero() {
		docs = append(docs, "陈述申辩笔录")
	}
	if h := c.hearing; h != nil && !h.date.IsZero() {
		docs = append(docs, "听证通知书", "听证笔录")
	}
	docs = append(docs, forms[0])
	if c.discussion != nil {
		docs = append(docs, "集体讨论记录")
	}
	docs = append(docs, forms[1], "送达回证")
	if len(c.execution.payments) > 0 {
		docs = append(docs, "缴款凭证")
	}
	if !c.execution.courtDate.IsZero() {
		docs = append(docs, "强制执行申请书")
	}
	return append(docs, forms[2])
}
