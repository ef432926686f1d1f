/**
 * Builds HTML and SVG as strings that are safe by construction: every plain string is
 * escaped (by escape-html), only values already built by `h` pass through unchanged,
 * and attribute values are always escaped. Tag and attribute names are code, never data.
 */
import escapeHtml from 'escape-html';
import { safeBlock } from '../../text/terminal-text.js';

export class Markup {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export type Child = Markup | string | number | null | undefined | false | Child[];
export type Attrs = Record<string, string | number | boolean | null | undefined>;

/** Control characters are shown escaped, as in every output; the noncharacters HTML forbids are dropped; the rest is escaped. */
const ILLEGAL = /[\ufffe\uffff]/g;

export function text(value: string | number): string {
  return escapeHtml(safeBlock(String(value)).replace(ILLEGAL, ''));
}

function render(child: Child): string {
  if (child === null || child === undefined || child === false) return '';
  if (child instanceof Markup) return child.html;
  if (Array.isArray(child)) return child.map(render).join('');
  return text(child);
}

const VOID = new Set(['meta', 'br', 'hr', 'img', 'input', 'link', 'col']);

/** An element's opening tag, its attributes escaped (for markup written in parts, as a stream). */
export function openTag(tag: string, attrs: Attrs = {}): string {
  const attributes = Object.entries(attrs)
    .filter(([, v]) => v !== null && v !== undefined && v !== false)
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${text(v as string | number)}"`))
    .join('');
  return `<${tag}${attributes}>`;
}

export function h(tag: string, attrs: Attrs = {}, ...children: Child[]): Markup {
  const opened = openTag(tag, attrs);
  if (VOID.has(tag)) return new Markup(opened);
  return new Markup(`${opened}${children.map(render).join('')}</${tag}>`);
}

/** Several children as one value. */
export function fragment(...children: Child[]): Markup {
  return new Markup(children.map(render).join(''));
}

/** Trusted, constant markup written in the code (styles, doctype). Never pass data here. */
export function raw(html: string): Markup {
  return new Markup(html);
}
