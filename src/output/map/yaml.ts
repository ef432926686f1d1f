/**
 * `coprod map --format yaml`: the JSON model as YAML, for people who keep results beside
 * their log. js-yaml writes it fast; a string of megabytes overflows its style checks
 * (a regular expression), and then the slower `yaml` writer, which folds long lines
 * without recursion, writes the same data.
 */
import { dump } from 'js-yaml';
import type { MapResult } from '../../assess/map-log.js';
import { hasRawUnsafe } from '../../text/terminal-text.js';
import { mapJson } from './model.js';

export async function formatYaml(result: MapResult): Promise<string> {
  const data = mapJson(result);
  // text with characters no reader should get raw is written double-quoted, where the
  // output's guard (jsonSafe) can write them as \u escapes without changing the value
  const quoted = hasRawUnsafe(JSON.stringify(data));
  try {
    return dump(data, { lineWidth: 100, noRefs: true, ...(quoted ? { forceQuotes: true, quotingType: '"' as const } : {}) });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const { stringify } = await import('yaml');
    return stringify(data, { lineWidth: 100, aliasDuplicateObjects: false, ...(quoted ? { defaultStringType: 'QUOTE_DOUBLE' as const, defaultKeyType: 'PLAIN' as const } : {}) });
  }
}
