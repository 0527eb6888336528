import type {Network} from '../engine/network.js';
import type {
	AnyParam,
	ArgsOf,
	Change,
	CommandDefinition,
	InspectContext,
	Output,
	Problem,
	SessionActionName,
} from './types.js';

/**
 * Builders for entries of the command table. Each takes a typed spec (the
 * argument object is typed from the parameter list) and returns the erased
 * `CommandDefinition`; the usage line is generated from the parameters so
 * help can never disagree with the parser.
 */

type Common<P extends readonly AnyParam[]> = {
	readonly name: string;
	readonly summary: string;
	readonly example: string;
	readonly params: P;
	readonly details?: readonly string[];
	readonly check?: (args: ArgsOf<P>) => Problem | undefined;
};

type Erased = Readonly<Record<string, unknown>>;

/** A configuration command: changes the network and knows its real-world equivalent. */
export function config<const P extends readonly AnyParam[]>(
	spec: Common<P> & {
		readonly apply: (network: Network, args: ArgsOf<P>) => Change | Problem;
		readonly realWorld: (args: ArgsOf<P>, before: Network, after: Network) => string[];
	},
): CommandDefinition {
	return {
		...base(spec, 'config'),
		apply: (network, args) => spec.apply(network, args as ArgsOf<P>),
		realWorld: (args, before, after) => spec.realWorld(args as ArgsOf<P>, before, after),
	};
}

/** An inspection command: looks at the network, never changes it. */
export function inspection<const P extends readonly AnyParam[]>(
	spec: Common<P> & {
		readonly inspect: (network: Network, args: ArgsOf<P>, context: InspectContext) => Output | Problem;
		readonly realWorld: (args: ArgsOf<P>) => string[];
	},
): CommandDefinition {
	return {
		...base(spec, 'inspect'),
		inspect: (network, args, context) => spec.inspect(network, args as ArgsOf<P>, context),
		realWorld: (args) => spec.realWorld(args as ArgsOf<P>),
	};
}

/** A session command: asks the game to undo, reset, show a hint, help, goals or check. */
export function session<const P extends readonly AnyParam[]>(spec: Common<P> & {readonly action: SessionActionName}): CommandDefinition {
	return {...base(spec, 'session'), action: spec.action, realWorld: () => []};
}

/** A refusal pointing at argument `at` (or at the whole command). */
export function fail(problem: string, at?: string, extra?: {expected?: string; suggestion?: string}): Problem {
	return {problem, ...(at === undefined ? {} : {at}), ...extra};
}

/** True when a definition's result is a refusal. */
export function isProblem(value: object): value is Problem {
	return 'problem' in value;
}

function base<P extends readonly AnyParam[]>(spec: Common<P>, kind: CommandDefinition['kind']) {
	const [noun, ...rest] = spec.name.split(' ');
	const verb = rest.join(' ');
	return {
		name: spec.name,
		noun: noun!,
		...(verb === '' ? {} : {verb}),
		kind,
		usage: usageOf(spec.name, spec.params),
		summary: spec.summary,
		example: spec.example,
		details: spec.details ?? [],
		params: spec.params,
		...(spec.check === undefined ? {} : {check: (args: Erased) => spec.check!(args as ArgsOf<P>)}),
	};
}

/** The usage line of a command: short switches (`-z`, as nc writes them), positional parameters in order, then `--options`. */
export function usageOf(name: string, params: readonly AnyParam[]): string {
	const short = (param: AnyParam) => param.flag !== undefined && !param.flag.startsWith('--');
	const parts = [name];
	for (const param of params.filter(short)) parts.push(paramUsage(param));
	for (const param of params.filter((p) => p.flag === undefined)) parts.push(paramUsage(param));
	for (const param of params.filter((p) => p.flag !== undefined && !short(p))) parts.push(paramUsage(param));
	return parts.join(' ');
}

function paramUsage(param: AnyParam): string {
	let text = param.label;
	if (param.flag !== undefined) text = param.switch === true ? param.flag : `${param.flag} ${param.label}`;
	else if (param.keyword !== undefined) text = param.keywordOptional === true ? `[${param.keyword}] ${text}` : `${param.keyword} ${text}`;
	if (param.rest === true) text = `${text}…`;
	if (param.optional || param.repeat === true || param.switch === true) text = `[${text}]`;
	if (param.repeat === true) text = `${text}…`;
	return text;
}
