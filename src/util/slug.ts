/** Derives a stable id from a name: lower case, ASCII letters and digits joined by hyphens. */
export function slugify(name: string): string {
  // accents only need taking apart when there are any (most names are plain ASCII)
  const slug = (/[^\x00-\x7f]/.test(name) ? name.normalize('NFKD') : name)
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'activity';
}
