/**
 * Finds ladders by id or path: the shipped ones in coprod's ladders/ folder, the
 * user's own listed in the config, or any file given as a path. Loads each file
 * once per run and only when it is needed.
 */
import { readdirSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { InputError, UsageError } from './problem.js';
import { didYouMean } from '../text/did-you-mean.js';
import { packageRoot } from './package-root.js';
import { quoteValue } from '../text/terminal-text.js';
import { loadLadderFile } from './load-ladder.js';
import type { Snapshot } from './snapshot.js';
import { logLadderPath } from './log-ladder-path.js';
import type { Ladder } from '../model/ladder.js';
import { compareText } from '../text/compare-text.js';

export interface LadderEntry {
  id: string;
  file: string;
  shipped: boolean;
}

export function isLadderPath(ref: string): boolean {
  return /[/\\]/.test(ref) || /\.ya?ml$/i.test(ref);
}

export class LadderRegistry {
  private readonly byFile = new Map<string, Promise<Ladder>>();
  private userEntries: Promise<LadderEntry[]> | undefined;
  /** Ladders loaded by path in this run, by id: `tlap:…`-style references may name them. */
  private readonly byPath = new Map<string, Ladder>();

  /**
   * @param cwd folder that relative paths are resolved from
   * @param userFiles user ladder files (absolute), e.g. from the config's `ladders:` list
   * @param snapshot the build's validated copies of the shipped ladders, when the run has them
   */
  constructor(
    private readonly cwd: string,
    private readonly userFiles: readonly string[] = [],
    readonly snapshot?: Snapshot,
  ) {}

  static shippedDir(): string {
    return join(packageRoot(), 'ladders');
  }

  /** Shipped ladder ids, from the file names (no file is parsed). */
  shippedIds(): string[] {
    return readdirSync(LadderRegistry.shippedDir())
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => basename(f, extname(f)))
      .sort(shippedOrder);
  }

  private loadFile(file: string, shipped: boolean): Promise<Ladder> {
    let loading = this.byFile.get(file);
    if (!loading) {
      loading = loadLadderFile(file, shipped, this.snapshot).then((ladder) => {
        if (shipped && ladder.id !== basename(file, extname(file))) {
          throw new InputError([
            { file, line: 1, column: 1, field: 'id', message: `ladder id "${ladder.id}" does not match its file name`, expected: basename(file, extname(file)) },
          ]);
        }
        return ladder;
      });
      this.byFile.set(file, loading);
    }
    return loading;
  }

  /** The user's ladders from the config, loaded to learn their ids. */
  userLadders(): Promise<LadderEntry[]> {
    this.userEntries ??= Promise.all(
      this.userFiles.map(async (file) => ({ id: (await this.loadFile(file, false)).id, file, shipped: false })),
    );
    return this.userEntries;
  }

  async entries(): Promise<LadderEntry[]> {
    const dir = LadderRegistry.shippedDir();
    const shipped = this.shippedIds().map((id) => ({ id, file: join(dir, `${id}.yaml`), shipped: true }));
    return [...shipped, ...(await this.userLadders())];
  }

  /**
   * A ladder by id (shipped or from the config) or by path to a YAML file. A reference
   * written in a log passes the log's folder: its path must then stay inside the log's
   * repository (log-ladder-path.ts); other paths come from the command line or config.
   */
  async get(ref: string, logFolder?: string): Promise<Ladder> {
    if (isLadderPath(ref)) {
      const ladder = await this.loadFile(logFolder === undefined ? resolve(this.cwd, ref) : logLadderPath(ref, logFolder), false);
      if (!this.byPath.has(ladder.id)) this.byPath.set(ladder.id, ladder);
      return ladder;
    }
    const shipped = this.shippedIds();
    if (shipped.includes(ref)) return this.loadFile(join(LadderRegistry.shippedDir(), `${ref}.yaml`), true);
    const user = (await this.userLadders()).find((e) => e.id === ref);
    if (user) return this.loadFile(user.file, false);
    const named = this.byPath.get(ref);
    if (named) return named;
    const known = [...shipped, ...(await this.userLadders()).map((e) => e.id), ...this.byPath.keys()];
    const near = didYouMean(ref, known);
    throw new UsageError(
      `unknown ladder ${quoteValue(ref)}`,
      `${near ? `did you mean "${near}"? ` : ''}ladders: ${known.join(', ')}; or give a path to a ladder file (./my-ladder.yaml)`,
    );
  }

  /** Every shipped and configured ladder, loaded. */
  async all(): Promise<Ladder[]> {
    return Promise.all((await this.entries()).map((e) => this.loadFile(e.file, e.shipped)));
  }
}

const ORDER = ['tlap', 'logmycare', 'logmycare-6', 'arnstein', 'iap2', 'hart'];
function shippedOrder(a: string, b: string): number {
  const ia = ORDER.indexOf(a);
  const ib = ORDER.indexOf(b);
  return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || compareText(a, b);
}
