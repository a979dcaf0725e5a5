#!/usr/bin/env bash
# Build speed of qingdan against Hugo and Pagefind on the same synthetic
# content (issue 6). From the module root:
#
#   bench/compare.sh                          # N = 1,000, 10,000 and 50,000; 3 runs each
#   N_LIST="1000 10000" RUNS=5 bench/compare.sh
#
# For each N it generates the content once ("qingdan bench-content -items N
# -hugo DIR": a qingdan site folder, and the same content as one Markdown
# page per item for Hugo), then runs, alternating, RUNS times each:
#   qingdan build   (pages, open data, feed, sitemap and its search index)
#   hugo            (bench/hugo: item pages, taxonomy pages per duty and per
#                    unit, paginated lists, sitemap, RSS)
#   pagefind        (search index over Hugo's output)
# every one into an emptied output folder (a cold build; for qingdan also
# without the spare its builds leave beside the output), measured with
# /usr/bin/time -v; and qingdan rebuilding the same content once more
# ("qingdan-rebuild", what every build after an editor's change costs: it
# writes only what changed). It prints the medians of wall time, CPU time (user+sys),
# peak memory (max RSS) and output bytes as a Markdown table, and the ratios
# qingdan/Hugo. Work files go to bench/out/ (WORK=DIR to change).
#
# It installs what is missing: Debian's hugo and time (apt-get), pagefind
# (npm, into a temporary folder). Debian's hugo pulls in an old Go at
# /usr/bin/go, so /usr/local/go/bin stays first on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$PATH"
N_LIST="${N_LIST:-1000 10000 50000}"
RUNS="${RUNS:-3}"
WORK="$(mkdir -p "${WORK:-bench/out}" && cd "${WORK:-bench/out}" && pwd)"
HUGO_SITE="$(pwd)/bench/hugo"

say() { printf '%s\n' "$*" >&2; }

need=()
command -v hugo >/dev/null || need+=(hugo)
[ -x /usr/bin/time ] || need+=(time)
command -v npm >/dev/null || need+=(nodejs npm)
if ((${#need[@]})); then
	sudo=""
	[ "$(id -u)" = 0 ] || sudo=sudo
	say "installing ${need[*]}"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
PAGEFIND_DIR="$(mktemp -d)"
trap 'rm -rf "$PAGEFIND_DIR"' EXIT
say "installing pagefind (npm) into $PAGEFIND_DIR"
npm install --silent --no-audit --no-fund --prefix "$PAGEFIND_DIR" pagefind@1 >/dev/null
PAGEFIND="$PAGEFIND_DIR/node_modules/.bin/pagefind"

QINGDAN="$WORK/qingdan"
go build -o "$QINGDAN" .

# measure NAME LOG CMD...: runs CMD under /usr/bin/time -v and appends
# "NAME wall_s cpu_s maxrss_kb" to LOG.
measure() {
	local name=$1 log=$2
	shift 2
	local t="$WORK/time.txt"
	/usr/bin/time -v -o "$t" "$@" >/dev/null 2>"$WORK/stderr.txt" || {
		cat "$WORK/stderr.txt" >&2
		say "failed: $*"
		exit 1
	}
	awk -v name="$name" '
		/Elapsed \(wall clock\)/ { n = split($NF, p, ":"); wall = (n == 3) ? p[1]*3600 + p[2]*60 + p[3] : p[1]*60 + p[2] }
		/User time/ { cpu += $NF }
		/System time/ { cpu += $NF }
		/Maximum resident set size/ { rss = $NF }
		END { printf "%s %.3f %.2f %d\n", name, wall, cpu, rss }' "$t" >>"$log"
}

# median LOG NAME COLUMN: the median of a column (2 wall, 3 cpu, 4 rss, 5 bytes).
median() {
	awk -v name="$2" -v col="$3" '$1 == name { print $col }' "$1" | sort -g |
		awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR+1)/2]; else printf "%.3f\n", (v[NR/2] + v[NR/2+1]) / 2 }'
}

