/**
 * Checks that a module's export really is a stage before the runtime trusts
 * its declared identity. Rule code is data to the runtime: a plugin with a
 * misspelt field must be rejected by name, not fail later inside a run.
 * Loaded by workers: erasable TypeScript and relative `.js` imports only.
 */
const STAGE_ID = /^[a-z][a-z0-9_]*$/
const isTextList = (value: unknown) =>
  Array.isArray(value) && value.every((item) => typeof item === 'string' && item.length > 0)

/** Why a module's export is not a usable stage (empty when it is); `label` names it in messages. */
export function stageShapeProblems(stage: unknown, label: string): string[] {
  if (typeof stage !== 'object' || stage === null) return [`${label} is not a stage object`]
  const s = stage as Record<string, unknown>
  const name = typeof s.id === 'string' ? `${label} "${s.id}"` : label
  const problems: string[] = []
  if (typeof s.id !== 'string' || !STAGE_ID.test(s.id))
    problems.push(`${label} needs a snake_case id`)
  for (const field of ['title', 'reference'])
    if (typeof s[field] !== 'string' || !s[field]) problems.push(`${name} needs a ${field}`)
  if (s.scope !== 'period' && s.scope !== 'day')
    problems.push(`${name}: scope must be period or day`)
  for (const field of ['reads', 'writes', 'params'])
    if (!isTextList(s[field])) problems.push(`${name}: ${field} must be a list of names`)
  if (typeof s.run !== 'function') problems.push(`${name} needs a run function`)
  return problems
}
