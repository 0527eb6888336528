import {nouns} from '../parse.js';
import {optional, rest} from '../args.js';
import {session} from '../define.js';
import {nearest} from '../suggest.js';
import type {Param} from '../types.js';

/** Session commands: they ask the game to undo, reset, reveal a hint, show help, the goals, or check. */

/** What `help` is about: a command name (`route add`) or a noun (`route`). */
function topic<const N extends string>(name: N): Param<N, string, false> {
	const plain = rest(name, '<command>', 'a command name, like route add', (context) => [...new Set([...nouns(context.commands), ...context.commands.map((entry) => entry.name)])]);
	return {
		...plain,
		read: (token, context) => {
			const wanted = token.text.trim().toLowerCase().replace(/\s+/g, ' ');
			const names = context.commands.map((entry) => entry.name);
			if (names.includes(wanted) || nouns(context.commands).includes(wanted)) return {ok: true, value: wanted};
			const suggestion = nearest(wanted, [...names, ...nouns(context.commands)]);
			return {
				ok: false,
				message: `no command '${token.text}'${suggestion === undefined ? ' — type help for the list' : ` — did you mean '${suggestion}'?`}`,
				expected: 'a command name',
				...(suggestion === undefined ? {} : {suggestion}),
			};
		},
	};
}

/** `undo`, `reset`, `hint`, `help`, `goals`, `check`, `map`. */
export const SESSION_COMMANDS = [
	session({name: 'undo', summary: 'Take back the last configuration command.', example: 'undo', params: [], action: 'undo'}),
	session({name: 'reset', summary: 'Start the level again from its first network.', example: 'reset', params: [], action: 'reset'}),
	session({name: 'hint', summary: 'Reveal the next hint (hints cost a star).', example: 'hint', params: [], action: 'hint'}),
	session({name: 'help', summary: 'List the commands, or explain one with an example.', example: 'help route add', params: [optional(topic('topic'))], action: 'help'}),
	session({name: 'goals', summary: "List the level's goals and whether each passes now.", example: 'goals', params: [], action: 'goals'}),
	session({name: 'check', summary: 'Grade the network now and show the first failing goal’s trace.', example: 'check', params: [], action: 'check'}),
	session({name: 'map', summary: 'Draw the network as a picture, with the last trace’s path on it (Ctrl+O too).', example: 'map', params: [], action: 'map'}),
];
