// The JSON Schema of lab.yaml. Every object is closed (additionalProperties: false) so a typo in
// a field name is an error that names the field, not a silently ignored key.
const localized = {
  type: 'object',
  required: ['en', 'zh-CN'],
  additionalProperties: false,
  properties: { en: { type: 'string', minLength: 1 }, 'zh-CN': { type: 'string', minLength: 1 } },
} as const;

const id = { type: 'string', pattern: '^[a-z0-9]([a-z0-9-]*[a-z0-9])?$', maxLength: 63 } as const;

export const labSchema = {
  $id: 'https://kubelab.local/schemas/lab.json',
  type: 'object',
  required: ['id', 'version', 'title', 'summary', 'topology', 'setup', 'steps', 'checkpoints'],
  additionalProperties: false,
  properties: {
    id,
    version: { type: 'integer', minimum: 1 },
    title: localized,
    summary: localized,
    topology: { enum: ['course', 'k8s-master'] },
    timeLimitMinutes: { type: 'integer', minimum: 1 },
    fastForward: {
      type: 'object',
      required: ['maxSeconds'],
      additionalProperties: false,
      properties: { maxSeconds: { type: 'integer', minimum: 1, maximum: 86400 } },
    },
    watch: {
      type: 'array',
      items: {
        type: 'object',
        required: ['apiVersion', 'kind'],
        additionalProperties: false,
        properties: { apiVersion: { type: 'string', minLength: 1 }, kind: { type: 'string', minLength: 1 } },
      },
    },
    setup: {
      type: 'object',
      required: ['namespace'],
      additionalProperties: false,
      properties: {
        namespace: id,
        objects: {
          type: 'array',
          items: {
            // Objects are Kubernetes manifests: the API server validates them, not this schema.
            type: 'object',
            required: ['apiVersion', 'kind', 'metadata'],
            properties: {
              apiVersion: { type: 'string' },
              kind: { type: 'string' },
              metadata: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
            },
          },
        },
        files: {
          type: 'array',
          items: {
            type: 'object',
            required: ['path', 'content'],
            additionalProperties: false,
            properties: {
              path: { type: 'string', pattern: '^[^\\0]+$', minLength: 1 },
              content: { type: 'string' },
              mode: { type: 'integer', minimum: 0, maximum: 511 },
            },
          },
        },
      },
    },
    steps: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['id', 'title', 'text'],
        additionalProperties: false,
        properties: {
          id,
          title: localized,
          text: localized,
          hints: { type: 'array', items: localized },
          solution: { type: 'array', items: { type: 'string', minLength: 1 } },
        },
      },
    },
    checkpoints: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['id', 'step', 'title', 'expr', 'message'],
        additionalProperties: false,
        properties: {
          id,
          step: id,
          points: { type: 'integer', minimum: 0 },
          title: localized,
          expr: { type: 'string', minLength: 1 },
          message: localized,
          requires: { type: 'array', items: id },
          hints: {
            type: 'array',
            items: {
              type: 'object',
              required: ['when', 'text'],
              additionalProperties: false,
              properties: { when: { type: 'string', minLength: 1 }, text: localized },
            },
          },
        },
      },
    },
  },
} as const;
