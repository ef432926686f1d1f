/**
 * The questions `coprod ask` puts, behind a small interface: inquirer's prompts in a
 * terminal (loaded only for this command), or a scripted prompter in tests.
 */
import { InterruptedError } from '../input/problem.js';
import { importEsm } from '../input/import-esm.js';
import { wrapLines } from '../text/wrap.js';

export interface Choice {
  value: string;
  name: string;
  description?: string;
}

export interface Prompter {
  input(message: string, options?: { required?: boolean; default?: string }): Promise<string>;
  select(message: string, choices: Choice[], defaultValue?: string): Promise<string>;
  checkbox(message: string, choices: Choice[]): Promise<string[]>;
}

function interrupted(error: unknown): never {
  const name = (error as Error)?.name;
  if (name === 'ExitPromptError' || name === 'AbortPromptError') throw new InterruptedError('interrupted; nothing was written');
  throw error;
}

/**
 * Inquirer breaks a line that is too long at the screen's edge, mid-word: questions and
 * choices are word-wrapped here first, continuation lines under the text they continue.
 * `prefix` is how many columns inquirer puts before the text ("? ", "❯ ", "❯◯ ").
 */
export function fitToScreen(text: string, width: number, prefix: number): string {
  return wrapLines(text, Math.max(20, width - prefix - 1)).join(`\n${' '.repeat(prefix)}`);
}

export async function inquirerPrompter(): Promise<Prompter> {
  const { input, select, checkbox } = await importEsm<typeof import('@inquirer/prompts')>('@inquirer/prompts');
  const width = process.stdout.columns || 80;
  const fit = (choices: Choice[], prefix: number): Choice[] => choices.map((c) => ({ ...c, name: fitToScreen(c.name, width, prefix) }));
  const ask = (message: string): string => fitToScreen(message, width, 2);
  return {
    input: (message, options = {}) => input({ message: ask(message), required: options.required ?? false, ...(options.default !== undefined ? { default: options.default } : {}) }).catch(interrupted),
    select: (message, choices, defaultValue) => select({ message: ask(message), choices: fit(choices, 2), ...(defaultValue !== undefined ? { default: defaultValue } : {}), pageSize: 12 }).catch(interrupted),
    checkbox: (message, choices) => checkbox({ message: ask(message), choices: fit(choices, 3) }).catch(interrupted),
  };
}
