// redis: TCP 6379.
import { ServerImage, VERSION_TAG } from './server-image';
import { alpineUserland, debianUserland } from './userland';

export const redisImage = new ServerImage({
  family: 'redis',
  facts: { repositories: ['docker.io/library/redis'], tags: VERSION_TAG, sizeBytes: (tag) => (tag.includes('alpine') ? 17243213 : 45102345) },
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['redis-server'],
  serverPrograms: ['docker-entrypoint.sh', 'redis-server'],
  ports: [{ port: 6379 }],
  userland: (tag) => {
    const extra = { 'redis-server': '/usr/local/bin/redis-server', 'redis-cli': '/usr/local/bin/redis-cli', 'docker-entrypoint.sh': '/usr/local/bin/docker-entrypoint.sh' };
    return tag.includes('alpine') ? alpineUserland({ workdir: '/data', extra }) : debianUserland({ workdir: '/data', extra });
  },
  startupMs: 0,
  stopMs: 100,
  memoryBytes: 4 * 1024 * 1024,
  startupLog: () => '1:M * Ready to accept connections tcp\n',
});
