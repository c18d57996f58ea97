import { router } from '@inertiajs/vue3'

/** Shows another view of a page: its state goes in the URL query (empty values left out), so it can be linked. */
export function visitView(path: string, values: Record<string, unknown>) {
  const query: Record<string, string> = {}
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === '') continue
    query[name] = Array.isArray(value) ? value.join(',') : String(value)
  }
  router.get(path, query, { preserveScroll: true })
}
