/**
 * @omnimind/plugin-vision: image preprocessing, detection decoding, classical detection and image
 * features for OmniMind robots.
 */
export {};
