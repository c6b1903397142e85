#!/usr/bin/env bash
# Installs what the app and its tests need, when missing: npm packages (npm ci) and, for the
# browser tests and the PDF export (headless Chromium prints the quarterly report, decision 0024),
# Debian's Chromium (Playwright cannot download its own browser here).
# Usage: scripts/ensure-deps.sh [--browser]
set -euo pipefail
cd "$(dirname "$0")/.."
export CHECKPOINT_DISABLE=1

lock_stamp=node_modules/.package-lock.json
if [ ! -d node_modules ] || [ ! -f "$lock_stamp" ] || [ package-lock.json -nt "$lock_stamp" ]; then
  echo "› Installing npm packages (npm ci; better-sqlite3 compiles: 2–3 minutes on an idle 2-core machine, longer on a busy one)…"
  # better-sqlite3 has no prebuilt binary reachable here: node-gyp builds it against Node's headers.
  npm_config_nodedir="${npm_config_nodedir:-/usr}" npm ci --no-audit --no-fund
fi
[ -f app/generated/prisma/client.ts ] || npx prisma generate

if [ "${1:-}" = "--browser" ]; then
  if [ -n "${CHROMIUM_PATH:-}" ]; then
    [ -x "$CHROMIUM_PATH" ] || { echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable" >&2; exit 1; }
  elif ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
      echo "› Installing Debian's chromium (browser tests, PDF export)…"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
      echo "Chromium is missing. Install it (apt-get install chromium) or set CHROMIUM_PATH to a Chrome/Chromium binary." >&2
      exit 1
    fi
  fi
fi
