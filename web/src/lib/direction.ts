/** Arrow-key moves in a drawn graph (network/keyboard.ts), pure so the tests can check them. */
/** The node nearest to `from` in direction (dx, dy), within a cone of about ±60°. */
export function nextInDirection(from: { x: number; y: number }, dir: [number, number], nodes: Array<{ id: string; x: number; y: number }>): string | null {
  let best: string | null = null;
  let bestScore = Infinity;
  for (const n of nodes) {
    const vx = n.x - from.x;
    const vy = n.y - from.y;
    const along = vx * dir[0] + vy * dir[1];
    const across = Math.abs(vx * dir[1] - vy * dir[0]);
    if (along <= 0 || across > along * 1.8) continue;
    const score = along + 2 * across;
    if (score < bestScore) {
      bestScore = score;
      best = n.id;
    }
  }
  return best;
}
