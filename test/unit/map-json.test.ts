// `map --format json` is written in batches of activities as they are assessed: whatever
// the number of activities, the streamed text is the JSON of the whole result.
import { describe, expect, it } from 'vitest';
import { mapLogs, streamLogs } from '../../src/assess/map-log.js';
import { formatJson } from '../../src/output/map/json.js';
import { mapJson } from '../../src/output/map/model.js';
import { ladders, readYaml } from '../helpers/core.js';

describe('streamed JSON', () => {
  for (const count of [1, 63, 64, 65, 600]) {
    it(`${count} activities: one JSON document, the same as the whole result`, async () => {
      const items = Array.from({ length: count }, (_, i) => `  - { name: Meeting ${i}, say: ${i % 3 ? 'heard' : 'joint'} }\n`);
      const log = await readYaml(`activities:\n${items.join('')}`);
      const ls = await ladders('tlap');
      const streamed = [...formatJson(streamLogs([log], ls))].join('');
      expect(streamed.endsWith('\n')).toBe(true);
      expect(JSON.parse(streamed)).toEqual(mapJson(mapLogs([log], ls)));
      expect(streamed).toBe(`${JSON.stringify(mapJson(mapLogs([log], ls)))}\n`);
    });
  }
});
