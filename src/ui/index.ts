/** The terminal UI: the game's entry point and the app, for the CLI and tests. */
export {runGame, colorEnabled, type RunGameOptions} from './run-game.js';
export {App, type AppProps} from './app.js';
export {createAppReducer, initialAppState, type AppAction, type AppState, type Screen, type SessionRules} from './use-app-state.js';
export {layoutMode, workbenchGeometry, type LayoutMode, type TerminalSize} from './layout.js';
