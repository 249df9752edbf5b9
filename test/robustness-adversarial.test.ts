import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { before, describe, it } from 'node:test';
import { ADVERSARIAL, ADVERSARIAL_SIZE } from './fixtures/robustness/adversarial.js';
import { ROOT } from './fixtures/robustness/cli.js';

/** Each annotator step on each input must finish within this (2 cores, tests running beside). */
const BUDGET_MS = 2000;
/** annotate() as a whole runs every step: twice the budget of one. */
const WHOLE = 'annotate (all)';
const budget = (step: string) => (step === WHOLE ? 2 * BUDGET_MS : BUDGET_MS);
/** A step still running this long past its budget is stopped and counted as over budget. */
const STOP_AFTER_MS = 500;

/**
 * Inputs on which an annotator is known to run over budget, with why; each is a test marked
 * todo (it runs, and reports) until the annotator is fixed. Remove an entry when it passes.
 */
const KNOWN_SLOW: Record<string, string> = {};

type Times = Map<string, Map<string, number>>;

/** Run the steps in a child process, stopping a step that runs over its budget; then restart from the next input. */
async function measure(names: string[]): Promise<Times> {
  const times: Times = new Map(names.map((n) => [n, new Map()]));
  let queue = [...names];
  while (queue.length > 0) {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/fixtures/robustness/adversarial-runner.ts', ...queue],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    let running: { input: string; step: string } | undefined;
    let timer: NodeJS.Timeout | undefined;
    const arm = (ms: number, onFire: () => void) => {
      clearTimeout(timer);
      timer = setTimeout(onFire, ms);
    };
    let stopped: { input: string; step: string } | undefined;
    arm(120_000, () => child.kill('SIGKILL'));
    for await (const line of createInterface({ input: child.stdout })) {
      const m = JSON.parse(line) as {
        input?: string;
        step?: string;
        ms?: number;
        started?: boolean;
        done?: boolean;
      };
      if (m.input && m.step && m.started) {
        running = { input: m.input, step: m.step };
        const current = running;
        arm(budget(m.step) + STOP_AFTER_MS, () => {
          stopped = current;
          child.kill('SIGKILL');
        });
      } else if (m.input && m.step && m.ms !== undefined) {
        times.get(m.input)?.set(m.step, m.ms);
        clearTimeout(timer);
      }
    }
    clearTimeout(timer);
    await exited;
    if (stopped) {
      times.get(stopped.input)?.set(stopped.step, Number.POSITIVE_INFINITY);
      queue = queue.slice(queue.indexOf(stopped.input) + 1);
    } else {
      assert.ok(
        running === undefined || times.get(running.input)?.has(running.step),
        'the runner died',
      );
      queue = [];
    }
  }
  return times;
}

describe(`annotator steps on ${ADVERSARIAL_SIZE / 1000} KB adversarial inputs finish within ${BUDGET_MS} ms each (annotate() ${2 * BUDGET_MS} ms)`, () => {
  const names = Object.keys(ADVERSARIAL);
  let times: Times;
  before(async () => {
    times = await measure(names);
  });

  for (const name of names) {
    it(JSON.stringify(name), { todo: KNOWN_SLOW[name] ?? false }, (t) => {
      const steps = times.get(name) ?? new Map();
      assert.ok(
        steps.has('annotate (all)') ||
          [...steps.values()].some((ms) => ms === Number.POSITIVE_INFINITY),
        `${name}: not measured`,
      );
      const row = [...steps].map(
        ([s, ms]) =>
          `${s} ${Number.isFinite(ms) ? ms.toFixed(0) : `>${budget(s) + STOP_AFTER_MS}`}`,
      );
      t.diagnostic(row.join(', '));
      const slow = [...steps].filter(([s, ms]) => ms >= budget(s));
      assert.deepEqual(
        slow.map(([s]) => s),
        [],
        `${name}: ${row.join(', ')}`,
      );
    });
  }

  it('reports the slowest step and the slowest annotate()', (t) => {
    let worst = { name: '', step: '', ms: 0 };
    let whole = { name: '', ms: 0 };
    for (const [name, steps] of times) {
      if (KNOWN_SLOW[name]) continue;
      for (const [step, ms] of steps) {
        if (step === WHOLE) {
          if (ms > whole.ms) whole = { name, ms };
        } else if (ms > worst.ms) worst = { name, step, ms };
      }
    }
    t.diagnostic(
      `slowest step outside the known-slow inputs: ${worst.step} on ${JSON.stringify(worst.name)}, ${worst.ms.toFixed(0)} ms; slowest annotate(): ${JSON.stringify(whole.name)}, ${whole.ms.toFixed(0)} ms`,
    );
    assert.ok(worst.ms < BUDGET_MS && whole.ms < 2 * BUDGET_MS);
  });
});
