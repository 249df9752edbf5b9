import { runNeo4jBench } from '../src/neo4j/bench.js';
const r = await runNeo4jBench({ env: {}, log: (l) => console.log(l) });
console.log(JSON.stringify(r.ms), process.memoryUsage().rss / 1e6);
