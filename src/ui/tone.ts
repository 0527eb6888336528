import chalk, {type ChalkInstance} from 'chalk';
import type {TextProps} from 'ink';

/**
 * What a piece of text means (a tone) and how it looks: Ink text props, or
 * the escape sequences Ink would write for them (`paint`). Pure: no React,
 * no Ink at run time, so text can be styled before Ink is loaded (the game's
 * first frame is written before it, see first-screen.ts).
 */

/** What a piece of text means. */
export type Tone = 'ok' | 'bad' | 'warn' | 'accent' | 'dim' | 'strong' | 'changed' | 'selected' | 'title' | 'key';

type ToneStyle = Pick<TextProps, 'color' | 'backgroundColor' | 'bold' | 'dimColor' | 'underline'>;

const STYLES: Readonly<Record<Tone, ToneStyle>> = {
	ok: {color: 'green'},
	bad: {color: 'red', bold: true},
	warn: {color: 'yellow'},
	accent: {color: 'cyan'},
	dim: {color: 'gray'},
	strong: {bold: true},
	changed: {color: 'magenta', bold: true},
	selected: {color: 'black', backgroundColor: 'cyan'},
	title: {color: 'cyan', bold: true},
	key: {color: 'yellow', bold: true},
};

/** Ink text props for a tone: none at all when colour is off. */
export function toneProps(tone: Tone | undefined, color: boolean): ToneStyle {
	return color && tone ? STYLES[tone] : {};
}

/**
 * Text in a tone as the escape sequences Ink writes for `<Text {...toneProps(tone, color)}>`:
 * the same chalk calls in the same order as Ink's Text (dim, colour, background,
 * bold, underline), so a row can be drawn as one pre-styled string instead of
 * one nested text node per segment, with the same bytes on screen.
 */
export function paint(text: string, tone: Tone | undefined, color: boolean): string {
	const style = toneProps(tone, color);
	let out = text;
	if (style.dimColor) out = chalk.dim(out);
	if (style.color) out = named(style.color, 'foreground')(out);
	if (style.backgroundColor) out = named(style.backgroundColor, 'background')(out);
	if (style.bold) out = chalk.bold(out);
	if (style.underline) out = chalk.underline(out);
	return out;
}

/** chalk's method for a named colour (the theme uses only named ones), as Ink's colorize picks it. */
function named(name: string, type: 'foreground' | 'background'): (text: string) => string {
	const method = type === 'foreground' ? name : `bg${name[0]!.toUpperCase()}${name.slice(1)}`;
	return (chalk as unknown as Record<string, ChalkInstance>)[method]!;
}

