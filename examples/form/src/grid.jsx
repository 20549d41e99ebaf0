// grid.jsx: the juesuanGrid field (ui:field in juesuan's rjsf uiSchemas):
// a row array rendered as the printed table — code and name first, the
// columns with their printed headers (ui:options.juesuan.grid.columns), a
// page of rows at a time, the schema errors and audit findings in the
// cells they concern.
import React, { useState } from 'react';
import { getUiOptions } from '@rjsf/utils';

const PAGE = 100;

function get(row, key) {
  let v = row;
  for (const k of key.split('/')) v = v == null ? undefined : v[k];
  return v;
}

function set(row, key, value) {
  const ks = key.split('/');
  const out = { ...row };
  let o = out;
  for (let i = 0; i < ks.length - 1; i++) {
    o[ks[i]] = { ...(o[ks[i]] || {}) };
    o = o[ks[i]];
  }
  if (value === '' || value === undefined) delete o[ks[ks.length - 1]];
  else o[ks[ks.length - 1]] = value;
  return out;
}

function cellErrors(errorSchema, i, key) {
  let e = errorSchema && errorSchema[i];
  for (const k of key.split('/')) e = e && e[k];
  return (e && e.__errors) || [];
}

// headerRows turns the columns' printed headers ([本年支出, 基本支出]) into
// the rows of a <thead>, merging equal top cells.
function headerRows(cols) {
  const depth = Math.max(1, ...cols.map((c) => (c.header || [c.title]).length));
  const rows = [];
  for (let d = 0; d < depth; d++) {
    const cells = [];
    cols.forEach((c, i) => {
      const h = c.header || [c.title];
      if (d >= h.length) return;
      const single = h.length === 1;
      if (single && d > 0) return;
      const prev = cells[cells.length - 1];
      if (!single && d < h.length - 1 && prev && prev.text === h[d] && prev.group && prev.end === i - 1) {
        prev.span++;
        prev.end = i;
        return;
      }
      cells.push({ text: h[d], span: 1, rowSpan: single ? depth : 1, group: !single && d < h.length - 1, end: i, key: c.key + d });
    });
    rows.push(cells);
  }
  return rows;
}

export default function GridField(props) {
  const { formData, onChange, uiSchema, errorSchema, schema, readonly, disabled, registry } = props;
  const grid = (getUiOptions(uiSchema) || {}).juesuan?.grid || { columns: [] };
  const cols = grid.columns;
  const rows = Array.isArray(formData) ? formData : [];
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const p = Math.min(page, pages - 1);
  const unit = registry?.formContext?.amountUnit;
  const path = props.fieldPathId?.path || [];
  const base = props.fieldPathId?.$id || 'root';
  const update = (next) => onChange(next, path);
  const change = (i, key, v) => {
    const next = rows.slice();
    next[i] = set(rows[i] || {}, key, v);
    update(next);
  };
  const ro = readonly || disabled;
  return (
    <div className="js-grid" id={base}>
      <div className="js-grid-head">
        <strong>{schema.title}</strong>
        {unit && <span className="js-unit">金额单位：{unit}</span>}
        <span className="js-count">共 {rows.length} 行</span>
      </div>
      <table>
        <thead>
          {headerRows(cols).map((r, d) => (
            <tr key={d}>
              {d === 0 && <th rowSpan={headerRows(cols).length}>#</th>}
              {r.map((c) => <th key={c.key} colSpan={c.span} rowSpan={c.rowSpan}>{c.text}</th>)}
              {d === 0 && !ro && <th rowSpan={headerRows(cols).length}></th>}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.slice(p * PAGE, (p + 1) * PAGE).map((row, j) => {
            const i = p * PAGE + j;
            return (
              <tr key={i}>
                <td className="js-rownum">{i + 1}</td>
                {cols.map((c) => {
                  const errs = cellErrors(errorSchema, i, c.key);
                  const v = get(row, c.key);
                  const id = `${base}_${i}_${c.key.replace(/\//g, '_')}`;
                  return (
                    <td key={c.key} className={`js-${c.kind}` + (errs.length ? ' js-has-error' : '')} title={errs.join('\n')}>
                      {c.kind === 'enum' ? (
                        <select id={id} value={v ?? ''} disabled={ro} onChange={(e) => change(i, c.key, e.target.value)}>
                          <option value=""></option>
                          {c.options.map((o) => <option key={o.value} value={o.value}>{o.title}</option>)}
                        </select>
                      ) : (
                        <input id={id} type="text" value={v ?? ''} readOnly={ro} aria-label={c.title}
                          inputMode={c.kind === 'amount' ? 'decimal' : c.kind === 'count' || c.kind === 'code' ? 'numeric' : undefined}
                          onChange={(e) => {
                            const s = e.target.value;
                            const n = c.kind === 'count' && /^[0-9]+$/.test(s) ? Number(s) : s;
                            change(i, c.key, n);
                          }} />
                      )}
                      {errs.length > 0 && <ul className="js-errors">{errs.map((e, k) => <li key={k}>{e}</li>)}</ul>}
                    </td>
                  );
                })}
                {!ro && (
                  <td><button type="button" title="删除此行" onClick={() => update(rows.filter((_, k) => k !== i))}>×</button></td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="js-grid-foot">
        {!ro && <button type="button" onClick={() => { update([...rows, {}]); setPage(Math.floor(rows.length / PAGE)); }}>添加一行</button>}
        {pages > 1 && (
          <span className="js-pager">
            <button type="button" disabled={p === 0} onClick={() => setPage(p - 1)}>上一页</button>
            第 {p + 1}/{pages} 页
            <button type="button" disabled={p >= pages - 1} onClick={() => setPage(p + 1)}>下一页</button>
          </span>
        )}
      </div>
    </div>
  );
}
