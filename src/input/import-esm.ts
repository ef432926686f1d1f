/**
 * Loads an ES module at run time. The bundled CLI runs as a script compiled with V8's
 * code cache (see bin/coprod.js), where the launcher hands in its own `import`; from
 * source (tests) the native dynamic import is used.
 */
declare const __coprodImport: ((specifier: string) => Promise<unknown>) | undefined;

export function importEsm<T>(specifier: string): Promise<T> {
  if (typeof __coprodImport === 'function') return __coprodImport(specifier) as Promise<T>;
  return import(specifier) as Promise<T>;
}
