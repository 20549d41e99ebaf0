// app.jsx: a 决算 form for clerks. It loads a profile's schema, uiSchema
// and messages (juesuan schema --profile P, --ui rjsf, --messages zh-CN)
// and juesuan.wasm (cmd/juesuan-wasm), edits a document, shows schema
// errors in Chinese and the audit findings at their fields, re-validating
// as the clerk types, and downloads the JSON.
//
// URL parameters: profile (default sichuan-2020), doc (a document URL),
// tab (the tab shown first), schemas (where the files are, default
// schemas), wasm (default juesuan.wasm).
import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import Form from '@rjsf/core';
import { getDefaultRegistry } from '@rjsf/core';
import { customizeValidator } from '@rjsf/validator-ajv8';
import Ajv2020 from 'ajv/dist/2020.js';

import GridField from './grid.jsx';
import { ObjectFieldTemplate, FieldTemplate, FieldErrorTemplate, DescriptionFieldTemplate, makeBaseInputTemplate } from './templates.jsx';
import { transformErrors } from './messages.js';
import { extraErrors, revalidator } from './findings.js';
import { completeRequired } from './partial.js';

// The form adds nothing the document does not state (the exact round
// trip of schemas/README.md); completeRequired adds the empty objects a
// section entered in part needs.
const formBehavior = {
  emptyObjectFields: 'skipEmptyDefaults',
  arrayMinItems: { populate: 'never' },
  constAsDefaults: 'never',
  mergeDefaultsIntoFormData: 'useFormDataIfPresent',
};

const validator = customizeValidator({ AjvClass: Ajv2020 });

async function json(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return r.json();
}

async function loadWasm(url) {
  const go = new globalThis.Go();
  const { instance } = await WebAssembly.instantiateStreaming(fetch(url), go.importObject);
  go.run(instance);
  for (let i = 0; i < 200 && !(globalThis.juesuan && globalThis.juesuan.ready); i++) await new Promise((r) => setTimeout(r, 5));
}

function App({ schema, uiSchema, messages, initial, wasm, initialTab }) {
  const [formData, setFormData] = useState(initial);
  const [audit, setAudit] = useState({ findings: [] });
  const latest = useRef(initial);
  // The first audit as soon as the wasm is ready, after the first paint.
  useEffect(() => {
    const t = window.__juesuanTimings;
    requestAnimationFrame(() => setTimeout(() => {
      t.render = performance.now() - t.fetched;
      document.body.dataset.rendered = '1';
    }, 0));
    wasm.then(() => {
      const doc = JSON.stringify(latest.current);
      const v0 = performance.now();
      const out = globalThis.juesuan.validate(doc);
      window.__juesuanTimings.validate = performance.now() - v0;
      const res = JSON.parse(out);
      window.__juesuanAudit = res;
      setAudit(res);
      requestAnimationFrame(() => setTimeout(() => { document.body.dataset.ready = '1'; }, 0));
    }, (e) => { document.body.dataset.error = 'juesuan.wasm: ' + e.message; });
  }, [wasm]);
  const revalidate = useMemo(() => revalidator((res) => {
    setAudit(res);
    window.__juesuanAudit = res;
  }, 300), []);
  const onChange = useCallback(({ formData: changed }) => {
    const fd = completeRequired(schema, schema, changed);
    latest.current = fd;
    setFormData(fd);
    revalidate(fd);
  }, [revalidate, schema]);
  const download = () => {
    const text = JSON.stringify(latest.current, null, 2) + '\n';
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    a.download = (latest.current?.unit?.name || 'document') + '.json';
    document.body.appendChild(a);
    a.click();
    a.remove();
  };
  const errs = (audit.findings || []).filter((f) => f.severity === 'error').length;
  const warns = (audit.findings || []).filter((f) => f.severity === 'warning').length;
  const defaults = getDefaultRegistry();
  return (
    <div>
      <header className="js-bar">
        <span>{schema.title}</span>
        <span className="js-audit" data-errors={errs} data-warnings={warns}>
          审核：{audit.error ? audit.error : `${errs} 个错误，${warns} 个警告`}
        </span>
        <button type="button" id="download" onClick={download}>下载 JSON</button>
      </header>
      <Form
        schema={schema}
        uiSchema={uiSchema}
        formData={formData}
        validator={validator}
        onChange={onChange}
        liveValidate="onChange"
        showErrorList={false}
        noHtml5Validate
        transformErrors={transformErrors(messages)}
        extraErrors={extraErrors(audit.findings)}
        extraErrorsBlockSubmit={false}
        experimental_defaultFormStateBehavior={formBehavior}
        fields={{ juesuanGrid: GridField }}
        formContext={{ amountUnit: formData?.unit?.amountUnit, initialTab }}
        templates={{
          ObjectFieldTemplate,
          FieldTemplate,
          FieldErrorTemplate,
          DescriptionFieldTemplate,
          BaseInputTemplate: makeBaseInputTemplate(defaults.templates.BaseInputTemplate),
        }}
      >
        <></>
      </Form>
    </div>
  );
}

async function main() {
  const q = new URLSearchParams(location.search);
  const profile = q.get('profile') || 'sichuan-2020';
  const base = q.get('schemas') || 'schemas';
  const t0 = performance.now();
  const wasm = loadWasm(q.get('wasm') || 'juesuan.wasm'); // meanwhile
  const [schema, uiSchema, messages, initial] = await Promise.all([
    json(`${base}/${profile}.document.2020-12.json`),
    json(`${base}/ui/${profile}.rjsf.json`),
    json(`${base}/messages/${profile}.zh-CN.json`),
    q.get('doc') ? json(q.get('doc')) : Promise.resolve({ profile }),
  ]);
  const t1 = performance.now();
  window.__juesuanTimings = { load: t1 - t0, fetched: t1 };
  window.__juesuanInput = initial;
  const root = createRoot(document.getElementById('root'));
  root.render(<App schema={schema} uiSchema={uiSchema} messages={messages} initial={initial} wasm={wasm} initialTab={q.get('tab')} />);
}

main().catch((e) => {
  document.getElementById('root').textContent = '加载失败：' + e.message;
  document.body.dataset.error = e.message;
});
