package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"qingdan/msg"
	"qingdan/output"
)

// newKind is one kind of entry "qingdan new" adds: the file it goes in,
// the header of its table, the template and what the editor must fill in.
type newKind struct {
	file     string
	header   string // the table header, "duty.item"
	template msg.Message
	fill     string // the keys left empty for the editor, for the summary
}

var newKinds = map[string]newKind{
	"item":    {"duties.toml", "duty.item", newItemTemplate, "text"},
	"duty":    {"duties.toml", "duty", newDutyTemplate, "text"},
	"service": {"services.toml", "service", newServiceTemplate, "name, content, units"},
	"unit":    {"units.toml", "unit", newUnitTemplate, "name, kind"},
	"matter":  {"boundaries.toml", "matter", newMatterTemplate, "title, department, duty"},
}

// runNew is "qingdan new KIND": it appends a commented template with the
// next free id to the right content file, keeping every byte that was
// there, and says where it went. The fields the editor must fill in are
// left empty, so that "qingdan check" names each one until it is written.
func runNew(ctx context.Context, args []string) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		fs := newFlags("new", newUsage.S())
		if err := parseFlags(fs, args, 0); err != nil {
			return err
		}
		return usageError{newNameKind.S()}
	}
	kindName, args := args[0], args[1:]
	kind, ok := newKinds[kindName]
	if !ok {
		return usageError{newUnknownKind.S(kindName)}
	}
	fs := newFlags("new "+kindName, newUsage.S())
	cfgPath := fs.String("config", "site.toml", cliConfigFlag.S())
	if err := parseFlags(fs, args, 1); err != nil {
		return err
	}
	cfg, err := loadConfig(*cfgPath)
	if err != nil {
		return err
	}
	path := filepath.Join(cfg.Path(cfg.Content), kind.file)
	shown := filepath.ToSlash(filepath.Join(cfg.Content, kind.file))
	data, err := os.ReadFile(path)
	if err != nil {
		return newCannotRead.Error(shown, err)
	}
	text := string(data)
	tables := scanTables(text)

	at := len(text) // where the entry goes: the end, or the end of its duty
	var id string
	switch kindName {
	case "item":
		if fs.NArg() != 1 {
			return usageError{newNeedDuty.S()}
		}
		duty := fs.Arg(0)
		end, found := dutyEnd(text, tables, duty)
		if !found {
			return usageError{newNoDuty.S(duty, strings.Join(idsOf(tables, "duty"), ", "))}
		}
		at = end
		id = duty + "-" + nextNumber(idsOf(tables, "duty.item"), duty+"-")
	case "unit":
		if fs.NArg() == 1 {
			id = fs.Arg(0)
			if !regexp.MustCompile(`^[a-z][a-z0-9-]*$`).MatchString(id) {
				return usageError{newBadUnitID.S(id)}
			}
			for _, u := range idsOf(tables, "unit") {
				if u == id {
					return usageError{newUnitTaken.S(id)}
				}
			}
		}
	default:
		if fs.NArg() > 0 {
			return usageError{cliExtraArg.S(fs.Arg(0))}
		}
		id = nextNumber(idsOf(tables, kind.header), "")
	}

	nl := "\n"
	if strings.Contains(text, "\r\n") {
		nl = "\r\n"
	}
	entry := strings.ReplaceAll(strings.TrimLeft(kind.template.S(id), "\n"), "\n", nl)
	before := text[:at]
	gap := "" // a blank line between the entry and what is above it
	switch {
	case before == "", strings.HasSuffix(before, nl+nl):
	case strings.HasSuffix(before, nl):
		gap = nl
	default:
		gap = nl + nl
	}
	if at < len(text) && !strings.HasPrefix(text[at:], nl) {
		entry += nl // and one below it, before the next duty
	}
	line := strings.Count(before+gap, "\n") + 1
	out := before + gap + entry + text[at:]
	if err := ctx.Err(); err != nil {
		return err
	}
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	if err := output.WriteFile(path, []byte(out), info.Mode().Perm()); err != nil {
		return err
	}
	fields, shownID := kind.fill, id
	if id == "" {
		fields, shownID = "id, "+fields, newIDToFill.S()
	}
	fmt.Fprintln(os.Stderr, newDone.S(shown, line, newKindName(kindName), shownID, fields))
	return nil
}

// table is one [[header]] table of a TOML file as scanned line by line:
// its header, the line it starts on (its byte offset), and its id.
type table struct {
	header string
	start  int // byte offset of the header line
	id     string
}

var (
	headerLine = regexp.MustCompile(`^\s*\[\[\s*([A-Za-z0-9_.-]+)\s*\]\]`)
	idLine     = regexp.MustCompile(`^\s*id\s*=\s*"([^"]*)"`)
)

// scanTables finds the [[...]] tables of a content file and their ids,
// line by line, skipping the lines of multi-line texts. It needs no more
// than that, so it works on a file that does not check yet (an entry a
// previous "qingdan new" added, still to be filled in, say).
func scanTables(text string) []table {
	var out []table
	inText := false
	offset := 0
	for _, l := range strings.SplitAfter(text, "\n") {
		start := offset
		offset += len(l)
		if strings.Count(l, `"""`)%2 == 1 {
			inText = !inText
			continue
		}
		if inText {
			continue
		}
		if m := headerLine.FindStringSubmatch(l); m != nil {
			out = append(out, table{header: m[1], start: start})
		} else if m := idLine.FindStringSubmatch(l); m != nil && len(out) > 0 && out[len(out)-1].id == "" {
			out[len(out)-1].id = m[1]
		}
	}
	return out
}

// idsOf lists the ids of the tables with header.
func idsOf(tables []table, header string) []string {
	var ids []string
	for _, t := range tables {
		if t.header == header && t.id != "" {
			ids = append(ids, t.id)
		}
	}
	return ids
}

// dutyEnd is where a new item of duty goes: after its last item, before
// the next [[duty]] and the comment lines just above it.
func dutyEnd(text string, tables []table, duty string) (int, bool) {
	for i, t := range tables {
		if t.header != "duty" || t.id != duty {
			continue
		}
		for _, next := range tables[i+1:] {
			if next.header == "duty" {
				return beforeComments(text, next.start), true
			}
		}
		return len(text), true
	}
	return 0, false
}

// beforeComments moves offset back over the comment and blank lines that
// lead up to it, which belong to what follows.
func beforeComments(text string, offset int) int {
	for offset > 0 {
		prev := strings.LastIndexByte(text[:offset-1], '\n') + 1
		l := strings.TrimSpace(text[prev:offset])
		if l != "" && !strings.HasPrefix(l, "#") {
			break
		}
		offset = prev
	}
	return offset
}

// nextNumber is the number after the largest of ids that start with
// prefix (the whole id after it a number), as wide as the widest, at
// least two digits: ids are never reused, so a gap left by a removed entry
// stays a gap.
func nextNumber(ids []string, prefix string) string {
	largest, width := 0, 2
	for _, id := range ids {
		rest, ok := strings.CutPrefix(id, prefix)
		n, err := strconv.Atoi(rest)
		if !ok || err != nil {
			continue
		}
		largest = max(largest, n)
		width = max(width, len(rest))
	}
	return fmt.Sprintf("%0*d", width, largest+1)
}

// newKindName names a kind of entry in messages.
func newKindName(kind string) string {
	return map[string]msg.Message{"item": newKindItem, "duty": newKindDuty, "service": newKindService,
		"unit": newKindUnit, "matter": newKindMatter}[kind].S()
}
