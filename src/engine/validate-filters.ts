import {isAddress, isCidr} from './address.js';
import type {Chain, NaclRule, Network, RuleProtocol} from './network.js';
import {checkReference, type EntityIndex, type NetworkIssue} from './validate-context.js';

/**
 * Validation of filters: security groups and network ACLs named by hosts and
 * subnets, rule sources and destinations, NACL rule numbers, and ports on
 * rules that match every protocol.
 */

type Path = readonly (string | number)[];

/** `ports` only means something with tcp or udp (iptables refuses `--dport` without `-p tcp|udp`). */
function portsWithAll(rule: {readonly protocol: RuleProtocol; readonly ports?: string | undefined}, path: Path, owner: string): NetworkIssue[] {
	if (rule.protocol !== 'all' || rule.ports === undefined) return [];
	return [
		{
			path: [...path, 'ports'],
			message: `${owner}: a rule for protocol all matches every port, so ports ${rule.ports} means nothing; choose tcp or udp, or drop the ports`,
			value: rule.ports,
		},
	];
}

function checkPeer(index: EntityIndex, peer: string, path: Path, owner: string, role: string): NetworkIssue[] {
	if (isCidr(peer)) return [];
	if (index.get(peer)?.list === 'securityGroups') return [];
	const hint = isAddress(peer) ? ` (for one address write ${peer}/32)` : '';
	return [
		{
			path: [...path],
			message: `${owner}: ${role} '${peer}' is neither a CIDR block like 10.0.0.0/16 nor a security group${hint}`,
			value: peer,
		},
	];
}

function checkGroups(network: Network, index: EntityIndex): NetworkIssue[] {
	const issues: NetworkIssue[] = [];
	network.securityGroups.forEach((group, position) => {
		const owner = `security group ${group.id}`;
		if (group.vpc !== undefined) issues.push(...checkReference(index, ['securityGroups', position, 'vpc'], group.vpc, 'vpcs', owner));
		group.inbound.forEach((rule, slot) => {
			const path = ['securityGroups', position, 'inbound', slot];
			issues.push(...checkPeer(index, rule.source, [...path, 'source'], owner, 'source'));
			issues.push(...portsWithAll(rule, path, owner));
		});
		group.outbound.forEach((rule, slot) => {
			const path = ['securityGroups', position, 'outbound', slot];
			issues.push(...checkPeer(index, rule.destination, [...path, 'destination'], owner, 'destination'));
			issues.push(...portsWithAll(rule, path, owner));
		});
	});
	network.hosts.forEach((host, position) => {
		host.securityGroups.forEach((groupId, slot) => {
			issues.push(...checkReference(index, ['hosts', position, 'securityGroups', slot], groupId, 'securityGroups', `host ${host.id}`));
		});
	});
	return issues;
}

function checkAclRules(rules: readonly NaclRule[], path: Path, owner: string, direction: string): NetworkIssue[] {
	const issues: NetworkIssue[] = [];
	const seen = new Set<number>();
	rules.forEach((rule, slot) => {
		if (seen.has(rule.rule)) {
			issues.push({
				path: [...path, slot, 'rule'],
				message: `${owner}: rule number ${rule.rule} is used twice in the ${direction} rules; each rule needs its own number`,
				value: rule.rule,
			});
		}
		seen.add(rule.rule);
		issues.push(...portsWithAll(rule, [...path, slot], owner));
	});
	return issues;
}

function checkAcls(network: Network, index: EntityIndex): NetworkIssue[] {
	const issues: NetworkIssue[] = [];
	network.networkAcls.forEach((acl, position) => {
		const owner = `network ACL ${acl.id}`;
		if (acl.vpc !== undefined) issues.push(...checkReference(index, ['networkAcls', position, 'vpc'], acl.vpc, 'vpcs', owner));
		issues.push(...checkAclRules(acl.inbound, ['networkAcls', position, 'inbound'], owner, 'inbound'));
		issues.push(...checkAclRules(acl.outbound, ['networkAcls', position, 'outbound'], owner, 'outbound'));
	});
	network.subnets.forEach((subnet, position) => {
		if (subnet.networkAcl === undefined) return;
		issues.push(...checkReference(index, ['subnets', position, 'networkAcl'], subnet.networkAcl, 'networkAcls', `subnet ${subnet.id}`));
	});
	return issues;
}

function checkChains(network: Network): NetworkIssue[] {
	const issues: NetworkIssue[] = [];
	network.hosts.forEach((host, position) => {
		const chains: [string, Chain | undefined][] = [
			['input', host.firewall?.input],
			['output', host.firewall?.output],
			['forward', host.firewall?.forward],
		];
		for (const [name, chain] of chains) {
			chain?.rules.forEach((rule, slot) => {
				const path = ['hosts', position, 'firewall', name, 'rules', slot];
				issues.push(...portsWithAll(rule, path, `host ${host.id} (${name} chain)`));
				// Loopback packets never leave the host, so they never reach FORWARD (iptables(8) -i/-o).
				if (name === 'forward' && rule.interface !== undefined) {
					issues.push({path: [...path, 'interface'], message: `host ${host.id} (forward chain): loopback packets never leave the host, so a rule on lo never matches here; put it on input or output`, value: rule.interface});
				}
			});
		}
	});
	return issues;
}

/** Every filter problem of the network, in list order. */
export function checkFilters(network: Network, index: EntityIndex): NetworkIssue[] {
	return [...checkGroups(network, index), ...checkAcls(network, index), ...checkChains(network)];
}
