#!/usr/bin/env bash
# One command from a fresh clone to the app running on the seeded demo province:
# install (npm packages and Chromium, which prints the PDFs), create the database, migrate, seed,
# build, serve on http://localhost:3000.
set -euo pipefail
cd "$(dirname "$0")/.."
# --browser: the quarterly report's PDF is printed by headless Chromium (decision 0024).
bash scripts/ensure-deps.sh --browser
export DATABASE_URL="${DATABASE_URL:-file:./data/demo.db}"
echo "› Fresh demo database at ${DATABASE_URL#file:}"
node scripts/db-reset.mjs
npm run -s db:seed
echo "› Building…"
npm run -s build
echo "› Demo accounts (password DuLuan@2026): admin, thuky, lanhdao, lanhdao.xa, ctv"
# Served in production mode on plain http://localhost: the __Host- session cookie works there
# because browsers treat localhost as a secure context. Behind HTTPS in real deployments
# (docs/operations.md). No reverse proxy here: TRUST_PROXY=0.
NODE_ENV=production TRUST_PROXY=0 PORT="${PORT:-3000}" exec node server.js
