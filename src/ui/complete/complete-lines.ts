import type {StarReport} from '../../game/types.js';
import {starsText} from '../map/map-lines.js';
import {type StyledLine, seg} from '../text/styled-line.js';
import {wrapLine} from '../text/wrap.js';

/**
 * The level-complete screen laid out as styled lines (pure): the stars and
 * why each was or was not earned, the real-world commands of the solution,
 * and what comes next.
 */

/** A command of the solution and what it is in real life. */
export type RealWorldStep = {readonly command: string; readonly realWorld: readonly string[]};

function plural(count: number, word: string): string {
	return `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;
}

/** Why each star was or was not earned. */
export function starReasons(report: StarReport): {readonly earned: boolean; readonly text: string}[] {
	return [
		{earned: true, text: 'Solved: every goal passes'},
		{
			earned: report.withinPar,
			text: report.withinPar
				? `Within par: ${plural(report.commands, 'command')} (par ${report.par})`
				: `${plural(report.commands, 'command')}: par is ${report.par} — try a shorter solution`,
		},
		{
			earned: report.noHints,
			text: report.noHints ? 'No hints revealed' : `${plural(report.hintsUsed, 'hint')} revealed`,
		},
		{
			earned: report.leastPrivilege,
			text: report.leastPrivilege
				? 'Least privilege: no more open to the internet than the reference'
				: `${plural(report.exposure - report.referenceExposure, 'port')} more open to the internet than the reference solution needs — close what is not needed`,
		},
	];
}

/** Every line of the screen. */
export function completeLines(options: {
	readonly title: string;
	readonly report: StarReport;
	readonly steps: readonly RealWorldStep[];
	readonly next?: string;
	readonly width: number;
	readonly words?: boolean;
}): StyledLine[] {
	const {report, width, words = false} = options;
	const lines: StyledLine[] = [
		...wrapLine([seg('Level complete: ', 'ok'), seg(options.title, 'title')], width, 2),
		[seg(starsText(report.stars, words), 'warn'), seg(words ? '' : `  ${report.stars} of 3 stars`, 'dim')],
		[],
		// Predict, then see: the packet that now gets through, hop by hop on the picture.
		...wrapLine([seg('See it work: ', 'strong'), seg('press r to replay the winning packet on the topology picture, hop by hop.')], width, 2),
		[],
	];
	for (const reason of starReasons(report)) {
		const mark = words ? (reason.earned ? 'yes: ' : 'no: ') : reason.earned ? '✓ ' : '✗ ';
		lines.push(...wrapLine([seg(` ${mark}`, reason.earned ? 'ok' : 'bad'), seg(reason.text)], width, 3));
	}
	const real = options.steps.filter((step) => step.realWorld.length > 0);
	if (real.length > 0) {
		lines.push([], [seg('What you did, in real-world commands', 'title')]);
		for (const step of real) {
			lines.push(...wrapLine([seg(' › ', 'dim'), seg(step.command, 'dim')], width, 3));
			for (const equivalent of step.realWorld) lines.push(...wrapLine([seg('   $ ', 'dim'), seg(equivalent, 'accent')], width, 5));
		}
	}
	lines.push([], options.next ? [seg('Next: ', 'strong'), seg(options.next, 'title')] : [seg('That was the last level — well done.', 'ok')]);
	return lines;
}
