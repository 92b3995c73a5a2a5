/**
 * Admission control for GraphQL requests: at most `limit` execute at once, the next
 * `queueLimit` wait their turn in arrival order, and any beyond that are refused at once
 * (the server answers 503 with Retry-After). This bounds the memory a burst can take —
 * each executing request holds its upstream answers and its result — without slowing a
 * gateway that is not overloaded. A limit of 0 admits everything.
 */
export class Admission {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly limit: number,
    private readonly queueLimit: number,
  ) {}

  /**
   * A slot, once one is free: resolves with the function that gives it back (call it once
   * the response is sent). Null when the queue is full: refuse the request.
   */
  /** Requests executing now (for metrics). */
  get activeCount(): number {
    return this.active;
  }

  /** Requests waiting for a slot now (for metrics). */
  get queueLength(): number {
    return this.waiting.length;
  }

  enter(): Promise<() => void> | null {
    if (this.limit === 0 || this.active < this.limit) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.queueLimit) return null;
    return new Promise((resolve) => this.waiting.push(() => resolve(this.releaser())));
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // The slot passes straight to the next in line, so `active` stays as it is.
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    };
  }
}
