/**
 * Opens the store as a separate process would at start (env: DATA_DIR or DATABASE_URL) and prints
 * "opened" or the StoreError's one line; exit 0 or 1. Run by the store-fault tests, sometimes as
 * another user, so a folder or file this process cannot write is a real permission, not a mock.
 */
import { openStore, storeOptionsFromEnv } from '../../../src/store/store.ts';

try {
  const store = await openStore(storeOptionsFromEnv(process.env));
  await store.close();
  console.log('opened');
} catch (e) {
  console.log(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
}
