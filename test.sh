#!/usr/bin/env bash
# Runs every test of qingdan, on a fresh Debian machine with Go:
#   ./test.sh
# It first installs what the tests need and the machine lacks (Debian's
# chromium, poppler-utils and fonts-wqy-microhei; node and npm; the npm
# tools axe-core and html-validate under tools/node_modules), then runs
# gofmt, go vet, all Go tests (which include the JavaScript tests, the
# browser tests and the quality gates of e2e/ on the real content), and a
# short run of every fuzz target, and ends with a summary of what the gates
# tried and the result of each. CI (.ci/run) runs exactly this.
#
# Environment (all optional):
#   FUZZTIME                 how long each fuzz target runs (default 3s)
#   QINGDAN_PUBLISH_KILLS    publish.sh runs killed by the fault gate (50)
#   QINGDAN_PIPELINE_KILLS   report pipeline runs killed (50)
#   QINGDAN_HOSTILE_ROUNDS   builds of the hostile-content gate (3)
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
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
if ((${#need[@]})); then
	sudo=""
	[ "$(id -u)" = 0 ] || sudo=sudo
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
# The versions are pinned by tools/package-lock.json; node_modules is
# never committed.
npm ci --prefix tools --no-audit --no-fund --loglevel=error >/dev/null
echo "ok: chromium, pdftotext, wqy-microhei, node $(node --version), axe-core, html-validate"

step "gofmt and go vet"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then
	echo "gofmt would change: $unformatted"
	exit 1
fi
go vet ./...

# Each gate of e2e/ writes "label<TAB>count<TAB>result" to a file here.
counts=artifacts/counts
rm -rf "$counts"
mkdir -p "$counts"

step "go test"
tests=pass
go test -count=1 -timeout 12m ./... || tests=FAIL

step "fuzz (short run of every target)"
fuzztime="${FUZZTIME:-3s}"
fuzz=pass
fuzzexecs=0
fuzztargets=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for pkg in $(go list ./...); do
	dir=$(go list -f '{{.Dir}}' "$pkg")
	for target in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //'); do
		fuzztargets=$((fuzztargets + 1))
		# Go 1.26's fuzz coordinator can report "context deadline exceeded"
		# when -fuzztime expires while a worker is mid-call, with no failing
		# input (go.dev/issue/75804, fixed in Go 1.27). Such a run is tried
		# again, twice at most; any other failure, or one that wrote a failing
		# input, fails at once.
		for try in 1 2 3; do
			if go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" "$pkg" >"$log" 2>&1; then
				result=pass
				[ "$try" = 1 ] || result="pass (after $((try - 1)) coordinator deadline race, go.dev/issue/75804)"
				break
			fi
			result=FAIL
			if grep -q 'context deadline exceeded' "$log" && ! grep -qE 'Failing input|panic:|_test\.go:[0-9]+:' "$log"; then
				continue
			fi
			break
		done
		if [ "$result" = FAIL ]; then
			fuzz=FAIL
			cat "$log"
		fi
		execs=$(grep -o 'execs: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo 0)
		fuzzexecs=$((fuzzexecs + ${execs:-0}))
		printf '%-40s %-22s %10s execs  %s\n' "$pkg" "$target" "${execs:-0}" "$result"
	done
done

step "summary"
row() { printf '  %-78s %8s  %s\n' "$1" "$2" "$3"; }
row "gate" "count" "result"
for gate in browser axe html links large payloads broken privacy kill-publish kill-pipeline disk-full import county-links county-html county-axe; do
	if [ -f "$counts/$gate" ]; then
		IFS=$'\t' read -r label n result <"$counts/$gate"
		row "$label" "$n" "$result"
	else
		row "$gate" "-" "did not run (see the go test output)"
	fi
done
row "fuzz executions ($fuzztargets targets, $fuzztime each)" "$fuzzexecs" "$fuzz"
row "go test ./... (every package, including the gates above)" "" "$tests"
# The closing line counts the two runs that decide the result.
passed=0
failed=0
for r in "$tests" "$fuzz"; do
	if [ "$r" = pass ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
echo
echo "tests: $passed passed, $failed failed"
[ "$failed" = 0 ]
