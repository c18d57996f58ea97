/**
 * Plain-text mails with an HTML twin: paragraphs and an optional call to
 * action. Everything is escaped; no user input reaches the HTML unescaped.
 */
export interface MailContent {
  greeting: string
  paragraphs: string[]
  action?: { label: string; url: string }
  footer?: string
}

function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

export function renderMail(content: MailContent): { text: string; html: string } {
  const lines = [content.greeting, '', ...content.paragraphs.flatMap((p) => [p, ''])]
  if (content.action) lines.push(`${content.action.label}: ${content.action.url}`, '')
  if (content.footer) lines.push(content.footer, '')
  lines.push('Kinnect Open')

  const html = [
    `<p>${escapeHtml(content.greeting)}</p>`,
    ...content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    content.action
      ? `<p><a href="${escapeHtml(content.action.url)}">${escapeHtml(content.action.label)}</a></p>`
      : '',
    content.footer ? `<p style="color:#566170">${escapeHtml(content.footer)}</p>` : '',
    '<p>Kinnect Open</p>',
  ].join('\n')

  return { text: lines.join('\n'), html }
}
