import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../../shared/errors';
import { AppError } from '../errors';
import { SpreadsheetFormatError, UnsafeSpreadsheetError, type SpreadsheetLimit } from './errors';
import { parseTasks, type ParseTask } from './parse-tasks';
import { listZipEntries } from './zip-guard';

// Reading a workbook is synchronous work: exceljs or the direct reader take about a
// second for a sheet near the cell cap, and no other request is answered meanwhile.
// Big files are therefore read on worker threads, under a memory and a time limit;
// small ones (the usual SoA or questionnaire) stay inline, where they cost less than
// the trip to a thread. Starting a worker costs about half a second (loading exceljs
// and the schemas), so workers are kept, one task at a time each, until idle a while.

export interface OffThreadOptions {
  /** Files that unpack to at most this many bytes are read inline. */
  inlineBytes: number;
  timeoutMs: number;
}

export const defaultOffThreadOptions: Readonly<OffThreadOptions> = {
  inlineBytes: 512 * 1024,
  timeoutMs: 30_000,
};

/** V8 heap of one worker: a reading that needs more is refused instead of swelling the server. */
export const WORKER_MEMORY_MB = 1024;
/** Readings at once: each may use WORKER_MEMORY_MB, so a burst of uploads waits in line instead of multiplying memory. */
const PARALLEL = Math.max(1, Math.min(2, os.availableParallelism() - 1));
const IDLE_MS = 60_000;

type ParseResult<T extends ParseTask> = Awaited<ReturnType<(typeof parseTasks)[T]>>;

interface PostedError {
  name: string;
  message: string;
  code?: ErrorCode;
  details?: unknown;
  stack?: string;
}

interface Job {
  id: number;
  task: ParseTask;
  args: unknown[];
  timeoutMs: number;
  resolve(value: unknown): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer?: NodeJS.Timeout;
}

const slots: Slot[] = [];
const queue: Job[] = [];
let lastId = 0;
const counts = { started: 0, onWorker: 0, inline: 0 };

/** How readings ran since the process started: workers started, readings on a worker and inline; workers alive now. */
export function parseWorkerStats(): { started: number; onWorker: number; inline: number; alive: number } {
  return { ...counts, alive: slots.length };
}

/** The worker's entry: the compiled file in a build, else the TypeScript source, compiled by tsx as in development and tests. */
function workerEntry(): { file: string; execArgv?: string[] } {
  const js = path.join(__dirname, 'parse-worker.js');
  if (fs.existsSync(js)) return { file: js };
  return { file: path.join(__dirname, 'parse-worker.ts'), execArgv: ['--require', require.resolve('tsx/cjs')] };
}

/**
 * A deep copy built in this module's realm. A worker's message is built in the
 * main context; where code runs in another (jest's sandbox), a Date from it
 * fails `instanceof Date` and the SoA parser would read it as no date.
 */
function local(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Object.prototype.toString.call(v) === '[object Date]') return new Date((v as Date).getTime());
  if (Array.isArray(v)) return v.map(local);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = local(x);
  return out;
}

/** The worker's error as the class the error handler knows, so the answer is the same as when read inline. */
function revive(e: PostedError): Error {
  const details = e.details as { limit?: SpreadsheetLimit; fields?: { path: string }[] } | undefined;
  if (e.name === 'UnsafeSpreadsheetError' && details?.limit) return new UnsafeSpreadsheetError(details.limit, e.message);
  if (e.name === 'SpreadsheetFormatError') return new SpreadsheetFormatError(e.message, details?.fields?.[0]?.path ?? 'file');
  if (e.code) return new AppError(e.code, e.message, e.details);
  const err = new Error(e.message);
  err.name = e.name;
  if (e.stack) err.stack = e.stack;
  return err;
}

function retire(slot: Slot, err: Error): void {
  const at = slots.indexOf(slot);
  if (at < 0) return;
  slots.splice(at, 1);
  clearTimeout(slot.timer);
  const job = slot.job;
  slot.job = null;
  void slot.worker.terminate();
  job?.reject(err);
  pump();
}

