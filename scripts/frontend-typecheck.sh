#!/usr/bin/env bash
# Type checks the text annotator and its unit tests: tsc --noEmit (scripts/typecheck/tsconfig.json). TypeScript, lit
# and Node's types come from the npm registry at the versions pinned in scripts/typecheck/package-lock.json; Node 24
# from scripts/node24.sh. `./mvnw verify` runs it; -DskipFrontendTests=true leaves it out.
#   usage: scripts/frontend-typecheck.sh
set -euo pipefail
cd "$(dirname "$0")/typecheck"
NODE_DIR=$(../node24.sh)
export PATH="$NODE_DIR/bin:$PATH"
# npm ci only when the lock file changed since the last install
if ! cmp -s package-lock.json node_modules/.factspan-installed-lock 2>/dev/null; then
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2
  cp package-lock.json node_modules/.factspan-installed-lock
fi
exec node node_modules/typescript/bin/tsc -p tsconfig.json
