// A strict reader of the Prometheus text exposition format (version 0.0.4), for tests: every
// line must be a comment, a HELP/TYPE line or a sample; names, labels (with escapes) and values
// must be well formed; a histogram's buckets must rise and end at +Inf equal to its _count.
// Throws on the first line that does not fit, naming it.
const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABEL = `[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\\\\n]|\\\\[\\\\"n])*"`;
// Prometheus reads values as Go's ParseFloat does: NaN and Inf in any case (prom-client writes
// "Nan" for a gauge with no sample yet).
const VALUE = '[-+]?(?:[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?|[Ii][Nn][Ff]|[Nn][Aa][Nn])';
const SAMPLE = new RegExp(`^(${NAME})(?:\\{((?:${LABEL})(?:,${LABEL})*,?)?\\})? (${VALUE})(?: -?[0-9]+)?$`);
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}
export interface Family {
  name: string;
  type: string;
  help: string;
  samples: Sample[];
}

const num = (s: string) => (/inf$/i.test(s) ? (s.startsWith('-') ? -Infinity : Infinity) : /nan$/i.test(s) ? NaN : Number(s));

export function parsePrometheusText(text: string): Map<string, Family> {
  const families = new Map<string, Family>();
  const family = (name: string) => {
    let f = families.get(name);
    if (!f) families.set(name, (f = { name, type: 'untyped', help: '', samples: [] }));
    return f;
  };
  /** A sample belongs to the family whose name it extends (histogram _bucket, _sum, _count). */
  const owner = (name: string) => families.get(name) ?? families.get(name.replace(/_(bucket|sum|count|total|created)$/, '')) ?? family(name);
  text.split('\n').forEach((line, i) => {
    const where = `line ${i + 1}: ${JSON.stringify(line)}`;
    if (line === '') return;
    const meta = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(line);
    if (meta) {
      if (!new RegExp(`^${NAME}$`).test(meta[2]!)) throw new Error(`bad metric name, ${where}`);
      if (meta[1] === 'TYPE') {
        if (!TYPES.has(meta[3]!)) throw new Error(`bad type, ${where}`);
        family(meta[2]!).type = meta[3]!;
      } else family(meta[2]!).help = meta[3]!;
      return;
    }
    if (line.startsWith('#')) return;
    const m = SAMPLE.exec(line);
    if (!m) throw new Error(`not a sample, ${where}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(new RegExp(LABEL, 'g'))) {
      const eq = l[0].indexOf('=');
      labels[l[0].slice(0, eq)] = l[0].slice(eq + 2, -1).replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    }
    owner(m[1]!).samples.push({ name: m[1]!, labels, value: num(m[3]!) });
  });
  for (const f of families.values()) if (f.type === 'histogram') checkHistogram(f);
  return families;
}

function checkHistogram(f: Family): void {
  const series = new Map<string, Sample[]>();
  for (const s of f.samples.filter((s) => s.name === `${f.name}_bucket`)) {
    const { le, ...rest } = s.labels;
    if (le === undefined) throw new Error(`${f.name}: bucket without le`);
    const key = JSON.stringify(rest);
    series.set(key, [...(series.get(key) ?? []), s]);
  }
  for (const [key, buckets] of series) {
    for (let i = 1; i < buckets.length; i++) {
      if (num(buckets[i]!.labels.le!) <= num(buckets[i - 1]!.labels.le!) || buckets[i]!.value < buckets[i - 1]!.value) {
        throw new Error(`${f.name}${key}: buckets must rise`);
      }
    }
    const last = buckets[buckets.length - 1]!;
    const count = f.samples.find((s) => s.name === `${f.name}_count` && JSON.stringify(s.labels) === key);
    if (last.labels.le !== '+Inf' || !count || count.value !== last.value) throw new Error(`${f.name}${key}: +Inf bucket must equal _count`);
  }
}
