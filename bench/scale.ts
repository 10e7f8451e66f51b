import { Client } from 'pg';

/**
 * The send log and challenges of a large deployment, generated in SQL (not
 * through HTTP): `sendLogRows` attempts spread over the last 91 days (so about
 * a day's worth is past the 90-day retention, for the cleanup to remove) and
 * `challenges` finished challenges of as many users over the last 30 days.
 * Inserted in chunks, then analysed, so the planner sees the real sizes.
 */
export async function preload(databaseUrl: string, sendLogRows: number, challenges: number): Promise<number> {
  const started = performance.now();
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const chunk = 1_000_000;
    for (let from = 0; from < sendLogRows; from += chunk) {
      await client.query(
        `INSERT INTO sms_send_log (user_id, provider, attempt, status, provider_message_id, segments, encoding, price,
                                   currency, country, estimated_usd, latency_ms, channel, created_at, updated_at, delivered_at)
         SELECT 'scale-user-' || (g % 200000), 'MOCK', 1, 'delivered', 'scale-' || g, 1, 'GSM-7', 0.0079, 'USD', 'US',
                0.0079, 120, 'sms', t, t, t + interval '3 seconds'
           FROM generate_series($1::bigint, $2::bigint) g,
                LATERAL (SELECT now() - (g % 7862400) * interval '1 second' AS t) at`,
        [from, Math.min(sendLogRows, from + chunk) - 1],
      );
    }
    await client.query(
      `INSERT INTO mfa_challenges (id, user_id, phone_e164, purpose, code_hash, expires_at, attempts, max_attempts,
                                   consumed_at, client_ip, created_at, country, prefix, channel)
       SELECT gen_random_uuid(), 'scale-user-' || g, '+1415' || (3000000 + g), 'login', '\\x00'::bytea,
              t + interval '10 minutes', 1, 3, t + interval '1 minute', '203.0.113.1', t, 'US', '+14153', 'sms'
         FROM generate_series(1, $1::bigint) g, LATERAL (SELECT now() - (g % 2592000) * interval '1 second' AS t) at`,
      [challenges],
    );
    await client.query('ANALYZE sms_send_log');
    await client.query('ANALYZE mfa_challenges');
  } finally {
    await client.end();
  }
  return Math.round((performance.now() - started) / 1000);
}

/**
 * Analyses the database and flushes the server's dirty pages before a measured run, so that a run does
 * not pay for the writes of the one before it (a dropped database, a preload):
 * without it, whichever of two back-to-back runs goes second is 20–30 % slower.
 */
export async function analyzeAndCheckpoint(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Statistics first, as autovacuum keeps them on a running database: a table grown in seconds and
    // never analysed gets plans for an empty one (the live-challenge lookup then scans
    // every live challenge: 2 ms instead of 0.1).
    await client.query('ANALYZE');
    await client.query('CHECKPOINT');
  } finally {
    await client.end();
  }
}
