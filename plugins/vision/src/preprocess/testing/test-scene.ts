import sharp from 'sharp';

/** Size of the test scene. */
export const SCENE_WIDTH = 64;
export const SCENE_HEIGHT = 48;

/** Rectangles of the test scene, in pixels, with their RGB colours. */
export const SCENE_RECTS = {
  red: { x: 8, y: 8, width: 16, height: 16, rgb: [255, 0, 0] },
  green: { x: 40, y: 8, width: 16, height: 16, rgb: [0, 255, 0] },
  blue: { x: 8, y: 28, width: 24, height: 12, rgb: [0, 0, 255] },
  orange: { x: 44, y: 30, width: 12, height: 14, rgb: [255, 128, 0] },
} as const;

/** Background colour of the test scene. */
export const SCENE_BACKGROUND = [255, 255, 255] as const;

/** The scene as SVG: a white 64×48 image with four pixel-aligned coloured rectangles. */
export function sceneSvg(): string {
  const rects = Object.values(SCENE_RECTS)
    .map((r) => `<rect x="${r.x}" y="${r.y}" width="${r.width}" height="${r.height}" fill="rgb(${r.rgb.join(',')})"/>`)
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SCENE_WIDTH}" height="${SCENE_HEIGHT}" shape-rendering="crispEdges">` +
    `<rect width="100%" height="100%" fill="rgb(${SCENE_BACKGROUND.join(',')})"/>${rects}</svg>`
  );
}

/** The scene encoded by sharp as `format` (PNG and lossless WebP keep every pixel exact). */
export async function sceneBytes(format: 'png' | 'jpeg' | 'webp' | 'gif' | 'tiff'): Promise<Uint8Array> {
  const svg = sharp(Buffer.from(sceneSvg())).removeAlpha();
  switch (format) {
    case 'png':
      return svg.png().toBuffer();
    case 'jpeg':
      return svg.jpeg({ quality: 95 }).toBuffer();
    case 'webp':
      return svg.webp({ lossless: true }).toBuffer();
    case 'gif':
      return svg.gif().toBuffer();
    case 'tiff':
      return svg.tiff().toBuffer();
  }
}

/** The RGB bytes at (x, y) of an RGB image `data` that is `width` wide. */
export function rgbAt(data: Uint8Array, width: number, x: number, y: number): [number, number, number] {
  const i = (y * width + x) * 3;
  return [data[i]!, data[i + 1]!, data[i + 2]!];
}
