import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type User from '#core/auth/user'
import CreditDefault from '#customer/models/credit_default'
import Party from '#customer/models/party'
import { CREDIT_DEFAULT, assertTransition } from '#customer/journeys/machines'
import { settlementMoneyPort, type SettlementMoneyPort } from '#customer/ports/trading_charges_port'
import { audit } from '#customer/support/audit'
import { closeTasks, openTask } from '#customer/support/tasks'
import { creditPosition, openCreditDefault, type CreditPosition } from '#customer/support/credit'
import { notifyCreditDefault } from '#customer/support/credit_notices'
import { applyLeadTime, leadTimeOn, today } from '#customer/support/lead_times'
import { customerEvents } from '#customer/events'

const NAMES = {
  1: 'enter_credit_default_level_1',
  2: 'enter_credit_default_level_2',
} as const

/**
 * The credit default check of one party (customer.md §9, §15), a system
 * transition run by `customer:credit-check` and after cover changes: its CCP
 * decides the level; entering, moving between or clearing a level is audited,
 * tells the party's Cat A and C signatories and its 24-hour credit contacts,
 * and gives the operator a task due when Level 1 would reach the Panel.
 * An unknown CCP changes nothing (it is shown as unknown, never as clear).
 */
export default async function evaluateCreditDefault(
  partyId: string,
  port: SettlementMoneyPort = settlementMoneyPort,
  actor: User | null = null
) {
  const position = await creditPosition(partyId, port)
  if (position.level === null) return { position, episode: null, changed: false }
  const result = await db.transaction(async (trx) => {
    const party = await Party.query({ client: trx })
      .where('party_id', partyId)
      .forUpdate()
      .firstOrFail()
    const episode = await openCreditDefault(partyId, trx)
    const level = position.level!
    const current = episode ? Number(episode.state.slice(-1)) : 0
    if (current === level) {
      if (episode) {
        episode.ccpPercent = position.ccpPercent
        await episode.useTransaction(trx).save()
      }
      return { episode, changed: false }
    }
    const changed = await move(trx, party, episode, level, position)
    await audit(trx, actor, {
      action: level === 0 ? 'credit.clear_default' : `credit.enter_default_level_${level}`,
      subjectType: 'credit_default',
      subjectId: changed.id,
      partyId,
      before: { state: episode?.state ?? 'NONE' },
      after: { state: changed.state, ccpPercent: position.ccpPercent, basis: position.summary },
    })
    await notifyCreditDefault(trx, party, changed, position)
    return { episode: changed, changed: true }
  })
  if (result.changed && result.episode) {
    await customerEvents.creditDefaultChanged({
      partyId,
      level: position.level,
      ccpPercent: position.ccpPercent,
      startedOn: result.episode.startedOn,
      on: today(),
    })
  }
  return { position, ...result }
}

async function move(
  trx: TransactionClientContract,
  party: Party,
  episode: CreditDefault | null,
  level: 0 | 1 | 2,
  position: CreditPosition
) {
  const day = today()
  if (level === 0) {
    assertTransition(CREDIT_DEFAULT, 'clear_credit_default', episode!.state)
    episode!.merge({ state: 'CLEARED', clearedOn: day, ccpPercent: position.ccpPercent })
    await episode!.useTransaction(trx).save()
    await closeTasks(trx, 'credit_default', episode!.id)
    return episode!
  }
  assertTransition(CREDIT_DEFAULT, NAMES[level], episode?.state ?? null)
  const state = level === 1 ? 'LEVEL_1' : 'LEVEL_2'
  const changed = episode
    ? episode.merge({ state, highestLevel: Math.max(episode.highestLevel, level) })
    : new CreditDefault().merge({
        partyId: party.partyId,
        state,
        startedOn: day,
        highestLevel: level,
      })
  changed.merge({ ccpPercent: position.ccpPercent, basis: position.summary })
  await changed.useTransaction(trx).save()
  await closeTasks(trx, 'credit_default', changed.id)
  const escalation = await leadTimeOn('credit_default_escalation', day, trx)
  await openTask(trx, {
    partyId: party.partyId,
    caseType: 'credit_default',
    caseId: changed.id,
    kind: 'manage_credit_default',
    title: `Level ${level} Credit Default: ${party.name}`,
    reason: `${position.summary}. In default since ${changed.startedOn}: issue the notice, contact the 24-hour credit contacts, and escalate to the Panel if it lasts.`,
    assignee: 'operator',
    dueOn: escalation ? applyLeadTime(escalation, changed.startedOn) : null,
  })
  return changed
}
