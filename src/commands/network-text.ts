import type {
	App,
	Chain,
	DnsRecord,
	FirewallRule,
	NaclRule,
	Network,
	PortForward,
	Publish,
	Route,
	SgInboundRule,
	SgOutboundRule,
} from '../engine/network.js';

/**
 * One-line descriptions of network components, in the words the commands
 * use, shared by the network view and the trace view. Positions shown to
 * the player are 1-based (iptables numbering).
 */

function ports(protocol: string, range: string | undefined): string {
	if (protocol === 'all') return 'all';
	return range ? `${protocol} ${range}` : `${protocol} any port`;
}

/** `allow tcp 443 from 0.0.0.0/0`. */
export function describeFirewallRule(rule: FirewallRule): string {
	const parts = [rule.action, ports(rule.protocol, rule.ports)];
	if (rule.source) parts.push(`from ${rule.source}`);
	if (rule.destination) parts.push(`to ${rule.destination}`);
	return parts.join(' ');
}

/** `policy deny, 2 rules`. */
export function describeChain(chain: Chain): string {
	return `policy ${chain.policy}, ${chain.rules.length} rule${chain.rules.length === 1 ? '' : 's'}`;
}

/** `tcp 443 from 0.0.0.0/0`. */
export function describeSgInbound(rule: SgInboundRule): string {
	return `${ports(rule.protocol, rule.ports)} from ${rule.source}`;
}

/** `all to 0.0.0.0/0`. */
export function describeSgOutbound(rule: SgOutboundRule): string {
	return `${ports(rule.protocol, rule.ports)} to ${rule.destination}`;
}

/** `100 allow tcp 443 0.0.0.0/0`. */
export function describeNaclRule(rule: NaclRule): string {
	return `${rule.rule} ${rule.action} ${ports(rule.protocol, rule.ports)} ${rule.cidr}`;
}

/** `0.0.0.0/0 → igw-1`. */
export function describeRoute(route: Route): string {
	return `${route.destination} → ${route.target}`;
}

/** `website 443/tcp` (with `@127.0.0.1` when not bound to every interface). */
export function describeApp(app: App): string {
	return `${app.name} ${app.port}/${app.protocol}${app.bind === '0.0.0.0' ? '' : ` @${app.bind}`}`;
}

/** `127.0.0.1:3306→3306/tcp` (hostIp omitted when 0.0.0.0), like `docker ps`. */
export function describePublish(publish: Publish): string {
	const host = publish.hostIp === '0.0.0.0' ? '' : `${publish.hostIp}:`;
	return `${host}${publish.hostPort}→${publish.containerPort}/${publish.protocol}`;
}

/** `tcp 80 → 10.0.1.10:80`. */
export function describePortForward(forward: PortForward): string {
	return `${forward.protocol} ${forward.port} → ${forward.toIp}:${forward.toPort}`;
}

/** `travelbuddy.com A 203.0.113.10`. */
export function describeDnsRecord(record: DnsRecord): string {
	return `${record.name} ${record.type} ${record.value}`;
}

/** The words for a host or other component id: its label when it has one. */
export function nameOf(network: Network, id: string): string {
	const host = network.hosts.find((candidate) => candidate.id === id);
	return host?.label ? `${id} (${host.label})` : id;
}
