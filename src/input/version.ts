/** coprod's version, set by the build from package.json. */
declare const __COPROD_VERSION__: string | undefined;
export const VERSION: string = typeof __COPROD_VERSION__ === 'string' ? __COPROD_VERSION__ : '0.0.0-dev';
