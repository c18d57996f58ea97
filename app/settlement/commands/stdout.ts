/**
 * Output of the settlement commands. A reader that stops early
 * (`settlement:report … | head`) closes the pipe; Node then reports EPIPE as
 * an unhandled stream error and the command dies with a stack trace. Here the
 * output simply ends: what the reader wanted it has.
 */
let readerGone = false
let guarded = false

function guardStdout() {
  if (guarded) return
  guarded = true
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    readerGone = true
  })
}

/** Writes `text` to stdout; resolves once written or once the reader has gone. */
export function writeStdout(text: string): Promise<void> {
  guardStdout()
  if (readerGone) return Promise.resolve()
  return new Promise((resolve) => process.stdout.write(text, () => resolve()))
}
