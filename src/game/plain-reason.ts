import type {Goal, GoalResult, StateCheck} from '../engine/goal.js';
import type {OutcomeCode} from '../engine/outcome.js';

/**
 * Why a goal fails, in the player's words first (pure). The engine's results
 * carry an outcome code and a precise sentence; a learner needs to hear
 * first what that means for the goal ("it still gets in, but to a port where
 * nothing listens — that is not the same as being blocked"), and only then
 * the code. Everything here reads the generic parts of a result (kind,
 * passed, code, the ports of an `only` goal), so new goal semantics keep
 * their wording.
 */

/** What happened to a packet, as a short clause ("nothing listens on that port"). */
const WHAT_HAPPENED: Readonly<Record<OutcomeCode, string>> = {
	DELIVERED: 'it gets all the way there',
	BAD_FLOW: 'the connection cannot even start (an unknown machine, port or address)',
	NXDOMAIN: 'the name is not in DNS',
	CNAME_LOOP: 'the name’s CNAME records point round in a circle',
	NO_ROUTE: 'no route says where to send it',
	BLACKHOLE: 'a route throws it away on purpose (blackhole)',
	LOOP: 'routers pass it round in a circle until it expires',
	HOST_UNREACHABLE: 'no machine in that subnet has the address',
	NETWORK_ISOLATED: 'the two containers share no Docker network',
	DENIED_BY_HOST_FIREWALL: 'a machine’s own firewall drops it',
	DENIED_BY_NETWORK_FIREWALL: 'the firewall between the subnets drops it',
	REJECTED_BY_HOST_FIREWALL: 'a machine’s own firewall refuses it',
	REJECTED_BY_NETWORK_FIREWALL: 'the firewall between the subnets refuses it',
	DENIED_BY_SECURITY_GROUP: 'no security group rule lets it through',
	DENIED_BY_NACL: 'a network ACL drops it',
	REPLY_DENIED_BY_NACL: 'the request gets there, but a network ACL drops the answer on its way back',
	NO_PUBLIC_IP: 'the instance has no public address the internet gateway could map',
	PRIVATE_ADDRESS_UNROUTABLE: 'it is sent to a private address, which the internet never routes',
	NAT_NO_INBOUND: 'NAT lets only answers in, not new connections from outside',
	PORT_NOT_PUBLISHED: 'the container’s port is not published on its host',
	BOUND_TO_LOCALHOST: 'the app listens only to its own machine (127.0.0.1)',
	CONNECTION_REFUSED: 'it arrives, but nothing listens on that port',
	NO_RETURN_ROUTE: 'it arrives, but the answer has no route back',
};

/** Codes that mean the packet got all the way to the target machine: not "blocked" in any useful sense. */
const ARRIVED: ReadonlySet<OutcomeCode> = new Set(['CONNECTION_REFUSED', 'BOUND_TO_LOCALHOST', 'PORT_NOT_PUBLISHED']);

/** The short clause for an outcome code. */
export function whatHappened(code: OutcomeCode): string {
	return WHAT_HAPPENED[code];
}

function spansText(spans: GoalResult['extra']): string {
	const list = (spans ?? []).slice(0, 3).map((span) => (span.to === undefined || span.to === span.port ? `${span.protocol} ${span.port}` : `${span.protocol} ${span.port}-${span.to}`));
	const more = (spans?.length ?? 0) > 3 ? ', …' : '';
	return list.join(', ') + more;
}

/**
 * The plain sentence for a goal's result: for a failing goal, what is wrong
 * in the player's words; for a passing one, a short "done". `goal` (the
 * level's definition) lets a blocked goal say which reason it wanted.
 */
