import { column } from '@adonisjs/lucid/orm'

/** A JSON value kept in a text column (portable between SQLite and PostgreSQL). */
export const jsonColumn = (options: { serializeAs?: string | null } = {}) =>
  column({
    ...options,
    prepare: (value: unknown) =>
      value === null || value === undefined ? null : JSON.stringify(value),
    consume: (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : (value ?? null)),
  })

/** Addresses are JSON; rows written as free text by older imports read back as a first line. */
export const addressColumn = () =>
  column({
    prepare: (value: unknown) => (value ? JSON.stringify(value) : null),
    consume: (value: unknown) => {
      if (typeof value !== 'string' || value === '') return value ?? null
      try {
        return JSON.parse(value)
      } catch {
        return { line1: value, town: '', postcode: '' }
      }
    },
  })
