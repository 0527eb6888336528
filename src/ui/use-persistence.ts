import {useLayoutEffect, useRef} from 'react';
import type {SessionState} from '../game/types.js';
import type {ProgressStore} from '../store/progress.js';
import type {CurrentLevel} from './use-app-state.js';

/**
 * Saves the player's work as it happens: the draft after every change, the
 * hints revealed, the result when a level is solved or solved better (the
 * store keeps the best of every result, so a better one is never lost
 * behind the first) — and the draft once
 * more when the app closes. A session that was just started (from a saved
 * draft, or fresh because the saved draft no longer replays) writes nothing
 * until the player changes something, so a stale draft is never thrown away
 * by merely opening a level. `onSaved` lets the map re-read the progress.
 * Writes happen in layout effects: synchronously, as the change is drawn.
 */
export function usePersistence(current: CurrentLevel | undefined, store: ProgressStore, onSaved: () => void): void {
	const last = useRef<{readonly current: CurrentLevel; readonly session: SessionState; dirty: boolean} | undefined>(undefined);
	const session = current?.session;
	useLayoutEffect(() => {
		// Repair mode is practice on a copy: nothing of it is saved.
		if (!current || !session || current.practice) return;
		const id = current.level.id;
		const previous = last.current?.current.level.id === id && last.current.current.hash === current.hash ? last.current : undefined;
		const dirty = (previous?.dirty ?? false) || (previous !== undefined && previous.session.draft !== session.draft);
		last.current = {current, session, dirty};
		if (!previous || previous.session === session) return;
		if (session.draft !== previous.session.draft) store.saveDraft(id, session.draft, current.hash);
		if (session.hintsRevealed !== previous.session.hintsRevealed) store.setHintsUsed(id, session.hintsRevealed);
		if (session.completed && session.completed !== previous.session.completed && !current.sandbox) {
			store.recordResult(id, {stars: session.completed.stars, commands: session.completed.commands, hintsUsed: session.hintsRevealed, levelHash: current.hash});
		}
		onSaved();
	}, [current, session, store, onSaved]);
	useLayoutEffect(
		() => () => {
			const saved = last.current;
			if (saved?.dirty) store.saveDraft(saved.current.level.id, saved.session.draft, saved.current.hash);
		},
		[store],
	);
}
