// What an image has besides its server: the shell and the programs on its PATH, the files every
// container of it starts with (/etc/os-release, /etc/passwd, root's rc files) and its working
// directory. Catalog data, so `kubectl exec nginx -- ps` fails as on the real image (Debian's
// nginx has no procps) while busybox has `ps`. An image without a userland (distroless: pause,
// etcd, coredns, kube-apiserver...) has no shell at all: exec gives the runtime's "executable
// file not found". Network programs (wget, curl, nslookup, ping) are registered later by the
// network code, next to the commands listed here.

/** How the image's `sh` words its errors and prompts. */
export type ShellFlavour = 'dash' | 'ash' | 'bash';

export interface Userland {
  /** The distribution family: decides messages and prompt styles. */
  distro: 'debian' | 'ubuntu' | 'busybox' | 'alpine' | 'centos' | 'oracle';
  /** What /bin/sh is. */
  sh: ShellFlavour;
  /** Program name → absolute path of every program the image ships (shells included). */
  programs: Record<string, string>;
  /** Files of the base image (os-release, passwd, rc files), absolute path → content. */
  files: Record<string, string>;
  /** WORKDIR of the image ('/' when unset). */
  workdir: string;
}

/** Standard commands (engine/shell) a GNU userland ships in coreutils, grep, sed, findutils... */
const GNU_CORE = [
  'base64', 'basename', 'cat', 'chmod', 'cp', 'cut', 'date', 'df', 'dirname', 'echo', 'env', 'false', 'head', 'id', 'ls', 'mkdir',
  'mv', 'nl', 'printenv', 'printf', 'pwd', 'readlink', 'realpath', 'rm', 'rmdir', 'seq', 'sleep', 'sort', 'tail', 'tee', 'timeout',
  'touch', 'tr', 'true', 'uname', 'uniq', 'wc', 'whoami', 'yes', 'grep', 'egrep', 'fgrep', 'sed', 'find', 'xargs', 'diff', 'awk',
  'hostname', 'clear',
];

/** BusyBox applets the shell library implements (network applets arrive with the network code). */
const BUSYBOX_APPLETS = [
  ...GNU_CORE.filter((c) => c !== 'clear'), 'clear', 'free', 'ps', 'uptime', 'watch', 'less', 'more', 'vi',
];

function at(dir: string, names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, `${dir}/${n}`]));
}

const DEBIAN_ROOT_BASHRC = `# ~/.bashrc: executed by bash(1) for non-login shells.

# Note: PS1 is set in /etc/profile, and the default umask is defined
# in /etc/login.defs. You should not need this unless you want different
# defaults for root.
# PS1='\${debian_chroot:+(\$debian_chroot)}\\h:\\w\\$ '
# umask 022

# You may uncomment the following lines if you want \`ls' to be colorized:
# export LS_OPTIONS='--color=auto'
# eval "$(dircolors)"
# alias ls='ls $LS_OPTIONS'
# alias ll='ls $LS_OPTIONS -l'
# alias l='ls $LS_OPTIONS -lA'
#
# Some more alias to avoid making mistakes:
# alias rm='rm -i'
# alias cp='cp -i'
# alias mv='mv -i'
`;

const DEBIAN_ROOT_PROFILE = `# ~/.profile: executed by Bourne-compatible login shells.

if [ "$BASH" ]; then
  if [ -f ~/.bashrc ]; then
    . ~/.bashrc
  fi
fi

mesg n 2> /dev/null || true
`;

