import { configApp } from '@adonisjs/eslint-config'

export default configApp({
  name: 'Project ignores',
  ignores: ['tmp/**', 'public/**', 'resources/**', '.adonisjs/**', 'build/**'],
})
