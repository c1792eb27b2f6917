// redis: TCP 6379.
import { ServerImage, VERSION_TAG } from './server-image';

export const redisImage = new ServerImage({
  family: 'redis',
  facts: { repositories: ['docker.io/library/redis'], tags: VERSION_TAG, sizeBytes: (tag) => (tag.includes('alpine') ? 17243213 : 45102345) },
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['redis-server'],
  serverPrograms: ['docker-entrypoint.sh', 'redis-server'],
  ports: [{ port: 6379 }],
  startupMs: 0,
  stopMs: 100,
  memoryBytes: 4 * 1024 * 1024,
  startupLog: () => '1:M * Ready to accept connections tcp\n',
});
