// Reading request bodies (JSON, or YAML for server-side apply) with the apiserver's size limit.
import type { IncomingMessage } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { decodeKubernetesProtobuf, isKubernetesProtobuf, ProtobufDecodeError } from './protobuf/decode';
import { badRequest, StatusError } from './status-error';

const MAX_BODY = 3 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) {
      throw new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Request entity too large: limit is 3145728', reason: 'RequestEntityTooLarge', code: 413 });
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function parseJsonBody(buf: Buffer, what = 'body'): unknown {
  // kubectl's typed clients (create configmap, run, drain's evictions...) send Kubernetes protobuf.
  if (isKubernetesProtobuf(buf)) return parseProtobufBody(buf);
  const text = buf.toString('utf8');
  if (!text.trim()) throw badRequest(`the ${what} of the request was empty`);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw badRequest(`couldn't get version/kind; json parse error: ${(e as Error).message}`);
  }
}

function parseProtobufBody(buf: Buffer): unknown {
  try {
    return decodeKubernetesProtobuf(buf);
  } catch (e) {
    if (!(e instanceof ProtobufDecodeError)) throw e;
    if (!e.unknownKind) throw badRequest(e.message);
    throw new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml', reason: 'UnsupportedMediaType', code: 415 });
  }
}

export function parseYamlOrJsonBody(buf: Buffer): unknown {
  const text = buf.toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    try {
      return parseYaml(text);
    } catch (e) {
      throw badRequest(`error converting YAML to JSON: ${(e as Error).message}`);
    }
  }
}
