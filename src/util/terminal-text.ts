/**
 * Makes user text harmless before it reaches a terminal: control characters,
 * ANSI escapes and bidi overrides are shown escaped (`\u001b`), never executed;
 * long values are cut short for messages.
 */

// C0 controls except tab/newline, DEL, C1 controls, bidi embeddings/overrides/isolates,
// line/paragraph separators.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_OR_LAYOUT = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeChar(ch: string): string {
  if (ch === '\t') return '\\t';
  if (ch === '\n') return '\\n';
  if (ch === '\r') return '\\r';
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** For text shown on one line (names, values in messages, file names). */
export function safeInline(text: string): string {
  return text.replace(UNSAFE_OR_LAYOUT, escapeChar);
}

/** For text that may keep its line breaks and tabs (descriptions in a table cell). */
export function safeBlock(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(UNSAFE, escapeChar);
}

/** Quotes a value for a message, cut short if long, always one line and safe. */
export function quoteValue(value: unknown, max = 40): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (value === null || value === undefined) text = String(value);
  else if (typeof value === 'object') text = Array.isArray(value) ? 'a list' : 'a mapping';
  else text = String(value);
  if (typeof value !== 'string') return text;
  const cut = [...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text;
  return `"${safeInline(cut)}"`;
}
