/** `coprod crosswalk`: the rungs of several ladders side by side, a row per `say` value. */
import { crosswalk } from '../../assess/crosswalk.js';
import { CROSSWALK_FORMATS, pickFormat } from '../formats.js';
import type { Io } from '../io.js';
import { loadContext } from '../load-inputs.js';
import type { CommonOptions } from '../options.js';
import { destination, emit } from '../output.js';

export async function crosswalkCommand(options: CommonOptions, io: Io): Promise<number> {
  const { format } = pickFormat(CROSSWALK_FORMATS, options.format);
  const { registry } = await loadContext(io, options);
  const ladders = options.ladder?.length ? await Promise.all(options.ladder.map((l) => registry.get(l))) : await registry.all();
  await emit(await format({ ladders, rows: crosswalk(ladders) }, destination(options, io).view), options, io, []);
  return 0;
}
