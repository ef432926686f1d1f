/** Derives a stable id from a name: lower case, ASCII letters and digits joined by hyphens. */
export function slugify(name: string): string {
  // accents only need taking apart when there are any (most names are plain ASCII)
  const slug = /[^\x00-\x7f]/.test(name) ? slugifyAny(name) : slugifyAscii(name);
  return slug || 'activity';
}

const MAX = 60;

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

/** The same for plain ASCII, in one pass (ids are derived for every activity of a log). */
function slugifyAscii(name: string): string {
  let out = '';
  let gap = false;
  for (let i = 0; i < name.length && out.length < MAX; i++) {
    let c = name.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32; // A-Z
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (gap && out) out += '-';
      gap = false;
      out += String.fromCharCode(c);
    } else gap = true;
  }
  // cut at the limit, a hyphen may end it (hyphens never come two in a row)
  const cut = out.length > MAX ? out.slice(0, MAX) : out;
  return cut.endsWith('-') ? cut.slice(0, -1) : cut;
}
