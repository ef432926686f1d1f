/**
 * A fast reader for the plain YAML that involvement logs are written in: block
 * mappings and lists, plain and quoted one-line scalars, one-line flow lists of
 * scalars, literal and folded block scalars, comments. Anything else (anchors, tags,
 * flow mappings, multi-line plain or quoted scalars, several documents, odd indentation)
 * and any error makes it give up, and the caller parses with js-yaml, which also
 * reports exact positions. Plain scalars are resolved with js-yaml's own core-schema
 * tags, so both readers give the same values; test/unit/fast-yaml.test.ts checks that
 * on generated documents.
 */
import { boolCoreTag, floatCoreTag, intCoreTag, NOT_RESOLVED, nullCoreTag } from 'js-yaml';

export interface FastYaml {
  value: unknown;
  /** Start offsets of the items of the root list or of the list under `itemsKey`. */
  itemOffsets: number[];
  /** Start offset of each line (after a "\n"), for turning offsets into positions. */
  lineStarts: number[];
}

/** Thrown (and caught below) to give up on this reader. */
const GIVE_UP = Symbol('give up');

const MAX_DEPTH = 64;

/**
 * Whether the text has anything the fast reader leaves to js-yaml: a tab, a lone carriage
 * return, a directive (`%`), a document marker (`---`, `...`) at the start of a line, or a
 * character YAML forbids (as js-yaml: C0 and C1 controls but line breaks and NEL, U+FFFE,
 * U+FFFF, unpaired surrogates). One pass over the text.
 */
export function outsideSubset(text: string): boolean {
  // most logs have none of these: native searches say so faster than a loop in JavaScript
  if (!MAYBE_OUTSIDE.test(text) && !text.startsWith('%') && !text.includes('\r') && !text.startsWith('---') && !text.startsWith('...') && !text.includes('\n---') && !text.includes('\n...')) return false;
  return outsideSubsetExactly(text);
}

// eslint-disable-next-line no-control-regex
const MAYBE_OUTSIDE = /[\x00-\x09\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\u2028\u2029\uD800-\uDFFF\uFFFE\uFFFF]/;

function outsideSubsetExactly(text: string): boolean {
  const n = text.length;
  if (n && text.charCodeAt(0) === 37) return true; // %
  let lineStart = true;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (lineStart && (c === 45 || c === 46) && isDocumentMarker(text, i, c)) return true;
    lineStart = false;
    if (c < 32) {
      if (c === 10) lineStart = true;
      else if (c !== 13 || text.charCodeAt(i + 1) !== 10) return true; // tab, lone CR, control
      continue;
    }
    if (c < 0x7f) continue;
    if (c <= 0x9f) {
      if (c !== 0x85) return true;
      continue;
    }
    if (c < 0xd800) {
      if (c === 0x2028 || c === 0x2029) lineStart = true; // line separators start a line for `^` too
      continue;
    }
    if (c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      return true; // a high surrogate alone
    }
    if (c <= 0xdfff || c === 0xfffe || c === 0xffff) return true;
  }
  return false;
}

/** `---` or `...` at `i`, followed by white space or the end of a line or of the text. */
function isDocumentMarker(text: string, i: number, c: number): boolean {
  if (text.charCodeAt(i + 1) !== c || text.charCodeAt(i + 2) !== c) return false;
  return i + 3 >= text.length || /\s/.test(text.charAt(i + 3));
}

const ESCAPES: Record<string, string> = {
  '\\': '\\',
  '"': '"',
  '/': '/',
  n: '\n',
  t: '\t',
  '\t': '\t',
  r: '\r',
  '0': '\0',
  ' ': ' ',
  b: '\b',
  f: '\f',
  e: '\u001b',
  a: '\u0007',
  v: '\u000b',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};

