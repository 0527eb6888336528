import {stripVTControlCharacters} from 'node:util';

/**
 * The one helper UI tests use to wait: polls the rendered frames until one
 * satisfies `predicate`, and returns it ANSI-stripped. No fixed sleeps: a
 * test waits exactly as long as rendering takes (up to `timeout`), and a
 * timeout fails with the last frame, so the failure shows what was on screen.
 */

/** Anything with ink-testing-library's `lastFrame`. */
export type FrameSource = {readonly lastFrame: () => string | undefined};

/** The last frame without ANSI escapes ('' before the first render). */
export function plainFrame(instance: FrameSource): string {
	return stripVTControlCharacters(instance.lastFrame() ?? '');
}

/** Resolves with the first (stripped) frame for which `predicate` holds; rejects after `timeout` ms. */
export async function waitForFrame(
	instance: FrameSource,
	predicate: (frame: string) => boolean,
	options: {readonly timeout?: number; readonly interval?: number} = {},
): Promise<string> {
	const timeout = options.timeout ?? 3000;
	const interval = options.interval ?? 5;
	const deadline = Date.now() + timeout;
	for (;;) {
		const frame = plainFrame(instance);
		if (predicate(frame)) return frame;
		if (Date.now() > deadline) throw new Error(`waitForFrame: timed out after ${timeout} ms; the last frame was:\n${frame}`);
		await new Promise((resolve) => setTimeout(resolve, interval));
	}
}
