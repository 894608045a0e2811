// The test-side exposition-format reader must refuse what Prometheus would refuse.
import { describe, expect, it } from 'vitest';
import { parsePrometheusText } from './promText.ts';

describe('parsePrometheusText', () => {
  it('reads families, labels with escapes and histograms', () => {
    const f = parsePrometheusText(
      [
        '# HELP up Whether it is up',
        '# TYPE up gauge',
        'up{job="a\\"b",x="1"} 1',
        '# TYPE lat histogram',
        'lat_bucket{le="0.1"} 2',
        'lat_bucket{le="+Inf"} 3',
        'lat_sum 0.4',
        'lat_count 3',
        '',
      ].join('\n'),
    );
    expect(f.get('up')!.samples[0]).toEqual({ name: 'up', labels: { job: 'a"b', x: '1' }, value: 1 });
    expect(f.get('lat')!.samples).toHaveLength(4);
  });

  it('reads NaN and Inf in any case, as Prometheus does (prom-client writes "Nan")', () => {
    const f = parsePrometheusText(['# TYPE lag gauge', 'lag Nan', 'lag{worker="1"} NaN', '# TYPE big gauge', 'big +inf', 'small -Inf'].join('\n'));
    expect(f.get('lag')!.samples.map((s) => s.value)).toEqual([NaN, NaN]);
    expect(f.get('big')!.samples[0]!.value).toBe(Infinity);
    expect(f.get('small')!.samples[0]!.value).toBe(-Infinity);
  });

  it.each([
    ['a bad name', '1up 3'],
    ['an unquoted label', 'up{job=a} 1'],
    ['a missing value', 'up{job="a"}'],
    ['an unknown type', '# TYPE up meter'],
    ['falling buckets', '# TYPE h histogram\nh_bucket{le="1"} 5\nh_bucket{le="+Inf"} 4\nh_count 4'],
    ['+Inf not matching _count', '# TYPE h histogram\nh_bucket{le="+Inf"} 4\nh_count 5'],
  ])('refuses %s', (_what, text) => {
    expect(() => parsePrometheusText(text)).toThrow();
  });
});
