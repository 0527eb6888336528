import type {Goal, GoalResult} from '../../engine/goal.js';
import {reasonText} from '../../game/plain-reason.js';
import {windowAround} from '../scroll-window.js';
import type {Tone} from '../tone.js';
import {type StyledLine, seg, truncateLine} from '../text/styled-line.js';
import {wrapLine} from '../text/wrap.js';

/**
 * The goals panel laid out as styled lines (pure): one line per goal with a
 * live ✓/✗, then — as room allows — why each failing goal fails.
 */

/** How a goal's state is written: symbols, or words for screen readers. */
export type MarkStyle = 'symbols' | 'words';

function mark(passed: boolean, style: MarkStyle): string {
	if (style === 'words') return passed ? 'passed: ' : 'failing: ';
	return passed ? '✓ ' : '✗ ';
}

/** `Goals 2/3`. */
export function goalsTitle(goals: readonly GoalResult[]): string {
	return `Goals ${goals.filter((goal) => goal.passed).length}/${goals.length}`;
}

/** Why a goal fails: the plain sentence first, the outcome code and the engine's sentence second. */
export function failureText(goal: GoalResult, definitions?: readonly Goal[]): string {
	return reasonText(goal, definitions?.find((candidate) => candidate.id === goal.id));
}

/**
 * The panel's lines for `height` rows: the title, then each goal (the one at
 * `cursor` marked when picking). Room is shared out in order: first one row
 * per goal, then whole descriptions, then the latest revealed `hint`, then
 * why failing goals fail.
 */
export function goalLines(
	goals: readonly GoalResult[],
	width: number,
	height: number,
	options: {
		readonly cursor?: number;
		readonly style?: MarkStyle;
		readonly hint?: string;
		readonly hintTone?: Tone;
		/** The level's goal definitions, so a reason can say what the goal wanted. */
		readonly definitions?: readonly Goal[];
	} = {},
): StyledLine[] {
	if (height <= 0) return [];
	const style = options.style ?? 'symbols';
	const title: StyledLine = [seg(goalsTitle(goals), 'title'), seg(options.cursor === undefined ? '  Ctrl+G pick' : '  ↑/↓ Enter trace · Esc', 'dim')];
	const line = (goal: GoalResult, index: number): StyledLine => {
		const picked = options.cursor === index;
		return [seg(picked ? '›' : ' ', picked ? 'selected' : undefined), seg(mark(goal.passed, style), goal.passed ? 'ok' : 'bad'), seg(goal.description, picked ? 'selected' : undefined)];
	};
	const room = height - 1;
	// While picking, the picked goal is shown whole with why it fails, the others one row each around it.
	if (options.cursor !== undefined && goals[options.cursor] !== undefined) {
		const cursor = options.cursor;
		const picked = goals[cursor]!;
		const reason = picked.passed ? [] : wrapLine([seg(`   ${failureText(picked, options.definitions)}`, 'dim')], width, 3);
		const whole = [...wrapLine(line(picked, cursor), width, 3), ...reason].slice(0, Math.max(1, room - Math.min(2, goals.length - 1)));
		const others = Math.max(0, room - whole.length);
		const window = windowAround(goals.length, cursor, others + 1);
		const rows: StyledLine[] = [];
		for (let index = window.start; index < window.end; index++) {
			if (index === cursor) rows.push(...whole);
			else rows.push(truncateLine(line(goals[index]!, index), width));
		}
		return [truncateLine(title, width), ...rows];
	}
	if (goals.length > room) {
		const window = windowAround(goals.length, options.cursor ?? 0, room);
		const rows = goals.slice(window.start, window.end).map((goal, offset) => truncateLine(line(goal, window.start + offset), width));
		// Say that more goals are below (or above) rather than letting them vanish; Ctrl+G scrolls to them.
		const hidden = goals.length - (window.end - window.start);
		if (options.cursor === undefined && hidden > 0 && rows.length > 1) {
			const failing = goals.slice(window.end - 1).filter((goal) => !goal.passed).length;
			rows[rows.length - 1] = truncateLine([seg(`  … ${hidden + 1} more${failing > 0 ? `, ${failing} failing` : ''} · Ctrl+G`, 'dim')], width);
		}
		return [truncateLine(title, width), ...rows];
	}
	let spare = room - goals.length;
	const full = goals.map((goal, index) => wrapLine(line(goal, index), width, 3));
	const shown = full.map((rows, index) => {
		if (rows.length === 1 || rows.length - 1 > spare) return [truncateLine(line(goals[index]!, index), width)];
		spare -= rows.length - 1;
		return rows;
	});
	// The latest hint the player asked for comes next (below the goals, after an empty row).
	const hintRows = options.hint ? wrapLine([seg(options.hint, options.hintTone ?? 'warn')], width, 2) : [];
	// A revealed hint may be cut (the log holds it whole); the dim nudge to ask for one is shown whole or not at all.
	const hint = options.hintTone === 'dim' && hintRows.length > spare - 1 ? [] : hintRows.slice(0, Math.max(0, Math.min(spare - 1, 4)));
	spare -= hint.length > 0 ? hint.length + 1 : 0;
	const out: StyledLine[] = [truncateLine(title, width)];
	goals.forEach((goal, index) => {
		out.push(...shown[index]!);
		if (goal.passed || spare <= 0) return;
		const all = wrapLine([seg(`   ${failureText(goal, options.definitions)}`, 'dim')], width, 3);
		const detail = all.slice(0, Math.min(spare, 3));
		// A cut reason ends with … so it does not read as a finished sentence (Ctrl+G shows it whole).
		if (detail.length < all.length && detail.length > 0) detail[detail.length - 1] = truncateLine([...detail.at(-1)!, seg(' …', 'dim')], width);
		out.push(...detail);
		spare -= detail.length;
	});
	return hint.length > 0 ? [...out, [], ...hint] : out;
}

/** One line for small windows: the count and the first failing goal. */
export function goalSummaryLine(goals: readonly GoalResult[], width: number, style: MarkStyle = 'symbols'): StyledLine {
	const failing = goals.find((goal) => !goal.passed);
	const rest: StyledLine = failing
		? [seg(` ${mark(false, style)}`, 'bad'), seg(failing.description)]
		: [seg(style === 'words' ? ' all passing' : ' ✓ all passing', 'ok')];
	return truncateLine([seg(goalsTitle(goals), 'title'), ...rest], width);
}
