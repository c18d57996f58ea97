/**
 * Slices of the real 2018 files in shared/data/real (read in place, never
 * copied): the header plus the rows of the given local dates.
 */
import { readFileSync } from 'node:fs'
import app from '@adonisjs/core/services/app'

export const PORTAL_2018 = app.makePath('../shared/data/real/elexondataportal-2018')

export function realFile(name: string): string {
  return readFileSync(`${PORTAL_2018}/${name}`, 'utf8')
}

/** Header and rows whose local_datetime starts with one of the dates. */
export function realDays(name: string, dates: string[]): string {
  const [header, ...lines] = realFile(name).split('\n')
  return (
    [header, ...lines.filter((line) => dates.some((date) => line.startsWith(date)))].join('\n') +
    '\n'
  )
}
