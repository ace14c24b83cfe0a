/**
 * One triangle that covers the screen, made from the vertex's index (0, 1, 2 → (-1,-1),
 * (3,-1), (-1,3)), so no buffer is needed; the fragment shader does all the work.
 */
export const roomVertex = /* glsl */ `#version 300 es
out vec2 vUv;
void main() {
  vec2 position = vec2(float((gl_VertexID & 1) << 2) - 1.0, float((gl_VertexID & 2) << 1) - 1.0);
  vUv = position * 0.5 + 0.5;
  gl_Position = vec4(position, 0.0, 1.0);
}
`;
