package search

import (
	"encoding/json"
	"os"
	"reflect"
	"testing"
	"unicode/utf8"
)

// vectors is testdata/tokenizer_vectors.json, shared with the JS tests.
type vectors struct {
	Tokenize []struct {
		Text   string  `json:"text"`
		Tokens [][]any `json:"tokens"`
	} `json:"tokenize"`
	Hash []struct {
		Token string `json:"token"`
		Hash  uint32 `json:"hash"`
	} `json:"hash"`
	Number []struct {
		N    int    `json:"n"`
		Text string `json:"text"`
	} `json:"number"`
	Postings []struct {
		Records [][]any `json:"records"`
		Text    string  `json:"text"`
	} `json:"postings"`
}

func loadVectors(t *testing.T) vectors {
	t.Helper()
	data, err := os.ReadFile("testdata/tokenizer_vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var v vectors
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("tokenizer_vectors.json: %v", err)
	}
	if len(v.Tokenize) == 0 || len(v.Hash) == 0 || len(v.Number) == 0 || len(v.Postings) == 0 {
		t.Fatal("tokenizer_vectors.json has an empty section")
	}
	return v
}

func TestTokensVectors(t *testing.T) {
	for _, c := range loadVectors(t).Tokenize {
		want := []Token{}
		for _, p := range c.Tokens {
			want = append(want, Token{p[0].(string), int(p[1].(float64))})
		}
		got := append([]Token{}, Tokens(c.Text)...)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Tokens(%q)\n got %v\nwant %v", c.Text, got, want)
		}
	}
}

func TestHashVectors(t *testing.T) {
	for _, c := range loadVectors(t).Hash {
		if got := Hash(c.Token); got != c.Hash {
			t.Errorf("Hash(%q) = %d, want %d", c.Token, got, c.Hash)
		}
	}
}

func TestNumberVectors(t *testing.T) {
	for _, c := range loadVectors(t).Number {
		if got := string(appendNumber(nil, c.N)); got != c.Text {
			t.Errorf("appendNumber(%d) = %q, want %q", c.N, got, c.Text)
		}
	}
}

func TestPostingsVectors(t *testing.T) {
	for _, c := range loadVectors(t).Postings {
		var ps []posting
		for _, r := range c.Records {
			p := posting{doc: int(r[0].(float64))}
			for _, x := range r[1].([]any) {
				p.pos = append(p.pos, int(x.(float64)))
			}
			ps = append(ps, p)
		}
		if got := encodePostings(ps); got != c.Text {
			t.Errorf("encodePostings(%v) = %q, want %q", c.Records, got, c.Text)
		}
	}
}

func TestShardOf(t *testing.T) {
	tests := []struct {
		token string
		bits  int
		want  uint32
	}{
		{"计划", 0, 0},
		{"计划", 4, 2881395307 >> 28},
		{"计划", 8, 2881395307 >> 24},
		{"b超", 1, 0},
	}
	for _, tt := range tests {
		if got := shardOf(tt.token, tt.bits); got != tt.want {
			t.Errorf("shardOf(%q, %d) = %d, want %d", tt.token, tt.bits, got, tt.want)
		}
	}
}

// FuzzTokens checks the invariants the query side relies on: tokens are
// folded, non-empty, made of indexable characters, in position order, and
// a text's tokens are found again in any text that contains it.
func FuzzTokens(f *testing.F) {
	for _, s := range []string{"计划生育", "B超", "电话：7631779", "作出 8000 元以上", "“7.11”世界人口日", "（一）", "", "\xff计划"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokens(s)
		last := -1
		for _, tok := range toks {
			if tok.Text == "" || !utf8.ValidString(tok.Text) {
				t.Fatalf("Tokens(%q): bad token %q", s, tok.Text)
			}
			for _, r := range tok.Text {
				if Fold(r) != r || !(isWord(r) || IsHan(r)) {
					t.Fatalf("Tokens(%q): token %q holds %q", s, tok.Text, r)
				}
			}
			if tok.Pos < last {
				t.Fatalf("Tokens(%q): positions go back: %v", s, toks)
			}
			last = tok.Pos
		}
		within := map[string]bool{}
		for _, tok := range Tokens("前" + s + "后") {
			within[tok.Text] = true
		}
		for _, tok := range toks {
			if !within[tok.Text] && utf8.RuneCountInString(tok.Text) > 1 {
				t.Fatalf("token %q of %q is lost when the text is embedded", tok.Text, s)
			}
		}
	})
}
