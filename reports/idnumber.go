package reports

import (
	"strconv"
	"strings"
	"time"
)

// idProblem says what is wrong with an ID number: a person's 公民身份号码
// (GB 11643) or an organisation's 统一社会信用代码 (GB 32100). bad is set
// when the number cannot be one at all (length, characters, birth date);
// otherwise a non-empty message means only the check character is wrong,
// which is most often a typo in a real file.
func idProblem(partyType, id string) (msg string, bad bool) {
	if partyType == PartyOrg {
		return creditCodeProblem(id)
	}
	return citizenIDProblem(id)
}

var citizenWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// citizenCheck is the check character of the first 17 digits of a 公民身份号码.
func citizenCheck(first17 string) byte {
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(first17[i]-'0') * citizenWeights[i]
	}
	return "10X98765432"[sum%11]
}

func citizenIDProblem(id string) (string, bool) {
	if len(id) != 18 {
		return "a 公民身份号码 has 18 characters", true
	}
	for i := 0; i < 17; i++ {
		if id[i] < '0' || id[i] > '9' {
			return "the first 17 characters of a 公民身份号码 are digits", true
		}
	}
	last := id[17]
	if last == 'x' {
		last = 'X'
	}
	if (last < '0' || last > '9') && last != 'X' {
		return "the last character of a 公民身份号码 is a digit or X", true
	}
	y, m, d := atoi(id[6:10]), atoi(id[10:12]), atoi(id[12:14])
	if birth := day(y, time.Month(m), d); y < 1900 || int(birth.Month()) != m || birth.Day() != d {
		return "the birth date " + id[6:14] + " in the 公民身份号码 does not exist", true
	}
	if want := citizenCheck(id[:17]); last != want {
		return "the check character of this 公民身份号码 should be " + string(want), false
	}
	return "", false
}

// creditAlphabet is the character set of 统一社会信用代码, in value order.
const creditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

var creditWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// creditCheck is the check character of the first 17 characters of a
// 统一社会信用代码, which must all be in creditAlphabet.
func creditCheck(first17 string) byte {
	sum := 0
	for i := 0; i < 17; i++ {
		sum += strings.IndexByte(creditAlphabet, first17[i]) * creditWeights[i]
	}
	return creditAlphabet[(31-sum%31)%31]
}

func creditCodeProblem(id string) (string, bool) {
	if len(id) != 18 {
		return "a 统一社会信用代码 has 18 characters", true
	}
	for i := 0; i < 18; i++ {
		if strings.IndexByte(creditAlphabet, id[i]) < 0 {
			return "a 统一社会信用代码 has no character " + strconv.Quote(string(id[i])) + " (digits and capital letters except I, O, Z, S, V)", true
		}
	}
	if want := creditCheck(id[:17]); id[17] != want {
		return "the check character of this 统一社会信用代码 should be " + string(want), false
	}
	return "", false
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}
