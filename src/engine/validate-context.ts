import {INTERNET, type Network} from './network.js';

/**
 * Shared pieces of network validation: the issue type, an index of every
 * entity by id, and the duplicate-id check.
 */

/** A problem with a network on its own: where (path segments from the network root), what, and the offending value. */
export type NetworkIssue = {
	/** Path segments from the network root, e.g. ['hosts', 2, 'interfaces', 0, 'ip']. */
	readonly path: readonly (string | number)[];
	readonly message: string;
	readonly value?: unknown;
};

/** The lists of a network whose entries carry an id. */
export const ENTITY_LISTS = [
	'hosts',
	'subnets',
	'routeTables',
	'vpcs',
	'internetGateways',
	'natGateways',
	'securityGroups',
	'networkAcls',
	'containerNetworks',
	'containers',
] as const;

/** One of those lists. */
export type EntityList = (typeof ENTITY_LISTS)[number];

/** What an entity of each list is called in a sentence. */
export const ENTITY_NOUN: Readonly<Record<EntityList, string>> = {
	hosts: 'host',
	subnets: 'subnet',
	routeTables: 'route table',
	vpcs: 'VPC',
	internetGateways: 'internet gateway',
	natGateways: 'NAT gateway',
	securityGroups: 'security group',
	networkAcls: 'network ACL',
	containerNetworks: 'container network',
	containers: 'container',
};

/** Where an id is defined (the first definition when it is duplicated). */
export type EntityRef = {readonly list: EntityList; readonly index: number};

/** Every entity by id, for reference checks. */
export type EntityIndex = ReadonlyMap<string, EntityRef>;

/** Indexes every entity by id; the first definition of a duplicated id wins. */
export function indexEntities(network: Network): EntityIndex {
	const index = new Map<string, EntityRef>();
	for (const list of ENTITY_LISTS) {
		network[list].forEach((entity, position) => {
			if (!index.has(entity.id)) index.set(entity.id, {list, index: position});
		});
	}
	return index;
}

/** Ids used twice anywhere in the network, and the reserved id `internet`. */
export function checkIds(network: Network, index: EntityIndex): NetworkIssue[] {
	const issues: NetworkIssue[] = [];
	for (const list of ENTITY_LISTS) {
		network[list].forEach((entity, position) => {
			const path = [list, position, 'id'];
			const noun = ENTITY_NOUN[list];
			if (entity.id === INTERNET) {
				issues.push({path, message: `'${INTERNET}' is reserved for the public internet; give this ${noun} another id`, value: entity.id});
			}
			const first = index.get(entity.id);
			if (first !== undefined && (first.list !== list || first.index !== position)) {
				issues.push({
					path,
					message: `id '${entity.id}' is already used by ${ENTITY_NOUN[first.list]} #${first.index + 1}; ids must be unique across the whole network`,
					value: entity.id,
				});
			}
		});
	}
	return issues;
}

/** The noun with `a` or `an`: `a subnet`, `an internet gateway`. */
export function withArticle(noun: string): string {
	return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}

/**
 * Checks that `id` names an entity of `expected` kind; an issue naming what
 * it is instead (or that it does not exist) otherwise.
 */
export function checkReference(
	index: EntityIndex,
	path: readonly (string | number)[],
	id: string,
	expected: EntityList,
	owner: string,
): NetworkIssue[] {
	const found = index.get(id);
	const noun = ENTITY_NOUN[expected];
	if (found === undefined) return [{path, message: `${owner} names ${noun} '${id}', which does not exist`, value: id}];
	if (found.list !== expected) {
		return [{path, message: `${owner} names '${id}' as ${withArticle(noun)}, but '${id}' is ${withArticle(ENTITY_NOUN[found.list])}`, value: id}];
	}
	return [];
}
