package preview

import (
	"net"
	"net/http"
	"net/http/httptest"
	"testing"

	"qingdan/msg"
)

func TestMessages(t *testing.T) { msg.Check(t) }

// TestCheckHost sends requests with the Host headers a browser on this
// machine sends, and those of a DNS rebinding attack: only the first are
// served.
func TestCheckHost(t *testing.T) {
	served := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) })
	loopback := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 1313}
	lan := &net.TCPAddr{IP: net.IPv4(192, 168, 1, 20), Port: 1313}
	all := &net.TCPAddr{IP: net.IPv4zero, Port: 1313}
	tests := []struct {
		host   string
		listen net.Addr
		ok     bool
	}{
		{"127.0.0.1:1313", loopback, true},
		{"localhost:1313", loopback, true},
		{"LOCALHOST", loopback, true},
		{"localhost.:1313", loopback, true},
		{"[::1]:1313", loopback, true},
		{"127.0.0.2:1313", loopback, true},
		{"evil.example.com:1313", loopback, false},
		{"127.0.0.1.nip.io:1313", loopback, false},
		{"localhost.evil.com", loopback, false},
		{"", loopback, false},
		{"192.168.1.20:1313", lan, true},
		{"192.168.1.21:1313", lan, false},
		{"10.0.0.5:1313", all, true},
		{"preview.example.gov.cn:1313", all, false},
	}
	for _, tt := range tests {
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.Host = tt.host
		rec := httptest.NewRecorder()
		checkHost(served, tt.listen).ServeHTTP(rec, req)
		if got := rec.Code == http.StatusOK; got != tt.ok {
			t.Errorf("Host %q (listening on %v): status %d, want served %v", tt.host, tt.listen, rec.Code, tt.ok)
		}
	}
}
