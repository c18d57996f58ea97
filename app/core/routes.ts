import router from '@adonisjs/core/services/router'

const HealthController = () => import('#core/health/health_controller')

router.get('/health', [HealthController, 'show'])
router.on('/').renderInertia('home', {})
