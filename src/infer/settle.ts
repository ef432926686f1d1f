/**
 * Settles an activity's readings into facts, conservatively (PRODUCT.md §2, "How words
 * are weighed"): what was only hoped, planned or offered counts for nothing; labels are
 * claims, not evidence; a `say` above `heard` needs a reading that describes an act and
 * that nothing else holds down; caps hold down any reading in the same activity; readings
 * that disagree settle on the lower one, or on nothing when they contradict; a change the
 * organisation made after people gave their views is their influence. Every finding
 * quotes the clause it rests on, and its confidence is how often such readings were right
 * on text nobody tuned on, where that has been measured.
 */
import { SAY_VALUES, STAGE_VALUES, type FactValue } from '../model/facts-model.js';
import type { FactFinding, InferredClaim, OpenReading } from '../model/resolve-facts.js';
import type { Cue, CueSet } from './cue-set.js';
import type { Reading } from './read-clause.js';

const SAY = SAY_VALUES as readonly string[];
const rank = (v: string): number => SAY.indexOf(v);
const HEARD = rank('heard');
const JOINT = rank('joint');
const LEAD = rank('lead');
const CONTROL = rank('control');
const INFLUENCE = rank('influence');
const TOLD = rank('told');
const TAUGHT = rank('taught');
/** A reading decides a fact only from this strength; weaker ones are labels. */
const MIN_STRENGTH = 2;
/**
 * A cue measured (over at least MEASURED_FROM first-contact readings) as right less often
 * than LOW_PRECISION, or too high more often than TOO_HIGH, counts only with support.
 */
const LOW_PRECISION = 0.6;
const TOO_HIGH = 0.2;
const MEASURED_FROM = 5;
const LEAST_GENEROUS: Record<string, boolean> = { before_decision: false, feedback_given: false, voluntary: false };

/** The measured precision of the cue behind a finding, when there is enough of it to show. */
function confidenceOf(cue: Cue): number | undefined {
  const m = cue.measured;
  return m && m.of >= MEASURED_FROM ? Math.round((m.right / m.of) * 100) / 100 : undefined;
}

/** A cue measured (enough) as too often wrong, or as too often too high, on text nobody tuned on. */
function oftenWrong(cue: Cue): boolean {
  const m = cue.measured;
  return m !== undefined && m.of >= MEASURED_FROM && m.right / m.of < LOW_PRECISION;
}
function oftenTooHigh(cue: Cue): boolean {
  const m = cue.measured;
  return m !== undefined && m.of >= MEASURED_FROM && (m.high ?? 0) / m.of > TOO_HIGH;
}
const weak = (cue: Cue): boolean => oftenWrong(cue) || oftenTooHigh(cue);

function finding(value: FactValue, r: Reading, evidence = r.evidence): FactFinding {
  const f: FactFinding = { value, basis: 'inferred', evidence, cue: r.cue.id, strength: r.strength };
  const c = confidenceOf(r.cue);
  if (c !== undefined) f.confidence = c;
  return f;
}

interface Candidate {
  rank: number;
  reading: Reading;
  /** a second reading that this one rests on too (views given, for a response) */
  with?: Reading;
}

/**
 * A candidate stands on its own when it describes an act (strength 3) from a cue whose
 * measured precision is not low, or when it says no more than `heard`; otherwise it needs
 * another reading at its value or above, on other words.
 */
function supported(c: Candidate, all: readonly Candidate[]): boolean {
  const r = c.reading;
  // a change after views is their influence only where the words tie it to them ("asked
  // for evening slots … evening slots were trialled", "as a result", "We did:"): a change
  // alone may have nothing to do with what they said
  if (c.with) return echoes(c.with, r);
  const alone = (r.strength >= 3 || c.rank <= HEARD) && !weak(r.cue);
  if (alone) return true;
  // support: another reading at this value or above, on other words: of another cue, or a
  // second act of the same one ("chose its name, and members facilitate each session themselves")
  const apart = (o: Reading): boolean => o.clause !== r.clause || o.end <= r.start || o.start >= r.end;
  return all.some((o) => o !== c && o.rank >= c.rank && apart(o.reading));
}

