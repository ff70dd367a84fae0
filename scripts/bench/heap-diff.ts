// Compares two V8 heap snapshots (from scripts/bench/memory.ts with HEAP_SNAPSHOTS=1, or any
// .heapsnapshot): the constructors whose objects grew most in count and shallow size, and the
// objects with the most outgoing references in the second one (a Map, Set or array that keeps
// growing shows up there), each with a chain of retainers.
//   node --max-old-space-size=8000 --import tsx scripts/bench/heap-diff.ts first.heapsnapshot second.heapsnapshot [top=25] [constructor…]
// Each extra argument (e.g. object:ExtendedTextMessage) prints what retains a few of its objects.
import { readFileSync } from "node:fs";

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

function load(file: string) {
  const s = JSON.parse(readFileSync(file, "utf8")) as Snapshot;
  const nf = s.snapshot.meta.node_fields;
  const ef = s.snapshot.meta.edge_fields;
  const N = nf.length;
  const E = ef.length;
  const [typeI, nameI, sizeI, edgeCountI] = ["type", "name", "self_size", "edge_count"].map((f) => nf.indexOf(f));
  const [eTypeI, eNameI, eToI] = ["type", "name_or_index", "to_node"].map((f) => ef.indexOf(f));
  const nodeTypes = s.snapshot.meta.node_types[0];
  const edgeTypes = s.snapshot.meta.edge_types[0];
  const count = s.nodes.length / N;
  const label = (i: number) => {
    const type = nodeTypes[s.nodes[i * N + typeI]];
    const name = s.strings[s.nodes[i * N + nameI]];
    return type === "object" || type === "closure" || type === "native" ? `${type}:${name.slice(0, 60)}` : `(${type})`;
  };
  const byLabel = new Map<string, { count: number; size: number }>();
  const firstEdge = new Uint32Array(count);
  for (let i = 0, e = 0; i < count; i++) {
    firstEdge[i] = e;
    e += s.nodes[i * N + edgeCountI] * E;
    const l = label(i);
    const entry = byLabel.get(l) ?? { count: 0, size: 0 };
    entry.count++;
    entry.size += s.nodes[i * N + sizeI];
    byLabel.set(l, entry);
  }
  /** One retainer of node i (the first found that is not weak), as "parent --edge-->". */
  let retainers: Int32Array | null = null;
  let retainerEdge: Int32Array | null = null;
  const retainerOf = (i: number): [number, string] | null => {
    if (!retainers) {
      retainers = new Int32Array(count).fill(-1);
      retainerEdge = new Int32Array(count).fill(-1);
      for (let p = 0; p < count; p++) {
        const n = s.nodes[p * N + edgeCountI];
        for (let k = 0; k < n; k++) {
          const e = firstEdge[p] + k * E;
          const to = s.edges[e + eToI] / N;
          const t = edgeTypes[s.edges[e + eTypeI]];
          if (t === "weak" || t === "shortcut") continue;
          if (retainers[to] === -1) {
            retainers[to] = p;
            retainerEdge[to] = e;
          }
        }
      }
    }
    const p = retainers[i];
    if (p < 0) return null;
    const e = retainerEdge![i];
    const t = edgeTypes[s.edges[e + eTypeI]];
    const name = t === "element" || t === "hidden" ? `[${s.edges[e + eNameI]}]` : s.strings[s.edges[e + eNameI]];
    return [p, name];
  };
  const chain = (i: number, depth = 6) => {
    const parts: string[] = [];
    for (let d = 0, cur = i; d < depth; d++) {
      const r = retainerOf(cur);
      if (!r) break;
      parts.push(`${label(r[0])}.${r[1]}`);
      cur = r[0];
    }
    return parts.join(" ← ");
  };
  const widest = (top: number) =>
    Array.from({ length: count }, (_, i) => i)
      .sort((a, b) => s.nodes[b * N + edgeCountI] - s.nodes[a * N + edgeCountI])
      .slice(0, top)
      .map((i) => ({ label: label(i), edges: s.nodes[i * N + edgeCountI], chain: chain(i) }));
  /** Retainer chains of a few objects of one constructor (the last ones: the newest). */
  const retainedBy = (name: string, few: number) => {
    const out: string[] = [];
    for (let i = count - 1; i >= 0 && out.length < few; i--) if (label(i) === name) out.push(chain(i, 10));
    return out;
  };
  return { byLabel, count, widest, retainedBy };
}

const [fileA, fileB, topArg, ...traced] = process.argv.slice(2);
const top = Number(topArg) || 25;
const a = load(fileA);
const b = load(fileB);
const mb = (n: number) => (n / 1024 / 1024).toFixed(2);
const total = (m: Map<string, { size: number }>) => [...m.values()].reduce((s, e) => s + e.size, 0);
console.log(`first: ${a.count} objects, ${mb(total(a.byLabel))} MB; second: ${b.count} objects, ${mb(total(b.byLabel))} MB`);
const rows = [...new Set([...a.byLabel.keys(), ...b.byLabel.keys()])].map((l) => {
  const x = a.byLabel.get(l) ?? { count: 0, size: 0 };
  const y = b.byLabel.get(l) ?? { count: 0, size: 0 };
  return { l, dCount: y.count - x.count, dSize: y.size - x.size, count: y.count, size: y.size };
});
console.log(`\ngrowth by constructor (shallow size), top ${top}:\nΔ MB\tΔ count\tMB\tcount\tconstructor`);
for (const r of rows.sort((p, q) => q.dSize - p.dSize).slice(0, top)) console.log(`${mb(r.dSize)}\t${r.dCount}\t${mb(r.size)}\t${r.count}\t${r.l}`);
console.log(`\ngrowth by count, top ${top}:`);
for (const r of rows.sort((p, q) => q.dCount - p.dCount).slice(0, top)) console.log(`${mb(r.dSize)}\t${r.dCount}\t${mb(r.size)}\t${r.count}\t${r.l}`);
console.log(`\nobjects with the most references in the second snapshot, first one's in brackets:`);
const before = new Map(a.widest(top * 4).map((w) => [w.chain + w.label, w.edges]));
for (const w of b.widest(top)) console.log(`${w.edges}\t(${before.get(w.chain + w.label) ?? "?"})\t${w.label} ← ${w.chain}`);
for (const name of traced) {
  console.log(`\nwhat retains ${name} (the newest few):`);
  for (const c of b.retainedBy(name, 4)) console.log(`  ${c}`);
}
