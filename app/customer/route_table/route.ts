import type { VineValidator } from '@vinejs/vine'

/**
 * One customer route: where it lives, which controller method answers it, who
 * may call it (public, party users, operators), its summary and its validator
 * (the OpenAPI request schema comes from the validator).
 */
export type Access = 'public' | 'party' | 'operator'
export type ControllerName =
  | 'entry'
  | 'signatories'
  | 'account'
  | 'roles'
  | 'assets'
  | 'credit'
  | 'exit'
  | 'operator'
  | 'documents'

export interface CustomerRoute {
  method: 'get' | 'post' | 'put'
  path: string
  controller: ControllerName
  handler: string
  access: Access
  summary: string
  validator?: VineValidator<any, any>
  multipart?: boolean
}

export const r = (
  method: CustomerRoute['method'],
  path: string,
  controller: ControllerName,
  handler: string,
  access: Access,
  summary: string,
  validator?: VineValidator<any, any>,
  multipart = false
): CustomerRoute => ({ method, path, controller, handler, access, summary, validator, multipart })
