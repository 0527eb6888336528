/**
 * Which slice of a list to show in a window of `height` rows so that the
 * selected row stays visible (lists: the map, the help overlay, hop lists).
 */

/** A half-open range of rows. */
export type RowWindow = {readonly start: number; readonly end: number};

/** Keeps `cursor` in view, centred when it can be, never past the ends. */
export function windowAround(total: number, cursor: number, height: number): RowWindow {
	if (height <= 0) return {start: 0, end: 0};
	if (total <= height) return {start: 0, end: total};
	const clamped = Math.min(Math.max(cursor, 0), total - 1);
	const start = Math.min(Math.max(0, clamped - Math.floor(height / 2)), total - height);
	return {start, end: start + height};
}

/**
 * The window of the last rows, scrolled back `offset` rows from the end
 * (0 follows the newest output); the offset is clamped to what exists.
 */
export function windowFromEnd(total: number, offset: number, height: number): RowWindow & {readonly offset: number} {
	if (height <= 0) return {start: total, end: total, offset: 0};
	const maxOffset = Math.max(0, total - height);
	const clamped = Math.min(Math.max(0, offset), maxOffset);
	const end = total - clamped;
	return {start: Math.max(0, end - height), end, offset: clamped};
}
