import v8 from 'node:v8';

/**
 * Keeps the game's young generation from growing: V8 doubles the space for
 * new objects (up to 2 × 16 MB) whenever many of them survive a collection,
 * as they do when a level opens (its session, grade and traces), and the
 * process then keeps that memory for good. The game's live data is ~20 MB;
 * held at its size at start-up, the young generation is collected more often,
 * each collection cheaper, and the play session's peak memory drops by about
 * 15 MB (docs/performance.md) with no cost in keystroke latency.
 *
 * `--semi-space-growth-factor` is read each time V8 considers growing the
 * space, so setting it at run time takes effect (unlike the space's maximum,
 * fixed when the heap is set up). Only the game calls this: the other
 * subcommands are short runs that should collect as little as possible.
 */
export function holdYoungGeneration(): void {
	try {
		v8.setFlagsFromString('--semi-space-growth-factor=1');
	} catch {
		// A runtime that refuses flags (they may be frozen) plays with V8's defaults.
	}
}
