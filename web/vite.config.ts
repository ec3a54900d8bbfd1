// Builds the web app into web/dist, which the Hamlet server serves (src/server/web-app.ts).
// Everything is emitted under /assets/ because the server treats only /assets/ as public static files.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const NHSUK_IMAGES = fileURLToPath(new URL('../node_modules/nhsuk-frontend/dist/nhsuk/assets/images/', import.meta.url));
// The compiled nhsuk-frontend CSS points at /assets/images/… for a few icons: ship those files there.
const ICONS_USED_BY_CSS = ['nhsuk-icon-arrow-down.svg', 'nhsuk-icon-arrow-up-down.svg', 'nhsuk-icon-arrow-up.svg', 'nhsuk-icon-cross.svg'];

function nhsukCssImages(): Plugin {
  return {
    name: 'hamlet-nhsuk-css-images',
    apply: 'build',
    generateBundle() {
      for (const name of ICONS_USED_BY_CSS) {
        this.emitFile({ type: 'asset', fileName: `assets/images/${name}`, source: readFileSync(NHSUK_IMAGES + name) });
      }
    },
  };
}

// Frutiger is licensed for nhs.uk and served from assets.nhs.uk, which our content security policy (rightly)
// does not allow: drop the @font-face rules so the browser uses the design system's Arial fallback quietly.
function withoutRemoteFonts(): Plugin {
  return {
    name: 'hamlet-without-remote-fonts',
    transform(code, id) {
      if (!id.includes('nhsuk-frontend') || !id.endsWith('.css')) return null;
      return { code: code.replace(/@font-face\s*\{[^}]*\}/g, ''), map: null };
    },
  };
}

const apiServer = process.env.HAMLET_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: false,
  plugins: [react(), nhsukCssImages(), withoutRemoteFonts()],
  // nhsuk-frontend's CSS ships minified, with old-IE media hacks lightningcss refuses to parse: leave CSS as published.
  build: { outDir: 'dist', emptyOutDir: true, assetsDir: 'assets', sourcemap: false, reportCompressedSize: false, cssMinify: false },
  // `vite --config web/vite.config.ts` for hot reload against a running server.
  server: { proxy: { '/api': apiServer, '/auth': apiServer, '/fhir': apiServer } },
});
