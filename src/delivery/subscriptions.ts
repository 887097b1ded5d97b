/** The channel digest subscriptions as the App Home lists them: channel, schedule, filter and, when paused, why. */
import { filterForCode } from '../digest/filter.ts';
import { describeSchedule } from '../digest/schedule.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { DigestSubscriptionSummary } from '../render/homeBlocks.ts';
import type { Store } from '../store/store.ts';

/** Lists subscriptions for the App Home (pass it to the Slack app as `subscriptionsProvider`). */
export function digestSubscriptionsProvider(store: Store, knowledge: () => Knowledge): () => Promise<DigestSubscriptionSummary[]> {
  return async () =>
    (await store.subscriptions.list()).map(
      (s): DigestSubscriptionSummary => ({
        channel: s.channel,
        schedule: describeSchedule(s),
        ...(s.filter ? { filter: filterLabel(knowledge, s.filter) } : {}),
        ...(s.status === 'paused' ? { paused: s.pausedReason ?? 'paused' } : {}),
      }),
    );
}

function filterLabel(knowledge: () => Knowledge, code: string): string {
  try {
    return filterForCode(knowledge(), code).label;
  } catch {
    return code;
  }
}
