#!/usr/bin/env bash
# Builds the file set of the threadloom runtime image into OUT_DIR: compiled apps and libraries,
# the simulator corpus and the API's timeline page, package manifests and production dependencies only (no sources, no dev
# tools). The Dockerfile runs it in its build stage; test/deploy/image-files.test.ts runs it into a
# temporary folder and starts every app from the result.
#
# Usage: scripts/build-image-files.sh OUT_DIR [app ...]   (apps default to: api worker engine-sim)
# Needs an installed checkout (npm ci) and npm on PATH; OUT_DIR must be absent or empty.
set -euo pipefail

if [ $# -lt 1 ]; then
  echo "usage: $0 OUT_DIR [app ...]" >&2
  exit 64
fi
out=$1
shift
apps=("$@")
[ ${#apps[@]} -gt 0 ] || apps=(api worker engine-sim)
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

if [ -e "$out" ] && [ -n "$(ls -A "$out")" ]; then
  echo "build-image-files: $out is not empty" >&2
  exit 1
fi
for app in "${apps[@]}"; do
  if [ ! -f "apps/$app/package.json" ]; then
    echo "build-image-files: no app named '$app' (apps/$app/package.json)" >&2
    exit 1
  fi
done

# 1. Compile the apps (tsc -b builds the libraries they reference first).
tsc_projects=()
for app in "${apps[@]}"; do tsc_projects+=("apps/$app/tsconfig.lib.json"); done
node_modules/.bin/tsc -b "${tsc_projects[@]}"

# 2. The workspaces the apps need at run time: their @threadloom/* dependencies, transitively
#    (devDependencies such as libs/devstack stay out).
mapfile -t workspaces < <(node --input-type=module - "${apps[@]}" <<'EOF'
import { readFileSync, readdirSync } from 'node:fs';
const dirs = ['apps', 'libs'].flatMap((parent) => readdirSync(parent).map((name) => `${parent}/${name}`));
const byName = new Map();
for (const dir of dirs) {
  try {
    byName.set(JSON.parse(readFileSync(`${dir}/package.json`, 'utf8')).name, dir);
  } catch {
    // not a workspace
  }
}
const needed = new Set();
const visit = (dir) => {
  if (needed.has(dir)) return;
  needed.add(dir);
  const deps = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8')).dependencies ?? {};
  for (const name of Object.keys(deps)) if (byName.has(name)) visit(byName.get(name));
};
for (const app of process.argv.slice(2)) visit(`apps/${app}`);
process.stdout.write([...needed].sort().join('\n') + '\n');
EOF
)

# 3. Compiled output and manifests only; declaration files and source maps are not needed to run.
mkdir -p "$out"
for dir in "${workspaces[@]}"; do
  mkdir -p "$out/$dir"
  cp "$dir/package.json" "$out/$dir/"
  (cd "$dir" && find dist -type f -name '*.js' -exec cp --parents -t "$out/$dir/" {} +)
done
# Files the apps read at run time besides their code: the simulator's corpus, the API's timeline page.
for asset in apps/engine-sim/corpus apps/api/ui; do
  if [ -d "$out/$(dirname "$asset")" ]; then cp -r "$asset" "$out/$asset"; fi
done
cp package-lock.json "$out/"
node --input-type=module - "$out" "${workspaces[@]}" <<'EOF'
import { readFileSync, writeFileSync } from 'node:fs';
const [out, ...workspaces] = process.argv.slice(2);
const { name, version, license, type } = JSON.parse(readFileSync('package.json', 'utf8'));
const manifest = { name, version, private: true, license, type, workspaces };
writeFileSync(`${out}/package.json`, `${JSON.stringify(manifest, null, 2)}\n`);
EOF

# 4. Production dependencies from the lockfile; install scripts stay off (none is needed at run time).
(cd "$out" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund --prefer-offline --loglevel=error)
rm -f "$out/package-lock.json" "$out/node_modules/.package-lock.json"
echo "build-image-files: ${apps[*]} -> $out ($(du -sh "$out" | cut -f1))"
