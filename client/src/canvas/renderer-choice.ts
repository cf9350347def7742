/**
 * Which renderer draws a large view. WebGL is only faster with a graphics card behind it: in
 * software (SwiftShader, llvmpipe; the usual case in a virtual desktop or a browser without
 * GPU access) a frame of a 5,000-node view took 6.2 s against 0.23 s for the canvas renderer
 * (`npm run bench -- --only client`), and ten wheel-zoom steps at 2,500 nodes took 21 s.
 * `localStorage['maillon.renderer']` ('webgl' or 'canvas') overrides the choice.
 */
export type RendererName = 'webgl' | 'canvas';

const OVERRIDE_KEY = 'maillon.renderer';
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render/i;

let detected: RendererName | undefined;

/** Whether a renderer string names a software rasteriser (exported for its unit test). */
export function isSoftwareRenderer(name: string): boolean {
  return SOFTWARE_RENDERER.test(name);
}

function detect(): RendererName {
  const gl = document.createElement('canvas').getContext('webgl');
  if (!gl) return 'canvas';
  // Browsers that mask the renderer string give no way to tell: WebGL, as before.
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return isSoftwareRenderer(name) ? 'canvas' : 'webgl';
}

function override(): RendererName | undefined {
  try {
    const chosen = window.localStorage.getItem(OVERRIDE_KEY);
    return chosen === 'webgl' || chosen === 'canvas' ? chosen : undefined;
  } catch {
    return undefined;
  }
}

export function largeViewRenderer(): RendererName {
  return override() ?? (detected ??= detect());
}
