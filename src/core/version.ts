// The product version, kept equal to package.json's by a unit test (bundles do not read package.json).
export const VERSION = '2.0.0';
