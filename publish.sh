#!/usr/bin/env bash
# publish.sh: build qingdan, check the content, and publish the site.
# 发布网站：编译 qingdan，检查内容，然后生成并发布网站。
#
# Usage / 用法:
#   ./publish.sh [-config site.toml] [TARGET]
#
#   TARGET omitted   build into the output folder named in site.toml (public)
#                    不写 TARGET：生成到 site.toml 中 output 指定的文件夹（public）
#   TARGET a folder  build into that folder, e.g. ./public or /var/www/qingdan
#                    TARGET 是文件夹：生成到该文件夹
#   user@host:path   build into a local staging folder, then copy it to the
#                    server with rsync -a --delete-delay --delay-updates
#                    TARGET 是 用户@主机:路径：先在本机生成，再用 rsync 上传到服务器
#
# A local folder is replaced in one step, so readers never see half a site.
# On any failure the script stops with a non-zero exit status and the
# published site stays as it was.
# 本地文件夹一步替换，访问者不会看到半个网站；任何一步失败，脚本都会停止并返回
# 非零状态，已发布的网站保持原样。
#
# Environment / 环境变量:
#   RSYNC   the rsync command to run (default: rsync)
set -euo pipefail

say() { printf '==> %s\n' "$*" >&2; }
fail() { printf 'publish.sh: 错误 / error: %s\n' "$*" >&2; exit 1; }
help() { sed -n '3,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
usage_error() {
	printf 'publish.sh: %s\nusage / 用法: ./publish.sh [-config site.toml] [TARGET]   (./publish.sh -h for help / 查看说明)\n' "$*" >&2
	exit 2
}

config=site.toml
target=
while [ $# -gt 0 ]; do
	case "$1" in
	-h | -help | --help)
		help
		exit 0
		;;
	-config | --config)
		[ $# -ge 2 ] || usage_error "-config 需要一个文件 / -config needs a file"
		config=$2
		shift 2
		;;
	-*) usage_error "未知选项 / unknown option: $1" ;;
	*)
		[ -z "$target" ] || usage_error "多余的参数 / unexpected argument: $1"
		target=$1
		[ -n "$target" ] || usage_error "目标不能为空 / the target is empty"
		shift
		;;
	esac
done

# A remote target has a colon before any slash, as rsync reads it:
# user@host:path or host:path. Its path must name a folder of its own,
# since rsync --delete empties whatever it points at.
remote=
case "$target" in
*:*)
	case "${target%%:*}" in
	*/*) ;;
	*) remote=$target ;;
	esac
	;;
esac
if [ -n "$remote" ]; then
	path=${remote#*:}
	# shellcheck disable=SC2088 # a literal ~ is what rsync would expand
	case "$path" in
	'' | / | '~' | '~/' | . | ./)
		usage_error "远程路径必须是网站自己的文件夹，例如 user@host:/var/www/qingdan / the remote path must name the site's own folder, such as user@host:/var/www/qingdan (got $remote)"
		;;
	esac
fi

# Paths given by the caller are relative to where the script was started;
# qingdan is built in the script's own folder (the module root).
here=$PWD
case "$config" in /*) ;; *) config=$here/$config ;; esac
if [ -n "$target" ] && [ -z "$remote" ]; then
	case "$target" in /*) ;; *) target=$here/$target ;; esac
fi
[ -f "$config" ] || fail "找不到设置文件 / no configuration file $config"
if [ -n "$remote" ]; then
	command -v "${RSYNC:-rsync}" >/dev/null || fail "找不到 rsync 命令，请先安装 / the ${RSYNC:-rsync} command is missing; install rsync first"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/qingdan-publish.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'printf "publish.sh: 发布失败，已发布的网站没有改动 / publishing failed; the published site was not changed\n" >&2' ERR

say "编译 qingdan / building qingdan"
command -v go >/dev/null || fail "找不到 go 命令，请先安装 Go / the go command is missing; install Go first"
(cd "$(dirname "$0")" && go build -o "$work/qingdan" .)

say "检查内容 / checking the content"
"$work/qingdan" check -config "$config"

if [ -z "$remote" ]; then
	say "生成网站 / building the site${target:+ into $target}"
	"$work/qingdan" build -config "$config" ${target:+-out "$target"}
	say "完成 / done"
	exit 0
fi

say "在本机生成网站 / building the site into a local staging folder"
"$work/qingdan" build -config "$config" -out "$work/public"
say "上传到 / uploading to $remote"
# --delay-updates puts every changed file in place at the end of the
# transfer, and --delete-delay (which implies --delete) removes the pages
# the new site no longer has only after that: an upload cut short leaves
# the old site whole.
"${RSYNC:-rsync}" -a --delete-delay --delay-updates "$work/public/" "${remote%/}/"
say "完成 / done"
