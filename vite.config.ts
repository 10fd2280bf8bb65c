// Builds the web client from src/web into dist/web, where `tiaodu serve` finds it, each text file also gzip- and
// brotli-compressed beside itself; in development proxies /api to the server.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

// Pages are loaded when first visited (src/web/App.tsx), and antd is cut along them, so the sign-in page loads only
// the components it shows. React and ECharts keep chunks of their own: they change rarely and stay cached across
// releases of the app code, and every page with a chart shares the one ECharts chunk.
function chunkOf(id: string): string | undefined {
  if (/node_modules\/(echarts|zrender)\//.test(id)) return 'echarts';
  if (/node_modules\/(react|react-dom|react-router|react-router-dom|scheduler|cookie|set-cookie-parser)\//.test(id)) return 'react';
  return undefined;
}

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt)$/;

/**
 * Writes `file.gz` and `file.br` beside each text file of the build, at the best levels, once: the server sends the
 * smaller one the browser accepts (src/server/app.ts) instead of compressing on every request.
 */
function precompress(): Plugin {
  return {
    name: 'tiaodu-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? '';
      const files = Object.keys(bundle).filter((f) => COMPRESSIBLE.test(f));
      await Promise.all(
        files.map(async (file) => {
          const full = path.join(dir, file);
          const data = await fs.readFile(full);
          // Below a kilobyte the headers cost more than compression saves.
          if (data.length < 1024) return;
          const br = await brotli(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } });
          await fs.writeFile(`${full}.br`, br);
          await fs.writeFile(`${full}.gz`, await gzip(data, { level: zlib.constants.Z_BEST_COMPRESSION }));
        }),
      );
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [react(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // ECharts' own chunk is about 1 MB minified (≈330 kB gzipped); only the pages with charts load it.
    chunkSizeWarningLimit: 1100,
    rollupOptions: { output: { manualChunks: chunkOf } },
  },
  server: {
    fs: { allow: [repoRoot] },
    proxy: { '/api': 'http://localhost:3000' },
  },
});
