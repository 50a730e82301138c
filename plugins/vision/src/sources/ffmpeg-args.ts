/** What ffmpeg reads and what it writes, for {@link ffmpegCameraArgs}. */
export interface FfmpegCameraOptions {
  /** V4L2 device node, e.g. `/dev/video0`; unused when `input` is given. */
  readonly device: string;
  /** ffmpeg input arguments replacing `-f v4l2 ... -i <device>`, split on whitespace. */
  readonly input?: string | undefined;
  readonly width: number;
  readonly height: number;
  readonly rateHz: number;
}

/**
 * ffmpeg's arguments to read a camera (or the given `input`) and write raw rgb24 frames of
 * `width`×`height` at `rateHz` to stdout, with only errors on stderr.
 *
 * @example
 * ```ts
 * ffmpegCameraArgs({ device: '/dev/video0', width: 160, height: 120, rateHz: 10 });
 * // ['-hide_banner', '-loglevel', 'error', '-nostdin', '-f', 'v4l2', '-framerate', '10',
 * //  '-video_size', '160x120', '-i', '/dev/video0', '-vf', 'scale=160:120', '-r', '10',
 * //  '-pix_fmt', 'rgb24', '-f', 'rawvideo', 'pipe:1']
 * ```
 */
export function ffmpegCameraArgs(options: FfmpegCameraOptions): string[] {
  const { width, height, rateHz } = options;
  const input =
    options.input !== undefined && options.input.trim() !== ''
      ? options.input.trim().split(/\s+/)
      : ['-f', 'v4l2', '-framerate', String(rateHz), '-video_size', `${width}x${height}`, '-i', options.device];
  return [
    '-hide_banner',
    '-loglevel',
    'error',
    '-nostdin',
    ...input,
    // The camera may not offer the asked size; scaling keeps every frame exactly width×height.
    '-vf',
    `scale=${width}:${height}`,
    '-r',
    String(rateHz),
    '-pix_fmt',
    'rgb24',
    '-f',
    'rawvideo',
    'pipe:1',
  ];
}
