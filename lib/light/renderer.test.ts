import { describe, expect, it } from 'vitest';
import { moods } from '@/scenes/moods';
import type { LightEvent } from './messages';
import { LightRenderer } from './renderer';
import type { RoomCanvas } from './room';
import { TIERS } from './tiers';

/**
 * A WebGL 2 context with just what the room asks of it, counting draws; a canvas (an
 * EventTarget, like both kinds of canvas) that hands it out, or none (no WebGL 2).
 */
function fakeCanvas({
  webgl = true,
  links = true,
  renderer = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device))',
} = {}) {
  const state = { draws: 0, lost: false, uniforms: new Map<string, unknown>() };
  const SIGNALED = 0x9119;
  const gl = {
    VERTEX_SHADER: 1,
    FRAGMENT_SHADER: 2,
    LINK_STATUS: 3,
    RENDERER: 4,
    TRIANGLES: 5,
    SYNC_GPU_COMMANDS_COMPLETE: 6,
    SYNC_STATUS: 7,
    SIGNALED,
    getExtension: () => null,
    getParameter: () => renderer,
    isContextLost: () => state.lost,
    createShader: () => ({}),
    shaderSource: () => {},
    compileShader: () => {},
    deleteShader: () => {},
    createProgram: () => ({}),
    attachShader: () => {},
    linkProgram: () => {},
    deleteProgram: () => {},
    getProgramParameter: () => links,
    getProgramInfoLog: () => 'link failed',
    getShaderInfoLog: () => '',
    fenceSync: () => ({}),
    flush: () => {},
    getSyncParameter: () => SIGNALED,
    deleteSync: () => {},
    useProgram: () => {},
    viewport: () => {},
    getUniformLocation: (_: unknown, name: string) => name,
    uniform1f: (name: string, x: number) => state.uniforms.set(name, x),
    uniform2f: (name: string, x: number, y: number) => state.uniforms.set(name, [x, y]),
    uniform3f: (name: string, x: number, y: number, z: number) => state.uniforms.set(name, [x, y, z]),
    drawArrays: () => void state.draws++,
  };
  const canvas = Object.assign(new EventTarget(), {
    width: 300,
    height: 150,
    getContext: () => (webgl ? gl : null),
  }) as unknown as RoomCanvas;
  return { canvas, state };
}

/** A host whose frames the test runs, recording what the renderer reports. */
function fakeHost() {
  const events: LightEvent[] = [];
  let asked = false;
  return {
    events,
    host: {
      requestFrame: () => void (asked = true),
      report: (event: LightEvent) => void events.push(event),
    },
    /** Whether a frame was asked for since the last look. */
    asked: () => {
      const was = asked;
      asked = false;
      return was;
    },
    types: () => events.map((e) => e.type),
  };
}

const still = moods.waiting; // nothing in it moves by itself
const water = moods['cold-room']; // caustics and city lights move

async function started(search: string, initial = still, options: Parameters<typeof fakeCanvas>[0] = {}) {
  const { canvas, state } = fakeCanvas(options);
  const host = fakeHost();
  const renderer = new LightRenderer(canvas, host.host, { search, debug: true }, initial);
  renderer.setSize(1440, 900, 1);
  await renderer.start();
  return { renderer, state, host, canvas };
}

