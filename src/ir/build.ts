/** Small constructors used by readers and tests (pandoc-types Builder). */
import { IR_VERSION, type IrDocument, type Speaker } from './schema.js';
import { pushAll } from '../arrays.js';

export function emptyDocument(): IrDocument {
  return { irVersion: IR_VERSION, sources: [], speakers: [], nodes: [], raw: [] };
}

export function emptySpeaker(id: string, kind: Speaker['kind'] = 'daemon'): Speaker {
  return {
    id,
    kind,
    peerGroups: [],
    peers: [],
    listenRanges: [],
    networks: [],
    aggregates: [],
    redistribute: [],
    policy: { prefixSets: [], communitySets: [], asPathSets: [], neighborSets: [], policies: [] },
    bfdProfiles: [],
    pools: [],
    advertisements: [],
    raw: [],
  };
}

/** Several documents (one per input file) become one: sources, speakers and raw nodes are concatenated. */
export function mergeDocuments(docs: readonly IrDocument[]): IrDocument {
  const out = emptyDocument();
  const ids = new Set<string>();
  for (const d of docs) {
    pushAll(out.sources, d.sources);
    pushAll(out.raw, d.raw);
    for (const n of d.nodes) if (!out.nodes.some((m) => m.name === n.name)) out.nodes.push(n);
    for (const s of d.speakers) {
      let id = s.id;
      for (let n = 2; ids.has(id); n++) id = `${s.id}#${n}`;
      ids.add(id);
      out.speakers.push(id === s.id ? s : { ...s, id });
    }
  }
  return out;
}
