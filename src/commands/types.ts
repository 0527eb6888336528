import type {Trace} from '../engine/flow.js';
import type {Network} from '../engine/network.js';
import type {Resolution} from './resolve.js';
import type {Token} from './tokenize.js';

/**
 * The shapes of the command language: commands, errors, outputs and the
 * definition table's entries. Everything here is plain data.
 */

/** `config` changes the network; `inspect` looks at it; `session` asks the game to do something. */
export type CommandKind = 'config' | 'inspect' | 'session';

/** A range of characters in the typed text (end exclusive). */
export type Span = {readonly start: number; readonly end: number};

/**
 * Why a command was refused, pointing at the offending characters of the
 * text (`start`–`end`), with what was expected and the nearest valid word.
 */
export type CommandError = {
	readonly message: string;
	readonly start: number;
	readonly end: number;
	/** What would have been valid here, e.g. "a CIDR block like 10.0.1.0/24". */
	readonly expected?: string;
	/** The nearest valid word, e.g. the subnet 'db' for 'dbb'. */
	readonly suggestion?: string;
};

/** A parsed command: its definition's name, the values of its arguments and where each was typed. */
export type Command = {
	/** The definition's name, e.g. `route add` or `dig`. */
	readonly name: string;
	readonly kind: CommandKind;
	/** The text it was parsed from. */
	readonly text: string;
	/** Argument values by parameter name (absent optional ones are missing). */
	readonly args: Readonly<Record<string, unknown>>;
	/** Where each argument was typed. */
	readonly spans: Readonly<Record<string, Span>>;
	/** Where the command's name was typed. */
	readonly nameSpan: Span;
};

/** The result of `parse`. */
export type ParseResult = {readonly ok: true; readonly command: Command} | {readonly ok: false; readonly error: CommandError};

/** The result of `apply`: the new network (the old one untouched) or why nothing changed. */
export type ApplyResult =
	| {readonly ok: true; readonly network: Network; readonly summary: string; readonly realWorld: readonly string[]}
	| {readonly ok: false; readonly error: CommandError};

/** A table of text cells that the UI can draw and the CLI prints aligned. */
export type ShowTable = {
	readonly title: string;
	readonly columns: readonly string[];
	readonly rows: readonly (readonly string[])[];
};

/** What an inspection command produced: data, rendered by `renderOutput` or drawn by the UI. */
export type Output =
	| {readonly type: 'trace'; readonly tool: 'curl' | 'nc' | 'traceroute'; readonly request: string; readonly trace: Trace}
	| {readonly type: 'dns'; readonly name: string; readonly from?: string; readonly resolution: Resolution}
	| {readonly type: 'show'; readonly topic: string; readonly tables: readonly ShowTable[]}
	| {readonly type: 'help'; readonly topic?: string; readonly lines: readonly string[]}
	| {readonly type: 'text'; readonly lines: readonly string[]};

/** What a session command asks the game to do. */
export type SessionActionName = 'undo' | 'reset' | 'hint' | 'help' | 'goals' | 'check' | 'map';

/** The result of `execute`: a change, an inspection output, a session request, or an error. */
export type Execution =
	| {
			readonly kind: 'changed';
			readonly network: Network;
			readonly command: Command;
			readonly summary: string;
			readonly realWorld: readonly string[];
	  }
	| {readonly kind: 'output'; readonly command: Command; readonly output: Output}
	| {readonly kind: 'session'; readonly command: Command; readonly action: SessionActionName; readonly topic?: string}
	| {readonly kind: 'error'; readonly error: CommandError};

/** Options of `execute` and `runScript`: the command names (`route add`) or nouns (`route`) a level allows. */
export type ExecuteOptions = {readonly allowed?: readonly string[]};

/** The result of `runScript`. */
export type ScriptResult =
	| {
			readonly ok: true;
			readonly network: Network;
			/** Number of configuration commands applied (par counts these). */
			readonly configCount: number;
			/** The configuration lines applied, with their 1-based line numbers. */
			readonly lines: readonly {readonly line: number; readonly text: string}[];
	  }
	| {
			readonly ok: false;
			/** 1-based line number of the first failing line. */
			readonly line: number;
			readonly text: string;
			readonly error: CommandError;
			/** The network as it was before the failing line. */
			readonly network: Network;
	  };

