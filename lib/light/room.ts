import {
  BufferGeometry,
  Float32BufferAttribute,
  Mesh,
  OrthographicCamera,
  Scene,
  ShaderMaterial,
  Vector2,
  Vector3,
  WebGLRenderer,
} from 'three';
import type { Mood } from '@/scenes/moods';
import { roomFragment } from '@/shaders/room.frag';
import { roomVertex } from '@/shaders/room.vert';
import { GpuTimer, type Timed } from './cost';
import { COLUMN_BOUNDS, inkOf, paletteOf } from './palette';
import { gpuDone, linkError } from './program';
import { TIERS, TOP_TIER, type Tier } from './tiers';

/** Device pixels per CSS pixel are capped: the light is soft, the cost is not. */
export const MAX_PIXEL_RATIO = 1.5;

type Uniforms = Record<string, { value: number | Vector2 | Vector3 }>;

/** Each mood channel's uniform; `undefined` for those the palette's ambient colours already carry. */
export const MOOD_UNIFORMS: Record<keyof Mood, string | undefined> = {
  light: undefined,
  warmth: undefined,
  caustics: 'uCaustics',
  city: 'uCity',
  wine: 'uWine',
  blink: 'uBlink',
  glow: 'uGlow',
  haze: 'uHaze',
  pulse: 'uPulse',
  headlights: 'uHeadlights',
  indigo: undefined,
  streetlight: 'uStreet',
  dawn: 'uDawn',
  grain: 'uGrain',
};

/**
 * The mood layer: one full-screen triangle and one fragment shader, drawn by three.js.
 * It only draws when asked (see `render`); the caller decides when something changed,
 * and at which tier. Nothing is drawn before `prepare` has compiled the shader.
 */
export class Room<Tag = unknown> {
  private readonly renderer: WebGLRenderer;
  private readonly scene = new Scene();
  private readonly camera = new OrthographicCamera(-1, 1, 1, -1, 0, 1);
  private readonly uniforms: Uniforms;
  private readonly material: ShaderMaterial;
  private readonly geometry: BufferGeometry;
  private timer: GpuTimer<Tag> | undefined;
  private tier: Tier = TIERS[TOP_TIER];
  private size = { width: 1, height: 1, devicePixelRatio: 1 };

  /** The WebGL renderer's name, e.g. "ANGLE (… SwiftShader …)". */
  readonly rendererName: string;

