// The images the offline cluster can "pull": every family registered here, looked up by the
// normalised repository. A name that is not here is a registry miss, so the kubelet reports
// ErrImagePull/ImagePullBackOff exactly as a real node does for a misspelt image.
// Add an image: write its family file (one class or ServerImage spec) and list it below.
import { busyboxImage, alpineImage, centosImage, ubuntuImage } from './busybox';
import { flaskappImage } from './flaskapp';
import { fluentdImage } from './fluentd';
import { httpdImage } from './httpd';
import type { Image } from './image';
import { defaultBackendImage, ingressControllerImage } from './ingress-nginx';
import { corednsImage, etcdImage, flannelImage, kubeApiserverImage, kubeControllerManagerImage, kubeProxyImage, kubeSchedulerImage, pauseImage } from './kubernetes';
import { myappImage } from './myapp';
import { mysqlImage } from './mysql';
import { nginxImage } from './nginx';
import { phpApacheImage } from './php-apache';
import { redisImage } from './redis';
import { imageId, parseImageReference, type ImageReference } from './reference';
import { stressImage } from './stress';
import { tomcatImage } from './tomcat';

export const ALL_IMAGES: Image[] = [
  nginxImage,
  busyboxImage,
  alpineImage,
  centosImage,
  ubuntuImage,
  httpdImage,
  tomcatImage,
  phpApacheImage,
  myappImage,
  mysqlImage,
  redisImage,
  stressImage,
  flaskappImage,
  fluentdImage,
  etcdImage,
  kubeApiserverImage,
  kubeControllerManagerImage,
  kubeSchedulerImage,
  kubeProxyImage,
  pauseImage,
  corednsImage,
  flannelImage,
  ingressControllerImage,
  defaultBackendImage,
];

export interface ResolvedImage {
  image: Image;
  ref: ImageReference;
  sizeBytes: number;
  /** `docker.io/library/nginx@sha256:…` */
  imageId: string;
}

export type ResolveResult =
  | { ok: true; resolved: ResolvedImage }
  | { ok: false; reason: 'InvalidImageName' | 'NotFound' | 'AccessDenied'; message: string; ref?: ImageReference };

export class ImageCatalog {
  private readonly byRepo = new Map<string, Image>();

  constructor(images: Image[] = ALL_IMAGES) {
    for (const img of images) for (const r of img.facts.repositories) this.byRepo.set(r, img);
  }

  /** Adds an image family (other engines extend the catalog); returns the removal. */
  register(img: Image): () => void {
    for (const r of img.facts.repositories) this.byRepo.set(r, img);
    return () => {
      for (const r of img.facts.repositories) if (this.byRepo.get(r) === img) this.byRepo.delete(r);
    };
  }

  /**
   * What pulling `image` gives: the image, or the registry's answer as containerd words it
   * (the kubelet prefixes `rpc error: code = … desc = `).
   */
  resolve(image: string): ResolveResult {
    const ref = parseImageReference(image);
    if (!ref) {
      const lower = image.toLowerCase() !== image ? `: repository name (${image.split(':')[0]}) must be lowercase` : '';
      return { ok: false, reason: 'InvalidImageName', message: `Failed to apply default image tag "${image}": couldn't parse image name "${image}": invalid reference format${lower}` };
    }
    const img = this.byRepo.get(ref.repository) ?? this.byPathSuffix(ref);
    if (!img) {
      return {
        ok: false,
        reason: 'AccessDenied',
        ref,
        message: `failed to pull and unpack image "${ref.full}": failed to resolve reference "${ref.full}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`,
      };
    }
    if (!ref.digest && !img.facts.tags.test(ref.tag)) {
      return { ok: false, reason: 'NotFound', ref, message: `failed to pull and unpack image "${ref.full}": failed to resolve reference "${ref.full}": ${ref.full}: not found` };
    }
    return { ok: true, resolved: { image: img, ref, sizeBytes: img.facts.sizeBytes(ref.tag), imageId: imageId(ref) } };
  }

  /** Mirrors (`myregistry:5000/nginx`, `hub.example.com/library/nginx`) of a known image. */
  private byPathSuffix(ref: ImageReference): Image | undefined {
    if (ref.domain === 'docker.io') return undefined;
    const name = ref.path.replace(/^library\//, '');
    for (const [repo, img] of this.byRepo) {
      const known = repo.slice(repo.indexOf('/') + 1).replace(/^library\//, '');
      if (known === name) return img;
    }
    return undefined;
  }
}
