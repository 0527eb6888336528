import {execute} from '../commands/index.js';
import type {Command, ExecuteOptions} from '../commands/types.js';
import type {Network} from '../engine/network.js';
import {hostsUsingTable} from './plan.js';

/**
 * A hand-in, as the lab applies it: each configuration command with the
 * real-world lines netquest prints for it, the machines those lines run on,
 * and which lines the lab runs as they are (`ip`, `iptables`, `sysctl`) and
 * which it carries out from the network instead (apps, DNS records and Docker,
 * whose printed lines are a config file, a zone line or a `docker` command
 * with no daemon to take it). Pure.
 */

/** One printed line the lab does not run, and why. */
export type NotRun = {readonly line: string; readonly why: string};

/** One configuration command of a hand-in. */
export type LabStep = {
	/** 1-based line of the hand-in. */
	readonly line: number;
	readonly text: string;
	readonly before: Network;
	readonly after: Network;
	readonly realWorld: readonly string[];
	/** The machines (host ids) the printed lines run on. */
	readonly nodes: readonly string[];
	/** Printed lines run as they are, on every machine of `nodes`. */
	readonly run: readonly string[];
	readonly notRun: readonly NotRun[];
};

/** A hand-in turned into steps, or the line that does not apply. */
export type LabHandin =
	| {readonly ok: true; readonly steps: readonly LabStep[]; readonly network: Network}
	| {readonly ok: false; readonly line: number; readonly text: string; readonly message: string};

const SHELL = /^(ip|iptables|sysctl)\s/;

/** Why the lab does not run a printed line as it is (undefined: it does). */
export function whyNotRun(line: string): string | undefined {
	const text = line.trim();
	if (text.startsWith('#')) return 'a comment';
	if (/<[^>\s]+>/.test(text)) return 'a template: it names a placeholder to fill in';
	if (SHELL.test(text)) return undefined;
	if (text.startsWith('docker') || text.startsWith('dockerd')) return 'Docker: the lab installs the rules Docker would, from the network';
	if (/\bIN\s+(A|CNAME)\b/.test(text) || text.includes('nsupdate')) return 'DNS: the lab writes every machine\'s /etc/hosts from the records';
	return 'a program or service: the lab starts the apps as small servers, from the network';
}

/** The hosts a command's printed lines are meant for: the host it names, or the hosts that use the route table it names. */
export function nodesOf(command: Command, before: Network, after: Network): string[] {
	const host = command.args['host'];
	if (typeof host === 'string' && [...before.hosts, ...after.hosts].some((item) => item.id === host)) return [host];
	const id = command.args['id'];
	if (command.name === 'host create' && typeof id === 'string') return [id];
	const table = command.args['table'];
	if (typeof table === 'string') return hostsUsingTable(after, table);
	return [];
}

/** Applies a hand-in to `network` command by command, keeping each command's printed lines. */
export function labHandin(network: Network, script: string, options: ExecuteOptions = {}): LabHandin {
	let current = network;
	const steps: LabStep[] = [];
	for (const [index, raw] of script.split('\n').entries()) {
		const text = raw.replace(/\r$/, '');
		if (text.trim() === '' || text.trimStart().startsWith('#')) continue;
		const result = execute(current, text, options);
		if (result.kind === 'error') return {ok: false, line: index + 1, text, message: result.error.message};
		if (result.kind !== 'changed') continue;
		const nodes = nodesOf(result.command, current, result.network);
		const run: string[] = [];
		const notRun: NotRun[] = [];
		for (const line of result.realWorld) {
			const why = whyNotRun(line) ?? (nodes.length === 0 ? 'no machine of the lab to run it on' : undefined);
			if (why === undefined) run.push(line);
			else notRun.push({line, why});
		}
		steps.push({line: index + 1, text, before: current, after: result.network, realWorld: result.realWorld, nodes, run, notRun});
		current = result.network;
	}
	return {ok: true, steps, network: current};
}
