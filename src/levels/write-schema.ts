import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {levelJsonSchemaText, SCHEMA_FILE} from './json-schema.js';

/**
 * Regenerates `levels/schema.json` from the zod schema:
 * `npx tsx src/levels/write-schema.ts`. A test fails when the file is stale.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const target = path.join(root, SCHEMA_FILE);
fs.writeFileSync(target, levelJsonSchemaText());
process.stdout.write(`wrote ${path.relative(process.cwd(), target) || target}\n`);
