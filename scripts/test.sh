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
# The benchmark at scale 0.01: it still runs and its three result paths agree (never a timing check).
step "benchmark smoke (scale 0.01)"; npx vite-node --config vite.node.config.ts bench/run.ts -- --scale 0.01 --runs 1 --seconds 3 --port 3491 --smoke
node scripts/test-summary.mjs
