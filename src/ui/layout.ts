/**
 * Screen geometry, decided from the terminal size alone (pure): which layout
 * to use and how many rows each workbench panel gets. The frame is one row
 * shorter than the terminal so Ink redraws in place instead of clearing the
 * screen on every update.
 */

/** The terminal's size in character cells. */
export type TerminalSize = {readonly columns: number; readonly rows: number};

/**
 * `linear`: one column, no drawing, for screen readers; `tiny`: windows
 * under 60×16, the essentials only; `compact`: the 80×24 layout; `wide`: 110×32
 * and up, with more room for the network and the log.
 */
export type LayoutMode = 'linear' | 'tiny' | 'compact' | 'wide';

/** A terminal's size as the UI uses it: 80×24 when the terminal does not say. */
export function terminalSize(stdout: {readonly columns?: number; readonly rows?: number}): TerminalSize {
	return {columns: stdout.columns || 80, rows: stdout.rows || 24};
}

/** The layout for a terminal size. */
export function layoutMode(size: TerminalSize, screenReader = false): LayoutMode {
	if (screenReader) return 'linear';
	if (size.columns < 60 || size.rows < 16) return 'tiny';
	if (size.columns >= 110 && size.rows >= 32) return 'wide';
	return 'compact';
}

/** Rows the app may draw: one less than the terminal, at least 1. */
export function frameRows(size: TerminalSize): number {
	return Math.max(1, size.rows - 1);
}

/** Columns the app may draw: the terminal's width, at least 10. */
export function frameColumns(size: TerminalSize): number {
	return Math.max(10, size.columns);
}

/** Where the workbench's panels go (rows and columns). */
export type WorkbenchGeometry = {
	readonly mode: LayoutMode;
	readonly width: number;
	/** The header row. */
	readonly header: number;
	/** Rows of the top area (network view beside the goals); 0 in the tiny layout. */
	readonly top: number;
	/** Width of the network view (left) and of the goals panel (right). */
	readonly networkWidth: number;
	readonly goalsWidth: number;
	/** Rows of the goal summary line(s) in the tiny layout. */
	readonly goalSummary: number;
	/** Rows of the output log, its title row included. */
	readonly log: number;
	/** The prompt row and the footer row (key hints or completion candidates). */
	readonly prompt: number;
	readonly footer: number;
};

/** Lays out the workbench for a size. */
export function workbenchGeometry(size: TerminalSize, mode: LayoutMode): WorkbenchGeometry {
	const width = frameColumns(size);
	const rows = frameRows(size);
	if (mode === 'linear' || mode === 'tiny') {
		const fixed = [1, 1, 1, 1]; // header, goal summary, prompt, footer
		const budget = rows - fixed.reduce((a, b) => a + b, 0);
		return {
			mode,
			width,
			header: rows >= 2 ? 1 : 0,
			top: 0,
			networkWidth: 0,
			goalsWidth: 0,
			goalSummary: rows >= 4 ? 1 : 0,
			log: Math.max(0, budget),
			prompt: 1,
			footer: rows >= 3 ? 1 : 0,
		};
	}
	const goalsWidth = mode === 'wide' ? Math.min(56, Math.floor(width * 0.38)) : Math.max(28, Math.floor(width * 0.4));
	const body = rows - 3; // header, prompt, footer
	const top = mode === 'wide' ? Math.ceil(body * 0.55) : Math.ceil(body / 2);
	return {
		mode,
		width,
		header: 1,
		top,
		networkWidth: width - goalsWidth - 1,
		goalsWidth,
		goalSummary: 0,
		log: body - top,
		prompt: 1,
		footer: 1,
	};
}
