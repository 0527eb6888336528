import {describeDecider} from './render-trace.js';
import type {Decider} from '../engine/flow.js';
import type {Network} from '../engine/network.js';
import {
	describeApp,
	describeDnsRecord,
	describeFirewallRule,
	describeNaclRule,
	describePortForward,
	describePublish,
	describeRoute,
	describeSgInbound,
	describeSgOutbound,
} from './network-text.js';

/** The line of configuration a decider points at, quoted from the network; undefined when it names no single line. */
export function decidingLine(network: Network, decider: Decider): string | undefined {
	const at = decider.index;
	switch (decider.kind) {
		case 'dns-record': {
			const record = at === undefined ? undefined : network.dns[at];
			return record && describeDnsRecord(record);
		}
		case 'route': {
			const table = network.routeTables.find((candidate) => candidate.id === decider.id);
			// describeDecider already says "the local route" or "no route matches".
			if (at === undefined) return undefined;
			const route = table?.routes[at];
			return route && describeRoute(route);
		}
		case 'firewall-rule': {
			const chain = decider.list as 'input' | 'output' | 'forward' | undefined;
			const host = network.hosts.find((candidate) => candidate.id === decider.id);
			const rule = chain && at !== undefined ? host?.firewall?.[chain]?.rules[at] : undefined;
			return rule && describeFirewallRule(rule);
		}
		case 'firewall-policy': {
			const chain = decider.list as 'input' | 'output' | 'forward' | undefined;
			const policy = chain ? network.hosts.find((candidate) => candidate.id === decider.id)?.firewall?.[chain]?.policy : undefined;
			return policy && `${policy} (no rule matched)`;
		}
		case 'security-group': {
			const group = network.securityGroups.find((candidate) => candidate.id === decider.id);
			if (!group || at === undefined) return undefined;
			if (decider.list === 'outbound') {
				const rule = group.outbound[at];
				return rule && describeSgOutbound(rule);
			}
			const rule = group.inbound[at];
			return rule && describeSgInbound(rule);
		}
		case 'nacl-rule': {
			const acl = network.networkAcls.find((candidate) => candidate.id === decider.id);
			const rule = (decider.list === 'outbound' ? acl?.outbound : acl?.inbound)?.find((candidate) => candidate.rule === decider.rule);
			return rule && describeNaclRule(rule);
		}
		case 'app': {
			const owner = network.hosts.find((candidate) => candidate.id === decider.id) ?? network.containers.find((candidate) => candidate.id === decider.id);
			const app = at === undefined ? undefined : owner?.apps[at];
			return app && describeApp(app);
		}
		case 'publish': {
			const publish = at === undefined ? undefined : network.containers.find((candidate) => candidate.id === decider.id)?.publish[at];
			return publish && `-p ${describePublish(publish)}`;
		}
		case 'port-forward': {
			const forward = at === undefined ? undefined : network.hosts.find((candidate) => candidate.id === decider.id)?.nat?.portForwards[at];
			return forward && describePortForward(forward);
		}
		case 'nat-gateway': {
			const gateway = network.natGateways.find((candidate) => candidate.id === decider.id);
			return gateway && `${gateway.privateIp} ⇄ ${gateway.publicIp}`;
		}
		case 'nacl-default':
		case 'internet-gateway':
		case 'nat':
			return undefined;
	}
}

/**
 * What decided a hop, in the command language's words, with the player's own
 * rule or route quoted from `network` (the network the trace ran over; when
 * it is not known, nothing is quoted): `route table rt-private, route #1: 0.0.0.0/0 → nat-gw-1`.
 */
export function quoteDecider(network: Network | undefined, decider: Decider): string {
	const line = network && decidingLine(network, decider);
	return line ? `${describeDecider(decider)}: ${line}` : describeDecider(decider);
}
