// Where the window opens: the size and position it had last time, unless that would put it off
// every screen now (a monitor was unplugged), then centred on the primary display. Pure, so it is
// tested without Electron.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState extends Rect {
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1360, height: 860 };
const MIN_VISIBLE = 120;

export function parseWindowState(raw: string | undefined): WindowState | undefined {
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as Partial<WindowState>;
    const nums = [v.x, v.y, v.width, v.height];
    if (!nums.every((n) => typeof n === 'number' && Number.isFinite(n))) return undefined;
    return { x: v.x!, y: v.y!, width: v.width!, height: v.height!, maximized: v.maximized === true };
  } catch {
    return undefined;
  }
}

function overlap(a: Rect, b: Rect): { w: number; h: number } {
  return {
    w: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    h: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/** Bounds to open with, given what was saved and the work areas of the connected displays. */
export function restoreBounds(saved: WindowState | undefined, workAreas: Rect[], primary: Rect): WindowState {
  const centred = (w: number, h: number): WindowState => {
    const width = Math.min(w, primary.width);
    const height = Math.min(h, primary.height);
    return { x: primary.x + Math.round((primary.width - width) / 2), y: primary.y + Math.round((primary.height - height) / 2), width, height, maximized: false };
  };
  if (!saved) return centred(DEFAULT_SIZE.width, DEFAULT_SIZE.height);
  const visible = workAreas.some((area) => {
    const o = overlap(saved, area);
    return o.w >= MIN_VISIBLE && o.h >= 40;
  });
  if (!visible) return { ...centred(saved.width, saved.height), maximized: saved.maximized };
  return saved;
}
