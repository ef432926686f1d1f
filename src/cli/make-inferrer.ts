/** Builds the inferrer that reads facts from descriptions (none until inference lands). */
import type { LoadedConfig } from '../config/load-config.js';
import type { Inferrer } from '../core/resolve-facts.js';
import type { Io } from './io.js';
import type { CommonOptions } from './options.js';

export async function makeInferrer(_io: Io, _options: CommonOptions, _config: LoadedConfig | undefined): Promise<Inferrer | undefined> {
  return undefined;
}
