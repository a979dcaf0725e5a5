#!/usr/bin/env bash
# Builds the release archives of qingdan, one for each system a county
# office has, into a folder (default artifacts/release):
#   ./release.sh [-o FOLDER] [VERSION]
#
# Each archive, qingdan-VERSION-GOOS-GOARCH.zip (Windows) or .tar.gz
# (the others), holds one folder of the same name with the binary
# (qingdan.exe or qingdan), README.md, site.toml and content/ (the real
# content, with content/README.md, the editors' guide): unpack it and run
# "qingdan build" in that folder. SHA256SUMS lists the sum of every
# archive ("sha256sum -c SHA256SUMS" checks them).
#
# VERSION defaults to "git describe --tags --always --dirty". The binaries
# print it, and the commit, with "qingdan version". The archives are
# reproducible: the same commit and Go version give the same bytes
# (-trimpath, no build id, no cgo, every file dated at the commit's time,
# names sorted, owners and modes fixed).
#
# Environment (optional): TARGETS, the GOOS/GOARCH pairs to build (default
# the five below); SOURCE_DATE_EPOCH, the date of every archived file
# (default the commit's time).
set -euo pipefail
cd "$(dirname "$0")"
export PATH="/usr/local/go/bin:$PATH"

out=artifacts/release
if [ "${1:-}" = -o ]; then
	out=$2
	shift 2
fi
version=${1:-$(git describe --tags --always --dirty 2>/dev/null || echo devel)}
commit=$(git rev-parse HEAD 2>/dev/null || echo "")
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
targets=${TARGETS:-windows/amd64 darwin/arm64 linux/amd64 linux/arm64 linux/loong64}

mkdir -p "$out"
out=$(cd "$out" && pwd)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

# The files every archive holds besides the binary, in git's order.
files=(README.md site.toml $(git ls-files content 2>/dev/null || find content -type f | sort))

archives=()
for target in $targets; do
	goos=${target%/*}
	goarch=${target#*/}
	name="qingdan-$version-$goos-$goarch"
	dir="$stage/$name"
	exe=qingdan
	[ "$goos" = windows ] && exe=qingdan.exe
	mkdir -p "$dir"
	CGO_ENABLED=0 GOOS=$goos GOARCH=$goarch go build -trimpath -buildvcs=auto \
		-ldflags "-s -w -buildid= -X main.version=$version -X main.commit=$commit" \
		-o "$dir/$exe" .
	for f in "${files[@]}"; do
		mkdir -p "$dir/$(dirname "$f")"
		cp "$f" "$dir/$f"
	done
	chmod -R u=rwX,go=rX "$dir"
	chmod 0755 "$dir/$exe"
	find "$dir" -exec touch -h -d "@$epoch" {} +
	list=$(cd "$stage" && find "$name" | LC_ALL=C sort)
	if [ "$goos" = windows ]; then
		archive="$name.zip"
		rm -f "$out/$archive"
		(cd "$stage" && TZ=UTC zip -q -X -D "$out/$archive" $list)
	else
		archive="$name.tar.gz"
		(cd "$stage" && tar --no-recursion --format=gnu --owner=0 --group=0 --numeric-owner \
			--mtime="@$epoch" -cf - $list) | gzip -n -9 >"$out/$archive"
	fi
	archives+=("$archive")
	printf '%-44s %8d bytes\n' "$archive" "$(stat -c %s "$out/$archive")"
done
(cd "$out" && sha256sum "${archives[@]}" >SHA256SUMS)
echo "release $version ($commit) in $out"
