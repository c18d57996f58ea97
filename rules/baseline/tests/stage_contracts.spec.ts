import { readFileSync } from 'node:fs'
import { test } from '@japa/runner'
import { buildDayInputs } from '../../../app/rules_runtime/build_day_inputs.js'
import type { DayInputs } from '../../../app/rules_runtime/frames.js'
import { compileRuleSet } from '../../../app/rules_runtime/rule_set.js'
import type { ColumnFrame, ParameterValue, Stage } from '../../../app/rules_runtime/stage.js'
import { BASELINE_VERSION, baselineStages } from '../index.js'
import { catalogue, paramsFor } from './support/harness.js'
import { randomDay } from './support/random_day.js'

/**
 * Each stage touches only the inputs, frames and parameters it declares, so the runtime's
 * dependency order and the run manifest are right and a Modification can replace any stage.
 */
function traced(
  inputs: DayInputs,
  overrides: Record<string, ParameterValue> = {}
): Map<string, Set<string>> {
  const used = new Map<string, Set<string>>()
  const frames: Record<string, ColumnFrame> = {}
  const params = paramsFor(inputs.settlementDate, overrides)
  for (const stage of baselineStages) {
    const seen = new Set<string>()
    const watch = <T extends object>(target: T, prefix: string) =>
      new Proxy(target, {
        get(object, key) {
          if (typeof key === 'string') seen.add(`${prefix}${key}`)
          return Reflect.get(object, key)
        },
      })
    const result = stage.run({
      inputs: watch(inputs, 'inputs.'),
      range: { first: 1, last: inputs.periods },
      params: watch(params, 'param:'),
      frames: watch(frames, ''),
    })
    Object.assign(frames, result.outputs)
    used.set(stage.id, seen)
  }
  return used
}

test.group('baseline: stage contracts', () => {
  test('the baseline compiles as a rule set in its declared order', ({ assert }) => {
    const compiled = compileRuleSet(
      {
        key: `baseline@${BASELINE_VERSION}`,
        baseline: { version: BASELINE_VERSION, module: '', parametersDir: '' },
        plugins: [],
      },
      baselineStages,
      []
    )
    assert.deepEqual(
      [...compiled.periodStages, ...compiled.dayStages].map(({ stage }) => stage.id),
      baselineStages.map((stage) => stage.id)
    )
  })

  test('stages read exactly the inputs, frames and parameters they declare', ({ assert }) => {
    const worked = JSON.parse(
      readFileSync(new URL('../fixtures/worked_example/input.json', import.meta.url), 'utf8')
    )
    const runs = [
      traced(buildDayInputs(worked)),
      ...[3, 8, 21].map((seed) => traced(buildDayInputs(randomDay(seed).day))),
      // a parameter read only on one branch (LoLP as a parameter) must still be declared
      traced(buildDayInputs(worked), { lolp_source: 'parameter' }),
    ]
    for (const stage of baselineStages) {
      const seen = new Set(runs.flatMap((run) => [...run.get(stage.id)!]))
      const reads = [...seen].filter((key) => !key.startsWith('param:')).sort()
      const params = [...seen]
        .filter((key) => key.startsWith('param:'))
        .map((key) => key.slice(6))
        .sort()
      assert.deepEqual(reads, [...stage.reads].sort(), `${stage.id} reads`)
      assert.deepEqual(params, [...stage.params].sort(), `${stage.id} params`)
    }
  })

  test('every parameter a stage uses is in the catalogue, and every catalogue entry is used', ({
    assert,
  }) => {
    const used = new Set(baselineStages.flatMap((stage: Stage) => stage.params))
    for (const name of used) assert.property(catalogue.parameters, name)
    // settlement_period_minutes is read by the loader that builds a day's inputs, not by a stage
    const unused = Object.keys(catalogue.parameters).filter((name) => !used.has(name))
    assert.deepEqual(unused, ['settlement_period_minutes'])
  })

  test('stage ids and written frames are unique', ({ assert }) => {
    const ids = baselineStages.map((stage) => stage.id)
    const writes = baselineStages.flatMap((stage) => stage.writes)
    assert.equal(new Set(ids).size, ids.length)
    assert.equal(new Set(writes).size, writes.length)
  })
})
