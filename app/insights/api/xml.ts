/**
 * XML for `format=xml`: the JSON body's structure as elements (object members
 * by name, list members as <item>, null as an empty element with nil="true"),
 * so the XML carries exactly what the JSON does, metadata included.
 */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

export function escapeXml(text: string): string {
  // Characters XML 1.0 cannot carry at all are dropped rather than producing an unreadable document.
  let out = ''
  for (const ch of text) {
    const code = ch.charCodeAt(0)
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) continue
    out += ENTITIES[ch] ?? ch
  }
  return out
}

/** Appends the element for one value (objects by member, lists as <item>) to `out`. */
export function element(name: string, value: unknown, out: string[]) {
  if (value === null || value === undefined) {
    out.push(`<${name} nil="true"/>`)
  } else if (Array.isArray(value)) {
    out.push(`<${name}>`)
    for (const item of value) element('item', item, out)
    out.push(`</${name}>`)
  } else if (typeof value === 'object') {
    out.push(`<${name}>`)
    for (const [key, member] of Object.entries(value as Record<string, unknown>))
      element(key, member, out)
    out.push(`</${name}>`)
  } else {
    out.push(`<${name}>${escapeXml(String(value))}</${name}>`)
  }
}

/** The document for a response body; `root` names the outer element. */
export function toXml(body: unknown, root = 'response'): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>']
  element(root, body, out)
  return out.join('') + '\n'
}
