// sakuragaara/flaskapp (seed 001): a Flask app on 5000 whose /index the liveness probe checks.
import { ServerImage } from './server-image';
import { debianUserland } from './userland';

export const flaskappImage = new ServerImage({
  family: 'flaskapp',
  facts: { repositories: ['docker.io/sakuragaara/flaskapp'], tags: /^v\d+$/, sizeBytes: () => 35213876 },
  entrypoint: ['python'],
  cmd: ['app.py'],
  serverPrograms: ['python', 'flask'],
  ports: [{ port: 5000, http: (req, _ctx, tag) => (req.path === '/index' || req.path === '/' ? { status: 200, body: `Hello from flaskapp ${tag}\n` } : { status: 404, body: '<!doctype html>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n' }) }],
  userland: () => debianUserland({ workdir: '/app', extra: { python: '/usr/local/bin/python', python3: '/usr/local/bin/python3', pip: '/usr/local/bin/pip' } }),
  startupMs: 800,
  stopMs: 200,
  memoryBytes: 30 * 1024 * 1024,
  startupLog: () => ' * Running on http://0.0.0.0:5000/ (Press CTRL+C to quit)\n',
});
