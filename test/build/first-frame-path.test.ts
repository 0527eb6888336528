import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {Metafile} from 'esbuild';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {FIRST_FRAME_ENTRIES, firstFramePath as firstFramePathOf} from '../../bench/bundle-graph.js';
import {build} from '../../scripts/build.mjs';

/**
 * What the game reads, parses and runs before its first frame, checked on
 * the built bundle's module graph: the entry, everything it imports
 * statically, and the dynamic imports of the path to the map (the `play`
 * subcommand, the UI's entry). The first frame is written as text before
 * Ink is loaded (src/ui/first-screen.ts), so none of it may pull in Ink,
 * React's renderer or Yoga (React's small core, for the app's element, may
 * come), nor the code the map does not need: zod, the engine, the
 * command language, the full level check, the JSONC parser, ajv, and conf
 * (the store opens after the first frame). Start-up time is the reason
 * (issue 7): this is what keeps a harmless-looking import from bringing back
 * 100 ms.
 */

let out = '';
let meta: Metafile;

beforeAll(async () => {
	out = fs.mkdtempSync(path.join(os.tmpdir(), 'netquest-graph-'));
	meta = await build({outdir: out, metafile: true});
}, 60_000);

afterAll(() => {
	if (out) fs.rmSync(out, {recursive: true, force: true});
});

/** The outputs on the first frame's path and every source file and package in them (all three entries found). */
function firstFramePath(): {outputs: string[]; inputs: string[]} {
	const path = firstFramePathOf(meta);
	expect(path.entries.sort()).toEqual([...FIRST_FRAME_ENTRIES].sort());
	return path;
}

describe('the first frame’s module graph', () => {
	it('holds the map, the catalog cache and the progress file reader, and nothing of Ink or of the game behind the map', () => {
		const {inputs} = firstFramePath();
		const has = (pattern: RegExp) => inputs.some((input) => pattern.test(input));
		for (const needed of [/src\/ui\/first-screen\.ts$/, /src\/ui\/map\/map-screen\.ts$/, /node_modules\/chalk\//, /src\/levels\/checked-cache\.ts$/, /src\/store\/progress-file\.ts$/]) {
			expect(has(needed), String(needed)).toBe(true);
		}
		const banned = [/node_modules\/zod\//, /node_modules\/ajv/, /node_modules\/jsonc-parser\//, /node_modules\/ipaddr\.js\//, /node_modules\/(conf|semver|ink|react-reconciler|scheduler|yoga-layout)\//, /src\/engine\//, /src\/commands\//, /src\/levels\/(load|read-level|schema)\.ts$/, /src\/ui\/app\.tsx$/];
		expect(inputs.filter((input) => banned.some((pattern) => pattern.test(input)))).toEqual([]);
	});

	it('leaves the app, the engine and the schema code in chunks loaded later', () => {
		const {outputs} = firstFramePath();
		const later = Object.entries(meta.outputs).filter(([file]) => file.endsWith('.js') && !outputs.includes(file));
		const inputsLater = later.flatMap(([, output]) => Object.keys(output.inputs));
		for (const moved of [/src\/ui\/app\.tsx$/, /src\/engine\/trace\.ts$/, /node_modules\/zod\//, /node_modules\/conf\//, /node_modules\/ink\//, /node_modules\/yoga-layout\//]) expect(inputsLater.some((input) => moved.test(input)), String(moved)).toBe(true);
	});

	it('leaves zod, the engine\'s walk and grading, and the command table out of the app\'s own graph: they come with the game\'s parts', () => {
		const app = Object.entries(meta.outputs).find(([, output]) => output.entryPoint === 'src/ui/app.tsx');
		expect(app).toBeDefined();
		const seen = new Set<string>();
		const visit = (file: string): void => {
			if (seen.has(file)) return;
			seen.add(file);
			for (const imported of meta.outputs[file]?.imports ?? []) if (!imported.external && imported.kind === 'import-statement') visit(imported.path);
		};
		visit(app![0]);
		const inputs = [...seen].flatMap((file) => Object.keys(meta.outputs[file]?.inputs ?? {}));
		const heavy = [/node_modules\/zod\//, /node_modules\/ipaddr\.js\//, /src\/engine\/(trace|grade|network)\.ts$/, /src\/commands\/(index|table|parse)\.ts$/, /src\/game\/session\.ts$/];
		expect(inputs.filter((input) => heavy.some((pattern) => pattern.test(input)))).toEqual([]);
		expect(inputs).toContain('src/ui/app.tsx');
	});
});

