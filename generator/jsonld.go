package generator

import (
	"encoding/json"
	"html/template"
	"strings"
)

// JSON-LD descriptions of the bureau and its services (schema.org). Pages
// carry them marshalled, as the content of their
// <script type="application/ld+json">: json.Marshal escapes <, > and &
// (and U+2028, U+2029), so no content can end the script element. The
// bureau's description, on every page, is marshalled once per site.

type ldOrganization struct {
	Context   string          `json:"@context,omitempty"`
	Type      string          `json:"@type"`
	Name      string          `json:"name"`
	AltName   string          `json:"alternateName,omitempty"`
	URL       string          `json:"url,omitempty"`
	Telephone string          `json:"telephone,omitempty"`
	Email     string          `json:"email,omitempty"`
	Address   string          `json:"address,omitempty"`
	Parent    *ldOrganization `json:"parentOrganization,omitempty"`
}

type ldService struct {
	Context     string           `json:"@context"`
	Type        string           `json:"@type"`
	Name        string           `json:"name"`
	Description string           `json:"description"`
	URL         string           `json:"url"`
	Provider    []ldOrganization `json:"provider"`
	Channel     *ldChannel       `json:"availableChannel,omitempty"`
}

type ldChannel struct {
	Type  string    `json:"@type"`
	Phone []ldPhone `json:"servicePhone"`
}

type ldPhone struct {
	Type      string `json:"@type"`
	Telephone string `json:"telephone"`
}

// organization describes the bureau, on every page.
func organization(site *Site) ldOrganization {
	c := site.Config
	o := ldOrganization{
		Context: "https://schema.org",
		Type:    "GovernmentOrganization",
		Name:    c.Org.Name,
		URL:     c.BaseURL,
		Email:   c.Org.Email,
		Address: c.Org.Address,
	}
	if c.Org.ShortName != c.Org.Name {
		o.AltName = c.Org.ShortName
	}
	if c.Org.Phone != "" {
		o.Telephone = intlPhone(c.Org.AreaCode, c.Org.Phone)
	}
	return o
}

// governmentService describes one public service with its telephones.
func governmentService(site *Site, s *Service) ldService {
	c := site.Config
	bureau := &ldOrganization{Type: "GovernmentOrganization", Name: c.Org.Name}
	ld := ldService{
		Context:     "https://schema.org",
		Type:        "GovernmentService",
		Name:        s.Name,
		Description: s.Content,
		URL:         c.BaseURL + s.Path(),
	}
	for _, u := range s.Units {
		o := ldOrganization{Type: "GovernmentOrganization", Name: u.Name, Parent: bureau}
		if u.Phone != "" {
			o.Telephone = intlPhone(c.Org.AreaCode, u.Phone)
		}
		ld.Provider = append(ld.Provider, o)
	}
	if len(ld.Provider) == 0 {
		ld.Provider = append(ld.Provider, *bureau)
	}
	if len(s.Phones) > 0 {
		ld.Channel = &ldChannel{Type: "ServiceChannel"}
		for _, ph := range s.Phones {
			ld.Channel.Phone = append(ld.Channel.Phone, ldPhone{Type: "ContactPoint", Telephone: intlPhone(c.Org.AreaCode, ph)})
		}
	}
	return ld
}

// marshalLD is the JSON of one description. Descriptions hold only
// strings, structs and slices, which always marshal; should one not, the
// page says null rather than fail.
func marshalLD(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "null"
	}
	return string(b)
}

// ldArray is a page's JSON-LD: the array of its marshalled descriptions.
func ldArray(descriptions ...string) template.JS {
	return template.JS("[" + strings.Join(descriptions, ",") + "]")
}
