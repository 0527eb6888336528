import type {z} from 'zod';
import {didYouMean} from './nearest.js';
import type {PathIssue} from './problem.js';

/**
 * Zod strips keys a schema does not know, so a typo (`"tagret"`) would
 * silently vanish. This walks the raw JSON alongside the schema and names
 * every such key, even when other parts of the file have schema errors.
 * Keys are compared as own properties only, so `__proto__` is just a key.
 */

/** The parts of a zod schema definition the walk needs (zod 4's `_zod.def`). */
type Definition = {
	readonly type: string;
	readonly shape?: Readonly<Record<string, z.ZodType>>;
	readonly catchall?: z.ZodType;
	readonly element?: z.ZodType;
	readonly innerType?: z.ZodType;
	readonly in?: z.ZodType;
	readonly options?: readonly z.ZodType[];
	readonly discriminator?: string;
	readonly values?: readonly unknown[];
};

function definition(schema: z.ZodType): Definition {
	return schema._zod.def as unknown as Definition;
}

/** Every key in `value` that `schema` does not declare, as `unknown field "x"` issues at the key's path. */
export function findUnknownKeys(schema: z.ZodType, value: unknown): PathIssue[] {
	const issues: PathIssue[] = [];
	walk(schema, value, [], issues);
	return issues;
}

function walk(schema: z.ZodType, value: unknown, path: readonly PropertyKey[], issues: PathIssue[]): void {
	const def = definition(schema);
	switch (def.type) {
		case 'optional':
		case 'nullable':
		case 'default':
		case 'prefault':
		case 'nonoptional':
		case 'readonly':
		case 'catch':
			if (def.innerType) walk(def.innerType, value, path, issues);
			return;
		case 'pipe':
			if (def.in) walk(def.in, value, path, issues);
			return;
		case 'array':
			if (def.element && Array.isArray(value)) {
				for (const [index, item] of value.entries()) walk(def.element, item, [...path, index], issues);
			}
			return;
		case 'union': {
			const option = pickOption(def, value);
			if (option) walk(option, value, path, issues);
			return;
		}
		case 'object':
			walkObject(def, value, path, issues);
			return;
		default:
			return;
	}
}

function walkObject(def: Definition, value: unknown, path: readonly PropertyKey[], issues: PathIssue[]): void {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
	const shape = def.shape ?? {};
	const known = Object.keys(shape);
	for (const key of Object.keys(value)) {
		const field = Object.hasOwn(shape, key) ? shape[key] : undefined;
		if (field) {
			walk(field, (value as Record<string, unknown>)[key], [...path, key], issues);
		} else if (def.catchall === undefined) {
			issues.push({path: [...path, key], message: `unknown field ${JSON.stringify(key)}${didYouMean(key, known)}; it is ignored`});
		}
	}
}

/** The option of a discriminated union that matches the value's discriminator; for a plain union, none. */
function pickOption(def: Definition, value: unknown): z.ZodType | undefined {
	if (def.discriminator === undefined || value === null || typeof value !== 'object') return undefined;
	const tag = (value as Record<string, unknown>)[def.discriminator];
	return def.options?.find((option) => {
		const field = definition(option).shape?.[def.discriminator ?? ''];
		return field !== undefined && (definition(field).values ?? []).includes(tag);
	});
}
