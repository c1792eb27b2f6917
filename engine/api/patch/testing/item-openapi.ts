// A small OpenAPI v3 `components` document with every list/map strategy, shaped like the
// upstream generator's output (allOf-wrapped refs, extensions on the property).
import type { OpenApiComponents } from '../openapi-patch-schema';

const ref = (name: string) => ({ allOf: [{ $ref: `#/components/schemas/${name}` }], default: {} });

export const itemComponents: OpenApiComponents = {
  schemas: {
    'test.v1.Item': {
      type: 'object',
      properties: {
        name: { type: 'string' },
        value: { type: 'string' },
        other: { type: 'string' },
        mergingList: { type: 'array', items: ref('test.v1.Item'), 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-patch-merge-key': 'name' },
        nonMergingList: { type: 'array', items: ref('test.v1.Item') },
        mergingIntList: { type: 'array', items: { type: 'integer' }, 'x-kubernetes-patch-strategy': 'merge' },
        nonMergingIntList: { type: 'array', items: { type: 'integer' } },
        simpleMap: { type: 'object', additionalProperties: { type: 'string', default: '' } },
        nestedMaps: { type: 'object', additionalProperties: ref('test.v1.Item') },
        replacingItem: { type: 'object', 'x-kubernetes-patch-strategy': 'replace' },
        retainKeysMap: { ...ref('test.v1.RetainKeysItem'), 'x-kubernetes-patch-strategy': 'retainKeys' },
        retainKeysMergingList: {
          type: 'array',
          items: ref('test.v1.Item'),
          'x-kubernetes-patch-strategy': 'merge,retainKeys',
          'x-kubernetes-patch-merge-key': 'name',
          'x-kubernetes-list-type': 'map',
          'x-kubernetes-list-map-keys': ['name'],
        },
      },
    },
    'test.v1.RetainKeysItem': {
      type: 'object',
      properties: {
        name: { type: 'string' },
        value: { type: 'string' },
        other: { type: 'string' },
        simpleMap: { type: 'object', additionalProperties: { type: 'string' } },
        mergingIntList: { type: 'array', items: { type: 'integer' }, 'x-kubernetes-patch-strategy': 'merge' },
        mergingList: { type: 'array', items: ref('test.v1.Item'), 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-patch-merge-key': 'name' },
      },
    },
  },
};
