import {EventEmitter} from 'node:events';

/** A stdin Ink accepts as a terminal, for tests: `write` delivers a chunk of typed bytes. */
export class FakeStdin extends EventEmitter {
	constructor(readonly isTTY = true) {
		super();
	}

	private pending: string | null = null;

	write(data: string): void {
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
