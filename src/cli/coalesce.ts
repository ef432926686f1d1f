/**
 * Joins a stream of texts into pieces of at least `size` characters (the last may be
 * shorter), so that output made in many small chunks is written with few calls. At most
 * one piece is held at a time.
 */
export function* coalesce(chunks: Iterable<string>, size: number): Generator<string> {
  let pending: string[] = [];
  let length = 0;
  for (const chunk of chunks) {
    pending.push(chunk);
    length += chunk.length;
    if (length >= size) {
      yield pending.length === 1 ? pending[0]! : pending.join('');
      pending = [];
      length = 0;
    }
  }
  if (pending.length) yield pending.join('');
}
