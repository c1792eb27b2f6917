// Help text and flags of `kubectl attach`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary by testdata/gen-docs.ts).

import type { CommandDocs } from '../../cli/command';

export const attachDocs: CommandDocs = {
  use: "attach (POD | TYPE/NAME) -c CONTAINER",
  long: "Attach to a process that is already running inside an existing container.",
  example: "# Get output from running pod mypod; use the 'kubectl.kubernetes.io/default-container' annotation\n# for selecting the container to be attached or the first container in the pod will be chosen\nkubectl attach mypod\n\n# Get output from ruby-container from pod mypod\nkubectl attach mypod -c ruby-container\n\n# Switch to raw terminal mode; sends stdin to 'bash' in ruby-container from pod mypod\n# and sends stdout/stderr from 'bash' back to the client\nkubectl attach mypod -c ruby-container -i -t\n\n# Get output from the first pod of a replica set named nginx\nkubectl attach rs/nginx",
  disableFlagsInUseLine: true,
  flags: [
    { name: "container", shorthand: "c", type: "string", usage: "Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen" },
    { name: "pod-running-timeout", type: "duration", default: "1m0s", usage: "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running" },
    { name: "quiet", shorthand: "q", type: "bool", usage: "Only print output from the remote session" },
    { name: "stdin", shorthand: "i", type: "bool", usage: "Pass stdin to the container" },
    { name: "tty", shorthand: "t", type: "bool", usage: "Stdin is a TTY" },
  ],
};