/** A refusal from a definition, naming the argument to point at (the whole command when omitted). */
export type Problem = {
	readonly problem: string;
	readonly at?: string;
	readonly expected?: string;
	readonly suggestion?: string;
};

/** A definition's successful change. */
export type Change = {readonly network: Network; readonly summary: string};

/** What a parameter reader sees: the network (when known), earlier arguments and the command table. */
export type ReadContext = {
	readonly network?: Network;
	readonly args: Readonly<Record<string, unknown>>;
	readonly commands: readonly CommandDefinition[];
};

/** A reader's verdict on one word. */
export type Read<V> =
	| {readonly ok: true; readonly value: V}
	| {readonly ok: false; readonly message: string; readonly expected?: string; readonly suggestion?: string};

/**
 * One parameter of a command. Built by the helpers in `args.ts`; `V` is the
 * value type and `O` whether it may be left out (both only for typing).
 */
export type Param<N extends string = string, V = unknown, O extends boolean = boolean> = {
	readonly name: N;
	/** How usage shows the value: `<cidr>`, `allow|deny`. */
	readonly label: string;
	/** What the value is, for errors: "a CIDR block like 10.0.1.0/24". */
	readonly expected: string;
	readonly optional: O;
	/** A named option such as `--vpc` (may appear anywhere after the command name). */
	readonly flag?: string;
	/** A flag without a value (`-z`): its value is `true` when present. */
	readonly switch?: boolean;
	/** A flag that may be given several times; its value is an array. */
	readonly repeat?: boolean;
	/** A word that introduces the value (`from` in `from <cidr>`). */
	readonly keyword?: string;
	/** The keyword may be left out (`via` in `route add … [via] <target>`). */
	readonly keywordOptional?: boolean;
	/** Takes every remaining word as one value (`help route add`). */
	readonly rest?: boolean;
	/** For optional positional parameters: does this word belong to it (else it is skipped)? */
	readonly fits?: (text: string) => boolean;
	readonly read: (token: Token, context: ReadContext) => Read<unknown>;
	/** Tab-completion candidates for the value. */
	readonly candidates?: (context: ReadContext) => readonly string[];
	/** Phantom: the value type. */
	readonly __value?: V;
};

/** Any parameter. */
export type AnyParam = Param<string, any, boolean>;

/** The argument object a definition receives, typed from its parameter list. */
export type ArgsOf<P extends readonly AnyParam[]> = {
	readonly [K in P[number] as K['name']]: K extends Param<string, infer V, infer O> ? (O extends true ? V | undefined : V) : never;
};

/** What an inspection needs besides the network: a way to parse and apply text (for `explain`). */
export type InspectContext = {
	readonly commands: readonly CommandDefinition[];
	/** Parses and applies `text` on `network` without keeping the result. */
	readonly tryApply: (network: Network, text: string) => ApplyResult | {readonly ok: false; readonly error: CommandError; readonly notConfig: true};
};

/** One entry of THE command table. Parse dispatch, help, completion and allowed-lists all derive from it. */
export type CommandDefinition = {
	/** `noun verb` (`route add`) or one word (`dig`). */
	readonly name: string;
	readonly noun: string;
	readonly verb?: string;
	readonly kind: CommandKind;
	/** Generated from the parameters: `route add <table> <cidr> [via] <target>`. */
	readonly usage: string;
	readonly summary: string;
	/** A command that works on the demo network; help shows it and its real-world equivalent. */
	readonly example: string;
	/** More lines for `help <command>`. */
	readonly details: readonly string[];
	readonly params: readonly AnyParam[];
	/** Checks between arguments that no single reader can make. */
	readonly check?: (args: Readonly<Record<string, unknown>>) => Problem | undefined;
	/** Config: the change. Must not mutate `network`. */
	readonly apply?: (network: Network, args: Readonly<Record<string, unknown>>) => Change | Problem;
	/** Config and inspect: the real tools' equivalent, one line each. */
	readonly realWorld: (args: Readonly<Record<string, unknown>>, before: Network, after: Network) => string[];
	/** Inspect: the output. Never changes the network. */
	readonly inspect?: (network: Network, args: Readonly<Record<string, unknown>>, context: InspectContext) => Output | Problem;
	/** Session: what the game should do. */
	readonly action?: SessionActionName;
};
