import type {Metafile} from 'esbuild';

/**
 * The part of a split bundle (esbuild's metafile) that the game reads before
 * its first frame: the entry, everything it imports statically, and the
 * dynamic imports on the way to the map — the `play` subcommand and the UI's
 * entry, whose code runs before the first frame — with their static imports.
 */

/** The source files whose chunks are imported (dynamically) on the way to the first frame. */
export const FIRST_FRAME_ENTRIES: readonly string[] = ['src/cli.tsx', 'src/cli/play.ts', 'src/ui/run-game.tsx'];

/** The output files on the first frame's path, and every input (source file or package file) in them. */
export function firstFramePath(meta: Metafile): {outputs: string[]; inputs: string[]; entries: string[]} {
	const wanted = new Set(FIRST_FRAME_ENTRIES);
	const outputs = Object.entries(meta.outputs).filter(([file]) => file.endsWith('.js'));
	const seen = new Set<string>();
	const visit = (file: string): void => {
		if (seen.has(file)) return;
		seen.add(file);
		for (const imported of meta.outputs[file]?.imports ?? []) if (!imported.external && imported.kind === 'import-statement') visit(imported.path);
	};
	const entries: string[] = [];
	for (const [file, output] of outputs) {
		if (output.entryPoint === undefined || !wanted.has(output.entryPoint)) continue;
		entries.push(output.entryPoint);
		visit(file);
	}
	return {outputs: [...seen], inputs: [...seen].flatMap((file) => Object.keys(meta.outputs[file]?.inputs ?? {})), entries};
}

/** Bytes of JavaScript: all the bundle's, and those on the first frame's path. */
export function bundleBytes(meta: Metafile): {total: number; firstFrame: number} {
	const js = Object.entries(meta.outputs).filter(([file]) => file.endsWith('.js'));
	const path = new Set(firstFramePath(meta).outputs);
	return {
		total: js.reduce((sum, [, output]) => sum + output.bytes, 0),
		firstFrame: js.filter(([file]) => path.has(file)).reduce((sum, [, output]) => sum + output.bytes, 0),
	};
}
