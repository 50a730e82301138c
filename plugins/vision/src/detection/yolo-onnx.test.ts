import { InferenceSession, Tensor } from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { checkYoloModel } from './yolo-model-check.js';
import { YoloDecoder } from './yolo-decoder.js';
import { constantOutputModel } from './testing/onnx-constant-model.js';
import { v8Tensor } from './testing/golden-yolo-tensors.js';

const header = { stamp: { sec: 3, nanosec: 0 }, frame_id: 'camera' };

describe('a YOLO-shaped ONNX model run through onnxruntime-node', () => {
  it('checks the session, runs it and decodes its output into detections on the original image', async () => {
    // Two overlapping boxes of class 1 (one must be suppressed) and one box of class 0, on a 64×64 input.
    const golden = v8Tensor(
      [
        { cx: 20, cy: 32, w: 16, h: 16, scores: { 1: 0.9 } },
        { cx: 21, cy: 32, w: 16, h: 16, scores: { 1: 0.8 } },
        { cx: 48, cy: 32, w: 8, h: 24, scores: { 0: 0.7, 1: 0.1 } },
      ],
      2,
      16,
    );
    const model = constantOutputModel({
      inputName: 'images',
      inputDims: [1, 3, 64, 64],
      outputName: 'output0',
      output: golden,
    });
    const session = await InferenceSession.create(model);
    try {
      const info = checkYoloModel(session, { numClasses: 2 });
      expect(info).toEqual({
        inputName: 'images',
        outputName: 'output0',
        inputWidth: 64,
        inputHeight: 64,
        layout: 'v8',
        numClasses: 2,
        numCandidates: 16,
      });
      const input = new Tensor('float32', new Float32Array(3 * 64 * 64), [1, 3, 64, 64]);
      const outputs = await session.run({ [info.inputName]: input });
      const decoder = new YoloDecoder({ classNames: ['crate', 'person'] });
      // The 128×96 frame was scaled by 0.5 and padded 8 rows top and bottom into the 64×64 input.
      const msg = decoder.decode(outputs[info.outputName]!, header, {
        scale: 0.5,
        padX: 0,
        padY: 8,
        originalWidth: 128,
        originalHeight: 96,
      });
      expect(msg.header).toBe(header);
      expect(
        msg.detections.map((d) => [
          d.results[0]!.hypothesis.class_id,
          d.bbox.center.position,
          d.bbox.size_x,
          d.bbox.size_y,
        ]),
      ).toEqual([
        ['person', { x: 40, y: 48 }, 32, 32],
        ['crate', { x: 96, y: 48 }, 16, 48],
      ]);
      expect(msg.detections.map((d) => d.results[0]!.hypothesis.score)).toEqual([Math.fround(0.9), Math.fround(0.7)]);
    } finally {
      await session.release();
    }
  });
});
