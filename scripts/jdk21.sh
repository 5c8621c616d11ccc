#!/usr/bin/env bash
# Prints a JAVA_HOME of JDK 21 or newer: $JAVA_HOME if it is one, else the newest under /usr/lib/jvm.
# Vaadin's Maven plugin (production build) needs Maven itself to run on such a JDK.
set -euo pipefail
major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
  echo "$JAVA_HOME"; exit 0
fi
best=""; best_v=0
for d in /usr/lib/jvm/*/; do
  d=${d%/}
  [ -x "$d/bin/java" ] && [ -x "$d/bin/javac" ] || continue
  v=$(major "$d" || echo 0)
  if [ "${v:-0}" -ge 21 ] 2>/dev/null && [ "$v" -gt "$best_v" ]; then best=$d; best_v=$v; fi
done
if [ -z "$best" ]; then
  echo "scripts/jdk21.sh: no JDK 21 or newer found (JAVA_HOME or /usr/lib/jvm); Factspan needs one" >&2
  exit 1
fi
echo "$best"
