// The browser tests need web/dist to match the sources: rebuild when any web file is newer than the build.
// A lock directory stops two test files building at once (mkdir is atomic).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WEB = join(ROOT, 'web');
const BUILT = join(WEB, 'dist', 'index.html');
const LOCK = join(WEB, '.build-lock');

function newestSource(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestSource(join(path, name))));
}

function isStale(): boolean {
  if (!existsSync(BUILT)) return true;
  const sources = Math.max(newestSource(join(WEB, 'src')), newestSource(join(WEB, 'index.html')), newestSource(join(WEB, 'vite.config.ts')));
  return sources > statSync(BUILT).mtimeMs;
}

export async function ensureWebBuild(): Promise<void> {
  for (let waited = 0; ; waited += 250) {
    if (!isStale()) return;
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (waited > 120_000) throw new Error(`web build lock ${LOCK} held for 2 minutes; remove it if no build is running`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    if (isStale()) {
      execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(WEB, 'vite.config.ts'), '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    }
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
