/**
 * The checker engine's public API: the network model, address and port
 * math, the outcome codes, flows and traces, goals and grades, and the three
 * things the engine does — trace a flow, grade a network, validate a
 * network — plus name resolution. Everything else in src/engine is internal.
 */

export {
	INTERNET,
	actionSchema,
	addressSchema,
	appSchema,
	chainSchema,
	cidrSchema,
	containerNetworkSchema,
	containerSchema,
	dnsRecordSchema,
	emptyNetwork,
	firewallRuleSchema,
	firewallSchema,
	hostKindSchema,
	hostSchema,
	idSchema,
	interfaceSchema,
	internetGatewaySchema,
	naclRuleSchema,
	natGatewaySchema,
	network,
	networkAclSchema,
	networkSchema,
	portForwardSchema,
	portRangeSchema,
	portSchema,
	protocolSchema,
	publishSchema,
	routeSchema,
	routeTableSchema,
	ruleProtocolSchema,
	securityGroupSchema,
	sgInboundRuleSchema,
	sgOutboundRuleSchema,
	subnetSchema,
	vpcSchema,
} from './network.js';
export type {
	Action,
	App,
	Chain,
	Container,
	ContainerNetwork,
	DnsRecord,
	Firewall,
	FirewallRule,
	Host,
	HostKind,
	Interface,
	InternetGateway,
	NaclRule,
	NatGateway,
	Network,
	NetworkAcl,
	NetworkInput,
	PortForward,
	Protocol,
	Publish,
	Route,
	RouteTable,
	RuleProtocol,
	SecurityGroup,
	SgInboundRule,
	SgOutboundRule,
	Subnet,
	Vpc,
} from './network.js';

export {
	blockSize,
	cidrContains,
	cidrInside,
	cidrsOverlap,
	firstUsable,
	formatAddress,
	formatCidr,
	hostAddressProblem,
	isAddress,
	isCidr,
	isDocumentation,
	isLoopback,
	isPrivate,
	isShared,
	isPublic,
	lastAddress,
	parseAddress,
	parseCidr,
	prefixMask,
	readCidr,
	usableHosts,
} from './address.js';
export type {Cidr, CidrParse, HostAddressProblem} from './address.js';

export {ALL_PORTS, EPHEMERAL_PORTS, formatPortRange, inRange, parsePort, parsePortRange, rangeOf} from './ports.js';
export type {PortRange} from './ports.js';

export {OUTCOME_CODES, OUTCOME_SUMMARY} from './outcome.js';
export type {OutcomeCode} from './outcome.js';

export {flowSchema} from './flow.js';
export type {Decider, Flow, FlowInput, Hop, HopAction, Outcome, Packet, Trace} from './flow.js';

export {blockedGoalSchema, goalSchema, onlyGoalSchema, reachGoalSchema, servicePortSchema, stateCheckSchema, stateGoalSchema} from './goal.js';
export type {
	BlockedGoal,
	Exposure,
	Goal,
	GoalInput,
	GoalResult,
	GradeReport,
	OnlyGoal,
	PortSpan,
	ReachGoal,
	ServicePort,
	StateCheck,
	StateGoal,
} from './goal.js';

export {trace} from './trace.js';
export {grade} from './grade.js';
export {validateNetwork} from './validate.js';
export type {NetworkIssue} from './validate.js';

export {CNAME_LIMIT, describeChain, normalizeName, resolveName} from './dns.js';
export type {DnsStep, Resolution} from './dns.js';
