/**
 * The command-line program: commands and options (commander), and the mapping of
 * every outcome to an exit code (0 done, 1 check findings, 2 bad input or usage,
 * 130 interrupted). Commands load lazily so each run pays only for what it uses.
 * No stack trace reaches a user unless --debug is given.
 */
import { Command, CommanderError, Option } from 'commander';
import { InputError, InterruptedError, UsageError } from '../input/problem.js';
import { logFormat } from '../input/log-format.js';
import { safeBlock, safeInline, shorten } from '../text/terminal-text.js';
import { makeColours, type Colours } from '../output/colours.js';
import { colourOn } from './output.js';
import { CHECK_FORMATS, CROSSWALK_FORMATS, EVIDENCE_FORMATS, formatNames, LADDERS_FORMATS, MAP_FORMATS, REPORT_FORMATS } from './formats.js';
import type { Io } from './io.js';
import { collectList, collectRepeat, type CommonOptions } from './options.js';
import { outputFailure } from './guarded-output.js';
import { formatProblemsText } from '../output/problems-text.js';
import { VERSION } from '../input/version.js';
import { RULE_IDS } from '../check/rules.js';
import { wrapLines } from '../text/wrap.js';

type Action = () => Promise<number>;

function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  let pending: Action | undefined;
  let debug = argv.includes('--debug');
  const program = new Command('coprod');
  program
    .description('Place a service\'s involvement log on a ladder of participation and show the next step up.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    // --color first, so that without either flag the value stays undefined (auto)
    .option('--color', 'colour even when not writing to a terminal')
    .option('--no-color', 'no colour (also when NO_COLOR is set)')
    .option('--config <file>', 'policy and defaults file (default: coprod.config.yaml, searched upward to the repository root)')
    .option('-q, --quiet', 'print only the essential output')
    .option('--debug', 'show internal details (stack traces) on failure')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
      outputError: (s, write) => write(safeBlock(s.trimEnd()).replace(/^error: /, 'coprod: ') + '\n'),
    })
    .addHelpText('after', examples(['coprod map examples/oakwood-care-home.yaml', 'coprod check activities.yaml --format github', 'coprod ladders tlap']));

  const opts = (cmd: Command): CommonOptions => cmd.optsWithGlobals() as CommonOptions;
  const ladderOption = (): Option =>
    new Option('-l, --ladder <id|path>', 'ladder to use; repeat or comma-separate for several (default: the file\'s `ladder:`, the config\'s, or tlap)').argParser(collectList);
  // the options every command that writes a result shares
  const formatOption = (formats: string[]): Option => new Option('-f, --format <format>', formats.join(' | ')).default(formats[0]);
  const outputOption = (help = 'write to a file instead of standard output'): Option => new Option('-o, --output <file>', help);
  const forceOption = (help = 'replace the --output file if it exists'): Option => new Option('--force', help);
  const cuesOption = (): Option => new Option('--cues <file>', 'extra inference cues (YAML); repeatable').argParser(collectRepeat);
  const sheetOption = (): Option => new Option('--sheet <name>', 'the sheet of an .xlsx log to read (default: the first whose headers coprod knows)');

  program
    .command('map')
    .description('place each activity on a ladder: table, then a summary')
    .argument('<file...>', 'activity logs (YAML, CSV or .xlsx), folders of them, or globs in quotes ("logs/**/*.yaml"); - for standard input')
    .addOption(ladderOption())
    .addOption(formatOption(formatNames(MAP_FORMATS)))
    .addOption(outputOption())
    .addOption(forceOption())
    .option('-v, --verbose', 'show the evidence behind inferred facts and each rung\'s advice')
    .addOption(cuesOption())
    .addOption(sheetOption())
    .option('--no-infer', 'use declared facts only; do not read descriptions')
    .option('--bom', 'start CSV with a byte order mark, so Excel reads it as UTF-8 (the default when writing a file with --output)')
    .option('--no-bom', 'no byte order mark, even in a file')
    .addHelpText('after', examples(['coprod map activities.yaml', 'coprod map activities.yaml --ladder tlap,arnstein', 'coprod map activities.yaml --format csv --output map.csv', 'cat activities.yaml | coprod map -']))
    .action((files: string[], _o, cmd: Command) => {
      pending = async () => (await import('./commands/map.js')).mapCommand(files, opts(cmd), io);
    });

  program
    .command('ask')
    .description('check one activity by answering plain questions; --append keeps it in a log; --fill answers what a log leaves open')
    .addOption(new Option('-l, --ladder <id|path>', 'ladder to answer on (default: the config\'s, or tlap)').argParser(collectList))
    .option('--append <file>', 'add the activity to this log: YAML, or a new row of a CSV or .xlsx log (created if missing)')
    .addOption(sheetOption())
    .option('--answers <file>', 'answers from a YAML or JSON file instead of questions (for scripts)')
    .option('--fill <file>', "ask the questions that would place each activity the log leaves unclassified, and write the answers into it")
    .addOption(cuesOption())
    .option('--no-infer', 'use the answers only; do not read the description')
    .addHelpText('after', examples(['coprod ask', 'coprod ask --ladder logmycare --append activities.yaml', 'coprod ask --answers answers.yaml', 'coprod ask --fill activities.yaml']))
    .action((_o, cmd: Command) => {
      const o = opts(cmd) as CommonOptions & { fill?: string; append?: string };
      if (o.fill && o.append) throw new UsageError('--fill and --append cannot be used together', '--fill answers questions about a log\'s activities; --append adds a new one');
      // answers are filled in where they belong only in YAML; a spreadsheet is changed in the spreadsheet
      if (o.fill && logFormat(o.fill) !== 'yaml') {
        throw new UsageError(`--fill writes into YAML logs only, not into ${safeInline(o.fill)}`, 'put the answers in the spreadsheet\'s columns (coprod map -v shows what is unclassified), or convert it with `coprod convert`');
      }
      pending = o.fill
        ? async () => (await import('./commands/fill.js')).fillCommand({ ...o, fill: o.fill! }, io)
        : async () => (await import('./commands/ask.js')).askCommand(opts(cmd), io);
    });

  program
    .command('check')
    .description('CI gate: apply the policy and exit 1 on any error finding')
    .argument('<file...>', 'activity logs (YAML, CSV or .xlsx), folders of them, or globs in quotes ("logs/**/*.yaml"); - for standard input')
    .addOption(ladderOption())
    .addOption(formatOption(formatNames(CHECK_FORMATS)))
    .addOption(outputOption())
    .addOption(forceOption())
    .option('--min-rung <rung>', 'error for activities below this rung (rung or ladder:rung)')
    .option('--fail-on <rules>', 'make these rules errors (comma list)', collectList)
    .option('--warn-on <rules>', 'make these rules warnings (comma list)', collectList)
    .option('--off <rules>', 'turn these rules off (comma list)', collectList)
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .option('--changed-since <ref>', 'only judge activities added or changed since this git ref')
    .addOption(cuesOption())
    .addOption(sheetOption())
    .option('--no-infer', 'use declared facts only; do not read descriptions')
    .addHelpText(
      'after',
      `\n${wrapLines(`Rules: ${RULE_IDS.join(', ')} (see docs/ci.md).`, 78).join('\n')}\nExit codes: 0 no errors; 1 errors (or more warnings than --max-warnings); 2 invalid input or usage.\n${examples([
        'coprod check activities.yaml',
        'coprod check involvement --format github',
        'coprod check activities.yaml --min-rung consultation --fail-on overclaim,unclassified',
        'coprod check activities.yaml --changed-since origin/main --format sarif --output coprod.sarif',
      ])}`,
    )
    .action((files: string[], _o, cmd: Command) => {
      pending = async () => {
        return (await import('./commands/check.js')).checkCommand(files, opts(cmd), io);
      };
    });

  program
    .command('report')
    .description('audit report: one self-contained HTML page (or Markdown); --format board: a "you said, we did" notice for a notice board')
    .argument('<file...>', 'activity logs (YAML, CSV or .xlsx), folders of them, or globs in quotes ("logs/**/*.yaml"); - for standard input')
    .addOption(ladderOption())
    .addOption(formatOption(formatNames(REPORT_FORMATS)))
    .addOption(outputOption('write the report to this file'))
    .addOption(forceOption())
    .addOption(cuesOption())
    .addOption(sheetOption())
    .addOption(new Option('--framework <id|path>', 'add "Evidence against …" for this framework (cqc, rsh-tia, nhse-ppc, or a file); default: the config\'s frameworks').argParser(collectList))
    .option('--period <period>', "for the evidence: activities dated in the last 12m, 2y or 90d (default: the framework's own)")
    .option('--since <date>', 'for the evidence: from this day (YYYY-MM-DD)')
    .option('--until <date>', 'for the evidence: up to this day (YYYY-MM-DD)')
    .option('--no-infer', 'use declared facts only; do not read descriptions')
    .addHelpText('after', examples(['coprod report activities.yaml --output report.html', 'coprod report activities.yaml --format markdown > report.md', 'coprod report activities.yaml --framework cqc -o report.html', 'coprod report activities.yaml --format board -o notice.html']))
    .action((files: string[], _o, cmd: Command) => {
      pending = async () => (await import('./commands/report.js')).reportCommand(files, opts(cmd), io);
    });

  program
    .command('evidence')
    .description('evidence against a framework a service is inspected on (CQC, RSH, NHS England): per requirement, what shows it and what is missing')
    .argument('<file...>', 'activity logs (YAML, CSV or .xlsx), folders of them, or globs in quotes; - for standard input')
    .addOption(new Option('--framework <id|path>', 'framework to check against: cqc, rsh-tia, nhse-ppc, or your own file; repeat or comma-separate (default: the config\'s frameworks)').argParser(collectList))
    .option('--period <period>', "count activities dated in the last 12m (months), 2y (years) or 90d (days); all for every one (default: the framework's own)")
    .option('--since <date>', 'count activities dated from this day (YYYY-MM-DD)')
    .option('--until <date>', 'count activities dated up to this day (YYYY-MM-DD)')
    .addOption(ladderOption())
    .addOption(formatOption(formatNames(EVIDENCE_FORMATS)))
    .addOption(outputOption())
    .addOption(forceOption())
    .addOption(cuesOption())
    .addOption(sheetOption())
    .option('--no-infer', 'use declared facts only; do not read descriptions')
    .addHelpText('after', examples(['coprod evidence activities.yaml --framework cqc', 'coprod evidence logs/ --framework rsh-tia --period 12m --format markdown', 'coprod evidence activities.yaml --framework ./our-standards.yaml -f html -o evidence.html']))
    .action((files: string[], _o, cmd: Command) => {
      pending = async () => (await import('./commands/evidence.js')).evidenceCommand(files, opts(cmd), io);
    });

  program
    .command('ladders')
    .description('list the ladders, or show one (top rung first)')
    .argument('[id]', 'ladder id or path to a ladder file')
    .addOption(formatOption(formatNames(LADDERS_FORMATS)))
    .addOption(outputOption())
    .addOption(forceOption())
    .addHelpText('after', examples(['coprod ladders', 'coprod ladders tlap', 'coprod ladders ./our-framework.yaml']))
    .action((id: string | undefined, _o, cmd: Command) => {
      pending = async () => (await import('./commands/ladders.js')).laddersCommand(id, opts(cmd), io);
    });

  program
    .command('crosswalk')
    .description('the rungs of several ladders side by side, a row per `say` value')
    .addOption(ladderOption())
    .addOption(formatOption(formatNames(CROSSWALK_FORMATS)))
    .addOption(outputOption())
    .addOption(forceOption())
    .addHelpText('after', examples(['coprod crosswalk', 'coprod crosswalk --ladder tlap,arnstein --format markdown']))
    .action((_o, cmd: Command) => {
      pending = async () => (await import('./commands/crosswalk.js')).crosswalkCommand(opts(cmd), io);
    });

  program
    .command('init')
    .description('write a commented starter log (never replaces a file without --force)')
    .argument('[file]', 'file to create (default: activities.yaml, or activities.xlsx; - prints the YAML)')
    .addOption(new Option('-f, --format <format>', 'yaml | xlsx (a workbook with drop-down lists; also chosen by a name ending .xlsx)'))
    .addOption(forceOption('replace the file if it exists'))
    .addHelpText('after', examples(['coprod init', 'coprod init logs/2026.yaml', 'coprod init --format xlsx']))
    .action((file: string | undefined, _o, cmd: Command) => {
      pending = async () => (await import('./commands/init.js')).initCommand(file, opts(cmd), io);
    });

  program
    .command('convert')
    .description('a log from one format to another: YAML, CSV, Excel (.xlsx), told by the file endings')
    .argument('<file>', 'the log to convert (YAML, CSV or .xlsx)')
    .addOption(outputOption('the file to write; its ending chooses the format (.yaml, .csv, .xlsx)'))
    .addOption(forceOption())
    .addOption(sheetOption())
    .addHelpText('after', examples(['coprod convert log.xlsx --output log.yaml', 'coprod convert activities.yaml --output activities.xlsx', 'coprod convert log.csv --output log.xlsx']))
    .action((file: string, _o, cmd: Command) => {
      pending = async () => (await import('./commands/convert.js')).convertCommand(file, opts(cmd), io);
    });

  program
    .command('schema')
    .description('print the JSON Schema of a file format, for editor completion')
    .argument('[kind]', 'activities | ladder | config | cues | framework', 'activities')
    .addOption(outputOption())
    .addOption(forceOption())
    .addHelpText('after', examples(['coprod schema activities > activities.schema.json', 'coprod schema ladder']))
    .action((kind: string, _o, cmd: Command) => {
      pending = async () => (await import('./commands/schema.js')).schemaCommand(kind, opts(cmd), io);
    });

  const colours = (): Colours => makeColours(colourOn(io, io.stderr, argv.includes('--no-color') ? false : undefined));
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return 0;
    }
    await program.parseAsync([...argv], { from: 'user' });
    debug = Boolean(program.opts().debug);
    return await delivered(pending ? await pending() : 0, io);
  } catch (error) {
    return delivered(reportError(error, io, debug, colours, writesFile(argv)), io);
  }
}

