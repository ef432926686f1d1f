/**
 * Finds and reads `coprod.config.yaml` (searched upward from the working folder, or
 * named with --config), validated with located errors like every other file. Paths
 * inside it are resolved against the config file's folder.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { InputError, type Diagnostic } from './problem.js';
import { readSource } from './read-source.js';
import { hasKnownKey, notThisKind } from './file-kind.js';
import { issuesToDiagnostics, keysAt, sortDiagnostics } from './schema-problems.js';
import { locate, parseYaml, type YamlDocument } from './yaml-source.js';
import { didYouMean } from '../text/did-you-mean.js';
import { quoteValue } from '../text/terminal-text.js';
import { configSchema, type ConfigFile } from './config-schema.js';

const CONFIG_NAMES = ['coprod.config.yaml', 'coprod.config.yml'];

export interface LoadedConfig {
  file: string;
  dir: string;
  data: ConfigFile;
  /** `ladder` as a list. */
  ladders: string[];
  /** `ladders:` entries as absolute paths. */
  ladderFiles: string[];
  /** `cues:` entries as absolute paths. */
  cueFiles: string[];
  /** The parsed file, to point at its fields in later errors. */
  doc: YamlDocument;
}

/**
 * The config that applies in `cwd`: the nearest, searching upward but never past the
 * repository's root (the folder holding `.git`) or the home folder, so that a config
 * left in a folder above the repository never weakens its policy unseen.
 */
function findConfig(cwd: string, home = homedir()): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    if (existsSync(join(dir, '.git')) || dir === resolve(home)) return undefined;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

export async function loadConfig(cwd: string, explicit?: string, home?: string): Promise<LoadedConfig | undefined> {
  const file = explicit ? resolve(cwd, explicit) : findConfig(cwd, home);
  if (!file) return undefined;
  const source = await readSource(explicit ?? file, { label: 'config file', cwd });
  const doc = parseYaml(source);
  const value = doc.value ?? {};
  if (doc.value != null && !hasKnownKey(value, keysAt(configSchema, []))) throw notThisKind(source.name, 'a coprod config file', 'a mapping with ladder, policy, ladders or cues');
  const parsed = configSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    throw new InputError(
      sortDiagnostics(
        issuesToDiagnostics(parsed.error.issues, doc, configSchema, {
          keySynonyms: { 'min_rung': 'min-rung', minimum: 'min-rung', rules: 'policy', ladderfiles: 'ladders' },
        }),
      ),
    );
  }
  const data = parsed.data;
  const dir = dirname(file);
  const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  const missing = [...missingFiles(doc, 'ladders', data.ladders, dir), ...missingFiles(doc, 'cues', data.cues, dir)];
  if (missing.length) throw new InputError(missing);
  return {
    file,
    dir,
    data,
    ladders: list(data.ladder),
    ladderFiles: list(data.ladders).map((p) => resolve(dir, p)),
    cueFiles: list(data.cues).map((p) => resolve(dir, p)),
    doc,
  };
}

/** Files named by `ladders:` or `cues:` that do not exist, located at their entry. */
function missingFiles(doc: YamlDocument, key: string, value: string | string[] | undefined, dir: string): Diagnostic[] {
  if (value === undefined) return [];
  const entries = Array.isArray(value) ? value.map((v, i) => [v, [key, i]] as const) : [[value, [key]] as const];
  const out: Diagnostic[] = [];
  for (const [name, path] of entries) {
    const full = resolve(dir, name);
    let isFile = false;
    try {
      isFile = statSync(full).isFile();
    } catch {
      // missing
    }
    if (isFile) continue;
    const d: Diagnostic = { file: doc.source.name, ...locate(doc, [...path]), field: path.join('.').replace(/\.(\d+)/g, '[$1]'), message: `no such file ${quoteValue(name)}`, expected: `a ${key === 'cues' ? 'cue' : 'ladder'} file, relative to the config file` };
    try {
      const near = didYouMean(basename(full), readdirSync(dirname(full)));
      if (near) d.help = `did you mean ${quoteValue(join(dirname(name), near).split(sep).join('/'))}?`;
    } catch {
      // the folder is missing too
    }
    out.push(d);
  }
  return out;
}
