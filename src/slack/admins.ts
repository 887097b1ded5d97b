/**
 * Who may run `/commissioning review`: the Slack user ids in ADMINS (comma-separated), and those
 * in DIGEST_ADMINS, which keeps working for the people who already look after digests.
 */

/** The admins from the environment; `problems` names any entry that is not a Slack user id (U… or W…). */
export function readAdmins(env: Record<string, string | undefined> = process.env): { admins: string[]; problems: string[] } {
  const admins: string[] = [];
  const problems: string[] = [];
  for (const name of ['ADMINS', 'DIGEST_ADMINS'] as const) {
    for (const id of (env[name] ?? '').split(/[\s,]+/).filter(Boolean)) {
      if (!/^[UW][A-Z0-9]{2,20}$/.test(id))
        problems.push(`${name}: "${id.slice(0, 40)}" is not a Slack user id (they look like U024BE7LH; find yours under Profile → ⋮ → Copy member ID).`);
      else if (!admins.includes(id)) admins.push(id);
    }
  }
  return { admins, problems };
}
