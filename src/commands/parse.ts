import type {Network} from '../engine/network.js';
import {nearest} from './suggest.js';
import {tokenize, type Token} from './tokenize.js';
import type {AnyParam, Command, CommandDefinition, CommandError, ParseResult, Problem, Read, ReadContext, Span} from './types.js';

/**
 * Text → command, driven entirely by the definition table: the first word
 * (and, for `noun verb` commands, the second) picks the definition, flags are
 * read wherever they appear, then positional parameters in order. Every
 * failure is a value pointing at the offending word.
 */

/** How the command name was found in a token list. */
export type NameMatch =
	| {readonly ok: true; readonly definition: CommandDefinition; readonly argsFrom: number; readonly span: Span}
	| {readonly ok: false; readonly error: CommandError};

/** Picks the definition named by the first word(s) of `tokens`. */
export function matchName(commands: readonly CommandDefinition[], tokens: readonly Token[], text: string): NameMatch {
	const first = tokens[0];
	if (first === undefined) {
		return {ok: false, error: {message: 'type a command — help lists them', start: 0, end: text.length, expected: 'a command'}};
	}
	const noun = first.quoted ? '' : first.text.toLowerCase();
	const family = commands.filter((definition) => definition.noun === noun);
	if (family.length === 0) {
		const suggestion = nearest(first.text, nouns(commands));
		return {
			ok: false,
			error: {
				message: `unknown command '${first.text}'${suggestion === undefined ? ' — type help to list the commands' : ` — did you mean '${suggestion}'?`}`,
				start: first.start,
				end: first.end,
				expected: 'a command (type help)',
				...(suggestion === undefined ? {} : {suggestion}),
			},
		};
	}
	const single = family.find((definition) => definition.verb === undefined);
	if (single !== undefined) return {ok: true, definition: single, argsFrom: 1, span: {start: first.start, end: first.end}};
	const verbs = family.map((definition) => definition.verb!);
	const second = tokens[1];
	if (second === undefined) {
		return {
			ok: false,
			error: {message: `'${noun}' needs one of: ${verbs.join(', ')}`, start: text.length, end: text.length, expected: verbs.join('|')},
		};
	}
	const definition = family.find((entry) => !second.quoted && entry.verb === second.text.toLowerCase());
	if (definition === undefined) {
		const suggestion = nearest(second.text, verbs);
		return {
			ok: false,
			error: {
				message: `'${noun}' has no '${second.text}'${suggestion === undefined ? '' : ` — did you mean '${noun} ${suggestion}'?`} (${noun}: ${verbs.join(', ')})`,
				start: second.start,
				end: second.end,
				expected: verbs.join('|'),
				...(suggestion === undefined ? {} : {suggestion}),
			},
		};
	}
	return {ok: true, definition, argsFrom: 2, span: {start: first.start, end: second.end}};
}

/** Every first word of the table, without repeats, in table order. */
export function nouns(commands: readonly CommandDefinition[]): string[] {
	return [...new Set(commands.map((definition) => definition.noun))];
}

