#!/usr/bin/env bash
# Makes sure the browser tests find Debian's Chromium at /usr/bin/chromium (or $FACTSPAN_CHROMIUM) and the proxy test
# finds Debian's nginx at /usr/sbin/nginx (or $FACTSPAN_NGINX). Installs the missing packages with apt-get when we may
# (root); never downloads a browser build of Playwright's own. A freshly installed nginx service is stopped again: the
# tests start their own nginx on a free loopback port.
set -euo pipefail
chromium="${FACTSPAN_CHROMIUM:-/usr/bin/chromium}"
nginx="${FACTSPAN_NGINX:-/usr/sbin/nginx}"
missing=()
[ -x "$chromium" ] || missing+=(chromium)
[ -x "$nginx" ] || missing+=(nginx)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's ${missing[*]} for the browser tests ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  if [[ " ${missing[*]} " == *" nginx "* ]]; then
    (service nginx stop || systemctl stop nginx || nginx -s stop) >/dev/null 2>&1 || true
  fi
  exit 0
fi
echo "ensure-test-packages: ${missing[*]} missing; install Debian's packages (or skip with -DskipBrowserTests=true)" >&2
exit 1
