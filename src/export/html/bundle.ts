import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KgError } from '../../util/errors.js';

export interface ClientBundle {
  js: string;
  css: string;
}

let cached: Promise<ClientBundle> | undefined;

/**
 * The viewer's browser code with sigma and graphology, bundled by esbuild into
 * one IIFE plus its CSS. Built once per process: every export reuses it.
 */
export function clientBundle(): Promise<ClientBundle> {
  cached ??= build().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function build(): Promise<ClientBundle> {
  const entry = clientEntry();
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch (error) {
    throw new KgError(
      'E_EXPORT',
      'the HTML viewer needs the esbuild package: npm install',
      {
        file: entry,
      },
      { cause: error },
    );
  }
  let result: Awaited<ReturnType<typeof esbuild.build>>;
  try {
    result = await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: 'es2020',
      minify: true,
      outdir: 'viewer',
      logLevel: 'silent',
      absWorkingDir: dirname(entry),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new KgError(
      'E_EXPORT',
      `cannot bundle the HTML viewer: ${message}`,
      { file: entry },
      {
        cause: error,
      },
    );
  }
  const files = result.outputFiles ?? [];
  const js = files.find((f) => f.path.endsWith('.js'))?.text ?? '';
  const css = files.find((f) => f.path.endsWith('.css'))?.text ?? '';
  // Both are inlined into <script>/<style>; a closing tag inside would end them early.
  if (/<\/(script|style)/i.test(js + css) || js === '') {
    throw new KgError('E_EXPORT', 'the bundled viewer cannot be inlined', { file: entry });
  }
  return { js, css };
}

/** `client/main.ts` in the source tree, also when running from the compiled dist/. */
function clientEntry(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    join(here, 'client', 'main.ts'),
    join(here, '..', '..', '..', 'src', 'export', 'html', 'client', 'main.ts'),
  ];
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new KgError('E_EXPORT', 'the HTML viewer sources are missing', { file: candidates[0] });
  }
  return found;
}
