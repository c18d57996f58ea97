import { test } from '@japa/runner'
import { StageTracker } from '#settlement/runs/stage_tracker'

/** A tracker on a clock the test moves. */
function tracker() {
  let now = 0
  const t = new StageTracker(() => now)
  return { t, at: (ms: number) => (now = ms) }
}

const report = (stageId: string, done: number, total = 2, scope: 'period' | 'day' = 'period') => ({
  stageId,
  scope,
  done,
  total,
})

test.group('StageTracker', () => {
  test('a stage runs from when the first range passed the stage before it until every range passed it', ({
    assert,
  }) => {
    const { t, at } = tracker()
    assert.deepInclude(t.update(report('a', 0))[0], {
      stageId: 'a',
      status: 'running',
      elapsedMs: 0,
    })
    assert.deepInclude(t.update(report('b', 0))[0], {
      stageId: 'b',
      status: 'pending',
      elapsedMs: null,
    })
    at(100)
    const changed = t.update(report('a', 1))
    assert.deepEqual(
      changed.map((stage) => [stage.stageId, stage.status, stage.done]),
      [
        ['a', 'running', 1],
        ['b', 'running', 0],
      ]
    )
    at(250)
    assert.deepInclude(t.update(report('a', 2))[0], { status: 'succeeded', elapsedMs: 250 })
    assert.equal(t.running()?.stageId, 'b')
    at(400)
    assert.deepInclude(t.update(report('b', 2))[0], { status: 'succeeded', elapsedMs: 300 })
    assert.isUndefined(t.running())
  })

  test('day stages start on their own; finish() gives final statuses and compute times', ({
    assert,
  }) => {
    const { t, at } = tracker()
    t.update(report('a', 0))
    at(50)
    t.update(report('a', 2))
    at(60)
    assert.deepInclude(t.update(report('totals', 0, 1, 'day'))[0], { status: 'running' })
    at(90)
    const final = t.finish([
      { id: 'a', scope: 'period', status: 'succeeded', ms: 80 },
      { id: 'totals', scope: 'day', status: 'failed', ms: 12 },
      { id: 'later', scope: 'day', status: 'not_run', ms: 0 },
    ])
    assert.deepEqual(
      final.map((stage) => [stage.stageId, stage.status, stage.cpuMs, stage.elapsedMs]),
      [
        ['a', 'succeeded', 80, 50],
        ['totals', 'failed', 12, 30],
        ['later', 'not_run', null, null],
      ]
    )
  })

  test('a stage first seen already done still gets a status and a time', ({ assert }) => {
    const { t } = tracker()
    t.update(report('a', 2))
    assert.deepInclude(t.update(report('b', 2))[0], { status: 'succeeded', done: 2 })
  })
})
