/**
 * Every store package wires the managed-configuration schema (manifest storage.managed_schema) and ships the file the
 * repository holds: Chromium publishes an extension's policy only against it (docs/deploy.md); Firefox reads
 * policies.json "3rdparty" without one, and the key is the same there so the three manifests stay alike.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const SCHEMA = JSON.parse(readFileSync(join(ROOT, 'public/managed_schema.json'), 'utf8'));

describe('managed configuration schema in the store packages', () => {
  it.each(['chrome', 'edge', 'firefox'])('%s: manifest storage.managed_schema and the schema file', async (store) => {
    const zip = await JSZip.loadAsync(readFileSync(join(ROOT, '.output', `entra-tap-${version}-${store}.zip`)));
    const manifest = JSON.parse((await zip.file('manifest.json')?.async('string')) ?? '{}');
    expect(manifest.storage).toEqual({ managed_schema: 'managed_schema.json' });
    const shipped = await zip.file('managed_schema.json')?.async('string');
    expect(shipped && JSON.parse(shipped)).toEqual(SCHEMA);
  });
});
