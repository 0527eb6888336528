import {z} from 'zod';
import {goalSchema} from '../engine/goal.js';
import {idSchema, networkSchema} from '../engine/network.js';

/**
 * The level format: this zod schema is the one source of the TypeScript
 * types, the runtime check of level files, and `levels/schema.json` for
 * editors (generated from it; a test keeps the file in sync).
 */

/** The version of the level format this build reads. */
export const LEVEL_FORMAT_VERSION = 1;

/** Concept tags: one fixed list that covers the seed document. */
export const CONCEPTS = [
	'client-server',
	'ip',
	'dns',
	'ports',
	'port-mapping',
	'subnets',
	'routing',
	'firewall',
	'nat',
	'vpc',
	'internet-gateway',
	'nat-gateway',
	'route-table',
	'security-group',
	'nacl',
	'containers',
] as const;

/** One concept tag. */
export type Concept = (typeof CONCEPTS)[number];

/** A level: story, question, the start network, goals, hints and a reference solution. */
export const levelSchema = z
	.object({
		/** JSON Schema reference for editors, e.g. "./schema.json". Ignored by the game. */
		$schema: z.string().optional().describe('JSON Schema reference for editors, e.g. "./schema.json". Ignored by the game.'),
		formatVersion: z.literal(LEVEL_FORMAT_VERSION).describe(`The level format version; this build reads ${LEVEL_FORMAT_VERSION}.`),
		/** Unique across every pack, e.g. "01-public-ip". */
		id: idSchema.describe('Unique across every pack, e.g. "01-public-ip". Progress is saved under it.'),
		title: z.string().min(1).max(60).describe('Shown in the level list; at most 60 characters.'),
		/** The chapter it belongs to, e.g. "1 · One server". */
		chapter: z.string().min(1).describe('The chapter it belongs to, e.g. "1 · One server".'),
		concepts: z.array(z.enum(CONCEPTS)).min(1).describe('Concept tags from the fixed list, so coverage can be checked.'),
		/** TravelBuddy's problem today, a few short lines. */
		story: z.string().min(1).describe("TravelBuddy's problem today, a few short lines."),
		/** The document's question and answer, in plain words. */
		briefing: z
			.object({
				question: z.string().min(1),
				answer: z.string().min(1),
			})
			.describe("The document's question and answer, in plain words."),
		/** What to do, in one or two sentences. */
		objective: z.string().min(1).describe('What to do, in one or two sentences.'),
		/** The network the player starts from. */
		network: networkSchema.describe('The network the player starts from.'),
		/** Command names the player may use (inspection and session commands are always allowed). Omitted: all. */
		commands: z
			.array(z.string().min(1))
			.optional()
			.describe('Command names the player may use (inspection and session commands are always allowed). Omitted: all.'),
		goals: z.array(goalSchema).min(1).describe('What the network must do; checked by the engine, never against the typed text.'),
		/** Progressive hints: a nudge, the concept, then the near-answer. */
		hints: z.array(z.string().min(1)).min(1).describe('Progressive hints: a nudge, the concept, then the near-answer.'),
		/** The reference solution: one command a line. Par is its number of configuration commands. */
		solution: z
			.array(z.string())
			.min(1)
			.describe('The reference solution: one command a line. Par is its number of configuration commands.'),
		/** Where the game simplifies reality, said plainly. */
		simplifications: z.array(z.string()).optional().describe('Where the game simplifies reality, said plainly.'),
	})
	.describe('A netquest level: story, briefing, start network, goals, hints and a reference solution.');

/** A level with defaults filled. */
export type Level = z.infer<typeof levelSchema>;
/** A level as written in JSON. */
export type LevelInput = z.input<typeof levelSchema>;

/** `pack.json`: a folder's title and the order of its level files. */
export const packSchema = z.object({
	$schema: z.string().optional(),
	title: z.string().min(1).describe('The pack title shown in the level list.'),
	/** Level file names in play order; files not listed follow in name order. */
	order: z.array(z.string()).optional().describe('Level file names in play order; files not listed follow in name order.'),
});

/** A pack description. */
export type Pack = z.infer<typeof packSchema>;
