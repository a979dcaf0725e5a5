package generator

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

const hostile = `</script><script>alert(1)</script>`

var ldScript = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)

// TestHostileContentStaysInert puts a script-closing string into every
// kind of text a page prints, including the JSON-LD blocks, and checks
// that no page contains it as markup while the JSON-LD still decodes to
// the very same text.
func TestHostileContentStaysInert(t *testing.T) {
	site := fixture(t, "/")
	site.Config.Org.Name = hostile
	site.Config.Title = hostile
	site.Config.Description = hostile
	site.Units[0].Name = hostile
	site.Duties[0].Text = hostile
	site.Duties[0].Items[0].Text = hostile
	site.Matters[0].Roles[0].Duty = hostile
	site.Matters[0].Basis[0] = hostile
	site.Services[0].Name = hostile
	site.Services[0].Content = hostile
	site.Changes[0].Title = hostile
	body, err := renderMarkdown([]byte("正文 " + hostile + "\n\n" + hostile + "\n"))
	if err != nil {
		t.Fatal(err)
	}
	site.Systems[0].Body = body
	out := render(t, site)

	// Data files (CSV, JSON) keep the editors' text as it is; markup
	// files must escape it.
	for name, data := range out {
		if (strings.HasSuffix(name, ".html") || strings.HasSuffix(name, ".xml")) && strings.Contains(string(data), "<script>alert(1)") {
			t.Errorf("%s contains the hostile markup unescaped", name)
		}
	}
	page := string(out["services/01/index.html"])
	blocks := ldScript.FindAllStringSubmatch(page, -1)
	if len(blocks) != 1 {
		t.Fatalf("services/01/index.html has %d JSON-LD blocks, want 1", len(blocks))
	}
	var ld []map[string]any
	if err := json.Unmarshal([]byte(blocks[0][1]), &ld); err != nil {
		t.Fatalf("JSON-LD does not decode: %v\n%s", err, blocks[0][1])
	}
	if len(ld) != 2 || ld[0]["@type"] != "GovernmentOrganization" || ld[1]["@type"] != "GovernmentService" {
		t.Fatalf("JSON-LD = %v, want the organization and the service", ld)
	}
	if ld[0]["name"] != hostile || ld[1]["name"] != hostile || ld[1]["description"] != hostile {
		t.Errorf("JSON-LD lost the text: %v", ld)
	}
	if !strings.Contains(page, "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("the service name is not shown as escaped text")
	}
}

// TestServiceJSONLD checks the GovernmentService of a service page carries
// its telephones in international form.
func TestServiceJSONLD(t *testing.T) {
	out := render(t, fixture(t, "/"))
	blocks := ldScript.FindAllStringSubmatch(string(out["services/01/index.html"]), -1)
	if len(blocks) != 1 {
		t.Fatalf("%d JSON-LD blocks, want 1", len(blocks))
	}
	var ld []struct {
		Type     string `json:"@type"`
		Provider []struct {
			Name      string `json:"name"`
			Telephone string `json:"telephone"`
		} `json:"provider"`
		Channel struct {
			Phone []struct {
				Telephone string `json:"telephone"`
			} `json:"servicePhone"`
		} `json:"availableChannel"`
	}
	if err := json.Unmarshal([]byte(blocks[0][1]), &ld); err != nil {
		t.Fatal(err)
	}
	if len(ld) != 2 || ld[1].Type != "GovernmentService" {
		t.Fatalf("JSON-LD = %+v", ld)
	}
	if len(ld[1].Channel.Phone) != 1 || ld[1].Channel.Phone[0].Telephone != "+86-319-7631096" {
		t.Errorf("service phones = %+v, want +86-319-7631096", ld[1].Channel.Phone)
	}
	if len(ld[1].Provider) != 1 || ld[1].Provider[0].Name != "计划生育技术服务站" || ld[1].Provider[0].Telephone != "+86-319-7631096" {
		t.Errorf("provider = %+v", ld[1].Provider)
	}
	for _, name := range []string{"index.html", "duties/index.html", "404.html"} {
		if n := len(ldScript.FindAllString(string(out[name]), -1)); n != 1 {
			t.Errorf("%s has %d JSON-LD blocks, want 1 (the organization)", name, n)
		}
	}
}

func TestPhones(t *testing.T) {
	for _, tc := range []struct {
		area, phone, intl, local string
	}{
		{"0319", "7631779", "+86-319-7631779", "0319-7631779"},
		{"0319", "0319-7631779", "+86-319-7631779", "0319-7631779"},
		{"0319", "03197631779", "+86-319-7631779", "03197631779"},
		{"0319", "13912345678", "+86-13912345678", "13912345678"},
		{"0319", "010-12345678", "+86-1012345678", "010-12345678"},
		{"", "7631779", "7631779", "7631779"},
	} {
		if got := intlPhone(tc.area, tc.phone); got != tc.intl {
			t.Errorf("intlPhone(%q, %q) = %q, want %q", tc.area, tc.phone, got, tc.intl)
		}
		if got := localPhone(tc.area, tc.phone); got != tc.local {
			t.Errorf("localPhone(%q, %q) = %q, want %q", tc.area, tc.phone, got, tc.local)
		}
	}
}
