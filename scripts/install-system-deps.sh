#!/usr/bin/env bash
# Install on Debian/Ubuntu what lawgov-gen needs for PDFs, and what its test suite uses:
# - the fonts of the font policy (lawgov_gen/render/font_policy.py, the POLICY_FONTS list
#   below): Fandol (仿宋/黑体/楷体/宋体 stand-ins, taken from texlive-lang-chinese without
#   installing TeX), Noto CJK SC (rare characters, 小标宋's stand-in), Symbola (emoji);
# - Pango and fontconfig (WeasyPrint), HarfBuzz's subsetter (fast font subsetting);
# - for the tests: poppler-utils (pdffonts, pdftotext), LibreOffice Writer (the stand-in for
#   Word), Chromium with its driver (the preview's browser tests) and axe-core from npm
#   (the accessibility check of the 公开版 web page).
# The wheel carries this script too: `lawgov-gen setup --print-system-deps | bash`.
#
# Settings (environment):
#   LAWGOV_USER_FONTS=1   fonts without root: extracted into ~/.local/share/fonts/lawgov-gen
#                         (the GitHub Action does this and caches the folder)
#   LAWGOV_FONT_DIR=DIR   where extracted fonts go
#   WITH_TEST_TOOLS=0     leave out poppler-utils, LibreOffice and Chromium (only what PDFs need)
#   WITH_LIBREOFFICE=0    leave out LibreOffice only
set -euo pipefail

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
USER_FONTS="${LAWGOV_USER_FONTS:-0}"
if [ "$USER_FONTS" = "1" ]; then
  FONT_DIR="${LAWGOV_FONT_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/fonts/lawgov-gen}"
  FONT_SUDO=""
else
  FONT_DIR="${LAWGOV_FONT_DIR:-/usr/local/share/fonts/fandol}"
  FONT_SUDO="$SUDO"
fi
WITH_TEST_TOOLS="${WITH_TEST_TOOLS:-1}"
WITH_LIBREOFFICE="${WITH_LIBREOFFICE:-$WITH_TEST_TOOLS}"

# The faces of the font policy, as "package file" (generated from
# lawgov_gen/render/font_policy.py; a test keeps the two the same).
# font-policy:start
POLICY_FONTS=(
  "texlive-lang-chinese FandolFang-Regular.otf"
  "texlive-lang-chinese FandolHei-Regular.otf"
  "texlive-lang-chinese FandolHei-Bold.otf"
  "texlive-lang-chinese FandolKai-Regular.otf"
  "texlive-lang-chinese FandolSong-Regular.otf"
  "texlive-lang-chinese FandolSong-Bold.otf"
  "fonts-noto-cjk NotoSerifCJK-Regular.ttc"
  "fonts-noto-cjk NotoSerifCJK-Bold.ttc"
  "fonts-noto-cjk NotoSansCJK-Regular.ttc"
  "fonts-noto-cjk NotoSansCJK-Bold.ttc"
  "fonts-symbola Symbola_hint.ttf"
)
# font-policy:end

can_root() { [ -z "$SUDO" ] || sudo -n true 2>/dev/null; }
updated=0
apt_update() {
  if [ "$updated" = "0" ]; then $SUDO apt-get update -qq; updated=1; fi
}

need=()
dpkg -s libharfbuzz-subset0 >/dev/null 2>&1 || need+=(libharfbuzz-subset0)
dpkg -s libpango-1.0-0 >/dev/null 2>&1 || need+=(libpango-1.0-0 libpangoft2-1.0-0)
dpkg -s fontconfig >/dev/null 2>&1 || need+=(fontconfig)
python3 -c "import ensurepip, venv" >/dev/null 2>&1 || need+=(python3-venv)
browser=()
if [ "$WITH_TEST_TOOLS" = "1" ]; then
  dpkg -s poppler-utils >/dev/null 2>&1 || need+=(poppler-utils)
  command -v make >/dev/null 2>&1 || need+=(make)
  # headless Chromium and chromedriver: the preview's browser tests (selenium drives them)
  dpkg -s chromium >/dev/null 2>&1 || browser+=(chromium)
  dpkg -s chromium-driver >/dev/null 2>&1 || browser+=(chromium-driver)
