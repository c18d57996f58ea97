import { crc32, gunzipSync, inflateRawSync } from 'node:zlib'

/**
 * Reads an uploaded plugin archive (.zip or .tar.gz) into memory, refusing
 * anything that could escape or flood the plugin folder: absolute paths, `..`,
 * links and devices, encrypted or zip64 entries, too many entries, too many
 * bytes once unpacked. Only plain files and folders come out.
 */
export interface ArchiveEntry {
  path: string
  data: Buffer
}

export class ArchiveError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ArchiveError'
  }
}

export const ARCHIVE_LIMITS = {
  uploadBytes: 5 * 2 ** 20,
  unpackedBytes: 20 * 2 ** 20,
  entries: 500,
}

export function readArchive(buffer: Buffer): ArchiveEntry[] {
  if (buffer.length > ARCHIVE_LIMITS.uploadBytes)
    throw new ArchiveError(`the archive is larger than ${ARCHIVE_LIMITS.uploadBytes / 2 ** 20} MB`)
  let entries: ArchiveEntry[]
  if (buffer.readUInt32LE(0) === 0x04034b50) entries = readZip(buffer)
  else if (buffer[0] === 0x1f && buffer[1] === 0x8b) entries = readTar(gunzip(buffer))
  else throw new ArchiveError('the file is neither a .zip nor a .tar.gz archive')
  if (entries.length > ARCHIVE_LIMITS.entries)
    throw new ArchiveError(`the archive holds more than ${ARCHIVE_LIMITS.entries} files`)
  const total = entries.reduce((sum, entry) => sum + entry.data.length, 0)
  if (total > ARCHIVE_LIMITS.unpackedBytes)
    throw new ArchiveError(
      `the archive unpacks to more than ${ARCHIVE_LIMITS.unpackedBytes / 2 ** 20} MB`
    )
  const paths = new Set<string>()
  for (const entry of entries) {
    if (paths.has(entry.path)) throw new ArchiveError(`"${entry.path}" appears twice`)
    paths.add(entry.path)
  }
  return entries
}

/** A relative path with only plain segments, or a rejection naming the entry. */
function safePath(raw: string): string {
  const path = raw.replace(/^(\.\/)+/, '').replace(/\/+$/, '')
  const segments = path.split('/')
  const unsafe =
    !path ||
    raw.startsWith('/') ||
    [...raw].some((char) => char === '\\' || char.charCodeAt(0) < 32) ||
    /^[A-Za-z]:/.test(raw) ||
    segments.some((segment) => segment === '' || segment === '.' || segment === '..')
  if (unsafe) throw new ArchiveError(`unsafe path in the archive: "${raw}"`)
  return path
}

function gunzip(buffer: Buffer): Buffer {
  try {
    // Room for the tar headers around the largest allowed content.
    return gunzipSync(buffer, { maxOutputLength: ARCHIVE_LIMITS.unpackedBytes * 2 })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      throw new ArchiveError(
        `the archive unpacks to more than ${ARCHIVE_LIMITS.unpackedBytes / 2 ** 20} MB`
      )
    throw new ArchiveError(`the .tar.gz is damaged: ${(error as Error).message}`)
  }
}

const text = (block: Buffer, start: number, length: number) =>
  block
    .subarray(start, start + length)
    .toString('utf8')
    .replace(/\0.*$/s, '')

function readTar(data: Buffer): ArchiveEntry[] {
  const entries: ArchiveEntry[] = []
  let longName: string | undefined
  for (let offset = 0; offset + 512 <= data.length;) {
    const header = data.subarray(offset, offset + 512)
    if (header.every((byte) => byte === 0)) break
    const size = Number.parseInt(text(header, 124, 12).trim() || '0', 8)
    const type = String.fromCharCode(header[156] || 48)
    const body = data.subarray(offset + 512, offset + 512 + size)
    if (!Number.isFinite(size) || body.length !== size)
      throw new ArchiveError('the .tar.gz is damaged')
    offset += 512 + Math.ceil(size / 512) * 512
    const prefix = text(header, 257, 6).startsWith('ustar') ? text(header, 345, 155) : ''
    const name = longName ?? (prefix ? `${prefix}/${text(header, 0, 100)}` : text(header, 0, 100))
    longName = undefined
    if (type === 'x') longName = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'))?.[1]
    else if (type === 'L') longName = body.toString('utf8').replace(/\0.*$/s, '')
    else if (type === '0' || type === '7')
      entries.push({ path: safePath(name), data: Buffer.from(body) })
    else if (type === '5') safePath(name)
    else if (type !== 'g')
      throw new ArchiveError(`"${name}" is a link or a device: only files and folders are allowed`)
  }
  return entries
}

function readZip(data: Buffer): ArchiveEntry[] {
  const end = data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (end < 0 || end + 22 > data.length) throw new ArchiveError('the .zip is damaged')
  const count = data.readUInt16LE(end + 10)
  let at = data.readUInt32LE(end + 16)
  const entries: ArchiveEntry[] = []
  for (let index = 0; index < count; index++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== 0x02014b50)
      throw new ArchiveError('the .zip is damaged')
    const flags = data.readUInt16LE(at + 8)
    const method = data.readUInt16LE(at + 10)
    const crc = data.readUInt32LE(at + 16)
    const packed = data.readUInt32LE(at + 20)
    const size = data.readUInt32LE(at + 24)
    const nameLength = data.readUInt16LE(at + 28)
    const mode = data.readUInt32LE(at + 38) >>> 16
    const local = data.readUInt32LE(at + 42)
    const name = data.subarray(at + 46, at + 46 + nameLength).toString('utf8')
    at += 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32)
    const path = safePath(name)
    if ((mode & 0o170000) === 0o120000)
      throw new ArchiveError(`"${name}" is a link: only files and folders are allowed`)
    if (name.endsWith('/')) continue
    if (flags & 1) throw new ArchiveError(`"${name}" is encrypted`)
    if (packed === 0xffffffff || size === 0xffffffff)
      throw new ArchiveError(`"${name}" is too large`)
    if (size > ARCHIVE_LIMITS.unpackedBytes)
      throw new ArchiveError(
        `the archive unpacks to more than ${ARCHIVE_LIMITS.unpackedBytes / 2 ** 20} MB`
      )
    if (local + 30 > data.length || data.readUInt32LE(local) !== 0x04034b50)
      throw new ArchiveError('the .zip is damaged')
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28)
    const stored = data.subarray(start, start + packed)
    let content: Buffer
    try {
      if (method === 0) content = Buffer.from(stored)
      else if (method === 8)
        content = inflateRawSync(stored, { maxOutputLength: Math.max(size, 1) })
      else throw new ArchiveError(`"${name}" uses an unsupported compression method`)
    } catch (error) {
      if (error instanceof ArchiveError) throw error
      throw new ArchiveError(`"${name}" is damaged`)
    }
    if (content.length !== size || crc32(content) !== crc)
      throw new ArchiveError(`"${name}" is damaged`)
    entries.push({ path, data: content })
  }
  return entries
}
