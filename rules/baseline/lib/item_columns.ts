/**
 * Growable typed columns for item frames whose length is known only after a pass (acceptance
 * volumes, stack items). Rows are appended with `push()` and written through `columns`; `finish()`
 * trims every column to the row count. No per-row objects are allocated.
 */
import type { Column } from '../../../app/rules_runtime/stage.js'

type ColumnType = Float64ArrayConstructor | Int32ArrayConstructor | Uint8ArrayConstructor

export class ItemColumns<K extends string> {
  length = 0
  columns: Record<K, Column>
  private capacity: number
  private readonly types: Record<K, ColumnType>

  constructor(types: Record<K, ColumnType>, capacity = 256) {
    this.types = types
    this.capacity = Math.max(1, capacity)
    this.columns = {} as Record<K, Column>
    for (const name of Object.keys(types) as K[])
      this.columns[name] = new types[name](this.capacity)
  }

  /** Appends a zeroed row and returns its index. */
  push(): number {
    if (this.length === this.capacity) {
      this.capacity *= 2
      for (const name of Object.keys(this.types) as K[]) {
        const grown = new this.types[name](this.capacity)
        grown.set(this.columns[name])
        this.columns[name] = grown
      }
    }
    return this.length++
  }

  finish(): Record<K, Column> {
    const out = {} as Record<K, Column>
    for (const name of Object.keys(this.types) as K[])
      out[name] = this.columns[name].slice(0, this.length)
    return out
  }
}
