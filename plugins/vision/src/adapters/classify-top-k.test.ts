import { InferenceSession } from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { buildOnnxModel } from '../inference/testing/onnx-model-builder.js';
import { checkClassifierModel } from './classifier-model-check.js';
import { classifyTopK, toClassificationMessage } from './classify-top-k.js';

describe('classifyTopK', () => {
  it('ranks softmax probabilities of logits, best first', () => {
    const top = classifyTopK(Float32Array.of(1, 3, 2), 2, ['cat', 'dog', 'bird']);
    const z = Math.exp(1) + Math.exp(3) + Math.exp(2);
    expect(top.map((c) => [c.classId, c.className])).toEqual([
      [1, 'dog'],
      [2, 'bird'],
    ]);
    expect(top[0]!.score).toBeCloseTo(Math.exp(3) / z, 12);
    expect(top[1]!.score).toBeCloseTo(Math.exp(2) / z, 12);
  });

  it('stays finite for huge logits and gives -Infinity a probability of 0', () => {
    const top = classifyTopK([1000, 999, -Infinity], 3);
    expect(top.map((c) => c.className)).toEqual(['0', '1', '2']);
    expect(top[0]!.score).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
    expect(top[2]!.score).toBe(0);
    expect(top.reduce((sum, c) => sum + c.score, 0)).toBeCloseTo(1, 12);
  });

  it('keeps class order on ties and returns all classes when k exceeds C', () => {
    const top = classifyTopK([0.5, 2, 0.5, 2], 10, undefined, { softmax: false });
    expect(top.map((c) => c.classId)).toEqual([1, 3, 0, 2]);
    expect(top.map((c) => c.score)).toEqual([2, 2, 0.5, 0.5]);
  });

  it('ranks probabilities as given without softmax, and builds a Classification message', () => {
    const top = classifyTopK([0.1, 0.7, 0.2], 1, ['a', 'b', 'c'], { softmax: false });
    expect(top).toEqual([{ classId: 1, className: 'b', score: 0.7 }]);
    const header = { stamp: { sec: 1, nanosec: 0 }, frame_id: 'camera' };
    expect(toClassificationMessage(header, top)).toEqual({ header, results: [{ class_id: 'b', score: 0.7 }] });
  });

  it('rejects a bad k, a name list of the wrong length and NaN values with OMNI_ERR_VISION_CLASSIFY_OPTIONS', () => {
    const code = { code: 'OMNI_ERR_VISION_CLASSIFY_OPTIONS' };
    expect(() => classifyTopK([1, 2], 0)).toThrow(
      expect.objectContaining({ ...code, message: 'k must be an integer ≥ 1, got 0' }),
    );
    expect(() => classifyTopK([1, 2], 1, ['a'])).toThrow(
      expect.objectContaining({ ...code, message: expect.stringContaining('a list of 2 names') }),
    );
    expect(() => classifyTopK([1, Number.NaN], 1)).toThrow(
      expect.objectContaining({ ...code, message: 'values[1] must be a finite number or -Infinity, got NaN' }),
    );
    expect(() => classifyTopK([], 1)).toThrow(expect.objectContaining(code));
  });
});

describe('checkClassifierModel', () => {
  /** Global average pooling then a 3→4 linear layer: a real [1, 3, 8, 8] → [1, 4] classifier graph. */
  const classifier = (classes: number) =>
    buildOnnxModel({
      inputs: [{ name: 'input', dims: ['batch', 3, 8, 8] }],
      outputs: [{ name: 'logits', dims: ['batch', classes] }],
      initializers: [{ name: 'w', data: new Float32Array(3 * classes).fill(1), dims: [3, classes] }],
      nodes: [
        { op: 'GlobalAveragePool', inputs: ['input'], outputs: ['pooled'] },
        { op: 'Flatten', inputs: ['pooled'], outputs: ['flat'] },
        { op: 'MatMul', inputs: ['flat', 'w'], outputs: ['logits'] },
      ],
    });

  it('accepts an onnxruntime session of a [1, 3, H, W] → [1, C] classifier', async () => {
    const session = await InferenceSession.create(classifier(4));
    try {
      expect(checkClassifierModel(session, { numClasses: 4 })).toEqual({
        inputName: 'input',
        outputName: 'logits',
        layout: 'nchw',
        inputWidth: 8,
        inputHeight: 8,
        numClasses: 4,
      });
      expect(() => checkClassifierModel(session, { numClasses: 1000 })).toThrow(
        expect.objectContaining({
          code: 'OMNI_ERR_VISION_MODEL_SHAPE',
          message: "output 'logits' is float32 [batch, 4]; expected [1, 1000] (1000 classes given)",
        }),
      );
    } finally {
      await session.release();
    }
  });

  it('reads NHWC inputs and rejects detector-shaped outputs', () => {
    const nhwc = {
      inputNames: ['x'],
      outputNames: ['y'],
      inputMetadata: [{ name: 'x', isTensor: true, type: 'float32', shape: [1, 224, 160, 3] }],
      outputMetadata: [{ name: 'y', isTensor: true, type: 'float32', shape: [1, 10] }],
    };
    expect(checkClassifierModel(nhwc)).toMatchObject({
      layout: 'nhwc',
      inputWidth: 160,
      inputHeight: 224,
      numClasses: 10,
    });
    const detector = {
      ...nhwc,
      outputMetadata: [{ name: 'y', isTensor: true, type: 'float32', shape: [1, 84, 8400] }],
    };
    expect(() => checkClassifierModel(detector)).toThrow(
      expect.objectContaining({
        code: 'OMNI_ERR_VISION_MODEL_SHAPE',
        message: expect.stringContaining('[1, 84, 8400]'),
      }),
    );
  });
});
