import {spawn, spawnSync, type ChildProcessWithoutNullStreams} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type {App, Network} from '../engine/network.js';
import {AGENT_SOURCE} from './agent-source.js';
import type {LabStep} from './handin.js';
import {labPlan, providerRoutes, type Cable, type LabPlan, type Lan, type Servers} from './plan.js';

/**
 * The lab on a real kernel: namespaces, bridges and veth cables made with
 * `ip`, the plan's lines run inside each namespace, one agent per namespace
 * serving its apps and sending probes. Every name starts with the lab's
 * prefix (`nq` and four random characters), so labs never collide and
 * `netquest lab --clean` finds what a killed run left behind. Nothing is
 * connected to the machine's own namespace: no traffic leaves the lab.
 */

/** The pattern of every namespace a lab makes: `<prefix>-<node>`, and `<prefix>_sw` / `<prefix>_inet` for its switch and internet. */
export const LAB_NAMESPACE = /^nq[0-9a-z]{4}[-_]/;

/** A shell line that failed on the kernel. */
export type LabError = {readonly node: string; readonly line: string; readonly message: string; readonly step?: string};

/** One probe: a connection attempt from a node. */
export type ProbeRequest = {
	readonly from: string;
	readonly protocol: 'tcp' | 'udp' | 'icmp';
	/** An address or a name (looked up in the node's /etc/hosts). */
	readonly to: string;
	readonly port: number;
	readonly sourcePort?: number;
};

/** What the kernel did with a probe; `arrived`: a UDP datagram reached its listener but no answer came back. */
export type ProbeResult = 'connected' | 'arrived' | 'refused' | 'timeout' | 'unreachable' | 'nxdomain' | 'denied' | 'error';

/** What went on while building. */
export type BuildReport = {readonly errors: readonly LabError[]; readonly network: Network};

type Far = {readonly ns: string; readonly name: string};

