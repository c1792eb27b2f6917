// nginx: serves /usr/share/nginx/html on port 80 ("Welcome to nginx!"), 404 elsewhere; stops
// within a fraction of a second on SIGTERM (exit 0).
import type { ContainerContext } from './image';
import { logTime, serveFiles, ServerImage, VERSION_TAG } from './server-image';

export const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

export function nginx404(version: string) {
  return {
    status: 404,
    body: `<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`,
    headers: { 'Content-Type': 'text/html', Server: `nginx/${version}` },
  };
}

/** The nginx version a tag runs (`latest` is 1.27.x). */
export function nginxVersion(tag: string): string {
  const m = /^(\d+\.\d+(\.\d+)?)/.exec(tag);
  if (!m) return '1.27.3';
  return m[2] ? m[1] : `${m[1]}.0`;
}

function startupLog(ctx: ContainerContext, tag: string): string {
  const t = logTime(ctx.clock.now());
  return [
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
    '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
    '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
    `${t} [notice] 1#1: using the "epoll" event method`,
    `${t} [notice] 1#1: nginx/${nginxVersion(tag)}`,
    `${t} [notice] 1#1: start worker processes`,
    '',
  ].join('\n');
}

export const nginxImage = new ServerImage({
  family: 'nginx',
  facts: {
    repositories: ['docker.io/library/nginx', '10.0.0.11:5000/nginx'],
    tags: VERSION_TAG,
    sizeBytes: (tag) => (tag.includes('alpine') ? 20535678 : tag.startsWith('1.1') ? 44745612 : 72195292),
  },
  entrypoint: ['/docker-entrypoint.sh'],
  cmd: ['nginx', '-g', 'daemon off;'],
  serverPrograms: ['docker-entrypoint.sh', 'nginx'],
  ports: [{ port: 80, http: (req, ctx, tag) => serveFiles(req, ctx, '/usr/share/nginx/html', () => nginx404(nginxVersion(tag))) }],
  startupMs: 0,
  stopMs: 150,
  memoryBytes: 8 * 1024 * 1024,
  startupLog,
  files: () => ({ '/usr/share/nginx/html/index.html': NGINX_WELCOME, '/usr/share/nginx/html/50x.html': '<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>\n' }),
  env: (tag) => ({ NGINX_VERSION: nginxVersion(tag) }),
});
