// Runs chrono-node on sentences (one per line on stdin) with a reference instant.
// Prints one JSON line per sentence: {"value": "YYYY-MM-DDTHH:MM:SS" | null, "certain_time": bool},
// then a final line {"rate": sentences_per_second}. Run with TZ=Asia/Shanghai.
// Reading "as fairly as the output allows": the end of a range if there is one, and a
// result whose hour is not certain is read as the end of its day (our convention).
const chrono = require('chrono-node');
const ref = new Date(process.argv[2] || '2026-11-30T10:00:00+08:00');
const lines = require('fs').readFileSync(0, 'utf8').split('\n');
if (lines[lines.length - 1] === '') lines.pop();
const parsers = [chrono.casual, chrono.zh && (chrono.zh.hans || chrono.zh)].filter(Boolean);
function first(text) {
  let best = null;
  for (const p of parsers) {
    let rs = [];
    try { rs = p.parse(text, ref); } catch (e) { rs = []; }
    for (const r of rs) if (!best || r.index < best.index) best = r;
  }
  return best;
}
const pad = (n) => String(n).padStart(2, '0');
function fmt(d) {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
for (const text of lines) {
  const r = first(text);
  if (!r) { console.log(JSON.stringify({ value: null })); continue; }
  const comp = r.end || r.start;
  const d = comp.date();
  if (!comp.isCertain('hour')) d.setHours(23, 59, 59, 0);
  console.log(JSON.stringify({ value: fmt(d), text: r.text }));
}
// throughput: parse every sentence repeatedly for at least 2 s
let n = 0;
const t0 = process.hrtime.bigint();
let el = 0;
while (el < 2e9) {
  for (const text of lines) { for (const p of parsers) p.parse(text, ref); n++; }
  el = Number(process.hrtime.bigint() - t0);
}
console.log(JSON.stringify({ rate: n / (el / 1e9) }));