// Words too common in involvement notes to show that a change answers what people said.
// (and dates: "open to 31 July … moved to 13 July" is no answer)
const NOT_AN_ECHO = new Set(
  'about after also asked because been before being change changed changes could from have into meeting more next other over said some that their them then there they this those time told wanted were what when where which while will with would year years week weeks month months people residents tenants patients carers families members staff team service services council practice trust home group panel forum board manager january february march april june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(' '),
);

/** The content words of a clause, singular ("evening", "slot"). */
function contentWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const w of text.toLowerCase().match(/[a-z]{4,}/g) ?? []) {
    const one = w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
    if (!NOT_AN_ECHO.has(w) && !NOT_AN_ECHO.has(one)) words.add(one);
  }
  return words;
}

/**
 * Whether a change answers the views: its clause ties it to them (cue file `answers:`, "as
 * a result"), points back to them ("agreed to trial it") or repeats one of their content
 * words. A complaint put right ("damp … a damp survey booked") is redress for one person,
 * not influence.
 */
function echoes(views: Reading, change: Reading): boolean {
  if (/complain/i.test(views.evidence)) return false;
  // "… and as a result the rota was changed", "accepted four of them": the words tie the change to the views
  if (change.answers) return true;
  if (change.clause === views.clause) return false;
  // "… partners agreed to trial it": the change names what was asked by pointing back to it
  const at = change.evidence.indexOf(change.words);
  if (at >= 0 && /^\W+(it|them|this|these|both)\b/i.test(change.evidence.slice(at + change.words.length))) return true;
  // "… and the council dropped it" (not the organisation approving its own paper: "officers wrote the strategy and cabinet approved it")
  if (/\b(it|them|this|these|both)$/i.test(change.words) && !/^(approved|approve|approves|signed)\b/i.test(change.words)) return true;

  const asked = contentWords(views.evidence);
  for (const w of contentWords(change.evidence)) if (asked.has(w)) return true;
  return false;
}

const YOU_SAID = /\byou (said|told us|asked)\b/i;

/** A reading of people deciding with the organisation or more (joint and above, an act, not negated). */
const sharesDecision = (r: Reading): boolean => r.cue.fact?.name === 'say' && r.cue.value !== undefined && !r.negated && r.strength >= 3 && rank(r.cue.value as string) >= JOINT;

/** Whether the words name `agent` as a body people belong to: "tenant board members", "sit on the board", "the board is made up of", "resident-elected committee". */
function sitsOn(evidence: string, agent: string): boolean {
  const body = agent.replace(/^(the|our|its) /, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    `\\b${body} (member|members|representative|representatives)\\b|\\b(on|of|join|joined|joins|sit on|sits on|sat on) (the |our )?${body}\\b|\\b${body} (is |are |was |were )?(made up|composed|formed) (entirely |wholly |only )?of\\b|\\b(resident|tenant|member|user|people)-(elected|led|run) ${body}\\b`,
    'i',
  ).test(evidence);
}

