import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { leaseSize, ProviderBudgets } from '../../src/sms/provider-budgets';
import type { ProviderLimits } from '../../src/sms/providers/providers.config';
import { useRepositoryDb } from '../support/repositories';

const limits = (maxPerMinute: number, maxPerHour = 10_000, maxPerDay = 100_000): ProviderLimits => ({
  priority: 1,
  maxPerMinute,
  maxPerHour,
  maxPerDay,
});

/** 10:00:30 UTC: mid-minute, so that `+ seconds` stays in the same minute. */
const T0 = Date.parse('2026-01-15T10:00:30Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000);

describe('ProviderBudgets (real Postgres)', () => {
  const fixture = useRepositoryDb();
  const budgetRow = async (provider: string) =>
    (
      await fixture.db.query<{ minute_count: number; hour_count: number; day_count: number }>(
        `SELECT minute_count, hour_count, day_count FROM sms_provider_budgets WHERE provider = $1`,
        [provider],
      )
    )[0];
  const granted = (takes: boolean[]) => takes.filter(Boolean).length;

  it('tryTake admits exactly maxPerMinute of 50 concurrent takes (one instance, leases of one slot)', async () => {
    const budget = limits(10);
    assert.equal(leaseSize(budget), 1);
    const budgets = new ProviderBudgets(fixture.db);
    const takes = await Promise.all(Array.from({ length: 50 }, () => budgets.tryTake('ONE_SLOT', budget, at(0))));
    assert.equal(granted(takes), 10);
    assert.deepEqual(await budgetRow('ONE_SLOT'), { minute_count: 10, hour_count: 10, day_count: 10 });
  });

  it('tryTake admits exactly maxPerMinute of 50 concurrent takes with leases of several slots', async () => {
    const budget = limits(40);
    assert.equal(leaseSize(budget), 2);
    const budgets = new ProviderBudgets(fixture.db);
    const takes = await Promise.all(Array.from({ length: 50 }, () => budgets.tryTake('BLOCKS', budget, at(0))));
    assert.equal(granted(takes), 40);
    assert.equal((await budgetRow('BLOCKS')).minute_count, 40);
  });

  it('two instances racing 50 takes on one database admit exactly maxPerMinute together', async () => {
    const budget = limits(10);
    const a = new ProviderBudgets(fixture.db);
    const b = new ProviderBudgets(fixture.db);
    const takes = await Promise.all(
      Array.from({ length: 50 }, (_, i) => (i % 2 ? b : a).tryTake('SHARED', budget, at(0))),
    );
    assert.equal(granted(takes), 10);
    assert.equal((await budgetRow('SHARED')).minute_count, 10);
  });

  it('a window never moves back: an instance whose clock is behind counts in the newer minute, never resets it', async () => {
    const budget = limits(2);
    const ahead = new ProviderBudgets(fixture.db);
    const behind = new ProviderBudgets(fixture.db);
    // 10:01:00.5 on one instance, 10:00:59.9 on the other (skew, or a time read just before the minute turned).
    const newer = new Date(Date.parse('2026-01-15T10:01:00.500Z'));
    const older = new Date(Date.parse('2026-01-15T10:00:59.900Z'));
    assert.equal(await ahead.tryTake('SKEWED', budget, newer), true);
    const late = await behind.tryTake('SKEWED', budget, older);
    const rest = await Promise.all([1, 2, 3].map(() => ahead.tryTake('SKEWED', budget, newer)));
    assert.equal(granted([true, late, ...rest]), 2, 'the minute 10:01 admits its budget, the late take included');
    assert.equal((await budgetRow('SKEWED')).minute_count, 2);
  });

  it('a spent minute refuses until the next minute; the hour budget holds across minutes', async () => {
    const budget = limits(3, 5);
    const budgets = new ProviderBudgets(fixture.db);
    const take = (seconds: number) => budgets.tryTake('WINDOWS', budget, at(seconds));
    assert.deepEqual(await Promise.all([take(0), take(0), take(0), take(0)]).then((t) => t.sort()), [
      false,
      true,
      true,
      true,
    ]);
    assert.equal(await take(20), false, 'the same minute');
    assert.deepEqual(
      [await take(60), await take(60), await take(60)],
      [true, true, false],
      'a new minute, but 5 an hour',
    );
    assert.deepEqual(await budgetRow('WINDOWS'), { minute_count: 2, hour_count: 5, day_count: 5 });
    assert.equal(await take(3600), true, 'a new hour');
  });

  it('giveBack returns a slot taken but not used: the next take gets it without leasing more', async () => {
    const budget = limits(1);
    const budgets = new ProviderBudgets(fixture.db);
    assert.equal(await budgets.tryTake('GIVE_BACK', budget, at(0)), true);
    assert.equal(await budgets.tryTake('GIVE_BACK', budget, at(1)), false, 'spent');
    budgets.giveBack('GIVE_BACK');
    assert.equal(await budgets.tryTake('GIVE_BACK', budget, at(2)), true, 'the slot given back');
    assert.equal(await budgets.tryTake('GIVE_BACK', budget, at(3)), false, 'only that one');
    assert.equal((await budgetRow('GIVE_BACK')).minute_count, 1, 'the database counted one slot in all');
  });

  it('giveBack is per provider, and a no-op for a provider that took nothing', async () => {
    const budget = limits(1);
    const budgets = new ProviderBudgets(fixture.db);
    budgets.giveBack('NEVER_TOOK');
    assert.equal(await budgets.tryTake('NEVER_TOOK', budget, at(0)), true);
    assert.equal(await budgets.tryTake('NEVER_TOOK', budget, at(0)), false, 'no phantom slot from the early giveBack');

    assert.equal(await budgets.tryTake('OTHER', budget, at(0)), true);
    budgets.giveBack('OTHER');
    assert.equal(await budgets.tryTake('NEVER_TOOK', budget, at(0)), false, "OTHER's slot is not NEVER_TOOK's");
  });
});
