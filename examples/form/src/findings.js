// findings.js: the audit findings of juesuan.validate (cmd/juesuan-wasm)
// at the form fields their JSON Pointers name, for rjsf (extraErrors) and
// JSON Forms (additionalErrors), and re-validation as the clerk types.

/** tokens splits an RFC 6901 JSON Pointer. */
export function tokens(ptr) {
  if (!ptr) return [];
  return ptr.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function text(f) {
  return f.message;
}

/** extraErrors maps the findings (errors and warnings) onto rjsf's
 * extraErrors shape: {tables: {summary: {income: {total: {__errors: [msg]}}}}}. */
export function extraErrors(findings, { severities = ['error', 'warning'] } = {}) {
  const root = {};
  for (const f of findings || []) {
    if (!severities.includes(f.severity)) continue;
    let node = root;
    for (const t of tokens(f.path)) node = node[t] = node[t] || {};
    (node.__errors = node.__errors || []).push(text(f));
  }
  return root;
}

/** additionalErrors maps the findings onto JSON Forms' additionalErrors
 * (ajv ErrorObjects with instancePath). */
export function additionalErrors(findings, { severities = ['error', 'warning'] } = {}) {
  return (findings || [])
    .filter((f) => severities.includes(f.severity))
    .map((f) => ({ instancePath: f.path || '', message: text(f), schemaPath: '', keyword: 'juesuan', params: { rule: f.rule } }));
}

/** debounced returns fn delayed until ms have passed without a call. */
export function debounced(fn, ms = 300) {
  let t;
  return (...args) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...args), ms);
  };
}

/** revalidator returns a function to call with the form data on every
 * change: after ms without a change it runs juesuan.validate (the global
 * the wasm defines) and calls onFindings with the parsed result
 * ({file, error, findings}). */
export function revalidator(onFindings, ms = 300) {
  return debounced((formData) => {
    const g = globalThis.juesuan;
    if (!g || !g.validate) return;
    onFindings(JSON.parse(g.validate(JSON.stringify(formData))));
  }, ms);
}