describe('LightRenderer', () => {
  it('draws its first frame once the shader has compiled, then reports it', async () => {
    const { renderer, state, host } = await started('?light-tier=3');
    expect(host.types()).toContain('compiled');
    expect(state.draws).toBe(0);
    renderer.tick(0);
    expect(state.draws).toBe(1);
    expect(host.types()).toContain('first-frame');
    // Sized at the tier's resolution, capped pixel ratio.
    expect(host.events.find((e) => e.type === 'tier')).toMatchObject({ tier: 3, pinned: true, width: 720 });
  });

  it('at the top tier draws every mood the page hands it at once, in the frame it moved', async () => {
    const { renderer, state, host } = await started('?light-tier=3');
    renderer.tick(0);
    const before = state.draws;
    for (let frame = 1; frame <= 5; frame++) renderer.setMood({ ...still, light: 0.1 * frame }, frame, frame * 4);
    expect(state.draws - before).toBe(5);
    expect(host.events.filter((e) => e.type === 'drawn').map((e) => (e as { frame: number }).frame)).toEqual([
      1, 2, 3, 4, 5,
    ]);
  });

  it('below the top tier follows at the tier’s rate, and draws the last mood when it is due', async () => {
    const { renderer, state, host } = await started('?light-tier=0');
    renderer.tick(0);
    const interval = 1000 / TIERS[0].followFps;
    renderer.setMood({ ...still, light: 0.3 }, 1, interval);
    expect(state.draws).toBe(2);
    // Too soon after that draw: kept, and a frame asked for.
    host.asked();
    renderer.setMood({ ...still, light: 0.4 }, 2, interval + 10);
    renderer.setMood({ ...still, light: 0.5 }, 3, interval + 20);
    expect(state.draws).toBe(2);
    expect(host.asked()).toBe(true);
    expect(renderer.tick(interval + 30)).toBe(true);
    expect(state.draws).toBe(2);
    renderer.tick(2 * interval);
    expect(state.draws).toBe(3);
    // What was drawn is the last mood, for the last frame that asked.
    expect(host.events.filter((e) => e.type === 'drawn').map((e) => (e as { frame: number }).frame)).toEqual([1, 3]);
  });

  it('rests when nothing moves and nothing changed, and draws a moving room at the ambient rate', async () => {
    const { renderer, state } = await started('?light-tier=3', still);
    renderer.tick(0);
    renderer.tick(16);
    expect(renderer.tick(32)).toBe(false);
    const resting = state.draws;
    const moving = await started('?light-tier=3', water);
    moving.renderer.tick(0);
    let t = 0;
    for (; t < 1000; t += 1000 / 60) moving.renderer.tick(t);
    expect(moving.renderer.tick(t)).toBe(true);
    // About 24 draws in a second, not 60.
    expect(moving.state.draws).toBeGreaterThan(20);
    expect(moving.state.draws).toBeLessThan(30);
    expect(state.draws).toBe(resting);
  });

  it('draws nothing while the page is hidden, and redraws when it is shown', async () => {
    const { renderer, state } = await started('?light-tier=3', water);
    renderer.tick(0);
    renderer.setVisible(false);
    const hidden = state.draws;
    expect(renderer.tick(100)).toBe(false);
    renderer.setMood(water, 1, 200);
    expect(state.draws).toBe(hidden);
    renderer.setVisible(true);
    renderer.tick(300);
    expect(state.draws).toBe(hidden + 1);
  });

  it('stands still with reduced motion: the same moment every draw, no ambient frames', async () => {
    const { renderer, state } = await started('?light-tier=3', water);
    renderer.setReducedMotion(true);
    renderer.tick(0);
    expect(state.uniforms.get('uTime')).toBe(11.3);
    expect(renderer.tick(100)).toBe(false);
  });

  it('starts a software renderer at the lowest tier, anything else at the top', async () => {
    const software = await started('');
    expect(software.host.events.find((e) => e.type === 'tier')).toMatchObject({ tier: 0, pinned: false });
    const gpu = await started('', still, { renderer: 'ANGLE (NVIDIA GeForce)' });
    expect(gpu.host.events.find((e) => e.type === 'tier')).toMatchObject({ tier: 3, pinned: false });
  });

  it('reports a missing WebGL 2 as unsupported and a shader that does not link as a failure, and never draws', async () => {
    const none = await started('', still, { webgl: false });
    expect(none.host.events).toEqual([{ type: 'failed', reason: 'WebGL 2 is not available', unsupported: true }]);
    const broken = await started('', still, { links: false });
    expect(broken.host.events.at(-1)).toEqual({ type: 'failed', reason: 'link failed', unsupported: false });
    broken.renderer.tick(0);
    expect(broken.state.draws).toBe(0);
  });

  it('stops drawing when the context is lost, and comes back with a first frame when it is restored', async () => {
    const { renderer, state, host, canvas } = await started('?light-tier=3', water);
    renderer.tick(0);
    state.lost = true;
    const lost = new Event('webglcontextlost', { cancelable: true });
    canvas.dispatchEvent(lost);
    // Asked to keep the context, so the browser may give it back.
    expect(lost.defaultPrevented).toBe(true);
    expect(host.types().at(-1)).toBe('lost');
    const before = state.draws;
    expect(renderer.tick(100)).toBe(false);
    expect(state.draws).toBe(before);
    state.lost = false;
    canvas.dispatchEvent(new Event('webglcontextrestored'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    renderer.tick(200);
    expect(state.draws).toBe(before + 1);
    expect(host.types().slice(-3)).toEqual(['restored', 'compiled', 'first-frame']);
  });
});
