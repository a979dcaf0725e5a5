package main

import (
	"testing"

	"qingdan/msg"
)

// TestImportMessages checks the catalogue's messages, the command's among
// them, in both languages.
func TestImportMessages(t *testing.T) { msg.Check(t) }
