import { saveState, type SubmitState } from './submit-state.js';

/** The run's state in memory, written to disk on every change (before the change is acted on). */
export class StateStore {
  private current: SubmitState;

  constructor(
    private readonly path: string,
    initial: SubmitState,
  ) {
    this.current = initial;
  }

  get state(): SubmitState {
    return this.current;
  }

  update(change: (state: SubmitState) => SubmitState): void {
    this.current = change(this.current);
    saveState(this.path, this.current);
  }
}
