import { test } from '@japa/runner'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { RulePool } from '#workers/pool'
import { splitPeriods } from '#workers/compute_day'
import type { BaselineDescription } from '#workers/rule_tasks'

const baselineModule = pathToFileURL(
  fileURLToPath(new URL('../../fixtures/settlement/rules/baseline/index.js', import.meta.url))
).href
const describe = { kind: 'describe_baseline', module: baselineModule } as const

test.group('RulePool', (group) => {
  let pool: RulePool
  group.each.teardown(() => pool.close())

  test('runs tasks in worker threads that import rule code', async ({ assert }) => {
    pool = new RulePool({ workers: 2 })
    const lease = pool.lease()
    const result = await lease.run<BaselineDescription>(describe)
    lease.release()
    assert.equal(result.version, 7)
  })

  test('reload starts a new generation; the old one finishes its lease, then closes', async ({
    assert,
  }) => {
    pool = new RulePool({ workers: 1 })
    const before = pool.lease()
    assert.equal(pool.reload(), 2)
    const after = pool.lease()
    assert.equal(before.generation, 1)
    assert.equal(after.generation, 2)
    const described = await before.run<BaselineDescription>(describe)
    assert.equal(described.version, 7)
    assert.deepEqual(pool.liveGenerations(), [1, 2])
    before.release()
    await new Promise((resolve) => setTimeout(resolve, 200))
    assert.deepEqual(pool.liveGenerations(), [2])
    const again = await after.run<BaselineDescription>(describe)
    assert.equal(again.version, 7)
    after.release()
  })

  test('a lease for changed rule code starts a new generation', async ({ assert }) => {
    pool = new RulePool({ workers: 1 })
    const first = pool.lease('production', 'rules-a')
    const same = pool.lease('production', 'rules-a')
    const changed = pool.lease('production', 'rules-b')
    assert.deepEqual([first.generation, same.generation, changed.generation], [1, 1, 2])
    for (const lease of [first, same, changed]) lease.release()
  })

  test("caps each owner's tasks so a sandbox cannot fill the pool", async ({ assert }) => {
    pool = new RulePool({ workers: 2 })
    const sandbox = pool.lease('sandbox:1')
    assert.equal(sandbox.parallelism, 1)
    const running = [1, 2, 3].map(() => sandbox.run(describe))
    assert.deepEqual(pool.ownerLoad('sandbox:1'), { active: 1, waiting: 2 })
    const production = pool.lease('production')
    assert.equal(production.parallelism, 2)
    const mine = production.run(describe)
    assert.deepEqual(pool.ownerLoad('production'), { active: 1, waiting: 0 })
    await Promise.all([...running, mine])
    assert.deepEqual(pool.ownerLoad('sandbox:1'), { active: 0, waiting: 0 })
    sandbox.release()
    production.release()
  })

  test('a released lease or a closed pool refuses work', async ({ assert }) => {
    pool = new RulePool({ workers: 1 })
    const lease = pool.lease()
    lease.release()
    assert.throws(() => lease.run(describe), /released/)
    await pool.close()
    assert.throws(() => pool.lease(), /closed/)
  })
})

test.group('splitPeriods', () => {
  test('splits a day into contiguous, nearly equal ranges', ({ assert }) => {
    assert.deepEqual(splitPeriods(50, 3), [
      { first: 1, last: 16 },
      { first: 17, last: 33 },
      { first: 34, last: 50 },
    ])
    assert.deepEqual(splitPeriods(2, 4), [
      { first: 1, last: 1 },
      { first: 2, last: 2 },
    ])
  })
})
