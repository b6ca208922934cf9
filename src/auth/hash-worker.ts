/**
 * A thread that derives password keys for src/auth/passwords.ts. scrypt runs here
 * synchronously, on this thread, at a lower scheduling priority than the event loop: a
 * hash takes a core for a few hundred ms, and at the same priority a wave of sign-ins
 * delayed every other request that needed that core (the sign-in storm in `npm run bench`).
 * Linux keeps a nice value per thread. Elsewhere `setPriority` would lower the priority of
 * the whole process, so this thread keeps the process's priority there.
 */
import { scryptSync } from 'node:crypto';
import { getPriority, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';

export interface HashJob {
  password: string;
  salt: Buffer;
  keyBytes: number;
  params: { N: number; r: number; p: number; maxmem: number };
}

export type HashAnswer = { key: Uint8Array } | { error: string };

if (process.platform === 'linux') {
  try {
    // Never raised: an unprivileged process may only lower its priority.
    setPriority(Math.max(getPriority(), (workerData as { nice: number }).nice));
  } catch {
    // Not permitted here: the hash then runs at the process's priority, as it did on the thread pool.
  }
}

parentPort?.on('message', (job: HashJob) => {
  let answer: HashAnswer;
  try {
    answer = { key: scryptSync(job.password, job.salt, job.keyBytes, job.params) };
  } catch (error) {
    answer = { error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(answer);
});
