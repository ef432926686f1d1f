// The valid files the property tests start from before breaking them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

export const ACTIVITY_FILES = [
  'examples/oakwood-care-home.yaml',
  'examples/riverside-supported-living.yaml',
  'examples/council-commissioning.yaml',
  'templates/activities.yaml',
  'test/fixtures/four-step.yaml',
].map(read);

export const LADDER_FILES = ['ladders/tlap.yaml', 'ladders/logmycare-6.yaml', 'ladders/arnstein.yaml', 'ladders/hart.yaml', 'examples/northshire-ladder.yaml'].map(read);

/** A small log exercising every fact, used with broken ladders, configs and cues. */
export const SMALL_LOG = `service: Fuzz home
activities:
  - name: Menu survey
    say: heard
    stages: [review]
    before_decision: false
    feedback_given: false
    claimed: co-production
    participant_view: consultation
    support: { notice_days: 2 }
  - name: Garden group
    say: joint
    stages: [design, delivery]
    voluntary: true
    initiated_by: people
  - name: Fire talk
    description: Staff told residents about the new alarms after the decision.
  - name: Strategy board
    level: strategic
    say: influence
    description: Residents were not consulted.
  - name: Team meeting
`;

export const CONFIG = `ladder: tlap
ladders:
  - northshire.yaml
policy:
  min-rung: consultation
  min-rung-by-level: { strategic: co-design }
  overclaim: error
  unclassified: error
  after-decision: warn
  feedback-missing: warn
  perception-gap: warn
  no-support: off
  max-share: { band: nonparticipation, share: 0.2 }
  min-rung-severity: error
  max-warnings: 10
cues: team-cues.yaml
`;

export const CUES = `agents:
  titles: [dr]
  modifiers: [keen]
  people: [volunteers, peer researchers]
  organisation: [trustees]
spellings:
  huddel: huddle
compounds: [peer-led]
negators: [seldom]
negatorExceptions: ["not merely"]
cues:
  - id: huddle
    fact: say
    value: joint
    strength: 3
    subject: [people, both]
    patterns: ["huddle*", "{people} … planned|shaped"]
    examples: { match: ["Volunteers and staff huddle each week."], nomatch: ["Volunteers met the trustees."] }
  - id: trustees-signed-off
    fact: say
    cap: influence
    strength: 2
    subject: [organisation]
    patterns: ["trustees signed off"]
    examples: { match: ["The trustees signed off the plan."], nomatch: ["The trustees met."] }
  - id: staff-huddle
    fact: say
    ignore: true
    strength: 3
    patterns: ["staff huddle*"]
    examples: { match: ["The staff huddle was at nine."], nomatch: ["A huddle of volunteers."] }
  - id: opt-in
    fact: voluntary
    value: true
    strength: 2
    negated: drop
    patterns: [opt in|into]
    examples: { match: ["Volunteers opt in each term."], nomatch: ["Volunteers opt out."] }
  - id: blueprint
    fact: stages
    value: design
    strength: 3
    patterns: [blueprint*]
    examples: { match: ["Volunteers drew the blueprints."], nomatch: ["Volunteers drew the garden."] }
`;

export const ANSWERS = `name: Care plan review
description: Mrs K and her daughter planned the week with her key worker.
level: individual
say: joint
stages: [design, delivery]
before_decision: true
feedback_given: true
voluntary: true
initiated_by: people
`;
