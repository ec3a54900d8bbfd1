// Builds the web app into a temporary folder and checks the first load stays within budget (≤ 200 KB of
// gzipped JavaScript) with the staff workspace split out.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIRST_LOAD_BUDGET_BYTES, measureBundle } from '../bundle-size.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('web bundle', () => {
  it('loads at most 200 KB of gzipped JavaScript first, and the staff workspace only on demand', () => {
    const out = mkdtempSync(join(tmpdir(), 'hamlet-web-build-'));
    try {
      execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(ROOT, 'web/vite.config.ts'), '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { cwd: ROOT, stdio: 'pipe', env: { ...process.env, NODE_ENV: 'production' } });
      const report = measureBundle(out);
      console.log(`first-load JavaScript ${(report.firstLoadGzipBytes / 1024).toFixed(1)} KB gzipped; on demand: ${report.lazy.map((f) => `${f.file} ${(f.gzipBytes / 1024).toFixed(1)} KB`).join(', ')}`);
      expect(report.firstLoad.length).toBeGreaterThan(0);
      expect(report.firstLoadGzipBytes).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BYTES);
      const firstLoadCode = report.firstLoad.map((f) => readFileSync(join(out, f.file), 'utf8')).join('\n');
      // A staff-only text must not be in what a patient downloads.
      expect(firstLoadCode).not.toContain('Book an appointment for the patient');
      const lazyCode = report.lazy.map((f) => readFileSync(join(out, f.file), 'utf8')).join('\n');
      expect(lazyCode).toContain('Book an appointment for the patient');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
