/** coprod's version and home (its repository), set by the build from package.json. */
declare const __COPROD_VERSION__: string | undefined;
declare const __COPROD_HOME__: string | undefined;
export const VERSION: string = typeof __COPROD_VERSION__ === 'string' ? __COPROD_VERSION__ : '0.0.0-dev';
export const HOME: string = typeof __COPROD_HOME__ === 'string' ? __COPROD_HOME__ : 'https://github.com/coprod-dev/coprod';

/** Where a section of the docs of this version is read on the web. */
export function docsUrl(page: string, anchor?: string): string {
  return `${HOME}/blob/v${VERSION}/docs/${page}${anchor ? `#${anchor}` : ''}`;
}
