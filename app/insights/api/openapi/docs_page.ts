/**
 * /bmrs/api/docs: a self-contained page (no CDN) that reads our OpenAPI
 * document and lets a reader fill parameters, send the request and see the answer.
 */
export const DOCS_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Insights API — interactive documentation</title>
<style>
  body { font: 15px/1.5 system-ui, sans-serif; margin: 0; color: #1d2433; background: #f6f7f9; }
  header { background: #14345c; color: #fff; padding: 1rem 2rem; }
  header a { color: #cfe3ff; }
  main { max-width: 70rem; margin: 0 auto; padding: 1rem 2rem 4rem; }
  details { background: #fff; border: 1px solid #d5dae3; border-radius: 6px; margin: .5rem 0; }
  summary { cursor: pointer; padding: .6rem 1rem; }
  summary code { font-weight: 600; }
  .tag { display: inline-block; font-size: .75rem; background: #e6edf7; border-radius: 3px; padding: 0 .4rem; margin-left: .5rem; }
  .ext { background: #fff1d6; }
  form { padding: 0 1rem 1rem; }
  label { display: grid; grid-template-columns: 14rem 1fr; gap: .5rem; margin: .3rem 0; align-items: center; }
  input, select { font: inherit; padding: .2rem .4rem; }
  button { font: inherit; padding: .3rem 1rem; background: #14345c; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
  pre { background: #0f1724; color: #e4ecf7; padding: .8rem; overflow: auto; max-height: 28rem; border-radius: 4px; }
  .req::after { content: " *"; color: #b3261e; }
</style>
</head>
<body>
<header>
  <h1>Insights API</h1>
  <p>Public, no key. Elexon-compatible paths under <code>/bmrs/api/v1</code>; our additions under <code>/bmrs/api/v1/ext</code>.
  Machine-readable: <a href="/bmrs/api/v1/openapi.json">openapi.json</a>.</p>
</header>
<main id="app"><p>Loading the API description…</p></main>
<script>
(async () => {
  const app = document.getElementById('app')
  const doc = await (await fetch('/bmrs/api/v1/openapi.json')).json()
  const base = doc.servers[0].url
  app.textContent = ''
  for (const [path, item] of Object.entries(doc.paths)) {
    const op = item.get
    const box = document.createElement('details')
    const head = document.createElement('summary')
    head.innerHTML = '<code></code><span class="tag"></span> <span></span>'
    head.children[0].textContent = 'GET ' + path
    head.children[1].textContent = op.tags[0]
    if (op['x-extension']) head.children[1].classList.add('ext')
    head.children[2].textContent = op.summary
    box.appendChild(head)
    const form = document.createElement('form')
    for (const p of op.parameters) {
      const label = document.createElement('label')
      const name = document.createElement('span')
      name.textContent = p.name + ' (' + p.in + ')'
      if (p.required) name.className = 'req'
      let input
      if (p.schema.enum) {
        input = document.createElement('select')
        for (const v of [''].concat(p.schema.enum)) input.add(new Option(v, v))
      } else {
        input = document.createElement('input')
        input.placeholder = (p.schema.format || p.schema.type || '') + (p.schema.type === 'array' ? ' (comma separated)' : '')
      }
      input.name = p.name
      input.dataset.in = p.in
      label.append(name, input)
      form.appendChild(label)
    }
    const send = document.createElement('button')
    send.textContent = 'Send'
    const out = document.createElement('pre')
    out.hidden = true
    form.append(send, out)
    form.addEventListener('submit', async (event) => {
      event.preventDefault()
      let url = base + path
      const query = new URLSearchParams()
      const headers = {}
      for (const input of form.querySelectorAll('input, select')) {
        if (!input.value) continue
        if (input.dataset.in === 'path') url = url.replace('{' + input.name + '}', encodeURIComponent(input.value))
        else if (input.dataset.in === 'header') headers[input.name] = input.value
        else for (const v of input.value.split(',')) query.append(input.name, v.trim())
      }
      const target = url + (query.size ? '?' + query : '')
      out.hidden = false
      if (path.includes('/push/')) { out.textContent = 'Open with EventSource: ' + target; return }
      out.textContent = 'GET ' + target + ' …'
      const response = await fetch(target, { headers })
      const text = await response.text()
      let shown = text
      try { shown = JSON.stringify(JSON.parse(text), null, 2) } catch {}
      out.textContent = 'GET ' + target + '\\n' + response.status + ' ' + (response.headers.get('content-type') || '') + '\\n\\n' + shown.slice(0, 20000)
    })
    box.appendChild(form)
    app.appendChild(box)
  }
})()
</script>
</body>
</html>
`
