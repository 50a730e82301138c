import { readdirSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, resolve } from 'node:path';
import { VISION_NODE_CODES, VisionNodeParamsError } from './vision-node-errors.js';

/** File extensions (lower case) an image folder source reads. */
export const IMAGE_FILE_EXTENSIONS: readonly string[] = ['.png', '.jpg', '.jpeg', '.webp'];

/** A `folder` parameter resolved against the folder of the launch file that set it. */
export function resolveImageFolder(folder: string, baseDir: string): string {
  return isAbsolute(folder) ? folder : resolve(baseDir, folder);
}

/**
 * The image files (PNG, JPEG, WebP by extension, any case) directly in `folder`, as absolute
 * paths sorted by file name (code-point order, so `frame_0009` comes before `frame_0010` when the
 * numbers are zero-padded). Sub-folders are not read.
 *
 * @param node - the node name, for the error message.
 * @throws VisionNodeParamsError `OMNI_ERR_VISION_FOLDER_NOT_FOUND` when `folder` is not a folder,
 *   `OMNI_ERR_VISION_FOLDER_EMPTY` when it holds no image file.
 * @example
 * ```ts
 * listImageFiles('/data/run1', 'camera'); // ['/data/run1/0001.png', '/data/run1/0002.png']
 * ```
 */
export function listImageFiles(folder: string, node: string): string[] {
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    isFolder = false;
  }
  if (!isFolder) {
    throw new VisionNodeParamsError(
      VISION_NODE_CODES.FOLDER_NOT_FOUND,
      `node '${node}': parameter 'folder' is '${folder}', which is not a folder; expected a folder of ${extensionList()} images (a relative path is read from the launch file's folder)`,
      undefined,
      { folder },
    );
  }
  const files = readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && IMAGE_FILE_EXTENSIONS.includes(extname(entry.name).toLowerCase()))
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (files.length === 0) {
    throw new VisionNodeParamsError(
      VISION_NODE_CODES.FOLDER_EMPTY,
      `node '${node}': folder '${folder}' holds no image; expected at least one ${extensionList()} file`,
      undefined,
      { folder },
    );
  }
  return files.map((name) => join(folder, name));
}

function extensionList(): string {
  return IMAGE_FILE_EXTENSIONS.join(', ');
}
