// A parsed API request: which resource, which verb, and the query options the handlers read.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ResourceDefinition, ServedVersion } from '../registry/resource-definition';

export interface ResourceRequest {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  def: ResourceDefinition;
  version: ServedVersion;
  namespace?: string;
  name?: string;
  subresource?: string;
  /** watch=true (or a legacy /watch/ path). */
  watch: boolean;
  dryRun: boolean;
  fieldValidation: 'Strict' | 'Warn' | 'Ignore';
  fieldManager?: string;
  warnings: string[];
}

export function queryBool(v: string | null): boolean {
  return v === 'true' || v === '1' || v === 'True';
}

export function fieldValidationOf(url: URL): 'Strict' | 'Warn' | 'Ignore' {
  const v = url.searchParams.get('fieldValidation');
  if (v === 'Strict' || v === 'Ignore') return v;
  // The apiserver default is Warn (kubectl sends Strict explicitly).
  return 'Warn';
}
