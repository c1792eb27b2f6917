// mysql: port 3306 once initialised; without a root password setting it exits with the
// entrypoint's error (status 1), a classic CrashLoopBackOff.
import { ServerImage, VERSION_TAG } from './server-image';
import { rhelUserland } from './userland';

export const mysqlImage = new ServerImage({
  family: 'mysql',
  facts: { repositories: ['docker.io/library/mysql', 'docker.io/library/mariadb'], tags: VERSION_TAG, sizeBytes: (tag) => (tag.startsWith('5') ? 145216473 : 170567452) },
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['mysqld'],
  serverPrograms: ['docker-entrypoint.sh', 'mysqld'],
  ports: [{ port: 3306 }, { port: 33060 }],
  userland: () => ({ ...rhelUserland('oracle'), programs: { ...rhelUserland('oracle').programs, mysql: '/usr/bin/mysql', mysqld: '/usr/sbin/mysqld', 'docker-entrypoint.sh': '/usr/local/bin/docker-entrypoint.sh' } }),
  startupMs: 4000,
  stopMs: 1500,
  memoryBytes: 380 * 1024 * 1024,
  preflight: (ctx) => {
    const e = ctx.env;
    if (e.MYSQL_ROOT_PASSWORD || e.MYSQL_ALLOW_EMPTY_PASSWORD || e.MYSQL_RANDOM_ROOT_PASSWORD || e.MARIADB_ROOT_PASSWORD) return undefined;
    return {
      exitCode: 1,
      stderr:
        '[ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD\n',
    };
  },
});
