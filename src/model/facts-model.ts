/**
 * The facts model of PRODUCT.md §2: the plain facts every ladder is written over.
 * Each fact carries the question a care worker can answer, what each value means,
 * common words people use instead (for "did you mean"), and the action that gets
 * an activity to a value (used to phrase next steps). Data only.
 */

export type FactKind = 'ordered' | 'enum' | 'set' | 'boolean';
export type FactValue = string | boolean | readonly string[];

export interface FactDefinition {
  name: string;
  kind: FactKind;
  /** Allowed values; for `ordered`, lowest first. Booleans list `true`, `false`. */
  values: readonly string[];
  /** The plain-language question (`coprod ask`, unclassified output). */
  question: string;
  /** One line per value explaining it. */
  options: Readonly<Record<string, string>>;
  /** Words people write instead of a value, mapped to the value they mean. */
  synonyms?: Readonly<Record<string, string>>;
  /** Action phrase that reaches a value (ordered/enum/boolean) or adds a member (set). */
  actions?: Readonly<Record<string, string>>;
  /** False for facts that describe the context rather than something a service can change. */
  actionable: boolean;
}

export const SAY_VALUES = ['none', 'taught', 'told', 'heard', 'influence', 'joint', 'lead', 'control'] as const;
export type Say = (typeof SAY_VALUES)[number];
export const STAGE_VALUES = ['strategy', 'design', 'delivery', 'review'] as const;
const LEVEL_VALUES = ['individual', 'service', 'strategic'] as const;
export type Level = (typeof LEVEL_VALUES)[number];
const INITIATOR_VALUES = ['organisation', 'people'] as const;

/** Words people write for true and false (yes, no, on, off): the "did you mean" of every true/false field. */
export const BOOLEAN_SYNONYMS: Readonly<Record<string, string>> = { yes: 'true', y: 'true', on: 'true', no: 'false', n: 'false', off: 'false' };

