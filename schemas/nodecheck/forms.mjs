// forms.mjs checks what a form built from juesuan's schemas shows a clerk
// (issue 16), with the pinned consumers of package.json:
//   - JSON Forms (vanilla renderers) renders the draft-07 profile schemas
//     with the generated UI schemas (../ui/*.jsonforms.json) without
//     crashing, every control's scope resolving, with the reference's
//     figures as inputs; and the 2020-12 schemas with an Ajv2020 instance;
//   - every key of the rjsf uiSchemas (../ui/*.rjsf.json) names a property
//     of the schema where it stands;
//   - the zh-CN messages (../messages/, through examples/form/src/messages.js,
//     the lookup rjsf transformErrors and JSON Forms i18n use): one error
//     per bad amount or enum, worded in Chinese; a missing table by its
//     title, an unknown field by its name;
//   - partial entry: a document with sections entered in part (a required
//     object with no required fields missing) is rejected under the exact
//     round-trip settings, and under 'populateRequiredDefaults' too when
//     the section is in an optional table; examples/form/src/partial.js
//     (completeRequired) adds exactly the empty objects it needs, and
//     leaves every valid fixture unchanged.
// The last line is "N passed, M failed".
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

import React from 'react';
import { renderToString } from 'react-dom/server';
import Ajv2020 from 'ajv/dist/2020.js';
import { createAjv, resolveSchema } from '@jsonforms/core';
import { JsonForms } from '@jsonforms/react';
import { vanillaRenderers, vanillaCells } from '@jsonforms/vanilla-renderers';
import rjsfDefaultValidator, { customizeValidator } from '@rjsf/validator-ajv8';
import { getDefaultFormState } from '@rjsf/utils';

import { messageFor, transformErrors, jsonFormsI18n } from '../../examples/form/src/messages.js';
import { completeRequired } from '../../examples/form/src/partial.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const schemasDir = path.resolve(here, '..');
const read = (p) => JSON.parse(fs.readFileSync(p, 'utf8'));

let passed = 0;
let failed = 0;
function check(name, ok, detail) {
  if (ok) passed++;
  else {
    failed++;
    console.log(`FAIL ${name}${detail ? ': ' + detail : ''}`);
  }
  return ok;
}

const exact = {
  emptyObjectFields: 'skipEmptyDefaults',
  arrayMinItems: { populate: 'never' },
  constAsDefaults: 'never',
  mergeDefaultsIntoFormData: 'useFormDataIfPresent',
};
const partial = { ...exact, emptyObjectFields: 'populateRequiredDefaults' };

const referencePath = path.join(repo, 'testdata/sichuan-2020/panzhihua-chengdu-office.json');
const reference = read(referencePath);
const profiles = fs.readdirSync(path.join(schemasDir, 'ui')).filter((f) => f.endsWith('.rjsf.json')).map((f) => f.split('.')[0]).sort();
check('uiSchemas present', profiles.length > 0);

