import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import { zstdCompress, zstdDecompressSync, constants } from 'node:zlib'

/**
 * Canonical binary encoding of plain data with typed-array columns: the one
 * serialisation behind input snapshots, stored run frames and output hashes.
 * Canonical means: object keys sorted, undefined keys dropped, every NaN
 * written as the same bit pattern and -0 as 0 — so equal values always give
 * equal bytes (and equal sha256), whichever worker or period split made them.
 * Typed arrays are written as their raw little-endian bytes (every supported
 * platform is little-endian), so hashing and storing a 30 MB day costs a few
 * memory passes and no per-value work.
 */
export type Encodable =
  | null
  | undefined
  | number
  | string
  | boolean
  | Float64Array
  | Int32Array
  | Uint8Array
  | Encodable[]
  | { [key: string]: Encodable }

const NULL = 0
const NUMBER = 1
const STRING = 2
const TRUE = 3
const FALSE = 4
const ARRAY = 5
const OBJECT = 6
const F64 = 7
const I32 = 8
const U8 = 9

class ChunkWriter {
  chunks: Uint8Array[] = []
  private scratch = Buffer.allocUnsafe(64 * 1024)
  private used = 0

  private room(bytes: number) {
    if (this.used + bytes > this.scratch.length) this.flush()
  }

  flush() {
    if (this.used > 0) {
      this.chunks.push(Buffer.from(this.scratch.subarray(0, this.used)))
      this.used = 0
    }
  }

  byte(value: number) {
    this.room(1)
    this.scratch[this.used++] = value
  }

  uint32(value: number) {
    this.room(4)
    this.scratch.writeUInt32LE(value, this.used)
    this.used += 4
  }

  float64(value: number) {
    this.room(8)
    this.scratch.writeDoubleLE(canonicalNumber(value), this.used)
    this.used += 8
  }

  string(value: string) {
    const bytes = Buffer.byteLength(value)
    if (bytes + 4 > this.scratch.length) {
      this.uint32(bytes)
      this.flush()
      this.chunks.push(Buffer.from(value))
      return
    }
    this.uint32(bytes)
    this.room(bytes)
    this.used += this.scratch.write(value, this.used)
  }

  raw(bytes: Uint8Array) {
    this.flush()
    this.chunks.push(bytes)
  }
}

function canonicalNumber(value: number): number {
  if (Number.isNaN(value)) return Number.NaN
  return value === 0 ? 0 : value
}

/** Bytes of a Float64Array with NaNs and -0 normalised (copies only when needed). */
function canonicalFloat64Bytes(array: Float64Array): Uint8Array {
  let copy: Float64Array | undefined
  for (let i = 0; i < array.length; i++) {
    const value = array[i]
    if (Number.isNaN(value) || (value === 0 && 1 / value < 0)) {
      copy ??= Float64Array.from(array)
      copy[i] = value === 0 ? 0 : Number.NaN
    }
  }
  const source = copy ?? array
  return new Uint8Array(source.buffer, source.byteOffset, source.byteLength)
}

function write(writer: ChunkWriter, value: Encodable): void {
  if (value === null || value === undefined) return writer.byte(NULL)
  if (typeof value === 'number') {
    writer.byte(NUMBER)
    return writer.float64(value)
  }
  if (typeof value === 'string') {
    writer.byte(STRING)
    return writer.string(value)
  }
  if (typeof value === 'boolean') return writer.byte(value ? TRUE : FALSE)
  if (value instanceof Float64Array) {
    writer.byte(F64)
    writer.uint32(value.length)
    return writer.raw(canonicalFloat64Bytes(value))
  }
  if (value instanceof Int32Array || value instanceof Uint8Array) {
    writer.byte(value instanceof Int32Array ? I32 : U8)
    writer.uint32(value.length)
    return writer.raw(new Uint8Array(value.buffer, value.byteOffset, value.byteLength))
  }
  if (Array.isArray(value)) {
    writer.byte(ARRAY)
    writer.uint32(value.length)
    for (const item of value) write(writer, item)
    return
  }
  if (typeof value === 'object') {
    const keys = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort()
    writer.byte(OBJECT)
    writer.uint32(keys.length)
    for (const key of keys) {
      writer.string(key)
      write(writer, value[key])
    }
    return
  }
  throw new TypeError(`cannot encode a value of type ${typeof value}`)
}

