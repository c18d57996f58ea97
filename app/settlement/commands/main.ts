import { ListLoader } from '@adonisjs/core/ace'
import type { CommandMetaData } from '@adonisjs/core/types/ace'
import SettlementDiffCommand from './diff_command.js'
import SettlementImportCommand from './import_command.js'
import SettlementReplayCommand from './replay_command.js'
import SettlementReportCommand from './report_command.js'
import SettlementRunCommand from './run_command.js'
import RulesCheckCommand from './rules_check_command.js'
import RulesDisableCommand from './rules_disable_command.js'
import RulesEnableCommand from './rules_enable_command.js'
import RulesListCommand from './rules_list_command.js'
import RulesParallelRunCommand from './rules_parallel_run_command.js'
import RulesTestCommand from './rules_test_command.js'
import SandboxCompareCommand from './sandbox_compare_command.js'
import SandboxCreateCommand from './sandbox_create_command.js'
import SandboxDeleteCommand from './sandbox_delete_command.js'
import SandboxRunCommand from './sandbox_run_command.js'

/**
 * This folder's ace commands, registered in adonisrc.ts. Command files import
 * their heavy dependencies inside run(), so listing commands stays cheap.
 */
const loader = new ListLoader([
  SettlementImportCommand,
  SettlementRunCommand,
  SettlementReportCommand,
  SettlementDiffCommand,
  SettlementReplayCommand,
  RulesListCommand,
  RulesCheckCommand,
  RulesTestCommand,
  RulesEnableCommand,
  RulesDisableCommand,
  RulesParallelRunCommand,
  SandboxCreateCommand,
  SandboxRunCommand,
  SandboxCompareCommand,
  SandboxDeleteCommand,
])

export const getMetaData = () => loader.getMetaData()
export const getCommand = (metaData: CommandMetaData) => loader.getCommand(metaData)