/** From a value's start, the longest run without ":", "#" or a line break (sticky: matched where it is put). */
const PLAIN_TEXT = /[^:#\n\r]*/y;

// Characters a plain scalar or key may not start with (YAML indicators).
const INDICATORS = new Set(['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);

const TAGS = [
  [nullCoreTag, 'tag:yaml.org,2002:null'],
  [boolCoreTag, 'tag:yaml.org,2002:bool'],
  [intCoreTag, 'tag:yaml.org,2002:int'],
  [floatCoreTag, 'tag:yaml.org,2002:float'],
] as const;

// First characters that can start null, true/false or a number: anything else is text.
const MAYBE_TYPED = new Set(['', '~', 'n', 'N', 't', 'T', 'f', 'F', '-', '+', '.', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);

/**
 * False for a text starting with a digit that no number could be: one with a space, or
 * with a sign other than after an exponent's e (dates: 2026-03-14). Saves the int and
 * float patterns for every date of a log.
 */
function couldBeNumber(source: string): boolean {
  for (let i = 1; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 32) return false;
    if ((c === 45 || c === 43) && (source.charCodeAt(i - 1) | 32) !== 101) return false; // - or + not after e/E
  }
  return true;
}

/** A plain scalar's value under the YAML 1.2 core schema, as js-yaml resolves it. */
function resolvePlain(source: string): unknown {
  const first = source.charAt(0);
  if (!MAYBE_TYPED.has(first)) return source;
  if (first >= '0' && first <= '9' && !couldBeNumber(source)) return source;
  for (const [tag, name] of TAGS) {
    const firsts = tag.implicitFirstChars;
    if (firsts && !firsts.includes(first)) continue;
    const value = tag.resolve(source, false, name);
    if (value !== NOT_RESOLVED) return value;
  }
  return source;
}

function setKey(map: Record<string, unknown>, key: string, value: unknown): void {
  if (Object.prototype.hasOwnProperty.call(map, key)) throw GIVE_UP; // duplicate: let js-yaml report it
  if (key === '__proto__') Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
  else map[key] = value;
}

class Reader {
  readonly starts: number[] = [];
  private readonly ends: number[] = [];
  readonly itemOffsets: number[] = [];
  /** The line after the node just read (set by each node reader, to save returning pairs). */
  after = 0;

  constructor(
    private readonly text: string,
    private readonly itemsKey: string | undefined,
  ) {
    let start = 0;
    const n = text.length;
    while (start <= n) {
      let nl = text.indexOf('\n', start);
      if (nl === -1) nl = n;
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      this.starts.push(start);
      this.ends.push(end);
      start = nl + 1;
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  // A value's reader looks ahead at the next content line and its indentation, and the
  // reader of the enclosing node then asks the same again: the last answers are kept.
  private indentOf = -1;
  private indentWas = 0;
  private contentFrom = -1;
  private contentAt = 0;

  /** Indentation of a line (spaces); gives up on a tab in the indentation. */
  indent(line: number): number {
    if (line === this.indentOf) return this.indentWas;
    const s = this.starts[line]!;
    const e = this.ends[line]!;
    let i = s;
    while (i < e && this.text.charCodeAt(i) === 32) i++;
    if (i < e && this.text.charCodeAt(i) === 9) throw GIVE_UP;
    this.indentOf = line;
    this.indentWas = i - s;
    return i - s;
  }

  /** True for an empty line or one holding only a comment. */
  blank(line: number): boolean {
    const s = this.starts[line]! + this.indentNoThrow(line);
    return s >= this.ends[line]! || this.text.charCodeAt(s) === 35;
  }

  private indentNoThrow(line: number): number {
    const s = this.starts[line]!;
    const e = this.ends[line]!;
    let i = s;
    while (i < e && (this.text.charCodeAt(i) === 32 || this.text.charCodeAt(i) === 9)) i++;
    return i - s;
  }

  /** The next line at or after `line` with content, or lineCount. */
  nextContent(line: number): number {
    if (line === this.contentFrom) return this.contentAt;
    const from = line;
    while (line < this.lineCount && this.blank(line)) line++;
    this.contentFrom = from;
    this.contentAt = line;
    return line;
  }

  lineStart(line: number): number {
    return this.starts[line]!;
  }

  lineEnd(line: number): number {
    return this.ends[line]!;
  }

  /** Where `key: …` puts its colon in [from, end), or -1 when the text is not a key. */
  keyColon(from: number, end: number): number {
    const t = this.text;
    for (let i = from; i < end; i++) {
      const c = t.charCodeAt(i);
      if (c === 58 /* : */ && (i + 1 === end || t.charCodeAt(i + 1) === 32)) return i;
      if (c === 35 /* # */ && i > from && t.charCodeAt(i - 1) === 32) return -1; // a comment starts
    }
    return -1;
  }

  /** Strips a trailing comment and spaces from a plain value in [from, end). */
  plainEnd(from: number, end: number): number {
    const t = this.text;
    let stop = end;
    for (let i = from; i < end; i++) {
      if (t.charCodeAt(i) === 35 && i > from && (t.charCodeAt(i - 1) === 32 || t.charCodeAt(i - 1) === 9)) {
        stop = i;
        break;
      }
    }
    while (stop > from && (t.charCodeAt(stop - 1) === 32 || t.charCodeAt(stop - 1) === 9)) stop--;
    return stop;
  }

  /** Only spaces and an optional comment (after a space) in [from, end)? */
  restIsEmpty(from: number, end: number): boolean {
    const t = this.text;
    let i = from;
    while (i < end && (t.charCodeAt(i) === 32 || t.charCodeAt(i) === 9)) i++;
    return i >= end || (t.charCodeAt(i) === 35 && i > from);
  }

  /**
   * A node starting on `line` whose first content is at column `col` (which may lie
   * after a "- " on that line). Returns the value; `after` is then the next line to read.
   */
  node(line: number, col: number, parentIndent: number, depth: number, collectItems: boolean): unknown {
    if (depth > MAX_DEPTH) throw GIVE_UP;
    const start = this.starts[line]! + col;
    const end = this.ends[line]!;
    if (this.dashAt(start, end)) {
      return this.sequence(line, col, depth, collectItems);
    }
    if (this.keyColon(start, end) !== -1) return this.mapping(line, col, depth);
    // a lone scalar on its own line as a nested value
    return this.inline(line, start, end, parentIndent);
  }

  sequence(line: number, indent: number, depth: number, collectItems: boolean): unknown[] {
    const items: unknown[] = [];
    for (;;) {
      line = this.nextContent(line);
      if (line >= this.lineCount) break;
      const ind = this.indent(line);
      if (ind < indent) break;
      if (ind > indent) throw GIVE_UP;
      const s = this.starts[line]! + ind;
      const e = this.ends[line]!;
      if (!this.dashAt(s, e)) {
        // not an item: the end of this list (a key of the parent mapping at the same indent)
        break;
      }
      let contentAt = s + 1;
      while (contentAt < e && this.text.charCodeAt(contentAt) === 32) contentAt++;
      if (this.text.charCodeAt(contentAt) === 9) throw GIVE_UP; // tabs as separation: js-yaml's rules
      if (contentAt >= e || this.text.charCodeAt(contentAt) === 35) {
        // "-" alone: the item is on the following lines, more indented
        const next = this.nextContent(line + 1);
        if (next < this.lineCount && this.indent(next) > indent) {
          const nind = this.indent(next);
          if (collectItems) this.itemOffsets.push(this.itemStart(next, nind));
          items.push(this.node(next, nind, indent, depth + 1, false));
          line = this.after;
        } else {
          throw GIVE_UP; // an empty item: always a mistake in a log; js-yaml locates it
        }
        continue;
      }
      const col = contentAt - this.starts[line]!;
      if (collectItems) this.itemOffsets.push(this.itemStart(line, col));
      if (this.dashAt(contentAt, e)) throw GIVE_UP; // "- - a"
      if (this.keyColon(contentAt, e) !== -1) {
        items.push(this.mapping(line, col, depth + 1));
        line = this.after;
      } else {
        items.push(this.inline(line, contentAt, e, indent));
        line = this.after;
      }
    }
    this.after = line;
    return items;
  }

  /** Keys read so far: logs use a dozen names over and over. */
  private readonly keys: string[] = [];

  /** The plain key at s..end: one seen before (no new string), or read and remembered. */
  private key(s: number, end: number): string {
    const length = end - s;
    const keys = this.keys;
    for (let k = 0; k < keys.length; k++) {
      const known = keys[k]!;
      if (known.length === length && this.text.startsWith(known, s)) return known;
    }
    const source = this.text.slice(s, end);
    const value = resolvePlain(source);
    if (typeof value !== 'string') throw GIVE_UP;
    if (keys.length < 32) keys.push(value);
    return value;
  }

  /** Where a record's node starts, as js-yaml reports it (the quote of a quoted scalar). */
  private itemStart(line: number, col: number): number {
    return this.starts[line]! + col;
  }

  mapping(line: number, indent: number, depth: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    let first = true;
    for (;;) {
      if (!first) {
        line = this.nextContent(line);
        if (line >= this.lineCount) break;
        const ind = this.indent(line);
        if (ind < indent) break;
        if (ind > indent) throw GIVE_UP;
      }
      const s = this.starts[line]! + indent;
      const e = this.ends[line]!;
      const c = this.text.charAt(s);
      if (!first && this.dashAt(s, e)) break; // a list item of the parent
      first = false;
      if (INDICATORS.has(c)) throw GIVE_UP;
      const colon = this.keyColon(s, e);
      if (colon === -1) throw GIVE_UP;
      let keyEnd = colon;
      while (keyEnd > s && (this.text.charCodeAt(keyEnd - 1) === 32 || this.text.charCodeAt(keyEnd - 1) === 9)) keyEnd--;
      const keyValue = this.key(s, keyEnd);
      let valueAt = colon + 1;
      while (valueAt < e && this.text.charCodeAt(valueAt) === 32) valueAt++;
      if (this.text.charCodeAt(valueAt) === 9) throw GIVE_UP; // tabs as separation: js-yaml's rules
      if (valueAt >= e || this.text.charCodeAt(valueAt) === 35) {
        // nothing on this line: a nested block, or null
        const next = this.nextContent(line + 1);
        const nind = next < this.lineCount ? this.indent(next) : -1;
        const collect = depth === 0 && keyValue === this.itemsKey;
        if (nind > indent) {
          setKey(map, keyValue, this.node(next, nind, indent, depth + 1, collect));
          line = this.after;
        } else if (nind === indent && this.isItem(next, nind)) {
          // a list at the same indentation as its key
          setKey(map, keyValue, this.sequence(next, nind, depth + 1, collect));
          line = this.after;
        } else {
          setKey(map, keyValue, null);
          line = line + 1;
        }
        continue;
      }
      setKey(map, keyValue, this.inline(line, valueAt, e, indent));
      line = this.after;
    }
    this.after = line;
    return map;
  }

  private isItem(line: number, ind: number): boolean {
    return this.dashAt(this.starts[line]! + ind, this.ends[line]!);
  }

  /** A list item's "-" at `at` (followed by a space or the end of the line at `end`). */
  dashAt(at: number, end: number): boolean {
    return this.text.charCodeAt(at) === 45 && (at + 1 >= end || this.text.charCodeAt(at + 1) === 32);
  }

  /** A value that starts at `from` on `line`; `after` is then the next line to read. */
  inline(line: number, from: number, end: number, parentIndent: number): unknown {
    const c = this.text.charAt(from);
    let value: unknown;
    if (c === '"') value = this.doubleQuoted(from, end);
    else if (c === "'") value = this.singleQuoted(from, end);
    else if (c === '[') value = this.flowList(from, end);
    else if (c === '|' || c === '>') return this.blockScalar(line, from, end, parentIndent);
    else if (INDICATORS.has(c) && !(c === '-' && from + 1 < end && this.text.charCodeAt(from + 1) !== 32)) throw GIVE_UP;
    else {
      // most values hold no ":" and no "#": one native search says so, and then there is
      // no comment to cut and no "a: b" to judge
      PLAIN_TEXT.lastIndex = from;
      PLAIN_TEXT.test(this.text);
      let stop: number;
      if (PLAIN_TEXT.lastIndex === end) {
        stop = end;
        while (stop > from && this.text.charCodeAt(stop - 1) === 32) stop--;
      } else {
        stop = this.plainEnd(from, end);
        // "a: b" inside a value is js-yaml's to judge (plainEnd has cut any comment, and
        // texts with tabs never reach this reader, so keyColon sees every ": ")
        if (this.keyColon(from, stop) !== -1) throw GIVE_UP;
      }
      value = resolvePlain(this.text.slice(from, stop));
    }
    // the next content line must not continue this value
    const next = this.nextContent(line + 1);
    if (next < this.lineCount && this.indent(next) > parentIndent) throw GIVE_UP; // a multi-line value
    this.after = line + 1;
    return value;
  }

  /** Decodes a double-quoted scalar whose closing quote is at `close`. */
  private decodeDouble(from: number, close: number): string {
    const t = this.text;
    let out = '';
    let i = from + 1;
    while (i < close) {
      const c = t.charAt(i);
      if (c !== '\\') {
        out += c;
        i++;
        continue;
      }
      const e = t.charAt(i + 1);
      const simple = ESCAPES[e];
      if (simple !== undefined) {
        out += simple;
        i += 2;
        continue;
      }
      const len = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
      const hex = t.slice(i + 2, i + 2 + len);
      if (!len || hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) throw GIVE_UP;
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) throw GIVE_UP;
      out += String.fromCodePoint(cp);
      i += 2 + len;
    }
    return out;
  }

  /** Where the double-quoted scalar starting at `from` closes on this line (or gives up). */
  private closeDouble(from: number, end: number): number {
    const t = this.text;
    let i = from + 1;
    for (;;) {
      if (i >= end) throw GIVE_UP; // runs onto the next line
      const c = t.charCodeAt(i);
      if (c === 92 /* \\ */) i += 2;
      else if (c === 34 /* " */) return i;
      else i++;
    }
  }

  private doubleQuoted(from: number, end: number): string {
    const close = this.closeDouble(from, end);
    if (!this.restIsEmpty(close + 1, end)) throw GIVE_UP;
    return this.decodeDouble(from, close);
  }

  private singleQuoted(from: number, end: number): string {
    const t = this.text;
    let out = '';
    let i = from + 1;
    for (;;) {
      if (i >= end) throw GIVE_UP;
      const c = t.charAt(i);
      if (c === "'") {
        if (t.charAt(i + 1) === "'") {
          out += "'";
          i += 2;
          continue;
        }
        break;
      }
      out += c;
      i++;
    }
    if (!this.restIsEmpty(i + 1, end)) throw GIVE_UP;
    return out;
  }

  /** `[a, "b", c]` on one line, scalars only. */
  private flowList(from: number, end: number): unknown[] {
    const t = this.text;
    const items: unknown[] = [];
    let i = from + 1;
    while (i < end && t.charCodeAt(i) === 32) i++;
    if (t.charCodeAt(i) === 93 /* ] */) {
      if (!this.restIsEmpty(i + 1, end)) throw GIVE_UP;
      return items;
    }
    for (;;) {
      while (i < end && t.charCodeAt(i) === 32) i++;
      if (i >= end) throw GIVE_UP;
      const c = t.charCodeAt(i);
      if (c === 34 /* " */) {
        const close = this.closeDouble(i, end);
        items.push(this.decodeDouble(i, close));
        i = close + 1;
      } else if (c === 39 /* ' */) {
        let j = i + 1;
        for (;;) {
          if (j >= end) throw GIVE_UP;
          if (t.charCodeAt(j) === 39) {
            if (t.charCodeAt(j + 1) === 39) {
              j += 2;
              continue;
            }
            break;
          }
          j++;
        }
        items.push(t.slice(i + 1, j).replace(/''/g, "'"));
        i = j + 1;
      } else {
        if (c !== 45 /* - */ && INDICATORS.has(t.charAt(i))) throw GIVE_UP;
        let j = i;
        while (j < end) {
          const d = t.charCodeAt(j);
          if (d === 44 /* , */ || d === 93 /* ] */ || d === 91 /* [ */ || d === 123 /* { */ || d === 125 /* } */) break;
          if (d === 35 /* # */ && j > i && t.charCodeAt(j - 1) === 32) throw GIVE_UP;
          if (d === 58 /* : */) {
            const e = t.charCodeAt(j + 1);
            if (j + 1 >= end || e === 32 || e === 44 || e === 93) throw GIVE_UP;
          }
          j++;
        }
        let stop = j;
        while (stop > i && t.charCodeAt(stop - 1) === 32) stop--;
        if (stop === i) throw GIVE_UP; // an empty item
        const source = t.slice(i, stop);
        if (source === '-' || source.startsWith('- ')) throw GIVE_UP;
        items.push(resolvePlain(source));
        i = j;
      }
      while (i < end && t.charCodeAt(i) === 32) i++;
      const d = t.charCodeAt(i);
      if (d === 44 /* , */) {
        i++;
        while (i < end && t.charCodeAt(i) === 32) i++;
        if (t.charCodeAt(i) === 93) throw GIVE_UP; // trailing comma: leave it to js-yaml
        continue;
      }
      if (d === 93 /* ] */) break;
      throw GIVE_UP;
    }
    if (!this.restIsEmpty(i + 1, end)) throw GIVE_UP;
    return items;
  }

  /** `|` or `>` with optional `-`/`+`; the content is the more indented lines below. */
  private blockScalar(line: number, from: number, end: number, parentIndent: number): string {
    const t = this.text;
    const style = t.charAt(from);
    let i = from + 1;
    let chomp: 'clip' | 'strip' = 'clip';
    if (t.charAt(i) === '-') {
      chomp = 'strip';
      i++;
    } else if (t.charAt(i) === '+') {
      throw GIVE_UP; // keeping trailing lines: js-yaml
    }
    if (i < end && t.charCodeAt(i) !== 32) throw GIVE_UP; // an indentation digit, or anything else
    if (!this.restIsEmpty(i, end)) throw GIVE_UP;
    const lines: string[] = [];
    let contentIndent = -1;
    let lastContent = line;
    for (let l = line + 1; l < this.lineCount; l++) {
      const s = this.starts[l]!;
      const e = this.ends[l]!;
      let k = s;
      while (k < e && t.charCodeAt(k) === 32) k++;
      const spaces = k - s;
      if (k >= e) {
        // an empty line; whitespace-only lines (which may be content or set the indentation) go to js-yaml
        if (spaces > 0 && (contentIndent < 0 || spaces > parentIndent)) throw GIVE_UP;
        lines.push('');
        continue;
      }
      if (t.charCodeAt(k) === 9) throw GIVE_UP;
      if (contentIndent < 0) {
        if (spaces <= parentIndent) break;
        contentIndent = spaces;
      }
      if (spaces < contentIndent) break;
      if (style === '>' && spaces > contentIndent) throw GIVE_UP; // more-indented folded lines: js-yaml
      lines.push(t.slice(s + contentIndent, e));
      lastContent = l;
    }
    if (contentIndent < 0) throw GIVE_UP; // an empty block scalar: rare, leave to js-yaml
    const contentCount = lastContent - line;
    const body = lines.slice(0, contentCount);
    if (style === '>' && body.some((x) => x !== '' && x.trim() === '')) throw GIVE_UP;
    let value: string;
    if (style === '|') value = body.join('\n');
    else {
      // folding: a single line break becomes a space; n empty lines between text give n breaks
      value = '';
      let started = false;
      let blanks = 0;
      for (const text of body) {
        if (text === '') {
          if (started) blanks++;
          else value += '\n';
          continue;
        }
        value += !started ? text : blanks ? '\n'.repeat(blanks) + text : ` ${text}`;
        started = true;
        blanks = 0;
      }
    }
    if (chomp === 'clip') value += '\n';
    this.after = lastContent + 1;
    return value;
  }
}

/**
 * Reads `text` if it keeps to the plain subset; undefined otherwise (the caller then
 * uses js-yaml). `itemsKey` names the root key whose list items are records.
 */
export function fastParse(text: string, itemsKey?: string): FastYaml | undefined {
  // documents, directives, tabs, lone carriage returns and characters YAML forbids are js-yaml's job
  if (outsideSubset(text)) return undefined;
  try {
    const reader = new Reader(text, itemsKey);
    const first = reader.nextContent(0);
    if (first >= reader.lineCount) return { value: undefined, itemOffsets: [], lineStarts: reader.starts };
    const ind = reader.indent(first);
    if (ind !== 0) return undefined;
    const s = reader.lineStart(first);
    const e = reader.lineEnd(first);
    const isList = reader.dashAt(s, e);
    let value: unknown;
    let next: number;
    if (isList) {
      value = reader.sequence(first, 0, 0, true);
      next = reader.after;
    }
    else if (reader.keyColon(s, e) !== -1) {
      value = reader.mapping(first, 0, 0);
      next = reader.after;
    }
    else return undefined;
    if (reader.nextContent(next) < reader.lineCount) return undefined; // anything left over
    return { value, itemOffsets: reader.itemOffsets, lineStarts: reader.starts };
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}
