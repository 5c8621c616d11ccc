#!/usr/bin/env bash
# Runs the frontend unit tests (node:test; TypeScript via Node 24 type stripping; no npm packages).
#   usage: scripts/frontend-test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
NODE_DIR=$(scripts/node24.sh)
# Guard: fail loudly instead of silently passing if the test files moved.
if [ -z "$(find frontend -name node_modules -prune -o -type f -name '*.test.ts' -print -quit)" ]; then
  echo "scripts/frontend-test.sh: no frontend/**/*.test.ts files found" >&2
  exit 1
fi
# Node expands the glob itself (quoted so the shell does not).
exec "$NODE_DIR/bin/node" --test 'frontend/**/*.test.ts'
