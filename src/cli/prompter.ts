/**
 * The questions `coprod ask` puts, behind a small interface: inquirer's prompts in a
 * terminal (loaded only for this command), or a scripted prompter in tests.
 */
import { InterruptedError } from '../input/problem.js';
import { importEsm } from '../input/import-esm.js';

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

export async function inquirerPrompter(): Promise<Prompter> {
  const { input, select, checkbox } = await importEsm<typeof import('@inquirer/prompts')>('@inquirer/prompts');
  return {
    input: (message, options = {}) => input({ message, required: options.required ?? false, ...(options.default !== undefined ? { default: options.default } : {}) }).catch(interrupted),
    select: (message, choices, defaultValue) => select({ message, choices, ...(defaultValue !== undefined ? { default: defaultValue } : {}), pageSize: 12 }).catch(interrupted),
    checkbox: (message, choices) => checkbox({ message, choices }).catch(interrupted),
  };
}
