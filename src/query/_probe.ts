import { UndirectedGraph } from 'graphology';
import { bidirectional } from 'graphology-shortest-path/unweighted.js';
import { bfsFromNode } from 'graphology-traversal';
const g = new UndirectedGraph();
g.addNode('a'); g.addNode('b'); g.addNode('c'); g.addEdge('a','b'); g.addEdge('b','c');
console.log(bidirectional(g, 'a', 'c'));
bfsFromNode(g, 'a', (k, _a, d) => { console.log(k, d); return d >= 1; });
