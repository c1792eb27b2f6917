// The HPA walkthrough's php-apache (registry.k8s.io/hpa-example): `GET /` burns some CPU and
// answers "OK!". The metrics engine reads request counts from its listener.
import { ServerImage, VERSION_TAG } from './server-image';
import { debianUserland } from './userland';

export const phpApacheImage = new ServerImage({
  family: 'php-apache',
  facts: { repositories: ['registry.k8s.io/hpa-example', 'k8s.gcr.io/hpa-example', 'gcr.io/google_containers/hpa-example'], tags: VERSION_TAG, sizeBytes: () => 138424345 },
  entrypoint: [],
  cmd: ['apache2-foreground'],
  serverPrograms: ['apache2-foreground', 'apache2', 'httpd'],
  ports: [{ port: 80, http: () => ({ status: 200, body: 'OK!' }) }],
  userland: () => debianUserland({ release: 'buster', workdir: '/var/www/html', extra: { 'apache2-foreground': '/usr/local/bin/apache2-foreground', php: '/usr/local/bin/php' } }),
  startupMs: 0,
  stopMs: 300,
  memoryBytes: 20 * 1024 * 1024,
});
