/**
 * Makes user text harmless before it reaches a reader: control characters, ANSI escapes
 * and bidi overrides are shown escaped (`\u001b`), never executed. The same visible
 * escapes are used in every human-readable output (terminal, GitHub annotations, CSV,
 * Markdown, HTML, JUnit); JSON and YAML output keep values exact with their own escape
 * sequences (`jsonSafe`). Long values are cut short for messages.
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

/**
 * Characters that JSON.stringify leaves raw but that no reader should get raw: DEL, C1
 * controls, bidi controls, line and paragraph separators (C0 controls it escapes itself).
 */
const RAW_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** JSON (or YAML double-quoted) text with those characters written as `\uXXXX`: the same value, nothing raw. */
export function jsonSafe(json: string): string {
  RAW_IN_JSON.lastIndex = 0;
  return RAW_IN_JSON.test(json) ? json.replace(RAW_IN_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}

/** Whether a text holds characters `jsonSafe` would escape. */
export function hasRawUnsafe(text: string): boolean {
  RAW_IN_JSON.lastIndex = 0;
  return RAW_IN_JSON.test(text);
}

/**
 * A copy of validated file data (a ladder, a config, cues) with every text shown safe
 * (`safeBlock`), keys too: such text reaches every output, so it is made harmless once,
 * where it is read.
 */
export function visibleStrings<T>(value: T): T {
  if (typeof value === 'string') return safeBlock(value) as T;
  if (Array.isArray(value)) return value.map(visibleStrings) as T;
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) Object.defineProperty(out, safeBlock(k), { value: visibleStrings(v), enumerable: true, writable: true, configurable: true });
    return out as T;
  }
  return value;
}

/** Text cut to at most `max` characters (by code point), with "…" where it was cut. */
export function shorten(text: string, max = 40): string {
  if (text.length <= max) return text;
  const points = [...text];
  return points.length > max ? `${points.slice(0, max - 1).join('')}…` : text;
}

/** Quotes a value for a message, cut short if long, always one line and safe. */
export function quoteValue(value: unknown, max = 40): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (value === null || value === undefined) text = String(value);
  else if (typeof value === 'object') text = Array.isArray(value) ? 'a list' : 'a mapping';
  else text = String(value);
  if (typeof value !== 'string') return text;
  return `"${safeInline(shorten(text, max))}"`;
}
