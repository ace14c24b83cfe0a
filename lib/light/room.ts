import type { Mood } from '@/scenes/moods';
import { roomFragment } from '@/shaders/room.frag';
import { roomVertex } from '@/shaders/room.vert';
import { GpuTimer, type Timed } from './cost';
import { COLUMN_BOUNDS, inkOf, paletteOf } from './palette';
import { linkError, programDone } from './program';
import { TIERS, TOP_TIER, type Tier } from './tiers';

/** Device pixels per CSS pixel are capped: the light is soft, the cost is not. */
export const MAX_PIXEL_RATIO = 1.5;

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

/** A canvas on the page, or one handed to a worker. */
export type RoomCanvas = HTMLCanvasElement | OffscreenCanvas;

type UniformValue = number | readonly number[];

const CONTEXT: WebGLContextAttributes = {
  antialias: false,
  alpha: false,
  depth: false,
  stencil: false,
  powerPreference: 'low-power',
  preserveDrawingBuffer: false,
};

/**
 * The mood layer: one full-screen triangle and one fragment shader, in plain WebGL 2 (the
 * triangle is made from the vertex index, so there is no buffer to fill). It only draws when
 * asked (see `render`); the caller decides when something changed, and at which tier.
 * Nothing is drawn before `prepare` has compiled and linked the shader. It works the same on
 * a page's canvas and on an OffscreenCanvas in a worker.
 */
export class Room<Tag = unknown> {
  private readonly gl: WebGL2RenderingContext;
  private program: WebGLProgram | null = null;
  private locations = new Map<string, WebGLUniformLocation | null>();
  /** Every uniform's value, kept so a program made anew (a restored context) gets them all back. */
  private readonly values = new Map<string, UniformValue>();
  private timer: GpuTimer<Tag> | undefined;
  private tier: Tier = TIERS[TOP_TIER];
  private size = { width: 1, height: 1, devicePixelRatio: 1 };

  /** The WebGL renderer's name, e.g. "ANGLE (… SwiftShader …)". */
  readonly rendererName: string;

  constructor(readonly canvas: RoomCanvas) {
    // A browser without WebGL 2 is a quiet fallback to the CSS light, not an error in the console.
    const gl = canvas.getContext('webgl2', CONTEXT) as WebGL2RenderingContext | null;
    if (!gl) throw new Error('WebGL 2 is not available');
    this.gl = gl;
    // The renderer's name tells a software one (SwiftShader, llvmpipe) from a GPU.
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    this.rendererName = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
    this.set('uColumn', 0.25);
    this.set('uColumnBounds', [0, 1]);
    this.set('uCausticDetail', 1);
    this.set('uDust', 1);
    this.set('uBeat', 0);
    this.set('uSweep', 1);
  }

  /**
   * Compiles and links the shader without waiting for the GPU (`KHR_parallel_shader_compile`
   * where the browser has it, a fence where it does not), then checks that it linked.
   * Rejects when it did not: the caller falls back to the CSS light rather than draw black.
   * Call again after a lost context is restored.
   */
  async prepare(): Promise<{ parallel: boolean }> {
    const gl = this.gl;
    const parallel = gl.getExtension('KHR_parallel_shader_compile') !== null;
    this.timer?.dispose();
    this.timer = GpuTimer.create<Tag>(gl);
    const vertexShader = this.shader(gl.VERTEX_SHADER, roomVertex);
    const fragmentShader = this.shader(gl.FRAGMENT_SHADER, roomFragment);
    const program = gl.createProgram();
    gl.attachShader(program, vertexShader);
    gl.attachShader(program, fragmentShader);
    gl.linkProgram(program);
    await programDone(gl, program, parallel);
    const error = linkError(gl, { program, vertexShader, fragmentShader });
    gl.deleteShader(vertexShader);
    gl.deleteShader(fragmentShader);
    if (error) {
      gl.deleteProgram(program);
      throw new Error(error);
    }
    if (gl.isContextLost()) return { parallel };
    this.program = program;
    gl.useProgram(program);
    this.locations = new Map();
    for (const [name, value] of this.values) this.upload(name, value);
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
    const w = Math.max(1, Math.floor(width * ratio));
    const h = Math.max(1, Math.floor(height * ratio));
    if (this.canvas.width !== w) this.canvas.width = w;
    if (this.canvas.height !== h) this.canvas.height = h;
    this.gl.viewport(0, 0, w, h);
    this.set('uRes', [Math.round(width * ratio), Math.round(height * ratio)]);
  }

