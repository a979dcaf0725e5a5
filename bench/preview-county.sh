#!/usr/bin/env bash
# The preview of a province (issue 15): "qingdan serve" on a site of
# DEPARTMENTS departments and ITEMS work items, one item of one department
# edited EDITS times; for each edit the time the preview reports
# ("rebuilt in", from the save seen to the new pages served), its resident
# memory after the edit and after the search index and open data that follow
# (VmRSS), its peak (VmHWM) and the load average. From the module root:
#
#   bench/preview-county.sh                     # this tree's qingdan
#   bench/preview-county.sh OLD_BINARY NEW_BINARY …   # each in turn, RUNS times, alternating
#
# ITEMS (50000), DEPARTMENTS (100), EDITS (4), RUNS (2); work files go to
# WORK (/dev/shm/qingdan-preview). Each run starts from a fresh copy of the
# same generated content.
set -euo pipefail
cd "$(dirname "$0")/.."
ITEMS="${ITEMS:-50000}"
DEPARTMENTS="${DEPARTMENTS:-100}"
EDITS="${EDITS:-4}"
RUNS="${RUNS:-2}"
WORK="${WORK:-/dev/shm/qingdan-preview}"
mkdir -p "$WORK"
if [ $# -eq 0 ]; then
	go build -o "$WORK/qingdan" .
	set -- "$WORK/qingdan"
fi
if [ ! -f "$WORK/content/site.toml" ]; then
	go run . bench-content -items "$ITEMS" -departments "$DEPARTMENTS" -out "$WORK/content" >/dev/null
fi
# The department edited: the one in the middle of site.toml's list.
dept=$(grep -o 'content = "departments/[^"]*"' "$WORK/content/site.toml" | sed -n "$((DEPARTMENTS / 2))p" | cut -d'"' -f2)

cputicks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss() { awk '/^VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }
hwm() { awk '/^VmHWM/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
# quiet waits until the process used less than 30% of a core for a second
# (an idle preview looks at its files 20 times a second: some 15% of a
# core for the 100 folders of a province).
quiet() {
	local a b
	b=$(cputicks "$1")
	while sleep 1; a=$b; b=$(cputicks "$1"); [ $((b - a)) -ge 30 ]; do :; done
}

port=13130
for run in $(seq "$RUNS"); do
	for bin in "$@"; do
		site="$WORK/run"
		rm -rf "$site"
		cp -r "$WORK/content" "$site"
		port=$((port + 1))
		"$bin" -lang en serve -config "$site/site.toml" -addr "127.0.0.1:$port" >"$WORK/log" 2>&1 &
		pid=$!
		until grep -q 'built in' "$WORK/log"; do sleep 0.2; done
		quiet "$pid"
		echo "== $bin (run $run): $(grep -m1 'built in' "$WORK/log"); RSS $(rss "$pid") MB; load $(load)"
		for i in $(seq "$EDITS"); do
			n=$(grep -c 'rebuilt in' "$WORK/log" || true)
			# The third item's text of the department's duties.toml, longer each time.
			line=$(grep -n '^text = ' "$site/$dept/duties.toml" | sed -n 3p | cut -d: -f1)
			sed -i "${line}s/\"\$/（第${i}次修改）\"/" "$site/$dept/duties.toml"
			until [ "$(grep -c 'rebuilt in' "$WORK/log" || true)" -gt "$n" ]; do sleep 0.05; done
			after=$(rss "$pid")
			quiet "$pid"
			echo "edit $i: $(grep 'rebuilt in' "$WORK/log" | tail -1 | sed 's/.*rebuilt in \([^:]*\):.*/\1/'); RSS $after MB, $(rss "$pid") MB when idle, peak $(hwm "$pid") MB; load $(load)"
		done
		kill "$pid"
		wait "$pid" || true
	done
done