/** The canonical encoding as a list of byte chunks (typed arrays are not copied). */
export function encodeChunks(value: Encodable): Uint8Array[] {
  const writer = new ChunkWriter()
  write(writer, value)
  writer.flush()
  return writer.chunks
}

export function encode(value: Encodable): Buffer {
  return Buffer.concat(encodeChunks(value))
}

export function sha256OfChunks(chunks: Uint8Array[]): string {
  const hash = createHash('sha256')
  for (const chunk of chunks) hash.update(chunk)
  return hash.digest('hex')
}

export function canonicalHash(value: Encodable): string {
  return sha256OfChunks(encodeChunks(value))
}

const zstd = promisify(zstdCompress)

/**
 * zstd, level 3: a GB-scale day (~35 MB) compresses in tens of milliseconds,
 * on libuv's thread pool, so several frames compress at once.
 */
export function compress(chunks: Uint8Array[]): Promise<Buffer> {
  return zstd(Buffer.concat(chunks), { params: { [constants.ZSTD_c_compressionLevel]: 3 } })
}

export interface DecodeOptions {
  /** allocate typed arrays on SharedArrayBuffers (inputs handed to the worker pool) */
  shared?: boolean
}

export function decompressAndDecode<T = unknown>(blob: Uint8Array, options: DecodeOptions = {}): T {
  return decode<T>(zstdDecompressSync(blob), options)
}

export function decode<T = unknown>(bytes: Buffer, options: DecodeOptions = {}): T {
  let offset = 0
  const uint32 = () => {
    const value = bytes.readUInt32LE(offset)
    offset += 4
    return value
  }
  const string = () => {
    const length = uint32()
    const value = bytes.toString('utf8', offset, offset + length)
    offset += length
    return value
  }
  const typed = <A extends Float64Array | Int32Array | Uint8Array>(
    Type: { new (buffer: ArrayBufferLike): A; BYTES_PER_ELEMENT: number },
    length: number
  ): A => {
    const byteLength = length * Type.BYTES_PER_ELEMENT
    const buffer = options.shared ? new SharedArrayBuffer(byteLength) : new ArrayBuffer(byteLength)
    new Uint8Array(buffer).set(bytes.subarray(offset, offset + byteLength))
    offset += byteLength
    return new Type(buffer)
  }
  const read = (): unknown => {
    const tag = bytes[offset++]
    switch (tag) {
      case NULL:
        return null
      case NUMBER: {
        const value = bytes.readDoubleLE(offset)
        offset += 8
        return value
      }
      case STRING:
        return string()
      case TRUE:
        return true
      case FALSE:
        return false
      case F64:
        return typed(Float64Array, uint32())
      case I32:
        return typed(Int32Array, uint32())
      case U8:
        return typed(Uint8Array, uint32())
      case ARRAY: {
        const length = uint32()
        const items: unknown[] = new Array(length)
        for (let i = 0; i < length; i++) items[i] = read()
        return items
      }
      case OBJECT: {
        const count = uint32()
        const object: Record<string, unknown> = {}
        for (let i = 0; i < count; i++) {
          const key = string()
          object[key] = read()
        }
        return object
      }
      default:
        throw new Error(`corrupt canonical encoding: tag ${tag} at byte ${offset - 1}`)
    }
  }
  const value = read()
  if (offset !== bytes.length) throw new Error('corrupt canonical encoding: trailing bytes')
  return value as T
}
