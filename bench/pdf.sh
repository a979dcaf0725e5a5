#!/usr/bin/env bash
# The 案卷评查报告 of 1,000 and 10,000 case files made two ways (issue 6,
# part 6), from the module root:
#
#   bench/pdf.sh                     # N = 1,000 and 10,000; 3 runs each
#   N_LIST=1000 RUNS=5 bench/pdf.sh
#
#   fpdf      the filing path: reports.RenderPDF draws the report model as
#             PDF (BenchmarkPDF1000, BenchmarkPDF10000 of reports/);
#   chromium  reports.RenderHTML writes the same model as one HTML page
#             (BenchmarkHTML1000, BenchmarkHTML10000), which headless
#             Chromium prints to PDF (--print-to-pdf --no-pdf-header-footer).
#
# The case files are the 64 examples of examples/casefiles copied with new
# numbers, parties and dates (scaledCases in reports/bench_scale_test.go).
# Each Go step runs the reports test binary with -test.benchtime 1x, which
# loads the examples, evaluates N cases, renders once and writes its output
# (REPORTS_BENCH_OUT); its wall time and peak memory come from
# /usr/bin/time -v, the render time alone from the benchmark's ns/op.
# Chromium runs many processes: /usr/bin/time sees only those its children
# waited for, so the script also samples the summed PSS of every process
# of the run (found by its --user-data-dir) every 0.2 s and keeps the peak.
# A print that writes no PDF (Chromium's renderer dies) counts as FAILED.
# The steps alternate, RUNS times; the script prints medians as Markdown.
# Work files go to bench/out/pdf (WORK=DIR to change).
#
# It installs what is missing (apt-get): chromium, poppler-utils (pdfinfo),
# time, fonts-wqy-microhei.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$PATH"
N_LIST="${N_LIST:-1000 10000}"
RUNS="${RUNS:-3}"
WORK="$(mkdir -p "${WORK:-bench/out/pdf}" && cd "${WORK:-bench/out/pdf}" && pwd)"
CHROMIUM_TIMEOUT="${CHROMIUM_TIMEOUT:-900}"

say() { printf '%s\n' "$*" >&2; }

