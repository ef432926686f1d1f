/**
 * Refuses a workbook (a ZIP file) that would cost too much to open, before any
 * spreadsheet library inflates it: too many entries, too many bytes once inflated, or a
 * compression ratio no real workbook has (a zip bomb). Sizes are those the archive
 * declares, and each entry is then inflated against its declared size (yauzl stops an
 * entry that inflates past it), so a lying archive is caught as early as an honest one.
 */
import { InputError } from './problem.js';
import { importEsm } from './import-esm.js';

/** A workbook of 100,000 activities is about 60 MB inflated; far above is not a log. */
export const MAX_INFLATED_BYTES = 100 * 1024 * 1024;
const MAX_ENTRIES = 10_000;
/** Real sheets compress by 5 to 30 times; zip bombs by thousands. */
const MAX_RATIO = 200;

/** The names of the archive's parts, once it is known to be safe to open. */
export async function guardZip(bytes: Buffer, file: string): Promise<string[]> {
  const refuse = (message: string, expected: string, help = 'open it in your spreadsheet program and save it again as .xlsx'): InputError =>
    new InputError([{ file, line: 1, column: 1, field: '', message, expected, help }]);
  // loaded only when a workbook is read
  const yauzl = (await importEsm<{ default: typeof import('yauzl') }>('yauzl')).default;
  let zip: import('yauzl').ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
  } catch {
    throw refuse('not a readable workbook: the file is damaged, or is not an .xlsx file', 'an Excel workbook (.xlsx)');
  }
  const tooBig = (n: number): InputError =>
    refuse(`the workbook is too large once unpacked (${Math.round(n / 1024 / 1024)} MB or more)`, `at most ${MAX_INFLATED_BYTES / 1024 / 1024} MB unpacked`, 'split the log into several workbooks, or save it as CSV');
  const names: string[] = [];
  let entries = 0;
  let declared = 0;
  let inflated = 0;
  try {
    for await (const entry of entriesOf(zip)) {
      entries += 1;
      names.push(entry.fileName);
      declared += entry.uncompressedSize;
      if (entries > MAX_ENTRIES) throw refuse(`the workbook holds more than ${MAX_ENTRIES} parts`, 'a workbook of a few sheets');
      if (declared > MAX_INFLATED_BYTES) throw tooBig(declared);
      if (entry.uncompressedSize > 1024 * 1024 && entry.uncompressedSize / Math.max(1, entry.compressedSize) > MAX_RATIO) {
        throw refuse('the workbook is packed far tighter than any real spreadsheet (a "zip bomb")', 'an ordinary workbook', 'do not open it; ask whoever sent it for the log as CSV');
      }
      const stream = await zip.openReadStreamPromise(entry);
      for await (const chunk of stream) {
        inflated += (chunk as Buffer).length;
        if (inflated > MAX_INFLATED_BYTES) {
          stream.destroy();
          throw tooBig(inflated);
        }
      }
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw refuse('not a readable workbook: the file is damaged', 'an Excel workbook (.xlsx)');
  } finally {
    zip.close();
  }
  return names;
}

/** The archive's entries one at a time (yauzl's lazy reading as an async iterator). */
async function* entriesOf(zip: import('yauzl').ZipFile): AsyncGenerator<import('yauzl').Entry> {
  for (;;) {
    const next = await new Promise<import('yauzl').Entry | null>((resolve, reject) => {
      const onEntry = (entry: import('yauzl').Entry): void => { cleanup(); resolve(entry); };
      const onEnd = (): void => { cleanup(); resolve(null); };
      const onError = (error: Error): void => { cleanup(); reject(error); };
      const cleanup = (): void => {
        zip.off('entry', onEntry);
        zip.off('end', onEnd);
        zip.off('error', onError);
      };
      zip.on('entry', onEntry);
      zip.on('end', onEnd);
      zip.on('error', onError);
      zip.readEntry();
    });
    if (!next) return;
    yield next;
  }
}
