import { existsSync, watch, type FSWatcher } from 'node:fs'
import { sep } from 'node:path'

/**
 * Watches rule folders for hot reload (ARCHITECTURE.md §1): calls `onChange`
 * once a burst of file changes has been quiet for `debounceMs` (an editor
 * save or an unpacked plugin is many events), with the time of the burst's
 * first event. Hidden entries (editor swap files, upload staging folders)
 * are ignored.
 */
export interface FolderWatch {
  close(): void
}

export function watchFolders(
  dirs: string[],
  onChange: (firstChangeAt: number) => void,
  debounceMs = 250
): FolderWatch {
  let timer: NodeJS.Timeout | undefined
  let firstChangeAt: number | undefined
  const changed = (_event: string, file: string | Buffer | null) => {
    const path = file === null ? '' : String(file)
    if (path.split(sep).some((part) => part.startsWith('.'))) return
    firstChangeAt ??= performance.now()
    clearTimeout(timer)
    timer = setTimeout(() => {
      const at = firstChangeAt!
      firstChangeAt = undefined
      onChange(at)
    }, debounceMs)
  }
  const watchers: FSWatcher[] = dirs
    .filter((dir) => existsSync(dir))
    .map((dir) => watch(dir, { recursive: true, persistent: false }, changed))
  return {
    close() {
      clearTimeout(timer)
      for (const watcher of watchers) watcher.close()
    },
  }
}
