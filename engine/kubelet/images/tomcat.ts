// Apache Tomcat: the welcome page on 8080 (after a few seconds of start-up), AJP on 8009.
import { ServerImage, VERSION_TAG } from './server-image';
import { ubuntuUserland } from './userland';

function tomcatVersion(tag: string): string {
  const m = /^(\d+(\.\d+){0,2})/.exec(tag);
  return m ? (m[1].split('.').length === 3 ? m[1] : `${m[1]}${m[1].includes('.') ? '.0' : '.0.0'}`) : '10.1.34';
}

export const tomcatImage = new ServerImage({
  family: 'tomcat',
  facts: { repositories: ['docker.io/library/tomcat'], tags: VERSION_TAG, sizeBytes: (tag) => (tag.includes('alpine') ? 60521435 : 187358932) },
  entrypoint: [],
  cmd: ['catalina.sh', 'run'],
  serverPrograms: ['catalina.sh'],
  ports: [
    {
      port: 8080,
      http: (req, _ctx, tag) =>
        req.path === '/' || req.path === '/index.jsp'
          ? { status: 200, body: `<!DOCTYPE html>\n<html lang="en">\n    <head>\n        <title>Apache Tomcat/${tomcatVersion(tag)}</title>\n    </head>\n    <body>\n        <h1>Apache Tomcat/${tomcatVersion(tag)}</h1>\n        <p>If you're seeing this, you've successfully installed Tomcat. Congratulations!</p>\n    </body>\n</html>\n` }
          : { status: 404, body: `<!doctype html><html lang="en"><head><title>HTTP Status 404 – Not Found</title></head><body><h1>HTTP Status 404 – Not Found</h1><hr class="line" /><h3>Apache Tomcat/${tomcatVersion(tag)}</h3></body></html>` },
    },
    { port: 8009 },
  ],
  userland: () => ubuntuUserland({ workdir: '/usr/local/tomcat', extra: { 'catalina.sh': '/usr/local/tomcat/bin/catalina.sh', java: '/opt/java/openjdk/bin/java' } }),
  startupMs: 3000,
  stopMs: 800,
  stopExitCode: 143,
  memoryBytes: 150 * 1024 * 1024,
  startupLog: (_ctx, tag) => `INFO [main] org.apache.catalina.startup.Catalina.start Server startup in [2845] milliseconds\nServer version name:   Apache Tomcat/${tomcatVersion(tag)}\n`,
});
