#!/usr/bin/env bash
# The one test command: install what is missing, then lint, typecheck and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
# npm puts node_modules/.bin first on PATH, so everything below runs on the pinned Node 24.
npm run -s verify
