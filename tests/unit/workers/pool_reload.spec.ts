import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from '@japa/runner'
import { RulePool, type PoolLease } from '#workers/pool'
import { watchFolders } from '#workers/rules_watcher'
import type { ModuleDescription } from '#workers/rule_tasks'

/**
 * Hot reload on the pool (issue 4 §4): a new generation warms up before it
 * takes work, work in flight finishes on the old one, a failed warm-up
 * changes nothing, and memory stays bounded across many generation switches.
 */
const baselineModule = new URL('../../../rules/baseline/index.js', import.meta.url).href
const describe = { kind: 'describe_module', module: baselineModule, role: 'baseline' } as const
const settled = async (pool: RulePool) => {
  while (pool.liveGenerations().length > 1) await new Promise((resolve) => setTimeout(resolve, 20))
}

test.group('RulePool hot reload', (group) => {
  let pool: RulePool
  group.each.teardown(() => pool.close())

  test('a new generation takes work only once warmed; work in flight finishes on the old', async ({
    assert,
  }) => {
    pool = new RulePool({ workers: 1 })
    const inFlight = pool.lease()
    let duringWarm: PoolLease | undefined
    const reloaded = pool.reloadWhenReady('code-b', async (lease) => {
      duringWarm = pool.lease()
      const described = await lease.run<ModuleDescription>(describe)
      assert.isTrue(described.ok)
    })
    assert.equal(await reloaded, 2)
    assert.equal(inFlight.generation, 1)
    assert.equal(duringWarm!.generation, 1)
    assert.equal(pool.lease().generation, 2)
    assert.deepEqual(pool.liveGenerations(), [1, 2])
    const described = await inFlight.run<ModuleDescription>(describe)
    assert.isTrue(described.ok)
    inFlight.release()
    duringWarm!.release()
    await settled(pool)
    assert.deepEqual(pool.liveGenerations(), [2])
    assert.isTrue(pool.runs('code-b'))
  })

  test('a failed warm-up leaves the current generation in charge and closes the new one', async ({
    assert,
  }) => {
    pool = new RulePool({ workers: 1 })
    await assert.rejects(
      () =>
        pool.reloadWhenReady('broken', async () => {
          throw new Error('validation failed')
        }),
      'validation failed'
    )
    assert.equal(pool.generation, 1)
    assert.isFalse(pool.runs('broken'))
    await settled(pool)
    assert.deepEqual(pool.liveGenerations(), [1])
  })

  test('a run asking for the code a generation is warming with gets that generation', async ({
    assert,
  }) => {
    pool = new RulePool({ workers: 1 })
    pool.lease('production', 'code-a').release()
    let release!: () => void
    const reloaded = pool.reloadWhenReady('code-b', () => new Promise<void>((r) => (release = r)))
    const lease = pool.lease('production', 'code-b')
    assert.equal(lease.generation, 2)
    release()
    assert.equal(await reloaded, 2)
    assert.equal(pool.generation, 2)
    lease.release()
  })

  test('memory stays bounded across 20 generation switches', async ({ assert }) => {
    pool = new RulePool({ workers: 1 })
    const warm = async (lease: PoolLease) => {
      await lease.run(describe)
    }
    for (let i = 0; i < 3; i++) {
      await pool.reloadWhenReady(undefined, warm)
      await settled(pool)
    }
    const before = process.memoryUsage()
    for (let i = 0; i < 20; i++) {
      await pool.reloadWhenReady(undefined, warm)
      await settled(pool)
    }
    const after = process.memoryUsage()
    assert.deepEqual(pool.liveGenerations(), [pool.generation])
    assert.equal(pool.generation, 24)
    // A generation that never closed would keep its thread (~25 MB with the rules loaded): 20, ~500 MB.
    const grownMb = (after.rss - before.rss) / 2 ** 20
    assert.isBelow(grownMb, 64, `RSS grew ${grownMb.toFixed(1)} MB over 20 reloads`)
    assert.isBelow((after.heapUsed - before.heapUsed) / 2 ** 20, 16)
  }).timeout(120_000)
})

test.group('Rule folder watcher', (group) => {
  let dir: string
  group.each.setup(() => {
    dir = mkdtempSync(join(tmpdir(), 'rules-watch-'))
    return () => rmSync(dir, { recursive: true, force: true })
  })

  test('a burst of changes is one reload, timed from its first change', async ({ assert }) => {
    const calls: number[] = []
    const watch = watchFolders([dir], (firstChangeAt) => calls.push(firstChangeAt), 150)
    const started = performance.now()
    mkdirSync(join(dir, 'p1'))
    for (const file of ['manifest.yaml', 'index.ts', 'README.md'])
      writeFileSync(join(dir, 'p1', file), 'x')
    await new Promise((resolve) => setTimeout(resolve, 500))
    watch.close()
    assert.lengthOf(calls, 1)
    assert.isAtLeast(calls[0], started)
  })

  test('hidden files (upload staging, editor swap files) are not changes', async ({ assert }) => {
    const calls: number[] = []
    const watch = watchFolders([dir], (at) => calls.push(at), 100)
    mkdirSync(join(dir, '.staging', 'x'), { recursive: true })
    writeFileSync(join(dir, '.staging', 'x', 'manifest.yaml'), 'x')
    writeFileSync(join(dir, '.swap'), 'x')
    await new Promise((resolve) => setTimeout(resolve, 400))
    watch.close()
    assert.lengthOf(calls, 0)
  })
})
