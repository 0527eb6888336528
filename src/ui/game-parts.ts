import type {Completion} from '../commands/index.js';
import type {Network} from '../engine/network.js';
import type {Level} from '../levels/schema.js';
import type {SessionRules} from './use-app-state.js';

/**
 * What of the game the app needs only once a level is played: the session
 * rules (the engine grades every command), command completion and the
 * command language's help, and the sandbox's level. Most of the program's
 * code (the engine, the command table, zod) sits behind these, so the app
 * loads them after it has mounted: the map answers its keys before they
 * arrive, and keys that need them wait (use-key-router.ts).
 */
export type GameParts = {
	readonly rules: SessionRules;
	readonly complete: (network: Network, text: string, cursor: number) => Completion;
	/** The command language's help, as the help overlay shows it. */
	readonly commandHelp: readonly string[];
	readonly sandboxLevel: () => Level;
	/** A solved level's repair puzzle for a seed (one detectable fault injected), if it has one. */
	readonly repairLevel: (level: Level, seed: number) => Level | undefined;
};

/** Loads the game's parts (their modules are imported here, on demand). */
export async function loadGameParts(): Promise<GameParts> {
	const [game, commands] = await Promise.all([import('../game/index.js'), import('../commands/index.js')]);
	return {
		rules: {startSession: game.startSession, sessionReducer: game.sessionReducer},
		complete: commands.complete,
		commandHelp: commands.helpFor(),
		sandboxLevel: () => game.sandboxLevel(),
		repairLevel: (level, seed) => game.repairPuzzle(level, seed)?.level,
	};
}
