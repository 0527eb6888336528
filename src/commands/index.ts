import type {Network} from '../engine/network.js';
import {applyWith} from './apply.js';
import {completeWith, type Completion} from './complete.js';
import {executeWith} from './execute.js';
import {helpWith} from './help.js';
import {parseWith} from './parse.js';
import {countConfigCommandsWith, runScriptWith} from './script.js';
import {COMMANDS} from './table.js';
import type {ApplyResult, Command, ExecuteOptions, Execution, ParseResult, ScriptResult} from './types.js';

/**
 * The player's command language: text → a change of the network or an
 * inspection result, with help, completion, scripts and the real-world
 * equivalent of every configuration command. Pure: no IO, no clock.
 */

export {COMMANDS, definitionOf} from './table.js';
export {renderTrace, formatPacket, describeDecider} from './render-trace.js';
export {quoteDecider, decidingLine} from './quote-decider.js';
export {
	describeApp,
	describeChain,
	describeDnsRecord,
	describeFirewallRule,
	describeNaclRule,
	describePortForward,
	describePublish,
	describeRoute,
	describeSgInbound,
	describeSgOutbound,
	nameOf,
} from './network-text.js';
export {renderOutput, renderError} from './render-output.js';
export {isAllowed} from './execute.js';
export {DEMO_NETWORK} from './demo-network.js';
export {SHOW_TOPICS} from './show.js';
export {tokenize, type Token} from './tokenize.js';
export type {Completion} from './complete.js';
export type {
	ApplyResult,
	Command,
	CommandDefinition,
	CommandError,
	CommandKind,
	ExecuteOptions,
	Execution,
	Output,
	ParseResult,
	ScriptResult,
	SessionActionName,
	ShowTable,
	Span,
} from './types.js';

/** Parses one line; with a network, names are checked and the nearest one suggested. Never throws. */
export function parse(text: string, network?: Network): ParseResult {
	return parseWith(COMMANDS, text, network);
}

/** Applies a configuration command: the new network (the input untouched) or an error; nothing is half-applied. */
export function apply(network: Network, command: Command): ApplyResult {
	return applyWith(COMMANDS, network, command);
}

/** Parses, refuses what `allowed` does not list, then applies, inspects, or returns the session action. */
export function execute(network: Network, text: string, options?: ExecuteOptions): Execution {
	return executeWith(COMMANDS, network, text, options);
}

/** Runs a solution script (one command a line), stopping at the first error with its 1-based line number. */
export function runScript(network: Network, script: string, options?: ExecuteOptions): ScriptResult {
	return runScriptWith(COMMANDS, network, script, options);
}

/** The number of configuration commands among `lines` (par is the reference solution's count). */
export function countConfigCommands(lines: readonly string[]): number {
	return countConfigCommandsWith(COMMANDS, lines);
}

/** Tab candidates for the word under `cursor`: replace `text.slice(from, cursor)` with one of them. */
export function complete(network: Network, text: string, cursor: number): Completion {
	return completeWith(COMMANDS, network, text, cursor);
}

/** Help lines from the command table: the list, a noun's commands, or one command in full. */
export function helpFor(name?: string): string[] {
	return helpWith(COMMANDS, name);
}
