// Global setup of the suites that run the command itself (test/cli, and the browser suite's `npm start`): the command they
// run is the JavaScript built into dist/cli/, so it is rebuilt first whenever a source is newer than it.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build-cli.js', '--if-stale'], { cwd: fileURLToPath(new URL('../..', import.meta.url)), stdio: 'inherit' });
}
