#!/usr/bin/env bash
# Installs what building, running and testing Socket Workbench needs, and only what is missing:
#   a JDK 17 or newer, Maven and binutils (the build and its jlink image), the GTK 3, GL and XTest libraries
#   JavaFX loads (the window),
#   python3 (interop tests), nc, socat and openssl (CLI tests against real peers, TLS too), a TrueType font with Chinese glyphs,
#   the zh_CN.UTF-8 locale (error tests run the CLI with the C library speaking Chinese),
#   setpriv/unshare from util-linux (tests of a privileged port and of a machine with no network), and ip from
#   iproute2 (multicast tests in a private network namespace).
# Debian and Ubuntu: apt-get (as root, or through sudo). macOS: Homebrew. Running it again does nothing when all
# is there. The README's two commands start with it.
set -euo pipefail

missing=()
have() { command -v "$1" > /dev/null 2>&1; }

jdk_ok() {
  have javac || return 1
  local version
  version=$(javac -version 2>&1 | sed -n 's/^javac \([0-9]*\).*/\1/p')
  [ -n "$version" ] && [ "$version" -ge 17 ] || return 1
  # The launchers pass -XX:TrimNativeHeapInterval, which JDK 17 knows from 17.0.9 on.
  if [ "$version" -eq 17 ]; then
    local update
    update=$(javac -version 2>&1 | sed -n 's/^javac 17\.[0-9]*\.\([0-9]*\).*/\1/p')
    [ -n "$update" ] && [ "$update" -ge 9 ]
  fi
}

if [ "$(uname -s)" = Darwin ]; then
  have brew || { echo "setup: install Homebrew (https://brew.sh), then run this again" >&2; exit 1; }
  jdk_ok || missing+=(openjdk@17)
  have mvn || missing+=(maven)
  have python3 || missing+=(python)
  have socat || missing+=(socat)
  have openssl || missing+=(openssl)
  have tshark || missing+=(wireshark)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: brew install ${missing[*]}"
    brew install "${missing[@]}"
  fi
  exit 0
fi

if ! have apt-get; then
  echo "setup: no apt-get here; install a JDK 17.0.9+, Maven 3.8+, GTK 3, python3, nc and socat yourself" >&2
  exit 0
fi

# grep -c, not grep -q: -q stops reading early, and pipefail would count the writer's SIGPIPE as a failure.
matches() { grep -ci "$1" > /dev/null; }
has_lib() { ldconfig -p 2>/dev/null | matches "$1"; }

jdk_ok || missing+=(openjdk-17-jdk-headless)
have mvn || missing+=(maven)
# Debian's jlink strips the image's native debug symbols with objcopy.
have objcopy || missing+=(binutils)
has_lib 'libgtk-3.so.0' || missing+=(gtk)
has_lib 'libGL.so.1' || missing+=(libgl1)
# JavaFX's GTK window library links libXtst; a desktop has it, a fresh server does not.
has_lib 'libXtst.so.6' || missing+=(libxtst6)
have python3 || missing+=(python3)
have nc || missing+=(netcat-openbsd)
have socat || missing+=(socat)
# openssl: the TLS tests talk to openssl s_client and s_server.
have openssl || missing+=(openssl)
# tshark and pytest: the export tests read our captures with tshark and run our exported tests with pytest.
have tshark || missing+=(tshark)
{ have python3 && python3 -c 'import pytest' 2> /dev/null; } || missing+=(python3-pytest)
have fc-list || missing+=(fontconfig)
# JavaFX draws Chinese only from TrueType fonts: Noto Sans CJK (CFF outlines) shows empty boxes.
{ have fc-list && fc-list ':lang=zh:fontformat=TrueType' family 2>/dev/null | matches '.'; } || missing+=(fonts-wqy-microhei)
{ have fc-list && fc-list 2>/dev/null | matches 'DejaVu'; } || missing+=(fonts-dejavu-core)
{ have setpriv && have unshare; } || missing+=(util-linux)
# ip: the multicast tests set up loopback in a private network namespace.
have ip || missing+=(iproute2)
zh_locale=yes
locale -a 2>/dev/null | matches '^zh_CN.utf8$' || { zh_locale=no; missing+=(locales libc-l10n); }

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  have sudo || { echo "setup: missing ${missing[*]}; run this as root or install sudo" >&2; exit 1; }
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
packages=()
for p in "${missing[@]}"; do
  case "$p" in
    # Ubuntu 24.04 renamed the GTK package for its 64-bit time_t transition.
    gtk) if apt-cache show libgtk-3-0t64 > /dev/null 2>&1; then packages+=(libgtk-3-0t64); else packages+=(libgtk-3-0); fi ;;
    openjdk-17-jdk-headless)
      if apt-cache show openjdk-17-jdk-headless > /dev/null 2>&1; then packages+=("$p"); else packages+=(default-jdk-headless); fi ;;
    *) packages+=("$p") ;;
  esac
done
echo "setup: apt-get install ${packages[*]}"
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" > /dev/null

if [ "$zh_locale" = no ]; then
  "${sudo[@]}" sed -i 's/^# *zh_CN.UTF-8 UTF-8/zh_CN.UTF-8 UTF-8/' /etc/locale.gen
  grep -q '^zh_CN.UTF-8 UTF-8' /etc/locale.gen || echo 'zh_CN.UTF-8 UTF-8' | "${sudo[@]}" tee -a /etc/locale.gen > /dev/null
  "${sudo[@]}" locale-gen > /dev/null
fi
