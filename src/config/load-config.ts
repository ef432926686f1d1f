/**
 * Finds and reads `coprod.config.yaml` (searched upward from the working folder, or
 * named with --config), validated with located errors like every other file. Paths
 * inside it are resolved against the config file's folder.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InputError } from '../errors/diagnostic.js';
import { readSource } from '../io/read-source.js';
import { issuesToDiagnostics, sortDiagnostics } from '../io/schema-diagnostics.js';
import { parseYaml } from '../io/yaml-source.js';
import { configSchema, type ConfigFile } from './config-schema.js';

export const CONFIG_NAMES = ['coprod.config.yaml', 'coprod.config.yml'];

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
}

export function findConfig(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

export async function loadConfig(cwd: string, explicit?: string): Promise<LoadedConfig | undefined> {
  const file = explicit ? resolve(cwd, explicit) : findConfig(cwd);
  if (!file) return undefined;
  const source = await readSource(explicit ?? file, undefined, 'config file');
  const doc = parseYaml(source);
  const value = doc.value ?? {};
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
  return {
    file: source.name,
    dir,
    data,
    ladders: list(data.ladder),
    ladderFiles: list(data.ladders).map((p) => resolve(dir, p)),
    cueFiles: list(data.cues).map((p) => resolve(dir, p)),
  };
}
