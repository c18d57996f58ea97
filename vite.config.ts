import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import adonisjs from '@adonisjs/vite/client'

export default defineConfig({
  /* The server's .env is not for the browser bundle (no VITE_ variables are used). */
  envDir: false,
  plugins: [
    vue(),
    adonisjs({
      entryPoints: ['resources/js/app.ts'],
      /* The SSR bundle needs its own entry, or it overwrites the client assets. */
      serverEntryPoints: ['resources/js/ssr.ts'],
      reload: ['resources/views/**/*.edge'],
    }),
  ],
  resolve: {
    alias: { '~/': `${import.meta.dirname}/resources/js/` },
  },
  server: {
    watch: { ignored: ['**/tmp/**', '**/build/**'] },
    /* Tests render through Vite in-process: no HMR socket, so parallel runs never clash on its port. */
    ...(process.env.NODE_ENV === 'test' ? { ws: false as const, hmr: false } : {}),
  },
})
