import { expect, it } from 'vitest';
import { read, write } from './support.js';

function big(n: number): string {
  const parts = ['router id 10.0.0.1;', 'template bgp T { local as 65000; ipv4 { import all; export none; }; }'];
  for (let i = 0; i < n; i++) {
    const a = `10.${(i >> 8) & 255}.${i & 255}.1`;
    parts.push(`protocol bgp p${i} from T {\n  neighbor ${a} as ${65001 + (i % 1000)};\n  ipv4 { import where net ~ [ 10.${i & 255}.0.0/16+ ]; export filter { if bgp_path.len > 3 then reject; bgp_local_pref = ${i % 500}; accept; }; };\n}`);
  }
  return parts.join('\n');
}

it('reads and writes in time roughly linear in the size of the config', () => {
  const time = (n: number): number => {
    const text = big(n);
    const t0 = performance.now();
    const r = read(text);
    write(r.doc);
    return performance.now() - t0;
  };
  time(200);
  const small = time(1000);
  const large = time(4000);
  expect(large).toBeLessThan(small * 4 * 3 + 200);
});
