/**
 * Readying the room's shader program without blocking the thread that draws it. A
 * program's link status is a synchronous question to the GPU: asked too early, it waits
 * for the compile. So it is asked only once the compile is known to be done, which
 * `KHR_parallel_shader_compile` tells where the browser has it, and a fence tells elsewhere.
 */

/** The parts of a WebGL 2 context used here, so tests can hand in a stand-in. */
export type ProgramContext = Pick<
  WebGL2RenderingContext,
  | 'isContextLost'
  | 'getProgramParameter'
  | 'getProgramInfoLog'
  | 'getShaderInfoLog'
  | 'fenceSync'
  | 'getSyncParameter'
  | 'deleteSync'
  | 'flush'
  | 'LINK_STATUS'
  | 'SYNC_GPU_COMMANDS_COMPLETE'
  | 'SYNC_STATUS'
  | 'SIGNALED'
>;

/** A linked (or failed) program and its two shaders. */
export interface ProgramParts {
  program: WebGLProgram;
  vertexShader: WebGLShader;
  fragmentShader: WebGLShader;
}

/**
 * Why a program cannot draw, or undefined when it can. A lost context answers nothing
 * meaningful and is not the program's fault: it is compiled again when the context returns.
 */
export function linkError(gl: ProgramContext, parts: ProgramParts): string | undefined {
  if (gl.isContextLost()) return undefined;
  const { program } = parts;
  if (gl.getProgramParameter(program, gl.LINK_STATUS)) return undefined;
  const logs = [
    gl.getProgramInfoLog(program),
    gl.getShaderInfoLog(parts.vertexShader),
    gl.getShaderInfoLog(parts.fragmentShader),
  ];
  return (
    logs
      .map((log) => log?.trim())
      .filter(Boolean)
      .join('\n') || 'the room shader did not link'
  );
}

/** How often the fence is looked at, and how long before the wait gives up and lets the link check wait instead. */
export const FENCE_POLL_MS = 10;
export const FENCE_GIVE_UP_MS = 10_000;

/** KHR_parallel_shader_compile's question: are the program's compile and link done? */
export const COMPLETION_STATUS_KHR = 0x91b1;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Resolves once a program's compile and link are done, without ever waiting for them:
 * with `KHR_parallel_shader_compile` (`parallel`) by asking the driver between tasks, which
 * answers at once; without it by a fence (`gpuDone`). Gives up after FENCE_GIVE_UP_MS, or
 * when the context is lost.
 */
export async function programDone(
  gl: ProgramContext,
  program: WebGLProgram,
  parallel: boolean,
  wait: (ms: number) => Promise<void> = pause,
): Promise<void> {
  if (!parallel) return gpuDone(gl, wait);
  for (let waited = 0; waited < FENCE_GIVE_UP_MS; waited += FENCE_POLL_MS) {
    if (gl.isContextLost() || gl.getProgramParameter(program, COMPLETION_STATUS_KHR)) return;
    await wait(FENCE_POLL_MS);
  }
}

/**
 * Resolves once the GPU has done every command issued so far (the compile and link
 * among them), polling a fence between tasks. Polling never waits: a sync object's status
 * only changes between tasks, so it is read again on a timer.
 */
export function gpuDone(gl: ProgramContext, wait: (ms: number) => Promise<void> = pause): Promise<void> {
  const fence = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
  if (!fence) return Promise.resolve();
  gl.flush();
  return (async () => {
    for (let waited = 0; waited < FENCE_GIVE_UP_MS; waited += FENCE_POLL_MS) {
      if (gl.isContextLost() || gl.getSyncParameter(fence, gl.SYNC_STATUS) === gl.SIGNALED) break;
      await wait(FENCE_POLL_MS);
    }
    gl.deleteSync(fence);
  })();
}
