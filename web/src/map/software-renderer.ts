/**
 * Whether the browser draws WebGL on the CPU. Chromium without a GPU falls back to SwiftShader,
 * Linux without a driver to Mesa's llvmpipe, Windows to the Basic Render Driver. SwiftShader draws
 * instanced geometry, which is how deck.gl draws every plant, at some 15–25 µs an instance on two
 * cores (README, "Measured at a million enterprises"): a map that draws tens of thousands of plants
 * in a few milliseconds on a GPU takes most of a second there. There the map paints the plants on
 * the CPU into one bitmap instead (layers/painted-layer.ts).
 */

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render driver/i;

export const isSoftwareRenderer = (renderer: string) => SOFTWARE.test(renderer);

/** The renderer of a canvas's WebGL context (the map's own; getContext returns the one it has), or null. */
export function webglRenderer(canvas: HTMLCanvasElement): string | null {
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  if (!gl) return null;
  // Browsers that hide the unmasked name say only "WebKit WebGL"; that is not a software renderer.
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}
