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
 * Resolves once the flag is set (never rejects).
 */
export async function holdYoungGeneration(): Promise<void> {
	try {
		// Imported here, not at the top: node:v8 takes ~2 ms to load, and the game calls this just before its
		// first frame, which must not wait for it.
		const v8 = await import('node:v8');
		v8.setFlagsFromString('--semi-space-growth-factor=1');
	} catch {
		// A runtime that refuses flags (they may be frozen) plays with V8's defaults.
	}
}