function settleSay(readings: readonly Reading[], decidedFirst: boolean, open: OpenReading[]): FactFinding | undefined {
  const candidates: Candidate[] = [];
  let cap: { rank: number; reading: Reading } | undefined;
  const lower = (to: number, reading: Reading): void => {
    if (!cap || to < cap.rank) cap = { rank: to, reading };
  };
  const exclusions: Reading[] = [];
  const responses: Reading[] = [];
  const refusals: Reading[] = [];
  // a decision shared with the organisation is no cap on itself: a cap in the clause of a
  // joint reading ("the panel, with the EbE in the chair, decides as a team"), or by a body
  // that people sit in as equals ("tenant board members … the Board approved"), holds nothing down
  const shared = readings.filter(sharesDecision);
  // (in the joint reading's clause: within its words, or where that reading is not people's
  // alone, "the tenant committee and officers decided … with equal votes"; or the deciding
  // body named as one people sit on)
  const sameDecision = (j: Reading, cap: Reading): boolean => j.clause === cap.clause && ((cap.start < j.end && cap.end > j.start) || j.subject !== 'people');
  const sharedBy = (cap: Reading): boolean =>
    cap.subject === 'organisation' && shared.some((j) => sameDecision(j, cap) || (cap.agent !== undefined && (sitsOn(j.evidence, cap.agent) || sitsOn(cap.evidence, cap.agent))));
  for (const r of readings) {
    if (r.strength < MIN_STRENGTH) continue;
    const cue = r.cue;
    if (cue.cap !== undefined) {
      if (!r.negated && !sharedBy(r)) lower(rank(cue.cap), r);
      continue;
    }
    if (cue.response) {
      if (r.negated) refusals.push(r);
      else responses.push(r);
      continue;
    }
    const value = rank(cue.value as string);
    if (!r.negated) {
      candidates.push({ rank: value, reading: r });
      // "residents were not involved": views not sought, which a reading of views sought contradicts
      if (value === 0 && r.strength >= 3) exclusions.push(r);
      continue;
    }
    if (value >= HEARD) {
      // "were not consulted", "no changes were made": nothing as high as that happened;
      // views not sought at all means none. (Not being told something says nothing about
      // being heard: a negated told or taught never holds say down.)
      lower(value - 1, r);
      if (value === HEARD) exclusions.push(r);
    }
  }
  // "nothing could be changed": views went nowhere, unless something else was changed
  // ("accepted two of them … the other three could not go ahead": views shaped some decisions)
  if (refusals.length && !responses.length && !candidates.some((c) => c.rank === INFLUENCE && c.reading.strength >= 3)) lower(HEARD, refusals[0]!);
  // people gave their views, and the organisation then changed something: influence
  const views = candidates.filter((c) => c.rank === HEARD);
  for (const response of responses) {
    const before = views.find((v) => v.reading.clause <= response.clause) ?? views[0];
    if (before) candidates.push({ rank: rank('influence'), reading: response, with: before.reading });
  }
  // telling how something works is teaching: in one activity, "told" and "taught" settle on
  // taught ("explained how charges are worked out. Questions taken"), unless in the same
  // clause the telling is the more specific reading ("told tenants about the decision")
  for (const c of candidates) {
    if (c.rank === TOLD && candidates.some((o) => o.rank === TAUGHT && (o.reading.clause !== c.reading.clause || o.reading.specificity >= c.reading.specificity))) c.rank = TAUGHT;
  }
  const standing = candidates.filter((c) => supported(c, candidates));
  // a reading held back only for being often wrong, but seldom too high, is still a better
  // estimate than a lower one that stands ("gave their views … were told the outcome": heard)
  const floor = Math.max(-1, ...standing.map((c) => c.rank));
  if (floor >= 0) {
    for (const c of candidates) if (c.rank > floor && !c.with && !standing.includes(c) && !oftenTooHigh(c.reading.cue) && (c.reading.strength >= 3 || c.rank <= HEARD)) standing.push(c);
  }
  if (exclusions.length && standing.some((c) => c.rank >= HEARD)) return undefined; // "not consulted" and "surveyed": the words disagree
  if (!standing.length) {
    // "no feedback sought" beside a course or a talk held back: taught or told, not none ("no views sought" fits both)
    if (candidates.some((c) => c.rank === TAUGHT || c.rank === TOLD)) return undefined;
    const ex = exclusions.find((r) => r.strength >= 3) ?? exclusions[0];
    return ex ? finding('none', ex) : undefined;
  }
  standing.sort((a, b) => b.rank - a.rank || b.reading.strength - a.reading.strength || a.reading.clause - b.reading.clause);
  let best = standing[0]!;
  // views and the change they led to, each quoted once ("… led the service to trial …" is both)
  const both = (c: Candidate): string => (c.with && c.with.evidence !== c.reading.evidence ? `${c.with.evidence} … ${c.reading.evidence}` : c.reading.evidence);
  // views given, and then a change the words do not tie to them: heard or influence? Ask.
  // (not where the change came first: "after the board had approved it, families were consulted")
  const follows = (c: Candidate): boolean => c.with !== undefined && (c.reading.clause > c.with.clause || (c.reading.clause === c.with.clause && c.reading.start >= c.with.end));
  const untied = best.rank === HEARD && !(cap && cap.rank <= HEARD) && !decidedFirst ? candidates.find((c) => follows(c) && !standing.includes(c)) : undefined;
  // heard or influence, with the question that decides it
  const leaveOpen = (c: Candidate, question: string): undefined => {
    open.push({ fact: 'say', values: ['heard', 'influence'], evidence: both(c), question });
    return undefined;
  };
  if (untied) return leaveOpen(untied, `Did what people said lead to the change ("${untied.reading.evidence}")? If it did, their say was influence; if the change was made for other reasons, heard.`);
  // "You said: … We did: …" reports back what was done; careful readers split about evenly on
  // whether what people said shaped it (influence) or the organisation decided (heard): ask
  // (words in the change's own clause that tie it, "based on the replies", settle it: influence)
  const reportedBack = (c: Candidate): boolean => c.with !== undefined && !(c.reading.answers && !c.reading.byHeading) && YOU_SAID.test(`${c.with.evidence} ${c.reading.evidence}`);
  if (best.rank === INFLUENCE && reportedBack(best) && !(cap && cap.rank < INFLUENCE) && !standing.some((c) => c.rank >= INFLUENCE && !reportedBack(c))) {
    return leaveOpen(best, `Did what people said decide what was done ("${best.reading.evidence}")? If it did, their say was influence; if the organisation decided and reported back, heard.`);
  }
  let evidence = both(best);
  if (cap && best.rank > cap.rank) {
    // held down: to the highest other reading within the cap, else to the cap itself
    // ("residents chose the colours; the manager made the final decision": influence)
    const capRank = cap.rank;
    const held = `; held down by "${cap.reading.evidence}"`;
    const under = standing.find((c) => c.rank <= capRank);
    // people who acted with the organisation in the decision had as much say as it allowed
    if (!under || best.reading.subject === 'both') return { ...finding(SAY[capRank]!, best.reading), evidence: `${best.reading.evidence}${held}` };
    best = under;
    evidence = `${both(best)}${held}`;
  }
  // people led, or the organisation decided with them? Readings that disagree settle on joint
  if (best.rank > JOINT) {
    const other = standing.find((c) => c.rank === JOINT && c.reading.strength >= 3);
    if (other) {
      best = other;
      evidence = other.reading.evidence;
    }
  }
  // people led, and the organisation stood back ("… run every session themselves. No staff
  // are involved"): a sign of control (strength 2) lifts their lead to control
  if (best.rank === LEAD && best.reading.strength >= 3 && !(cap && cap.rank <= LEAD)) {
    const sign = candidates.find((c) => c.rank === CONTROL && c.reading.strength === MIN_STRENGTH);
    if (sign) return { ...finding('control', best.reading), evidence: `${evidence} … ${sign.reading.evidence}` };
  }
  return { ...finding(SAY[best.rank]!, best.reading), evidence };
}

