// Image names as containerd normalises them, and what the catalog can "pull".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ImageCatalog } from './catalog';
import { parseImageReference } from './reference';

test('references normalise like containerd', () => {
  assert.equal(parseImageReference('nginx')?.full, 'docker.io/library/nginx:latest');
  assert.equal(parseImageReference('nginx:1.17.1')?.full, 'docker.io/library/nginx:1.17.1');
  assert.equal(parseImageReference('ikubernetes/myapp:v1')?.full, 'docker.io/ikubernetes/myapp:v1');
  assert.equal(parseImageReference('registry.k8s.io/pause:3.10')?.repository, 'registry.k8s.io/pause');
  assert.equal(parseImageReference('10.0.0.11:5000/nginx:1.13')?.domain, '10.0.0.11:5000');
  assert.equal(parseImageReference('Nginx'), undefined);
});

test('catalog: known images resolve with size and digest; misses are registry errors', () => {
  const c = new ImageCatalog();
  const ok = c.resolve('nginx');
  assert.ok(ok.ok);
  assert.equal(ok.resolved.sizeBytes, 72195292);
  assert.match(ok.resolved.imageId, /^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
  for (const img of ['nginx:1.17.1', 'nginx:alpine', 'busybox', 'httpd', 'tomcat:8.5.34-jre8-alpine', 'registry.k8s.io/hpa-example', 'ikubernetes/myapp:v2', 'mysql:5.7', 'redis', 'centos:7', 'registry.k8s.io/kube-apiserver:v1.32.4', 'registry.k8s.io/coredns/coredns:v1.11.3', 'registry.k8s.io/pause:3.10', 'registry.k8s.io/ingress-nginx/controller:v1.12.0']) {
    assert.ok(c.resolve(img).ok, img);
  }
  const miss = c.resolve('nginxx');
  assert.ok(!miss.ok && miss.reason === 'AccessDenied');
  assert.match(miss.message, /^failed to pull and unpack image "docker\.io\/library\/nginxx:latest": failed to resolve reference "docker\.io\/library\/nginxx:latest": pull access denied/);
  const tag = c.resolve('ikubernetes/myapp:v9');
  assert.ok(!tag.ok && tag.reason === 'NotFound');
  assert.equal(tag.message, 'failed to pull and unpack image "docker.io/ikubernetes/myapp:v9": failed to resolve reference "docker.io/ikubernetes/myapp:v9": docker.io/ikubernetes/myapp:v9: not found');
  const bad = c.resolve('Nginx');
  assert.ok(!bad.ok && bad.reason === 'InvalidImageName');
});
