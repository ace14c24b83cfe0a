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
import { COLUMN_BOUNDS, inkOf, paletteOf } from './palette';

/** Device pixels per CSS pixel are capped: the light is soft, the cost is not. */
export const MAX_PIXEL_RATIO = 1.5;
/** The room renders at this fraction of its display size and is scaled up by the browser. */
export const RESOLUTION_SCALE = 0.5;

type Uniforms = Record<string, { value: number | Vector2 | Vector3 }>;

const moodUniform: Record<keyof Mood, string | undefined> = {
  light: 'uLight',
  warmth: 'uWarmth',
  caustics: 'uCaustics',
  city: 'uCity',
  wine: 'uWine',
  blink: 'uBlink',
  glow: 'uGlow',
  haze: 'uHaze',
  pulse: 'uPulse',
  headlights: 'uHeadlights',
  indigo: undefined, // already in the palette's ambient colours
  streetlight: 'uStreet',
  dawn: 'uDawn',
  grain: 'uGrain',
};

/**
 * The mood layer: one full-screen triangle and one fragment shader, drawn by three.js.
 * It only draws when asked (see `render`); the caller decides when something changed.
 */
export class Room {
  private readonly renderer: WebGLRenderer;
  private readonly scene = new Scene();
  private readonly camera = new OrthographicCamera(-1, 1, 1, -1, 0, 1);
  private readonly uniforms: Uniforms;
  private readonly material: ShaderMaterial;
  private readonly geometry: BufferGeometry;

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
    this.uniforms = {
      uRes: { value: new Vector2(1, 1) },
      uTime: { value: 0 },
      uTop: { value: new Vector3() },
      uBottom: { value: new Vector3() },
      uColumn: { value: 0.25 },
      uDayInk: { value: 0 },
      uColumnBounds: { value: new Vector2(0, 1) },
    };
    for (const name of Object.values(moodUniform)) if (name) this.uniforms[name] = { value: 0 };
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
    // A shader that fails to compile on some GPU must fall back to the CSS light, not draw black.
    let shaderError = '';
    this.renderer.debug.onShaderError = (gl, program) => {
      shaderError = gl.getProgramInfoLog(program) || 'the room shader did not compile';
    };
    this.renderer.compile(this.scene, this.camera);
    if (shaderError) {
      this.dispose();
      throw new Error(shaderError);
    }
  }

  /** Sizes the drawing buffer for a display size in CSS pixels. */
  resize(width: number, height: number, devicePixelRatio: number) {
    const ratio = Math.min(devicePixelRatio, MAX_PIXEL_RATIO) * RESOLUTION_SCALE;
    this.renderer.setPixelRatio(ratio);
    this.renderer.setSize(width, height, false);
    (this.uniforms.uRes.value as Vector2).set(Math.round(width * ratio), Math.round(height * ratio));
  }

  /** Sets the light of the room; `columnHalfWidth` is the reading column's half width as a fraction of the width. */
  setMood(mood: Mood, columnHalfWidth: number) {
    const { top, bottom } = paletteOf(mood);
    (this.uniforms.uTop.value as Vector3).set(...top);
    (this.uniforms.uBottom.value as Vector3).set(...bottom);
    for (const [channel, name] of Object.entries(moodUniform)) {
      if (name) this.uniforms[name].value = mood[channel as keyof Mood];
    }
    const ink = inkOf(mood);
    this.uniforms.uDayInk.value = ink === 'day' ? 1 : 0;
    (this.uniforms.uColumnBounds.value as Vector2).set(COLUMN_BOUNDS[ink].min, COLUMN_BOUNDS[ink].max);
    this.uniforms.uColumn.value = columnHalfWidth;
  }

  render(timeSeconds: number) {
    this.uniforms.uTime.value = timeSeconds;
    this.renderer.render(this.scene, this.camera);
  }

  dispose() {
    this.geometry.dispose();
    this.material.dispose();
    this.renderer.dispose();
  }
}
