package main

import (
	"context"
	"fmt"
	"net"
	"os"

	"qingdan/build"
	"qingdan/preview"
)

const serveUsage = `
Usage: qingdan serve [-config site.toml] [-addr 127.0.0.1:1313]

Preview the site in a browser while you edit it. The site is built in
memory and served under its own path (the path of base_url in site.toml,
such as /zfxxgk/qingdan/). Every saved change to site.toml, content/ or
themes/ rebuilds it and reloads the open pages. When an edit has a
mistake, the last good site stays on screen and every page shows what to
fix (file:line:column); the terminal prints the same. Nothing is written to
disk: run "qingdan build" to publish.

Stop it with Ctrl+C.

Examples:
  qingdan serve
  qingdan serve -addr 127.0.0.1:8080
  qingdan serve -config /srv/qingdan/site.toml
`

// runServe runs the live preview server until ctx is cancelled.
func runServe(ctx context.Context, args []string) error {
	fs := newFlags("serve", serveUsage)
	configPath := fs.String("config", "site.toml", "the site's configuration `file`")
	addr := fs.String("addr", "127.0.0.1:1313", "the `host:port` to listen on; keep 127.0.0.1 unless others must see the preview")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s (is another qingdan serve running? choose another port with -addr): %w", *addr, err)
	}
	return preview.New(*configPath, os.Stderr, build.Site).Run(ctx, ln)
}
