import type { HttpContext } from '@adonisjs/core/http'
import { CUSTOMER_ROUTES } from '#customer/route_table'
import { FIELD_HELP } from '#customer/reference/field_help'
import { MACHINES } from '#customer/journeys/machines'
import { appVersion } from '#core/version'

/**
 * OpenAPI 3 description of /api/v1/customer, generated from the route table and
 * the VineJS validators the routes use, so it cannot drift from the code.
 */
function describe(schema: any): any {
  if (schema && typeof schema === 'object' && schema.properties) {
    for (const [name, property] of Object.entries<any>(schema.properties)) {
      if (FIELD_HELP[name] && !property.description) property.description = FIELD_HELP[name]
      describe(property)
    }
  }
  if (schema?.items) describe(schema.items)
  return schema
}

function operation(route: (typeof CUSTOMER_ROUTES)[number]) {
  const params = [...route.path.matchAll(/:(\w+)/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: name === 'id' ? { type: 'integer' } : { type: 'string' },
  }))
  const errors: Record<string, unknown> = {
    '404': {
      description: 'Not found (also for another party’s record)',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Errors' } } },
    },
  }
  if (route.access !== 'public') {
    errors['401'] = { description: 'Missing or invalid token' }
    errors['403'] = {
      description: 'Role, category or four-eyes rule refuses the action',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Errors' } } },
    }
  }
  if (route.method !== 'get') {
    errors['409'] = {
      description: 'The journey state does not allow this transition',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Errors' } } },
    }
    errors['422'] = {
      description: 'Validation failed: one message per field',
      content: {
        'application/json': { schema: { $ref: '#/components/schemas/ValidationErrors' } },
      },
    }
  }
  return {
    summary: route.summary,
    operationId: `${route.controller}.${route.handler}`,
    tags: [route.controller],
    ...(route.access === 'public' ? { security: [] } : {}),
    ...(route.access === 'operator' ? { description: 'Operators and admins only.' } : {}),
    parameters: params,
    ...(route.validator
      ? {
          requestBody: {
            required: true,
            content: {
              [route.multipart ? 'multipart/form-data' : 'application/json']: {
                schema: describe(route.validator.toJSONSchema()),
              },
            },
          },
        }
      : {}),
    responses: {
      '200': {
        description: 'Success',
        content: {
          'application/json': {
            schema:
              route.method === 'get' ? { type: 'object' } : { $ref: '#/components/schemas/Result' },
          },
        },
      },
      ...errors,
    },
  }
}

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const route of CUSTOMER_ROUTES) {
    const path = `/api/v1/customer${route.path === '/' ? '' : route.path}`.replace(
      /:(\w+)/g,
      '{$1}'
    )
    paths[path] = { ...(paths[path] ?? {}), [route.method]: operation(route) }
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Kinnect Open customer API',
      version: appVersion(),
      description: `Every portal action of the customer solution. Journeys: ${MACHINES.map((m) => `${m.id} (${m.states.join(' → ')})`).join('; ')}.`,
    },
    servers: [{ url: '/' }],
    security: [{ bearerAuth: [] }],
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'Personal access token from /account/tokens',
        },
      },
      schemas: {
        Result: { type: 'object', properties: { message: { type: 'string' }, data: {} } },
        Errors: {
          type: 'object',
          properties: {
            errors: {
              type: 'array',
              items: { type: 'object', properties: { message: { type: 'string' } } },
            },
          },
        },
        ValidationErrors: {
          type: 'object',
          properties: {
            errors: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  field: { type: 'string' },
                  message: { type: 'string' },
                  rule: { type: 'string' },
                },
              },
            },
          },
        },
      },
    },
    paths,
  }
}

export default class OpenApiController {
  show({ response }: HttpContext) {
    return response.ok(openApiDocument())
  }
}
