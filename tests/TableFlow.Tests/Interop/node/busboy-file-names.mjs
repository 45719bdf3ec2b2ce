// Reads a multipart/form-data body from stdin with busboy and prints, as JSON, each file part's field name and file
// name in the order they arrived: { "utf8": [...], "latin1": [...] }.
//   utf8:   busboy with defParamCharset 'utf8', the setting for clients (and browsers) that send raw UTF-8 names;
//   latin1: busboy's default charset (as multer uses it), its name turned back into UTF-8 with the usual
//           Buffer.from(name, 'latin1').toString('utf8').
// Both keep the whole name (preservePath: true): by default busboy keeps only what follows the last '/' or '\',
// as a server does when it takes the name as a path, whatever the client sent.
// Usage: node busboy-file-names.mjs "<Content-Type header>" < body
import busboy from 'busboy';

const contentType = process.argv[2];
if (!contentType) {
  console.error('usage: node busboy-file-names.mjs "<Content-Type>" < body');
  process.exit(2);
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const body = Buffer.concat(chunks);

function parse(config) {
  return new Promise((resolve, reject) => {
    const files = [];
    const bb = busboy({ headers: { 'content-type': contentType }, preservePath: true, ...config });
    bb.on('file', (field, stream, info) => {
      files.push({ field, fileName: info.filename });
      stream.resume();
    });
    bb.on('error', reject);
    bb.on('close', () => resolve(files));
    bb.end(body);
  });
}

const utf8 = await parse({ defParamCharset: 'utf8' });
const latin1 = (await parse({})).map(f => ({ field: f.field, fileName: Buffer.from(f.fileName, 'latin1').toString('utf8') }));
process.stdout.write(JSON.stringify({ utf8, latin1 }));
