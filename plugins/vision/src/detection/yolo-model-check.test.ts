import { describe, expect, it } from 'vitest';
import { checkYoloModel } from './yolo-model-check.js';

const image = { name: 'images', isTensor: true, type: 'float32', shape: [1, 3, 640, 640] } as const;
const v8 = { name: 'output0', isTensor: true, type: 'float32', shape: [1, 84, 8400] } as const;
const shapeError = (message: RegExp) =>
  expect.objectContaining({ code: 'OMNI_ERR_VISION_MODEL_SHAPE', message: expect.stringMatching(message) });

describe('checkYoloModel', () => {
  it('accepts a v8 export and a v5 export with dynamic dims', () => {
    expect(
      checkYoloModel({
        inputNames: ['images'],
        outputNames: ['output0'],
        inputMetadata: [image],
        outputMetadata: [v8],
      }),
    ).toEqual({
      inputName: 'images',
      outputName: 'output0',
      inputWidth: 640,
      inputHeight: 640,
      layout: 'v8',
      numClasses: 80,
      numCandidates: 8400,
    });
    const info = checkYoloModel({
      inputNames: ['images'],
      outputNames: ['output', 'proto'],
      inputMetadata: [{ ...image, shape: ['batch', 3, 'height', 'width'] }],
      outputMetadata: [
        { ...v8, name: 'output', shape: ['batch', 'anchors', 85] },
        { name: 'proto', isTensor: true, type: 'float32', shape: [1, 32, 160, 160] },
      ],
    });
    expect(info).toMatchObject({
      outputName: 'output',
      inputWidth: undefined,
      inputHeight: undefined,
      layout: 'v5',
      numClasses: 80,
      numCandidates: undefined,
    });
  });

  it('checks only names when there is no metadata', () => {
    expect(checkYoloModel({ inputNames: ['x'], outputNames: ['y'] })).toMatchObject({
      inputName: 'x',
      outputName: 'y',
      layout: undefined,
    });
  });

  it('says what input was expected', () => {
    const io = { outputNames: ['output0'], outputMetadata: [v8] };
    expect(() => checkYoloModel({ ...io, inputNames: ['a', 'b'] })).toThrow(
      shapeError(/model has 2 inputs \[a, b\]; expected one float32 image input \[1, 3, H, W\]/),
    );
    expect(() =>
      checkYoloModel({ ...io, inputNames: ['images'], inputMetadata: [{ ...image, shape: [1, 640, 640, 3] }] }),
    ).toThrow(
      shapeError(
        /input 'images' is float32 \[1, 640, 640, 3\]; expected one float32 image input \[1, 3, H, W\] \(NCHW, RGB\)/,
      ),
    );
    expect(() =>
      checkYoloModel({ ...io, inputNames: ['images'], inputMetadata: [{ ...image, type: 'uint8' }] }),
    ).toThrow(shapeError(/is uint8/));
    expect(() =>
      checkYoloModel({ ...io, inputNames: ['images'], inputMetadata: [{ name: 'images', isTensor: false }] }),
    ).toThrow(shapeError(/is not a tensor/));
  });

  it('says what output was expected', () => {
    const io = { inputNames: ['images'], inputMetadata: [image] };
    expect(() => checkYoloModel({ ...io, outputNames: [] })).toThrow(shapeError(/no outputs/));
    expect(() =>
      checkYoloModel({
        ...io,
        outputNames: ['logits'],
        outputMetadata: [{ name: 'logits', isTensor: true, type: 'float32', shape: [1, 1000] }],
      }),
    ).toThrow(
      shapeError(/output 'logits': YOLO output has dims \[1, 1000\]; expected a float32 tensor \[1, 4\+C, N\]/),
    );
    expect(() =>
      checkYoloModel({ ...io, outputNames: ['output0'], outputMetadata: [{ ...v8, type: 'float16' }] }),
    ).toThrow(shapeError(/output 'output0' is float16 \[1, 84, 8400\]; expected a float32 tensor/));
    expect(() => checkYoloModel({ ...io, outputNames: ['output0'], outputMetadata: [v8] }, { numClasses: 20 })).toThrow(
      shapeError(/for 20 classes/),
    );
  });
});
