import type {Network} from '../engine/network.js';
import {applyWith} from './apply.js';
import {isProblem} from './define.js';
import {matchName, parseWith, problemError} from './parse.js';
import {tokenize} from './tokenize.js';
import type {CommandDefinition, CommandError, ExecuteOptions, Execution, InspectContext} from './types.js';

/**
 * One line typed at the prompt → what happened: parse, refuse what the level
 * does not allow, then apply (config), inspect, or hand a session action to
 * the game. Never throws; never changes the given network.
 */

/** True when a level's allowed-list lets this command through (inspection and session commands always pass). */
export function isAllowed(definition: CommandDefinition, allowed: readonly string[] | undefined): boolean {
	if (allowed === undefined || definition.kind !== 'config') return true;
	return allowed.some((entry) => {
		const wanted = entry.trim().toLowerCase();
		return wanted === definition.name || wanted === definition.noun;
	});
}

function refusal(definition: CommandDefinition, allowed: readonly string[], start: number, end: number): CommandError {
	const names = allowed.join(', ');
	return {
		message: `${definition.name} is not available in this level${names === '' ? '' : ` — here you can use: ${names}`}`,
		start,
		end,
		expected: names === '' ? 'an inspection command' : names,
	};
}

/** The refusal of a command the level does not allow (checked before its arguments), or undefined. */
export function refuseDisallowed(commands: readonly CommandDefinition[], text: string, allowed: readonly string[] | undefined): CommandError | undefined {
	if (allowed === undefined) return undefined;
	const tokens = tokenize(text);
	if (!tokens.ok) return undefined;
	const match = matchName(commands, tokens.tokens, text);
	if (!match.ok || isAllowed(match.definition, allowed)) return undefined;
	return refusal(match.definition, allowed, match.span.start, match.span.end);
}

/** Parses and applies `text` without keeping anything (for `explain`); refuses non-configuration commands. */
export function tryApplyWith(commands: readonly CommandDefinition[]): InspectContext['tryApply'] {
	return (network, text) => {
		const parsed = parseWith(commands, text, network);
		if (!parsed.ok) return parsed;
		if (parsed.command.kind !== 'config') {
			const error = {message: `${parsed.command.name} is not a configuration command`, start: parsed.command.nameSpan.start, end: parsed.command.nameSpan.end};
			return {ok: false, error, notConfig: true};
		}
		return applyWith(commands, network, parsed.command);
	};
}

/** Runs one line against a command table (`execute` in index.ts binds THE table). */
export function executeWith(commands: readonly CommandDefinition[], network: Network, text: string, options: ExecuteOptions = {}): Execution {
	const refused = refuseDisallowed(commands, text, options.allowed);
	if (refused !== undefined) return {kind: 'error', error: refused};
	const parsed = parseWith(commands, text, network);
	if (!parsed.ok) return {kind: 'error', error: parsed.error};
	const {command} = parsed;
	const definition = commands.find((entry) => entry.name === command.name)!;
	switch (definition.kind) {
		case 'config': {
			const applied = applyWith(commands, network, command);
			if (!applied.ok) return {kind: 'error', error: applied.error};
			return {kind: 'changed', network: applied.network, command, summary: applied.summary, realWorld: applied.realWorld};
		}
		case 'inspect': {
			const output = definition.inspect!(network, command.args, {commands, tryApply: tryApplyWith(commands)});
			if (isProblem(output)) return {kind: 'error', error: problemError(output, command)};
			return {kind: 'output', command, output};
		}
		case 'session': {
			const topic = command.args.topic;
			return {kind: 'session', command, action: definition.action!, ...(typeof topic === 'string' ? {topic} : {})};
		}
	}
}
