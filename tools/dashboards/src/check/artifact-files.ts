import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OUTPUT_DIR, type Artifact } from '../artifacts.js';

/** The checked-in version of each artifact (`undefined` content when the file is missing). */
export async function readCheckedIn(
  root: string,
  artifacts: readonly Artifact[],
): Promise<{ file: string; content: string | undefined }[]> {
  return Promise.all(
    artifacts.map(async ({ file }) => ({
      file,
      content: await readFile(join(root, OUTPUT_DIR, file), 'utf8').catch(() => undefined),
    })),
  );
}

/** Names of the artifacts whose checked-in file is missing or differs from the generator's output. */
export async function staleArtifacts(root: string, artifacts: readonly Artifact[]): Promise<string[]> {
  const checkedIn = await readCheckedIn(root, artifacts);
  return artifacts
    .filter((artifact, index) => checkedIn[index]?.content !== artifact.content)
    .map((artifact) => `${OUTPUT_DIR}/${artifact.file}`);
}

/** Writes every artifact under {@link OUTPUT_DIR}. */
export async function writeArtifacts(root: string, artifacts: readonly Artifact[]): Promise<void> {
  await mkdir(join(root, OUTPUT_DIR), { recursive: true });
  await Promise.all(artifacts.map(({ file, content }) => writeFile(join(root, OUTPUT_DIR, file), content)));
}
