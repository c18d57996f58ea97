import { defineConfig } from '@adonisjs/cors'

/** The public Insights API is open to any origin, as Elexon's is. */
const corsConfig = defineConfig({
  enabled: true,
  origin: (requestOrigin, ctx) => ctx.request.url().startsWith('/bmrs/api/') || !requestOrigin,
  methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
  headers: true,
  exposeHeaders: [],
  credentials: false,
  maxAge: 90,
})

export default corsConfig
