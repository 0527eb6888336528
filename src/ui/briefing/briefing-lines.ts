import type {Level} from '../../levels/schema.js';
import {type StyledLine, seg} from '../text/styled-line.js';
import {wrapLine, wrapText} from '../text/wrap.js';

/**
 * The briefing laid out as styled lines (pure): what saved work will be
 * restored (first, so it is seen), the story, the document's question and
 * answer, what to do and the goals, and where the game simplifies.
 */

/** What the briefing says about saved work. */
export type BriefingState = {
	readonly draftCommands: number;
	readonly hintsUsed: number;
	/** The level is already open (its session is running). */
	readonly resuming: boolean;
	readonly sandbox: boolean;
};

/** Every line of a level's briefing at `width` columns. */
export function briefingLines(level: Level, state: BriefingState, width: number): StyledLine[] {
	const blank: StyledLine = [];
	const notes: string[] = [];
	if (state.resuming) notes.push('This level is open: Enter goes back to your workbench.');
	else if (state.draftCommands > 0) notes.push(`Your saved work (${state.draftCommands} command${state.draftCommands === 1 ? '' : 's'}) will be restored.`);
	if (state.hintsUsed > 0) notes.push(`Hints revealed so far: ${state.hintsUsed} of ${level.hints.length}.`);
	const lines: StyledLine[] = [
		...wrapLine([seg(level.title, 'title'), seg(` · ${level.chapter}`, 'dim')], width, 2),
		...wrapLine([seg(`concepts: ${level.concepts.join(', ')}`, 'dim')], width, 2),
		...notes.flatMap((note) => wrapLine([seg(note, 'accent')], width, 0)),
		blank,
		...wrapText(level.story, width),
		blank,
		...wrapLine([seg('Q: ', 'accent'), seg(level.briefing.question, 'strong')], width, 3),
		...wrapLine([seg('A: ', 'accent'), seg(level.briefing.answer)], width, 3),
		blank,
		...wrapLine([seg('Your task: ', 'warn'), seg(level.objective)], width, 2),
	];
	if (!state.sandbox) {
		for (const goal of level.goals) lines.push(...wrapLine([seg(' • ', 'dim'), seg(goal.description)], width, 3));
	}
	if (level.simplifications && level.simplifications.length > 0) {
		lines.push(blank, [seg('Where the game simplifies', 'dim')]);
		for (const text of level.simplifications) lines.push(...wrapLine([seg(` – ${text}`, 'dim')], width, 3));
	}
	return lines;
}
