/**
 * The few colours and styles the formatters use, from Node's own `util.styleText`
 * (no colour library to load at start-up). Disabled colours are the identity, so
 * formatters never need to know whether colour is on.
 */
import { styleText } from 'node:util';

export type Paint = (text: string) => string;

export interface Colours {
  enabled: boolean;
  red: Paint;
  green: Paint;
  yellow: Paint;
  cyan: Paint;
  gray: Paint;
  bold: Paint;
  dim: Paint;
  underline: Paint;
}

const STYLES = ['red', 'green', 'yellow', 'cyan', 'gray', 'bold', 'dim', 'underline'] as const;

export function makeColours(enabled: boolean): Colours {
  const none: Paint = (s) => s;
  // validateStream: false keeps newer Node from dropping colour the caller asked for
  const style = styleText as (format: string, text: string, options?: { validateStream?: boolean }) => string;
  const entries = STYLES.map((name) => [name, enabled ? ((s: string) => (s ? style(name, s, { validateStream: false }) : s)) : none]);
  return { enabled, ...Object.fromEntries(entries) } as Colours;
}
