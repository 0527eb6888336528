/**
 * Colour for terminal output, off unless the context says it is wanted
 * (a terminal, no --no-color, no NO_COLOR).
 */

/** Wraps text in an SGR colour; identity when colour is off. */
export type Painter = {
	readonly green: (text: string) => string;
	readonly red: (text: string) => string;
};

/** A painter that colours when `enabled`, else returns text unchanged. */
export function painter(enabled: boolean): Painter {
	const sgr = (open: number) => (text: string) => (enabled ? `\u001b[${open}m${text}\u001b[39m` : text);
	return {green: sgr(32), red: sgr(31)};
}
