//go:build !linux

package preview

// notifier stands for Linux's inotify elsewhere: there the watch loop only
// looks at the files every pollInterval.
type notifier struct{}

func newNotifier() *notifier                { return nil }
func (n *notifier) add(paths []string)      {}
func (n *notifier) events() <-chan struct{} { return nil }
func (n *notifier) close()                  {}
