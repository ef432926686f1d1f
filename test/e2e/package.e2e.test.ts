// End to end: the package as another repository gets it. `npm pack` (without running the
// build again: the suite's own build is packed), then the tarball installed into a fresh
// project from npm's cache, then `npx coprod check` there, as a service's CI would run it.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const npm = (args: string[], cwd: string) => execFileSync('npm', [...args, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8' });

describe('the npm package', () => {
  it('packs with its licences and docs and without the source map, installs from the tarball, and runs', () => {
    const tarball = npm(['pack', '--pack-destination', tmp.dir, '--json'], ROOT);
    const [packed] = JSON.parse(tarball) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const files = packed!.files.map((f) => f.path);
    for (const f of ['LICENSE', 'dist/THIRD-PARTY-LICENSES.txt', 'docs/ci.md', 'dist/coprod.cjs', 'schemas/activities.schema.json']) expect(files).toContain(f);
    expect(files.some((f) => f.endsWith('.map'))).toBe(false);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.repository.url).toMatch(/^git\+https:\/\//);

    const app = join(tmp.dir, 'service-repo');
    execFileSync('mkdir', ['-p', join(app, 'involvement')]);
    writeFileSync(join(app, 'package.json'), '{ "name": "service-repo", "private": true }\n');
    npm(['install', '--prefer-offline', '--save-dev', join(tmp.dir, packed!.filename)], app);
    copyFileSync(join(ROOT, 'examples/oakwood-care-home.yaml'), join(app, 'involvement/oakwood.yaml'));
    const r = spawnSync('npx', ['--no-install', 'coprod', 'check', 'involvement', '--format', 'github'], { cwd: app, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^::error file=involvement\/oakwood\.yaml,line=49,col=5,title=coprod overclaim::/m);
    // a starter log in a subfolder points its editor at the installed schema, relative to itself
    expect(spawnSync('npx', ['--no-install', 'coprod', 'init', 'involvement/2027.yaml'], { cwd: app }).status).toBe(0);
    const modeline = readFileSync(join(app, 'involvement/2027.yaml'), 'utf8').split('\n')[0]!;
    expect(modeline).toBe('# yaml-language-server: $schema=../node_modules/coprod/schemas/activities.schema.json');
    expect(existsSync(join(app, 'involvement', modeline.split('=')[1]!))).toBe(true);
  });
});
