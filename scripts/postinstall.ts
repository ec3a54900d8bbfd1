// Builds the web app after install so `npm start` serves the whole product.
// Skipped quietly when the web sources are absent (e.g. a production install without dev tools).
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

if (existsSync('web/vite.config.ts') && existsSync('node_modules/vite')) {
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
}
