import type { HttpContext } from '@adonisjs/core/http'
import { openApiDocument } from '#insights/api/openapi/document'
import { DOCS_PAGE } from '#insights/api/openapi/docs_page'

/** Our OpenAPI document and the interactive page that reads it. */
export default class DocsController {
  openapi({ response }: HttpContext) {
    return response.json(openApiDocument())
  }

  page({ response }: HttpContext) {
    response.header('content-type', 'text/html; charset=utf-8').send(DOCS_PAGE)
  }
}
