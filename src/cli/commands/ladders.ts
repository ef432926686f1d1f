/** `coprod ladders [ID]`: lists the ladders, or shows one top rung first with band and summary. */
import { LADDERS_FORMATS, pickFormat } from '../formats.js';
import type { Io } from '../io.js';
import { loadContext } from '../load-inputs.js';
import type { CommonOptions } from '../options.js';
import { destination, emit } from '../output.js';

export async function laddersCommand(id: string | undefined, options: CommonOptions, io: Io): Promise<number> {
  const { format } = pickFormat(LADDERS_FORMATS, options.format);
  const { registry } = await loadContext(io, options);
  const shown = id ? await registry.get(id) : await registry.all();
  await emit(await format(shown, destination(options, io).view), options, io, []);
  return 0;
}
