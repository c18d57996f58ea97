import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { ApiProblem } from '#insights/api/problem'

const DatasetsController = () => import('#insights/controllers/datasets_controller')
const SettlementController = () => import('#insights/controllers/settlement_controller')
const AcceptancesController = () => import('#insights/controllers/acceptances_controller')
const DemandController = () => import('#insights/controllers/demand_controller')
const GenerationController = () => import('#insights/controllers/generation_controller')
const ReferenceController = () => import('#insights/controllers/reference_controller')
const RemitController = () => import('#insights/controllers/remit_controller')
const RemitSubmissionsController = () =>
  import('#insights/controllers/remit_submissions_controller')
const InsightsHealthController = () => import('#insights/controllers/health_controller')
const ExtController = () => import('#insights/controllers/ext_controller')
const ReadModelsController = () => import('#insights/controllers/read_models_controller')
const PushController = () => import('#insights/controllers/push_controller')
const DocsController = () => import('#insights/controllers/docs_controller')

const settlement = '/balancing/settlement'

/*
| Public Insights API: Elexon's paths under /bmrs/api/v1 (no key, CORS open);
| our additions under /bmrs/api/v1/ext.
*/
router
  .group(() => {
    router.get('/datasets/REMIT', [RemitController, 'dataset']).as('datasets.remit')
    router
      .get('/datasets/REMIT/stream', [RemitController, 'datasetStream'])
      .as('datasets.remit_stream')
    router.get('/datasets/:code', [DatasetsController, 'show']).as('datasets.show')
    router.get('/datasets/:code/stream', [DatasetsController, 'stream']).as('datasets.stream')

    router
      .get('/generation/outturn/summary', [GenerationController, 'summary'])
      .as('generation.summary')
    router.get('/demand/outturn', [DemandController, 'outturn']).as('demand.outturn')
    router
      .get('/demand/outturn/stream', [DemandController, 'outturnStream'])
      .as('demand.outturn_stream')

    router
      .get(`${settlement}/system-prices/:settlementDate`, [SettlementController, 'systemPrices'])
      .as('system_prices.day')
    router
      .get(`${settlement}/system-prices/:settlementDate/:settlementPeriod`, [
        SettlementController,
        'systemPrices',
      ])
      .as('system_prices.period')
    router
      .get(`${settlement}/stack/all/:bidOffer/:settlementDate/:settlementPeriod`, [
        SettlementController,
        'stack',
      ])
      .as('stack.period')
    // Per-BM-Unit settlement outputs: a whole day, or one period of it.
    for (const [path, action, name] of [
      ['indicative/volumes', 'indicativeVolumes', 'indicative_volumes'],
      ['indicative/cashflows', 'indicativeCashflows', 'indicative_cashflows'],
      ['acceptance/volumes', 'acceptanceVolumes', 'acceptance_volumes'],
    ] as const) {
      const day = `${settlement}/${path}/all/:bidOffer/:settlementDate`
      router.get(day, [SettlementController, action]).as(`${name}.day`)
      router.get(`${day}/:settlementPeriod`, [SettlementController, action]).as(`${name}.period`)
    }
    router.get('/balancing/acceptances/all', [AcceptancesController, 'all']).as('acceptances.all')
    router
      .get('/balancing/acceptances', [AcceptancesController, 'forBmUnit'])
      .as('acceptances.bm_unit')

    router.get('/reference/bmunits/all', [ReferenceController, 'bmUnits']).as('reference.bm_units')
    router
      .get('/reference/fueltypes/all', [ReferenceController, 'fuelTypes'])
      .as('reference.fuel_types')

    router.get('/remit/list/by-publish', [RemitController, 'byPublish']).as('remit.by_publish')
    router
      .get('/remit/list/by-publish/stream', [RemitController, 'byPublishStream'])
      .as('remit.by_publish_stream')
    router.get('/remit/list/by-event', [RemitController, 'byEvent']).as('remit.by_event')
    router
      .get('/remit/list/by-event/stream', [RemitController, 'byEventStream'])
      .as('remit.by_event_stream')
    router.get('/remit/revisions', [RemitController, 'revisions']).as('remit.revisions')
    router.get('/remit/search', [RemitController, 'search']).as('remit.search')
    router.get('/remit/:messageId', [RemitController, 'show']).as('remit.show')
    router.get('/remit', [RemitController, 'bulk']).as('remit.bulk')

    router.get('/health', [InsightsHealthController, 'show']).as('health')
    router.get('/openapi.json', [DocsController, 'openapi']).as('openapi')

    router.get('/ext/completeness', [ExtController, 'completeness']).as('ext.completeness')
    router.get('/ext/runs/diff', [ExtController, 'runDiff']).as('ext.runs_diff')
    router.get('/ext/push/:dataset', [PushController, 'feed']).as('ext.push')
    router
      .get('/ext/generation/mix', [ReadModelsController, 'generationMix'])
      .as('ext.generation_mix')
    router
      .get('/ext/system-prices/series', [ReadModelsController, 'systemPrices'])
      .as('ext.system_price_series')
    router
      .get('/ext/bmunits/:bmUnit/series', [ReadModelsController, 'bmUnit'])
      .as('ext.bm_unit_series')

    router
      .any('/*', ({ request }) => {
        throw ApiProblem.notFound(
          `No endpoint ${request.method()} ${request.url()} in this API; see /bmrs/api/v1/openapi.json`
        )
      })
      .as('not_found')
  })
  .prefix('/bmrs/api/v1')
  .as('insights.api')

