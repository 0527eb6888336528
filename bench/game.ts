/**
 * The game's benchmark (`npm run bench`): builds the bundle the `netquest`
 * bin runs and a bundled Ink hello-world (same esbuild options) into a
 * temporary folder, then measures, in one run:
 * - time to first frame of both in a pseudo-terminal, alternated, and the ratio;
 * - keystroke-to-frame latency while typing in the workbench of the largest
 *   built-in level, and Enter-to-result latency of each command;
 * - live grading time of every built-in level (start, each command, solved);
 * - peak memory (VmHWM) of the play session.
 * It prints a markdown table with the targets. A benchmark, not a test: it
 * always exits 0, whatever the numbers.
 *
 * Usage: tsx bench/game.ts [--rounds 15] [--keys 120] [--pause 40] [--grade-runs 21]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import {parseArgs} from 'node:util';
import * as esbuild from 'esbuild';
import {build, bundleOptions, checkerIdentity} from '../scripts/build.mjs';
import {bundleBytes} from './bundle-graph.js';
import {builtInLevels, gradeLevels, solutionCommands} from './level-grading.js';
import {playSession} from './play-session.js';
import {hasScript, peakRssMb, startPty} from './pty.js';
import {timeStarts} from './startup.js';
import {median, ms, percentile} from './stats.js';

const TARGETS = {startRatio: 1.2, keyP95: 16, gradeMs: 5, rssMb: 120} as const;
const COLUMNS = 120;
const ROWS = 40;

const {values} = parseArgs({
	options: {
		rounds: {type: 'string', default: '15'},
		keys: {type: 'string', default: '120'},
		pause: {type: 'string', default: '40'},
		'grade-runs': {type: 'string', default: '21'},
	},
});
const rounds = Number(values.rounds);
const minKeys = Number(values.keys);
const pauseMs = Number(values.pause);
const gradeRuns = Number(values['grade-runs']);

/**
 * Table rows of the probe's phases from its log (one JSON line a run, the
 * warm-up runs first): each phase's median end time and median duration over
 * the last `rounds` runs.
 */
function startupPhases(log: string, rounds: number): string[] {
	const runs = fs.readFileSync(log, 'utf8').trim().split('\n').slice(-rounds).map((line) => JSON.parse(line) as [string, number][]);
	const names = runs[0]?.map(([name]) => name) ?? [];
	return names.map((name, index) => {
		const ends = runs.map((marks) => marks[index]![1]);
		const takes = runs.map((marks) => marks[index]![1] - (index === 0 ? 0 : marks[index - 1]![1]));
		return `| ${name} | ${ms(median(ends))} | ${ms(median(takes))} |`;
	});
}

/** VmHWM in MB of a program half a second after it showed `marker`. */
async function idleRss(argv: readonly string[], marker: string): Promise<number | undefined> {
	const session = startPty(argv, {columns: COLUMNS, rows: ROWS});
	try {
		await session.waitFor((text) => text.includes(marker), {what: marker});
		await sleep(500);
		const pid = session.programPid();
		return pid === undefined ? undefined : peakRssMb(pid);
	} finally {
		session.kill();
		await session.exited;
	}
}

