// build.mjs: bundles the app with esbuild into dist/ and puts beside it
// what it loads: Go's wasm_exec.js, juesuan.wasm (GOOS=js GOARCH=wasm go
// build ./cmd/juesuan-wasm), the profiles' schemas, uiSchemas and
// messages from ../../schemas, and the reference document.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const dist = path.join(here, 'dist');
fs.rmSync(dist, { recursive: true, force: true });
fs.mkdirSync(path.join(dist, 'schemas'), { recursive: true });

await esbuild.build({
  entryPoints: [path.join(here, 'src', 'app.jsx')],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  jsx: 'automatic',
  outfile: path.join(dist, 'app.js'),
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});

for (const f of ['index.html', 'form.css']) fs.copyFileSync(path.join(here, f), path.join(dist, f));
const goroot = execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
fs.copyFileSync(path.join(goroot, 'lib', 'wasm', 'wasm_exec.js'), path.join(dist, 'wasm_exec.js'));
execFileSync('go', ['build', '-trimpath', '-o', path.join(dist, 'juesuan.wasm'), './cmd/juesuan-wasm'], {
  cwd: repo,
  env: { ...process.env, GOOS: 'js', GOARCH: 'wasm' },
  stdio: 'inherit',
});
fs.cpSync(path.join(repo, 'schemas'), path.join(dist, 'schemas'), {
  recursive: true,
  filter: (src) => !src.includes('nodecheck'),
});
fs.copyFileSync(path.join(repo, 'testdata', 'sichuan-2020', 'panzhihua-chengdu-office.json'), path.join(dist, 'reference.json'));
const size = fs.statSync(path.join(dist, 'app.js')).size;
console.log(`dist/app.js ${size} bytes, dist/juesuan.wasm ${fs.statSync(path.join(dist, 'juesuan.wasm')).size} bytes`);