need=()
command -v chromium >/dev/null || need+=(chromium)
command -v pdfinfo >/dev/null || need+=(poppler-utils)
[ -x /usr/bin/time ] || need+=(time)
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need+=(fonts-wqy-microhei)
if ((${#need[@]})); then
	sudo=""
	[ "$(id -u)" = 0 ] || sudo=sudo
	say "installing ${need[*]}"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

say "building the reports test binary"
go test -c -o "$WORK/reports.test" ./reports

# seconds of /usr/bin/time's "Elapsed (wall clock) time (h:mm:ss or m:ss): 1:02.34"
wall() { awk -F': ' '/Elapsed/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$1"; }
maxrss_mb() { awk '/Maximum resident/ { printf "%.0f", $NF / 1024 }' "$1"; }
pages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }
bytes() { stat -c %s "$1"; }
# the benchmark's ns/op in seconds
render_s() { awk '$1 ~ /^Benchmark/ { printf "%.3f", $3 / 1e9 }' "$1"; }

# gobench NAME DIR: runs one benchmark once, its output kept in DIR.
gobench() {
	(cd reports && REPORTS_BENCH_OUT="$2" /usr/bin/time -v -o "$2/time-$1.txt" \
		"$WORK/reports.test" -test.run '^$' -test.bench "^$1\$" -test.benchtime 1x >"$2/bench-$1.txt")
}

# sample_pss TAG FILE: until FILE.stop exists, sums the PSS of the processes
# whose command line holds TAG every 0.2 s; writes the peak in MB to FILE.
sample_pss() {
	local peak=0 sum pid kb
	while [ ! -e "$2.stop" ]; do
		sum=0
		for pid in $(pgrep -f -- "$1" || true); do
			kb=$(awk '/^Pss:/ { print $2 }' "/proc/$pid/smaps_rollup" 2>/dev/null || true)
			sum=$((sum + ${kb:-0}))
		done
		((sum > peak)) && peak=$sum
		sleep 0.2
	done
	echo $((peak / 1024)) >"$2"
}

# print_pdf HTML PDF DIR: prints with headless Chromium, measured.
print_pdf() {
	local profile="$3/profile" ok=1
	rm -rf "$profile" "$2" "$3/pss" "$3/pss.stop"
	sample_pss "--user-data-dir=$profile" "$3/pss" &
	local sampler=$!
	timeout "$CHROMIUM_TIMEOUT" /usr/bin/time -v -o "$3/time-chromium.txt" chromium --headless --no-sandbox \
		--disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$profile" --no-pdf-header-footer --print-to-pdf="$2" "file://$1" >"$3/chromium.log" 2>&1 || ok=0
	touch "$3/pss.stop"
	wait "$sampler"
	rm -rf "$profile"
	[ "$ok" = 1 ] && [ -s "$2" ]
}

# median of the numbers on stdin; "-" when there are none
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
mb() { awk '{ printf "%.2f\n", $1 / 1048576 }'; }

# results: one line per measurement, "N path run key value"
results="$WORK/results.txt"
: >"$results"
record() { echo "$*" >>"$results"; }

say "chromium printing a one-line page (start-up cost)"
empty="$WORK/empty"
mkdir -p "$empty"
printf '<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><title>空</title><p>第一页</p>\n' >"$empty/empty.html"
for run in $(seq 1 "$RUNS"); do
	print_pdf "$empty/empty.html" "$empty/empty.pdf" "$empty"
	record 0 empty "$run" print "$(wall "$empty/time-chromium.txt")"
	record 0 empty "$run" pss "$(cat "$empty/pss")"
done

for n in $N_LIST; do
	for run in $(seq 1 "$RUNS"); do
		dir="$WORK/$n-$run"
		rm -rf "$dir"
		mkdir -p "$dir"

		say "N=$n run $run: fpdf"
		gobench "BenchmarkPDF$n" "$dir"
		pdf="$dir/pdf-$n.pdf"
		record "$n" fpdf "$run" render "$(render_s "$dir/bench-BenchmarkPDF$n.txt")"
		record "$n" fpdf "$run" wall "$(wall "$dir/time-BenchmarkPDF$n.txt")"
		record "$n" fpdf "$run" rss "$(maxrss_mb "$dir/time-BenchmarkPDF$n.txt")"
		record "$n" fpdf "$run" bytes "$(bytes "$pdf")"
		record "$n" fpdf "$run" pages "$(pages "$pdf")"

		say "N=$n run $run: HTML and chromium"
		gobench "BenchmarkHTML$n" "$dir"
		page="$dir/html-$n.html"
		record "$n" html "$run" render "$(render_s "$dir/bench-BenchmarkHTML$n.txt")"
		record "$n" html "$run" wall "$(wall "$dir/time-BenchmarkHTML$n.txt")"
		record "$n" html "$run" rss "$(maxrss_mb "$dir/time-BenchmarkHTML$n.txt")"
		record "$n" html "$run" bytes "$(bytes "$page")"
		out="$dir/chromium-$n.pdf"
		if print_pdf "$page" "$out" "$dir"; then
			record "$n" chromium "$run" bytes "$(bytes "$out")"
			record "$n" chromium "$run" pages "$(pages "$out")"
		else
			say "N=$n run $run: chromium wrote no PDF (see $dir/chromium.log)"
			record "$n" chromium "$run" failed 1
		fi
		record "$n" chromium "$run" print "$(wall "$dir/time-chromium.txt")"
		record "$n" chromium "$run" rss "$(maxrss_mb "$dir/time-chromium.txt")"
		record "$n" chromium "$run" pss "$(cat "$dir/pss")"
	done
done

# med N PATH KEY: the median over the runs
med() { awk -v n="$1" -v p="$2" -v k="$3" '$1 == n && $2 == p && $4 == k { print $5 }' "$results" | median; }
count() { awk -v n="$1" -v p="$2" -v k="$3" '$1 == n && $2 == p && $4 == k' "$results" | wc -l; }

echo
echo "Medians of $RUNS runs; chromium start-up (a one-line page): $(med 0 empty print) s, $(med 0 empty pss) MB PSS."
echo
echo "| N | path | render s | process wall s | peak MB | chromium print s | chromium peak PSS MB (time -v MB) | PDF MB | pages |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|"
for n in $N_LIST; do
	echo "| $n | fpdf | $(med "$n" fpdf render) | $(med "$n" fpdf wall) | $(med "$n" fpdf rss) | — | — | $(med "$n" fpdf bytes | mb) | $(med "$n" fpdf pages) |"
	failed=$(count "$n" chromium failed)
	pdfmb=$(med "$n" chromium bytes | mb)
	npages=$(med "$n" chromium pages)
	if ((failed > 0)); then
		pdfmb="FAILED in $failed of $RUNS"
		npages="—"
	fi
	echo "| $n | HTML + chromium | $(med "$n" html render) | $(med "$n" html wall) | $(med "$n" html rss) | $(med "$n" chromium print) | $(med "$n" chromium pss) ($(med "$n" chromium rss)) | $pdfmb | $npages |"
done
echo
echo "HTML page: $(for n in $N_LIST; do printf '%s MB at N=%s; ' "$(med "$n" html bytes | mb)" "$n"; done)raw results in $results"