const DEBIAN_PASSWD = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
`;

const BOOKWORM_OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

const BUSTER_OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 10 (buster)"
NAME="Debian GNU/Linux"
VERSION_ID="10"
VERSION="10 (buster)"
VERSION_CODENAME=buster
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

/**
 * A Debian (or Ubuntu) image: dash as /bin/sh, bash, GNU coreutils; merged /usr on bookworm, so
 * every program is reachable from /bin and /usr/bin. `extra` adds the image's own programs.
 */
export function debianUserland(opts: { release?: 'bookworm' | 'buster'; workdir?: string; extra?: Record<string, string> } = {}): Userland {
  const programs = { ...at('/usr/bin', [...GNU_CORE, 'apt', 'apt-get']), sh: '/bin/sh', dash: '/bin/dash', bash: '/bin/bash', ...(opts.extra ?? {}) };
  return {
    distro: 'debian',
    sh: 'dash',
    programs,
    files: {
      '/etc/os-release': opts.release === 'buster' ? BUSTER_OS_RELEASE : BOOKWORM_OS_RELEASE,
      '/etc/debian_version': opts.release === 'buster' ? '10.13\n' : '12.8\n',
      '/etc/passwd': DEBIAN_PASSWD,
      '/etc/group': 'root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nnogroup:x:65534:\n',
      '/etc/shells': '# /etc/shells: valid login shells\n/bin/sh\n/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n/bin/dash\n/usr/bin/dash\n',
      '/root/.bashrc': DEBIAN_ROOT_BASHRC,
      '/root/.profile': DEBIAN_ROOT_PROFILE,
    },
    workdir: opts.workdir ?? '/',
  };
}

export function ubuntuUserland(opts: { workdir?: string; extra?: Record<string, string> } = {}): Userland {
  const base = debianUserland(opts);
  return {
    ...base,
    distro: 'ubuntu',
    files: {
      ...base.files,
      '/etc/os-release': 'PRETTY_NAME="Ubuntu 22.04.5 LTS"\nNAME="Ubuntu"\nVERSION_ID="22.04"\nVERSION="22.04.5 LTS (Jammy Jellyfish)"\nVERSION_CODENAME=jammy\nID=ubuntu\nID_LIKE=debian\nHOME_URL="https://www.ubuntu.com/"\nSUPPORT_URL="https://help.ubuntu.com/"\nBUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"\nUBUNTU_CODENAME=jammy\n',
      '/etc/debian_version': 'bookworm/sid\n',
    },
  };
}

/** busybox: every applet in /bin, ash as sh, no bash. */
export function busyboxUserland(): Userland {
  return {
    distro: 'busybox',
    sh: 'ash',
    programs: { ...at('/bin', BUSYBOX_APPLETS), sh: '/bin/sh', ash: '/bin/ash' },
    files: { '/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\nsys:x:3:3:sys:/dev:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n', '/etc/group': 'root:x:0:\nnogroup:x:65534:\n' },
    workdir: '/',
  };
}

/** Alpine: busybox applets (in /bin and /usr/bin), ash as sh, no bash unless added. */
export function alpineUserland(opts: { workdir?: string; extra?: Record<string, string>; version?: string } = {}): Userland {
  const inUsrBin = new Set(['awk', 'basename', 'cut', 'diff', 'dirname', 'env', 'find', 'free', 'id', 'less', 'nl', 'printf', 'readlink', 'realpath', 'seq', 'sort', 'tail', 'tee', 'timeout', 'tr', 'uniq', 'uptime', 'wc', 'whoami', 'xargs', 'yes', 'clear', 'head', 'base64']);
  const programs: Record<string, string> = { sh: '/bin/sh', ash: '/bin/ash' };
  for (const a of BUSYBOX_APPLETS) programs[a] = `${inUsrBin.has(a) ? '/usr/bin' : '/bin'}/${a}`;
  const v = opts.version ?? '3.21.0';
  return {
    distro: 'alpine',
    sh: 'ash',
    programs: { ...programs, ...(opts.extra ?? {}) },
    files: {
      '/etc/os-release': `NAME="Alpine Linux"\nID=alpine\nVERSION_ID=${v}\nPRETTY_NAME="Alpine Linux v${v.split('.').slice(0, 2).join('.')}"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n`,
      '/etc/alpine-release': `${v}\n`,
      '/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\nbin:x:1:1:bin:/bin:/sbin/nologin\ndaemon:x:2:2:daemon:/sbin:/sbin/nologin\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n',
      '/etc/group': 'root:x:0:root\nbin:x:1:root,bin,daemon\nnobody:x:65534:\n',
    },
    workdir: opts.workdir ?? '/',
  };
}

/** CentOS 7 / Oracle Linux: bash is /bin/sh, GNU tools plus procps, vi and yum. */
export function rhelUserland(distro: 'centos' | 'oracle' = 'centos', workdir = '/'): Userland {
  const programs = { ...at('/usr/bin', [...GNU_CORE, 'ps', 'free', 'uptime', 'watch', 'vi', 'more', 'yum']), sh: '/bin/sh', bash: '/bin/bash' };
  return {
    distro,
    sh: 'bash',
    programs,
    files: {
      '/etc/os-release':
        distro === 'centos'
          ? 'NAME="CentOS Linux"\nVERSION="7 (Core)"\nID="centos"\nID_LIKE="rhel fedora"\nVERSION_ID="7"\nPRETTY_NAME="CentOS Linux 7 (Core)"\n'
          : 'NAME="Oracle Linux Server"\nVERSION="9.5"\nID="ol"\nID_LIKE="fedora"\nVERSION_ID="9.5"\nPRETTY_NAME="Oracle Linux Server 9.5"\n',
      '/etc/passwd': 'root:x:0:0:root:/root:/bin/bash\nbin:x:1:1:bin:/bin:/sbin/nologin\nnobody:x:99:99:Nobody:/:/sbin/nologin\n',
      '/etc/group': 'root:x:0:\nbin:x:1:\nnobody:x:99:\n',
      '/root/.bashrc': "# .bashrc\n\n# User specific aliases and functions\n\nalias rm='rm -i'\nalias cp='cp -i'\nalias mv='mv -i'\n\n# Source global definitions\nif [ -f /etc/bashrc ]; then\n        . /etc/bashrc\nfi\n",
    },
    workdir,
  };
}
