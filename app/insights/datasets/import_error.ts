/** A record read from a file, before typing: API field names → raw values, with where it came from. */
export interface SourceRecord {
  line: number
  /** The file column a pivoted value came from, to name it in errors. */
  column?: string
  values: Record<string, unknown>
}

/** A malformed input file: names the line and the field so the sender can fix it. */
export class ImportError extends Error {
  constructor(
    readonly line: number,
    readonly field: string,
    readonly reason: string
  ) {
    super(`line ${line}, field ${field}: ${reason}`)
    this.name = 'ImportError'
  }
}
