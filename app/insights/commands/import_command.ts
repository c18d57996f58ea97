import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { BaseCommand, args } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

export default class InsightsImportCommand extends BaseCommand {
  static commandName = 'insights:import'
  static description =
    'Import a file into an Insights dataset: Elexon API JSON ({data:[...]} or an array), API-shaped CSV, ' +
    'or a known third-party layout (e.g. the ElexonDataPortal 2018 FUELHH/B1770/B1780 files)'
  static options: CommandOptions = { startApp: true }

  @args.string({
    description:
      'Dataset code (FUELINST, FUELHH, INDO, DISEBSP, BOALF, BOD, DISBSAD, NETBSAD, BMUNITS, ...)',
  })
  declare dataset: string

  @args.string({ description: 'Path of the .json or .csv file' })
  declare file: string

  async run() {
    const { importDatasetFile, ImportRefused } =
      await import('#insights/actions/import_dataset_file')
    const { ImportError } = await import('#insights/datasets/import_error')
    let text: string
    try {
      text = await readFile(this.file, 'utf8')
    } catch (error) {
      this.logger.error(`Cannot read ${this.file}: ${(error as Error).message}`)
      this.exitCode = 1
      return
    }
    try {
      const result = await importDatasetFile(this.dataset, text, basename(this.file))
      const span =
        result.days.length > 1 ? `${result.days[0]} to ${result.days.at(-1)}` : result.days.join('')
      const layout = result.layout ? ` (layout ${result.layout})` : ''
      this.logger.success(
        `Imported ${result.rows} ${result.dataset} rows${layout} over ${result.days.length} day(s) ${span}, version ${result.version}`
      )
    } catch (error) {
      if (!(error instanceof ImportError || error instanceof ImportRefused)) throw error
      this.logger.error(`Nothing imported. ${error.message}`)
      this.exitCode = 1
    }
  }
}
