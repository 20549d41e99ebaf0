// templates.jsx: the rjsf templates that read juesuan's uiSchema options
// (ui:options.juesuan): tabs per table, a 合计 line across, labelled
// lines as a two-column table; compact fields; inputMode on inputs.
import React, { useState } from 'react';
import { getTemplate, getUiOptions } from '@rjsf/utils';

function juesuan(uiSchema) {
  return (getUiOptions(uiSchema) || {}).juesuan || {};
}

/** ObjectFieldTemplate lays an object out as its juesuan.layout says. */
export function ObjectFieldTemplate(props) {
  const j = juesuan(props.uiSchema);
  if (j.layout === 'tabs') return <Tabs {...props} tabs={j.tabs} />;
  const shown = props.properties.filter((p) => !p.hidden);
  const title = props.uiSchema?.['ui:title'] || props.title;
  if (j.layout === 'line') {
    return (
      <fieldset className="js-line" id={props.fieldPathId?.$id}>
        {title && <legend>{title}</legend>}
        <div className="js-line-cells">{shown.map((p) => <div key={p.name}>{p.content}</div>)}</div>
      </fieldset>
    );
  }
  if (j.layout === 'lines') {
    return (
      <fieldset className="js-lines" id={props.fieldPathId?.$id}>
        {title && <legend>{title}</legend>}
        {shown.map((p) => <div key={p.name} className="js-lines-row">{p.content}</div>)}
      </fieldset>
    );
  }
  return (
    <fieldset className="js-object" id={props.fieldPathId?.$id}>
      {title && <legend>{title}</legend>}
      {shown.map((p) => <div key={p.name}>{p.content}</div>)}
    </fieldset>
  );
}

function Tabs({ properties, tabs, formContext, registry }) {
  const ctx = formContext || registry?.formContext || {};
  const [active, setActive] = useState(ctx.initialTab || (tabs[0] && tabs[0].key));
  const byName = Object.fromEntries(properties.map((p) => [p.name, p]));
  const current = active && active.startsWith('extra/') ? byName.extra : byName[active];
  return (
    <div className="js-tabs">
      <nav role="tablist">
        {tabs.map((t) => (
          <button type="button" role="tab" key={t.key} aria-selected={t.key === active} data-tab={t.key}
            className={t.key === active ? 'active' : ''} onClick={() => setActive(t.key)}>
            {t.title}
          </button>
        ))}
      </nav>
      <section role="tabpanel" data-tab={active}>{current && current.content}</section>
    </div>
  );
}

/** FieldTemplate: the label beside the input, the description as a
 * tooltip, errors under the input. */
export function FieldTemplate(props) {
  const { id, label, children, rawErrors, hidden, schema, displayLabel, required, rawDescription } = props;
  if (hidden) return <div className="hidden">{children}</div>;
  const scalar = schema.type !== 'object' && schema.type !== 'array';
  const errors = (rawErrors || []).filter(Boolean);
  return (
    <div className={'js-field' + (scalar ? ' js-scalar' : '') + (errors.length ? ' js-has-error' : '')} data-field={id}>
      {scalar && displayLabel && label && (
        <label htmlFor={id} title={rawDescription || ''}>{label}{required ? ' *' : ''}</label>
      )}
      <div className="js-control">
        {children}
        {errors.length > 0 && (
          <ul className="js-errors">{errors.map((e, i) => <li key={i}>{e}</li>)}</ul>
        )}
      </div>
    </div>
  );
}

/** BaseInputTemplate adds inputMode (ui:options.inputMode) to rjsf's. */
export function makeBaseInputTemplate(Base) {
  return function BaseInputTemplate(props) {
    const opts = getUiOptions(props.uiSchema) || {};
    const onChange = (e) => props.onChange(e.target.value === '' ? props.options?.emptyValue : e.target.value);
    return (
      <input id={props.id} name={props.name || props.id} className="form-control" type="text"
        inputMode={opts.inputMode} value={props.value ?? ''} readOnly={props.readonly} disabled={props.disabled}
        autoFocus={props.autofocus} aria-invalid={(props.rawErrors || []).length > 0}
        onChange={onChange} onBlur={(e) => props.onBlur(props.id, e.target.value)} onFocus={(e) => props.onFocus(props.id, e.target.value)} />
    );
  };
}

export function FieldErrorTemplate() {
  return null; // FieldTemplate shows the errors
}

export function DescriptionFieldTemplate() {
  return null; // the description is the label's tooltip
}

export { getTemplate };
