import {APP_COMMANDS} from './definitions/app.js';
import {CONTAINER_COMMANDS} from './definitions/container.js';
import {DNS_COMMANDS} from './definitions/dns.js';
import {FIREWALL_COMMANDS} from './definitions/firewall.js';
import {HOST_COMMANDS} from './definitions/host.js';
import {INSPECT_COMMANDS} from './definitions/inspect.js';
import {NACL_COMMANDS} from './definitions/nacl.js';
import {NAT_COMMANDS} from './definitions/nat.js';
import {ROUTE_COMMANDS} from './definitions/route.js';
import {SESSION_COMMANDS} from './definitions/session.js';
import {SG_COMMANDS} from './definitions/sg.js';
import {SUBNET_COMMANDS} from './definitions/subnet.js';
import {VPC_COMMANDS} from './definitions/vpc.js';
import type {CommandDefinition} from './types.js';

/**
 * THE command table: every command the player can type, in the order help
 * lists them (the order of the seed document: addressing, ports, segments,
 * firewalls, NAT, the cloud, containers; then inspection and session).
 * Parsing, help, completion and allowed-lists all derive from it.
 */
export const COMMANDS: readonly CommandDefinition[] = [
	...DNS_COMMANDS,
	...HOST_COMMANDS,
	...APP_COMMANDS,
	...SUBNET_COMMANDS,
	...ROUTE_COMMANDS,
	...FIREWALL_COMMANDS,
	...NAT_COMMANDS,
	...VPC_COMMANDS,
	...SG_COMMANDS,
	...NACL_COMMANDS,
	...CONTAINER_COMMANDS,
	...INSPECT_COMMANDS,
	...SESSION_COMMANDS,
];

/** The definition with this exact name (`route add`), if any. */
export function definitionOf(name: string): CommandDefinition | undefined {
	return COMMANDS.find((definition) => definition.name === name);
}
