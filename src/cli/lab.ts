import fs from 'node:fs';
import path from 'node:path';
import {spawnSync} from 'node:child_process';
import type {Network} from '../engine/network.js';
import {labHandin, type LabStep} from '../lab/handin.js';
import {cleanAll, isRoot, KernelLab} from '../lab/kernel.js';
import {outsideLab} from '../lab/scope.js';
import {findLevel} from '../levels/load.js';
import {sanitizeText} from '../levels/sanitize.js';
import {capText, echoLine} from './echo-line.js';
import type {Level} from '../levels/schema.js';
import type {CliContext} from './context.js';
import {EXIT, type ExitCode, writeLines} from './io.js';
import {resolveLevel} from './resolve-level.js';

/**
 * `netquest lab <level> [hand-in] [--saved]` and `netquest lab --clean`:
 * the level's on-premises or Docker network built as Linux network
 * namespaces, with the start state and the hand-in (or the saved work)
 * applied as the real-world lines netquest prints; it stays up until Enter,
 * end of input or a signal, then removes everything. Needs root.
 */

/** Hand-ins larger than this are refused, as by `check`. */
const MAX_HANDIN_BYTES = 1024 * 1024;

/** Runs `lab`. */
export async function labCommand(args: readonly string[], context: CliContext): Promise<ExitCode> {
	const {io} = context;
	if (context.options.clean) {
		if (args.length > 0) {
			io.stderr('netquest lab: --clean takes no level\nUsage: netquest lab --clean\n');
			return EXIT.usage;
		}
		if (!isRoot()) return needRoot(context);
		const removed = cleanAll();
		io.stdout(removed.length === 0 ? 'netquest lab: no lab namespaces to remove\n' : `netquest lab: removed ${removed.length} namespaces: ${removed.join(' ')}\n`);
		return EXIT.ok;
	}
	if (args.length < 1 || args.length > 2 || (args.length === 2 && context.options.saved)) {
		io.stderr('netquest lab: give a level, and a hand-in file or --saved\nUsage: netquest lab <level-file|level-id> [hand-in-file | --saved]\n       netquest lab --clean\n');
		return EXIT.usage;
	}
	if (!isRoot()) return needRoot(context);
	if (spawnSync('ip', ['-V']).status !== 0 || spawnSync('iptables', ['-V']).status !== 0) {
		io.stderr('netquest lab: needs the ip and iptables commands (Debian: apt-get install iproute2 iptables)\n');
		return EXIT.usage;
	}
	const resolved = await resolveLevel(args[0]!, context, 'lab');
	if (!resolved.ok) {
		writeLines(io.stderr, resolved.lines);
		return EXIT.usage;
	}
	const {level} = resolved;
	const outside = outsideLab(level.network);
	if (outside !== undefined) {
		io.stderr(`netquest lab: level ${level.id} cannot be built: ${outside}\n`);
		return EXIT.usage;
	}
	const script = await handinText(args[1], level, context);
	if (!script.ok) {
		io.stderr(`netquest lab: ${script.message}\n`);
		return script.code;
	}
	const handin = labHandin(level.network, script.text, level.commands === undefined ? {} : {allowed: level.commands});
	if (!handin.ok) {
		writeLines(io.stderr, [sanitizeText(`netquest lab: ${script.name}:${handin.line}: ${capText(handin.message)}`), echoLine(handin.text, 0, 0)[0]]);
		return EXIT.usage;
	}
	const lab = new KernelLab();
	let stopping = false;
	const stop = () => {
		if (stopping) return;
		stopping = true;
		lab.destroy();
	};
	const onSignal = (signal: NodeJS.Signals) => {
		stop();
		io.stderr(`netquest lab: ${signal}: removed lab ${lab.prefix}\n`);
		process.exit(signal === 'SIGINT' ? 130 : 143);
	};
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	process.once('SIGHUP', onSignal);
	try {
		const report = lab.build(level.network, handin.steps);
		await lab.start(report.network);
		writeLines(io.stdout, summary(level, script.name, report.network, handin.steps, lab));
		await waitForEnter();
	} finally {
		stop();
		process.removeListener('SIGINT', onSignal);
		process.removeListener('SIGTERM', onSignal);
		process.removeListener('SIGHUP', onSignal);
	}
	io.stdout(`netquest lab: removed lab ${lab.prefix} (every namespace, cable and file)\n`);
	return EXIT.ok;
}

function needRoot(context: CliContext): ExitCode {
	context.io.stderr('netquest lab: needs root: it builds Linux network namespaces (ip netns), veth cables and iptables rules. Run it with sudo, on a Linux machine or VM you may change.\n');
	return EXIT.usage;
}

type HandinText = {ok: true; text: string; name: string} | {ok: false; message: string; code: ExitCode};

