// What a benchmark section is given and what it records: the contract between bench/run.ts and bench/sections/.

import type { DatabaseHandle } from '../../src/db/connect.ts';
import type { BenchSize, GenerateResult } from '../generate.ts';
import type { BenchDatabase, BenchDialect, RawDatabase } from './databases.ts';
import type { MeasureOptions } from './measure.ts';

/** A target beside a figure: met or missed. Targets are the issues', and apply at province and national size. */
export interface TargetCheck {
  text: string;
  pass: boolean;
}

export interface ResultRow {
  database: BenchDatabase;
  size: BenchSize;
  section: string;
  measurement: string;
  value: number;
  unit: 'ms' | 'MiB' | 's' | 'µs' | '×';
  p95?: number;
  runs?: number;
  /** The median of the hand-written query timed alongside, and value ÷ it. */
  rawMs?: number;
  ratio?: number;
  targets: TargetCheck[];
  note?: string;
  error?: string;
}

export type RecordedRow = Omit<ResultRow, 'database' | 'size' | 'section' | 'targets'> & { targets?: TargetCheck[] };

export interface SectionContext {
  /** The dialect its SQL is written in (the sharded layout's is PostgreSQL's). */
  database: BenchDialect;
  size: BenchSize;
  /** What openDatabase and `tiaodu serve --db` take: an SQLite path or a postgres:// URL. */
  target: string;
  handle: DatabaseHandle;
  raw: RawDatabase;
  /** Another empty database on the same server, for a section that needs its own (dropped by the section). */
  freshDatabase(name: string): Promise<{ target: string; drop: () => Promise<void> }>;
  generated: GenerateResult;
  /** Whether the issues' targets apply (province and national size). */
  targetsApply: boolean;
  timing: { fast: MeasureOptions; slow: MeasureOptions };
  quick: boolean;
  log(line: string): void;
  record(row: RecordedRow): void;
}

/** One benchmark: run once per database and size, after the synthetic province is generated. */
export interface BenchSection {
  id: string;
  title: string;
  run(ctx: SectionContext): Promise<void>;
  /**
   * Rows judged across the sizes of a run, once every size has run on a database: given the rows this section recorded
   * there (smallest size first), returns rows to add under the largest size.
   */
  acrossSizes?(rows: readonly ResultRow[]): RecordedRow[];
}
