// Help text and flags of `kubectl rollout`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary by testdata/gen-docs.ts).

import type { CommandDocs } from '../../cli/command';

export const rolloutDocs: CommandDocs = {
  use: "rollout SUBCOMMAND",
  long: "Manage the rollout of one or many resources.\n        \n Valid resource types include:\n\n  *  deployments\n  *  daemonsets\n  *  statefulsets",
  example: "# Rollback to the previous deployment\nkubectl rollout undo deployment/abc\n\n# Check the rollout status of a daemonset\nkubectl rollout status daemonset/foo\n\n# Restart a deployment\nkubectl rollout restart deployment/abc\n\n# Restart deployments with the 'app=nginx' label\nkubectl rollout restart deployment --selector=app=nginx",
  disableFlagsInUseLine: true,
};
