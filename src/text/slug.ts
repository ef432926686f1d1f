/** Derives a stable id from a name: lower case, ASCII letters and digits joined by hyphens. */
export function slugify(name: string): string {
  // most names are words of letters and digits with single spaces: one native regular
  // expression test says so, and lower case and hyphens are all there is to do (split
  // and join make one flat string, where replace would make a tree of pieces that lives
  // as long as the activity: ~40 against ~145 bytes an id)
  if (name.length <= MAX && SIMPLE.test(name)) return name.toLowerCase().split(' ').join('-');
  // accents only need taking apart when there are any (most names are plain ASCII)
  const slug = /[^\x00-\x7f]/.test(name) ? slugifyAny(name) : slugifyAscii(name);
  return slug || 'activity';
}

const MAX = 60;
const SIMPLE = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;

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
 * The same for plain ASCII, in one pass, a word at a time: the words are sliced out and
 * joined once (one flat string, as above).
 */
function slugifyAscii(name: string): string {
  const lower = name.toLowerCase();
  const n = lower.length;
  const words: string[] = [];
  let length = -1;
  let start = -1;
  for (let i = 0; i <= n && length < MAX; i++) {
    const c = i < n ? lower.charCodeAt(i) : 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words.push(lower.slice(start, i));
      length += i - start + 1;
      start = -1;
    }
  }
  const out = words.join('-');
  // cut at the limit, a hyphen may end it (hyphens never come two in a row)
  const cut = out.length > MAX ? out.slice(0, MAX) : out;
  return cut.endsWith('-') ? cut.slice(0, -1) : cut;
}
