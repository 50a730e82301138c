import { describe, expect, it } from 'vitest';
import { describeTarget, isLoopbackHost } from './control-target.js';

describe('isLoopbackHost', () => {
  it('accepts loopback names and addresses', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1', '[::1]', '::ffff:127.0.0.1']) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
  });

  it('refuses everything else', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.2', '10.0.0.1', '128.0.0.1', '127.0.0.256', 'example.com', '']) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });
});

describe('describeTarget', () => {
  it('names the URL or the socket', () => {
    expect(describeTarget({ url: 'http://127.0.0.1:1' })).toBe('http://127.0.0.1:1');
    expect(describeTarget({ socketPath: '/run/x.sock' })).toBe('unix:/run/x.sock');
  });
});
