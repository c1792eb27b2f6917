// coordination.k8s.io/v1 Lease (kube-node-lease holds one per node, renewed by its kubelet;
// kubectl describe node prints it). Upstream: pkg/apis/coordination/validation (ValidateLeaseSpec),
// printers.go (printLease)
import { invalid, type FieldError } from '../api/field-errors';
import { age, AGE_COLUMN, col, NAME_COLUMN } from './printing';
import type { ResourceDefinition } from './resource-definition';
import { validateNonNegative } from './workload-validation';

export const leaseDefinition: ResourceDefinition = {
  group: 'coordination.k8s.io',
  versions: [{ version: 'v1', schema: 'io.k8s.api.coordination.v1.Lease' }],
  kind: 'Lease',
  plural: 'leases',
  singular: 'lease',
  namespaced: true,
  validate(l) {
    const spec = l.spec ?? {};
    const errs: FieldError[] = [];
    if (spec.leaseDurationSeconds !== undefined && spec.leaseDurationSeconds <= 0) errs.push(invalid('spec.leaseDurationSeconds', spec.leaseDurationSeconds, 'must be greater than 0'));
    errs.push(...validateNonNegative('spec.leaseTransitions', spec.leaseTransitions));
    return errs;
  },
  table: {
    columns: [NAME_COLUMN, col('Holder', 'string', 'holderIdentity contains the identity of the holder of a current lease. If Coordinated Leader Election is used, the holder identity must be equal to the elected LeaseCandidate.metadata.name field.'), AGE_COLUMN],
    row: (l, ctx) => [l.metadata.name, l.spec?.holderIdentity ?? '', age(l.metadata.creationTimestamp, ctx.now)],
  },
};
