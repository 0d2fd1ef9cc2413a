// Loads a GEXF file with graphology-gexf, as a sigma.js page would, checks what sigma needs of
// every node and edge, and prints the counts and a few attributes as JSON for the caller to
// compare with networkx's reading. Usage: node load_gexf.js FILE.gexf
'use strict';
const fs = require('fs');
const Graph = require('graphology');
const gexf = require('graphology-gexf');

const fail = (message) => {
  console.error('load_gexf: ' + message);
  process.exit(1);
};

const graph = gexf.parse(Graph, fs.readFileSync(process.argv[2], 'utf8'));
const kinds = {};
graph.forEachNode((node, a) => {
  // sigma.js draws a node with the program its `type` names, so none may carry a `type`;
  // it needs numeric x and y, and takes size, color and label as they are.
  if ('type' in a) fail(`node ${node} has a type attribute (${a.type}): sigma would look for that program`);
  if (!Number.isFinite(a.x) || !Number.isFinite(a.y)) fail(`node ${node} has no numeric x, y`);
  if (!(a.size > 0)) fail(`node ${node} has no size`);
  if (typeof a.color !== 'string' || typeof a.label !== 'string') fail(`node ${node} lacks color or label`);
  if (typeof a.kind !== 'string') fail(`node ${node} has no kind`);
  kinds[a.kind] = (kinds[a.kind] || 0) + 1;
});
const edge_kinds = {};
graph.forEachEdge((edge, a) => {
  if ('type' in a) fail(`edge ${edge} has a type attribute (${a.type}): sigma would look for that program`);
  if (!(a.weight > 0)) fail(`edge ${edge} has no weight`);
  edge_kinds[a.kind] = (edge_kinds[a.kind] || 0) + 1;
});
// The exact ids of the JSONL, one per vertex that has one.
const ids = {};
graph.forEachNode((node, a) => {
  const id = a.speaker_id || a.organization_id || a.statement_id || (a.kind === 'document' ? 'doc:' + a.doc : undefined);
  if (id !== node) fail(`node ${node} carries the id ${id}`);
  ids[node] = a.kind;
});
console.log(JSON.stringify({nodes: graph.order, edges: graph.size, multi: graph.multi, kinds, edge_kinds}));
