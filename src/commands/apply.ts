import type {Network} from '../engine/network.js';
import {externalChange, externalRefusal} from '../engine/ownership.js';
import {validateNetwork, type NetworkIssue} from '../engine/validate.js';
import {isProblem} from './define.js';
import {parseWith, problemError} from './parse.js';
import type {ApplyResult, Command, CommandDefinition} from './types.js';

/**
 * Applies a configuration command to a network, immutably and all or
 * nothing. The command is re-read against this network (so a command parsed
 * without one still gets its names checked); after the change, the engine's
 * own validator must find no problem the old network did not already have,
 * and no host outside the player's control (`external`) may change.
 */
export function applyWith(commands: readonly CommandDefinition[], network: Network, command: Command): ApplyResult {
	const definition = commands.find((entry) => entry.name === command.name);
	if (definition?.apply === undefined) {
		return {ok: false, error: {message: `${command.name} does not change the network`, start: command.nameSpan.start, end: command.nameSpan.end}};
	}
	const parsed = parseWith(commands, command.text, network);
	if (!parsed.ok) return parsed;
	if (parsed.command.name !== command.name) {
		return {ok: false, error: {message: `the text of this command reads as ${parsed.command.name}, not ${command.name}`, start: 0, end: command.text.length}};
	}
	const {args} = parsed.command;
	const change = definition.apply(network, args);
	if (isProblem(change)) return {ok: false, error: problemError(change, parsed.command)};
	const external = externalChange(network, change.network);
	if (external !== undefined) {
		return {ok: false, error: {message: externalRefusal(network, external), start: parsed.command.nameSpan.start, end: command.text.trimEnd().length}};
	}
	const introduced = newIssues(issuesOf(network), issuesOf(change.network));
	const first = introduced[0];
	if (first !== undefined) {
		const more = introduced.length > 1 ? ` (and ${introduced.length - 1} more problem${introduced.length > 2 ? 's' : ''})` : '';
		return {ok: false, error: {message: `${first.message}${more} — nothing was changed`, start: parsed.command.nameSpan.start, end: command.text.trimEnd().length}};
	}
	return {ok: true, network: change.network, summary: change.summary, realWorld: definition.realWorld(args, network, change.network)};
}

// Networks are never mutated, so a network's issues can be remembered: a script validates each
// intermediate network once, as the "after" of one line and the "before" of the next.
const issueCache = new WeakMap<Network, readonly NetworkIssue[]>();

function issuesOf(network: Network): readonly NetworkIssue[] {
	let issues = issueCache.get(network);
	if (issues === undefined) {
		issues = validateNetwork(network);
		issueCache.set(network, issues);
	}
	return issues;
}

/**
 * Issues of `after` that `before` did not have. Compared by path and
 * message; an issue whose message the old network already had is not new
 * either (removing an item shifts the indices in the paths of later ones).
 */
export function newIssues(before: readonly NetworkIssue[], after: readonly NetworkIssue[]): NetworkIssue[] {
	const keys = new Set(before.map((issue) => `${issue.path.join('/')}\u0000${issue.message}`));
	const messages = new Set(before.map((issue) => issue.message));
	return after.filter((issue) => !keys.has(`${issue.path.join('/')}\u0000${issue.message}`) && !messages.has(issue.message));
}
