/*
| Routes: the shared core (health, auth, dashboard) then each bounded context's own file.
*/
import '#core/routes'
import '#customer/routes'
import '#settlement/routes'
import '#insights/routes'
