/**
 * One error type with a stable code (tests assert codes, not messages). Only the
 * CLI's entry point turns these into one-line messages and exit codes.
 */
export type KgErrorCode =
  | 'E_USAGE'
  | 'E_INPUT'
  | 'E_LEXICON'
  | 'E_MANIFEST'
  | 'E_SCHEMA'
  | 'E_GOLD'
  | 'E_EXPORT'
  | 'E_MEMORY'
  | 'E_LOCKED'
  | 'E_NEO4J_UNAVAILABLE'
  | 'E_NEO4J_AUTH'
  | 'E_NEO4J_DATABASE'
  | 'E_NEO4J_QUERY'
  | 'E_NOT_FOUND';

export interface KgErrorPlace {
  file?: string;
  line?: number;
  column?: number;
  /** JSON path or field name inside the file */
  path?: string;
}

export class KgError extends Error {
  override readonly name = 'KgError';
  readonly code: KgErrorCode;
  readonly place: KgErrorPlace;

  constructor(
    code: KgErrorCode,
    message: string,
    place: KgErrorPlace = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.code = code;
    this.place = place;
  }

  /** `file:line:column: path: message`, one line. */
  format(): string {
    const { file, line, column, path } = this.place;
    let where = file ?? '';
    if (file && line !== undefined) where += `:${line}${column !== undefined ? `:${column}` : ''}`;
    const parts = [where, path, this.message].filter((p) => p !== undefined && p !== '');
    return parts.join(': ').replace(/\s*\n\s*/g, ' ');
  }
}

export function isKgError(error: unknown): error is KgError {
  return error instanceof KgError;
}
