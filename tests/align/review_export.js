/* The review page's own pairs and exports (align/review_pairs.js, as the page carries
   it) run in Node, for tests/align/test_review_export.py. Reads {script, data, ops} as
   JSON on stdin: the script's text, the page's data as the page holds it, and edits to
   replay as the page replays the ones it kept. Writes {tmx, tsv, edits} as JSON. */

'use strict';
const fs = require('fs');
const vm = require('vm');

const input = JSON.parse(fs.readFileSync(0, 'utf8'));
vm.runInThisContext(input.script, {filename: 'review_pairs.js'});
const review = untermReviewPairs(JSON.parse(input.data));
input.ops.forEach(function (op) { review.done.push(review.run(op)); });
process.stdout.write(JSON.stringify({tmx: review.tmx(), tsv: review.tsv(), edits: review.edits()}));
