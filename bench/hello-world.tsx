/**
 * The yardstick for netquest's start-up: the smallest Ink app. The benchmark
 * bundles it with netquest's own esbuild options (which patch nothing). It draws one line and ends; with `--hold` it stays up (idle) so its
 * memory can be read.
 */
import React from 'react';
import {render, Text} from 'ink';

render(<Text>Hello, world</Text>);
if (process.argv.includes('--hold')) setInterval(() => undefined, 1000);
