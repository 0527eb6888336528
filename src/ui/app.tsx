import React, {useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState} from 'react';
import {useApp, useIsScreenReaderEnabled} from 'ink';
import {SANDBOX_ID} from '../game/sandbox-id.js';
import type {Catalog} from '../levels/load.js';
import type {ProgressStore} from '../store/progress.js';
import {completeLines} from './complete/complete-lines.js';
import {type GameParts, loadGameParts} from './game-parts.js';
import {frameColumns, layoutMode} from './layout.js';
import {initialCursor} from './map/map-items.js';
import {mapItemsOf} from './map/map-model.js';
import {levelAfter, openLevelAction} from './open-level.js';
import {ScreenView} from './screen-view.js';
import {ThemeProvider} from './theme.js';
import {type AppState, createAppReducer, initialAppState, type SessionRules} from './use-app-state.js';
import {useKeyRouter} from './use-key-router.js';
import {usePersistence} from './use-persistence.js';
import {useSyncReducer} from './use-sync-reducer.js';
import {useTerminalSize} from './use-terminal-size.js';

/** What the game needs from outside: the levels and the progress store (no IO happens in components). */
export type AppProps = {
	readonly catalog: Catalog;
	readonly store: ProgressStore;
	/** Open this level's briefing first (`sandbox` for the sandbox). */
	readonly initialLevelId?: string;
	readonly color: boolean;
	/** The session rules; tests may pass fakes (the game's own come with its parts). */
	readonly rules?: SessionRules;
	/** How the app loads the game's parts once mounted (tests may hold them back). */
	readonly loadParts?: () => Promise<GameParts>;
};

/** Until the game's parts arrive no level can start and the sandbox cannot be made: the keys that would do it wait. */
const PARTS_NOT_LOADED = (): never => {
	throw new Error("the game's parts are not loaded yet");
};

/** The game: its state, saving progress as it changes, keys, and the screen to draw. */
export function App({catalog, store, initialLevelId, color, rules: givenRules, loadParts = loadGameParts}: AppProps): React.JSX.Element {
	const size = useTerminalSize();
	const mode = layoutMode(size, useIsScreenReaderEnabled());
	const {exit} = useApp();
	// Bumped whenever progress is written, so the map and "next level" re-read the store.
	const [version, setVersion] = useState(0);
	const onSaved = useCallback(() => setVersion((value) => value + 1), []);
	const items = useMemo(() => {
		void version;
		return mapItemsOf(catalog, store);
	}, [catalog, store, version]);
	// The game's parts (session rules, completion, command help, the sandbox) load after the first render;
	// until then the map answers its keys and keys that need the parts wait (useKeyRouter).
	const [parts, setParts] = useState<GameParts | undefined>(undefined);
	// Loaded once, with the loader the app was first given.
	const [load] = useState(() => loadParts);
	useEffect(() => {
		let mounted = true;
		// After the keys already typed have been read (setImmediate runs after the loop's I/O): the map answers
		// them before the parts' code is compiled.
		const start = setImmediate(() => {
			void load().then((loaded) => {
				if (mounted) setParts(loaded);
			});
		});
		return () => {
			mounted = false;
			clearImmediate(start);
		};
	}, [load]);
	const rules = useRef<SessionRules | undefined>(undefined);
	rules.current = givenRules ?? parts?.rules;
	const reducer = useMemo(
		() =>
			createAppReducer({
				startSession: (...args) => (rules.current?.startSession ?? PARTS_NOT_LOADED)(...args),
				sessionReducer: (...args) => (rules.current?.sessionReducer ?? PARTS_NOT_LOADED)(...args),
			}),
		[],
	);
	const sandboxLevel = parts?.sandboxLevel ?? PARTS_NOT_LOADED;
	const [state, dispatch, getState] = useSyncReducer(reducer, (): AppState => {
		const start = initialAppState(initialCursor(items, initialLevelId));
		// The sandbox is made by the game's parts: asked for before they are here, the game starts on the map.
		if (!initialLevelId || (initialLevelId === SANDBOX_ID && !parts)) return start;
		return reducer(start, openLevelAction(catalog, store, initialLevelId, sandboxLevel));
	});
	usePersistence(state.current, store, onSaved);
	// A save retried later (on the store's timer) changes what the screens say.
	useEffect(() => store.onSaveStateChange(onSaved), [store, onSaved]);
	const saveProblem = store.saveProblem();
	// The store's warnings are said on the map until the player leaves it; later ones (a file damaged
	// while playing, noticed when a level is opened), the next time the map is shown — never skipped.
	const [warningsSeen, setWarningsSeen] = useState(0);
	const warningsShown = useRef(0);
	const onMap = state.screen === 'map' && !state.help;
	const wasOnMap = useRef(onMap);
	useLayoutEffect(() => {
		if (onMap) warningsShown.current = store.warnings.length;
	});
	useEffect(() => {
		if (!onMap) setWarningsSeen(warningsShown.current);
		// Back on the map: re-read the progress, another game may have saved meanwhile.
		else if (!wasOnMap.current) onSaved();
		wasOnMap.current = onMap;
	}, [onMap, onSaved]);
	const {current} = state;
	const session = current?.session;
	const commandHelp = parts?.commandHelp ?? [];
	const next = useMemo(() => {
		void version;
		return levelAfter(catalog, store, current?.level.id);
	}, [catalog, store, current?.level.id, version]);
	const steps = session ? session.draft.map((command, index) => ({command, realWorld: session.draftRealWorld?.[index] ?? []})) : [];
	useKeyRouter({
		ready: parts !== undefined,
		getState,
		size,
		mode,
		items,
		commandHelp,
		completer: (text, cursor) => {
			const network = getState().current?.session?.network;
			return network && parts ? parts.complete(network, text, cursor) : {from: cursor, candidates: []};
		},
		completeLineCount: () =>
			current && session?.completed
				? completeLines({title: current.level.title, report: session.completed, steps, next: next?.level.title, width: frameColumns(size)}).length + (saveProblem === undefined ? 0 : 1)
				: 0,
		open: (id) => openLevelAction(catalog, store, id, sandboxLevel),
		...(parts
			? {
					openRepair: (level) => {
						// The seed comes from the clock here, at the edge: the game's rules stay pure.
						const repair = parts.repairLevel(level, Date.now() % 2 ** 31);
						return repair
							? {type: 'open-level', level: repair, hash: `repair-${Date.now()}`, practice: true, saved: {draft: [], hintsUsed: 0}}
							: {type: 'notice', text: `${level.title} has no fault repair mode could inject.`};
					},
				}
			: {}),
		nextId: next?.level.id,
		dispatch,
		exit,
	});
	return (
		<ThemeProvider color={color}>
			<ScreenView state={state} items={items} warnings={store.warnings.slice(warningsSeen)} commandHelp={commandHelp} steps={steps} next={next?.level.title} {...(saveProblem === undefined ? {} : {saveProblem})} size={size} mode={mode} />
		</ThemeProvider>
	);
}
