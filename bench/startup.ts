/**
 * Time to first frame: from spawning a program in a pseudo-terminal to the
 * first output that shows a given text, for netquest and a yardstick program,
 * alternated run by run so that load from other processes hits both alike.
 */
import {setTimeout as sleep} from 'node:timers/promises';
import {startPty} from './pty.js';

/** A program to start and the text that proves its first frame is on screen. */
export type StartTarget = {
	readonly name: string;
	readonly argv: readonly string[];
	readonly marker: string;
	/** The program ends by itself after its first frame: wait for that (up to 5 s) instead of ending it. */
	readonly exits?: boolean;
	/**
	 * Keys to type the moment the first frame shows, and the text that proves the program answered them:
	 * the time until then is recorded as `<name>:answers` (when a player can act, not only look).
	 */
	readonly answer?: {readonly keys: string; readonly marker: string};
	readonly env?: NodeJS.ProcessEnv;
};

/** Every run's time in ms, per target name. */
export type StartTimes = Record<string, number[]>;

/**
 * One start: spawn, wait for the marker, end the program. Returns ms from
 * spawn to the marker's arrival, and to the answer to `target.answer`'s keys.
 */
export async function timeFirstFrame(target: StartTarget, size = {columns: 120, rows: 40}): Promise<{frame: number; answers?: number}> {
	const session = startPty(target.argv, {...size, ...(target.env ? {env: target.env} : {})});
	try {
		const at = await session.waitFor((text) => text.includes(target.marker), {timeoutMs: 30_000, what: target.marker});
		let answers: number | undefined;
		if (target.answer) {
			const from = session.mark();
			session.write(target.answer.keys);
			const marker = target.answer.marker;
			answers = (await session.waitFor((text) => text.includes(marker), {from, timeoutMs: 30_000, what: marker})) - session.startedAt;
		}
		if (target.exits) await Promise.race([session.exited, sleep(5000)]);
		return {frame: at - session.startedAt, ...(answers === undefined ? {} : {answers})};
	} finally {
		session.kill();
		await session.exited;
	}
}

/**
 * `warmups` untimed starts of each target (file cache, disk), then `rounds`
 * rounds that start every target once, the order reversed every other round.
 */
export async function timeStarts(targets: readonly StartTarget[], rounds: number, warmups = 2): Promise<StartTimes> {
	for (let run = 0; run < warmups; run++) for (const target of targets) await timeFirstFrame(target);
	const times: StartTimes = Object.fromEntries(targets.flatMap((target) => [[target.name, []], ...(target.answer ? [[`${target.name}:answers`, []]] : [])]));
	for (let round = 0; round < rounds; round++) {
		const order = round % 2 === 0 ? targets : [...targets].reverse();
		for (const target of order) {
			const time = await timeFirstFrame(target);
			times[target.name]!.push(time.frame);
			if (time.answers !== undefined) times[`${target.name}:answers`]!.push(time.answers);
		}
	}
	return times;
}

