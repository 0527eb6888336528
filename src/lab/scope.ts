import type {Network} from '../engine/network.js';

/**
 * Which networks the lab can build: on-premises machines and Docker hosts.
 * A VPC and what lives in it (gateways, security groups, network ACLs,
 * instances) is AWS's to run, not a Linux kernel's.
 */

/** Why the lab cannot build this network, or undefined when it can. */
export function outsideLab(network: Network): string | undefined {
	const cloud: [string, number][] = [
		['VPC', network.vpcs.length],
		['internet gateway', network.internetGateways.length],
		['NAT gateway', network.natGateways.length],
		['security group', network.securityGroups.length],
		['network ACL', network.networkAcls.length],
		['cloud instance', network.hosts.filter((host) => host.kind === 'instance').length],
		['VPC subnet', network.subnets.filter((subnet) => subnet.vpc !== undefined).length],
	];
	const found = cloud.filter(([, count]) => count > 0).map(([what]) => what);
	if (found.length === 0) return undefined;
	return `it has AWS parts (${found.join(', ')}): the lab builds on-premises and Docker networks as Linux namespaces, and a VPC is not one`;
}
