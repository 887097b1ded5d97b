/**
 * Block Kit as static HTML close to Slack's look, so a change to what people see can be reviewed
 * as a picture. Covers what the app sends: header, section (text, fields, a button accessory), context, divider,
 * actions (buttons) and input blocks, in messages, the Home tab and modals.
 */

// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON of every block type, read field by field below.
type Json = Record<string, any>;

/** Escapes text for HTML; Slack's own entities (&amp; &lt; &gt;) are left as they are. */
function html(text: string): string {
  return text
    .replace(/&(?!(amp|lt|gt|quot|#\d+);)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Slack mrkdwn (already Slack-escaped) as HTML: links, mentions, *bold*, _italic_, `code`, > quotes. */
export function mrkdwnToHtml(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let quote: string[] = [];
  const flush = () => {
    if (quote.length) out.push(`<blockquote>${quote.join('<br>')}</blockquote>`);
    quote = [];
  };
  for (const line of lines) {
    if (line.startsWith('>')) quote.push(inline(line.slice(1)));
    else {
      flush();
      out.push(inline(line));
    }
  }
  flush();
  return out
    .join('<br>')
    .replace(/<br>(<blockquote>)/g, '$1')
    .replace(/(<\/blockquote>)<br>/g, '$1');
}

function inline(text: string): string {
  const tokens: string[] = [];
  const keep = (s: string) => `\uE000${tokens.push(s) - 1}\uE000`;
  let t = text.replace(/<(https?:\/\/[^|>]+)\|([^>]+)>/g, (_, url: string, label: string) => keep(`<a href="${html(url)}">${html(label)}</a>`));
  t = t.replace(/<@([UW][A-Z0-9]+)>/g, () => keep('<span class="mention">@Ann Example</span>'));
  t = t.replace(/<#([CGD][A-Z0-9]+)>/g, (_, id: string) => keep(`<span class="mention">#${id.toLowerCase()}</span>`));
  t = t.replace(/`([^`]+)`/g, (_, code: string) => keep(`<code>${html(code)}</code>`));
  t = html(t);
  t = t.replace(/(^|[\s(“])\*([^*\n]+)\*(?=$|[\s).,:;”])/g, '$1<b>$2</b>');
  t = t.replace(/(^|[\s(“])_([^_\n]+)_(?=$|[\s).,:;”])/g, '$1<i>$2</i>');
  return t.replace(/\uE000(\d+)\uE000/g, (_, i: string) => tokens[Number(i)]!);
}

function textObject(t: Json | undefined): string {
  if (!t) return '';
  return t.type === 'mrkdwn' ? mrkdwnToHtml(String(t.text)) : html(String(t.text));
}

/** One block as HTML. */
export function blockToHtml(block: Json): string {
  switch (block.type) {
    case 'header':
      return `<div class="header">${textObject(block.text)}</div>`;
    case 'section': {
      const text = block.text ? `<div class="text">${textObject(block.text)}</div>` : '';
      const fields = block.fields ? `<div class="fields">${block.fields.map((f: Json) => `<div>${textObject(f)}</div>`).join('')}</div>` : '';
      // A button beside the text, as Slack lays out a section's accessory.
      const accessory =
        block.accessory?.type === 'button' ? `<button class="accessory ${block.accessory.style ?? ''}">${textObject(block.accessory.text)}</button>` : '';
      return `<div class="section${accessory ? ' with-accessory' : ''}"><div>${text}${fields}</div>${accessory}</div>`;
    }
    case 'context':
      return `<div class="context">${block.elements.map((e: Json) => `<span>${textObject(e)}</span>`).join('')}</div>`;
    case 'divider':
      return '<hr>';
    case 'actions':
      return `<div class="actions">${block.elements.map((b: Json) => `<button class="${b.style ?? ''}">${textObject(b.text)}</button>`).join('')}</div>`;
    case 'input': {
      const el = block.element ?? {};
      const control =
        el.type === 'radio_buttons'
          ? el.options.map((o: Json) => `<label class="radio"><input type="radio" disabled> ${textObject(o.text)}</label>`).join('')
          : `<div class="textarea">${el.placeholder ? textObject(el.placeholder) : ''}</div>`;
      return `<div class="input"><div class="label">${textObject(block.label)}${block.optional ? ' <span class="optional">(optional)</span>' : ''}</div>${control}${block.hint ? `<div class="hint">${textObject(block.hint)}</div>` : ''}</div>`;
    }
    default:
      return `<div class="unknown">${html(String(block.type))}</div>`;
  }
}

/** A bot message: avatar, name, APP badge, time, then its blocks (`ephemeral` adds Slack's "Only visible to you"). */
export function messageToHtml(blocks: Json[], options: { ephemeral?: boolean; time?: string } = {}): string {
  const only = options.ephemeral ? '<div class="only">👁 Only visible to you</div>' : '';
  return `<div class="message">${only}<div class="avatar">C</div><div class="body"><div class="meta"><b>Commissioning</b> <span class="app">APP</span> <span class="time">${html(options.time ?? '09:41')}</span></div>${blocks.map(blockToHtml).join('\n')}</div></div>`;
}

/** A modal: title bar, blocks, Cancel / submit buttons. */
export function modalToHtml(view: Json): string {
  return `<div class="modal"><div class="modal-title">${textObject(view.title)}</div><div class="modal-body">${view.blocks.map(blockToHtml).join('\n')}</div><div class="modal-foot"><button>${textObject(view.close)}</button><button class="primary">${textObject(view.submit)}</button></div></div>`;
}

/** The Home tab: its blocks on a page of their own. */
export function homeToHtml(view: Json): string {
  return `<div class="home">${view.blocks.map(blockToHtml).join('\n')}</div>`;
}

/** The page: each sample with a caption, in Slack's colours and type. */
export function page(title: string, samples: { caption: string; html: string }[]): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${html(title)}</title>
<style>
  body { margin: 0; background: #f8f8f8; font: 15px/1.46668 Lato, "Helvetica Neue", Helvetica, Arial, sans-serif; color: #1d1c1d; }
  main { max-width: 900px; margin: 0 auto; padding: 24px; }
  h1 { font-size: 22px; margin: 0 0 4px; } .lead { color: #616061; margin: 0 0 24px; }
  figure { margin: 0 0 28px; background: #fff; border: 1px solid #dddddd; border-radius: 8px; overflow: hidden; }
  figcaption { padding: 8px 16px; background: #f4ede4; color: #4a154b; font-weight: 700; font-size: 13px; border-bottom: 1px solid #e8e0d5; }
  .message { display: grid; grid-template-columns: 36px 1fr; gap: 0 8px; padding: 12px 20px; position: relative; }
  .only { grid-column: 1 / 3; color: #616061; font-size: 12px; margin-bottom: 4px; }
  .avatar { width: 36px; height: 36px; border-radius: 6px; background: #005eb8; color: #fff; font-weight: 900; display: flex; align-items: center; justify-content: center; }
  .meta { margin-bottom: 2px; } .app { font-size: 10px; background: #e8e8e8; color: #616061; padding: 1px 3px; border-radius: 2px; font-weight: 700; } .time { color: #616061; font-size: 12px; }
  .header { font-size: 18px; font-weight: 900; margin: 4px 0 6px; }
  .section { margin: 4px 0; } .section .text { white-space: normal; }
  .section.with-accessory { display: flex; justify-content: space-between; align-items: flex-start; gap: 12px; } .section .accessory { flex: none; }
  .fields { display: grid; grid-template-columns: 1fr 1fr; gap: 8px 16px; margin-top: 6px; }
  .context { color: #616061; font-size: 13px; margin: 6px 0; display: flex; flex-direction: column; gap: 2px; }
  .context a { color: #1264a3; }
  hr { border: 0; border-top: 1px solid #dddddd; margin: 10px 0; }
  .actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0 4px; }
  button { font: 700 13px Lato, "Helvetica Neue", Arial, sans-serif; padding: 0 12px; height: 28px; border-radius: 4px; border: 1px solid #bbbabb; background: #fff; color: #1d1c1d; }
  button.primary { background: #007a5a; border-color: #007a5a; color: #fff; } button.danger { background: #e01e5a; border-color: #e01e5a; color: #fff; }
  a { color: #1264a3; text-decoration: none; }
  code { font: 12px Monaco, Menlo, Consolas, monospace; color: #e01e5a; background: #f6f6f6; border: 1px solid #e8e8e8; border-radius: 3px; padding: 1px 3px; }
  blockquote { margin: 4px 0; padding-left: 12px; border-left: 4px solid #dddddd; color: #1d1c1d; }
  .mention { background: #e8f5fa; color: #1264a3; border-radius: 3px; padding: 0 2px; }
  .home { padding: 16px 24px; }
  .modal { width: 520px; margin: 16px auto; border-radius: 8px; box-shadow: 0 4px 12px rgba(0,0,0,.25); background: #fff; }
  .modal-title { padding: 16px 24px; font-size: 20px; font-weight: 900; border-bottom: 1px solid #dddddd; }
  .modal-body { padding: 16px 24px; } .modal-foot { padding: 12px 24px; border-top: 1px solid #dddddd; display: flex; justify-content: flex-end; gap: 8px; }
  .input { margin: 8px 0 16px; } .label { font-weight: 700; margin-bottom: 6px; } .optional { font-weight: 400; color: #616061; }
  .radio { display: block; margin: 4px 0; } .textarea { border: 1px solid #bbbabb; border-radius: 4px; min-height: 64px; padding: 8px; color: #868686; }
  .hint { color: #616061; font-size: 13px; margin-top: 4px; }
</style></head>
<body><main><h1>${html(title)}</h1><p class="lead">Rendered from the app's own Block Kit (npm run preview). Buttons and links are inert.</p>
${samples.map((s) => `<figure><figcaption>${html(s.caption)}</figcaption>${s.html}</figure>`).join('\n')}
</main></body></html>
`;
}
