import type {Network} from '../engine/network.js';
import {matchName, nouns} from './parse.js';
import {tokenize, type Token} from './tokenize.js';
import type {AnyParam, CommandDefinition, ReadContext} from './types.js';

/**
 * Tab completion: command names, verbs, keywords, flags and the names of
 * things in the current network, for the word under the cursor. The words
 * before it are walked the way the parser walks them, so the candidates are
 * the ones that can come next.
 */

/** Where the completed word starts (replace from there to the cursor) and what it may become. */
export type Completion = {readonly from: number; readonly candidates: readonly string[]};

function expectedParams(params: readonly AnyParam[], tokens: readonly Token[], context: ReadContext & {args: Record<string, unknown>}): {param: AnyParam; keyword: boolean}[] {
	let index = 0;
	const expected: {param: AnyParam; keyword: boolean}[] = [];
	for (const param of params) {
		const token = tokens[index];
		if (token === undefined) {
			if (param.keyword !== undefined) expected.push({param, keyword: true});
			if (param.keyword === undefined || param.keywordOptional === true) expected.push({param, keyword: false});
			if (!param.optional) break;
			continue;
		}
		if (param.rest === true) return [];
		if (param.keyword !== undefined && token.text.toLowerCase() === param.keyword) {
			const value = tokens[index + 1];
			if (value === undefined) return [{param, keyword: false}];
			index += 2;
			remember(param, value, context);
			continue;
		}
		if (param.keyword !== undefined && param.keywordOptional !== true) {
			if (param.optional) continue;
			return [];
		}
		if (param.optional && param.fits !== undefined && !param.fits(token.text)) continue;
		remember(param, token, context);
		index++;
	}
	return index < tokens.length ? [] : expected;
}

function remember(param: AnyParam, token: Token, context: ReadContext & {args: Record<string, unknown>}): void {
	const read = param.read(token, context);
	if (read.ok) context.args[param.name] = read.value;
}

function argumentCandidates(definition: CommandDefinition, tokens: readonly Token[], partial: string, network: Network, commands: readonly CommandDefinition[]): string[] {
	const context = {network, args: {} as Record<string, unknown>, commands};
	const flags = definition.params.filter((param) => param.flag !== undefined);
	const positional: Token[] = [];
	for (let index = 0; index < tokens.length; index++) {
		const token = tokens[index]!;
		const flag = flags.find((param) => param.flag === token.text.toLowerCase());
		if (flag === undefined) {
			positional.push(token);
			continue;
		}
		if (flag.switch === true) continue;
		const value = tokens[index + 1];
		if (value === undefined) return [...(flag.candidates?.(context) ?? [])];
		remember(flag, value, context);
		index++;
	}
	if (partial.startsWith('-')) {
		const used = new Set(tokens.map((token) => token.text.toLowerCase()));
		return flags.filter((param) => param.repeat === true || !used.has(param.flag!)).map((param) => param.flag!);
	}
	return expectedParams(
		definition.params.filter((param) => param.flag === undefined),
		positional,
		context,
	).flatMap(({param, keyword}) => (keyword ? [param.keyword!] : [...(param.candidates?.(context) ?? [])]));
}

/** Completes against a command table (`complete` in index.ts binds THE table). Never throws. */
export function completeWith(commands: readonly CommandDefinition[], network: Network, text: string, cursor: number): Completion {
	const at = Math.max(0, Math.min(cursor, text.length));
	const before = text.slice(0, at);
	const tokenized = tokenize(before);
	if (!tokenized.ok) return {from: at, candidates: []};
	const tokens = tokenized.tokens;
	const last = tokens.at(-1);
	const inWord = last !== undefined && last.end === at && !last.quoted;
	const from = inWord ? last.start : at;
	const partial = inWord ? last.text : '';
	const done = inWord ? tokens.slice(0, -1) : tokens;
	const keep = (candidates: readonly string[]) =>
		[...new Set(candidates)].filter((candidate) => candidate.toLowerCase().startsWith(partial.toLowerCase()) && candidate !== '');
	if (done.length === 0) return {from, candidates: keep(nouns(commands))};
	const match = matchName(commands, done, before);
	if (!match.ok) {
		if (done.length !== 1) return {from, candidates: []};
		const noun = done[0]!.text.toLowerCase();
		return {from, candidates: keep(commands.filter((entry) => entry.noun === noun && entry.verb !== undefined).map((entry) => entry.verb!))};
	}
	const {definition} = match;
	const args = done.slice(match.argsFrom);
	const rest = definition.params.find((param) => param.rest === true);
	if (rest !== undefined) {
		// `help …` and `explain …` take a command line: complete it as one.
		const start = args[0]?.start ?? from;
		const inner = completeWith(commands, network, text.slice(start, at), at - start);
		return {from: inner.from + start, candidates: inner.candidates};
	}
	return {from, candidates: keep(argumentCandidates(definition, args, partial, network, commands))};
}
