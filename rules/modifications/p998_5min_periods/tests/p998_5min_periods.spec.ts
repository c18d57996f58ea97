import { shortPeriodsSuite } from '../../_support/short_periods_suite.js'

/** Fixture: 2026-03-29 (spring clock change, 46 half hours) with data in periods 1–8. */
await shortPeriodsSuite(new URL('../', import.meta.url), 5, 276)