async function handinText(file: string | undefined, level: Level, context: CliContext): Promise<HandinText> {
	if (context.options.saved) {
		const catalog = await context.loadCatalog();
		const entry = findLevel(catalog, level.id);
		const store = await context.openStore();
		const draft = entry === undefined ? [] : (store.getLevel(level.id)?.draft ?? []);
		if (draft.length === 0) return {ok: false, message: `nothing saved for level ${level.id} yet: play it first (netquest)`, code: EXIT.problems};
		return {ok: true, text: draft.join('\n'), name: 'your saved work'};
	}
	if (file === undefined) return {ok: true, text: '', name: 'the start'};
	const full = path.resolve(context.io.cwd, file);
	const shown = context.show(full);
	try {
		const stat = fs.statSync(full);
		if (!stat.isFile()) return {ok: false, message: `${shown}: not a file`, code: EXIT.usage};
		if (stat.size > MAX_HANDIN_BYTES) return {ok: false, message: `${shown}: larger than ${MAX_HANDIN_BYTES / 1024} KB`, code: EXIT.usage};
		return {ok: true, text: new TextDecoder('utf-8', {fatal: true}).decode(fs.readFileSync(full)), name: shown};
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return {ok: false, message: `${shown}: ${code === 'ENOENT' ? 'no such file' : error instanceof TypeError ? 'not UTF-8 text' : `cannot read it (${code})`}`, code: EXIT.usage};
	}
}

function addressesOf(network: Network, id: string): string {
	const host = network.hosts.find((item) => item.id === id);
	if (host !== undefined) return host.interfaces.map((face) => `${face.ip} (${face.subnet})`).join(', ') || 'no interface';
	const container = network.containers.find((item) => item.id === id);
	return container === undefined ? '' : `container on ${container.host}: ${container.networks.map((item) => `${item.ip} (${item.network})`).join(', ')}`;
}

function summary(level: Level, name: string, network: Network, steps: readonly LabStep[], lab: KernelLab): string[] {
	const ids = [...network.hosts.map((host) => host.id), ...network.containers.map((item) => item.id)];
	const width = Math.max(...ids.map((id) => id.length));
	const lines = [`netquest lab ${lab.prefix}: ${level.id} — ${level.title}, from ${name}`, '', 'Each machine is a Linux network namespace. Enter one with:'];
	for (const id of ids) lines.push(`  ip netns exec ${lab.ns(id).padEnd(lab.prefix.length + 1 + width)}  bash    # ${addressesOf(network, id)}`);
	const ran = steps.reduce((total, step) => total + step.run.length * step.nodes.length, 0);
	const notRun = steps.flatMap((step) => step.notRun);
	if (steps.length > 0) {
		lines.push('', `The hand-in: ${steps.length} commands, ${ran} printed lines run as they are${notRun.length === 0 ? '' : `, ${notRun.length} done by the lab instead:`}`);
		for (const item of notRun.slice(0, 12)) lines.push(`  ${item.line}\n      (${item.why})`);
		if (notRun.length > 12) lines.push(`  … and ${notRun.length - 12} more`);
	}
	if (lab.errors.length > 0) {
		lines.push('', 'The kernel refused these lines:');
		for (const error of lab.errors) lines.push(`  ${error.node}: ${error.line}\n      → ${error.message}`);
	}
	const client = network.hosts.find((host) => host.kind === 'client')?.id ?? ids[0];
	const server = network.hosts.find((host) => host.apps.length > 0 && host.interfaces.length > 0);
	lines.push('', 'Try:');
	if (server !== undefined && client !== undefined) {
		const app = server.apps.find((item) => item.port === 80 || item.port === 443) ?? server.apps[0]!;
		lines.push(`  ip netns exec ${lab.ns(client)} curl -s --max-time 3 http://${server.interfaces[0]!.ip}:${app.port}/`);
	}
	const firewalled = network.hosts.find((host) => host.firewall !== undefined) ?? network.hosts.find((host) => host.kind === 'router' || host.kind === 'nat');
	if (firewalled !== undefined) lines.push(`  ip netns exec ${lab.ns(firewalled.id)} iptables -S`);
	lines.push(`  ip netns exec ${lab.ns(ids[0]!)} ip route`, '', 'The apps are small servers (an HTTP answer, else one line). DNS is each machine\'s /etc/hosts.', 'Press Enter (or Ctrl-C) to remove the lab.');
	return lines;
}

function waitForEnter(): Promise<void> {
	return new Promise((resolve) => {
		const done = () => {
			process.stdin.removeListener('data', done);
			process.stdin.removeListener('end', done);
			process.stdin.pause();
			resolve();
		};
		process.stdin.on('data', done);
		process.stdin.on('end', done);
		process.stdin.resume();
	});
}
