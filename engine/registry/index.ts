// Every kind the engine serves. Adding a kind is adding its file and one line here.
import { configMapDefinition } from './configmap';
import { deploymentDefinition } from './deployment';
import { eventDefinition } from './event';
import { namespaceDefinition } from './namespace';
import { nodeDefinition } from './node';
import { podDefinition } from './pod';
import { Registry } from './registry';
import { replicaSetDefinition } from './replicaset';
import type { ResourceDefinition } from './resource-definition';
import { secretDefinition } from './secret';
import { serviceAccountDefinition } from './serviceaccount';

export const allDefinitions: ResourceDefinition[] = [
  // core/v1
  configMapDefinition,
  eventDefinition,
  namespaceDefinition,
  nodeDefinition,
  podDefinition,
  secretDefinition,
  serviceAccountDefinition,
  // apps/v1
  deploymentDefinition,
  replicaSetDefinition,
];

export function createRegistry(): Registry {
  return new Registry(allDefinitions);
}
