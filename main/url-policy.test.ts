import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAllowedNavigation, isAllowedRequest, isExternalLink } from './url-policy';

const origin = 'http://127.0.0.1:40000';

test('only the host origin is loaded', () => {
  assert.equal(isAllowedRequest(`${origin}/assets/index.js`, origin), true);
  assert.equal(isAllowedRequest('ws://127.0.0.1:40000/ws/cluster', origin), true);
  assert.equal(isAllowedRequest('data:,', origin), true);
  assert.equal(isAllowedRequest('https://cdn.example.com/x.js', origin), false);
  assert.equal(isAllowedRequest('http://127.0.0.1:40001/', origin), false);
  assert.equal(isAllowedRequest('ws://127.0.0.1:40001/', origin), false);
  assert.equal(isAllowedRequest('file:///etc/passwd', origin), false);
});

test('navigation stays on the host; links go to the browser', () => {
  assert.equal(isAllowedNavigation(`${origin}/?token=x`, origin), true);
  assert.equal(isAllowedNavigation('https://kubernetes.io/', origin), false);
  assert.equal(isExternalLink('https://kubernetes.io/docs/'), true);
  assert.equal(isExternalLink('file:///etc/passwd'), false);
  assert.equal(isExternalLink('javascript:alert(1)'), false);
  assert.equal(isExternalLink('https://user:pw@example.com/'), false);
});
