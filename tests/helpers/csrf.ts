import type { ApiClient } from '@japa/api-client'
import type { SessionData } from '@adonisjs/session/types'

/**
 * A session holding a CSRF secret and the matching token, obtained the way a
 * browser gets them (a page's `csrfToken` prop). Post forms with
 * `.withSession(form.session).form({ ...fields, _csrf: form.token })`.
 */
export async function csrfForm(client: ApiClient) {
  const page = await client.get('/').withInertia()
  return {
    session: page.session() as SessionData,
    token: page.body().props.csrfToken as string,
  }
}
