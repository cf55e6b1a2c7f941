import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { SubmitUsageError } from './submit-usage.error.js';

/** `<out>.lock`, holding the pid of the run writing `<out>`. */
export const lockPathFor = (outPath: string): string => `${outPath}.lock`;

/**
 * Claims the output file for this process: two runs appending to one file could both write a
 * result. A lock whose process is gone (a killed run) is taken over. Returns the release function.
 */
export function lockOutput(outPath: string): () => void {
  const path = lockPathFor(outPath);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(path, 'utf8').trim());
      if (isRunning(holder))
        throw new SubmitUsageError(`another submit (pid ${holder}) is writing ${outPath}; wait for it or stop it`);
      rmSync(path, { force: true });
    }
  }
  throw new SubmitUsageError(`could not claim ${outPath} (${path} keeps coming back)`);
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
