import { JsonClient } from './http-client';
import { runPhase } from './stats';

/**
 * The load generator, in a child process so that the server under test keeps
 * its process to itself (and its memory is measured alone). Receives one phase
 * at a time over IPC, answers its figures.
 */
export interface PhaseRequest {
  total: number;
  concurrency: number;
  path: string;
  /** Per operation i: the token and body to send. */
  tokens: string[];
  bodies: unknown[];
  /** Per operation i: the client address (X-Forwarded-For). */
  ips: string[];
  expectStatus: number;
}

const client = new JsonClient(Number(process.argv[2]), 64);

process.on('message', async (req: PhaseRequest | 'close') => {
  if (req === 'close') {
    client.close();
    process.disconnect();
    return;
  }
  let firstError: string | undefined;
  const result = await runPhase(req.total, req.concurrency, async (i) => {
    const reply = await client.post(req.path, req.tokens[i], req.bodies[i], req.ips[i]);
    const ok = reply.status === req.expectStatus;
    if (!ok) firstError ??= `${reply.status} ${JSON.stringify(reply.body)}`;
    return ok;
  });
  process.send!(firstError ? { ...result, firstError } : result);
});
