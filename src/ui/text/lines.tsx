import React from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../theme.js';
import {toneProps} from '../tone.js';
import {blockText, drawnEmpty, fitsWidth} from './block-text.js';
import type {StyledLine} from './styled-line.js';
import {cellText} from './width.js';

/**
 * Draws pre-laid-out styled lines, one terminal row each (rows that are too
 * long are cut, never re-wrapped, so the caller's height arithmetic holds).
 * Text is drawn as `cellText`, the form `textWidth` measured.
 */
export function Lines({lines}: {readonly lines: readonly StyledLine[]}): React.JSX.Element {
	const {color} = useTheme();
	return (
		<Box flexDirection="column">
			{lines.map((line, row) => (
				<Text key={row} wrap="truncate-end">
					{drawnEmpty(line)
						? ' '
						: line.map((segment, index) => (
								<Text key={index} {...toneProps(segment.tone, color)}>
									{cellText(segment.text)}
								</Text>
							))}
				</Text>
			))}
		</Box>
	);
}

/**
 * The same rows as `<Lines>` in a box `width` columns wide, drawn as one Ink
 * text node of pre-styled text (`paint`) instead of a node per row and a
 * nested one per segment, so Ink lays out, measures and styles one node
 * instead of hundreds: a full screen is much cheaper to draw the first time
 * (the map, the game's first frame). Rows that fit are drawn as they are, as
 * `<Lines>` draws them; when one is too wide, `<Lines>` draws them all (Ink
 * cuts such a row its own way, which must stay the same everywhere).
 */
export function TextBlock({lines, width}: {readonly lines: readonly StyledLine[]; readonly width: number}): React.JSX.Element {
	const {color} = useTheme();
	if (!fitsWidth(lines, width)) return <Lines lines={lines} />;
	return <Text>{blockText(lines, color)}</Text>;
}