/** Whether the run was to write a file (so an error says nothing was written): `init`, `--output`, `--append`. */
function writesFile(argv: readonly string[]): boolean {
  return argv.includes('init') || argv.some((a) => /^(-o|--output|--append)/.test(a));
}

/** The exit code, or 2 when the output never reached its reader (a verdict nobody got is no verdict). */
async function delivered(code: number, io: Io): Promise<number> {
  const failure = await io.stdout.settle?.();
  if (!failure) return code;
  const { message, hint } = outputFailure(failure);
  io.stderr.write(`coprod: ${message}
${hint ? `  hint: ${hint}
` : ''}`);
  return 2;
}

function reportError(error: unknown, io: Io, debug: boolean, colours: () => Colours, writes: boolean): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
    if (error.code === 'commander.executeSubCommandAsync') return 2;
    io.stderr.write('Run `coprod --help` for usage.\n');
    return 2;
  }
  if (error instanceof InputError) {
    io.stderr.write(formatProblemsText(error.problems(), colours(), io.cwd, writes));
    return 2;
  }
  if (error instanceof UsageError) {
    io.stderr.write(`coprod: ${safeInline(shorten(error.message, 500))}\n${error.hint ? `  hint: ${safeInline(shorten(error.hint, 500))}\n` : ''}`);
    return 2;
  }
  if (error instanceof InterruptedError) {
    io.stderr.write(`coprod: ${safeInline(error.message)}\n`);
    return 130;
  }
  const err = error as Error;
  io.stderr.write(`coprod: internal error: ${safeInline(String(err?.message ?? err))}\n`);
  if (debug && err?.stack) io.stderr.write(`${err.stack}\n`);
  else io.stderr.write('  Run again with --debug for details, and please report it.\n');
  return 2;
}
