import { z } from 'zod';

/** Parameters of the `yolo_detector` plugin. */
export const yoloDetectorParams = z.object({
  model: z.string().min(1).describe("Path of the YOLO .onnx model, relative to the launch file's folder."),
  classes: z
    .array(z.string().min(1))
    .min(1)
    .optional()
    .describe('Class names in model order. Without it (and without classes_file) class ids are indices.'),
  classes_file: z
    .string()
    .min(1)
    .optional()
    .describe("Text file with one class name per line, relative to the launch file's folder."),
  input_width: z
    .int()
    .positive()
    .optional()
    .describe('Model input width in pixels; default from the model (required when the model input is dynamic).'),
  input_height: z
    .int()
    .positive()
    .optional()
    .describe('Model input height in pixels; default from the model, else input_width.'),
  confidence_threshold: z.number().min(0).max(1).default(0.25).describe('Minimum score kept, 0..1.'),
  iou_threshold: z.number().min(0).max(1).default(0.45).describe('NMS IoU threshold, 0..1.'),
  max_detections: z.int().min(1).default(300).describe('Most detections per frame.'),
  execution_providers: z
    .array(z.string().min(1))
    .default(['cpu'])
    .describe("onnxruntime execution providers to try in order (e.g. [cuda, cpu]); 'cpu' is always tried last."),
  queue_capacity: z
    .int()
    .min(1)
    .default(2)
    .describe('Frames waiting for the model; when full the oldest is dropped (counted).'),
  max_batch: z.int().min(1).default(1).describe('Frames run together when the model has a dynamic batch dim.'),
});

/** YOLO detector parameters with defaults applied. */
export type YoloDetectorParams = z.infer<typeof yoloDetectorParams>;
