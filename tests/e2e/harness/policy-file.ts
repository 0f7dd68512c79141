/**
 * A browser policy file a test writes before it launches the browser and removes after (Chromium:
 * /etc/chromium/policies/managed/*.json; Firefox: distribution/policies.json beside the binary). Both are system paths,
 * written as root. A test that can't write one must not pass silently: `policyFileProblem` says why, and the spec fails
 * with that sentence in CI and is skipped with it elsewhere.
 *
 * The file is machine-wide while it exists: any browser started meanwhile reads it. Chromium also re-reads its policy
 * directory when it changes, so the file stays until the spec's browser is closed. It names only this extension's id
 * (its "3rdparty" policy), which a build without storage.managed_schema never reads.
 */
import { accessSync, constants, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const CHROMIUM_POLICY_FILE = '/etc/chromium/policies/managed/entra-tap-test.json';

/** Why this process can't write `path` (a sentence), or null when it can. */
export function policyFileProblem(path: string): string | null {
  // The nearest directory that exists is the one a write (after mkdir -p) needs.
  let dir = dirname(path);
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  try {
    accessSync(dir, constants.W_OK);
    return null;
  } catch {
    const uid = process.getuid?.();
    return `can't write the policy file ${path} (${dir} is not writable${uid === undefined ? '' : ` for uid ${uid}`}); run this spec as root, as CI does`;
  }
}

/** Fails with the sentence in CI, skips with it elsewhere; true when the spec can run. */
export function policySpecCanRun(problem: string | null): boolean {
  if (problem === null) return true;
  if (process.env.CI) throw new Error(`Managed-configuration spec: ${problem}.`);
  console.warn(`Skipped: ${problem}.`);
  return false;
}

export interface PolicyFile {
  write(content: unknown): void;
  remove(): void;
}

/** Writes atomically (a browser starting meanwhile never reads half a file) and removes on exit too. */
export function policyFile(path: string): PolicyFile {
  const remove = () => rmSync(path, { force: true });
  process.once('exit', remove);
  return {
    write(content) {
      mkdirSync(dirname(path), { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o644 });
      renameSync(temporary, path);
    },
    remove,
  };
}
