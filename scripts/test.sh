#!/usr/bin/env bash
# `npm test`: everything a change must pass, from a fresh clone.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh --browser
export CHECKPOINT_DISABLE=1

step() { printf '\n━━ %s\n' "$1"; }
step "typecheck";                 npx tsc --noEmit
step "schema ↔ migrations drift"; node scripts/db-check.mjs
step "unit tests (vitest)";       npx vitest run --reporter=default --reporter=json --outputFile=tests/.output/vitest.json
step "build";                     npx remix vite:build >/dev/null
step "end-to-end (playwright)";   npx playwright test
node scripts/test-summary.mjs
