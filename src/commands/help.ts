import {applyWith} from './apply.js';
import {DEMO_NETWORK} from './demo-network.js';
import {nouns, parseWith} from './parse.js';
import {nearest} from './suggest.js';
import type {CommandDefinition} from './types.js';
import {columns, wrap} from './wrap.js';

/**
 * Help, generated from the command table alone: the list, a noun's
 * commands, or one command with its usage, details, example and the
 * example's real-world equivalent (computed by applying it to the demo
 * network, so it can never go stale).
 */

const SECTIONS = [
	['config', 'Change the network'],
	['inspect', 'Look (never changes anything)'],
	['session', 'Session'],
] as const;

/** The real tools' version of a definition's example, or [] when it has none. */
export function exampleRealWorld(commands: readonly CommandDefinition[], definition: CommandDefinition): string[] {
	const parsed = parseWith(commands, definition.example, DEMO_NETWORK);
	if (!parsed.ok) return [];
	if (definition.kind === 'config') {
		const applied = applyWith(commands, DEMO_NETWORK, parsed.command);
		return applied.ok ? [...applied.realWorld] : [];
	}
	return definition.realWorld(parsed.command.args, DEMO_NETWORK, DEMO_NETWORK);
}

function overview(commands: readonly CommandDefinition[]): string[] {
	const lines = ['Commands — help <command> gives its details, an example and the real thing.'];
	for (const [kind, title] of SECTIONS) {
		lines.push('', `${title}:`);
		const rows = commands.filter((definition) => definition.kind === kind).map((definition) => [`  ${definition.name}`, definition.summary]);
		const width = Math.max(...rows.map((row) => row[0]!.length));
		for (const [name, summary] of rows) lines.push(...wrap(summary!, `${name!.padEnd(width)}  `, ' '.repeat(width + 2)));
	}
	lines.push('', 'Keys: Tab completes names, ↑/↓ recall earlier commands.');
	return lines;
}

function details(commands: readonly CommandDefinition[], definition: CommandDefinition): string[] {
	const lines = [definition.usage, ...wrap(definition.summary, '  ', '  ')];
	for (const detail of definition.details) lines.push(...wrap(detail, '  ', '  '));
	const real = exampleRealWorld(commands, definition);
	lines.push('', ...columns([['  example:', definition.example], ...real.map((line, index) => [index === 0 ? '  real world:' : '', line])]));
	return lines;
}

/**
 * Help lines: every command (no name), one command (`route add`), or every
 * command of a noun (`route`). An unknown name gets the nearest one.
 */
export function helpWith(commands: readonly CommandDefinition[], name?: string): string[] {
	const wanted = name?.trim().toLowerCase().replace(/\s+/g, ' ');
	if (wanted === undefined || wanted === '') return overview(commands);
	const exact = commands.find((definition) => definition.name === wanted);
	if (exact !== undefined) return details(commands, exact);
	const family = commands.filter((definition) => definition.noun === wanted);
	if (family.length > 0) return family.flatMap((definition, index) => [...(index === 0 ? [] : ['']), definition.usage, ...wrap(definition.summary, '  ', '  ')]);
	const suggestion = nearest(wanted, [...commands.map((definition) => definition.name), ...nouns(commands)]);
	return [`no command '${name}'${suggestion === undefined ? '' : ` — did you mean '${suggestion}'?`}`, 'type help to list every command'];
}