router.get('/bmrs/api/docs', [DocsController, 'page']).as('insights.docs')

/* The party's REMIT submissions (portal session or API token), scoped to the user's party. */
router
  .group(() => {
    router.get('/', [RemitSubmissionsController, 'index']).as('index')
    router.get('/options', [RemitSubmissionsController, 'options']).as('options')
    router.post('/', [RemitSubmissionsController, 'store']).as('store')
    router.get('/:mrid', [RemitSubmissionsController, 'show']).as('show')
    router.post('/:mrid/revisions', [RemitSubmissionsController, 'revise']).as('revise')
  })
  .prefix('/api/v1/insights/remit')
  .as('insights.remit')
  .use([middleware.auth({ guards: ['web', 'api'] }), middleware.mfa()])

/*
| The public Insights website (no login) under /insights; publishing REMIT messages needs a
| party user. Pages are server-rendered; charts draw on the client from the rows the page carries.
*/
const ChartPagesController = () => import('#insights/website/controllers/chart_pages_controller')
const ChartDownloadsController = () =>
  import('#insights/website/controllers/chart_downloads_controller')
const BmUnitPagesController = () => import('#insights/website/controllers/bm_unit_pages_controller')
const DataRequestsController = () =>
  import('#insights/website/controllers/data_requests_controller')
const RemitPagesController = () => import('#insights/website/controllers/remit_pages_controller')

router
  .group(() => {
    router.get('/', [ChartPagesController, 'index']).as('index')
    router.get('/generation', [ChartPagesController, 'generation']).as('generation')
    router.get('/system-prices', [ChartPagesController, 'systemPrices']).as('system_prices')
    router.get('/stack', [ChartPagesController, 'stack']).as('stack')
    router.get('/demand', [ChartPagesController, 'demand']).as('demand')
    router.get('/analysis', [ChartPagesController, 'analysis']).as('analysis')
    router.get('/charts/:chart/download', [ChartDownloadsController, 'show']).as('chart_download')
    router.get('/bmunits', [BmUnitPagesController, 'index']).as('bm_units')
    router.get('/bmunits/:bmUnit', [BmUnitPagesController, 'show']).as('bm_unit')
    router.get('/requests', [DataRequestsController, 'page']).as('requests')
    router.get('/requests/check', [DataRequestsController, 'check']).as('requests_check')
    router.get('/requests/download', [DataRequestsController, 'download']).as('requests_download')
    router.get('/remit', [RemitPagesController, 'index']).as('remit')
    router
      .group(() => {
        router.get('/remit/new', [RemitPagesController, 'create']).as('remit_new')
        router.post('/remit', [RemitPagesController, 'store']).as('remit_store')
        router.get('/remit/:mrid/revise', [RemitPagesController, 'edit']).as('remit_edit')
        router.post('/remit/:mrid/revisions', [RemitPagesController, 'revise']).as('remit_revise')
      })
      .use([middleware.auth(), middleware.mfa()])
    router.get('/remit/:mrid', [RemitPagesController, 'show']).as('remit_show')
  })
  .prefix('/insights')
  .as('insights.web')
