// Builds the CLI bundle (dist/) with esbuild, then regenerates schemas/ from the built CLI.
// Commands load lazily (code splitting), so `coprod map` never parses the code of `ask` or `report`.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

rmSync(join(root, 'dist'), { recursive: true, force: true });
await build({
  entryPoints: { cli: join(root, 'src/cli/run.ts') },
  outdir: join(root, 'dist'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: !process.env.COPROD_UNMINIFIED,
  sourcemap: 'linked',
  legalComments: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  define: { __COPROD_VERSION__: JSON.stringify(pkg.version) },
  banner: { js: "import { createRequire as __coprodRequire } from 'node:module'; const require = __coprodRequire(import.meta.url);" },
  logLevel: 'warning',
});

mkdirSync(join(root, 'schemas'), { recursive: true });
for (const kind of ['activities', 'ladder', 'config', 'cues']) {
  const out = execFileSync(process.execPath, [join(root, 'bin/coprod.js'), 'schema', kind], { encoding: 'utf8' });
  writeFileSync(join(root, 'schemas', `${kind}.schema.json`), out);
}
