#!/usr/bin/env bash
# Rebuilds the committed frontend bundles after a change under frontend/ (or a new Vaadin component in Java):
# src/main/bundles/prod.bundle (Vaadin's Maven plugin, production profile) and src/main/bundles/dev.bundle (Vaadin
# development mode builds it at start). Needs Node 24 (installed from the npm registry by scripts/node24.sh) and a
# JDK 21+ for Maven itself (scripts/jdk21.sh). Commit both bundles afterwards; BundlesAreCurrentTest checks them.
#   usage: scripts/rebuild-bundles.sh
set -euo pipefail
cd "$(dirname "$0")/.."
NODE_DIR=$(bash scripts/node24.sh)
export PATH="$NODE_DIR/bin:$PATH"
export JAVA_HOME=$(bash scripts/jdk21.sh)

echo "== production bundle"
./mvnw -B -ntp -q -Pproduction -Dmaven.test.skip=true package
echo "== development bundle"
log=$(mktemp)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
data=$(mktemp -d)
FACTSPAN_DB_URL="jdbc:h2:file:$data/db" FACTSPAN_SEARCH_INDEX=memory FACTSPAN_DEMO=false \
  ./mvnw -B -ntp -Pdev spring-boot:run -Dmaven.test.skip=true \
  -Dspring-boot.run.arguments="--server.port=$port" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 900); do
  if grep -qE "development mode bundle build is not needed|Development frontend bundle built|Dev bundle.*(built|created)" "$log"; then
    break
  fi
  if ! kill -0 $pid 2>/dev/null; then cat "$log"; echo "rebuild-bundles: the app exited" >&2; exit 1; fi
  sleep 1
done
# the bundle is written when its build ends; then the app may stop
sleep 5
grep -E "bundle" "$log" | tail -5
kill $pid; wait $pid 2>/dev/null || true
git status --short src/main/bundles
