package search

// The test vectors shared with search.js give postings as records with
// their positions; these turn them into the index's text form.

// posting is where one token occurs in one record.
type posting struct {
	doc int
	pos []int // ascending
}

// encodePostings is the text form of a token's postings, in ascending
// record order; the test vectors shared with search.js are checked
// against it.
func encodePostings(ps []posting) string {
	var l postingList
	for _, p := range ps {
		l.add(p.doc, p.pos)
	}
	return string(l.b)
}
