import { join } from 'node:path'
import type { HttpContext } from '@adonisjs/core/http'
import CustomerDocument from '#customer/models/document'
import { ownedRecord } from '#customer/support/parties'
import { uploadsDirectory } from '#customer/support/uploads'

/** Downloads an uploaded document of the viewer's own party (operators: any party). */
export default class DocumentsController {
  async show(ctx: HttpContext) {
    const document = await ownedRecord(ctx.auth.getUserOrFail(), CustomerDocument, ctx.params.id)
    ctx.response.header('content-type', 'application/pdf')
    ctx.response.attachment(join(uploadsDirectory(), document.storedName), document.fileName)
  }
}
