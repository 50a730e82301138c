/** Optical character recognition with PaddleOCR's ONNX models (DB detection, CTC recognition). */
export { OcrEngine, type OcrEngineOptions, type OcrInput, type OcrResult } from './ocr-engine.js';
export { defaultOcrModelFiles, type OcrModelFiles } from './ocr-model-files.js';
export { TextDetector, detectionInputSize } from './text-detector.js';
export { TextRecognizer } from './text-recognizer.js';
export { extractTextBoxes, type DbMapGeometry, type DbPostprocessOptions } from './db-postprocess.js';
export { ctcGreedyDecode, type CtcText } from './ctc-decode.js';
export { characterTable, loadCharacterTable, type CharacterTable } from './character-dictionary.js';
export { readingOrder, type ScoredTextBox, type TextBox } from './text-box.js';
export { OcrError, OcrFilesMissingError, OcrModelMismatchError, OcrOptionsError } from './ocr-errors.js';
