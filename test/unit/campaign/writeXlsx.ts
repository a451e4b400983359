// write-excel-file for the tests that need an .xlsx made on the spot. The package is ESM-typed but
// ships CommonJS for `require`, which is what these tests run as (the same as read-excel-file).
import type WriteExcelFile from 'write-excel-file/node' with { 'resolution-mode': 'import' };

// eslint-disable-next-line @typescript-eslint/no-require-imports
const writeExcelFile = (require('write-excel-file/node') as { default: typeof WriteExcelFile }).default;
export default writeExcelFile;
