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
export const levelSchema = z.object({
	/** JSON Schema reference for editors, e.g. "./schema.json". Ignored by the game. */
	$schema: z.string().optional(),
	formatVersion: z.literal(LEVEL_FORMAT_VERSION),
	/** Unique across every pack, e.g. "01-public-ip". */
	id: idSchema,
	title: z.string().min(1).max(60),
	/** The chapter it belongs to, e.g. "1 · One server". */
	chapter: z.string().min(1),
	concepts: z.array(z.enum(CONCEPTS)).min(1),
	/** TravelBuddy's problem today, a few short lines. */
	story: z.string().min(1),
	/** The document's question and answer, in plain words. */
	briefing: z.object({
		question: z.string().min(1),
		answer: z.string().min(1),
	}),
	/** What to do, in one or two sentences. */
	objective: z.string().min(1),
	/** The network the player starts from. */
	network: networkSchema,
	/** Command names the player may use (inspection and session commands are always allowed). Omitted: all. */
	commands: z.array(z.string().min(1)).optional(),
	goals: z.array(goalSchema).min(1),
	/** Progressive hints: a nudge, the concept, then the near-answer. */
	hints: z.array(z.string().min(1)).min(1),
	/** The reference solution: one command a line. Par is its number of configuration commands. */
	solution: z.array(z.string()).min(1),
	/** Where the game simplifies reality, said plainly. */
	simplifications: z.array(z.string()).optional(),
});

/** A level with defaults filled. */
export type Level = z.infer<typeof levelSchema>;
/** A level as written in JSON. */
export type LevelInput = z.input<typeof levelSchema>;

/** `pack.json`: a folder's title and the order of its level files. */
export const packSchema = z.object({
	$schema: z.string().optional(),
	title: z.string().min(1),
	/** Level file names in play order; files not listed follow in name order. */
	order: z.array(z.string()).optional(),
});

/** A pack description. */
export type Pack = z.infer<typeof packSchema>;
