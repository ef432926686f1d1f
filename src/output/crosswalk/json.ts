/** `coprod crosswalk --format json`: each `say` value with its meaning and the rungs it gives. */
import { CORE_FACTS } from '../../model/facts-model.js';
import type { CrosswalkShown } from './cell-text.js';

export function formatCrosswalkJson({ ladders, rows }: CrosswalkShown): string {
  const sayDef = CORE_FACTS.find((f) => f.name === 'say')!;
  return `${JSON.stringify(
    {
      ladders: ladders.map((l) => l.id),
      rows: rows.map((r) => ({
        say: r.say,
        meaning: sayDef.options[r.say],
        rungs: Object.fromEntries([...r.cells].map(([id, c]) => [id, { least: c.least?.id ?? null, most: c.most?.id ?? null, dependsOn: c.dependsOn, needs: c.needs }])),
      })),
    },
    null,
    2,
  )}\n`;
}
