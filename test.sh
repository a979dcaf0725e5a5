#!/usr/bin/env bash
# Runs every test of qingdan, on a fresh Debian machine with Go:
#   ./test.sh
# It first installs what the tests need and the machine lacks (Debian's
# chromium, poppler-utils and fonts-wqy-microhei; npm tools under tools/),
# then runs gofmt, go vet, all Go tests (which include the JavaScript tests,
# the browser tests and the end-to-end tests on the real content), and a
# short run of every fuzz target. CI (.ci/run) runs exactly this.
set -euo pipefail
cd "$(dirname "$0")"
export PATH="/usr/local/go/bin:$PATH"
# The tests that need chromium, pdftotext or node fail (rather than skip)
# when CI is set; this script installs them, so it sets it.
export CI="${CI:-true}"

step() { printf '\n== %s\n' "$*"; }

step "prerequisites"
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v pdftotext >/dev/null || need+=(poppler-utils)
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need+=(fonts-wqy-microhei)
command -v node >/dev/null || need+=(nodejs npm)
if ((${#need[@]})); then
	sudo=""
	[ "$(id -u)" = 0 ] || sudo=sudo
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
echo "ok: chromium, pdftotext, wqy-microhei, node"

step "gofmt and go vet"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then
	echo "gofmt would change: $unformatted"
	exit 1
fi
go vet ./...

step "go test"
go test -count=1 ./...

step "fuzz (short run of every target)"
fuzztime="${FUZZTIME:-8s}"
for pkg in $(go list ./...); do
	dir=$(go list -f '{{.Dir}}' "$pkg")
	for target in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //'); do
		echo "fuzz $pkg $target ($fuzztime)"
		go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" "$pkg" >/tmp/qingdan-fuzz.log 2>&1 || {
			cat /tmp/qingdan-fuzz.log
			exit 1
		}
		grep -o 'execs: [0-9]*' /tmp/qingdan-fuzz.log | tail -1 || true
	done
done
echo
echo "all tests passed"
