import { describe, expect, it } from 'vitest';
import { isSoftwareRenderer } from './software-renderer.ts';

describe('isSoftwareRenderer', () => {
  it('knows the CPU renderers of Chromium, Mesa and Windows', () => {
    for (const r of [
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      'llvmpipe (LLVM 15.0.6, 256 bits)',
      'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)',
    ])
      expect(isSoftwareRenderer(r)).toBe(true);
  });

  it('takes a GPU, or a browser that hides the name, for hardware', () => {
    for (const r of ['ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)', 'Apple M2', 'WebKit WebGL', ''])
      expect(isSoftwareRenderer(r)).toBe(false);
  });
});
