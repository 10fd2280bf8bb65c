import { describe, expect, it } from 'vitest';
import { MAX_AUTO_PROCESSES, serveProcessCount } from '../../src/cli/serve-processes.ts';

describe('serveProcessCount', () => {
  it('gives PostgreSQL a process per core, within the automatic limit, and SQLite one', () => {
    expect(serveProcessCount('auto', 'postgres', 2)).toBe(2);
    expect(serveProcessCount('auto', 'postgres', 1)).toBe(1);
    expect(serveProcessCount('auto', 'postgres', 64)).toBe(MAX_AUTO_PROCESSES);
    expect(serveProcessCount('auto', 'sqlite', 16)).toBe(1);
  });

  it('takes a number asked for on PostgreSQL, and 1 on SQLite', () => {
    expect(serveProcessCount('12', 'postgres', 2)).toBe(12);
    expect(serveProcessCount('1', 'sqlite', 16)).toBe(1);
  });

  it('refuses a second process on an SQLite file, saying why and what to use instead', () => {
    expect(() => serveProcessCount('2', 'sqlite', 16)).toThrow(/SQLite 数据库只能由一个进程提供服务（--workers 2）：多个进程会争用同一个文件的写锁.*PostgreSQL/);
  });

  it('refuses what is not a count of processes', () => {
    for (const bad of ['0', '-1', '1.5', 'two', '65', '']) expect(() => serveProcessCount(bad, 'postgres', 2), bad).toThrow(`进程数无效：${bad}`);
  });
});
