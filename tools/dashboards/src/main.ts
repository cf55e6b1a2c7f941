// `npm run -s dashboards` writes infra/dashboards; `-- --check` fails when the checked-in files are stale.
import { resolve } from 'node:path';
import { generateArtifacts } from './artifacts.js';
import { staleArtifacts, writeArtifacts } from './check/artifact-files.js';

const root = resolve(import.meta.dirname, '../../..');
const artifacts = generateArtifacts();
if (process.argv.includes('--check')) {
  const stale = await staleArtifacts(root, artifacts);
  if (stale.length > 0) {
    process.stderr.write(`out of date (run npm run -s dashboards): ${stale.join(', ')}\n`);
    process.exit(1);
  }
  process.stdout.write(`${artifacts.length} generated files are up to date\n`);
} else {
  await writeArtifacts(root, artifacts);
  process.stdout.write(`wrote ${artifacts.map((artifact) => artifact.file).join(', ')}\n`);
}
