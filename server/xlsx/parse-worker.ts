// Entry of a parse worker thread: runs tasks from parse-tasks, one at a time,
// and posts each result or error back with the task's id.
import { parentPort } from 'node:worker_threads';
import { AppError } from '../errors';
import { parseTasks, type ParseTask } from './parse-tasks';

parentPort!.on('message', async ({ id, task, args }: { id: number; task: ParseTask; args: unknown[] }) => {
  try {
    const run = parseTasks[task] as (...a: unknown[]) => Promise<unknown>;
    // A Buffer arrives as a plain Uint8Array: the readers need Buffer's methods back.
    const given = args.map((a) => (a instanceof Uint8Array ? Buffer.from(a.buffer, a.byteOffset, a.byteLength) : a));
    parentPort!.postMessage({ id, ok: true, result: await run(...given) });
  } catch (err) {
    const e = err as Error;
    parentPort!.postMessage({ id, ok: false, error: { name: e.name, message: e.message, code: err instanceof AppError ? err.code : undefined, details: err instanceof AppError ? err.details : undefined, stack: e.stack } });
  }
});
