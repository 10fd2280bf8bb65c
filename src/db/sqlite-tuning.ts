// How much memory an SQLite file gets as a server database: its page cache and memory-mapped window, sized from the
// file and the machine, each overridable from the environment.

/** What the sizes are computed from; the environment's overrides come in as the strings the operator wrote. */
export interface SqliteMachine {
  fileBytes: number;
  totalMemoryBytes: number;
  /** Cores the process may use (`os.availableParallelism()`). */
  cores: number;
  env: { TIAODU_SQLITE_CACHE_MB?: string; TIAODU_SQLITE_MMAP_MB?: string; TIAODU_SQLITE_READERS?: string };
  /**
   * A command that reads what it needs once and exits (an export streaming a province's ledger): pages it passes are
   * not read again, so a cache or window the size of the file would only fill its resident set, 300 MiB for a province.
   */
  singlePass?: boolean;
}

export interface SqliteTuning {
  /** The page cache, in KiB (SQLite's `cache_size` takes it as a negative number). */
  cacheKiB: number;
  /** The memory-mapped window (`mmap_size`), in bytes; 0 turns mapping off. */
  mmapBytes: number;
  /** Pages the write-ahead log may hold before the writing connection checkpoints it itself. */
  walAutocheckpointPages: number;
  /**
   * Reader connections on worker threads for a server's reads (src/db/sqlite-readers.ts), each with a share of the
   * page cache; 0 runs every statement on the one connection.
   */
  readers: number;
}

const MiB = 1024 * 1024;
/** SQLite's own default is 2 MiB: a province (hundreds of MiB) then reads most pages from the OS on every scan. */
const MIN_CACHE_MIB = 32;
/** A cache of an eighth of the machine at most: the server, PostgreSQL or a second tiaodu may share it. */
const CACHE_SHARE_OF_MEMORY = 1 / 8;
/** The mapped window may take a quarter: it is the operating system's page cache, given back under pressure. */
const MMAP_SHARE_OF_MEMORY = 1 / 4;
/** Room for the file to grow between restarts before its tail falls outside the mapped window. */
const MMAP_GROWTH = 2;
/**
 * A background checkpointer (src/db/sqlite-checkpointer.ts) keeps the log short while a server runs; the writer's own
 * checkpoint is the backstop, at 16 MiB of 4 KiB pages rather than SQLite's 4 MiB, so a writer seldom pays for it.
 */
const WAL_AUTOCHECKPOINT_PAGES = 4096;
/**
 * The readers are sized for requests at once, not for cores: a read waits only when every reader has one in hand, so
 * a county's short read must find a free reader while province-wide reads of a second or more run on the others (with
 * four readers on two cores it waited 1.0 s behind three of them; with eight, 0.13 s, the cores shared by the
 * operating system). Four per core, eight at least and sixteen at most; each is a thread with a share of the cache.
 */
const READERS_PER_CORE = 4;
const MIN_READERS = 8;
const MAX_READERS = 16;
const MAX_READERS_OVERRIDE = 64;

/** An override in MiB: a whole number from 0 (off) up; anything else is refused by name, not silently ignored. */
function overrideMiB(name: string, value: string | undefined): number | undefined {
  return overrideCount(name, value, { max: 1024 * 1024, unit: 'MiB' });
}

/** A whole number an operator set in the environment, or undefined when unset; anything else is refused by name. */
export function overrideCount(name: string, value: string | undefined, range: { min?: number; max: number; unit?: string }): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  const { min = 0, max, unit } = range;
  if (!Number.isInteger(n) || n < min || n > max) throw new RangeError(`${name} 应为 ${min} 到 ${max} 之间的整数${unit ? `（${unit}）` : ''}，现为「${value}」`);
  return n;
}

/**
 * The page cache holds the whole file when the machine can spare it (a county's file is tens of MiB, a province's a
 * few hundred), else an eighth of the memory; the mapped window covers the file twice over, within a quarter. A single
 * pass gets the smallest cache and no window.
 */
export function sqliteTuning(m: SqliteMachine): SqliteTuning {
  const cacheOverride = overrideMiB('TIAODU_SQLITE_CACHE_MB', m.env.TIAODU_SQLITE_CACHE_MB);
  const mmapOverride = overrideMiB('TIAODU_SQLITE_MMAP_MB', m.env.TIAODU_SQLITE_MMAP_MB);
  const fileMiB = Math.ceil(m.fileBytes / MiB);
  if (m.singlePass) return { cacheKiB: (cacheOverride ?? MIN_CACHE_MIB) * 1024, mmapBytes: (mmapOverride ?? 0) * MiB, walAutocheckpointPages: WAL_AUTOCHECKPOINT_PAGES, readers: 0 };
  const cacheMiB = cacheOverride ?? Math.max(MIN_CACHE_MIB, Math.min(Math.ceil(fileMiB * 1.25), Math.floor((m.totalMemoryBytes * CACHE_SHARE_OF_MEMORY) / MiB)));
  const mmapMiB = mmapOverride ?? Math.min(Math.max(MIN_CACHE_MIB, fileMiB * MMAP_GROWTH), Math.floor((m.totalMemoryBytes * MMAP_SHARE_OF_MEMORY) / MiB));
  const readers = overrideCount('TIAODU_SQLITE_READERS', m.env.TIAODU_SQLITE_READERS, { max: MAX_READERS_OVERRIDE }) ?? Math.min(MAX_READERS, Math.max(MIN_READERS, m.cores * READERS_PER_CORE));
  return { cacheKiB: cacheMiB * 1024, mmapBytes: mmapMiB * MiB, walAutocheckpointPages: WAL_AUTOCHECKPOINT_PAGES, readers };
}