function voteOf(r: Reading): boolean {
  return r.negated ? !(r.cue.value as boolean) : (r.cue.value as boolean);
}

function settleBoolean(name: string, readings: readonly Reading[]): FactFinding | undefined {
  let top = 0;
  for (const r of readings) if (r.strength > top) top = r.strength;
  if (top < MIN_STRENGTH) return undefined;
  const strongest = readings.filter((r) => r.strength === top);
  const least = LEAST_GENEROUS[name];
  const chosen = (least !== undefined ? strongest.find((r) => voteOf(r) === least) : undefined) ?? strongest[0]!;
  return finding(voteOf(chosen), chosen);
}

function settleChoice(readings: readonly Reading[], tieBreak: string): FactFinding | undefined {
  const positive = readings.filter((r) => !r.negated);
  let top = 0;
  for (const r of positive) if (r.strength > top) top = r.strength;
  if (top < MIN_STRENGTH) return undefined;
  const strongest = positive.filter((r) => r.strength === top);
  const conflict = strongest.some((r) => r.cue.value !== strongest[0]!.cue.value);
  const chosen = (conflict ? strongest.find((r) => r.cue.value === tieBreak) : undefined) ?? strongest[0]!;
  return finding(chosen.cue.value as string, chosen);
}

/**
 * Stages people took part in: named by what they did (strength 3); a stage done "without
 * them" is removed. A stage the organisation is named doing counts only in a clause where
 * people share the decision ("the partnership and the council designed it together").
 */
function settleStages(readings: readonly Reading[], all: readonly Reading[]): FactFinding | undefined {
  const shared = new Set(all.filter(sharesDecision).map((r) => r.clause));
  const byPeople = (r: Reading): boolean => r.subject !== 'organisation' || shared.has(r.clause);
  // a stage people did not do ("without them", "was never delivered") is removed; the
  // organisation not doing something ("rather than staff writing it") removes nothing
  const removed = new Set(readings.filter((r) => (r.cue.negative || r.negated) && r.strength >= 3 && r.subject !== 'organisation').map((r) => r.cue.value as string));
  const added = readings.filter((r) => !r.cue.negative && !r.negated && r.strength >= 3 && byPeople(r) && !removed.has(r.cue.value as string));
  if (!added.length) return undefined;
  const values = STAGE_VALUES.filter((s) => added.some((r) => r.cue.value === s));
  const first = added.find((r) => r.cue.value === values[0])!;
  const evidence = values.map((s) => `${s}: "${added.find((r) => r.cue.value === s)!.evidence}"`).join('; ');
  return { ...finding(values, first), evidence };
}

