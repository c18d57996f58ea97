import { ListLoader } from '@adonisjs/core/ace'
import type { CommandMetaData } from '@adonisjs/core/types/ace'
import CustomerPurgeRetentionCommand from './purge_retention_command.js'
import CustomerCreditCheckCommand from './credit_check_command.js'
import CustomerDailyCommand from './daily_command.js'

/**
 * This folder's ace commands, registered in adonisrc.ts. Command files import
 * their heavy dependencies inside run(), so listing commands stays cheap.
 */
const loader = new ListLoader([
  CustomerPurgeRetentionCommand,
  CustomerCreditCheckCommand,
  CustomerDailyCommand,
])

export const getMetaData = () => loader.getMetaData()
export const getCommand = (metaData: CommandMetaData) => loader.getCommand(metaData)
