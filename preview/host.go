package preview

import (
	"net"
	"net/http"
	"strings"
)

// checkHost serves a request with h only when its Host names this machine
// the way a browser on it does: localhost, 127.0.0.1, [::1] or the address
// the server listens on (any IP address when it listens on all of them).
// A page of another site that a browser is shown can otherwise reach the
// preview through DNS rebinding: its own name, resolved again to 127.0.0.1,
// in the Host header. Names other than localhost are refused with 421.
func checkHost(h http.Handler, listen net.Addr) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !allowedHost(r.Host, listen) {
			http.Error(w, errForeignHost.S(r.Host), http.StatusMisdirectedRequest)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// allowedHost reports whether the Host header host names this server,
// listening on listen.
func allowedHost(host string, listen net.Addr) bool {
	name := host
	if h, _, err := net.SplitHostPort(host); err == nil {
		name = h
	}
	name = strings.TrimSuffix(strings.Trim(name, "[]"), ".")
	if strings.EqualFold(name, "localhost") {
		return true
	}
	ip := net.ParseIP(name)
	if ip == nil {
		return false
	}
	if ip.IsLoopback() {
		return true
	}
	tcp, ok := listen.(*net.TCPAddr)
	return ok && (tcp.IP.Equal(ip) || tcp.IP.IsUnspecified())
}
