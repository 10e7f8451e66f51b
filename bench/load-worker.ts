import { parentPort, workerData } from 'node:worker_threads';
import { JsonClient } from './http-client';
import { runPhase } from './stats';

/**
 * The load generator, in a worker thread so that the server under test keeps
 * the main thread to itself. Receives one phase at a time, answers its figures.
 */
export interface PhaseRequest {
  total: number;
  concurrency: number;
  path: string;
  /** Per operation i: the token and body to send. */
  tokens: string[];
  bodies: unknown[];
  expectStatus: number;
}

const { port } = workerData as { port: number };
const client = new JsonClient(port, 64);

parentPort!.on('message', async (req: PhaseRequest | 'close') => {
  if (req === 'close') {
    client.close();
    parentPort!.close();
    return;
  }
  let firstError: string | undefined;
  const result = await runPhase(req.total, req.concurrency, async (i) => {
    const reply = await client.post(req.path, req.tokens[i], req.bodies[i]);
    const ok = reply.status === req.expectStatus;
    if (!ok) firstError ??= `${reply.status} ${JSON.stringify(reply.body)}`;
    return ok;
  });
  parentPort!.postMessage(firstError ? { ...result, firstError } : result);
});
