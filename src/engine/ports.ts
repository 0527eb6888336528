/** Ports and inclusive port ranges. */

/** An inclusive range of ports, 1 ≤ from ≤ to ≤ 65535. */
export type PortRange = {readonly from: number; readonly to: number};

/** The whole port space. */
export const ALL_PORTS: PortRange = {from: 1, to: 65535};

/** The ephemeral ports a client may pick as its source port (the range AWS tells NACLs to allow). */
export const EPHEMERAL_PORTS: PortRange = {from: 1024, to: 65535};

const portPattern = /^(?:[1-9]\d{0,4})$/;

/** Parses a port number written in decimal (no sign, no leading zeros); undefined when out of 1–65535. */
export function parsePort(text: string): number | undefined {
	if (!portPattern.test(text)) return undefined;
	const port = Number(text);
	return port <= 65535 ? port : undefined;
}

/** Parses `"443"` or `"1024-65535"` (from ≤ to); undefined when it is not one. */
export function parsePortRange(text: string): PortRange | undefined {
	const dash = text.indexOf('-');
	if (dash < 0) {
		const port = parsePort(text);
		return port === undefined ? undefined : {from: port, to: port};
	}
	const from = parsePort(text.slice(0, dash));
	const to = parsePort(text.slice(dash + 1));
	if (from === undefined || to === undefined || from > to) return undefined;
	return {from, to};
}

/** Formats a range as `"443"` or `"1024-65535"`. */
export function formatPortRange(range: PortRange): string {
	return range.from === range.to ? String(range.from) : `${range.from}-${range.to}`;
}

/** The range a rule's optional `ports` text covers (every port when omitted). */
export function rangeOf(ports: string | undefined): PortRange {
	return ports === undefined ? ALL_PORTS : (parsePortRange(ports) ?? ALL_PORTS);
}

/** True when `port` lies in `range`. */
export function inRange(range: PortRange, port: number): boolean {
	return port >= range.from && port <= range.to;
}
