/** Turning Slack's encoded message text into the plain question a person typed. */

/** Removes the bot's own mention (`<@U123>` or `<@U123|name>`) wherever it appears, then trims. */
export function stripBotMention(text: string, botUserId: string | undefined): string {
  if (!botUserId) return text.replace(/^\s*<@[UW][A-Z0-9]+(?:\|[^>]*)?>[\s,:]*/, '').trim();
  const own = new RegExp(`<@${botUserId}(?:\\|[^>]*)?>[\\s,:]*`, 'g');
  return text.replace(own, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Decodes Slack's message markup into plain text: `<!here>` → "@here", `<@U1|ann>` → "@ann",
 * `<#C1|general>` → "#general", `<https://x|label>` → "label", and &amp; &lt; &gt; → & < >.
 * The result is what the person meant to type; it is escaped again wherever it is shown.
 */
export function toPlainQuestion(text: string): string {
  const decoded = text.replace(/<([^<>]*)>/g, (_whole, inner: string) => {
    const [target, label] = splitOnce(inner, '|');
    const named = (sigil: string, fallback: string) => (label.startsWith(sigil) ? label : `${sigil}${label || fallback}`);
    if (target.startsWith('!')) return named('@', target.slice(1).split('^')[0] ?? '');
    if (target.startsWith('@')) return named('@', target.slice(1));
    if (target.startsWith('#')) return named('#', target.slice(1));
    return label || target;
  });
  return decoded.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
}

function splitOnce(text: string, sep: string): [string, string] {
  const i = text.indexOf(sep);
  return i < 0 ? [text, ''] : [text.slice(0, i), text.slice(i + 1)];
}
