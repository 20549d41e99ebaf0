// partial.js: partial entry. A required object whose own fields are all
// optional (三公 预算数, 财决Z01 决算数's 支出, the sections of 财决附03)
// must be present, even empty, before the document validates; a clerk who
// has entered only part of a table has no way to create it. completeRequired
// adds such objects, as {}, inside every object the document has, and
// nothing else: no figure (absent is not zero), no table the document does
// not have. rjsf's emptyObjectFields: 'populateRequiredDefaults' does the
// same only below required ancestors (not in an optional table such as
// 财决Z01 or 财决附03); see schemas/README.md.

function deref(root, s) {
  while (s && s.$ref) {
    const name = s.$ref.replace(/^#\/(\$defs|definitions)\//, '').replace(/~1/g, '/').replace(/~0/g, '~');
    s = (root.$defs || root.definitions || {})[name];
  }
  return s;
}

// completable reports whether an object of schema s can be created empty
// and completed to a valid value: its required fields are all completable
// objects.
function completable(root, s, depth = 0) {
  s = deref(root, s);
  if (!s || s.type !== 'object' || depth > 32) return false;
  return (s.required || []).every((k) => completable(root, s.properties && s.properties[k], depth + 1));
}

/** completeRequired returns data with the completable required objects
 * added inside every object present; data itself when nothing is missing. */
export function completeRequired(root, schema, data) {
  const s = deref(root, schema);
  if (!s || data === null || typeof data !== 'object') return data;
  if (Array.isArray(data)) {
    let out = data;
    data.forEach((v, i) => {
      const w = completeRequired(root, s.items, v);
      if (w !== v) {
        if (out === data) out = data.slice();
        out[i] = w;
      }
    });
    return out;
  }
  let out = data;
  const put = (k, v) => {
    if (out === data) out = { ...data };
    out[k] = v;
  };
  for (const k of s.required || []) {
    if (data[k] === undefined && s.properties && completable(root, s.properties[k])) put(k, completeRequired(root, s.properties[k], {}));
  }
  for (const [k, v] of Object.entries(out)) {
    const sub = s.properties && s.properties[k] ? s.properties[k] : typeof s.additionalProperties === 'object' ? s.additionalProperties : null;
    if (!sub) continue;
    const w = completeRequired(root, sub, v);
    if (w !== v) put(k, w);
  }
  return out;
}
