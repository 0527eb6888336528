/**
 * The fixed list of outcome codes: every trace ends with exactly one, and
 * the UI, `check --json` and level goals all use these words.
 */
export const OUTCOME_CODES = [
	'DELIVERED',
	'BAD_FLOW',
	'NXDOMAIN',
	'CNAME_LOOP',
	'NO_ROUTE',
	'BLACKHOLE',
	'LOOP',
	'HOST_UNREACHABLE',
	'NETWORK_ISOLATED',
	'DENIED_BY_HOST_FIREWALL',
	'DENIED_BY_NETWORK_FIREWALL',
	'REJECTED_BY_HOST_FIREWALL',
	'REJECTED_BY_NETWORK_FIREWALL',
	'DENIED_BY_SECURITY_GROUP',
	'DENIED_BY_NACL',
	'REPLY_DENIED_BY_NACL',
	'NO_PUBLIC_IP',
	'PRIVATE_ADDRESS_UNROUTABLE',
	'NAT_NO_INBOUND',
	'PORT_NOT_PUBLISHED',
	'BOUND_TO_LOCALHOST',
	'CONNECTION_REFUSED',
	'NO_RETURN_ROUTE',
] as const;

/** One outcome code. */
export type OutcomeCode = (typeof OUTCOME_CODES)[number];

/** What each code means, in one line, for help screens and docs. */
export const OUTCOME_SUMMARY: Readonly<Record<OutcomeCode, string>> = {
	DELIVERED: 'the packet reached a listening app (and, for TCP, the reply came back)',
	BAD_FLOW: 'the flow itself is malformed: unknown source, bad port or address',
	NXDOMAIN: 'the name does not exist in DNS',
	CNAME_LOOP: 'CNAME records point at each other (or the chain is too long)',
	NO_ROUTE: 'no route matches the destination',
	BLACKHOLE: 'a route sends the destination to a blackhole (dropped on purpose)',
	LOOP: 'the packet went round in circles until its hop limit (TTL) ran out',
	HOST_UNREACHABLE: 'the destination is in a connected subnet but no host has that address (nobody answers the ARP question “who has this address?”)',
	NETWORK_ISOLATED: 'Docker keeps separate container networks apart',
	DENIED_BY_HOST_FIREWALL: "a rule (or the policy) of a host's own firewall dropped it: the client hears nothing and times out",
	DENIED_BY_NETWORK_FIREWALL: 'a firewall between subnets dropped it: the client hears nothing and times out',
	REJECTED_BY_HOST_FIREWALL: "a reject rule of a host's own firewall refused it: the client is told at once (connection refused)",
	REJECTED_BY_NETWORK_FIREWALL: 'a reject rule of a firewall between subnets refused it: the client is told at once (connection refused)',
	DENIED_BY_SECURITY_GROUP: 'no security group rule allows it',
	DENIED_BY_NACL: 'a network ACL rule (or its final deny) dropped it',
	REPLY_DENIED_BY_NACL: 'the request passed but a stateless network ACL dropped the reply',
	NO_PUBLIC_IP: 'the instance has no public IP, so the internet gateway cannot map it',
	PRIVATE_ADDRESS_UNROUTABLE: 'private addresses (RFC 1918) and carrier-grade NAT space (RFC 6598) are not routed on the internet',
	NAT_NO_INBOUND: 'NAT only lets replies in: a connection started from outside has nowhere to go',
	PORT_NOT_PUBLISHED: "the container listens, but that port is not published on the host",
	BOUND_TO_LOCALHOST: 'the app (or published port) listens on 127.0.0.1 only',
	CONNECTION_REFUSED: 'the packet arrived but nothing listens on that port',
	NO_RETURN_ROUTE: 'the request arrived but the reply has no way back',
};
