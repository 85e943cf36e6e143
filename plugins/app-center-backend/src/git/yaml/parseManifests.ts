import { Document, LineCounter, parseAllDocuments } from 'yaml';

/** Limits that keep a hostile file (huge, or a billion-laughs alias bomb) from exhausting the backend. */
export interface ManifestLimits {
  /** Bytes per file (default 256 KiB). */
  maxFileBytes?: number;
  /** Documents per file (default 100). */
  maxDocuments?: number;
  /** Alias expansion budget handed to yaml's `maxAliasCount` (default 50). */
  maxAliasCount?: number;
}

export const DEFAULT_LIMITS: Required<ManifestLimits> = {
  maxFileBytes: 256 * 1024,
  maxDocuments: 100,
  maxAliasCount: 50,
};

/** A parsed document with its plain value, or the error converting it. */
export interface ParsedDocument {
  document: Document.Parsed;
  /** Plain JavaScript value (undefined for an empty document). */
  value: unknown;
}

export interface ParsedManifestFile {
  documents: ParsedDocument[];
  lineCounter: LineCounter;
  /** Problems with their position (1-based). Empty when the file parsed. */
  errors: Array<{ line: number; column: number; message: string }>;
}

/** Parses a multi-document YAML file within the limits; never throws for bad input. */
export function parseManifests(
  text: string,
  limits: ManifestLimits = {},
): ParsedManifestFile {
  const l = { ...DEFAULT_LIMITS, ...limits };
  const lineCounter = new LineCounter();
  const errors: ParsedManifestFile['errors'] = [];
  if (Buffer.byteLength(text, 'utf8') > l.maxFileBytes) {
    errors.push({
      line: 1,
      column: 1,
      message: `file is larger than ${l.maxFileBytes} bytes`,
    });
    return { documents: [], lineCounter, errors };
  }
  if (text.includes('\0')) {
    errors.push({
      line: 1,
      column: 1,
      message: 'file contains a NUL byte (binary content is not a manifest)',
    });
    return { documents: [], lineCounter, errors };
  }
  const docs = parseAllDocuments(text, {
    lineCounter,
    prettyErrors: true,
    uniqueKeys: true,
  });
  const list: Document.Parsed[] = Array.isArray(docs) ? docs : [];
  if (list.length > l.maxDocuments) {
    errors.push({
      line: 1,
      column: 1,
      message: `file has more than ${l.maxDocuments} documents`,
    });
    return { documents: [], lineCounter, errors };
  }
  const documents: ParsedDocument[] = [];
  for (const document of list) {
    if (document.errors.length) {
      for (const e of document.errors) {
        const pos = lineCounter.linePos(e.pos[0]);
        errors.push({
          line: pos.line,
          column: pos.col,
          // yaml ends its first line with " at line L, column C:"; the issue carries the position itself.
          message: e.message
            .split('\n')[0]
            .replace(/ at line \d+, column \d+:?$/, ''),
        });
      }
      continue;
    }
    const tags = unresolvedTags(document, lineCounter);
    if (tags.length) {
      errors.push(...tags);
      continue;
    }
    try {
      documents.push({
        document,
        value: document.toJS({ maxAliasCount: l.maxAliasCount }),
      });
    } catch (error) {
      const start = document.contents?.range?.[0] ?? 0;
      const pos = lineCounter.linePos(start);
      errors.push({
        line: pos.line,
        column: pos.col,
        message: /alias/i.test((error as Error).message)
          ? 'too many YAML alias expansions (refused as a possible YAML bomb)'
          : (error as Error).message,
      });
    }
  }
  return { documents, lineCounter, errors };
}

/**
 * Tags outside YAML's core schema (`!!js/function`, `!!python/object:...`, `!local`): a loader that honours
 * them builds objects or runs code, and Kubernetes reads none of them, so a manifest must not carry one.
 * The yaml library leaves them unresolved with a warning; they are refused here, each at its position.
 */
function unresolvedTags(
  document: Document.Parsed,
  lineCounter: LineCounter,
): ParsedManifestFile['errors'] {
  return document.warnings
    .filter(w => w.code === 'TAG_RESOLVE_FAILED')
    .map(w => {
      const pos = lineCounter.linePos(w.pos[0]);
      const tag = /Unresolved tag: (\S+)/
        .exec(w.message)?.[1]
        ?.replace(/^tag:yaml\.org,2002:/, '!!');
      return {
        line: pos.line,
        column: pos.col,
        message: `YAML tag ${
          tag ?? '(unknown)'
        } is not allowed: manifests are plain data (strings, numbers, booleans, maps and lists)`,
      };
    });
}

/** 1-based line and column of a node's start, or of the document start. */
export function positionOf(
  lineCounter: LineCounter,
  node: { range?: [number, number, number] | null } | null | undefined,
  fallback: number,
): { line: number; column: number } {
  const offset = node?.range?.[0] ?? fallback;
  const pos = lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}
