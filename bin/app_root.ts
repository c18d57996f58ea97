/**
 * Shared by every entry point: where the application lives and how its
 * relative imports are resolved.
 */
export const APP_ROOT = new URL('../', import.meta.url)

export function appImporter(filePath: string) {
  if (filePath.startsWith('./') || filePath.startsWith('../')) {
    return import(new URL(filePath, APP_ROOT).href)
  }
  return import(filePath)
}