/** What the words claim (a label such as "co-produced"): the highest claim not hoped for or denied. */
function settleClaim(set: CueSet, readings: readonly Reading[]): InferredClaim | undefined {
  let best: { reading: Reading; say: number } | undefined;
  for (const r of readings) {
    if (r.negated || r.cue.fact) continue;
    const claim = set.claims.get(r.cue.value as string);
    if (!claim) continue;
    const say = rank(claim.say);
    if (!best || say > best.say) best = { reading: r, say };
  }
  if (!best) return undefined;
  const claim = set.claims.get(best.reading.cue.value as string)!;
  const c: InferredClaim = { label: best.reading.cue.value as string, say: claim.say, evidence: best.reading.evidence, cue: best.reading.cue.id };
  if (claim.stages) c.stages = claim.stages;
  return c;
}

export interface Settled {
  findings: Map<string, FactFinding>;
  claim?: InferredClaim;
  /** Facts left open between values, each with the question that decides it. */
  open: OpenReading[];
}

/** A reading that reads `say` from a description (not a claim, not words to ignore). */
const describesSay = (r: Reading): boolean => r.field === 'description' && r.cue.fact?.name === 'say' && r.strength >= MIN_STRENGTH;

export function settle(set: CueSet, all: readonly Reading[]): Settled {
  // what was only hoped, planned or offered is not a fact (and not a claim of one)
  let readings = all.filter((r) => !r.intent);
  // the description tells what happened (even when what it tells is that the words say
  // nothing about people: "training for ward staff"): a name or method is only a label beside it
  // (a description that only says what is planned says that too: "residents will vote in a ballot")
  if (all.some(describesSay)) readings = readings.filter((r) => r.field === 'description' || r.cue.fact?.name !== 'say');
  readings = readings.filter((r) => !r.cue.ignore);
  const findings = new Map<string, FactFinding>();
  const open: OpenReading[] = [];
  const byFact = new Map<string, Reading[]>();
  for (const r of readings) {
    if (!r.cue.fact) continue;
    const list = byFact.get(r.cue.fact.name) ?? [];
    list.push(r);
    byFact.set(r.cue.fact.name, list);
  }
  for (const [name, list] of byFact) {
    const fact = list[0]!.cue.fact!;
    let f: FactFinding | undefined;
    if (name === 'say') f = settleSay(list, readings.some((r) => r.cue.fact?.name === 'before_decision' && r.strength >= MIN_STRENGTH && voteOf(r) === false), open);
    else if (fact.kind === 'set') f = settleStages(list, readings);
    else if (fact.kind === 'boolean') f = settleBoolean(name, list);
    else f = settleChoice(list, name === 'level' ? 'strategic' : name === 'initiated_by' ? 'organisation' : fact.values[0]!);
    if (f) findings.set(name, f);
  }
  // people who changed, shared or made the decision were there before it was made
  const say = findings.get('say');
  if (say && !findings.has('before_decision') && rank(say.value as string) >= INFLUENCE && say.strength === 3) {
    findings.set('before_decision', { ...say, value: true });
  }
  // people gave their views, and were then told something: told what came of them
  if (!findings.has('feedback_given')) {
    const sayOf = (r: Reading): number => (r.cue.fact?.name === 'say' && r.cue.value !== undefined && !r.negated && r.strength >= MIN_STRENGTH && r.field === 'description' ? rank(r.cue.value as string) : -1);
    const views = readings.find((r) => sayOf(r) === HEARD);
    const told = views && readings.find((r) => sayOf(r) === TOLD && (r.clause > views.clause || (r.clause === views.clause && r.start >= views.end)));
    if (told) findings.set('feedback_given', { ...finding(true, told), evidence: views.evidence === told.evidence ? told.evidence : `${views.evidence} … ${told.evidence}` });
  }
  const result: Settled = { findings, open };
  const claim = settleClaim(set, readings);
  if (claim) result.claim = claim;
  return result;
}

