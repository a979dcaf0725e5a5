package reports

import "regexp"

// docNumber matches a 发文字号, 案号 or 决定书文号: the organ's
// abbreviation, the year in 六角括号 (or brackets typed instead), the
// number and 号, such as 威人口〔2026〕3号 or 威人口征立〔2026〕第31号. Wrap
// keeps each whole on one line (GB/T 9704 7.2.4: 发文字号 is not broken).
// The abbreviation is taken as at most six characters before the bracket.
var docNumber = regexp.MustCompile(`\p{Han}{1,6}[〔\[［(（][0-9]{4}[〕\]］)）]第?[0-9]+号`)
