import { describe, expect, it } from 'vitest';
import { ffmpegCameraArgs } from './ffmpeg-args.js';
import { RawFrameSplitter } from './raw-frame-splitter.js';

describe('RawFrameSplitter', () => {
  it('cuts a stream into whole frames whatever the chunk boundaries', () => {
    const stream = Buffer.from(Array.from({ length: 14 }, (_, i) => i));
    const splitter = new RawFrameSplitter(6);
    const frames = [stream.subarray(0, 4), stream.subarray(4, 13), stream.subarray(13)].flatMap((c) =>
      splitter.push(c),
    );
    expect(frames.map((f) => [...f])).toEqual([
      [0, 1, 2, 3, 4, 5],
      [6, 7, 8, 9, 10, 11],
    ]);
    splitter.reset();
    expect(splitter.push(Buffer.alloc(6, 9)).map((f) => [...f])).toEqual([[9, 9, 9, 9, 9, 9]]);
  });

  it('rejects a frame size that is not a positive integer', () => {
    expect(() => new RawFrameSplitter(0)).toThrow(/expected a positive integer/);
  });
});

describe('ffmpegCameraArgs', () => {
  it('reads the V4L2 device, or the input override, and writes scaled raw rgb24 to stdout', () => {
    const device = ffmpegCameraArgs({ device: '/dev/video2', width: 320, height: 240, rateHz: 15 });
    expect(device.join(' ')).toBe(
      '-hide_banner -loglevel error -nostdin -f v4l2 -framerate 15 -video_size 320x240 -i /dev/video2 ' +
        '-vf scale=320:240 -r 15 -pix_fmt rgb24 -f rawvideo pipe:1',
    );
    const lavfi = ffmpegCameraArgs({
      device: '/dev/video0',
      input: ' -f lavfi  -i testsrc ',
      width: 8,
      height: 4,
      rateHz: 5,
    });
    expect(lavfi.slice(4, 8)).toEqual(['-f', 'lavfi', '-i', 'testsrc']);
  });
});
