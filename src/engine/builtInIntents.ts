/**
 * The intent modules a bundle carries. Running from source there are none: loadIntents reads intents/
 * and imports each file. `npm run build` (scripts/build.ts) compiles this module as one that imports
 * every intent file statically, so the bundle holds them in its one module graph; the list is made
 * from the folder at build time, never kept by hand.
 */
import type { IntentModule } from './intent.ts';

export const BUILT_IN_INTENTS: readonly IntentModule[] | undefined = undefined;
