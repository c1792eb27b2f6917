// ikubernetes/myapp:vN (the MageEdu course image): nginx that answers
// `Hello MyApp | Version: vN | <a href="hostname.html">Pod Name</a>` and serves the pod name at
// /hostname.html — ideal for watching load balancing and rollouts.
import { nginx404 } from './nginx';
import { serveFiles, ServerImage } from './server-image';
import { alpineUserland } from './userland';

export const myappImage = new ServerImage({
  family: 'myapp',
  facts: { repositories: ['docker.io/ikubernetes/myapp'], tags: /^v[1-7]$/, sizeBytes: () => 15504557 },
  entrypoint: [],
  cmd: ['nginx', '-g', 'daemon off;'],
  serverPrograms: ['nginx'],
  ports: [
    {
      port: 80,
      http: (req, ctx) => {
        if (req.path === '/hostname.html') return { status: 200, body: `${ctx.hostname}\n` };
        return serveFiles(req, ctx, '/usr/share/nginx/html', () => nginx404('1.12.2'));
      },
    },
  ],
  userland: () => alpineUserland({ version: '3.7.0', extra: { nginx: '/usr/sbin/nginx' } }),
  startupMs: 0,
  stopMs: 150,
  memoryBytes: 6 * 1024 * 1024,
  files: (tag) => ({ '/usr/share/nginx/html/index.html': `Hello MyApp | Version: ${tag} | <a href="hostname.html">Pod Name</a>\n` }),
});
