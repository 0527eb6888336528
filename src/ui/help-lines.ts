import {OUTCOME_CODES, OUTCOME_SUMMARY} from '../engine/outcome.js';
import type {Screen} from './use-app-state.js';
import {type StyledLine, seg} from './text/styled-line.js';
import {wrapLine} from './text/wrap.js';

/**
 * The help overlay's text (pure): the keys of every screen (the current one
 * first), the command list, and what each outcome code means.
 */

const KEYS: Readonly<Record<Screen, readonly (readonly [string, string])[]>> = {
	map: [
		['↑/↓ PgUp/PgDn', 'choose a level'],
		['Enter', 'open it'],
		['q', 'quit (your work is saved)'],
	],
	briefing: [
		['Enter', 'start (or go back to the workbench)'],
		['↑/↓', 'scroll'],
		['Esc', 'back to the map'],
	],
	workbench: [
		['Enter', 'run the command'],
		['Tab', 'complete a command or name (again: next choice)'],
		['↑/↓', 'earlier commands'],
		['←/→ Home/End', 'move in the line (also Ctrl+A/E)'],
		['Ctrl+U / Ctrl+W', 'clear the line / the word before the cursor'],
		['PgUp/PgDn', 'scroll the output'],
		['Ctrl+N / Ctrl+P', 'next / previous page of the network'],
		['Ctrl+G', 'pick a goal and follow its packet'],
		['Ctrl+T', 'step through the latest trace (curl, nc, traceroute, check)'],
		['Ctrl+O', 'the topology picture, the latest trace drawn on it (or type map)'],
		['Esc', 'clear the line; on an empty line: back to the briefing'],
		['?', 'this help (on an empty line)'],
		['Ctrl+C', 'quit (your work is saved)'],
	],
	trace: [
		['←/→', 'previous / next hop'],
		['Home/End', 'first hop / the result'],
		['b', 'jump to where the packet stopped'],
		['m', 'follow the packet on the topology picture'],
		['Esc', 'back to the workbench'],
	],
	topology: [
		['↑/↓ PgUp/PgDn', 'scroll the picture'],
		['←/→', 'move the packet one hop back / on'],
		['Home/End', 'first hop / the result'],
		['b', 'where the packet stopped'],
		['Esc', 'back'],
	],
	complete: [
		['Enter', 'next level'],
		['w', 'keep working on this level'],
		['m', 'map'],
	],
};

const ORDER: readonly Screen[] = ['workbench', 'trace', 'topology', 'map', 'briefing', 'complete'];
const TITLES: Readonly<Record<Screen, string>> = {
	map: 'Map',
	briefing: 'Briefing',
	workbench: 'Workbench',
	trace: 'Trace view',
	topology: 'Topology',
	complete: 'Level complete',
};

/** The help text for `width` columns, the keys of `screen` first. */
export function helpLines(screen: Screen, commandHelp: readonly string[], width: number): StyledLine[] {
	const lines: StyledLine[] = [[seg('Help', 'title'), seg(' — keys, commands and what the results mean', 'dim')], []];
	for (const name of [screen, ...ORDER.filter((other) => other !== screen)]) {
		lines.push([seg(`Keys: ${TITLES[name]}`, 'title')]);
		for (const [key, what] of KEYS[name]) lines.push(...wrapLine([seg(`  ${key.padEnd(18)}`, 'key'), seg(what)], width, 20));
		lines.push([]);
	}
	if (commandHelp.length > 0) {
		// The command table's own help, which starts with its title.
		const [title, ...rest] = commandHelp;
		lines.push(...wrapLine([seg(title ?? '', 'title')], width, 2));
		for (const text of rest) lines.push(...wrapLine([seg(text)], width, 4));
		lines.push([]);
	}
	lines.push([seg('Outcome codes', 'title')]);
	for (const code of OUTCOME_CODES) lines.push(...wrapLine([seg(`  ${code}`, 'accent'), seg(` ${OUTCOME_SUMMARY[code]}`)], width, 4));
	return lines;
}
