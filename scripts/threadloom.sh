#!/usr/bin/env bash
# Runs the threadloom CLI from a checkout: an incremental build (a no-op when nothing changed), then the CLI.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/node_modules/.bin/tsc" -b "$root/tsconfig.json"
exec node "$root/apps/cli/dist/main.js" "$@"
