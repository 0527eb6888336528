import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {runScript} from '../../src/commands/index.js';
import {topologyModel, topologyText} from '../../src/commands/topology-model.js';
import {grade} from '../../src/engine/grade.js';
import {loadCatalog, playableLevels} from '../../src/levels/index.js';
import {layoutMode, type TerminalSize} from '../../src/ui/layout.js';
import {lineText, lineWidth} from '../../src/ui/text/styled-line.js';
import {paint} from '../../src/ui/tone.js';
import {topologyLines} from '../../src/ui/topology/topology-lines.js';
import {topologyScreenLines} from '../../src/ui/topology/topology-view.js';
import {blockingHopIndex, initialTraceView} from '../../src/ui/trace-view/use-trace-view-state.js';

/**
 * Every built-in level's topology picture, at 80×24 and 120×40, in colour and
 * under NO_COLOR, with a trace on it (the first goal's, at the hop where it
 * stopped or at its result): snapshots, and the rules a picture must keep —
 * rows fit the width and the frame, every machine of the network is in the
 * whole picture, no escape sequence without colour, and the linear
 * description names every machine too.
 */

const LEVELS_DIR = fileURLToPath(new URL('../../levels/', import.meta.url));
const levels = playableLevels(loadCatalog({builtInDir: LEVELS_DIR})).map((entry) => entry.level);
const SIZES: readonly TerminalSize[] = [
	{columns: 80, rows: 24},
	{columns: 120, rows: 40},
];
const ESCAPE = String.fromCharCode(27);

describe.each(levels.map((level) => [level.id, level] as const))('topology of %s', (_id, level) => {
	const solved = runScript(level.network, level.solution.join('\n'), level.commands === undefined ? {} : {allowed: level.commands});
	const network = solved.ok ? solved.network : level.network;
	// The start network's first traced goal: where the puzzle's packet stops.
	const goal = grade(level.network, level.goals).goals.find((result) => result.trace !== undefined);
	const view = goal?.trace ? initialTraceView(goal.trace, goal.description, level.network) : undefined;
	const traced = view ? {...view, step: blockingHopIndex(view.trace) ?? view.trace.hops.length} : undefined;
	const ids = [...network.hosts.map((host) => host.id), ...network.containers.map((container) => container.id), ...network.natGateways.map((gateway) => gateway.id)];

	it.each(SIZES.flatMap((size) => [true, false].map((color) => [size, color] as const)))('draws at %o (colour %s)', (size, color) => {
		const state = traced ? {trace: traced} : {};
		const lines = topologyScreenLines({network: level.network, title: level.title, state, size, mode: layoutMode(size)});
		expect(lines.length).toBeLessThanOrEqual(size.rows - 1);
		for (const line of lines) expect(lineWidth(line)).toBeLessThanOrEqual(size.columns);
		const text = lines.map((line) => line.map((segment) => paint(segment.text, segment.tone, color)).join('')).join('\n');
		if (!color) expect(text).not.toContain(ESCAPE);
		expect(text).toMatchSnapshot();
	});

	it('shows every machine of the solved network somewhere in the picture and in the linear description', () => {
		const model = topologyModel(network);
		const whole = topologyLines(model, 80).lines.map(lineText).join('\n');
		const linear = topologyText(model).join('\n');
		for (const id of ids) {
			expect(whole).toContain(id);
			expect(linear).toContain(id);
		}
	});
});
