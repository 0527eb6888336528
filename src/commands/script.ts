import type {Network} from '../engine/network.js';
import {applyWith} from './apply.js';
import {refuseDisallowed} from './execute.js';
import {matchName, parseWith} from './parse.js';
import {tokenize} from './tokenize.js';
import type {CommandDefinition, ExecuteOptions, ScriptResult} from './types.js';

/**
 * Solution scripts: one command a line, blank lines and `#` comments
 * ignored, run through the same parser as the prompt and stopping at the
 * first error with its line number. Inspection and session commands are
 * skipped, except undo and reset, which a script must not use.
 */

const skipped = (text: string) => text.trim() === '' || text.trimStart().startsWith('#');

/** Runs a script against a command table (`runScript` in index.ts binds THE table). Never throws. */
export function runScriptWith(commands: readonly CommandDefinition[], network: Network, script: string, options: ExecuteOptions = {}): ScriptResult {
	let current = network;
	const applied: {line: number; text: string}[] = [];
	const lines = script.split('\n');
	for (const [index, raw] of lines.entries()) {
		const text = raw.replace(/\r$/, '');
		const line = index + 1;
		if (skipped(text)) continue;
		const refused = refuseDisallowed(commands, text, options.allowed);
		if (refused !== undefined) return {ok: false, line, text, error: refused, network: current};
		const parsed = parseWith(commands, text, current);
		if (!parsed.ok) return {ok: false, line, text, error: parsed.error, network: current};
		const {command} = parsed;
		if (command.kind === 'session' && (command.name === 'undo' || command.name === 'reset')) {
			const error = {
				message: `${command.name} cannot be used in a script: delete the lines you want to take back`,
				start: command.nameSpan.start,
				end: command.nameSpan.end,
			};
			return {ok: false, line, text, error, network: current};
		}
		if (command.kind !== 'config') continue;
		const result = applyWith(commands, current, command);
		if (!result.ok) return {ok: false, line, text, error: result.error, network: current};
		current = result.network;
		applied.push({line, text});
	}
	return {ok: true, network: current, configCount: applied.length, lines: applied};
}

/**
 * The number of configuration commands among `lines` (blank lines,
 * comments, inspection and session commands do not count): par is the
 * reference solution's count.
 */
export function countConfigCommandsWith(commands: readonly CommandDefinition[], lines: readonly string[]): number {
	let total = 0;
	for (const line of lines.flatMap((entry) => entry.split('\n'))) {
		if (skipped(line)) continue;
		const tokens = tokenize(line);
		if (!tokens.ok) continue;
		const match = matchName(commands, tokens.tokens, line);
		if (match.ok && match.definition.kind === 'config') total++;
	}
	return total;
}
