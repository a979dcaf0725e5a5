package search

// Hash is the 32-bit FNV-1a hash of a token's UTF-8 bytes. The top bits
// choose the token's shard; search.js computes the same.
func Hash(token string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(token); i++ {
		h ^= uint32(token[i])
		h *= 16777619
	}
	return h
}

// shardOf returns the shard of a token when the index has 1<<bits shards.
func shardOf(token string, bits int) uint32 {
	if bits == 0 {
		return 0
	}
	return Hash(token) >> (32 - bits)
}

// digits are the 64 characters of a number's text form: URL-safe base64,
// so postings need no escaping in JSON.
const digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// appendNumber appends the text form of n: five bits per character, least
// significant first, the sixth bit set on every character but the last
// (the variable-length quantities of source maps, unsigned).
func appendNumber(b []byte, n int) []byte {
	for {
		d := n & 31
		n >>= 5
		if n == 0 {
			return append(b, digits[d])
		}
		b = append(b, digits[d|32])
	}
}

// postingList is the text form of one token's postings, written record by
// record in ascending record order: per record the difference of its id
// from the previous one, the count of positions, and the positions as
// differences from the previous one.
type postingList struct {
	b    []byte
	prev int // id of the last record added
}

// add appends the postings of record doc, whose positions are pos.
func (l *postingList) add(doc int, pos []int) {
	l.b = appendNumber(l.b, doc-l.prev)
	l.prev = doc
	l.b = appendNumber(l.b, len(pos))
	last := 0
	for _, x := range pos {
		l.b = appendNumber(l.b, x-last)
		last = x
	}
}