  constructor(readonly canvas: HTMLCanvasElement) {
    const attributes: WebGLContextAttributes = {
      antialias: false,
      alpha: false,
      depth: false,
      stencil: false,
      powerPreference: 'low-power',
      preserveDrawingBuffer: false,
    };
    // Asked for here rather than by three.js, so a browser without WebGL 2 is a quiet
    // fallback to the CSS light instead of an error in the console.
    const context = canvas.getContext('webgl2', attributes);
    if (!context) throw new Error('WebGL 2 is not available');
    this.renderer = new WebGLRenderer({ canvas, context, ...attributes });
    // The renderer's name tells a software one (SwiftShader, llvmpipe) from a GPU.
    const info = context.getExtension('WEBGL_debug_renderer_info');
    this.rendererName = String(context.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : context.RENDERER) ?? '');
    this.uniforms = {
      uRes: { value: new Vector2(1, 1) },
      uTime: { value: 0 },
      uTop: { value: new Vector3() },
      uBottom: { value: new Vector3() },
      uColumn: { value: 0.25 },
      uDayInk: { value: 0 },
      uColumnBounds: { value: new Vector2(0, 1) },
      uCausticDetail: { value: 1 },
      uDust: { value: 1 },
    };
    for (const name of Object.values(MOOD_UNIFORMS)) if (name) this.uniforms[name] = { value: 0 };
    this.geometry = new BufferGeometry();
    this.geometry.setAttribute('position', new Float32BufferAttribute([-1, -1, 0, 3, -1, 0, -1, 3, 0], 3));
    this.material = new ShaderMaterial({
      vertexShader: roomVertex,
      fragmentShader: roomFragment,
      uniforms: this.uniforms,
      depthTest: false,
      depthWrite: false,
    });
    const mesh = new Mesh(this.geometry, this.material);
    mesh.frustumCulled = false;
    this.scene.add(mesh);
    // prepare() asks for the link status itself, once the compile is done; three.js would
    // otherwise ask on the first draw, and waiting for that answer blocks the main thread.
    this.renderer.debug.checkShaderErrors = false;
  }

  /**
   * Compiles the shader without blocking the main thread (`compileAsync`, which uses
   * `KHR_parallel_shader_compile` where the browser has it, and a fence where it does not),
   * then checks that it linked. Rejects when it did not: the caller falls back to the CSS
   * light rather than draw black. Call again after a lost context is restored.
   */
  async prepare(): Promise<{ parallel: boolean }> {
    const gl = this.renderer.getContext() as WebGL2RenderingContext;
    const parallel = gl.getExtension('KHR_parallel_shader_compile') !== null;
    this.timer?.dispose();
    this.timer = GpuTimer.create<Tag>(gl);
    if (parallel) {
      await this.renderer.compileAsync(this.scene, this.camera);
    } else {
      // three.js's compileAsync would only wait a moment (and warn that the extension is
      // missing): a fence tells when the compile and link are really done.
      this.renderer.compile(this.scene, this.camera);
      await gpuDone(gl);
    }
    for (const program of this.renderer.info.programs ?? []) {
      const error = linkError(gl, program);
      if (error) throw new Error(error);
    }
    return { parallel };
  }

  /** Whether the GPU times each draw (else the caller measures frames). */
  get timed(): boolean {
    return this.timer !== undefined;
  }

  /** Sizes the drawing buffer for a display size in CSS pixels. */
  resize(width: number, height: number, devicePixelRatio: number) {
    this.size = { width, height, devicePixelRatio };
    const ratio = Math.min(devicePixelRatio, MAX_PIXEL_RATIO) * this.tier.resolution;
    this.renderer.setPixelRatio(ratio);
    this.renderer.setSize(width, height, false);
    (this.uniforms.uRes.value as Vector2).set(Math.round(width * ratio), Math.round(height * ratio));
  }

  /** Sets the light of the room; `columnHalfWidth` is the reading column's half width as a fraction of the width. */
  setMood(mood: Mood, columnHalfWidth: number) {
    const { top, bottom } = paletteOf(mood);
    (this.uniforms.uTop.value as Vector3).set(...top);
    (this.uniforms.uBottom.value as Vector3).set(...bottom);
    for (const [channel, name] of Object.entries(MOOD_UNIFORMS)) {
      if (name) this.uniforms[name].value = mood[channel as keyof Mood];
    }
    const ink = inkOf(mood);
    this.uniforms.uDayInk.value = ink === 'day' ? 1 : 0;
    (this.uniforms.uColumnBounds.value as Vector2).set(COLUMN_BOUNDS[ink].min, COLUMN_BOUNDS[ink].max);
    this.uniforms.uColumn.value = columnHalfWidth;
  }

  /** Draws at a tier's resolution and with its effects; the colours are the same at every tier. */
  setTier(tier: Tier) {
    this.tier = tier;
    this.uniforms.uCausticDetail.value = tier.caustics ? 1 : 0;
    this.uniforms.uDust.value = tier.dust ? 1 : 0;
    const { width, height, devicePixelRatio } = this.size;
    this.resize(width, height, devicePixelRatio);
  }

  /** Draws the room; `tag` comes back with the draw's GPU time from `costs`. */
  render(timeSeconds: number, tag: Tag) {
    this.uniforms.uTime.value = timeSeconds;
    const timing = this.timer?.begin(tag) ?? false;
    this.renderer.render(this.scene, this.camera);
    if (timing) this.timer?.end();
  }

  /** The GPU times of earlier draws that have arrived since the last call. */
  costs(): Timed<Tag>[] {
    return this.timer?.poll() ?? [];
  }

  /** Timings in flight do not survive a lost context. */
  lose() {
    this.timer?.dispose();
    this.timer = undefined;
  }

  dispose() {
    this.lose();
    this.geometry.dispose();
    this.material.dispose();
    this.renderer.dispose();
  }
}
