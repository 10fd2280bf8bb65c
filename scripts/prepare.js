// npm's prepare step (npm install, npm ci): builds the command into dist/cli/, then the web client into dist/web/.
// `npx tiaodu` run inside this folder installs the folder into npx's cache, which runs prepare too: there only the
// command is brought up to date, so npx starts the command at once instead of rebuilding the web client.
import { execFileSync } from 'node:child_process';

const npx = process.env.npm_command === 'exec';
const run = (script, ...args) => execFileSync(process.execPath, [script, ...args], { stdio: 'inherit' });

run('scripts/build-cli.js', ...(npx ? ['--if-stale'] : []));
if (!npx) run('node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn');
