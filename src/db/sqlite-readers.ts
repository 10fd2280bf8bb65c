// A server's reads of an SQLite file run on a few worker threads with connections of their own, so a province-wide
// aggregate no longer holds the one thread that answers every request while a county's call waits behind it.
//
// Kysely's SQLite driver runs every statement on one connection, one at a time. The routing driver below sends a
// SELECT that is not part of a transaction to the reader pool instead, and everything else (writes, and every
// statement of a transaction, reads included) to that one connection as before. In WAL mode a reader sees what was
// committed when its statement began: a read that follows a commit sees it, a read during another request's open
// transaction sees the state before it, as a read on PostgreSQL's pool does.

import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import {
  SelectQueryNode,
  SqliteDialect,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type SqliteDialectConfig,
  type TransactionSettings,
} from 'kysely';

// Plain JavaScript run by `eval`, so the same text serves the TypeScript sources and the built command. `query_only`
// makes a statement that would write fail here rather than write from a second connection.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
db.pragma('cache_size = ' + -workerData.cacheKiB);
db.pragma('mmap_size = ' + workerData.mmapBytes);
db.pragma('query_only = ON');
const statements = new Map();
const asBuffer = (v) => (v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v);
parentPort.on('message', ({ id, sql, parameters }) => {
  try {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > workerData.statementCacheSize) statements.delete(statements.keys().next().value);
    }
    const started = performance.now();
    const rows = statement.all(parameters.map(asBuffer));
    parentPort.postMessage({ id, rows, ms: performance.now() - started });
  } catch (e) {
    parentPort.postMessage({ id, error: { message: String((e && e.message) || e), code: e && e.code } });
  }
});
`;

export interface ReaderSettings {
  /** The SQLite file; an in-memory database has none a second connection could open. */
  file: string;
  /** The most readers: two start at once, more when a read finds every one busy. */
  readers: number;
  busyTimeoutMs: number;
  /** Each reader's own page cache, in KiB; the mapped window is the operating system's and shared. */
  cacheKiB: number;
  mmapBytes: number;
}

export interface ReadAnswer {
  rows: unknown[];
  /** How long the statement ran on its reader, in milliseconds. */
  ms: number;
}

export interface ReaderPool {
  /** Runs one SELECT on the least busy reader. */
  read(sql: string, parameters: readonly unknown[]): Promise<ReadAnswer>;
  /** Statements sent to readers so far, and readers started: for the tests and the bench. */
  readonly reads: number;
  readonly started: number;
  close(): Promise<void>;
}

interface Pending {
  resolve: (answer: ReadAnswer) => void;
  reject: (e: Error) => void;
}

interface Reader {
  worker: Worker;
  pending: Map<number, Pending>;
}

const STATEMENT_CACHE_SIZE = 256;
const INITIAL_READERS = 2;

/** Starts the readers on a file that exists and is migrated (a reader cannot create or change it). */
export function startReaderPool(settings: ReaderSettings): ReaderPool {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const workerData = { ...settings, driver, statementCacheSize: STATEMENT_CACHE_SIZE };
  let nextId = 0;
  let reads = 0;
  let closed = false;
  const spawn = (): Reader => {
    const reader: Reader = { worker: new Worker(WORKER_SOURCE, { eval: true, workerData }), pending: new Map() };
    // An idle reader keeps no finished command alive; one with work does, so an awaited read is never cut short.
    reader.worker.unref();
    reader.worker.on('message', (m: { id: number; rows?: unknown[]; ms?: number; error?: { message: string; code?: string } }) => {
      const p = reader.pending.get(m.id);
      if (!p) return;
      reader.pending.delete(m.id);
      if (reader.pending.size === 0) reader.worker.unref();
      if (m.error) p.reject(Object.assign(new Error(m.error.message), { name: 'SqliteError', code: m.error.code }));
      else p.resolve({ rows: m.rows!.map(withBuffers), ms: m.ms! });
    });
    // A reader that dies (out of memory, a file gone) fails its own reads; the next read starts another in its place.
    const fail = (e: Error) => {
      const i = readers.indexOf(reader);
      if (i >= 0) readers[i] = null;
      for (const p of reader.pending.values()) p.reject(e);
      reader.pending.clear();
    };
    reader.worker.on('error', fail);
    reader.worker.on('exit', (code) => fail(new Error(`SQLite reader stopped (exit ${code})`)));
    return reader;
  };
  // Readers start as reads need them: an idle county server keeps two threads, a busy one grows to the limit.
  const readers: (Reader | null)[] = Array.from({ length: Math.min(INITIAL_READERS, settings.readers) }, spawn);
  const leastBusy = (): Reader => {
    let best: Reader | null = null;
    for (let i = 0; i < readers.length; i++) {
      const r = readers[i] ?? (readers[i] = spawn());
      if (r.pending.size === 0) return r;
      if (!best || r.pending.size < best.pending.size) best = r;
    }
    if (readers.length < settings.readers) {
      const r = spawn();
      readers.push(r);
      return r;
    }
    return best!;
  };
  return {
    read(sql, parameters) {
      if (closed) return Promise.reject(new Error('the database is closed'));
      const reader = leastBusy();
      const id = nextId++;
      reads++;
      return new Promise((resolve, reject) => {
        if (reader.pending.size === 0) reader.worker.ref();
        reader.pending.set(id, { resolve, reject });
        reader.worker.postMessage({ id, sql, parameters });
      });
    },
    get reads() {
      return reads;
    },
    get started() {
      return readers.length;
    },
    async close() {
      closed = true;
      await Promise.all(readers.map((r) => r?.worker.terminate()));
    },
  };
}

// A BLOB crosses the thread boundary as a Uint8Array; the rest of the code expects the Buffer better-sqlite3 gives.
function withBuffers(row: unknown): unknown {
  const r = row as Record<string, unknown>;
  for (const k in r) {
    const v = r[k];
    if (v instanceof Uint8Array && !Buffer.isBuffer(v)) r[k] = Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  }
  return r;
}

/**
 * Kysely's SQLite dialect with reads sent to a reader pool once `attach` gives it one (after migrations: a reader
 * must see the schema the writer made). Until then, and without one, it is the plain dialect.
 */
export class ReadingSqliteDialect extends SqliteDialect {
  #pool: ReaderPool | null = null;

  constructor(config: SqliteDialectConfig) {
    super(config);
  }

  attach(pool: ReaderPool): void {
    this.#pool = pool;
  }

  override createDriver(): Driver {
    return new RoutingDriver(super.createDriver(), () => this.#pool);
  }
}

class RoutingDriver implements Driver {
  readonly #writer: WriterUse;

  constructor(
    private readonly writer: Driver,
    private readonly pool: () => ReaderPool | null,
  ) {
    this.#writer = new WriterUse(writer);
  }

  init(): Promise<void> {
    return this.writer.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const pool = this.pool();
    // No pool: the writer's own connection, held as the plain driver holds it.
    return pool ? new RoutedConnection(this.#writer, pool) : this.writer.acquireConnection();
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await this.writer.beginTransaction(await writerOf(connection), settings);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await this.writer.commitTransaction(await writerOf(connection));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await this.writer.rollbackTransaction(await writerOf(connection));
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: Parameters<NonNullable<Driver['savepoint']>>[2]): Promise<void> {
    await this.writer.savepoint!(await writerOf(connection), name, compile);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: Parameters<NonNullable<Driver['rollbackToSavepoint']>>[2]): Promise<void> {
    await this.writer.rollbackToSavepoint!(await writerOf(connection), name, compile);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: Parameters<NonNullable<Driver['releaseSavepoint']>>[2]): Promise<void> {
    await this.writer.releaseSavepoint!(await writerOf(connection), name, compile);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    if (connection instanceof RoutedConnection) await connection.release();
    else await this.writer.releaseConnection(connection);
  }

  async destroy(): Promise<void> {
    await this.pool()?.close();
    await this.writer.destroy();
  }
}

/** The writer's connection behind a routed one, taken (and held until release) on the first use that needs it. */
async function writerOf(connection: DatabaseConnection): Promise<DatabaseConnection> {
  return connection instanceof RoutedConnection ? connection.hold() : connection;
}

/**
 * The one connection's use: who holds it, since when, and what each read statement has recently cost. A statement
 * that runs in a millisecond or two (a session, a report's row) costs less on this connection than the hop to a reader
 * and back, so it runs here, after the short transactions ahead of it; one never seen, or slow in its last runs, goes
 * to a reader, and so does every read while a long transaction (an import) holds the connection.
 */
class WriterUse {
  /** When the connection was last taken, while it is held. */
  heldSince: number | null = null;
  readonly #cost = new Map<string, number>();

  constructor(readonly driver: Driver) {}

  /** A read statement's recent cost is its longest run, forgotten by a tenth a run: one slow case moves it off. */
  ran(sql: string, ms: number): void {
    const before = this.#cost.get(sql);
    this.#cost.delete(sql);
    this.#cost.set(sql, before === undefined ? ms : Math.max(ms, before * 0.9));
    if (this.#cost.size > COSTS_KEPT) this.#cost.delete(this.#cost.keys().next().value!);
  }

  isCheap(sql: string): boolean {
    const cost = this.#cost.get(sql);
    if (cost === undefined || cost >= CHEAP_READ_MS) return false;
    return this.heldSince === null || performance.now() - this.heldSince < LONG_HOLD_MS;
  }
}

/**
 * A read this fast blocks the server's thread for about what a reader's round trip costs it. Measured as wall time,
 * which a loaded machine stretches: at 1 ms, session look-ups timed on readers during the deadline rush kept going
 * there, and the rush lost a third of its throughput to the hops.
 */
const CHEAP_READ_MS = 2;
/** A transaction held this long is not one of a request's own: reads do not queue behind it. */
const LONG_HOLD_MS = 20;
const COSTS_KEPT = 1000;

class RoutedConnection implements DatabaseConnection {
  #held: DatabaseConnection | null = null;

  constructor(
    private readonly writer: WriterUse,
    private readonly pool: ReaderPool,
  ) {}

  async hold(): Promise<DatabaseConnection> {
    if (!this.#held) {
      this.#held = await this.writer.driver.acquireConnection();
      this.writer.heldSince = performance.now();
    }
    return this.#held;
  }

  async release(): Promise<void> {
    if (!this.#held) return;
    const held = this.#held;
    this.#held = null;
    this.writer.heldSince = null;
    await this.writer.driver.releaseConnection(held);
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    // Once the writer is held (a transaction), every statement stays on it: a transaction reads its own writes.
    if (!this.#held && SelectQueryNode.is(query.query)) {
      if (!this.writer.isCheap(query.sql)) {
        const { rows, ms } = await this.pool.read(query.sql, query.parameters);
        this.writer.ran(query.sql, ms);
        return { rows: rows as R[] };
      }
      const started = performance.now();
      try {
        return await (await this.hold()).executeQuery<R>(query);
      } finally {
        this.writer.ran(query.sql, performance.now() - started);
        await this.release();
      }
    }
    return (await this.hold()).executeQuery<R>(query);
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    yield* (await this.hold()).streamQuery<R>(query, chunkSize);
  }
}
