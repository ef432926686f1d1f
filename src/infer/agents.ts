/** Finds who is named in a clause: phrases for people who use services and for the organisation, longest first. */
import type { Token } from './tokenise.js';

export type AgentGroup = 'people' | 'organisation';

export interface AgentMark {
  group: AgentGroup;
  length: number;
}

const SERVICE_WORDS = new Set(['care', 'support', 'experience', 'health', 'service', 'services', 'social', 'mental', 'liaison', 'advice', 'engagement', 'involvement', 'participation', 'advocacy', 'housing', 'nursing', 'medical', 'clinical', 'outreach', 'community', 'liaison', 'welfare', 'benefits', 'day', 'respite', 'transport', 'wellbeing', 'information']);
const JOINS = new Set(['and', 'or', '&', 'with', 'to', 'for', 'from', 'by', 'of', 'at', 'in', 'on']);
const ORGANISATION_HEADS = new Set(['team', 'teams', 'service', 'services', 'staff', 'unit', 'centre', 'center', 'worker', 'workers', 'officer', 'officers', 'nurse', 'nurses', 'manager', 'managers', 'coordinator', 'department', 'directorate']);

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
    // "the carers' centre", "the family care team", "young people's service": a name of people
    // before the head word of a part of the organisation names that part
    for (let i = 0; i < tokens.length; i++) {
      const m = marks[i];
      if (!m || m.group !== 'people') continue;
      for (let k = i + m.length; k <= i + m.length + 1 && k < tokens.length; k++) {
        // one word may stand between, if it names a kind of service ("family care team"); a
        // verb never does ("residents told staff")
        if (k > i + m.length && !SERVICE_WORDS.has(tokens[k - 1]!.word)) break;
        if (JOINS.has(tokens[k]!.word)) break; // "residents and staff" are two names
        const next = marks[k];
        if (next) {
          // "the family care team": the people's name only tells which team
          if (next.group === 'organisation' && (next.length > 1 || ORGANISATION_HEADS.has(tokens[k]!.word))) {
            marks[i] = { group: 'organisation', length: k - i + next.length };
            marks[k] = undefined;
          }
          break;
        }
        if (ORGANISATION_HEADS.has(tokens[k]!.word)) {
          marks[i] = { group: 'organisation', length: k - i + 1 };
          break;
        }
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
      const here = this.longestAt(tokens, i);
      if (!here) continue;
      // "the cabinet member": a longer name starting on the next word wins over "the cabinet"
      const next = here.length > 1 ? this.longestAt(tokens, i + 1) : undefined;
      marks[i] = next && next.length + 1 > here.length ? { group: next.group, length: next.length + 1 } : here;
      // no second agent inside this one ("council" in "children in care council")
      i += marks[i]!.length - 1;
    }
    return marks;
  }

  private longestAt(tokens: readonly Token[], i: number): AgentMark | undefined {
    const list = this.byFirst.get(tokens[i]?.word ?? '');
    if (!list) return undefined;
    for (const { words, group } of list) {
      if (i + words.length > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < words.length; k++) {
        if (tokens[i + k]!.word !== words[k]) {
          ok = false;
          break;
        }
      }
      if (ok) return { group, length: words.length };
    }
    return undefined;
  }
}
