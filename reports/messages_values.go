package reports

import "qingdan/msg"

// Messages about the values of case files: amounts and characters.
var (
	amountNotNumber = msg.New("reports.amount.notnumber",
		"金额 %v 不是数字",
		"amount %v is not a number")
	amountNotNumberHint = msg.New("reports.amount.notnumber.hint",
		"按元填写金额，例如 12000 或 12000.50",
		"write the amount in yuan, such as 12000 or 12000.50")
	amountTooLarge = msg.New("reports.amount.toolarge",
		"金额 %v 元超过 %s 元，不可能是真实的罚没或征收金额",
		"amount %v yuan is over %s yuan, more than any real fine or fee")
	amountTooLargeHint = msg.New("reports.amount.toolarge.hint",
		"按元填写金额，核对是否多打了零；单位是元，不是分",
		"write the amount in yuan and check for extra zeros; the unit is yuan, not fen")
	controlChar = msg.New("reports.text.control",
		"%s 含有控制字符 U+%04X（第 %d 个字符），打印出来看不见",
		"%s holds the control character U+%04X (character %d), which prints as nothing")
	controlCharHint = msg.New("reports.text.control.hint",
		"删除这个字符后重新输入这段文字；不要从其他软件复制不可见的字符",
		"delete the character and type the text again; do not paste invisible characters from other programs")
)
