package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"qingdan/config"
	"qingdan/output"
	"qingdan/source"
)

// runFixEncoding is "qingdan fix-encoding": it converts content files
// saved as GBK/GB18030 or UTF-16 to UTF-8 in place. It first prints every
// change it will make, then writes each file atomically; a file whose
// bytes are no encoding it knows cleanly is refused and left as it is.
func runFixEncoding(ctx context.Context, args []string) error {
	fs := newFlags("fix-encoding", fixEncodingUsage.S())
	cfgPath := fs.String("config", "site.toml", cliConfigFlag.S())
	dryRun := fs.Bool("n", false, fixDryRunFlag.S())
	if err := parseFlags(fs, args, len(args)); err != nil {
		return err
	}
	files := fs.Args()
	if len(files) == 0 {
		var err error
		if files, err = contentFiles(*cfgPath); err != nil {
			return err
		}
	}
	type change struct {
		path string
		data []byte
		mode os.FileMode
	}
	var changes []change
	refused := 0
	for _, path := range files {
		info, err := os.Lstat(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, fixCannotRead.S(path, source.Reason(err)))
			refused++
			continue
		}
		if !info.Mode().IsRegular() {
			fmt.Fprintln(os.Stderr, fixNotRegular.S(path))
			refused++
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, fixCannotRead.S(path, source.Reason(err)))
			refused++
			continue
		}
		enc := source.DetectEncoding(data)
		switch enc {
		case source.UTF8, source.UTF8BOM:
			continue
		case source.Unknown:
			fmt.Fprintln(os.Stderr, fixRefused.S(path))
			refused++
			continue
		}
		utf8, err := source.ToUTF8(data, enc)
		if err != nil {
			fmt.Fprintln(os.Stderr, fixRefused.S(path))
			refused++
			continue
		}
		fmt.Fprintln(os.Stderr, fixWill.S(path, enc.Name()))
		changes = append(changes, change{path, utf8, info.Mode().Perm()})
	}
	if len(changes) == 0 && refused == 0 {
		fmt.Fprintln(os.Stderr, fixNothing.S(len(files)))
		return nil
	}
	if !*dryRun {
		for _, c := range changes {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := output.WriteFile(c.path, c.data, c.mode); err != nil {
				return err
			}
		}
		if len(changes) > 0 {
			fmt.Fprintln(os.Stderr, fixDone.S(len(changes)))
		}
	}
	if refused > 0 {
		fmt.Fprintln(os.Stderr, fixRefusedCount.S(refused))
		return errReported
	}
	return nil
}

// contentFiles lists the text files of the content folder that site.toml
// names (content/ beside it when site.toml itself cannot be read), in
// name order, leaving out what is not a regular file.
func contentFiles(cfgPath string) ([]string, error) {
	dir := filepath.Join(filepath.Dir(cfgPath), "content")
	if data, err := os.ReadFile(cfgPath); err == nil {
		if cfg, ps := config.Parse(cfgPath, data); !ps.HasErrors() {
			dir = cfg.Path(cfg.Content)
		}
	}
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		ext := strings.ToLower(filepath.Ext(path))
		if d.Type().IsRegular() && (ext == ".toml" || ext == ".md") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		return nil, fixNoContent.Error(dir, source.Reason(err))
	}
	sort.Strings(files)
	return files, nil
}
