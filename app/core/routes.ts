import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import '#core/dashboard/platform_widget'

const HealthController = () => import('#core/health/health_controller')
const SessionController = () => import('#core/auth/controllers/session_controller')
const MfaChallengeController = () => import('#core/auth/controllers/mfa_challenge_controller')
const MfaSetupController = () => import('#core/auth/controllers/mfa_setup_controller')
const MfaSettingsController = () => import('#core/auth/controllers/mfa_settings_controller')
const PasswordResetController = () => import('#core/auth/controllers/password_reset_controller')
const AccountController = () => import('#core/auth/controllers/account_controller')
const AccessTokensController = () => import('#core/auth/controllers/access_tokens_controller')
const TeamController = () => import('#core/auth/controllers/team_controller')
const UsersApiController = () => import('#core/auth/controllers/users_api_controller')
const NotificationsController = () => import('#core/notifications/notifications_controller')
const DashboardController = () => import('#core/dashboard/dashboard_controller')
const AdminController = () => import('#core/admin/admin_controller')
const AdminUsersController = () => import('#core/admin/users_controller')
const MailboxController = () => import('#core/mail/mailbox_controller')

/* Record ids fit a 32-bit integer column: longer numbers are a 404, not a database error. */
const id = { match: /^[1-9]\d{0,8}$/, cast: (value: string) => Number(value) }

/* Route names get a "core." prefix so they never collide with a context's (e.g. customer's account.show). */
router
  .group(() => {
    router.get('/health', [HealthController, 'show']).as('health')
    router.on('/').renderInertia('home', {}).as('home')

    /* Signing in: password, then (for enrolled users) the second factor. */
    router
      .group(() => {
        router.get('/login', [SessionController, 'create']).as('login')
        router.post('/login', [SessionController, 'store']).as('login.store')
        router.get('/login/mfa', [MfaChallengeController, 'show']).as('login.mfa')
        router.post('/login/mfa', [MfaChallengeController, 'verify']).as('login.mfa.verify')
        router.get('/forgot-password', [PasswordResetController, 'create']).as('password.forgot')
        router.post('/forgot-password', [PasswordResetController, 'store']).as('password.email')
        router
          .get('/reset-password/:token', [PasswordResetController, 'edit'])
          .where('token', /^[A-Za-z0-9_-]{20,100}$/)
          .as('password.reset')
        router
          .post('/reset-password/:token', [PasswordResetController, 'update'])
          .where('token', /^[A-Za-z0-9_-]{20,100}$/)
          .as('password.update')
      })
      .use(middleware.guest())

    /* Open to anyone: it also abandons a half-finished (password-only) sign-in. */
    router.post('/logout', [SessionController, 'destroy']).as('logout')

    /* MFA enrolment is reachable before MFA is set up (the mfa middleware sends people here). */
    router
      .group(() => {
        router.get('/account/mfa/setup', [MfaSetupController, 'show']).as('mfa.setup')
        router.post('/account/mfa/setup', [MfaSetupController, 'confirm']).as('mfa.confirm')
        router
          .get('/account/mfa/recovery-codes', [MfaSetupController, 'recoveryCodes'])
          .as('mfa.recovery_codes')
      })
      .use(middleware.auth())

    /* Everything else signed in needs MFA where the role requires it. */
    router
      .group(() => {
        router.get('/dashboard', [DashboardController, 'show']).as('dashboard')
        router.get('/account', [AccountController, 'show']).as('account')
        router
          .put('/account/password', [AccountController, 'updatePassword'])
          .as('account.password')
        router
          .post('/account/mfa/recovery-codes', [MfaSettingsController, 'regenerateRecoveryCodes'])
          .as('mfa.recovery_codes.regenerate')
        router.post('/account/mfa/disable', [MfaSettingsController, 'disable']).as('mfa.disable')
        router.get('/account/tokens', [AccessTokensController, 'index']).as('tokens.index')
        router.post('/account/tokens', [AccessTokensController, 'store']).as('tokens.store')
        router
          .delete('/account/tokens/:id', [AccessTokensController, 'destroy'])
          .where('id', id)
          .as('tokens.destroy')
        router
          .get('/account/notifications', [NotificationsController, 'index'])
          .as('notifications.index')
        router
          .post('/account/notifications/read-all', [NotificationsController, 'markAllRead'])
          .as('notifications.read_all')
        router
          .post('/account/notifications/:id/read', [NotificationsController, 'markRead'])
          .where('id', id)
          .as('notifications.read')
        router.get('/account/team', [TeamController, 'index']).as('team')
        router
          .get('/admin/users/:id', [AdminUsersController, 'show'])
          .where('id', id)
          .as('admin.users.show')
      })
      .use([middleware.auth(), middleware.mfa()])

    router
      .group(() => {
        router.get('/admin', [AdminController, 'index']).as('admin')
        router.get('/admin/audit', [AdminController, 'audit']).as('admin.audit')
      })
      .use([middleware.auth(), middleware.mfa(), middleware.role({ roles: ['operator', 'admin'] })])

    router.get('/dev/mailbox', [MailboxController, 'index']).use(middleware.mfa()).as('dev.mailbox')

    /* The party JSON API: personal access tokens only (no session cookie, so no CSRF exposure). */
    router
      .group(() => {
        router.get('/me', [UsersApiController, 'me']).as('api.me')
        router.get('/users', [UsersApiController, 'index']).as('api.users.index')
        router.get('/users/:id', [UsersApiController, 'show']).where('id', id).as('api.users.show')
        router
          .get('/notifications', [NotificationsController, 'apiIndex'])
          .as('api.notifications.index')
        router
          .post('/notifications/:id/read', [NotificationsController, 'apiMarkRead'])
          .where('id', id)
          .as('api.notifications.read')
      })
      .prefix('/api/v1')
      .use(middleware.auth({ guards: ['api'] }))
  })
  .as('core')
