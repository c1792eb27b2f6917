// Help text and flags of `kubectl events`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary by testdata/gen-docs.ts).

import type { CommandDocs } from '../../cli/command';

export const eventsDocs: CommandDocs = {
  use: "events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning]",
  long: "Display events.\n\n Prints a table of the most important information about events. You can request events for a namespace, for all namespace, or filtered to only those pertaining to a specified resource.",
  example: "# List recent events in the default namespace\nkubectl events\n\n# List recent events in all namespaces\nkubectl events --all-namespaces\n\n# List recent events for the specified pod, then wait for more events and list them as they arrive\nkubectl events --for pod/web-pod-13je7 --watch\n\n# List recent events in YAML format\nkubectl events -oyaml\n\n# List recent only events of type 'Warning' or 'Normal'\nkubectl events --types=Warning,Normal",
  disableFlagsInUseLine: true,
  flags: [
    { name: "all-namespaces", shorthand: "A", type: "bool", usage: "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace." },
    { name: "allow-missing-template-keys", type: "bool", default: "true", usage: "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats." },
    { name: "chunk-size", type: "int", default: "500", usage: "Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future." },
    { name: "for", type: "string", usage: "Filter events to only those pertaining to the specified resource." },
    { name: "no-headers", type: "bool", usage: "When using the default output format, don't print headers." },
    { name: "output", shorthand: "o", type: "string", usage: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)." },
    { name: "show-managed-fields", type: "bool", usage: "If true, keep the managedFields when printing objects in JSON or YAML format." },
    { name: "template", type: "string", usage: "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]." },
    { name: "types", type: "stringSlice", usage: "Output only events of given types." },
    { name: "watch", shorthand: "w", type: "bool", usage: "After listing the requested events, watch for more events." },
  ],
};
