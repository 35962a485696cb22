#!/usr/bin/env bash
# Install the Debian/Ubuntu packages lawgov-gen needs to render PDFs and to be tested:
# CJK fonts, a symbol font for emoji, the HarfBuzz subsetter WeasyPrint uses, poppler-utils (pdffonts, pdftotext)
# LibreOffice Writer (the test suite's stand-in for Word) and Chromium with its driver (the
# test suite's browser for `lawgov-gen preview`).
# axe-core (from npm, with the machine's Node.js) is the accessibility check the browser
# tests run on the 公开版 web page.
# The Fandol fonts are extracted from texlive-lang-chinese without installing TeX.
set -euo pipefail

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
FONT_DIR="${LAWGOV_FONT_DIR:-/usr/local/share/fonts/fandol}"
WITH_LIBREOFFICE="${WITH_LIBREOFFICE:-1}"

need=()
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
# Symbola draws emoji and symbols the CJK fonts lack (a P1 fallback instead of empty boxes)
dpkg -s fonts-symbola >/dev/null 2>&1 || need+=(fonts-symbola)
dpkg -s libharfbuzz-subset0 >/dev/null 2>&1 || need+=(libharfbuzz-subset0)
dpkg -s poppler-utils >/dev/null 2>&1 || need+=(poppler-utils)
dpkg -s libpango-1.0-0 >/dev/null 2>&1 || need+=(libpango-1.0-0 libpangoft2-1.0-0)
dpkg -s fontconfig >/dev/null 2>&1 || need+=(fontconfig)
python3 -c "import ensurepip, venv" >/dev/null 2>&1 || need+=(python3-venv)
command -v make >/dev/null 2>&1 || need+=(make)
# headless Chromium and chromedriver: the preview's browser tests (selenium drives them)
browser=()
dpkg -s chromium >/dev/null 2>&1 || browser+=(chromium)
dpkg -s chromium-driver >/dev/null 2>&1 || browser+=(chromium-driver)
if [ "$WITH_LIBREOFFICE" = "1" ]; then
  dpkg -s libreoffice-writer-nogui >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
fi

if [ "${#need[@]}" -gt 0 ] || [ "${#browser[@]}" -gt 0 ]; then
  $SUDO apt-get update -qq
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

if ! ls "$FONT_DIR"/FandolFang-Regular.otf >/dev/null 2>&1; then
  echo "提取 Fandol 字体到 $FONT_DIR"
  tmp=$(mktemp -d)
  (cd "$tmp" && apt-get download texlive-lang-chinese >/dev/null 2>&1) || {
    $SUDO apt-get update -qq
    (cd "$tmp" && apt-get download texlive-lang-chinese >/dev/null)
  }
  dpkg -x "$tmp"/texlive-lang-chinese_*.deb "$tmp/x"
  $SUDO mkdir -p "$FONT_DIR"
  find "$tmp/x" -path '*fandol*' -name 'Fandol*.otf' -exec $SUDO cp {} "$FONT_DIR"/ \;
  rm -rf "$tmp"
  $SUDO fc-cache -f >/dev/null
fi

# axe-core for the accessibility test of the 公开版 (one small package, pinned; no browser download)
AXE_VERSION=4.14.1
AXE_PREFIX="${LAWGOV_AXE_PREFIX:-/usr/local/lib/lawgov-gen}"
if [ ! -f "$AXE_PREFIX/node_modules/axe-core/axe.min.js" ] \
  || ! grep -q "\"version\": \"$AXE_VERSION\"" "$AXE_PREFIX/node_modules/axe-core/package.json"; then
  if command -v npm >/dev/null 2>&1; then
    echo "安装 axe-core@$AXE_VERSION 到 $AXE_PREFIX（公开版网页的无障碍测试）"
    $SUDO mkdir -p "$AXE_PREFIX"
    $SUDO npm install --silent --no-audit --no-fund --no-save --prefix "$AXE_PREFIX" "axe-core@$AXE_VERSION" >/dev/null
  else
    echo "注意：没有 npm，未安装 axe-core，公开版网页的无障碍测试将跳过" >&2
  fi
fi

# (capture first: `fc-list | grep -q` fails under pipefail when grep stops reading early)
families=$(fc-list : family)
grep -q FandolFang <<<"$families" || { echo "错误：未找到 FandolFang 字体" >&2; exit 1; }
grep -q "Noto Serif CJK SC" <<<"$families" || { echo "错误：未找到 Noto Serif CJK SC 字体" >&2; exit 1; }
echo "系统依赖已就绪"
