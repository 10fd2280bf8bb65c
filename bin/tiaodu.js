#!/usr/bin/env node
// The tiaodu command: runs the JavaScript built from src/ into dist/cli/ by `npm install` (prepare) or `npm run build:cli`.
import { pathToFileURL } from 'node:url';
import { CLI_MAIN, cliBuildState, ROOT } from '../scripts/cli-freshness.js';

const state = cliBuildState();
if (!state.built) {
  process.stderr.write(`tiaodu 还没有构建：请在 ${ROOT} 运行 npm install（或 npm run build:cli）。\n`);
  process.exit(1);
}
// A developer's edit is not run until it is built: say so rather than run yesterday's code silently.
if (state.changed) process.stderr.write(`注意：${state.changed} 在上次构建之后有改动，这里运行的是上次构建的 tiaodu；运行 npm run build:cli 更新。\n`);
await import(pathToFileURL(CLI_MAIN).href);
