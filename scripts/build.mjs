// Builds the CLI into one CommonJS bundle (dist/coprod.cjs), which bin/coprod.js runs
// with V8's code cache so that start-up is close to bare Node; inquirer (ES modules
// only, needed by `coprod ask` alone) stays a separate dependency loaded on demand.
// Then regenerates schemas/ and warms the code cache with a typical run.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

rmSync(join(root, 'dist'), { recursive: true, force: true });

const bundled = await build({
  entryPoints: [join(root, 'src/cli/start.ts')],
  outfile: join(root, 'dist/coprod.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: !process.env.COPROD_UNMINIFIED,
  // the source map is for debugging here; the package does not ship it (package.json "files")
  sourcemap: 'linked',
  legalComments: 'none',
  metafile: true,
  external: ['@inquirer/prompts', 'exceljs', 'yauzl'],
  define: { __COPROD_VERSION__: JSON.stringify(pkg.version), __COPROD_HOME__: JSON.stringify(pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '')), 'import.meta.url': '__coprodUrl' },
  banner: { js: "const __coprodUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'error',
});

// the licences of every package the bundle contains, in full (dist/THIRD-PARTY-LICENSES.txt)
writeFileSync(join(root, 'dist/THIRD-PARTY-LICENSES.txt'), thirdPartyLicences(Object.keys(bundled.metafile.inputs)));

/** Each node_modules package an input path belongs to, with its licence text. */
function thirdPartyLicences(inputs) {
  const roots = new Set();
  for (const input of inputs) {
    const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.split('\\').join('/'));
    if (m) roots.add(m[1]);
  }
  const sections = [...roots].sort().map((dir) => {
    const meta = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
    const file = readdirSync(join(root, dir)).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    const text = file ? readFileSync(join(root, dir, file), 'utf8').trim() : `Licence: ${meta.license} (no licence file in the package)`;
    return `${meta.name} ${meta.version} (${meta.license})\n${meta.repository?.url ?? meta.homepage ?? ''}\n\n${text}\n`;
  });
  return `coprod's bundle (dist/coprod.cjs) contains these packages, under these licences.\n\n${sections.join(`\n${'-'.repeat(72)}\n\n`)}`;
}

// validated copies of the shipped ladders and cues (dist/snapshot.json)
const snapshotBuilder = join(root, 'dist', 'make-snapshot.mjs');
await build({
  entryPoints: [join(root, 'scripts/make-snapshot.ts')],
  outfile: snapshotBuilder,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'error',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
const { makeSnapshot } = await import(snapshotBuilder);
await makeSnapshot(root);
rmSync(snapshotBuilder);

const bin = join(root, 'bin/coprod.js');
mkdirSync(join(root, 'schemas'), { recursive: true });
for (const kind of ['activities', 'ladder', 'config', 'cues', 'framework']) {
  const out = execFileSync(process.execPath, [bin, 'schema', kind], { encoding: 'utf8', env: { ...process.env, COPROD_NO_CODE_CACHE: '1' } });
  writeFileSync(join(root, 'schemas', `${kind}.schema.json`), out);
}
// warm the code cache with the commonest run
execFileSync(process.execPath, [bin, 'map', join(root, 'examples/oakwood-care-home.yaml')], { stdio: 'pipe' });
