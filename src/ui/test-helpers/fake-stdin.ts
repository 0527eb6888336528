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

	setEncoding(): void {}
	setRawMode(): void {}
	resume(): void {}
	pause(): void {}
	ref(): void {}
	unref(): void {}
}
