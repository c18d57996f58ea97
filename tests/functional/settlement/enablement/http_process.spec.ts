import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { test } from '@japa/runner'
import { createUser } from '#tests/helpers/users'
import { typeScriptLoaderArgs } from '#workers/pool'
import { GOOD, ROOT } from './support/rules_fixtures.js'

/**
 * The HTTP process never imports rule code, checked on a running server: a
 * real `bin/server.ts` with a module-load recorder, an admin who signs in and
 * opens /admin/rules (the pool's workers import every plugin to validate
 * them), then the list of modules its main thread loaded.
 */
const HOOK = join(ROOT, 'tests/functional/settlement/enablement/support/record_module_loads.ts')

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/**
 * A tiny Inertia client: keeps cookies, asks for pages as Inertia JSON (so no
 * server-side rendering is involved), learns the asset version from the
 * first answer and posts forms with the page's CSRF token.
 */
function session(base: string) {
  const cookies = new Map<string, string>()
  let version = ''
  const request = async (path: string, form?: Record<string, string>) => {
    const response = await fetch(`${base}${path}`, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        'cookie': [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        'x-inertia': 'true',
        'x-inertia-version': version,
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form ? new URLSearchParams(form).toString() : undefined,
    })
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';')
      const at = pair.indexOf('=')
      cookies.set(pair.slice(0, at), pair.slice(at + 1))
    }
    version = response.headers.get('x-inertia-version') ?? version
    const text = await response.text()
    return { status: response.status, page: text.startsWith('{') ? JSON.parse(text) : null }
  }
  return {
    async page(path: string) {
      const first = await request(path)
      return first.status === 409 ? request(path) : first
    },
    async form(path: string, fields: Record<string, string>) {
      const { page } = await this.page(path)
      return request(path, { ...fields, _csrf: page?.props.csrfToken ?? '' })
    },
  }
}

async function waitForServer(base: string, child: ChildProcess) {
  for (let tries = 0; tries < 200; tries++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`)
    try {
      const health = await fetch(`${base}/health`)
      if (health.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150))
  }
  throw new Error('the server did not start')
}

test.group('HTTP process and rule code (running server)', () => {
  test('serving /admin/rules loads no module under rules/ into the main thread', async ({
    assert,
  }) => {
    const admin = await createUser({ role: 'admin' })
    const port = await freePort()
    const log = join(ROOT, `tmp/http-process-modules-${port}.txt`)
    const child = spawn(
      process.execPath,
      [...typeScriptLoaderArgs(), `--import=${pathToFileURL(HOOK).href}`, 'bin/server.ts'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          PORT: String(port),
          MODULE_LOG_FILE: log,
          RULES_MODIFICATIONS_DIR: GOOD,
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      }
    )
    let stderr = ''
    child.stderr!.on('data', (chunk) => (stderr += chunk))
    const exited = new Promise((resolve) => child.on('exit', resolve))
    try {
      const base = `http://127.0.0.1:${port}`
      await waitForServer(base, child)
      const browser = session(base)
      const password = await browser.form('/login', {
        email: admin.user.email,
        password: admin.password,
      })
      assert.equal(password.status, 302, stderr)
      const code = await browser.form('/login/mfa', { code: admin.totpCode() })
      assert.equal(code.status, 302, stderr)
      const { status, page } = await browser.page('/admin/rules')
      assert.equal(status, 200, stderr)
      assert.equal(page.component, 'admin/rules/index')
      // Valid means a worker imported each plugin and reported its stages.
      const plugins = page.props.plugins as { id: string; problems: string[] }[]
      assert.deepEqual(plugins.find((plugin) => plugin.id === 'throwing_stage')?.problems, [])
      assert.deepEqual(plugins.find((plugin) => plugin.id === 'audit_totals')?.problems, [])
    } finally {
      child.kill('SIGTERM')
      await exited
    }
    assert.isTrue(existsSync(log), stderr)
    const modules = readFileSync(log, 'utf8').split('\n')
    rmSync(log)
    const rulesUrl = pathToFileURL(join(ROOT, 'rules')).href
    const mine = (path: string) => pathToFileURL(join(ROOT, path)).href
    assert.include(modules, mine('app/settlement/enablement/rules_controller.ts'))
    assert.include(modules, mine('app/rules_runtime/plugin_catalogue.ts'))
    assert.deepEqual(
      modules.filter(
        (url) => url.startsWith(`${rulesUrl}/`) || url.startsWith(pathToFileURL(GOOD).href)
      ),
      []
    )
  }).timeout(120_000)
})
