// How big the PNG export is: twice the graph's own size, but never more than MAX_PNG_SIDE pixels on a side.

/**
 * The longest side of an exported PNG. A 1,000-package graph at twice its size is 33,000 × 7,600 px: a 99 MB file, a
 * main-thread task of 14 s, and past Chromium's canvas limits (32,767 px a side) a little bigger. 8,192 px keeps a
 * package's name legible on a graph of a few hundred; the SVG export keeps every detail at any size.
 */
export const MAX_PNG_SIDE = 8192;

/** The PNG's scale (model units to pixels) for a graph `width` × `height` in model units, and its size in pixels. */
export function pngSize(width: number, height: number): { scale: number; width: number; height: number; reduced: boolean } {
  const longest = Math.max(width, height, 1);
  const scale = Math.min(2, MAX_PNG_SIDE / longest);
  return { scale, width: Math.round(width * scale), height: Math.round(height * scale), reduced: scale < 2 };
}
