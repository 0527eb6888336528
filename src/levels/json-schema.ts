import {z} from 'zod';
import {levelSchema} from './schema.js';

/**
 * The JSON Schema of the level format, generated from the zod schema (the
 * one source of truth) and shipped as `levels/schema.json` so that
 * `"$schema": "./schema.json"` gives editors completion and checking.
 */

/** Where the generated schema lives, relative to the package root. */
export const SCHEMA_FILE = 'levels/schema.json';

/**
 * The level format as a JSON Schema (draft-07, the draft editors support
 * best), describing the input form (defaults may be omitted). Objects refuse
 * unknown properties, as the validator does.
 */
export function levelJsonSchema(): Record<string, unknown> {
	const schema = z.toJSONSchema(levelSchema, {
		io: 'input',
		target: 'draft-07',
		override: (context) => {
			const def = context.zodSchema._zod.def;
			if (def.type === 'object' && def.catchall === undefined) context.jsonSchema.additionalProperties = false;
		},
	});
	return schema;
}

/** The text of `levels/schema.json`: the schema with tab indentation and a final newline. */
export function levelJsonSchemaText(): string {
	return `${JSON.stringify(levelJsonSchema(), null, '\t')}\n`;
}
