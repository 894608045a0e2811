// A search snippet with its matches marked. The text is split on the server's markers and
// rendered as React text nodes: whatever the notes contain, it is shown, never run.
const START = '\u0002';
const END = '\u0003';

export function Highlighted({ snippet }: { snippet: string }) {
  const parts: { text: string; hit: boolean }[] = [];
  for (const chunk of snippet.split(START)) {
    const end = chunk.indexOf(END);
    if (end < 0) parts.push({ text: chunk, hit: false });
    else parts.push({ text: chunk.slice(0, end), hit: true }, { text: chunk.slice(end + 1), hit: false });
  }
  return <>{parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : p.text ? <span key={i}>{p.text}</span> : null))}</>;
}
