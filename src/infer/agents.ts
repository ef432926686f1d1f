/** Finds who is named in a clause: phrases for people who use services and for the organisation, longest first. */
import type { Token } from './tokenise.js';

export type AgentGroup = 'people' | 'organisation';

export interface AgentMark {
  group: AgentGroup;
  length: number;
}

export class AgentIndex {
  /** first word → phrases starting with it (as word lists), longest first */
  private readonly byFirst = new Map<string, Array<{ words: string[]; group: AgentGroup }>>();

  private readonly titles: ReadonlySet<string>;
  private readonly modifiers: ReadonlySet<string>;

  /**
   * @param titles words such as "mr" that, with the next word, name a person who uses the service
   * @param modifiers words that may stand before a name and belong to it ("older residents")
   */
  constructor(phrases: ReadonlyArray<{ phrase: string[]; group: AgentGroup }>, titles: readonly string[] = [], modifiers: readonly string[] = []) {
    this.titles = new Set(titles);
    this.modifiers = new Set(modifiers);
    for (const { phrase, group } of phrases) {
      if (!phrase.length) continue;
      const list = this.byFirst.get(phrase[0]!) ?? [];
      list.push({ words: phrase, group });
      this.byFirst.set(phrase[0]!, list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  /** For each token, the longest agent phrase starting there (or undefined), modifiers included. */
  mark(tokens: readonly Token[]): Array<AgentMark | undefined> {
    const marks = this.markNames(tokens);
    // "older residents", "two lay members", "300 patients": fold leading modifiers and numbers into the name
    for (let i = tokens.length - 2; i >= 0; i--) {
      const next = marks[i + 1];
      if (!marks[i] && next && (this.modifiers.has(tokens[i]!.word) || /^[0-9]+$/.test(tokens[i]!.word))) {
        marks[i] = { group: next.group, length: next.length + 1 };
        marks[i + 1] = undefined;
      }
    }
    return marks;
  }

  private markNames(tokens: readonly Token[]): Array<AgentMark | undefined> {
    const marks: Array<AgentMark | undefined> = new Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      if (this.titles.has(tokens[i]!.word) && i + 1 < tokens.length) {
        marks[i] = { group: 'people', length: 2 };
        i++;
        continue;
      }
      const list = this.byFirst.get(tokens[i]!.word);
      if (!list) continue;
      for (const { words, group } of list) {
        if (i + words.length > tokens.length) continue;
        let ok = true;
        for (let k = 1; k < words.length; k++) {
          if (tokens[i + k]!.word !== words[k]) {
            ok = false;
            break;
          }
        }
        if (ok) {
          marks[i] = { group, length: words.length };
          // no second agent inside this one ("council" in "children in care council")
          i += words.length - 1;
          break;
        }
      }
    }
    return marks;
  }
}
