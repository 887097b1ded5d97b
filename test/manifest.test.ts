/**
 * manifest.yml is valid against Slack's official app-manifest schema (a committed copy, with its
 * MIT licence, in test/fixtures/) and declares what the Slack listeners rely on.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const schemaPath = here('./fixtures/slack-app-manifest.schema.json');
const sharedSchemaPath = here('../../shared/schemas/slack-app-manifest.schema.1.0.0.json');
const manifest = parse(readFileSync(here('../manifest.yml'), 'utf8'));

let compiled: ReturnType<typeof compile> | undefined;
const validator = () => (compiled ??= compile());

function compile() {
  // strictTypes off: the schema has `minItems` on an item schema without `type: array` (harmless, but noisy).
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  // Slack's schema uses three annotation keywords outside JSON Schema (regex, requires, _note), and format "uri".
  ajv.addKeyword({ keyword: 'regex', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'requires' });
  ajv.addKeyword({ keyword: '_note' });
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S*$/i);
  return ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
}

describe('manifest.yml', () => {
  it('is valid against the Slack app manifest schema', () => {
    const validate = validator();
    const ok = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('fails validation when a required field is broken (the check is real)', () => {
    const validate = validator();
    expect(validate({ ...manifest, display_information: {} })).toBe(false);
    expect(validate({ ...manifest, settings: { ...manifest.settings, surprise: true } })).toBe(false);
  });

  it('uses a committed schema identical to the shared one, with its licence', () => {
    expect(existsSync(here('./fixtures/LICENSE.slack-manifest-schema'))).toBe(true);
    expect(readFileSync(here('./fixtures/LICENSE.slack-manifest-schema'), 'utf8')).toMatch(/MIT License/);
    if (existsSync(sharedSchemaPath)) {
      expect(readFileSync(schemaPath, 'utf8')).toBe(readFileSync(sharedSchemaPath, 'utf8'));
    }
  });

  it('names the app Commissioning, with the documented background colour format', () => {
    expect(manifest.display_information.name).toBe('Commissioning');
    expect(manifest.features.bot_user.display_name).toBe('Commissioning');
    expect(manifest.display_information.background_color).toMatch(/^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/);
  });

  it('asks for exactly the bot scopes the listeners and digests need', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      ['app_mentions:read', 'channels:history', 'chat:write', 'commands', 'groups:history', 'im:history'].sort(),
    );
    expect(manifest.oauth_config.scopes.bot).not.toContain('chat:write.public');
  });

  it('subscribes to the events the app handles and turns on interactivity, App Home and Socket Mode', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(['app_home_opened', 'app_mention', 'message.im']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
  });

  it('declares /commissioning with its usage hint', () => {
    expect(manifest.features.slash_commands).toEqual([
      expect.objectContaining({
        command: '/commissioning',
        usage_hint: 'org <name or ODS code> | ask <question> | digest … | help',
      }),
    ]);
  });
});
