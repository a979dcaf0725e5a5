package reports

import (
	"testing"

	"qingdan/msg"
)

// TestMessagesLegal checks the catalogue, with the messages of this
// package's drafts, corrections and pipeline in it.
func TestMessagesLegal(t *testing.T) { msg.Check(t) }
