import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

/** Every emitted file of the production build (WXT minifies), with its gzipped size. */
export function measureBundles(outputDir: string): BundleSize[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(outputDir);
  return files
    .map((path) => {
      const content = readFileSync(path);
      return { file: relative(outputDir, path), bytes: content.length, gzipBytes: gzipSync(content).length };
    })
    .sort((a, b) => a.file.localeCompare(b.file));
}

/** The bytes a page or script loads: its entry file plus every chunk the HTML or entry references. */
export function entryTotal(sizes: BundleSize[], outputDir: string, entry: string): number {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(outputDir, file), 'utf8');
    for (const match of text.matchAll(
      /(?:src|href)="\/?([^"]+\.(?:js|css))"|from"\/?(chunks\/[^"]+\.js)"|import"\/?(chunks\/[^"]+\.js)"/g,
    )) {
      const referenced = match[1] ?? match[2] ?? match[3];
      if (referenced && sizes.some((size) => size.file === referenced)) visit(referenced);
    }
  };
  visit(entry);
  return sizes.filter((size) => seen.has(size.file) && size.file.endsWith('.js')).reduce((sum, size) => sum + size.bytes, 0);
}
