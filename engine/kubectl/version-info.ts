// What `kubectl version --client` reports. The reference binary on our machines
// (/usr/bin/kubectl, the Google Cloud SDK build of v1.32.4) prints these values;
// matching them keeps our output identical to the reference. Platform comes from io.

export const clientVersion = {
  major: '1',
  minor: '32+',
  gitVersion: 'v1.32.4-dispatcher',
  gitCommit: '4cb5f0764b8d5f425645c6f433394fede34a8a26',
  gitTreeState: 'clean',
  buildDate: '2025-05-15T20:09:34Z',
  goVersion: 'go1.23.8',
  compiler: 'gc',
} as const;

export const kustomizeVersion = 'v5.5.0';
