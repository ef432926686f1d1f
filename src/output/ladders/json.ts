/** `coprod ladders --format json`: the ladders listed, or one ladder in full. */
import type { Ladder } from '../../model/ladder.js';

function ladderJson(l: Ladder) {
  return {
    id: l.id,
    name: l.name,
    shipped: l.shipped,
    file: l.file,
    source: l.source,
    description: l.description,
    bands: l.bands.map((b) => ({ id: b.id, name: b.name, description: b.description ?? null })),
    facts: l.extraFacts.map((f) => ({ name: f.name, kind: f.kind, values: f.values, question: f.question })),
    rungs: l.rungs.map((r) => ({ id: r.id, index: r.index, name: r.name, band: r.band.id, summary: r.summary, description: r.description, advice: r.advice, ...(r.promise ? { promise: r.promise } : {}) })),
  };
}

export function formatLaddersJson(shown: Ladder | readonly Ladder[]): string {
  if (!Array.isArray(shown)) return `${JSON.stringify(ladderJson(shown as Ladder), null, 2)}\n`;
  return `${JSON.stringify(shown.map((l) => ({ id: l.id, name: l.name, rungs: l.rungs.length, shipped: l.shipped, file: l.file, source: l.source })), null, 2)}\n`;
}
