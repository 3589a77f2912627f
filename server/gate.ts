/**
 * At most `running` jobs at once, at most `queued` waiting; a job that cannot even wait is refused
 * at once (the caller answers 503 with Retry-After), and one that waits past its deadline gives up.
 */
export class Gate {
  private active = 0;
  private readonly waiting: Array<{ go: () => void; fail: (err: Error) => void; timer?: NodeJS.Timeout }> = [];

  constructor(private readonly running: number, private readonly queued: number) {}

  get load() {
    return { running: this.active, waiting: this.waiting.length };
  }

  /** Resolves with a release function once a place is free; rejects with GateFull or GateTimeout. */
  acquire(deadline = Infinity): Promise<() => void> {
    if (this.active < this.running) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.queued) return Promise.reject(new GateFull(this.running, this.queued));
    return new Promise((resolve, reject) => {
      const entry: (typeof this.waiting)[number] = {
        go: () => {
          clearTimeout(entry.timer);
          resolve(this.releaser());
        },
        fail: reject,
      };
      if (Number.isFinite(deadline)) {
        entry.timer = setTimeout(() => {
          const i = this.waiting.indexOf(entry);
          if (i >= 0) this.waiting.splice(i, 1);
          reject(new GateTimeout());
        }, Math.max(0, deadline - Date.now()));
      }
      this.waiting.push(entry);
    });
  }

  private releaser(): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const next = this.waiting.shift();
      if (next) next.go(); // the place passes straight to the next job
      else this.active--;
    };
  }
}

export class GateFull extends Error {
  override readonly name = 'GateFull';
  constructor(running: number, queued: number) {
    super(`the server is busy (${running} heavy questions running and ${queued} waiting): try again in a few seconds`);
  }
}

export class GateTimeout extends Error {
  override readonly name = 'GateTimeout';
}
