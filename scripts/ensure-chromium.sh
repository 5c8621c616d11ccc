#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium (or $FACTSPAN_CHROMIUM) for the browser tests.
# Installs the `chromium` package with apt-get when it is missing and we may (root); never downloads
# a browser build of Playwright's own.
set -euo pipefail
chromium="${FACTSPAN_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "ensure-chromium: $chromium is missing; install Debian's 'chromium' package (or skip with -DskipBrowserTests=true)" >&2
exit 1
