import { defineConfig } from '@adonisjs/core/app'
import { indexPages } from '@adonisjs/inertia'

export default defineConfig({
  experimental: {},

  /* Ace commands: framework packages, then each context's commands/ folder. */
  commands: [
    () => import('@adonisjs/core/commands'),
    () => import('@adonisjs/lucid/commands'),
    () => import('@adonisjs/session/commands'),
    () => import('@adonisjs/inertia/commands'),
    () => import('#database/demo/commands'),
    () => import('#customer/commands/main'),
    () => import('#settlement/commands/main'),
    () => import('#insights/commands/main'),
  ],

  providers: [
    () => import('@adonisjs/core/providers/app_provider'),
    () => import('@adonisjs/core/providers/hash_provider'),
    { file: () => import('@adonisjs/core/providers/repl_provider'), environment: ['repl', 'test'] },
    () => import('@adonisjs/core/providers/vinejs_provider'),
    () => import('@adonisjs/core/providers/edge_provider'),
    () => import('@adonisjs/session/session_provider'),
    () => import('@adonisjs/vite/vite_provider'),
    () => import('@adonisjs/shield/shield_provider'),
    () => import('@adonisjs/static/static_provider'),
    () => import('@adonisjs/cors/cors_provider'),
    () => import('@adonisjs/lucid/database_provider'),
    () => import('@adonisjs/auth/auth_provider'),
    () => import('@adonisjs/inertia/inertia_provider'),
    () => import('@adonisjs/limiter/limiter_provider'),
    () => import('@adonisjs/bouncer/bouncer_provider'),
    () => import('@adonisjs/mail/mail_provider'),
  ],

  preloads: [
    () => import('#start/routes'),
    () => import('#start/kernel'),
    () => import('#insights/listeners'),
    () => import('#settlement/preload'),
  ],

  tests: {
    suites: [
      {
        name: 'unit',
        files: ['tests/unit/**/*.spec.ts', 'rules/**/tests/**/*.spec.ts'],
        timeout: 20000,
      },
      { name: 'functional', files: ['tests/functional/**/*.spec.ts'], timeout: 60000 },
      { name: 'browser', files: ['tests/browser/**/*.spec.ts'], timeout: 120000 },
    ],
    forceExit: true,
  },

  metaFiles: [
    { pattern: 'resources/views/**/*.edge', reloadServer: false },
    { pattern: 'public/**', reloadServer: false },
    { pattern: 'rules/**/*.{yaml,md,json,csv}', reloadServer: false },
    { pattern: 'app/**/*.{yaml,md}', reloadServer: true },
  ],

  hooks: {
    init: [indexPages({ framework: 'vue3', source: 'resources/js/pages' })],
    buildStarting: [() => import('@adonisjs/vite/build_hook')],
  },
})
