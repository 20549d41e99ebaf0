// messages.js: the zh-CN messages of juesuan's schemas for a form, from the
// catalogue `juesuan schema --messages zh-CN` prints (schemas/messages/).
// The lookup is the one juesuan.Profile.Messages documents:
//   1. locations[LOC][keyword] (LOC: the schemaPath without the keyword,
//      #/definitions/ read as #/$defs/, /properties/<missingProperty>
//      appended for required);
//   2. for pattern, patterns[params.pattern];
//   3. keywords[keyword] with {name} {limit} {value} {values} {type}.
// No dependencies: it runs in the browser and in Node.

/** schemaLocation is the catalogue key of an ajv error. */
export function schemaLocation(err) {
  let loc = (err.schemaPath || '').replace('#/definitions/', '#/$defs/');
  const i = loc.lastIndexOf('/');
  if (i >= 0) loc = loc.slice(0, i);
  if (err.keyword === 'required' && err.params && err.params.missingProperty) {
    loc += '/properties/' + String(err.params.missingProperty).replace(/~/g, '~0').replace(/\//g, '~1');
  }
  return loc;
}

function fill(text, c, params) {
  const p = params || {};
  const values = (p.allowedValues || []).map((v) => c.enums[v] || String(v)).join('、');
  return text
    .replace('{name}', p.additionalProperty ?? '')
    .replace('{limit}', p.limit ?? '')
    .replace('{value}', p.allowedValue ?? '')
    .replace('{values}', values)
    .replace('{type}', c.types[p.type] || p.type || '');
}

/** messageFor returns the Chinese message of one ajv error (or rjsf's
 * RJSFValidationError, which carries name instead of keyword). */
export function messageFor(c, err) {
  const e = { ...err, keyword: err.keyword || err.name };
  const at = c.locations[schemaLocation(e)];
  if (at && at[e.keyword]) return fill(at[e.keyword], c, e.params);
  if (e.keyword === 'pattern' && e.params && c.patterns[e.params.pattern]) return c.patterns[e.params.pattern];
  if (c.keywords[e.keyword]) return fill(c.keywords[e.keyword], c, e.params);
  return err.message;
}

/** transformErrors is rjsf's transformErrors prop: Chinese messages, and
 * one error per field (rjsf shows every error of a field otherwise). */
export function transformErrors(c) {
  return (errors) => {
    const seen = new Set();
    const out = [];
    for (const e of errors) {
      const message = messageFor(c, e);
      const key = (e.property || '') + '\u0000' + message;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ ...e, message, stack: message });
    }
    return out;
  };
}

/** jsonFormsI18n is JSON Forms' i18n prop: translateError gives the
 * catalogue's message for each ajv error. */
export function jsonFormsI18n(c) {
  return {
    locale: c.locale,
    translate: (key, defaultMessage) => defaultMessage,
    translateError: (error) => messageFor(c, error),
  };
}