export function plainReason(result: GoalResult, goal?: Goal): string {
	if (result.passed) return result.kind === 'state' ? 'Done: the setup is right.' : 'Done: the network behaves as this goal asks.';
	const code = result.code;
	switch (result.kind) {
		case 'reach':
			if (code === undefined) return 'It cannot be checked yet.';
			if (code === 'DELIVERED') return 'It gets there, but not along the way this goal asks for.';
			return `It does not get through yet: ${whatHappened(code)}.`;
		case 'blocked': {
			if (code === undefined) return 'It cannot be checked yet.';
			if (code === 'DELIVERED') return 'It still gets through: nothing on the way stops it.';
			const wanted = goal?.kind === 'blocked' && goal.codes !== undefined ? goal.codes.map(whatHappened) : [];
			const want = wanted.length > 0 ? ` This goal wants it stopped because ${wanted.join(', or because ')}.` : '';
			if (ARRIVED.has(code)) return `It still gets in, only ${whatHappened(code).replace(/^it arrives, but /, '')} — that is not the same as being blocked.${want}`;
			return `It is stopped, but not the way this goal asks: ${whatHappened(code)}.${want}`;
		}
		case 'only': {
			const parts: string[] = [];
			if ((result.extra?.length ?? 0) > 0) {
				const arrivedOnly = code !== undefined && ARRIVED.has(code);
				parts.push(
					`Too open: traffic still gets to ${spansText(result.extra)}${arrivedOnly ? ' — refused only because nothing listens there, which is not closed' : ''}.`,
				);
			}
			if ((result.missing?.length ?? 0) > 0) parts.push(`Too closed: ${spansText(result.missing)} should work but does not.`);
			return parts.length > 0 ? parts.join(' ') : code === undefined ? 'It cannot be checked yet.' : `Not as asked: ${whatHappened(code)}.`;
		}
		case 'state':
			return 'The setup is not right yet.';
	}
}

/**
 * The whole reason of a result as the panel, the trace view and `goals`
 * show it: the plain sentence first, then the code and the engine's own
 * sentence. A state goal's own sentence is already plain: it stands alone.
 */
export function reasonText(result: GoalResult, goal?: Goal): string {
	if (result.passed) return result.message;
	if (result.kind === 'state') return result.message;
	const code = result.code !== undefined && result.code !== 'DELIVERED' ? `${result.code}: ` : '';
	return `${plainReason(result, goal)} (${code}${result.message})`;
}

/** What a state check is for, in one sentence, for the player who picks it with Ctrl+G. */
export function stateCheckPurpose(check: StateCheck): string {
	switch (check.check) {
		case 'subnet-in-vpc':
			return `Subnet ${check.subnet} must exist and its block must lie inside its VPC's block: a VPC only holds addresses from its own range.`;
		case 'no-overlap':
			return 'No two subnets may share an address: a router could not tell which subnet an address in both belongs to.';
		case 'subnet-private':
			return `Subnet ${check.subnet} must be private: its route table may not send anything to an internet gateway, so the internet cannot reach its hosts directly.`;
		case 'subnet-public':
			return `Subnet ${check.subnet} must be public: its route table sends 0.0.0.0/0 (everything not local) to an internet gateway attached to its VPC.`;
		case 'subnet-within':
			return `${check.subnet === undefined ? 'Every subnet' : `Subnet ${check.subnet}`} must be carved out of ${check.cidr}, the address plan.`;
		case 'subnet-size':
			return `Subnet ${check.subnet} must have room for ${check.hosts} hosts once the addresses it cannot give out are taken away.`;
		case 'host-in-subnet':
			return `${check.host} must have an interface (an address) in subnet ${check.subnet}.`;
		case 'resolves':
			return `The name ${check.name} must resolve${check.from === undefined ? '' : ` from ${check.from}`} to ${check.address}: that is what clients will connect to.`;
	}
}

/** The lines that explain a goal picked with Ctrl+G when it has no trace (a state goal): what it checks and where it stands. */
export function explainGoalLines(result: GoalResult, goal?: Goal): string[] {
	const lines = [`${result.passed ? '✓' : '✗'} ${result.description}`];
	if (goal?.kind === 'state') lines.push(`  What it checks: ${stateCheckPurpose(goal.state)}`);
	lines.push(`  ${result.passed ? 'Now' : 'Why it fails'}: ${reasonText(result, goal)}`);
	if (goal?.kind === 'state') lines.push('  It checks the setup, not a packet, so there is no trace: use show to look at the setup.');
	return lines;
}