bytes() { du -sb "$1" | cut -f1; }
files() { find "$1" -type f | wc -l; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
kbmb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

table="$WORK/results.md"
{
	echo "| N | tool | wall s | CPU s | peak MB | output MB | files |"
	echo "|---:|---|---:|---:|---:|---:|---:|"
} >"$table"
ratios=""
for n in $N_LIST; do
	dir="$WORK/n$n"
	rm -rf "$dir"
	mkdir -p "$dir"
	say "== N=$n: generating content"
	"$QINGDAN" bench-content -items "$n" -out "$dir/site" -hugo "$dir/hugo-content" 2>/dev/null
	log="$dir/runs.txt"
	: >"$log"
	for run in $(seq "$RUNS"); do
		say "   run $run/$RUNS: qingdan"
		# A cold build: no output and no spare from an earlier build.
		rm -rf "$dir/site/public" "$dir/site/.public."*
		(cd "$dir/site" && measure qingdan "$log" "$QINGDAN" build)
		echo "qingdan-bytes $(bytes "$dir/site/public")" >>"$log"
		echo "qingdan-index-bytes $(bytes "$dir/site/public/search")" >>"$log"
		# The same build again (nothing changed), twice: the second
		# updates the spare the first left, as every later rebuild does.
		say "   run $run/$RUNS: qingdan rebuild"
		(cd "$dir/site" && "$QINGDAN" build >/dev/null 2>&1)
		(cd "$dir/site" && measure qingdan-rebuild "$log" "$QINGDAN" build)
		say "   run $run/$RUNS: hugo"
		rm -rf "$dir/hugo-public"
		measure hugo "$log" hugo --quiet --source "$HUGO_SITE" --contentDir "$dir/hugo-content" --destination "$dir/hugo-public" --cacheDir "$dir/hugo-cache"
		echo "hugo-bytes $(bytes "$dir/hugo-public")" >>"$log"
		say "   run $run/$RUNS: pagefind"
		rm -rf "$dir/hugo-public/pagefind"
		measure pagefind "$log" "$PAGEFIND" --site "$dir/hugo-public"
		echo "pagefind-bytes $(bytes "$dir/hugo-public/pagefind")" >>"$log"
	done
	qfiles=$(files "$dir/site/public")
	hfiles=$(( $(files "$dir/hugo-public") - $(files "$dir/hugo-public/pagefind") ))
	pfiles=$(files "$dir/hugo-public/pagefind")
	for tool in qingdan qingdan-rebuild hugo pagefind; do
		case $tool in
		qingdan | qingdan-rebuild) b=$(median "$log" qingdan-bytes 2) f=$qfiles ;;
		hugo) b=$(median "$log" hugo-bytes 2) f=$hfiles ;;
		pagefind) b=$(median "$log" pagefind-bytes 2) f=$pfiles ;;
		esac
		echo "| $n | $tool | $(median "$log" $tool 2) | $(median "$log" $tool 3) | $(kbmb "$(median "$log" $tool 4)") | $(mb "$b") | $f |" >>"$table"
	done
	qw=$(median "$log" qingdan 2) hw=$(median "$log" hugo 2) pw=$(median "$log" pagefind 2)
	qm=$(median "$log" qingdan 4) hm=$(median "$log" hugo 4)
	qb=$(median "$log" qingdan-bytes 2) hb=$(median "$log" hugo-bytes 2)
	ratios+="| $n | $(ratio "$qw" "$hw") | $(ratio "$qw" "$(awk -v a="$hw" -v b="$pw" 'BEGIN{print a+b}')") | $(ratio "$qm" "$hm") | $(ratio "$qb" "$hb") | $(mb "$(median "$log" qingdan-index-bytes 2)") |"$'\n'
done
{
	echo
	echo "Ratios qingdan/Hugo (medians; below 1 means qingdan is faster or smaller):"
	echo
	echo "| N | wall: qingdan / Hugo | wall: qingdan / (Hugo + Pagefind) | peak memory | output bytes | qingdan search index MB |"
	echo "|---:|---:|---:|---:|---:|---:|"
	printf '%s' "$ratios"
} >>"$table"
cat "$table"
