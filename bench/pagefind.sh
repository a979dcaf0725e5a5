#!/usr/bin/env bash
# bench/pagefind.sh: qingdan's search side by side with Pagefind on the same site.
#
# Builds the site from site.toml and content/ (qingdan writes its own index under search/), indexes the
# same HTML with Pagefind (npm package "pagefind", installed here into a scratch folder), then runs the
# 30 queries of bench/queries.tsv in headless Chromium against both (search/pagefind_test.go), printing
# index build time, total index bytes, bytes fetched per query and recall. Results go in BENCHMARKS.md.
#
#   bash bench/pagefind.sh            # needs go, node/npm and chromium
#   KEEP=1 bash bench/pagefind.sh     # keep the scratch folder and print its path
set -euo pipefail

cd "$(dirname "$0")/.."
work=$(mktemp -d "${TMPDIR:-/tmp}/qingdan-pagefind.XXXXXX")
if [ -z "${KEEP:-}" ]; then trap 'rm -rf "$work"' EXIT; else echo "scratch folder: $work"; fi

now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }

echo "== building qingdan"
go build -o "$work/qingdan" .
site="$work/site"

t0=$(now)
"$work/qingdan" build -out "$site" >/dev/null
t1=$(now)
echo "qingdan build (whole site, index included): $(ms "$t0" "$t1") ms"
go test ./search -run XXX -bench 'IndexScale/records=200$' -benchtime 20x | grep -E '^Benchmark' || true

echo "== installing Pagefind"
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund pagefind >/dev/null)
echo "pagefind $(cd "$work" && npx pagefind --version)"

t0=$(now)
(cd "$work" && npx pagefind --site site >/dev/null)
t1=$(now)
echo "Pagefind index: $(ms "$t0" "$t1") ms (includes npx start-up; Pagefind reports its own time below)"
(cd "$work" && npx pagefind --site site 2>&1 | grep -E 'Indexed [0-9]+ (pages|words)|Finished in' || true)

bytes() { find "$@" -type f -printf '%s\n' | awk '{s+=$1} END {print s+0}'; }
ours=$(( $(bytes "$site/search" ! -name index.html) + $(bytes "$site/static" -name search.js) ))
theirs=$(bytes "$site/pagefind" ! -name 'pagefind-*ui*' ! -name 'pagefind-highlight.js')
echo "index bytes: qingdan $ours (search/ + search.js), Pagefind $theirs (pagefind/ without its UI files)"
echo "index files: qingdan $(find "$site/search" -type f ! -name index.html | wc -l), Pagefind $(find "$site/pagefind" -type f | wc -l)"

echo "== 30 queries in Chromium"
root=$(sed -n 's/^base_url *= *"[a-z]*:\/\/[^/]*\(\/[^"]*\)".*/\1/p' site.toml)
root=${root%/}/
QINGDAN_PAGEFIND_SITE="$site" QINGDAN_PAGEFIND_ROOT="$root" go test ./search -run TestComparePagefind -count=1 -v |
  grep -v -E '^(=== RUN|--- PASS|PASS|ok )' || { echo "comparison failed"; exit 1; }
