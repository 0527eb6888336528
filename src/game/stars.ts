import type {StarReport} from './types.js';

/**
 * Stars: the rule is the same in the game and in `netquest check`.
 *
 * - ★ for solving the level (every goal passes);
 * - ★ for solving it within par: no more configuration commands than the
 *   reference solution;
 * - ★ for solving it with no hint revealed AND with least privilege: no more
 *   ports reachable from the internet than the reference solution.
 *
 * So the reference solution, typed without hints, earns 3 stars; an unsolved
 * network earns none (the three flags are still reported, for feedback).
 */

/** What `computeStars` needs to know about a run. */
export type StarInput = {
	/** Configuration commands the player's solution uses. */
	readonly commands: number;
	/** Configuration commands of the reference solution. */
	readonly par: number;
	readonly hintsUsed: number;
	/** Ports reachable from the internet in the player's network (`GradeReport.exposure.total`). */
	readonly exposure: number;
	/** The same figure for the reference solution. */
	readonly referenceExposure: number;
	/** Whether every goal passes; default true (the game asks only for solved levels). */
	readonly solved?: boolean;
};

/** The stars a run earns, with each reason. */
export function computeStars(input: StarInput): StarReport {
	const solved = input.solved ?? true;
	const withinPar = input.commands <= input.par;
	const noHints = input.hintsUsed === 0;
	const leastPrivilege = input.exposure <= input.referenceExposure;
	const stars = solved ? 1 + (withinPar ? 1 : 0) + (noHints && leastPrivilege ? 1 : 0) : 0;
	return {
		stars: stars as StarReport['stars'],
		withinPar,
		noHints,
		leastPrivilege,
		commands: input.commands,
		par: input.par,
		hintsUsed: input.hintsUsed,
		exposure: input.exposure,
		referenceExposure: input.referenceExposure,
	};
}

/** `★★☆`: earned stars filled, out of three. */
export function starGlyphs(stars: number): string {
	const earned = Math.max(0, Math.min(3, stars));
	return '★'.repeat(earned) + '☆'.repeat(3 - earned);
}

/** How open the network is compared with the reference solution, in words. */
function exposureText(report: StarReport): string {
	const more = report.exposure - report.referenceExposure;
	if (more <= 0) return 'no more open to the internet than the reference';
	return `${more} port${more === 1 ? '' : 's'} more open to the internet than the reference needs`;
}

/** Plain lines explaining a star report, one per star (for the log and `netquest check`). */
export function starLines(report: StarReport): string[] {
	const mark = (earned: boolean): string => (earned ? '✓' : '✗');
	const hints = report.hintsUsed === 1 ? '1 hint revealed' : `${report.hintsUsed} hints revealed`;
	return [
		`${starGlyphs(report.stars)}  ${report.stars} of 3 stars`,
		`${mark(report.stars > 0)} solved: every goal passes`,
		`${mark(report.withinPar)} within par: ${report.commands} configuration command${report.commands === 1 ? '' : 's'} (par ${report.par})`,
		`${mark(report.noHints && report.leastPrivilege)} no hints and least privilege: ${report.noHints ? 'no hints' : hints}; ` +
			exposureText(report),
	];
}