/** True when this process may build labs (root). */
export function isRoot(): boolean {
	return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Every lab namespace on this machine (made by any run). */
export function labNamespaces(): string[] {
	const listed = spawnSync('ip', ['netns', 'list'], {encoding: 'utf8'});
	if (listed.status !== 0) return [];
	return listed.stdout
		.split('\n')
		.map((line) => line.split(' ')[0] ?? '')
		.filter((name) => LAB_NAMESPACE.test(name));
}

/** Removes every lab namespace (its processes first) and its /etc/netns folder; returns the names removed. */
export function cleanAll(): string[] {
	const names = labNamespaces();
	for (const name of names) removeNamespace(name);
	return names;
}

function removeNamespace(name: string): void {
	const pids = spawnSync('ip', ['netns', 'pids', name], {encoding: 'utf8'});
	for (const pid of (pids.stdout ?? '').split('\n').map(Number).filter((value) => Number.isInteger(value) && value > 0)) {
		try {
			process.kill(pid, 'SIGKILL');
		} catch {
			// already gone
		}
	}
	spawnSync('ip', ['netns', 'del', name]);
	fs.rmSync(path.join('/etc/netns', name), {recursive: true, force: true});
}

/** A lab being built or running. */
export class KernelLab {
	readonly prefix: string;
	private readonly namespaces = new Set<string>();
	private readonly bridges = new Map<string, Far>();
	private readonly cables = new Map<string, Far & {readonly lan: string}>();
	private readonly agents = new Map<string, ChildProcessWithoutNullStreams>();
	private readonly waiting = new Map<number, (result: ProbeResult) => void>();
	private readonly heard = new Set<string>();
	private readonly dir: string;
	private counter = 0;
	private nextProbe = 1;
	readonly errors: LabError[] = [];

	constructor(prefix = `nq${randomBytes(3).readUIntBE(0, 3).toString(36).padStart(4, '0').slice(-4)}`) {
		this.prefix = prefix;
		this.dir = fs.mkdtempSync(path.join(os.tmpdir(), `netquest-lab-${prefix}-`));
		fs.writeFileSync(path.join(this.dir, 'agent.mjs'), AGENT_SOURCE);
	}

	/** The namespace of a host or container. */
	ns(node: string): string {
		return `${this.prefix}-${node}`;
	}

	private infra(which: 'switch' | 'internet'): string {
		return `${this.prefix}_${which === 'switch' ? 'sw' : 'inet'}`;
	}

	private ip(args: readonly string[], context: {node: string; line?: string; step?: string}): boolean {
		const result = spawnSync('ip', args, {encoding: 'utf8'});
		if (result.status === 0) return true;
		this.errors.push({node: context.node, line: context.line ?? `ip ${args.join(' ')}`, message: (result.stderr || result.error?.message || 'failed').trim(), ...(context.step === undefined ? {} : {step: context.step})});
		return false;
	}

	/** Runs a shell line inside a node's namespace; a failure is kept in `errors`. */
	run(node: string, line: string, step?: string): boolean {
		const result = spawnSync('ip', ['netns', 'exec', this.ns(node), 'sh', '-c', line], {encoding: 'utf8'});
		if (result.status === 0) return true;
		this.errors.push({node, line, message: (result.stderr || result.stdout || `exit ${result.status}`).trim(), ...(step === undefined ? {} : {step})});
		return false;
	}

	private addNamespace(name: string, hosts?: readonly string[]): void {
		const folder = path.join('/etc/netns', name);
		fs.mkdirSync(folder, {recursive: true});
		fs.writeFileSync(path.join(folder, 'hosts'), `${(hosts ?? ['127.0.0.1\tlocalhost']).join('\n')}\n`);
		fs.writeFileSync(path.join(folder, 'resolv.conf'), '# netquest lab: names come from /etc/hosts only\noptions timeout:1 attempts:1\n');
		this.namespaces.add(name);
		this.ip(['netns', 'add', name], {node: name});
		this.ip(['-n', name, 'link', 'set', 'lo', 'up'], {node: name});
		// One flat bridge plays the internet: a machine answers ARP only for the addresses of the interface asked on, as across a routed internet.
		// No ICMP rate limit: probes are sent all at once, and each REJECT must answer (the kernel otherwise sends about one a second per peer, and 50 at a burst).
		spawnSync('ip', ['netns', 'exec', name, 'sysctl', '-qw', 'net.ipv4.conf.all.arp_ignore=1', 'net.ipv4.icmp_ratelimit=0', 'net.ipv4.icmp_msgs_per_sec=100000', 'net.ipv4.icmp_msgs_burst=100000']);
	}

	private addNode(node: string, hosts?: readonly string[]): void {
		this.addNamespace(this.ns(node), hosts);
	}

	private writeHosts(node: string, lines: readonly string[]): void {
		fs.writeFileSync(path.join('/etc/netns', this.ns(node), 'hosts'), `${lines.join('\n')}\n`);
	}

	private bridgeOf(lan: Lan): Far {
		const known = this.bridges.get(lan.id);
		if (known !== undefined) return known;
		const ns = lan.on === 'switch' ? this.infra('switch') : lan.on === 'internet' ? this.infra('internet') : this.ns(lan.on);
		const name = lan.on === 'switch' ? `br${this.counter++}` : lan.bridge;
		this.ip(['-n', ns, 'link', 'add', name, 'type', 'bridge'], {node: lan.id});
		if (lan.gateway !== undefined) this.ip(['-n', ns, 'addr', 'add', lan.gateway, 'dev', name], {node: lan.id});
		this.ip(['-n', ns, 'link', 'set', name, 'up'], {node: lan.id});
		const far = {ns, name};
		this.bridges.set(lan.id, far);
		return far;
	}

	private plug(cable: Cable, lans: readonly Lan[]): void {
		const lan = lans.find((item) => item.id === cable.lan);
		if (lan === undefined) return;
		const bridge = this.bridgeOf(lan);
		const name = `${lan.on === 'switch' || lan.on === 'internet' ? 'c' : 'veth'}${this.counter++}`;
		const context = {node: cable.node};
		this.ip(['-n', bridge.ns, 'link', 'add', name, 'type', 'veth', 'peer', 'name', cable.dev, 'netns', this.ns(cable.node)], context);
		this.ip(['-n', bridge.ns, 'link', 'set', name, 'master', bridge.name, 'up'], context);
		this.ip(['-n', this.ns(cable.node), 'link', 'set', cable.dev, 'up'], context);
		this.cables.set(`${cable.node}/${cable.dev}`, {ns: bridge.ns, name, lan: cable.lan});
	}

	private unplug(key: string): void {
		const cable = this.cables.get(key);
		if (cable === undefined) return;
		spawnSync('ip', ['-n', cable.ns, 'link', 'del', cable.name]);
		this.cables.delete(key);
	}

	/**
	 * Builds the network's start state, then applies the hand-in's steps as
	 * their printed lines (re-cabling first where a step moves or attaches a
	 * host), then Docker, DNS and apps from the final network.
	 */
	build(start: Network, steps: readonly LabStep[] = []): BuildReport {
		const plan = labPlan(start);
		this.addNamespace(this.infra('switch'));
		this.addNamespace(this.infra('internet'));
		for (const node of plan.nodes) this.addNode(node.id, plan.hosts.find((item) => item.node === node.id)?.lines);
		for (const lan of plan.lans) this.bridgeOf(lan);
		for (const cable of plan.cables) this.plug(cable, plan.lans);
		for (const entry of plan.setup) for (const line of entry.lines) this.run(entry.node, line);
		for (const entry of plan.docker) for (const line of entry.lines) this.run(entry.node, line);
		for (const step of steps) this.applyStep(step);
		const final = steps.at(-1)?.after ?? start;
		const finalPlan = labPlan(final);
		if (dockerPart(start) !== dockerPart(final)) this.resyncDocker(plan, finalPlan);
		for (const entry of finalPlan.hosts) this.writeHosts(entry.node, entry.lines);
		return {errors: this.errors, network: final};
	}

	private applyStep(step: LabStep): void {
		const before = labPlan(step.before);
		const after = labPlan(step.after);
		const hostIds = new Set(step.after.hosts.map((host) => host.id));
		for (const node of after.nodes) if (node.kind === 'host' && !before.nodes.some((item) => item.id === node.id)) this.addNode(node.id);
		const wanted = after.cables.filter((cable) => hostIds.has(cable.node));
		const fresh: Cable[] = [];
		for (const cable of wanted) {
			const key = `${cable.node}/${cable.dev}`;
			if (this.cables.get(key)?.lan === cable.lan) continue;
			this.unplug(key);
			this.plug(cable, after.lans);
			fresh.push(cable);
		}
		for (const node of step.nodes) for (const line of step.run) this.run(node, line, `${step.line}: ${step.text}`);
		for (const key of [...this.cables.keys()]) {
			const [node] = key.split('/');
			if (step.before.hosts.some((host) => host.id === node) && !wanted.some((cable) => `${cable.node}/${cable.dev}` === key)) this.unplug(key);
		}
		for (const cable of fresh.filter((item) => item.lan === 'internet')) {
			const host = step.after.hosts.find((item) => item.id === cable.node);
			if (host !== undefined) for (const line of providerRoutes(host)) this.run(host.id, line);
		}
		for (const node of before.nodes) {
			if (node.kind === 'host' && !hostIds.has(node.id)) {
				for (const key of [...this.cables.keys()]) if (key.startsWith(`${node.id}/`)) this.unplug(key);
				removeNamespace(this.ns(node.id));
				this.namespaces.delete(this.ns(node.id));
			}
		}
	}

	/** Adds machines of `network` (stand-ins that send a goal's traffic) to a built lab: namespace, cables, addresses, routes, /etc/hosts. */
	addHosts(network: Network, ids: readonly string[]): void {
		const plan = labPlan(network);
		for (const id of ids) this.addNode(id, plan.hosts.find((item) => item.node === id)?.lines);
		for (const cable of plan.cables.filter((item) => ids.includes(item.node))) this.plug(cable, plan.lans);
		for (const entry of plan.setup.filter((item) => ids.includes(item.node))) for (const line of entry.lines) this.run(entry.node, line);
	}

	/** Docker after the hand-in: the old networks' and ports' rules out, containers re-created, the new rules in. */
	private resyncDocker(start: LabPlan, final: LabPlan): void {
		for (const entry of start.docker) {
			for (const line of [...entry.lines].reverse()) this.run(entry.node, line.replace(/ -[AI] /, ' -D '));
		}
		for (const node of start.nodes.filter((item) => item.kind === 'container')) {
			for (const key of [...this.cables.keys()]) if (key.startsWith(`${node.id}/`)) this.unplug(key);
			removeNamespace(this.ns(node.id));
			this.namespaces.delete(this.ns(node.id));
		}
		for (const lan of start.lans) {
			const bridge = this.bridges.get(lan.id);
			if (bridge === undefined || final.lans.some((item) => item.id === lan.id) || lan.on === 'switch' || lan.on === 'internet') continue;
			spawnSync('ip', ['-n', bridge.ns, 'link', 'del', bridge.name]);
			this.bridges.delete(lan.id);
		}
		for (const lan of final.lans) this.bridgeOf(lan);
		const containers = final.nodes.filter((item) => item.kind === 'container').map((item) => item.id);
		for (const id of containers) this.addNode(id);
		for (const cable of final.cables.filter((item) => containers.includes(item.node))) this.plug(cable, final.lans);
		for (const entry of final.setup.filter((item) => containers.includes(item.node))) for (const line of entry.lines) this.run(entry.node, line);
		for (const entry of final.docker) for (const line of entry.lines) this.run(entry.node, line);
	}

	/** Starts one agent per node with its apps (and `extra` apps, probe listeners) and waits until each listens. */
	async start(network: Network, extra: ReadonlyMap<string, readonly App[]> = new Map()): Promise<void> {
		const plan = labPlan(network);
		await Promise.all(plan.servers.map((servers) => this.startAgent({...servers, apps: [...servers.apps, ...(extra.get(servers.node) ?? [])]})));
	}

	private startAgent(servers: Servers): Promise<void> {
		const spec = JSON.stringify({node: servers.node, apps: servers.apps, proxies: servers.proxies});
		const child = spawn('ip', ['netns', 'exec', this.ns(servers.node), process.execPath, path.join(this.dir, 'agent.mjs'), spec], {stdio: ['pipe', 'pipe', 'pipe']});
		this.agents.set(servers.node, child);
		return new Promise((resolve) => {
			const lines = readline.createInterface({input: child.stdout});
			let ready = false;
			const timer = setTimeout(() => {
				if (!ready) this.errors.push({node: servers.node, line: 'agent', message: 'the agent did not start within 30 s'});
				resolve();
			}, 30_000);
			lines.on('line', (line) => {
				const message = JSON.parse(line) as {event?: string; id?: number; result?: ProbeResult; message?: string; app?: string; port?: number; token?: string};
				if (message.event === 'heard') {
					this.heard.add(message.token ?? '');
				} else if (message.event === 'ready') {
					ready = true;
					clearTimeout(timer);
					resolve();
				} else if (message.event === 'error') {
					this.errors.push({node: servers.node, line: `${message.app} listening on ${message.port}`, message: message.message ?? ''});
				} else if (message.id !== undefined) {
					this.waiting.get(message.id)?.(message.result ?? 'error');
					this.waiting.delete(message.id);
				}
			});
			child.on('exit', () => {
				clearTimeout(timer);
				resolve();
			});
			child.stderr.on('data', () => {});
		});
	}

	/** Sends every probe at once and waits for every answer. */
	async probe(requests: readonly ProbeRequest[], timeout = 1200): Promise<ProbeResult[]> {
		const sent = requests.map(
			(request) =>
				new Promise<{id: number; result: ProbeResult}>((resolve) => {
					const agent = this.agents.get(request.from);
					const id = this.nextProbe++;
					if (agent === undefined) return resolve({id, result: 'error'});
					this.waiting.set(id, (result) => resolve({id, result}));
					const token = `${this.prefix}:${id}`;
					agent.stdin.write(`${JSON.stringify({id, token, protocol: request.protocol, to: request.to, port: request.port, sourcePort: request.sourcePort, timeout})}\n`);
				}),
		);
		const answers = await Promise.all(sent);
		return answers.map(({id, result}) => (result === 'timeout' && this.heard.has(`${this.prefix}:${id}`) ? 'arrived' : result));
	}

	/** The namespaces of the lab's hosts and containers, for `ip netns exec`. */
	nodeNamespaces(): string[] {
		return [...this.namespaces].filter((name) => name.startsWith(`${this.prefix}-`));
	}

	/** Stops the agents and removes every namespace, bridge, cable and file the lab made. */
	destroy(): void {
		for (const agent of this.agents.values()) {
			agent.stdin.end();
			agent.kill('SIGKILL');
		}
		this.agents.clear();
		for (const name of this.namespaces) removeNamespace(name);
		this.namespaces.clear();
		fs.rmSync(this.dir, {recursive: true, force: true});
	}
}

/** The Docker part of a network, to tell whether a hand-in changed it. */
function dockerPart(network: Network): string {
	return JSON.stringify([network.containerNetworks, network.containers]);
}
