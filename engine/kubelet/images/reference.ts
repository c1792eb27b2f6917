// Image references as containerd normalises them: `nginx` → docker.io/library/nginx:latest,
// `ikubernetes/myapp:v1` → docker.io/ikubernetes/myapp:v1, `registry.k8s.io/pause:3.10` as is.
// Upstream: github.com/distribution/reference normalize.go (ParseNormalizedNamed)
import { createHash } from 'node:crypto';

export interface ImageReference {
  /** What the pod spec said, e.g. `nginx`. */
  original: string;
  /** Registry host, e.g. docker.io. */
  domain: string;
  /** Path in the registry, e.g. library/nginx. */
  path: string;
  tag: string;
  digest?: string;
  /** domain/path, e.g. docker.io/library/nginx. */
  repository: string;
  /** The fully qualified name containerd reports: docker.io/library/nginx:latest. */
  full: string;
}

export function parseImageReference(image: string): ImageReference | undefined {
  const original = image.trim();
  if (!original || /\s/.test(original)) return undefined;
  let rest = original;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!/^sha256:[0-9a-f]{64}$/.test(digest)) return undefined;
  }
  let tag = '';
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!/^[\w][\w.-]{0,127}$/.test(tag)) return undefined;
  }
  const parts = rest.split('/');
  let domain = 'docker.io';
  if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost')) domain = parts.shift()!;
  let path = parts.join('/');
  if (!/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(path)) return undefined;
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (domain === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  if (!tag && !digest) tag = 'latest';
  const repository = `${domain}/${path}`;
  const full = digest ? `${repository}@${digest}` : `${repository}:${tag}`;
  return { original, domain, path, tag, digest, repository, full };
}

/** A stable, plausible content digest for an image (the same name always gets the same one). */
export function imageDigest(repository: string, tag: string): string {
  return 'sha256:' + createHash('sha256').update(`kubelab-image:${repository}:${tag}`).digest('hex');
}

/** The imageID a container status reports: `docker.io/library/nginx@sha256:…`. */
export function imageId(ref: ImageReference): string {
  return `${ref.repository}@${ref.digest ?? imageDigest(ref.repository, ref.tag)}`;
}