fi
if [ "$WITH_LIBREOFFICE" = "1" ]; then
  dpkg -s libreoffice-writer-nogui >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
fi

# The policy's fonts: each file present (installed by any route) or to be brought in.
# System-wide, the fonts-* packages are installed and Fandol extracted; for one user,
# everything is extracted into FONT_DIR.
present=$(fc-list : file 2>/dev/null || true)
extract=()
for entry in "${POLICY_FONTS[@]}"; do
  read -r package file <<<"$entry"
  grep -qF "/$file:" <<<"$present" && continue
  if [ "$USER_FONTS" != "1" ] && [[ $package == fonts-* ]]; then
    [[ " ${need[*]} " == *" $package "* ]] || need+=("$package")
  else
    extract+=("$entry")
  fi
done

if [ "${#need[@]}" -gt 0 ] || [ "${#browser[@]}" -gt 0 ]; then
  if ! can_root; then
    echo "错误：安装这些软件包需要 root 权限（sudo）：${need[*]} ${browser[*]}" >&2
    echo "请让管理员安装，或只装字体：LAWGOV_USER_FONTS=1 bash $0" >&2
    exit 1
  fi
  apt_update
  # Debian packages Chromium; Ubuntu ships it as a snap: there the browser tests are skipped
  if [ "${#browser[@]}" -gt 0 ]; then
    if apt-cache show chromium chromium-driver >/dev/null 2>&1; then
      need+=("${browser[@]}")
    else
      echo "注意：软件源中没有 chromium/chromium-driver 软件包，预览的浏览器测试将跳过" >&2
    fi
  fi
fi
if [ "${#need[@]}" -gt 0 ]; then
  echo "安装系统软件包: ${need[*]}"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [ "${#extract[@]}" -gt 0 ]; then
  echo "提取字体到 $FONT_DIR"
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  $FONT_SUDO mkdir -p "$FONT_DIR"
  packages=$(for entry in "${extract[@]}"; do echo "${entry%% *}"; done | sort -u)
  for package in $packages; do
    # apt-get download needs no root, only the package lists
    (cd "$tmp" && apt-get download "$package" >/dev/null 2>&1) || {
      can_root || { echo "错误：无法下载 $package（软件包列表过旧，需要 sudo apt-get update）" >&2; exit 1; }
      apt_update
      (cd "$tmp" && apt-get download "$package" >/dev/null)
    }
    dpkg -x "$tmp/${package}"_*.deb "$tmp/x"
  done
  for entry in "${extract[@]}"; do
    file="${entry#* }"
    found=$(find "$tmp/x" -name "$file" -print -quit)
    [ -n "$found" ] || { echo "错误：软件包 ${entry%% *} 中没有 $file" >&2; exit 1; }
    $FONT_SUDO cp "$found" "$FONT_DIR/"
  done
  $FONT_SUDO fc-cache -f "$FONT_DIR" >/dev/null
fi

# axe-core for the accessibility test of the 公开版 (one small package, pinned; no browser download)
AXE_VERSION=4.14.1
AXE_PREFIX="${LAWGOV_AXE_PREFIX:-/usr/local/lib/lawgov-gen}"
if [ "$WITH_TEST_TOOLS" = "1" ] && { [ ! -f "$AXE_PREFIX/node_modules/axe-core/axe.min.js" ] \
  || ! grep -q "\"version\": \"$AXE_VERSION\"" "$AXE_PREFIX/node_modules/axe-core/package.json"; }; then
  if command -v npm >/dev/null 2>&1; then
    echo "安装 axe-core@$AXE_VERSION 到 $AXE_PREFIX（公开版网页的无障碍测试）"
    $SUDO mkdir -p "$AXE_PREFIX"
    $SUDO npm install --silent --no-audit --no-fund --no-save --prefix "$AXE_PREFIX" "axe-core@$AXE_VERSION" >/dev/null
  else
    echo "注意：没有 npm，未安装 axe-core，公开版网页的无障碍测试将跳过" >&2
  fi
fi

present=$(fc-list : file)
for entry in "${POLICY_FONTS[@]}"; do
  file="${entry#* }"
  grep -qF "/$file:" <<<"$present" || { echo "错误：未找到字体文件 $file" >&2; exit 1; }
done
echo "系统依赖已就绪"
