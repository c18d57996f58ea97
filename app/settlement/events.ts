/**
 * Events the settlement context emits (other contexts listen; they never read
 * settlement tables directly).
 */
export interface SettlementRunCompleted {
  runId: number
  settlementDate: string
  runType: string
  /** null for production runs */
  sandboxId: number | null
}

declare module '@adonisjs/core/types' {
  interface EventsList {
    'settlement:run_completed': SettlementRunCompleted
  }
}
