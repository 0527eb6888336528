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

/** Where codes matter the help lists them all; elsewhere one line says where to find them. */
const CODES_HERE: ReadonlySet<Screen> = new Set(['trace', 'topology']);

/**
 * The command names of the command table's help, grouped by noun, one line
 * a group: `dns add, remove`. The table's lines look like `  dns add   Add…`;
 * section titles end with a colon.
 */
export function compactCommands(commandHelp: readonly string[]): {section: string; groups: string[]}[] {
	const sections: {section: string; groups: string[]}[] = [];
	let groups = new Map<string, string[]>();
	const flush = (section: string | undefined): void => {
		if (section !== undefined) sections.push({section, groups: [...groups].map(([noun, verbs]) => (verbs.length === 0 ? noun : `${noun} ${verbs.join(', ')}`))});
		groups = new Map();
	};
	let section: string | undefined;
	for (const line of commandHelp.slice(1)) {
		if (/^\S.*:$/.test(line)) {
			flush(section);
			section = line.slice(0, -1);
			continue;
		}
		const match = /^ {2}(\S+)(?: (\S+))? {2,}\S/.exec(line) ?? /^ {2}(\S+) {2,}\S/.exec(line);
		if (!match) continue;
		const [, noun = '', verb] = match;
		const verbs = groups.get(noun) ?? [];
		if (verb !== undefined) verbs.push(verb);
		groups.set(noun, verbs);
	}
	flush(section);
	return sections.filter((entry) => entry.groups.length > 0);
}

/**
 * The help text for `width` columns: the keys of this screen, the commands
 * by name (help <command> at the prompt tells one in full), and — on the
 * trace and topology screens — what each outcome code means. Short on
 * purpose: a page or two, not six.
 */
export function helpLines(screen: Screen, commandHelp: readonly string[], width: number): StyledLine[] {
	const lines: StyledLine[] = [[seg('Help', 'title'), seg(' — keys, commands and what the results mean', 'dim')], []];
	lines.push([seg(`Keys: ${TITLES[screen]}`, 'title')]);
	for (const [key, what] of KEYS[screen]) lines.push(...wrapLine([seg(`  ${key.padEnd(18)}`, 'key'), seg(what)], width, 20));
	const others = ORDER.filter((other) => other !== screen).map((other) => TITLES[other]);
	lines.push(...wrapLine([seg(`  The other screens (${others.join(', ')}) say their keys at the bottom; ? there shows them all.`, 'dim')], width, 2), []);
	const sections = compactCommands(commandHelp);
	if (sections.length > 0) {
		lines.push([seg('Commands', 'title'), seg(' — type help <command> at the prompt for one in full, with an example', 'dim')]);
		for (const {section, groups} of sections) {
			lines.push(...wrapLine([seg(`  ${section}: `, 'strong'), seg(groups.join(' · '))], width, 4));
		}
		lines.push([]);
	}
	if (CODES_HERE.has(screen)) {
		lines.push([seg('Outcome codes', 'title')]);
		for (const code of OUTCOME_CODES) lines.push(...wrapLine([seg(`  ${code}`, 'accent'), seg(` ${OUTCOME_SUMMARY[code]}`)], width, 4));
	} else {
		lines.push(...wrapLine([seg('Outcome codes', 'title'), seg(' (NO_ROUTE, DENIED_BY_…): each trace says what its code means; the trace view’s help (Ctrl+T, then ?) lists them all.', 'dim')], width, 2));
	}
	return lines;
}
