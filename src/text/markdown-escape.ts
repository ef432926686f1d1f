import { safeInline } from './terminal-text.js';

/** Makes user text inert inside a Markdown table cell or line: no markup, no HTML, no broken rows, control characters shown escaped. */
export function markdownText(text: string): string {
  return safeInline(text.replace(/\r\n?|\n|\t/g, ' '))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#~!])/g, '\\$1');
}
