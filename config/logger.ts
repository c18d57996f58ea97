import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, targets } from '@adonisjs/core/logger'

const loggerConfig = defineConfig({
  default: 'app',
  loggers: {
    app: {
      enabled: true,
      name: 'kinnect',
      level: env.get('LOG_LEVEL'),
      transport: {
        /* stderr, so commands that print JSON (e.g. `settlement:run --json`) keep stdout clean. */
        targets: targets()
          .pushIf(!app.inProduction, targets.pretty({ destination: 2 }))
          .pushIf(app.inProduction, targets.file({ destination: 2 }))
          .toArray(),
      },
    },
  },
})

export default loggerConfig

declare module '@adonisjs/core/types' {
  export interface LoggersList extends InferLoggers<typeof loggerConfig> {}
}
