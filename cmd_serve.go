package main

import (
	"context"
	"net"
	"os"

	"qingdan/build"
	"qingdan/preview"
)

// runServe runs the live preview server until ctx is cancelled.
func runServe(ctx context.Context, args []string) error {
	fs := newFlags("serve", serveUsage.S())
	configPath := fs.String("config", "site.toml", cliConfigFlag.S())
	addr := fs.String("addr", "127.0.0.1:1313", cliAddrFlag.S())
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return serveListen.Error(*addr, err)
	}
	return preview.New(*configPath, os.Stderr, build.Site).Run(ctx, ln)
}
