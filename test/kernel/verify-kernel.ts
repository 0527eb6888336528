/**
 * `npm run verify:kernel` (root): the engine checked against the Linux kernel.
 * For every built-in level the lab can build (on-premises and Docker), it
 * builds the level's network as namespaces from the start state, from the
 * reference solution, from every wrong answer and other right answer of the
 * campaign suite — applying each hand-in as the real-world lines netquest
 * prints — and sends every goal's traffic for real. Each probe must end as
 * the engine says (delivered or not), each goal must pass or fail on the
 * kernel as in the engine, and every printed line must be accepted by the
 * kernel. Prints one line per failure and `N passed, M failed`; exit 1 on
 * any failure. Every namespace is removed on exit, on failure too.
 *
 * Usage: tsx test/kernel/verify-kernel.ts [level-id-prefix…] [--verbose]
 */
import {spawn, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {grade} from '../../src/engine/grade.js';
import type {Network} from '../../src/engine/network.js';
import {labHandin} from '../../src/lab/handin.js';
import {cleanAll, isRoot, KernelLab, LAB_NAMESPACE, type ProbeResult} from '../../src/lab/kernel.js';
import {outsideLab} from '../../src/lab/scope.js';
import {loadCatalog, playableLevels, type Level} from '../../src/levels/index.js';
import {OTHER_RIGHT_ANSWERS, WRONG_ANSWERS} from '../campaign/wrong-answers.js';
import {scenarioProbes} from './probes.js';

type Scenario = {readonly level: Level; readonly name: string; readonly script: readonly string[]; readonly expectFails?: readonly string[]};

/** Outcome codes a client sees as "connection refused" (the kernel answers at once). */
const REFUSING = new Set(['CONNECTION_REFUSED', 'REJECTED_BY_HOST_FIREWALL', 'REJECTED_BY_NETWORK_FIREWALL', 'BOUND_TO_LOCALHOST', 'PORT_NOT_PUBLISHED']);
/** Outcome codes a client sees as silence (a DROP: it times out). */
const SILENT = new Set(['DENIED_BY_HOST_FIREWALL', 'DENIED_BY_NETWORK_FIREWALL']);

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const only = args.filter((arg) => !arg.startsWith('--'));
/** The prefixes of every lab this run made: only these must be gone at the end (other runs may be building theirs). */
const prefixes: string[] = [];
let passed = 0;
let failed = 0;
const notes: string[] = [];

function allowed(level: Level) {
	return level.commands === undefined ? {} : {allowed: level.commands};
}

function scenarios(levels: readonly Level[]): Scenario[] {
	const list: Scenario[] = [];
	for (const level of levels) {
		list.push({level, name: 'start', script: []});
		list.push({level, name: 'reference solution', script: level.solution});
		for (const answer of WRONG_ANSWERS.filter((item) => item.level === level.id)) {
			list.push({level, name: `wrong answer: ${answer.mistake}`, script: answer.script, expectFails: Object.keys(answer.fails)});
		}
		for (const answer of OTHER_RIGHT_ANSWERS.filter((item) => item.level === level.id)) {
			list.push({level, name: `right answer: ${answer.variant}`, script: answer.script, expectFails: []});
		}
	}
	return list;
}

async function runScenario(scenario: Scenario): Promise<string[]> {
	const {level} = scenario;
	const out: string[] = [];
	const say = (line: string) => out.push(line);
	const handin = labHandin(level.network, scenario.script.join('\n'), allowed(level));
	if (!handin.ok) {
		failed++;
		return [`✗ ${level.id} · ${scenario.name}: line ${handin.line} does not apply: ${handin.message}`];
	}
	const network: Network = handin.network;
	const report = grade(network, level.goals);
	const plan = scenarioProbes(network, level.goals, report);
	const lab = new KernelLab();
	prefixes.push(lab.prefix);
	let results: ProbeResult[] = [];
	let errors: readonly {node: string; line: string; message: string; step?: string}[] = [];
	try {
		errors = lab.build(level.network, handin.steps).errors;
		await lab.start(network, plan.listeners);
		results = await lab.probe(plan.probes.map((probe) => probe.request));
	} finally {
		lab.destroy();
	}
	const before = failed;
	const lines: string[] = [];
	const record = (ok: boolean, what: string) => {
		if (ok) passed++;
		else {
			failed++;
			lines.push(`  ✗ ${what}`);
		}
		if (ok && verbose) lines.push(`  ✓ ${what}`);
	};
	record(errors.length === 0, `every line ran on the kernel${errors.map((error) => `\n      ${error.node}: ${error.line}\n        → ${error.message}${error.step === undefined ? '' : ` (hand-in line ${error.step})`}`).join('')}`);
	plan.probes.forEach((probe, index) => {
		const result = results[index] ?? 'error';
		const agrees = probe.engineDelivered === (result === 'connected');
		record(agrees, `${probe.goal}: ${probe.label}: engine ${probe.engineCode}, kernel ${result}`);
		if (agrees && !probe.engineDelivered) {
			const expected = REFUSING.has(probe.engineCode) ? 'refused' : SILENT.has(probe.engineCode) ? 'timeout' : undefined;
			const seen = result === 'arrived' ? 'timeout' : result;
			if (expected !== undefined && seen !== expected) {
				notes.push(`${level.id} · ${scenario.name} · ${probe.goal}: ${probe.label}: engine ${probe.engineCode} (the client ${expected === 'refused' ? 'is refused' : 'times out'}), kernel ${result}`);
			}
		}
	});
	const kernelFails: string[] = [];
	for (const goal of plan.goals) {
		const kernelPassed = goal.kernelPassed(goal.probes.map((index) => results[index] ?? 'error'));
		if (!kernelPassed) kernelFails.push(goal.id);
		record(kernelPassed === goal.engineObservable, `goal ${goal.id} (${goal.kind}): engine ${goal.engineObservable ? 'passes' : 'fails'}, kernel ${kernelPassed ? 'passes' : 'fails'}${goal.note === undefined ? '' : ` — ${goal.note}`}`);
		if (goal.enginePassed !== goal.engineObservable) notes.push(`${level.id} · ${scenario.name} · ${goal.id}: fails in the engine for a reason the kernel cannot see (${goal.note ?? 'path or code'})`);
	}
	if (scenario.expectFails !== undefined) {
		const observable = new Set(plan.goals.filter((goal) => !goal.engineObservable).map((goal) => goal.id));
		const expected = scenario.expectFails.filter((id) => observable.has(id)).sort();
		record(JSON.stringify(expected) === JSON.stringify([...kernelFails].sort()), `the kernel fails the goals the campaign suite expects: [${expected.join(', ')}], kernel [${kernelFails.sort().join(', ')}]`);
	}
	const mark = failed === before ? '✓' : '✗';
	say(`${mark} ${level.id} · ${scenario.name}: ${plan.probes.length} probes, ${plan.goals.length} goals on the kernel${plan.unchecked.length === 0 ? '' : `, ${plan.unchecked.length} state goals not`}`);
	return [...out, ...lines];
}

/**
 * `netquest lab` as a person uses it: built from 07's reference solution, the
 * web namespace shows the printed rules, the customer reaches the website
 * and not SSH, and Enter removes every namespace.
 */
async function labCommandScenario(level: Level): Promise<string[]> {
	const lines: string[] = [];
	const record = (ok: boolean, what: string) => {
		if (ok) passed++;
		else failed++;
		if (!ok || verbose) lines.push(`  ${ok ? '✓' : '✗'} ${what}`);
	};
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netquest-lab-cli-'));
	const handin = path.join(dir, 'handin.txt');
	fs.writeFileSync(handin, `${level.solution.join('\n')}\n`);
	const cli = fileURLToPath(new URL('../../src/cli.tsx', import.meta.url));
	const child = spawn(process.execPath, ['--import', 'tsx', cli, 'lab', level.id, handin, '--data-dir', dir], {stdio: ['pipe', 'pipe', 'pipe']});
	let output = '';
	child.stdout.on('data', (data: Buffer) => (output += data.toString()));
	child.stderr.on('data', (data: Buffer) => (output += data.toString()));
	const up = await new Promise<boolean>((resolve) => {
		const timer = setTimeout(() => resolve(false), 60_000);
		child.stdout.on('data', () => {
			if (output.includes('Press Enter')) {
				clearTimeout(timer);
				resolve(true);
			}
		});
		child.on('exit', () => resolve(false));
	});
	record(up, `netquest lab ${level.id} <solution> builds and waits${up ? '' : `:\n${output}`}`);
	const prefix = /netquest lab (nq[0-9a-z]{4}):/.exec(output)?.[1];
	if (prefix !== undefined) prefixes.push(prefix);
	if (up && prefix !== undefined) {
		const rules = spawnSync('ip', ['netns', 'exec', `${prefix}-web`, 'iptables', '-S', 'INPUT'], {encoding: 'utf8'}).stdout;
		record(rules.includes('-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT') && rules.includes('-P INPUT DROP'), `ip netns exec ${prefix}-web iptables -S shows the printed rules`);
		const site = spawnSync('ip', ['netns', 'exec', `${prefix}-customer`, process.execPath, '-e', "require('http').get('http://203.0.113.10/', (r) => { process.stdout.write(String(r.statusCode)); process.exit(0); }).on('error', () => process.exit(1))"], {encoding: 'utf8', timeout: 10_000});
		record(site.stdout === '200', 'the customer gets the website (HTTP 200) from inside its namespace');
	}
	child.stdin.end('\n');
	const code = await new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', resolve)));
	record(code === 0, `Enter ends it with exit 0 (got ${code})`);
	record(prefix !== undefined && !spawnSync('ip', ['netns', 'list'], {encoding: 'utf8'}).stdout.includes(`${prefix}-`), 'and every namespace of the lab is gone');
	fs.rmSync(dir, {recursive: true, force: true});
	return [`${lines.some((line) => line.includes('✗')) ? '✗' : '✓'} ${level.id} · netquest lab, entered with ip netns exec`, ...lines];
}

async function main(): Promise<number> {
	if (!isRoot()) {
		console.error('verify:kernel needs root: it builds Linux network namespaces (run it as root, or in CI as root).');
		return 2;
	}
	const catalog = loadCatalog({builtInDir: fileURLToPath(new URL('../../levels/', import.meta.url))});
	const levels = playableLevels(catalog)
		.map((entry) => entry.level)
		.filter((level) => outsideLab(level.network) === undefined)
		.filter((level) => only.length === 0 || only.some((prefix) => level.id.startsWith(prefix)));
	const skipped = playableLevels(catalog).filter((entry) => outsideLab(entry.level.network) !== undefined).map((entry) => entry.level.id);
	console.log(`verify:kernel: ${levels.length} levels on the kernel (${levels.map((level) => level.id.slice(0, 2)).join(' ')}); AWS levels not: ${skipped.map((id) => id.slice(0, 2)).join(' ')}`);
	const started = Date.now();
	const queue = scenarios(levels);
	const cleanup = () => {
		cleanAll();
		process.exit(130);
	};
	process.once('SIGINT', cleanup);
	process.once('SIGTERM', cleanup);
	const PARALLEL = 4;
	let next = 0;
	const outputs: string[][] = [];
	await Promise.all(
		Array.from({length: PARALLEL}, async () => {
			while (next < queue.length) {
				const index = next++;
				try {
					outputs[index] = await runScenario(queue[index]!);
				} catch (error) {
					failed++;
					outputs[index] = [`✗ ${queue[index]!.level.id} · ${queue[index]!.name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`];
				}
				for (const line of outputs[index]!) console.log(line);
			}
		}),
	);
	const firewall = levels.find((level) => level.id.startsWith('07-'));
	if (firewall !== undefined) for (const line of await labCommandScenario(firewall)) console.log(line);
	if (notes.length > 0) {
		console.log(`\nNotes (not failures): refused versus timed out where both block, and goals failing for a reason only the engine sees:`);
		for (const note of notes) console.log(`  · ${note}`);
	}
	const leftover = spawnSync('ip', ['netns', 'list'], {encoding: 'utf8'})
		.stdout.split('\n')
		.filter((name) => LAB_NAMESPACE.test(name) && prefixes.includes(name.slice(0, 6)));
	if (leftover.length > 0) {
		failed++;
		console.log(`✗ namespaces left behind: ${leftover.join(' ')}`);
	} else passed++;
	console.log(`\n${queue.length} scenarios in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	console.log(`${passed} passed, ${failed} failed`);
	return failed === 0 ? 0 : 1;
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(error);
		cleanAll();
		process.exit(3);
	},
);
