/**
 * The manifest asks for exactly the bot scopes the code needs: every Web API method the code calls,
 * every event it subscribes to and its slash command, each mapped to the scopes Slack requires
 * (https://docs.slack.dev/reference/methods, /reference/events). A new call without a mapping
 * fails here, and so does a scope nothing uses.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = parse(readFileSync(join(root, 'manifest.yml'), 'utf8'));

/** The bot scopes each Web API method needs (none for auth.test and views.*). */
const METHOD_SCOPES: Record<string, string[]> = {
  'auth.test': [],
  'chat.postMessage': ['chat:write'],
  'chat.update': ['chat:write'],
  'views.open': [],
  'views.publish': [],
  // Digests read their own recent posts back after a crash, in public and private channels.
  'conversations.history': ['channels:history', 'groups:history'],
  'conversations.replies': ['channels:history', 'groups:history'],
};

/** The bot scopes each subscribed event needs. */
const EVENT_SCOPES: Record<string, string[]> = {
  app_mention: ['app_mentions:read'],
  'message.im': ['im:history'],
  app_home_opened: [],
};

/** Every .ts file under src/. */
function sources(dir = join(root, 'src')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Web API methods the code calls, as `client.chat.postMessage(` or `call('chat.postMessage'`. */
function methodsCalled(): Set<string> {
  const found = new Set<string>();
  const families =
    'admin|apps|auth|bookmarks|bots|calls|chat|conversations|dialog|dnd|emoji|files|functions|oauth|pins|reactions|reminders|rtm|search|stars|team|usergroups|users|views|workflows';
  const direct = new RegExp(`\\.(${families})\\.([a-zA-Z]+(?:\\.[a-zA-Z]+)?)\\(`, 'g');
  const named = new RegExp(`['"\`]((?:${families})\\.[a-zA-Z]+(?:\\.[a-zA-Z]+)?)['"\`]`, 'g');
  for (const file of sources()) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(direct)) found.add(`${m[1]}.${m[2]}`);
    for (const m of text.matchAll(named)) if (m[1]! in METHOD_SCOPES || /^(chat|conversations|views|users|reactions|files)\./.test(m[1]!)) found.add(m[1]!);
  }
  return found;
}

describe('bot scopes', () => {
  const methods = methodsCalled();

  it('finds the Web API methods the code calls (the scan is real)', () => {
    expect(methods).toContain('chat.postMessage');
    expect(methods).toContain('views.publish');
    expect(methods).toContain('conversations.history');
  });

  it('knows the scopes of every method the code calls', () => {
    expect(
      [...methods].filter((m) => !(m in METHOD_SCOPES)),
      'add these methods, with their scopes, to METHOD_SCOPES',
    ).toEqual([]);
  });

  it('asks for exactly the scopes the methods, events and slash command need', () => {
    const needed = new Set<string>([
      ...[...methods].flatMap((m) => METHOD_SCOPES[m] ?? []),
      ...manifest.settings.event_subscriptions.bot_events.flatMap((e: string) => EVENT_SCOPES[e] ?? [`unknown event ${e}`]),
      ...(manifest.features.slash_commands?.length ? ['commands'] : []),
    ]);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });

  it('the README says why each scope is needed', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const scope of manifest.oauth_config.scopes.bot)
      expect(readme, `README explains ${scope}`).toMatch(new RegExp(`^\\| \`${scope}\` \\| \\w.{10,}\\|$`, 'm'));
  });
});
