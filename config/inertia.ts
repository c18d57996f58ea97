import { defineConfig } from '@adonisjs/inertia'

/** Server-rendered portal: every page arrives as HTML, then hydrates. */
const inertiaConfig = defineConfig({
  rootView: 'inertia_layout',
  encryptHistory: false,
  ssr: {
    enabled: true,
    entrypoint: 'resources/js/ssr.ts',
  },
})

export default inertiaConfig