/** Parses one line against a command table (`parse` in index.ts binds THE table). Never throws. */
export function parseWith(commands: readonly CommandDefinition[], text: string, network?: Network): ParseResult {
	const tokenized = tokenize(text);
	if (!tokenized.ok) return {ok: false, error: {message: tokenized.message, start: tokenized.start, end: tokenized.end}};
	const tokens = tokenized.tokens;
	const match = matchName(commands, tokens, text);
	if (!match.ok) return match;
	const {definition} = match;
	const args: Record<string, unknown> = {};
	const spans: Record<string, Span> = {};
	const context: ReadContext = {...(network === undefined ? {} : {network}), args, commands};
	const end = text.trimEnd().length;
	const fail = (error: CommandError): ParseResult => ({ok: false, error});
	const read = (param: AnyParam, token: Token): CommandError | undefined => {
		const result: Read<unknown> = param.read(token, context);
		if (!result.ok) return readError(result, token);
		if (param.repeat === true) {
			((args[param.name] ??= []) as unknown[]).push(result.value);
		} else args[param.name] = result.value;
		spans[param.name] = {start: token.start, end: token.end};
		return undefined;
	};

	// Flags first, wherever they are; commands that take the rest of the line have none.
	const positional: Token[] = [];
	const takesRest = definition.params.some((param) => param.rest === true);
	const flags = definition.params.filter((param) => param.flag !== undefined);
	for (let index = match.argsFrom; index < tokens.length; index++) {
		const token = tokens[index]!;
		if (takesRest || token.quoted || !/^-[a-z-]/i.test(token.text)) {
			positional.push(token);
			continue;
		}
		const equals = token.text.indexOf('=');
		const name = (equals < 0 ? token.text : token.text.slice(0, equals)).toLowerCase();
		const param = flags.find((candidate) => candidate.flag === name);
		if (param === undefined) {
			const suggestion = nearest(name, flags.map((candidate) => candidate.flag!));
			const known = flags.length === 0 ? `${definition.name} takes no options` : `options: ${flags.map((candidate) => candidate.flag).join(', ')}`;
			return fail({
				message: `unknown option '${name}'${suggestion === undefined ? '' : ` — did you mean '${suggestion}'?`} (${known})`,
				start: token.start,
				end: token.start + name.length,
				expected: flags.map((candidate) => candidate.flag).join(', ') || 'no options',
				...(suggestion === undefined ? {} : {suggestion}),
			});
		}
		if (param.switch === true) {
			if (equals >= 0) return fail({message: `${name} takes no value`, start: token.start, end: token.end});
			args[param.name] = true;
			spans[param.name] = {start: token.start, end: token.end};
			continue;
		}
		if (param.repeat !== true && args[param.name] !== undefined) {
			return fail({message: `${name} is given twice`, start: token.start, end: token.end});
		}
		let value: Token | undefined;
		if (equals >= 0) value = {text: token.text.slice(equals + 1), start: token.start + equals + 1, end: token.end, quoted: false};
		else value = tokens[++index];
		if (value === undefined || value.text === '') {
			return fail({message: `${name} needs a value: ${param.label} (${param.expected})`, start: end, end, expected: param.expected});
		}
		const error = read(param, value);
		if (error !== undefined) return fail(error);
	}

	let index = 0;
	let skipped: AnyParam[] = [];
	const params = definition.params.filter((param) => param.flag === undefined);
	for (const [position, param] of params.entries()) {
		let token = positional[index];
		if (param.rest === true) {
			if (token === undefined) {
				if (param.optional) continue;
				return fail(missingError(definition, param, end));
			}
			const last = positional.at(-1)!;
			index = positional.length;
			const error = read(param, {text: text.slice(token.start, last.end), start: token.start, end: last.end, quoted: false});
			if (error !== undefined) return fail(error);
			continue;
		}
		if (param.keyword !== undefined) {
			const present = token !== undefined && !token.quoted && token.text.toLowerCase() === param.keyword;
			if (present) {
				token = positional[++index];
				if (token === undefined) return fail(missingError(definition, param, end, `after '${param.keyword}'`));
			} else if (param.keywordOptional !== true) {
				if (param.optional) {
					skipped.push(param);
					continue;
				}
				if (token === undefined) return fail(missingError(definition, param, end));
				return fail(unexpected(definition, params.slice(position), token));
			}
		} else if (param.optional && (token === undefined || (param.fits !== undefined && !param.fits(token.text)))) {
			skipped.push(param);
			continue;
		}
		if (token === undefined) return fail(missingError(definition, param, end));
		const error = read(param, token);
		if (error !== undefined) return fail(error);
		index++;
		skipped = [];
	}
	const extra = positional[index];
	if (extra !== undefined) return fail(unexpected(definition, skipped, extra));

	for (const param of definition.params) {
		if (param.switch === true) args[param.name] ??= false;
		if (param.repeat === true) args[param.name] ??= [];
	}
	const command: Command = {name: definition.name, kind: definition.kind, text, args, spans, nameSpan: match.span};
	const problem = definition.check?.(args);
	if (problem !== undefined) return fail(problemError(problem, command));
	return {ok: true, command};
}

/** Turns a definition's refusal into an error pointing at the argument it names. */
export function problemError(problem: Problem, command: Command): CommandError {
	const whole = {start: command.nameSpan.start, end: command.text.trimEnd().length};
	const span = (problem.at === undefined ? undefined : command.spans[problem.at]) ?? whole;
	return {
		message: problem.problem,
		start: span.start,
		end: span.end,
		...(problem.expected === undefined ? {} : {expected: problem.expected}),
		...(problem.suggestion === undefined ? {} : {suggestion: problem.suggestion}),
	};
}

function readError(result: Read<unknown> & {ok: false}, token: Token): CommandError {
	return {
		message: result.message,
		start: token.start,
		end: token.end,
		...(result.expected === undefined ? {} : {expected: result.expected}),
		...(result.suggestion === undefined ? {} : {suggestion: result.suggestion}),
	};
}

function missingError(definition: CommandDefinition, param: AnyParam, at: number, where = ''): CommandError {
	const label = param.keyword !== undefined && param.keywordOptional !== true && where === '' ? `${param.keyword} ${param.label}` : param.label;
	return {
		message: `${definition.name} needs ${label}${where === '' ? '' : ` ${where}`}: ${param.expected} — usage: ${definition.usage}`,
		start: at,
		end: at,
		expected: param.expected,
	};
}

function unexpected(definition: CommandDefinition, remaining: readonly AnyParam[], token: Token): CommandError {
	const words = remaining.flatMap((param) => [...(param.keyword === undefined ? [] : [param.keyword]), ...(param.candidates?.({args: {}, commands: []}) ?? [])]);
	const suggestion = nearest(token.text, words);
	const expected = remaining.map((param) => (param.keyword === undefined ? param.label : `${param.keyword} ${param.label}`)).join(' or ');
	return {
		message: `unexpected '${token.text}'${suggestion === undefined ? '' : ` — did you mean '${suggestion}'?`} — usage: ${definition.usage}`,
		start: token.start,
		end: token.end,
		...(expected === '' ? {expected: 'the end of the command'} : {expected}),
		...(suggestion === undefined ? {} : {suggestion}),
	};
}
