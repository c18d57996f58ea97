import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { userInfo } from 'node:os'
import { BaseCommand, args } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

export default class SettlementImportCommand extends BaseCommand {
  static commandName = 'settlement:import'
  static description =
    'Import one settlement input file (CSV with a header row, or JSON) for a dataset: parties, accounts, bm-units, tlf, ' +
    'metered-volumes, pn, bod, boalf, absvd, disbsad, netbsad, mid, lolp, ecvn, mvrn'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Dataset name (see app/settlement/ingestion/FORMATS.md)' })
  declare dataset: string

  @args.string({ description: 'Path of the .csv or .json file' })
  declare file: string

  async run() {
    const { isDatasetName, DATASET_NAMES } = await import('#settlement/ingestion/datasets')
    const { importDataset } = await import('#settlement/actions/import_dataset')
    const { ImportRejected } = await import('#settlement/ingestion/validate_records')
    const { FileFormatError } = await import('#settlement/ingestion/parse_file')
    if (!isDatasetName(this.dataset)) {
      this.logger.error(`Unknown dataset "${this.dataset}". Datasets: ${DATASET_NAMES.join(', ')}`)
      this.exitCode = 1
      return
    }
    let content: string
    try {
      content = await readFile(this.file, 'utf8')
    } catch (error) {
      this.logger.error(`Cannot read ${this.file}: ${(error as Error).message}`)
      this.exitCode = 1
      return
    }
    try {
      const result = await importDataset(
        this.dataset,
        basename(this.file),
        content,
        `cli:${userInfo().username}`
      )
      const dates = result.dates.length ? ` for ${result.dates.join(', ')}` : ''
      this.logger.success(
        `Imported ${result.rows} ${this.dataset} rows${dates} (sha256 ${result.contentHash.slice(0, 12)})`
      )
    } catch (error) {
      if (!(error instanceof ImportRejected || error instanceof FileFormatError)) throw error
      this.logger.error(`Nothing imported.\n${error.message}`)
      this.exitCode = 1
    }
  }
}