function spawn(): Slot {
  const { file, execArgv } = workerEntry();
  const worker = new Worker(file, { execArgv, resourceLimits: { maxOldGenerationSizeMb: WORKER_MEMORY_MB } });
  const slot: Slot = { worker, job: null };
  worker.on('message', (m: { id: number } & ({ ok: true; result: unknown } | { ok: false; error: PostedError })) => {
    const job = slot.job;
    if (!job || job.id !== m.id) return;
    clearTimeout(slot.timer);
    slot.job = null;
    worker.unref();
    slot.timer = setTimeout(() => retire(slot, new Error('idle')), IDLE_MS).unref();
    if (m.ok) job.resolve(local(m.result));
    else job.reject(revive(local(m.error) as PostedError));
    pump();
  });
  worker.on('error', (err: Error & { code?: string }) =>
    retire(slot, err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new UnsafeSpreadsheetError('memory', `The file needs more than ${WORKER_MEMORY_MB} MB of memory to read; it is refused`) : err),
  );
  worker.on('exit', (code) => retire(slot, new Error(`The parse worker exited (code ${code}) without an answer`)));
  slots.push(slot);
  counts.started += 1;
  return slot;
}

/** Hands queued jobs to idle workers, starting workers up to PARALLEL. */
function pump(): void {
  while (queue.length) {
    const slot = slots.find((s) => !s.job) ?? (slots.length < PARALLEL ? spawn() : undefined);
    if (!slot) return;
    const job = queue.shift()!;
    clearTimeout(slot.timer);
    slot.job = job;
    // Referenced while it works, so a script awaiting the answer does not exit first.
    slot.worker.ref();
    slot.timer = setTimeout(() => retire(slot, new UnsafeSpreadsheetError('readTime', `The file took more than ${job.timeoutMs / 1000} s to read; it is refused`)), job.timeoutMs);
    slot.worker.postMessage({ id: job.id, task: job.task, args: job.args });
  }
}

/** Runs one parse task on a worker thread and settles with its result or its error. */
export function runOnWorker<T extends ParseTask>(task: T, args: Parameters<(typeof parseTasks)[T]>, given: Partial<OffThreadOptions> = {}): Promise<ParseResult<T>> {
  const { timeoutMs } = { ...defaultOffThreadOptions, ...given };
  return new Promise<ParseResult<T>>((resolve, reject) => {
    lastId += 1;
    counts.onWorker += 1;
    queue.push({ id: lastId, task, args: args as unknown[], timeoutMs, resolve: resolve as (v: unknown) => void, reject });
    pump();
  });
}

/** Stops every worker and refuses what is queued (shutdown, tests). */
export async function closeParseWorkers(): Promise<void> {
  for (const job of queue.splice(0)) job.reject(new Error('The parse workers were closed'));
  await Promise.all([...slots].map((s) => retire(s, new Error('The parse workers were closed'))));
}

/** How many bytes the file unpacks to, as its zip directory declares (the guard checks the truth); a CSV is its size. */
function unpackedSize(buffer: Buffer, kind: 'xlsx' | 'csv'): number {
  if (kind === 'csv') return buffer.length;
  try {
    return listZipEntries(buffer).reduce((n, e) => n + e.uncompressedSize, 0);
  } catch {
    // Not a readable zip: the reader refuses it at once, inline.
    return 0;
  }
}

/** Runs a parse task inline when the file is small, else on a worker thread. */
export function parseOffThread<T extends ParseTask>(
  task: T,
  args: Parameters<(typeof parseTasks)[T]>,
  kind: 'xlsx' | 'csv',
  given: Partial<OffThreadOptions> = {},
): Promise<ParseResult<T>> {
  const opts = { ...defaultOffThreadOptions, ...given };
  const buffer = args[0] as Buffer;
  if (unpackedSize(buffer, kind) <= opts.inlineBytes) {
    const run = parseTasks[task] as (...a: unknown[]) => Promise<ParseResult<T>>;
    counts.inline += 1;
    return run(...args);
  }
  return runOnWorker(task, args, opts);
}
