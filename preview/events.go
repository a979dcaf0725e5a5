package preview

import (
	"fmt"
	"net/http"
	"sync"
)

// eventsPath is where pages listen for reloads. Like reloadPath it lies
// outside the site's root folder unless the root is "/", and no page of a
// site is named __qingdan.
const eventsPath = "/__qingdan/events"

// broker tells every open page (one Server-Sent Events stream each) to
// reload.
type broker struct {
	mu      sync.Mutex
	clients map[chan struct{}]bool
}

// publish asks every open page to reload.
func (b *broker) publish() {
	b.mu.Lock()
	defer b.mu.Unlock()
	for c := range b.clients {
		select {
		case c <- struct{}{}:
		default: // a reload is already pending for this page
		}
	}
}

func (b *broker) add() chan struct{} {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.clients == nil {
		b.clients = map[chan struct{}]bool{}
	}
	c := make(chan struct{}, 1)
	b.clients[c] = true
	return c
}

func (b *broker) remove(c chan struct{}) {
	b.mu.Lock()
	defer b.mu.Unlock()
	delete(b.clients, c)
}

// ServeHTTP streams "data: reload" events until the request ends. The first
// line, a comment, tells the client that it is registered.
func (b *broker) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	c := b.add()
	defer b.remove(c)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	fmt.Fprint(w, ": qingdan preview\nretry: 1000\n\n")
	flusher.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-c:
			fmt.Fprint(w, "data: reload\n\n")
			flusher.Flush()
		}
	}
}
