import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { type Lexicon, loadLexicon } from '../lexicon/index.js';
import { type ArticleTask, annotateFile, type TaskResult } from './annotate-file.js';

/** Runs batches of article tasks: in this thread (one worker) or on a piscina pool. */
export interface AnnotatorPool {
  readonly workers: number;
  run(batch: ArticleTask[]): Promise<TaskResult[]>;
  close(): Promise<void>;
}

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

// under tsx the worker is the .ts file beside this one, compiled it is the .js file
const WORKER = new URL(
  `./worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`,
  import.meta.url,
);

/** `lexicon` is needed only for one worker (this thread); threads load their own. */
export function annotatorPool(workers: number, lexicon?: Lexicon): AnnotatorPool {
  if (workers <= 1) {
    return {
      workers: 1,
      // a resolved promise per batch keeps both paths one code path for the caller
      run: async (batch) => batch.map((t) => annotateFile(t, lexicon ?? loadLexicon())),
      close: async () => {},
    };
  }
  const piscina = new Piscina({
    filename: WORKER.href,
    minThreads: workers,
    maxThreads: workers,
    // a batch is already many articles: one at a time per thread keeps the cores busy and no more
    concurrentTasksPerWorker: 1,
    idleTimeout: 1000,
  });
  return {
    workers,
    run: (batch) => piscina.run(batch) as Promise<TaskResult[]>,
    close: () => piscina.destroy(),
  };
}
