import { userInfo } from 'node:os'
import type { BaseCommand } from '@adonisjs/core/ace'
import User from '#core/auth/user'
import { seesAllParties } from '#core/auth/roles'
import { writeStdout } from '#settlement/commands/stdout'
import { SandboxError } from './sandbox_queries.js'

/**
 * What the `sandbox:*` commands share: who acts (an operator or admin named
 * with --owner, else the shell user as `cli:<name>` like `rules:enable`),
 * and one way to report a refusal — on stderr, and with --json also as
 * `{ "error": { field, message } }` on stdout.
 */
export type CliActor = { id: number; email: string } | { id: null; label: string }

export async function cliActor(ownerEmail: string | undefined): Promise<CliActor> {
  if (ownerEmail === undefined) return { id: null, label: `cli:${userInfo().username}` }
  const user = await User.findBy('email', ownerEmail.trim().toLowerCase())
  if (!user || !seesAllParties(user.role))
    throw new SandboxError('owner', '--owner must be the e-mail of an operator or admin')
  return { id: user.id, email: user.email }
}

/** Runs `body`; a SandboxError becomes exit code 1 with its field named. */
export async function reportRefusal(
  command: BaseCommand & { json?: boolean },
  body: () => Promise<void>
): Promise<void> {
  try {
    await body()
  } catch (error) {
    if (!(error instanceof SandboxError)) throw error
    command.logger.error(`${error.field}: ${error.message}`)
    if (command.json) {
      await writeStdout(
        `${JSON.stringify({ error: { field: error.field, message: error.message } })}\n`
      )
    }
    command.exitCode = 1
  }
}