export const CORE_FACTS: readonly FactDefinition[] = [
  {
    name: 'say',
    kind: 'ordered',
    values: SAY_VALUES,
    question: 'What say did the people who use services have in the outcome?',
    options: {
      none: 'none: passive recipients; nobody asked for or weighed their views',
      taught: 'taught: helped to understand how the service is designed and run; views not asked for',
      told: 'told: told what had been decided, and why',
      heard: 'heard: asked for their views; the organisation then decided',
      influence: 'influence: their views shaped some decisions, as far as the organisation allowed',
      joint: 'joint: decided together with staff, as equals',
      lead: 'lead: people who use services led it; professionals supported',
      control: 'control: people who use services own and run it',
    },
    synonyms: {
      nothing: 'none',
      sharing: 'joint',
      passive: 'none',
      coerced: 'none',
      coercion: 'none',
      educated: 'taught',
      educating: 'taught',
      education: 'taught',
      trained: 'taught',
      training: 'taught',
      informed: 'told',
      inform: 'told',
      informing: 'told',
      tell: 'told',
      consulted: 'heard',
      consult: 'heard',
      consultation: 'heard',
      consulting: 'heard',
      asked: 'heard',
      listened: 'heard',
      survey: 'heard',
      engaged: 'influence',
      engagement: 'influence',
      engaging: 'influence',
      influenced: 'influence',
      advisory: 'influence',
      placation: 'influence',
      shared: 'joint',
      share: 'joint',
      together: 'joint',
      jointly: 'joint',
      'co-produced': 'joint',
      'co-production': 'joint',
      'co-designed': 'joint',
      'co-design': 'joint',
      collaborate: 'joint',
      collaborated: 'joint',
      collaborating: 'joint',
      collaboration: 'joint',
      partnership: 'joint',
      equal: 'joint',
      led: 'lead',
      leading: 'lead',
      leader: 'lead',
      empowered: 'lead',
      empowering: 'lead',
      delegated: 'lead',
      'peer-led': 'lead',
      owned: 'control',
      own: 'control',
      ownership: 'control',
      controlled: 'control',
      'user-led': 'control',
    },
    actions: {
      taught: 'help people understand how the service is designed and run',
      told: 'tell people what has been decided and why',
      heard: "ask for people's views before deciding",
      influence: "let people's views shape at least some of the decisions",
      joint: 'make the decisions jointly with people, as equals',
      lead: 'let people who use the service lead it, with staff in support',
      control: 'hand ownership and running of it to people who use the service',
    },
    actionable: true,
  },
  {
    name: 'stages',
    kind: 'set',
    values: STAGE_VALUES,
    question: 'At which stages were they involved?',
    options: {
      strategy: 'strategy: setting priorities, policy or commissioning plans',
      design: 'design: shaping what the service or change looks like',
      delivery: 'delivery: running it, doing the work, seeing it through',
      review: 'review: looking back at how it went and what to change',
    },
    synonyms: {
      planning: 'strategy',
      plan: 'strategy',
      commissioning: 'strategy',
      policy: 'strategy',
      priorities: 'strategy',
      designing: 'design',
      'co-design': 'design',
      delivering: 'delivery',
      deliver: 'delivery',
      implementation: 'delivery',
      running: 'delivery',
      evaluation: 'review',
      evaluate: 'review',
      reviewing: 'review',
      monitoring: 'review',
      feedback: 'review',
    },
    actions: {
      strategy: 'involve people in setting the strategy and policy behind it',
      design: 'involve people in designing it',
      delivery: 'involve people in delivering it, seeing it through',
      review: 'involve people in reviewing how it went',
    },
    actionable: true,
  },
  {
    name: 'before_decision',
    kind: 'boolean',
    values: ['true', 'false'],
    question: 'Were they involved before the decision was made?',
    options: {
      true: 'yes: involved while the decision was still open',
      false: 'no: the decision had already been made',
    },
    synonyms: BOOLEAN_SYNONYMS,
    actions: { true: 'involve people before the decision is made', false: 'n/a' },
    actionable: true,
  },
  {
    name: 'feedback_given',
    kind: 'boolean',
    values: ['true', 'false'],
    question: 'Were they told how their input was used ("you said, we did")?',
    options: {
      true: 'yes: they heard back what changed because of them',
      false: 'no: nobody told them what happened to their views',
    },
    synonyms: BOOLEAN_SYNONYMS,
    actions: { true: 'tell people how their views were used ("you said, we did")', false: 'n/a' },
    actionable: true,
  },
  {
    name: 'voluntary',
    kind: 'boolean',
    values: ['true', 'false'],
    question: 'Did they choose to take part?',
    options: {
      true: 'yes: taking part was their choice',
      false: 'no: they were made to attend',
    },
    synonyms: BOOLEAN_SYNONYMS,
    actions: { true: 'make taking part a free choice, not a requirement', false: 'n/a' },
    actionable: true,
  },
  {
    name: 'initiated_by',
    kind: 'enum',
    values: INITIATOR_VALUES,
    question: 'Who started it?',
    options: {
      organisation: 'organisation: staff, the provider or the council started it',
      people: 'people: people who use services (or their families) started it',
    },
    synonyms: {
      organization: 'organisation',
      org: 'organisation',
      staff: 'organisation',
      provider: 'organisation',
      council: 'organisation',
      service: 'organisation',
      professionals: 'organisation',
      residents: 'people',
      users: 'people',
      'service-users': 'people',
      tenants: 'people',
      children: 'people',
      'young-people': 'people',
      community: 'people',
      families: 'people',
      carers: 'people',
    },
    actions: {
      people: 'support people who use services to start it themselves',
      organisation: 'n/a',
    },
    actionable: true,
  },
  {
    name: 'level',
    kind: 'enum',
    values: LEVEL_VALUES,
    question: 'At what level was it: one person, a service, or strategy?',
    options: {
      individual: "individual: one person's own care or support",
      service: 'service: how a service or team works',
      strategic: 'strategic: policy, commissioning or the wider system',
    },
    synonyms: {
      personal: 'individual',
      person: 'individual',
      'one-to-one': 'individual',
      care: 'individual',
      team: 'service',
      home: 'service',
      operational: 'service',
      organisation: 'strategic',
      commissioning: 'strategic',
      policy: 'strategic',
      strategy: 'strategic',
      system: 'strategic',
    },
    actionable: false,
  },
];

export const CORE_FACT_NAMES = CORE_FACTS.map((f) => f.name);

const SAY_RANKS: ReadonlyMap<string, number> = new Map(SAY_VALUES.map((v, i) => [v, i]));

export function sayRank(value: string): number {
  return SAY_RANKS.get(value) ?? -1;
}
