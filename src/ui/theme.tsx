import React, {createContext, type ReactNode, useContext} from 'react';
import {Text} from 'ink';
import {type Tone, toneProps} from './tone.js';


/**
 * Colour, decided once: the UI never writes a colour when colour is off
 * (NO_COLOR, `--no-color`, `color: false`). Components say what a piece of
 * text means (a tone); the theme decides how it looks.
 */

/** The theme every component reads. */
export type Theme = {readonly color: boolean};

const ThemeContext = createContext<Theme>({color: false});

/** Provides the theme to every component below. */
export function ThemeProvider({color, children}: {readonly color: boolean; readonly children: ReactNode}): React.JSX.Element {
	return <ThemeContext.Provider value={{color}}>{children}</ThemeContext.Provider>;
}

/** The current theme. */
export function useTheme(): Theme {
	return useContext(ThemeContext);
}

/** Text in a tone (plain when colour is off). */
export function Paint({tone, children}: {readonly tone?: Tone; readonly children: ReactNode}): React.JSX.Element {
	const {color} = useTheme();
	return <Text {...toneProps(tone, color)}>{children}</Text>;
}
