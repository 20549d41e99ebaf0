// check.mjs proves that real JSON Schema consumers accept the schemas that
// juesuan exports (../*.json) and agree on the testdata fixtures:
//
//   - ajv 8 (Ajv2020, strict mode) compiles every draft 2020-12 schema;
//   - ajv 8 (default class = draft-07, strict mode) compiles every draft-07
//     schema;
//   - @rjsf/validator-ajv8 with customizeValidator({AjvClass: Ajv2020})
//     validates with the 2020-12 schemas, its default (draft-07) validator
//     with the draft-07 ones;
//   - JSON Forms' createAjv (draft-07) validates with the draft-07 schemas
//     and Generate.uiSchema builds a UI schema from them;
//   - every consumer gives the same verdict on every fixture, fixtures of a
//     profile's folder (testdata/<profile>/*.json) are valid, and each
//     structural fixture (testdata/invalid-structural/KEYWORD-*.json) fails
//     with KEYWORD;
//   - @rjsf/utils getDefaultFormState builds the default form state of each
//     valid fixture (the fixture as formData merged with the schema's
//     defaults), rjsf's validator accepts it, and it is written to
//     out/formdata/ for the Go test TestSchemaFormRoundTrip, which decodes
//     it and compares it with the Go-decoded fixture.
//
// Verdicts go to out/results.json; the Go test checks each against Go's
// Decode and rules S1–S5. The last line printed is "N passed, M failed".

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

import Ajv2020 from 'ajv/dist/2020.js';
import Ajv07 from 'ajv';
import rjsfDefaultValidator, { customizeValidator } from '@rjsf/validator-ajv8';
import { getDefaultFormState } from '@rjsf/utils';
import { createAjv, Generate } from '@jsonforms/core';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const schemasDir = path.resolve(here, '..');
const outDir = path.join(here, 'out');

let passed = 0;
let failed = 0;
function check(name, ok, detail) {
  if (ok) {
    passed++;
  } else {
    failed++;
    console.log(`FAIL ${name}${detail ? ': ' + detail : ''}`);
  }
  return ok;
}

// Strict mode, and stricter: every keyword must be known, types declared
// where keywords need them, required properties defined.
const strict = { strict: true, strictTypes: true, strictTuples: true, strictRequired: true, allErrors: true };

// What rjsf fills in by itself: nothing that the fixture does not state
// (absent is not zero). The exported schemas carry no default; these
// settings keep rjsf from adding empty objects, empty arrays or a oneOf's
// first const for an absent field.
const formBehavior = {
  emptyObjectFields: 'skipEmptyDefaults',
  arrayMinItems: { populate: 'never' },
  constAsDefaults: 'never',
  mergeDefaultsIntoFormData: 'useFormDataIfPresent',
};

// ---- schemas
const schemaFiles = fs.readdirSync(schemasDir).filter((f) => f.endsWith('.json')).sort();
check('schema files present', schemaFiles.length > 0, schemasDir);
const schemas = {};
for (const file of schemaFiles) {
  const schema = JSON.parse(fs.readFileSync(path.join(schemasDir, file), 'utf8'));
  const draft07 = file.includes('.draft-07.');
  const profile = file.startsWith('document.') ? '' : file.split('.')[0];
  const entry = { file, schema, draft07, profile, validators: {} };
  schemas[file] = entry;
  check(`${file}: $schema`, schema.$schema === (draft07 ? 'http://json-schema.org/draft-07/schema#' : 'https://json-schema.org/draft/2020-12/schema'), schema.$schema);
  const warnings = [];
  const logger = { log() {}, warn: (...a) => warnings.push(a.join(' ')), error: (...a) => warnings.push(a.join(' ')) };
  try {
    if (draft07) {
      const ajv = new Ajv07({ ...strict, logger });
      entry.validators.ajv = ajv.compile(schema);
      const jf = createAjv();
      entry.validators.jsonforms = jf.compile(schema);
      const ui = Generate.uiSchema(schema);
      check(`${file}: JSON Forms UI schema`, ui && Array.isArray(ui.elements) && ui.elements.length > 0);
      entry.validators.rjsf = (data) => rjsfDefaultValidator.isValid(schema, data, schema);
    } else {
      const ajv = new Ajv2020({ ...strict, logger });
      entry.validators.ajv = ajv.compile(schema);
      const rjsf = customizeValidator({ AjvClass: Ajv2020 });
      entry.rjsf = rjsf;
      entry.validators.rjsf = (data) => rjsf.isValid(schema, data, schema);
    }
    check(`${file}: compiles in strict mode without warnings`, warnings.length === 0, warnings.join('; '));
  } catch (e) {
    check(`${file}: compiles`, false, e.message);
  }
}

// ---- fixtures
function walk(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'fuzz') out.push(...walk(p));
    } else if (e.name.endsWith('.json') && !e.name.endsWith('.expected.json') && !e.name.endsWith('golden.json')) {
      out.push(p);
    }
  }
  return out;
}

const results = { schemas: {}, fixtures: [] };
for (const s of Object.values(schemas)) results.schemas[s.file] = s.schema.$id;
fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(path.join(outDir, 'formdata'), { recursive: true });

