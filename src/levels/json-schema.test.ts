import fs from 'node:fs';
import {describe, expect, it} from 'vitest';
import {levelJsonSchema, levelJsonSchemaText} from './json-schema.js';

describe('levels/schema.json', () => {
	it('is exactly what the zod schema generates (run `npx tsx src/levels/write-schema.ts` after changing the schema)', () => {
		const shipped = fs.readFileSync(new URL('../../levels/schema.json', import.meta.url), 'utf8');
		expect(shipped).toBe(levelJsonSchemaText());
	});

	it('describes the input form: defaults optional, unknown properties refused, enums listed', () => {
		const schema = levelJsonSchema() as {
			required: string[];
			additionalProperties: boolean;
			properties: {network: {required?: string[]; properties: {hosts: {items: {required: string[]}}}}; concepts: {items: {enum: string[]}}};
		};
		expect(schema.required).toEqual(expect.arrayContaining(['formatVersion', 'id', 'title', 'network', 'goals', 'solution']));
		expect(schema.required).not.toContain('$schema');
		expect(schema.additionalProperties).toBe(false);
		expect(schema.properties.network.required ?? []).toEqual([]);
		expect(schema.properties.network.properties.hosts.items.required).toEqual(['id']);
		expect(schema.properties.concepts.items.enum).toContain('nat-gateway');
	});
});
