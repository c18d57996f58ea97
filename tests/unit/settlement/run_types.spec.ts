import { test } from '@japa/runner'
import { latestRun, type RunKey } from '#settlement/runs/run_types'

const run = (runType: RunKey['runType'], runNumber: number) => ({
  runType,
  runNumber,
  label: `${runType}#${runNumber}`,
})

test.group('latestRun (supersession, settlement.md §6)', () => {
  test('no runs: no best view', ({ assert }) => {
    assert.isNull(latestRun([]))
  })

  test('the latest run type performed wins, whatever the run numbers', ({ assert }) => {
    assert.equal(latestRun([run('SF', 3), run('R1', 1), run('SF', 4)])!.label, 'R1#1')
    assert.equal(latestRun([run('RF', 2), run('DF', 1), run('R3', 5)])!.label, 'DF#1')
  })

  test('within a run type the highest run number wins', ({ assert }) => {
    assert.equal(latestRun([run('SF', 1), run('SF', 2)])!.label, 'SF#2')
  })

  test('an Interim Information run is the view only until an invoiced run exists', ({ assert }) => {
    assert.equal(latestRun([run('II', 1), run('II', 2)])!.label, 'II#2')
    assert.equal(latestRun([run('II', 9), run('SF', 1)])!.label, 'SF#1')
  })
})
