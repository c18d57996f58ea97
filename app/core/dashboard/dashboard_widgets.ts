import logger from '@adonisjs/core/services/logger'
import type User from '#core/auth/user'
import type { Role } from '#core/auth/roles'

/**
 * The dashboard's extension point. A context registers a widget once at boot
 * (from its routes.ts or index.ts, both preloaded) and the dashboard shows it
 * to the roles it names; the dashboard never queries other contexts' tables.
 *
 *   registerDashboardWidget({
 *     id: 'settlement.latest_runs', title: 'Latest settlement runs', roles: ['operator', 'admin'],
 *     load: async (user) => ({ stats: [{ label: 'Runs today', value: 3, href: '/settlement/runs' }] }),
 *   })
 *
 * Content is plain data in one generic shape, so a context needs no Vue
 * component of its own to appear here.
 */
export interface WidgetContent {
  stats?: { label: string; value: string | number; href?: string }[]
  links?: { label: string; href: string }[]
  text?: string
}

export interface DashboardWidget {
  id: string
  title: string
  /** Who sees it; everyone signed in when omitted. */
  roles?: Role[]
  /** Lower comes first; default 100. */
  order?: number
  load(user: User): Promise<WidgetContent>
}

export interface LoadedWidget extends WidgetContent {
  id: string
  title: string
  failed: boolean
}

const widgets = new Map<string, DashboardWidget>()

/** Registers a widget; answers a function that removes it again. */
export function registerDashboardWidget(widget: DashboardWidget): () => void {
  if (widgets.has(widget.id))
    throw new Error(`Dashboard widget "${widget.id}" is already registered`)
  widgets.set(widget.id, widget)
  return () => widgets.delete(widget.id)
}

/** Loads the user's widgets side by side; one failing widget never breaks the page. */
export async function loadDashboardWidgets(user: User): Promise<LoadedWidget[]> {
  const visible = [...widgets.values()]
    .filter((widget) => !widget.roles || widget.roles.includes(user.role))
    .sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || a.id.localeCompare(b.id))
  return Promise.all(
    visible.map(async (widget) => {
      try {
        return { id: widget.id, title: widget.title, failed: false, ...(await widget.load(user)) }
      } catch (error) {
        logger.error({ err: error, widget: widget.id }, 'dashboard widget failed')
        return { id: widget.id, title: widget.title, failed: true }
      }
    })
  )
}