/** Runs one part of the benchmark; if it fails, a row says so and the rest goes on (the benchmark always ends normally). */
async function measured(rows: string[][], what: string, part: () => Promise<void>): Promise<void> {
	try {
		await part();
	} catch (error) {
		console.error(`${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
		const message = (error instanceof Error ? error.message : String(error)).split('\n', 1)[0] ?? '';
		rows.push([what, 'not measured', '', message.replaceAll('|', '\\|')]);
	}
}

function verdict(pass: boolean): string {
	return pass ? 'PASS' : 'MISS';
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'netquest-bench-'));
try {
	await main();
} finally {
	fs.rmSync(work, {recursive: true, force: true});
}

async function main(): Promise<void> {
	const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
	const load = os.loadavg().map((value) => value.toFixed(2)).join(' ');
	console.log(`netquest game benchmark — node ${process.version}, ${os.platform()} ${os.release()}, ${os.availableParallelism()} CPUs (${cpu}), load average ${load}\n`);

	const out = path.join(work, 'dist');
	const meta = await build({outdir: out, metafile: true});
	await esbuild.build(bundleOptions({entry: 'bench/hello-world.tsx', name: 'hello-world', outdir: out}));
	await esbuild.build(bundleOptions({entry: 'bench/startup-probe.tsx', name: 'startup-probe', outdir: out, checker: checkerIdentity()}));
	const bundle = path.join(out, 'netquest.js');
	const hello = path.join(out, 'hello-world.js');
	const kb = (file: string) => `${(fs.statSync(file).size / 1024).toFixed(0)} KB`;
	const bytes = bundleBytes(meta);
	const sizes = `netquest ${(bytes.total / 1024).toFixed(0)} KB of JavaScript in all, ${(bytes.firstFrame / 1024).toFixed(0)} KB of it read before the first frame (netquest.js and its chunks); hello-world.js ${kb(hello)}`;

	const levels = builtInLevels();
	const largest = levels.reduce((best, level) =>
		level.network.hosts.length + level.goals.length >= best.network.hosts.length + best.goals.length ? level : best,
	);

	const rows: string[][] = [];
	let phases: string[] = [];
	if (!hasScript()) {
		console.log('util-linux `script` is missing: the terminal measurements are skipped.\n');
	} else {
		const startData = path.join(work, 'start-data');
		const probeLog = path.join(work, 'probe.log');
		await measured(rows, 'first frame', async () => {
			const starts = await timeStarts(
				[
					{name: 'hello', argv: ['node', hello], marker: 'Hello'},
					// `?` typed the moment the map shows: the help overlay proves the game answers keys.
					{name: 'netquest', argv: ['node', bundle, '--data-dir', startData], marker: 'TravelBuddy', answer: {keys: '?', marker: 'choose a level'}},
					{name: 'node', argv: ['node', '-e', 'console.log("node is up")'], marker: 'node is up'},
					{
						name: 'probe',
						argv: ['node', path.join(out, 'startup-probe.js')],
						marker: 'TravelBuddy',
						exits: true,
						env: {NETQUEST_PROBE_LOG: probeLog, NETQUEST_PROBE_DATA: startData},
					},
				],
				rounds,
			);
			const spread = (name: string) => {
				const times = starts[name]!;
				return `median of ${rounds}; range ${ms(Math.min(...times))}–${ms(Math.max(...times))}`;
			};
			const game = median(starts['netquest']!);
			const yardstick = median(starts['hello']!);
			const ratio = game / yardstick;
			rows.push(
				['first frame: `netquest` (the campaign map)', `${ms(game)} ms`, '', spread('netquest')],
				[
					'first answer: `netquest` (`?` typed as the map shows → help on screen)',
					`${ms(median(starts['netquest:answers']!))} ms`,
					'',
					`${spread('netquest:answers')}; ${(median(starts['netquest:answers']!) / yardstick).toFixed(2)}× the hello-world's first frame`,
				],
				['first frame: Ink hello-world, plain esbuild bundle (netquest\'s options)', `${ms(yardstick)} ms`, '', spread('hello')],
				['first output: `node -e` (for scale)', `${ms(median(starts['node']!))} ms`, '', spread('node')],
				['first frame: the start-up probe (netquest\'s steps, timed; see below)', `${ms(median(starts['probe']!))} ms`, '', spread('probe')],
				['**first frame, netquest / hello-world**', `**${ratio.toFixed(2)}×**`, `≤ ${TARGETS.startRatio}×`, verdict(ratio <= TARGETS.startRatio)],
			);
			phases = startupPhases(probeLog, rounds);
		});

		await measured(rows, 'play session', async () => {
			const helloRss = await idleRss(['node', hello, '--hold'], 'Hello');
			const result = await playSession({
				bundle,
				dataDir: path.join(work, 'play-data'),
				level: {title: largest.title, mapIndex: levels.indexOf(largest), briefingText: 'Enter start', commands: solutionCommands(largest)},
				columns: COLUMNS,
				rows: ROWS,
				minKeys,
				pauseMs,
			});
			const keys = result.keyLatencies;
			const p95 = percentile(keys, 95);
			rows.push(
				[
					`keystroke → frame, workbench of ${largest.id} (${COLUMNS}×${ROWS})`,
					`p50 ${ms(percentile(keys, 50))} ms, **p95 ${ms(p95)} ms**`,
					`p95 < ${TARGETS.keyP95} ms`,
					`${verdict(p95 < TARGETS.keyP95)} (${keys.length} keys, max ${ms(Math.max(...keys))} ms)`,
				],
				[
					'Enter → result on screen (execute + grade + frame)',
					`p50 ${ms(percentile(result.commandLatencies, 50))} ms, max ${ms(Math.max(...result.commandLatencies))} ms`,
					'',
					`${result.commandLatencies.length} commands`,
				],
				[
					'peak RSS (VmHWM) after the session',
					result.peakRssMb === undefined ? 'unreadable' : `${result.peakRssMb.toFixed(1)} MB`,
					`< ${TARGETS.rssMb} MB`,
					result.peakRssMb === undefined ? '—' : verdict(result.peakRssMb < TARGETS.rssMb),
				],
				['peak RSS of the idle Ink hello-world (for scale)', helloRss === undefined ? 'unreadable' : `${helloRss.toFixed(1)} MB`, '', ''],
			);
		});
	}

	const grading = gradeLevels(levels, gradeRuns);
	const worst = grading.rows.reduce((a, b) => (b.slowest > a.slowest ? b : a));
	rows.push([
		'live grading, slowest state of any built-in level',
		`${ms(worst.slowest)} ms (${worst.id})`,
		`< ${TARGETS.gradeMs} ms`,
		`${verdict(worst.slowest < TARGETS.gradeMs)} (median of ${gradeRuns}; first grade of the process ${ms(grading.firstGrade)} ms)`,
	]);

	console.log(`Bundles: ${sizes}. Terminal ${COLUMNS}×${ROWS}, TERM=xterm-256color, colour on.\n`);
	console.log('| measure | result | target | verdict / notes |');
	console.log('| --- | --- | --- | --- |');
	for (const row of rows) console.log(`| ${row.join(' | ')} |`);

	if (phases.length > 0) {
		console.log(
			`\nWhere the first frame goes (bench/startup-probe.tsx: the steps of src/cli/play.ts, timed inside the process, started in the rounds above; medians of ${rounds} runs):\n`,
		);
		console.log('| step | ends at (ms since node started) | takes (ms) |');
		console.log('| --- | ---: | ---: |');
		for (const line of phases) console.log(line);
	}

	console.log(`\nLive grading per built-in level (ms, median of ${gradeRuns} grades of a fresh copy of the network):\n`);
	console.log('| level | hosts | goals | states | start | solved | slowest state |');
	console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
	for (const row of grading.rows) {
		const solved = row.solvedOk ? '' : ' (solution does not solve!)';
		console.log(`| ${row.id} | ${row.hosts} | ${row.goals} | ${row.states} | ${ms(row.start)} | ${ms(row.solved)}${solved} | ${ms(row.slowest)} |`);
	}
}
