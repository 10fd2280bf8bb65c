// Builds the web client from src/web into dist/web, where `tiaodu serve` finds it; in development proxies /api to the server.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

// antd and echarts are large and change rarely: their own chunks stay cached across releases of the app code.
function chunkOf(id: string): string | undefined {
  if (!id.includes('node_modules')) return undefined;
  if (/node_modules\/(echarts|zrender)\//.test(id)) return 'echarts';
  if (/node_modules\/(react|react-dom|react-router|react-router-dom|scheduler|cookie|set-cookie-parser)\//.test(id)) return 'react';
  if (/node_modules\/(dayjs)\//.test(id)) return 'antd';
  if (/node_modules\/(antd|@ant-design|rc-[^/]+|@rc-component|@emotion|stylis|classnames|compute-scroll-into-view|scroll-into-view-if-needed|throttle-debounce|resize-observer-polyfill|json2mo|toggle-selection|copy-to-clipboard|@babel\/runtime)\//.test(id)) return 'antd';
  return 'vendor';
}

export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // antd's own chunk is about 1 MB minified (≈330 kB gzipped) however it is cut; it is one cached download.
    chunkSizeWarningLimit: 1400,
    rollupOptions: { output: { manualChunks: chunkOf } },
  },
  server: {
    fs: { allow: [repoRoot] },
    proxy: { '/api': 'http://localhost:3000' },
  },
});
