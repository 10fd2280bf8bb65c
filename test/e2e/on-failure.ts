// Every browser test that fails prints what its pages showed and what the server said, so a failure seen once (in CI,
// under load) can be understood from its log alone.
import { beforeEach } from 'vitest';
import { describeFailure } from './support.ts';

beforeEach(({ task, onTestFailed }) => {
  onTestFailed(async () => {
    console.error(await describeFailure(task.name));
  });
});