  /** The drawing buffer's size in pixels. */
  get pixels(): { width: number; height: number } {
    return { width: this.canvas.width, height: this.canvas.height };
  }

  /**
   * Sets the light of the room; `columnHalfWidth` is the reading column's half width as a
   * fraction of the width; `dayInk` is how far the column has turned to the day's ink (0..1,
   * eased in time by the renderer), by default the mood's ink at once.
   */
  setMood(mood: Mood, columnHalfWidth: number, dayInk = inkOf(mood) === 'day' ? 1 : 0) {
    const { top, bottom } = paletteOf(mood);
    this.set('uTop', top);
    this.set('uBottom', bottom);
    for (const [channel, name] of Object.entries(MOOD_UNIFORMS)) {
      if (name) this.set(name, mood[channel as keyof Mood]);
    }
    // The night's bounds hold the column down in proportion to the night ink left (1 - uDayInk):
    // the day's, far higher, would release it at once, the very jump the eased ink is there to avoid.
    const { min, max } = COLUMN_BOUNDS[dayInk >= 1 ? 'day' : 'night'];
    this.set('uDayInk', dayInk);
    this.set('uColumnBounds', [min, max]);
    this.set('uColumn', columnHalfWidth);
  }

  /** The heartbeat's swell (0..1) and where the headlights' sweep is (0..1, 1 once it has crossed): see beats.ts. */
  setBeats(beat: number, sweep: number) {
    this.set('uBeat', beat);
    this.set('uSweep', sweep);
  }

  /** Draws at a tier's resolution and with its effects; the colours are the same at every tier. */
  setTier(tier: Tier) {
    this.tier = tier;
    this.set('uCausticDetail', tier.caustics ? 1 : 0);
    this.set('uDust', tier.dust ? 1 : 0);
    const { width, height, devicePixelRatio } = this.size;
    this.resize(width, height, devicePixelRatio);
  }

  /** Draws the room; `tag` comes back with the draw's GPU time from `costs`. */
  render(timeSeconds: number, tag: Tag) {
    if (!this.program) return;
    this.set('uTime', timeSeconds);
    const timing = this.timer?.begin(tag) ?? false;
    this.gl.drawArrays(this.gl.TRIANGLES, 0, 3);
    if (timing) this.timer?.end();
  }

  /** The GPU times of earlier draws that have arrived since the last call. */
  costs(): Timed<Tag>[] {
    return this.timer?.poll() ?? [];
  }

  /** The context is gone: its program and timings with it. */
  lose() {
    this.timer?.dispose();
    this.timer = undefined;
    this.program = null;
    this.locations = new Map();
  }

  dispose() {
    this.timer?.dispose();
    this.timer = undefined;
    if (this.program && !this.gl.isContextLost()) this.gl.deleteProgram(this.program);
    this.program = null;
  }

  private shader(type: number, source: string): WebGLShader {
    const shader = this.gl.createShader(type)!;
    this.gl.shaderSource(shader, source);
    this.gl.compileShader(shader);
    return shader;
  }

  private set(name: string, value: UniformValue) {
    const last = this.values.get(name);
    if (last === value) return;
    this.values.set(name, typeof value === 'number' ? value : [...value]);
    if (this.program) this.upload(name, value);
  }

  private upload(name: string, value: UniformValue) {
    let location = this.locations.get(name);
    if (location === undefined) {
      location = this.gl.getUniformLocation(this.program!, name);
      this.locations.set(name, location);
    }
    if (location === null) return;
    if (typeof value === 'number') this.gl.uniform1f(location, value);
    else if (value.length === 2) this.gl.uniform2f(location, value[0], value[1]);
    else this.gl.uniform3f(location, value[0], value[1], value[2]);
  }
}
