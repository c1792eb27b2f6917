// nginx: serves /usr/share/nginx/html on port 80 ("Welcome to nginx!"), 404 elsewhere; stops
// within a fraction of a second on SIGTERM (exit 0).
import type { ContainerContext, HttpRequest, HttpResponse } from './image';
import { logTime, serveFiles, ServerImage, VERSION_TAG } from './server-image';
import { alpineUserland, debianUserland, type Userland } from './userland';

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

export const NGINX_50X = `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
the error log for details.</p>
<p><em>Faithfully yours, nginx.</em></p>
</body>
</html>
`;

export const NGINX_CONF = `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /var/run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`;

export const NGINX_DEFAULT_CONF = `server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }

    # proxy the PHP scripts to Apache listening on 127.0.0.1:80
    #
    #location ~ \.php$ {
    #    proxy_pass   http://127.0.0.1;
    #}

    # pass the PHP scripts to FastCGI server listening on 127.0.0.1:9000
    #
    #location ~ \.php$ {
    #    root           html;
    #    fastcgi_pass   127.0.0.1:9000;
    #    fastcgi_index  index.php;
    #    fastcgi_param  SCRIPT_FILENAME  /scripts$fastcgi_script_name;
    #    include        fastcgi_params;
    #}

    # deny access to .htaccess files, if Apache's document root
    # concurs with nginx's one
    #
    #location ~ /\.ht {
    #    deny  all;
    #}
}

`;

/** `[01/Jan/2026:10:00:00 +0000]`, nginx's $time_local in a UTC container. */
export function nginxTimeLocal(ms: number): string {
  const d = new Date(ms);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** One line of the image's `main` log format, written to stdout as the image's access.log is. */
export function nginxAccessLog(ctx: ContainerContext, req: HttpRequest, res: HttpResponse): void {
  const h = (name: string) => Object.entries(req.headers).find(([k]) => k.toLowerCase() === name)?.[1];
  const q = (v: string | undefined) => `"${v ?? '-'}"`;
  const bytes = Buffer.byteLength(res.body);
  ctx.stdout(`${req.remoteAddr ?? '127.0.0.1'} - - [${nginxTimeLocal(ctx.clock.now())}] "${req.method} ${req.path} HTTP/1.1" ${res.status} ${bytes} ${q(h('referer'))} ${q(h('user-agent'))} ${q(h('x-forwarded-for'))}\n`);
}

/** Debian releases of the official image: 1.17-1.19 buster, later bookworm (bullseye folded in). */
function nginxUserland(tag: string): Userland {
  const extra = { nginx: '/usr/sbin/nginx', 'docker-entrypoint.sh': '/docker-entrypoint.sh', envsubst: '/usr/bin/envsubst' };
  if (tag.includes('alpine')) return alpineUserland({ extra });
  const [maj, min] = nginxVersion(tag).split('.').map(Number);
  return debianUserland({ release: maj === 1 && min < 21 ? 'buster' : 'bookworm', extra });
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
  ports: [
    {
      port: 80,
      http: (req, ctx, tag) => {
        const res = serveFiles(req, ctx, '/usr/share/nginx/html', () => nginx404(nginxVersion(tag)));
        nginxAccessLog(ctx, req, res);
        return res;
      },
    },
  ],
  startupMs: 0,
  stopMs: 150,
  memoryBytes: 8 * 1024 * 1024,
  startupLog,
  files: () => ({
    '/usr/share/nginx/html/index.html': NGINX_WELCOME,
    '/usr/share/nginx/html/50x.html': NGINX_50X,
    '/etc/nginx/nginx.conf': NGINX_CONF,
    '/etc/nginx/conf.d/default.conf': NGINX_DEFAULT_CONF,
    '/docker-entrypoint.sh': '#!/bin/sh\n# vim:sw=4:ts=4:et\n\nset -e\n\nentrypoint_log() {\n    if [ -z "\${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ]; then\n        echo "$@"\n    fi\n}\n\nexec "$@"\n',
    '/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh': '#!/bin/sh\n',
    '/docker-entrypoint.d/15-local-resolvers.envsh': '#!/bin/sh\n',
    '/docker-entrypoint.d/20-envsubst-on-templates.sh': '#!/bin/sh\n',
    '/docker-entrypoint.d/30-tune-worker-processes.sh': '#!/bin/sh\n',
    '/var/log/nginx/access.log': '',
    '/var/log/nginx/error.log': '',
  }),
  env: (tag): Record<string, string> => (tag.includes('alpine') ? { NGINX_VERSION: nginxVersion(tag), PKG_RELEASE: '1' } : { NGINX_VERSION: nginxVersion(tag), NJS_VERSION: '0.8.7', NJS_RELEASE: '1~bookworm', PKG_RELEASE: '1~bookworm', DYNPKG_RELEASE: '1~bookworm' }),
  userland: nginxUserland,
});
