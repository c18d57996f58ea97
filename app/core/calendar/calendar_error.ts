/** A bad calendar input; `field` names the offending parameter so callers can build a 400/422. */
export class CalendarError extends Error {
  readonly field: string

  constructor(field: string, message: string) {
    super(message)
    this.name = 'CalendarError'
    this.field = field
  }
}

/** Quotes strings so an empty or padded input is visible in the message. */
export function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value)
}
