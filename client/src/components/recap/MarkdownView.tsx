// Renders the notes' Markdown (shared/collab/notesMarkdown.ts output) as React elements:
// headings, lists, checklists, bold, italic and http(s)/mailto links. Everything else is text,
// so nothing written in the notes can ever run as markup or script.
import type { ReactNode } from 'react';

const SAFE_HREF = /^(https?:|mailto:)/i;

/** Inline: **bold**, *italic*, [text](href), backslash escapes. */
function inline(text: string, key: string): ReactNode[] {
  const out: ReactNode[] = [];
  const re = /\*\*(.+?)\*\*|\*(.+?)\*|\[(.+?)\]\((\S+?)\)|\\([\\`*_[\]<>#|])/g;
  let last = 0;
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = re.exec(text))) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const k = `${key}-${n++}`;
    if (m[1] !== undefined) out.push(<strong key={k}>{inline(m[1], k)}</strong>);
    else if (m[2] !== undefined) out.push(<em key={k}>{inline(m[2], k)}</em>);
    else if (m[3] !== undefined) {
      const href = decodeURIComponent(m[4] ?? '');
      out.push(SAFE_HREF.test(href) ? <a key={k} href={href} rel="noopener noreferrer nofollow" target="_blank">{inline(m[3], k)}</a> : <span key={k}>{inline(m[3], k)}</span>);
    } else out.push(m[5]);
    last = re.lastIndex;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

type Block = { kind: 'h'; level: number; text: string } | { kind: 'p'; text: string } | { kind: 'list'; ordered: boolean; items: { text: string; checked: boolean | null }[] };

function parse(md: string): Block[] {
  const blocks: Block[] = [];
  for (const line of md.split('\n')) {
    if (!line.trim()) continue;
    const h = /^(#{1,6}) (.*)$/.exec(line);
    const item = /^\s*(- \[x\]|- \[ \]|-|\d+\.) (.*)$/.exec(line);
    if (h) blocks.push({ kind: 'h', level: h[1]!.length, text: h[2]! });
    else if (item) {
      const ordered = /^\d/.test(item[1]!);
      const checked = item[1] === '- [x]' ? true : item[1] === '- [ ]' ? false : null;
      const prev = blocks.at(-1);
      if (prev?.kind === 'list' && prev.ordered === ordered) prev.items.push({ text: item[2]!, checked });
      else blocks.push({ kind: 'list', ordered, items: [{ text: item[2]!, checked }] });
    } else blocks.push({ kind: 'p', text: line });
  }
  return blocks;
}

export function MarkdownView({ markdown, headingOffset = 2 }: { markdown: string; headingOffset?: number }) {
  return (
    <div className="markdown-view">
      {parse(markdown).map((b, i) => {
        const k = `b${i}`;
        if (b.kind === 'h') {
          const level = Math.min(6, b.level + headingOffset);
          const Tag = `h${level}` as 'h3';
          return <Tag key={k}>{inline(b.text, k)}</Tag>;
        }
        if (b.kind === 'p') return <p key={k}>{inline(b.text, k)}</p>;
        const List = b.ordered ? 'ol' : 'ul';
        return (
          <List key={k} className={b.items.some((it) => it.checked !== null) ? 'checklist' : undefined}>
            {b.items.map((it, j) => (
              <li key={j}>
                {it.checked !== null && <span aria-label={it.checked ? 'Done' : 'Not done'}>{it.checked ? '☑ ' : '☐ '}</span>}
                {inline(it.text, `${k}-${j}`)}
              </li>
            ))}
          </List>
        );
      })}
    </div>
  );
}