const fixtures = fs.existsSync(path.join(repo, 'testdata')) ? walk(path.join(repo, 'testdata')).sort() : [];
check('fixtures present', fixtures.length > 0);
let roundTrips = 0;
for (const abs of fixtures) {
  const rel = path.relative(repo, abs).split(path.sep).join('/');
  let data;
  try {
    data = JSON.parse(fs.readFileSync(abs, 'utf8'));
  } catch {
    continue; // not JSON text: a hostile input no schema sees
  }
  const parts = rel.split('/');
  const structural = parts[1] === 'invalid-structural' ? path.basename(rel, '.json').split('-')[0] : '';
  const profileDir = parts.length === 3 && schemas[`${parts[1]}.document.2020-12.json`] ? parts[1] : '';
  const docProfile = data && typeof data === 'object' && typeof data.profile === 'string' ? data.profile : '';
  const entry = { file: rel, verdicts: {}, formData: '' };
  results.fixtures.push(entry);

  // Pairs of schema files (2020-12, draft-07) that apply: the neutral one
  // and the fixture's profile's.
  const pairs = [['document.2020-12.json', 'document.draft-07.json']];
  if (docProfile && schemas[`${docProfile}.document.2020-12.json`]) {
    pairs.push([`${docProfile}.document.2020-12.json`, `${docProfile}.document.draft-07.json`]);
  }
  for (const pair of pairs) {
    const seen = [];
    for (const file of pair) {
      const s = schemas[file];
      if (!s) continue;
      for (const [name, v] of Object.entries(s.validators)) {
        let ok;
        try {
          ok = v(data) === true;
        } catch (e) {
          check(`${rel}: ${name} ${file} throws`, false, e.message);
          continue;
        }
        entry.verdicts[`${name} ${file}`] = ok;
        seen.push([`${name} ${file}`, ok]);
        if (name === 'ajv' && structural && !ok) {
          const kws = new Set(s.validators.ajv.errors.map((e) => e.keyword));
          // The neutral schema catches what Decode rejects; the profile
          // schema what rules S1–S5 report.
          if (pair[0].startsWith('document.') ? kws.size > 0 : true) {
            entry.keywords = entry.keywords || {};
            entry.keywords[file] = [...kws].sort();
          }
        }
      }
    }
    // Every consumer gives the same verdict.
    const verdicts = new Set(seen.map(([, ok]) => ok));
    check(`${rel}: consumers agree on ${pair[0]}`, verdicts.size <= 1, JSON.stringify(seen));
    if (profileDir || /^testdata\/hostile\/valid-/.test(rel)) {
      if (profileDir || pair[0].startsWith('document.')) {
        check(`${rel}: valid under ${pair[0]}`, seen.every(([, ok]) => ok), JSON.stringify(seen));
      }
    }
  }
  if (structural) {
    const kws = Object.values(entry.keywords || {}).flat();
    check(`${rel}: fails with ${structural}`, kws.includes(structural), JSON.stringify(entry.keywords || {}));
  }

  // The form layer: default form state with the fixture as formData, then
  // rjsf's validator; written out for the Go round trip.
  if (profileDir || /^testdata\/hostile\/valid-/.test(rel)) {
    // The profile's schema for a fixture of the profile's folder; the
    // neutral one for the hostile seeds (valid documents, not complete
    // disclosures).
    const file = profileDir ? `${profileDir}.document.2020-12.json` : 'document.2020-12.json';
    const s = schemas[file];
    const s07 = schemas[file.replace('2020-12', 'draft-07')];
    try {
      const state = getDefaultFormState(s.rjsf, s.schema, structuredClone(data), s.schema, false, formBehavior);
      const { errors } = s.rjsf.validateFormData(state, s.schema);
      check(`${rel}: rjsf (Ajv2020) accepts the form state`, errors.length === 0, JSON.stringify(errors.slice(0, 3)));
      const state07 = getDefaultFormState(rjsfDefaultValidator, s07.schema, structuredClone(data), s07.schema, false, formBehavior);
      check(`${rel}: draft-07 form state equals the 2020-12 one`, isDeepStrictEqual(state, state07));
      const { errors: errors07 } = rjsfDefaultValidator.validateFormData(state07, s07.schema);
      check(`${rel}: rjsf (draft-07) accepts the form state`, errors07.length === 0, JSON.stringify(errors07.slice(0, 3)));
      check(`${rel}: the form state adds nothing to the fixture`, isDeepStrictEqual(state, data));
      const name = rel.replace(/^testdata\//, '').replace(/\//g, '__');
      fs.writeFileSync(path.join(outDir, 'formdata', name), JSON.stringify(state, null, 2) + '\n');
      entry.formData = 'formdata/' + name;
      roundTrips++;
    } catch (e) {
      check(`${rel}: form layer`, false, e.stack);
    }
  }
}
check('reference fixture went through the form layer', !fs.existsSync(path.join(repo, 'testdata/sichuan-2020/panzhihua-chengdu-office.json')) ||
  results.fixtures.some((f) => f.file === 'testdata/sichuan-2020/panzhihua-chengdu-office.json' && f.formData));

fs.writeFileSync(path.join(outDir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
console.log(`${schemaFiles.length} schemas, ${results.fixtures.length} fixtures, ${roundTrips} form round trips`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
