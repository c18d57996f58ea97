import db from '@adonisjs/lucid/services/db'
import type User from '#core/auth/user'
import BmUnit from '#customer/models/bm_unit'
import EnergyAccount from '#customer/models/energy_account'
import Party from '#customer/models/party'
import PartyRole from '#customer/models/party_role'
import RoleCase from '#customer/models/role_case'
import { ROLE_CASE, assertTransition } from '#customer/journeys/machines'
import { marketRole } from '#customer/reference/market_roles'
import { baseSupplierBmUnitIds } from '#customer/reference/identifiers'
import { audit } from '#customer/support/audit'
import { assertLeadTime } from '#customer/support/lead_times'
import { closeTasks, openTask } from '#customer/support/tasks'
import { ownedRecord } from '#customer/support/parties'
import { notifyParty } from '#customer/support/notify_party'
import { bmUnitPayload, customerEvents } from '#customer/events'

/**
 * READY_TO_REGISTER → REGISTERED (customer.md §5.2): the CRA records the role
 * from its target date. Side effects: a trading role opens Energy Accounts
 * (closing a VLP's Virtual Balancing Account); a VLP-only party gets a VBA;
 * a Supplier gets its 14 Base BM Units, one per GSP Group.
 */
export default async function registerRole(actor: User, roleCaseId: number | string) {
  const result = await db.transaction(async (trx) => {
    const roleCase = await ownedRecord(actor, RoleCase, roleCaseId, trx)
    assertTransition(ROLE_CASE, 'register_role', roleCase.state)
    await assertLeadTime(
      'role_registration',
      'targetEffectiveFrom',
      roleCase.targetEffectiveFrom,
      undefined,
      trx
    )
    const role = marketRole(roleCase.roleCode)
    const party = await Party.query({ client: trx })
      .where('party_id', roleCase.partyId)
      .forUpdate()
      .firstOrFail()
    await PartyRole.create(
      {
        partyId: party.partyId,
        roleCode: role.code,
        status: 'registered',
        effectiveFrom: roleCase.targetEffectiveFrom,
        effectiveTo: null,
      },
      { client: trx }
    )

    const accounts = await EnergyAccount.query({ client: trx }).where('party_id', party.partyId)
    const hasEnergyAccounts = accounts.some((account) => account.accountType !== 'VBA')
    if (role.trading && !hasEnergyAccounts) {
      await trx
        .from('customer_energy_accounts')
        .where('party_id', party.partyId)
        .where('account_type', 'VBA')
        .delete()
      await EnergyAccount.createMany(
        [
          { partyId: party.partyId, accountId: `${party.partyId}-P`, accountType: 'P' },
          { partyId: party.partyId, accountId: `${party.partyId}-C`, accountType: 'C' },
        ],
        { client: trx }
      )
    } else if (!role.trading && role.bmUnitTypes.includes('V') && accounts.length === 0) {
      await EnergyAccount.create(
        { partyId: party.partyId, accountId: `${party.partyId}-VBA`, accountType: 'VBA' },
        { client: trx }
      )
    }

    const units: BmUnit[] = []
    if (role.code === 'SUPPLIER' && party.participantCode) {
      for (const bmUnitId of baseSupplierBmUnitIds(party.participantCode)) {
        const gspGroupId = `_${bmUnitId[3]}`
        units.push(
          await BmUnit.create(
            {
              bmUnitId,
              bmUnitName: `Base ${gspGroupId}`,
              partyId: party.partyId,
              bmUnitType: 'S',
              gspGroupId,
              generationCapacity: 0,
              demandCapacity: 0,
              pcFlag: 'C',
              fpnFlag: false,
              isBase: true,
              netsoAgreed: false,
              effectiveFrom: roleCase.targetEffectiveFrom,
              effectiveTo: null,
              status: 'registered',
              submittedBy: actor.id,
            },
            { client: trx }
          )
        )
      }
    }
    roleCase.state = 'REGISTERED'
    await roleCase.useTransaction(trx).save()
    await closeTasks(trx, 'role_case', roleCase.id)
    if (party.entryState === 'ROLES_IN_PROGRESS') {
      await openTask(trx, {
        partyId: party.partyId,
        caseType: 'entry',
        caseId: party.partyId,
        kind: 'go_live',
        title: `Go-live of ${party.name}`,
        reason: `Publish the new participant notice and flag the party active from ${roleCase.targetEffectiveFrom}.`,
        assignee: 'operator',
      })
    }
    await notifyParty(trx, party.partyId, {
      title: `${role.label} role registered`,
      body: `Effective from ${roleCase.targetEffectiveFrom}.`,
      link: '/customer/roles',
    })
    await audit(trx, actor, {
      action: 'role.register',
      subjectType: 'role_case',
      subjectId: roleCase.id,
      partyId: party.partyId,
      before: { state: 'READY_TO_REGISTER' },
      after: {
        state: 'REGISTERED',
        roleCode: role.code,
        effectiveFrom: roleCase.targetEffectiveFrom,
        baseBmUnits: units.map((u) => u.bmUnitId),
      },
    })
    return { roleCase, units, party }
  })

  const { party, roleCase, units } = result
  const roles = await PartyRole.query()
    .where('party_id', party.partyId)
    .where('status', 'registered')
  const accounts = await EnergyAccount.query().where('party_id', party.partyId)
  await customerEvents.partyRegistered({
    partyId: party.partyId,
    partyName: party.name,
    accessionDate: party.accessionDate ?? roleCase.targetEffectiveFrom,
    roles: roles.map((r) => ({ roleCode: r.roleCode, effectiveFrom: r.effectiveFrom })),
    energyAccounts: accounts.map((a) => ({ accountId: a.accountId, accountType: a.accountType })),
  })
  for (const unit of units) await customerEvents.bmUnitRegistered(bmUnitPayload(unit, party))
  return roleCase
}
