// First-load JavaScript of the built web app: the entry script index.html loads plus every chunk it imports
// statically (modulepreload), gzipped. The staff workspace must stay out of it (loaded on demand).
// Run: node web/bundle-size.ts [distDir]   (prints the figures; the unit test enforces the budget)
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const FIRST_LOAD_BUDGET_BYTES = 200 * 1024;

export interface BundleReport {
  firstLoad: { file: string; bytes: number; gzipBytes: number }[];
  firstLoadGzipBytes: number;
  lazy: { file: string; bytes: number; gzipBytes: number }[];
  cssGzipBytes: number;
}

function sizes(dist: string, file: string) {
  const content = readFileSync(join(dist, file));
  return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
}

export function measureBundle(dist: string): BundleReport {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const firstLoad = [...new Set(entries)].map((file) => sizes(dist, file));
  const assets = readdirSync(join(dist, 'assets'));
  const lazy = assets.filter((f) => f.endsWith('.js') && !entries.includes(`assets/${f}`)).map((f) => sizes(dist, `assets/${f}`));
  const cssGzipBytes = assets.filter((f) => f.endsWith('.css')).reduce((total, f) => total + sizes(dist, `assets/${f}`).gzipBytes, 0);
  return { firstLoad, firstLoadGzipBytes: firstLoad.reduce((total, f) => total + f.gzipBytes, 0), lazy, cssGzipBytes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] ?? fileURLToPath(new URL('./dist/', import.meta.url));
  const report = measureBundle(dist);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  for (const f of report.firstLoad) console.log(`first load  ${f.file}  ${kb(f.bytes)} (${kb(f.gzipBytes)} gzipped)`);
  for (const f of report.lazy) console.log(`on demand   ${f.file}  ${kb(f.bytes)} (${kb(f.gzipBytes)} gzipped)`);
  console.log(`first-load JavaScript: ${kb(report.firstLoadGzipBytes)} gzipped (budget ${kb(FIRST_LOAD_BUDGET_BYTES)}); CSS ${kb(report.cssGzipBytes)} gzipped`);
}
