import React from 'react';
import {Box, Text} from 'ink';
import {toneProps, useTheme} from '../theme.js';
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
					{line.length === 0
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
