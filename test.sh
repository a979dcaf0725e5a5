#!/usr/bin/env bash
# Runs every test of qingdan, on a fresh Debian machine with Go:
#   ./test.sh
# It first installs what the tests need and the machine lacks (Debian's
# chromium, poppler-utils, fonts-wqy-microhei and the reports' fallback
# fonts; systemd (for systemd-analyze verify of the pipeline's unit);
# wine64, MinGW-w64 and zip; node and npm; the npm tools axe-core and
# html-validate under tools/node_modules), then runs gofmt, go vet (on each
# of the five systems a release is made for), the release script, all Go
# tests (which include the JavaScript tests, the browser tests and the
# quality gates of e2e/ on the real content, the Windows binary under Wine
# among them), and a short run of every fuzz target, and ends with a
# summary of what the gates
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
# the reports' fallback fonts: CJK Extension B, Uyghur, emoji (reports/fontchain.go)
[ -e /usr/share/fonts/truetype/hanazono/HanaMinB.ttf ] || need+=(fonts-hanazono)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
[ -e /usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf ] || need+=(fonts-symbola)
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
command -v systemd-analyze >/dev/null || need+=(systemd)
# The Windows binary runs under Wine (e2e/platform_test.go); on Debian 12
# the package is wine64 (wine is only its wrapper). Wine 8.0 lacks a DLL
# that Go programs need, which the test builds with MinGW-w64. zip makes
# the Windows release archive.
command -v wine64 >/dev/null || [ -x /usr/lib/wine/wine64 ] || need+=(wine64)
command -v x86_64-w64-mingw32-gcc >/dev/null || need+=(gcc-mingw-w64-x86-64)
command -v zip >/dev/null || need+=(zip)
if ((${#need[@]})); then
	sudo=""
	[ "$(id -u)" = 0 ] || sudo=sudo
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
# The versions are pinned by tools/package-lock.json; node_modules is
# never committed.
npm ci --prefix tools --no-audit --no-fund --loglevel=error >/dev/null
echo "ok: chromium, pdftotext, wqy-microhei, systemd-analyze, node $(node --version), axe-core, html-validate, wine64, mingw-w64, zip"

step "gofmt and go vet"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then
	echo "gofmt would change: $unformatted"
	exit 1
fi
go vet ./...

step "every platform: go vet and the release archives (release.sh)"
# The five systems a county office has; release.sh cross-compiles each, and
# e2e/release_test.go checks what it made. Vet builds with -trimpath too, so
# that it and release.sh share the compiled packages of each system.
for target in windows/amd64 darwin/arm64 linux/amd64 linux/arm64 linux/loong64; do
	GOOS=${target%/*} GOARCH=${target#*/} go vet -trimpath ./...
	echo "ok: go vet $target"
done
release=artifacts/release
rm -rf "$release"
./release.sh -o "$release"
export QINGDAN_RELEASE="$PWD/$release"

# Each gate of e2e/ writes "label<TAB>count<TAB>result" to a file here.
counts=artifacts/counts
rm -rf "$counts"
mkdir -p "$counts"

step "go test"
tests=pass
# e2e takes about 5 minutes on a quiet 2-core machine and twice that with a
# second run beside it; the timeout only stops a run that hangs.
go test -count=1 -timeout 30m ./... || tests=FAIL

step "fuzz (short run of every target)"
fuzztime="${FUZZTIME:-3s}"
fuzz=pass
fuzzexecs=0
fuzztargets=0
deadlinerace=no
case "$(go env GOVERSION)" in
go1.2[0-6] | go1.2[0-6].* | go1.1[0-9]*) deadlinerace=yes ;;
esac
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for pkg in $(go list ./...); do
	dir=$(go list -f '{{.Dir}}' "$pkg")
	for target in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //'); do
		fuzztargets=$((fuzztargets + 1))
		# Go 1.26's fuzz coordinator can fail a run with "context deadline
		# exceeded" when -fuzztime expires while a worker is mid-call, with no
		# failing input (go.dev/issue/75804: stop() in internal/fuzz/fuzz.go
		# compares with fuzzCtx.Err() only; still so in go1.26.8, fixed in Go
		# 1.27). With Go 1.26 or older such a run is tried again, twice at most.
		# It counts as that race only when the output is exactly the
		# coordinator's bare error and no input was written to the corpus;
		# anything else (a failing input, a panic, a message of the target)
		# fails at once. Every retry is shown in the summary.
		corpus="$dir/testdata/fuzz/$target"
		before=$( (find "$corpus" -type f 2>/dev/null || true) | wc -l)
		for try in 1 2 3; do
			if go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" "$pkg" >"$log" 2>&1; then
				result=pass
				[ "$try" = 1 ] || result="pass (after $((try - 1)) coordinator deadline race, go.dev/issue/75804)"
				break
			fi
			result=FAIL
			after=$( (find "$corpus" -type f 2>/dev/null || true) | wc -l)
			if [ "$deadlinerace" = yes ] && [ "$after" = "$before" ] &&
				grep -qx -- "--- FAIL: $target ([0-9.]*s)" "$log" &&
				[ "$(grep -A1 -x -- "--- FAIL: $target ([0-9.]*s)" "$log" | tail -1)" = "    context deadline exceeded" ] &&
				! grep -qE 'Failing input|panic:|\.go:[0-9]+:' "$log"; then
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
for gate in browser axe html links large payloads broken hostile-reports privacy kill-publish kill-pipeline disk-full import ownership reading preview systemd wine release county-links county-html county-axe; do
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
