/**
 * Keeps the game's heap close to its live data (~20 MB in a long session),
 * which V8's defaults, tuned for throughput, do not:
 * - V8 doubles the space for new objects (up to 2 × 16 MB) whenever many of
 *   them survive a collection, as they do when a level opens (its session,
 *   grade and traces), and keeps it for good: held at its start-up size, the
 *   young generation is collected more often, each collection cheaper;
 * - after a full collection V8 lets the old generation grow up to about four
 *   times what survived before collecting again: the game lets it grow by
 *   half.
 * Together they take the play session's peak memory from ~160 MB to under
 * 100 MB (docs/performance.md) with no cost in keystroke latency. Both flags
 * are read each time V8 decides, so setting them at run time takes effect
 * (unlike the spaces' maximum sizes, fixed when the heap is set up). Only the
 * game calls this: the other subcommands are short runs that should collect
 * as little as possible. Resolves once the flags are set (never rejects).
 */
export async function keepHeapSmall(): Promise<void> {
	try {
		// Imported here, not at the top: node:v8 takes ~2 ms to load, and the game calls this just before its
		// first frame, which must not wait for it.
		const v8 = await import('node:v8');
		v8.setFlagsFromString('--semi-space-growth-factor=1');
		v8.setFlagsFromString('--heap-growing-percent=50');
	} catch {
		// A runtime that refuses flags (they may be frozen) plays with V8's defaults.
	}
}
