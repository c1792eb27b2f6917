// Apache httpd: "It works!" on port 80.
import { serveFiles, ServerImage, VERSION_TAG } from './server-image';
import { alpineUserland, debianUserland } from './userland';

export const httpdImage = new ServerImage({
  family: 'httpd',
  facts: { repositories: ['docker.io/library/httpd'], tags: VERSION_TAG, sizeBytes: (tag) => (tag.includes('alpine') ? 23174829 : 58676520) },
  entrypoint: [],
  cmd: ['httpd-foreground'],
  serverPrograms: ['httpd-foreground', 'httpd'],
  ports: [
    {
      port: 80,
      http: (req, ctx) =>
        serveFiles(req, ctx, '/usr/local/apache2/htdocs', () => ({
          status: 404,
          body: '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n',
        })),
    },
  ],
  startupMs: 0,
  stopMs: 300,
  memoryBytes: 12 * 1024 * 1024,
  userland: (tag) => {
    const extra = { httpd: '/usr/local/apache2/bin/httpd', 'httpd-foreground': '/usr/local/bin/httpd-foreground', apachectl: '/usr/local/apache2/bin/apachectl' };
    return tag.includes('alpine') ? alpineUserland({ workdir: '/usr/local/apache2', extra }) : debianUserland({ workdir: '/usr/local/apache2', extra });
  },
  files: () => ({ '/usr/local/apache2/htdocs/index.html': '<html><body><h1>It works!</h1></body></html>\n' }),
  startupLog: () => "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 10.244.1.2. Set the 'ServerName' directive globally to suppress this message\n",
});
