import {EventEmitter} from 'node:events';

/**
 * A stdin Ink accepts as a terminal, for tests: `write` delivers a chunk of
 * typed bytes. Like a real terminal stream, bytes typed while nobody reads
 * (before the app subscribes to keys) wait, and are read when a reader comes.
 */
export class FakeStdin extends EventEmitter {
	constructor(readonly isTTY = true) {
		super();
		this.on('newListener', (event) => {
			if (event === 'readable' && this.pending !== null) queueMicrotask(() => this.emit('readable'));
		});
	}

	private pending: string | null = null;

	write(data: string): void {
		if (this.listenerCount('readable') === 0) {
			this.pending = (this.pending ?? '') + data;
			return;
		}
		this.pending = data;
		this.emit('readable');
		this.emit('data', data);
	}

	read(): string | null {
		const data = this.pending;
		this.pending = null;
		return data;
	}

	/** Every raw-mode switch asked for, in order (true: raw). */
	readonly rawModes: boolean[] = [];

	/** Whether the terminal is in raw mode now (the last switch asked for). */
	get isRaw(): boolean {
		return this.rawModes.at(-1) ?? false;
	}

	setEncoding(): void {}
	setRawMode(mode: boolean): this {
		this.rawModes.push(mode);
		return this;
	}
	resume(): void {}
	pause(): void {}
	ref(): void {}
	unref(): void {}
}
