"""Reads a GEXF file with NetworkX's read_gexf and prints what it understood as JSON.

Used by test/gexf.test.ts as an independent reader. Run with Debian's
/usr/bin/python3 and python3-networkx: /usr/bin/python3 test/gexf-read.py FILE
"""
import json
import sys

import networkx as nx

graph = nx.read_gexf(sys.argv[1])
out = {
    "directed": graph.is_directed(),
    "multigraph": graph.is_multigraph(),
    "mode": graph.graph.get("mode"),
    "nodes": [{"id": node, "data": data} for node, data in graph.nodes(data=True)],
    "edges": [
        {"source": source, "target": target, "data": data}
        for source, target, data in graph.edges(data=True)
    ],
}
# ASCII JSON: no dependency on the console encoding.
sys.stdout.write(json.dumps(out, ensure_ascii=True, allow_nan=False))
