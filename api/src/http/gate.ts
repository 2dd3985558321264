// Admission control for GraphQL executions. Node runs every accepted request at once, so under
// overload all of them slow down together: at 64 concurrent page reads each took 64 times its
// own cost and every one outlived its client's timeout (bench/RESULTS.md §1, subtree100 at
// c = 64: nothing completed). Past a few executions at a time the API gains nothing (the
// database pool and the cores are the limit), so the rest wait in arrival order, and a request
// whose client hung up while it waited is dropped instead of executed for nobody.

export interface Gate {
  /** Resolves with a release function once a slot is free; null if `gone()` became true while waiting. */
  enter(gone: () => boolean): Promise<(() => void) | null>;
  /** Executions running now, and requests waiting for a slot (for tests and metrics). */
  readonly running: number;
  readonly waiting: number;
}

export function createGate(slots: number): Gate {
  let running = 0;
  const queue: { gone: () => boolean; admit: (release: (() => void) | null) => void }[] = [];

  const release = () => {
    running--;
    next();
  };
  function next(): void {
    while (running < slots && queue.length > 0) {
      const w = queue.shift()!;
      if (w.gone()) {
        w.admit(null);
        continue;
      }
      running++;
      w.admit(once(release));
    }
  }

  return {
    enter(gone) {
      if (running < slots && queue.length === 0) {
        running++;
        return Promise.resolve(once(release));
      }
      return new Promise((admit) => queue.push({ gone, admit }));
    },
    get running() {
      return running;
    },
    get waiting() {
      return queue.length;
    },
  };
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}
