// Builds the CLI into one CommonJS bundle (dist/coprod.cjs), which bin/coprod.js runs
// with V8's code cache so that start-up is close to bare Node; inquirer (ES modules
// only, needed by `coprod ask` alone) stays a separate dependency loaded on demand.
// Then regenerates schemas/ and warms the code cache with a typical run.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

rmSync(join(root, 'dist'), { recursive: true, force: true });

await build({
  entryPoints: [join(root, 'src/cli/start.ts')],
  outfile: join(root, 'dist/coprod.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: !process.env.COPROD_UNMINIFIED,
  sourcemap: 'linked',
  legalComments: 'linked',
  external: ['@inquirer/prompts'],
  define: { __COPROD_VERSION__: JSON.stringify(pkg.version), __COPROD_HOME__: JSON.stringify(pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '')), 'import.meta.url': '__coprodUrl' },
  banner: { js: "const __coprodUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'error',
});

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
for (const kind of ['activities', 'ladder', 'config', 'cues']) {
  const out = execFileSync(process.execPath, [bin, 'schema', kind], { encoding: 'utf8', env: { ...process.env, COPROD_NO_CODE_CACHE: '1' } });
  writeFileSync(join(root, 'schemas', `${kind}.schema.json`), out);
}
// warm the code cache with the commonest run
execFileSync(process.execPath, [bin, 'map', join(root, 'examples/oakwood-care-home.yaml')], { stdio: 'pipe' });