function deref(root, s) {
  while (s && s.$ref) {
    const name = s.$ref.replace(/^#\/(\$defs|definitions)\//, '');
    s = (root.$defs || root.definitions)[name.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return s;
}

// rjsf uiSchema keys against the schema.
function uiKeys(root, schema, ui, at, bad) {
  schema = deref(root, schema);
  for (const [k, v] of Object.entries(ui)) {
    if (k.startsWith('ui:')) continue;
    let sub;
    if (k === 'items' && schema.type === 'array') sub = schema.items;
    else if (k === 'additionalProperties' && !schema.properties) sub = schema.additionalProperties;
    else sub = schema.properties && schema.properties[k];
    if (!sub) {
      bad.push(`${at}/${k}`);
      continue;
    }
    if (v && typeof v === 'object' && !Array.isArray(v)) uiKeys(root, sub, v, `${at}/${k}`, bad);
  }
}

function controls(ui, out = []) {
  if (ui.scope) out.push(ui.scope);
  for (const e of ui.elements || []) controls(e, out);
  return out;
}

function render(schema, uischema, data, ajv) {
  const el = React.createElement(JsonForms, { schema, uischema, data, renderers: vanillaRenderers, cells: vanillaCells, ajv, i18n: jsonFormsI18n(read(path.join(schemasDir, 'messages', `${schema.properties.profile.const}.zh-CN.json`))) });
  return renderToString(el);
}

for (const id of profiles) {
  const s07 = read(path.join(schemasDir, `${id}.document.draft-07.json`));
  const s20 = read(path.join(schemasDir, `${id}.document.2020-12.json`));
  const rjsfUI = read(path.join(schemasDir, 'ui', `${id}.rjsf.json`));
  const jfUI = read(path.join(schemasDir, 'ui', `${id}.jsonforms.json`));
  const data = reference.profile === id ? reference : { profile: id, unit: { name: '单位', fiscalYear: s07.properties.unit.properties.fiscalYear.const, amountUnit: '万元' }, tables: {} };

  const bad = [];
  uiKeys(s20, s20, rjsfUI, '', bad);
  check(`${id}: every rjsf uiSchema key is a property of the schema`, bad.length === 0, bad.slice(0, 5).join(', '));

  const scopes = controls(jfUI);
  const unresolved = scopes.filter((sc) => !resolveSchema(s07, sc, s07));
  check(`${id}: every JSON Forms scope resolves`, scopes.length > 20 && unresolved.length === 0, `${scopes.length} scopes; ${unresolved.slice(0, 5).join(', ')}`);

  // JSON Forms vanilla: the whole Categorization, then each category on
  // its own (vanilla renders the selected category only).
  try {
    const html = render(s07, jfUI, data, createAjv());
    check(`${id}: JSON Forms vanilla renders the Categorization (draft-07)`, html.includes(jfUI.elements[1].label), html.slice(0, 200));
    let inputs = 0;
    for (const cat of jfUI.elements) {
      const h = render(s07, { type: 'VerticalLayout', elements: cat.elements }, data, createAjv());
      inputs += (h.match(/<input/g) || []).length + (h.match(/<textarea/g) || []).length;
    }
    const want = reference.profile === id ? 200 : 50;
    check(`${id}: JSON Forms vanilla renders the tables' controls`, inputs >= want, `${inputs} inputs`);
    const html20 = render(s20, jfUI, data, new Ajv2020({ allErrors: true, verbose: true, strict: false }));
    check(`${id}: JSON Forms vanilla renders the 2020-12 schema with Ajv2020`, html20.length > 1000);
  } catch (e) {
    check(`${id}: JSON Forms vanilla renders`, false, e.stack.split('\n').slice(0, 3).join(' '));
  }
}

// ---- messages
{
  const id = reference.profile;
  const c = read(path.join(schemasDir, 'messages', `${id}.zh-CN.json`));
  const s20 = read(path.join(schemasDir, `${id}.document.2020-12.json`));
  const s07 = read(path.join(schemasDir, `${id}.document.draft-07.json`));
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(s20);
  const amount = '金额格式不正确：应为数字，最多6位小数，如 630.78';
  const cases = [
    ['amount "12a"', (d) => { d.tables.summary.income.total = '12a'; }, '/tables/summary/income/total', [amount]],
    ['amount 12 as a number', (d) => { d.tables.summary.income.total = 12; }, '/tables/summary/income/total', ['类型不正确：应为文字']],
    ['unit 千元', (d) => { d.unit.amountUnit = '千元'; }, '/unit/amountUnit', ['应为以下之一：万元、元']],
    ['missing table', (d) => { delete d.tables.govFund; }, '/tables', ['缺少报表：政府性基金预算财政拨款收入支出决算表']],
    ['unknown field', (d) => { d.tables.summary.totl = '1'; }, '/tables/summary', ['不允许的字段：totl']],
    ['table not in the profile', (d) => { d.tables.extraTable = {}; }, '/tables', ['本配置没有报表：extraTable']],
    ['profile', (d) => { d.profile = 'central-2024'; }, '/profile', [`配置应为 ${id}，不可修改`]],
    ['code', (d) => { d.tables.generalBudget.rows[0].code = '20'; }, '/tables/generalBudget/rows/0/code', ['科目编码格式不正确：应为3、5或7位数字，如 201、20101、2010101']],
  ];
  for (const [name, mutate, at, want] of cases) {
    const d = structuredClone(reference);
    mutate(d);
    validate(d);
    const got = (validate.errors || []).filter((e) => e.instancePath === at).map((e) => messageFor(c, e));
    check(`messages: ${name}`, isDeepStrictEqual(got, want), JSON.stringify(got));
    const { errors } = rjsfDefaultValidator.validateFormData(d, s07, undefined, transformErrors(c));
    check(`messages: ${name} through rjsf transformErrors (draft-07)`, want.every((w) => errors.some((e) => e.message === w)), JSON.stringify(errors.map((e) => e.message).slice(0, 4)));
  }
}

// ---- partial entry
{
  const id = reference.profile;
  const s20 = read(path.join(schemasDir, `${id}.document.2020-12.json`));
  const rjsf = customizeValidator({ AjvClass: Ajv2020 });
  const d = structuredClone(reference);
  delete d.tables.threePublic.budget; // 三公: 决算数 entered, 预算数 not yet
  d.tables.z01 = { actual: { income: { total: '630.78' } } }; // 财决Z01: one figure so far
  d.tables.f03 = { procurement: { total: '1.00' } }; // 财决附03: one section so far
  const run = (behavior, doc = d) => {
    const state = getDefaultFormState(rjsf, s20, structuredClone(doc), s20, false, behavior);
    return { state, errors: rjsf.validateFormData(state, s20).errors };
  };
  const ex = run(exact);
  check('partial entry: the exact settings reject sections entered in part', ex.errors.some((e) => e.name === 'required'), JSON.stringify(ex.errors.map((e) => e.property)));
  const pr = run(partial);
  const prMissing = pr.errors.map((e) => e.property).sort();
  check('partial entry: populateRequiredDefaults fills a required table, not an optional one',
    !prMissing.includes('.tables.threePublic.budget') && prMissing.includes('.tables.z01.actual.expenditure'), JSON.stringify(prMissing));
  const completed = completeRequired(s20, s20, d);
  const cr = run(exact, completed);
  check('partial entry: completeRequired makes it valid', cr.errors.length === 0, JSON.stringify(cr.errors.slice(0, 3)));
  const want = structuredClone(d);
  want.tables.threePublic.budget = {};
  want.tables.z01.actual.expenditure = {};
  want.tables.f03 = { threePublic: {}, operatingCost: {}, procurement: { total: '1.00' }, assets: {} };
  check('partial entry: completeRequired adds only the empty required objects', isDeepStrictEqual(completed, want), JSON.stringify(completed.tables.f03));
  check('partial entry: completeRequired adds no table', isDeepStrictEqual(Object.keys(completed.tables).sort(), Object.keys(d.tables).sort()));
  // The valid fixtures come back unchanged, under each setting.
  const dir = path.join(repo, 'testdata', id);
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const fx = read(path.join(dir, f));
    check(`partial entry: completeRequired leaves ${id}/${f} unchanged`, completeRequired(s20, s20, fx) === fx);
    const state = getDefaultFormState(rjsf, s20, structuredClone(fx), s20, false, partial);
    check(`partial entry: populateRequiredDefaults leaves ${id}/${f} unchanged`, isDeepStrictEqual(state, fx));
  }
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
