import {parseArgs} from 'node:util';
import {didYouMean} from '../levels/nearest.js';

/**
 * The command line: `netquest [subcommand] [arguments] [flags]`, flags
 * anywhere, parsed once with `node:util` `parseArgs`. Every mistake (an
 * unknown subcommand or flag, a flag without its value) is a message that
 * names the nearest valid word.
 */

/** The subcommands, in the order `--help` lists them. */
export const SUBCOMMANDS = ['play', 'levels', 'check', 'validate', 'export', 'lab', 'help'] as const;

/** One subcommand. */
export type Subcommand = (typeof SUBCOMMANDS)[number];

const OPTIONS = {
	levels: {type: 'string', multiple: true},
	'data-dir': {type: 'string'},
	'no-color': {type: 'boolean'},
	json: {type: 'boolean'},
	clean: {type: 'boolean'},
	saved: {type: 'boolean'},
	help: {type: 'boolean', short: 'h'},
	version: {type: 'boolean', short: 'v'},
} as const;

type FlagName = keyof typeof OPTIONS;

const GLOBAL_FLAGS: readonly FlagName[] = ['levels', 'data-dir', 'no-color', 'help', 'version'];
const EXTRA_FLAGS: Readonly<Record<Subcommand, readonly FlagName[]>> = {
	play: [],
	levels: ['json'],
	check: ['json'],
	validate: [],
	export: [],
	lab: ['clean', 'saved'],
	help: [],
};

/** The flags, after parsing. */
export type CliOptions = {
	/** `--levels <dir>`, repeatable, in the order given (unresolved). */
	readonly levels: readonly string[];
	readonly dataDir?: string;
	readonly noColor: boolean;
	readonly json: boolean;
	/** `lab --clean`: remove every lab namespace left behind. */
	readonly clean?: boolean;
	/** `lab --saved`: apply the player's saved work. */
	readonly saved?: boolean;
	readonly help: boolean;
	readonly version: boolean;
};

/** The parsed command line, or the message for a usage error. */
export type ParsedArgs =
	| {
			readonly ok: true;
			/** Undefined: no subcommand (play). */
			readonly command?: Subcommand;
			/** Positional arguments after the subcommand. */
			readonly args: readonly string[];
			readonly options: CliOptions;
	  }
	| {readonly ok: false; readonly command?: Subcommand; readonly message: string};

/** Parses argv (without the node and script entries). Never throws. */
export function parseCliArgs(argv: readonly string[]): ParsedArgs {
	let parsed: ReturnType<typeof parseArgs<{options: typeof OPTIONS; allowPositionals: true; strict: false; tokens: true}>>;
	try {
		parsed = parseArgs({args: [...argv], options: OPTIONS, allowPositionals: true, strict: false, tokens: true});
	} catch (error) {
		return {ok: false, message: error instanceof Error ? error.message : String(error)};
	}
	const [first, ...args] = parsed.positionals;
	let command: Subcommand | undefined;
	if (first !== undefined) {
		if (!isSubcommand(first)) return {ok: false, message: `unknown command ${JSON.stringify(first)}${didYouMean(first, SUBCOMMANDS)}`};
		command = first;
	}
	const allowed = new Set<string>([...GLOBAL_FLAGS, ...EXTRA_FLAGS[command ?? 'play']]);
	for (const token of parsed.tokens) {
		if (token.kind !== 'option') continue;
		const known = Object.hasOwn(OPTIONS, token.name) ? OPTIONS[token.name as FlagName] : undefined;
		if (known === undefined || !allowed.has(token.name)) {
			const candidates = [...allowed].map((name) => `--${name}`);
			return {ok: false, ...(command ? {command} : {}), message: `unknown flag ${token.rawName}${didYouMean(token.rawName, candidates)}`};
		}
		if (known.type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.startsWith('-')))) {
			return {ok: false, ...(command ? {command} : {}), message: `${token.rawName} needs a folder: ${token.rawName} <dir>`};
		}
		if (known.type === 'boolean' && token.inlineValue) {
			return {ok: false, ...(command ? {command} : {}), message: `${token.rawName} takes no value`};
		}
	}
	const values = parsed.values;
	const levels = (Array.isArray(values.levels) ? values.levels : []).filter((item): item is string => typeof item === 'string');
	const dataDir = typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined;
	return {
		ok: true,
		...(command ? {command} : {}),
		args,
		options: {
			levels,
			...(dataDir === undefined ? {} : {dataDir}),
			noColor: values['no-color'] === true,
			json: values.json === true,
			...(values.clean === true ? {clean: true} : {}),
			...(values.saved === true ? {saved: true} : {}),
			help: values.help === true,
			version: values.version === true,
		},
	};
}

function isSubcommand(word: string): word is Subcommand {
	return (SUBCOMMANDS as readonly string[]).includes(word);
}
