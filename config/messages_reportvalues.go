package config

import "qingdan/msg"

// Messages about the values of [reports].
var (
	majorAmountNotNumber = msg.New("config.reports.major_amount.notnumber",
		"major_amount %v 不是数字",
		"major_amount %v is not a number")
	majorAmountTooLarge = msg.New("config.reports.major_amount.toolarge",
		"major_amount %v 元超过 %s 元，不可能是真实的罚没或征收金额",
		"major_amount %v yuan is over %s yuan, more than any real fine or fee")
	amountHint = msg.New("config.reports.amount.hint",
		"按元填写金额，例如 major_amount = 50000",
		"write the amount in yuan, such as major_amount = 50000")
	contactEmpty = msg.New("config.reports.contact.empty",
		"[reports] %s 为空：备案报告的附注中联系人和联系电话将留空白",
		"[reports] %s is empty: the filing's cover letter leaves a blank for the contact")
	contactHint = msg.New("config.reports.contact.hint",
		`填写备案报告的联系人和电话，例如 contact = "孙某"，phone = "0319-7631779"`,
		`name the filing's contact person and phone, such as contact = "孙某" and phone = "0319-7631779"`)
)
