import { r, type CustomerRoute } from './route.js'
import * as entry from '../validators/entry_validators.js'
import * as roles from '../validators/role_validators.js'

/** Role registration and qualification (customer.md §5). */
export const ROLE_ROUTES: CustomerRoute[] = [
  r(
    'get',
    '/parties/:partyId/roles',
    'roles',
    'index',
    'party',
    'Role registration routes, role cases and qualification'
  ),
  r(
    'post',
    '/parties/:partyId/roles',
    'roles',
    'open',
    'party',
    'Open a role registration (E8)',
    roles.openRoleCaseValidator
  ),
  r(
    'post',
    '/role-cases/:id/submit',
    'roles',
    'submit',
    'party',
    'Submit a role registration (Cat A or Sig B)'
  ),
  r(
    'post',
    '/qualifications/:id/advance',
    'roles',
    'advanceQualification',
    'party',
    'Take the next step of a qualification sub-case',
    roles.advanceQualificationValidator
  ),
  r(
    'post',
    '/role-cases/:id/start-qualification',
    'roles',
    'startQualification',
    'operator',
    'Open the qualification sub-cases'
  ),
  r(
    'post',
    '/role-cases/:id/return',
    'roles',
    'returnCase',
    'operator',
    'Return a role case to the party',
    entry.reasonValidator
  ),
  r('post', '/role-cases/:id/register', 'roles', 'register', 'operator', 'Register the role (CRA)'),
  r('post', '/role-cases/:id/deregister', 'roles', 'deregister', 'operator', 'Deregister the role'),
]
