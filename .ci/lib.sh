# Shared by the release scripts (.ci/windows, .ci/linux, .ci/deb, .ci/test-arm64); sourced, not run.
# Run from the repository's top folder.

# The packager matching Fyne v2.7 (fyne.io/tools). `fyne build/package -release` gives the release flags
# (-trimpath, -ldflags "-s -w", the release and migrated_fynedo tags, hardening CFLAGS) and the metadata
# from FyneApp.toml, the same for every platform.
FYNE_TOOLS=fyne.io/tools/cmd/fyne
FYNE_TOOLS_VERSION=v1.7.4
cache=${XDG_CACHE_HOME:-$HOME/.cache}/rendadesk

need_go() {
  if ! command -v go >/dev/null 2>&1; then
    echo "需要 Go 1.26 或更高版本 (Go 1.26+ is required): https://go.dev/dl/" >&2
    exit 1
  fi
}

# as_root CMD…: runs CMD as root (directly, or through sudo), or fails saying what to run.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "请以 root 身份运行 (as root, run): $*" >&2
    exit 1
  fi
}

# apt_need PKG…: installs the Debian/Ubuntu packages among PKG… that are missing.
apt_need() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "请先安装 (please install): ${missing[*]}" >&2
    exit 1
  fi
  echo "安装缺少的软件包 (installing): ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" || {
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  }
}

# fyne_tool: prints the path of the pinned fyne command, installing it into the cache first when missing.
fyne_tool() {
  local fyne=$cache/bin/fyne-$FYNE_TOOLS_VERSION
  if [ ! -x "$fyne" ]; then
    echo "安装 fyne 打包工具 (installing $FYNE_TOOLS@$FYNE_TOOLS_VERSION)" >&2
    mkdir -p "$cache/bin"
    GOBIN="$cache/bin" go install "$FYNE_TOOLS@$FYNE_TOOLS_VERSION" >&2
    mv "$cache/bin/fyne" "$fyne"
  fi
  echo "$fyne"
}

# copy_source DIR: a fresh copy of the tracked and new (not ignored) files in DIR. The fyne command drops a
# metadata .go file (and on Windows fyne.syso) into the folder it builds for the duration of the build; a
# native `go build`/`go test` in the working tree at that moment would link them too. DIR keeps a fixed path
# so that Go's build cache serves the unchanged packages on the next run.
copy_source() {
  local src=$1
  rm -rf "$src"
  mkdir -p "$src"
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
      [ -e "$f" ] && printf '%s\0' "$f"
    done | xargs -0 cp --parents -t "$src"
  else
    tar --exclude=./.git --exclude=./dist --exclude=./.bench --exclude=./screenshots -cf - . | tar -xf - -C "$src"
  fi
}

# app_version: the version in FyneApp.toml, e.g. 0.1.0, and app_build its build number, e.g. 1.
app_version() { sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml; }
app_build() { sed -n 's/^Build *= *\([0-9]*\)/\1/p' FyneApp.toml; }

# mib FILE: the file's size as "12.3 MiB (12894208 bytes)".
mib() { awk -v s="$(stat -c %s "$1")" 'BEGIN{printf "%.1f MiB (%d bytes)", s/1048576, s}'; }

# glibc_needed FILE: the highest GLIBC_x.y version FILE's version-needs section asks for, e.g. 2.27.
glibc_needed() { readelf -W -V "$1" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/^GLIBC_//' | sort -uV | tail -n 1; }

# check_glibc FILE MAX: prints what FILE needs and fails, naming the symbols, when it needs a glibc above MAX.
check_glibc() {
  local file=$1 max=$2 need
  need=$(glibc_needed "$file")
  echo "需要的共享库 (needs): $(readelf -W -d "$file" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | paste -sd ' ')"
  echo "需要 glibc ≥ $need (highest GLIBC symbol version in $(basename "$file"); limit $max)"
  if [ "$(printf '%s\n%s\n' "$need" "$max" | sort -V | tail -n 1)" != "$max" ]; then
    echo "错误：需要的 glibc 版本 $need 高于 $max，统信 UOS 20 (glibc 2.28) 上无法启动。用到它的符号 (symbols):" >&2
    readelf -W --dyn-syms "$file" | grep "@GLIBC_$need" >&2 || true
    return 1
  fi
}
