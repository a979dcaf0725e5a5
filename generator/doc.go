// Package generator turns a site's content into its files, in two pure
// stages over a plain model:
//
//	Load(content fs.FS, cfg)  → *Site, every problem at file:line:col (load.go, validate.go)
//	Render(site, theme, out)  → every page and file, written to an Output (render.go)
//
// Package build runs them for every command; the preview renders again
// after each edit through Incremental, which makes only what the edit
// changed and gives the bytes Render gives, and loads through a Loader,
// which decodes only the tables that changed and, in a county, loads only
// the departments whose files changed.
//
// # The model
//
// Site is the whole list with every reference resolved: Units, Duties
// (with their Items), Matters, Services, Systems, Changes, Synonyms, the
// publication record of each of the four Parts and Config, the Settings
// of site.toml that pages show. It is made once by Load and only read
// afterwards. Render reads the build clock nowhere: the same site and
// theme always give the same bytes.
//
// # The theme contract
//
// A theme is a file system (package themes) with layout.html,
// partials.html, one file per kind of page and a static/ folder, whose
// files are published as they are. Each page template defines "content";
// the page is rendered by executing "layout" with the page's *Page. The
// page templates are home.html, duties.html, duty.html, units.html,
// unit.html, boundaries.html, matter.html, services.html, service.html,
// supervision.html, system.html, search.html, data.html,
// accessibility.html, contact.html, sitemap.html, 404.html, removed.html
// (the page kept for an entry no longer in the list, Page.Removed) and
// changes.html (更新记录); a county's own pages (Site.County set) are
// county.html, county-units.html, county-department.html
// (Page.Department), county-duties.html, county-boundaries.html,
// county-services.html, county-supervision.html, county-search.html,
// county-contact.html and county-sitemap.html.
//
// Every template receives these exported types and nothing else: Page
// (with Site, Summary, Crumb, PubInfo and NavState through its fields and
// methods), the model types (Unit, Duty, Item, Matter, Role, Service,
// System, Change, Part, and the history's Adjust, Removed and Moved; a
// county's County and Department), UnitView and ItemGroup on a unit's
// page, and DataFile and DataField, the open-data files on the data page.
// Each type's documentation says what its fields hold. A template may use
// any field and method of them. The list pages take their entries from
// Page.ServiceList, MatterList, DutyList and (the trees of the units page)
// UnitList: all of them, or, for a list of more than 1,000, the page's
// share, with Page.Paging for the pager; the site-map page of a site of
// more than 1,000 entries has Page.Sections, each part's count and pages.
//
// The functions a template may call:
//
//	link PATH       the site-absolute URL of a site-relative path (under Config.Root)
//	abs PATH        the absolute URL of a site-relative path (under Config.BaseURL)
//	asset PATH      link of a static file with its content hash, for caches
//	tel PHONE       the tel: URL of a local phone number
//	phone PHONE     the number as dialled in China: 0319-7631779
//	date, cndate, pubdate TIME   2026-11-28, 2026年11月28日, 2026-11-28 00:00
//	unitkeys ITEM   the ids of an item's units and of the units above them
//	depth UNIT      how many units are above a unit
//	sitepath LINK   a change's link as a site-relative path
//	each NAME LIST  the partial NAME for each element, each after a line
//	                break: {{range LIST}}⏎{{template NAME .}}{{end}} in one call
//
// The default theme's layout.html calls the partials "site-meta" and
// "site-links" and "footer" with the Site, "header" with Page.Header and
// "pubinfo" with Page.PubInfo; its partials.html defines "item" (an Item)
// and "duty" (a Duty of the duties page) and the smaller ones these use.
// A theme that overrides a file must keep defining what the other files
// call; a missing partial is an error naming it.
//
// # Reuse of shared parts
//
// Some partials show only their argument: "item", "duty", "site-meta",
// "site-links", "header", "footer" and "pubinfo". Render makes each of
// them once per distinct argument and reuses the output on every page that
// calls it with the same value (a work item is listed on its duty's page,
// its units' pages and the duties page). This is the renderer's business:
// a theme defines and calls them like any other partial, and they must
// show nothing but what their argument holds.
package generator
