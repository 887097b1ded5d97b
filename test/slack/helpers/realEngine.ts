/** The real engine over the project's seeds, loaded once per test worker. */
import { loadEngine, type Engine } from '../../../src/engine/engine.ts';

let engine: Promise<Engine> | undefined;

/** The real Engine (loadEngine() over seeds/), shared by the tests of one worker. */
export function realEngine(): Promise<Engine> {
  engine ??= loadEngine();
  return engine;
}
