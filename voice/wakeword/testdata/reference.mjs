// reference.mjs: openWakeWord scores computed with onnxruntime, the reference
// the Go engine (voice/wakeword) is tested against; it writes reference.json
// next to this file.
//
// How to run it (the models come from scripts/wakeword-models.sh; onnxruntime-
// node's postinstall would download CUDA libraries, hence --ignore-scripts):
//
//   scripts/wakeword-models.sh bin/wakeword            # or make deps
//   mkdir -p SCRATCH && (cd SCRATCH && npm install --ignore-scripts onnxruntime-node@1.30.0)
//   NODE_PATH=SCRATCH/node_modules node voice/wakeword/testdata/reference.mjs bin/wakeword
//
// (scripts/wakeword-ort-bench.sh installs the same package into bin/ort-node:
// NODE_PATH=bin/ort-node/node_modules works too.) onnxruntime runs on one
// thread (1 intra-op, 1 inter-op, sequential).
//
// The streaming protocol, shared with the Go engine step for step (it differs
// from openWakeWord's Python only where said):
//   - input: 16 kHz mono int16 WAV, padded with 16000 zero samples before and
//     16000 after, cut into steps of 1280 samples (80 ms); a final partial
//     step is dropped.
//   - raw audio: starts as 480 zero samples (Python starts empty; with them
//     the first step yields 8 frames too); each step appends its 1280 samples
//     and the mel model runs on the last 1760, as float32 values of the int16
//     samples (not scaled to [-1,1]), shape [1,1760]. Its output [1,1,8,32]
//     becomes v/10 + 2 (float32 arithmetic).
//   - mel buffer: starts as 76 rows of 32 ones; each step appends its 8 rows;
//     the embedding model runs on the last 76 rows ([1,76,32,1] -> 96).
//   - features: start as 16 copies of the embedding of the all-ones 76x32
//     window; each step appends its embedding; the classifier runs on the
//     last 16 ([1,16,96] -> one score). The raw score is recorded (forcing
//     the first steps to zero is the detector's job).
//
// Numbers are float32 values written with 9 significant digits (they
// round-trip). For hey_mycroft_test.wav on hey_mycroft_v0.1 each step's 8x32
// mel rows (after the transform, row-major) and its embedding are written
// too; "ones_embedding" is the embedding of the all-ones window.
//
// scripts/wakeword-ort-bench.mjs imports Pipeline and readWav from here, so
// the benchmark times exactly this pipeline.

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const RATE = 16000;
export const STEP = 1280; // samples per step (80 ms)
export const CONTEXT = 480; // raw samples kept before each step for the mel model
export const MEL_ROWS = 8; // mel rows per step
export const MEL_BINS = 32;
export const MEL_WINDOW = 76; // mel rows per embedding
export const EMB = 96; // embedding size
export const FEATURES = 16; // embeddings per classifier input
export const PAD = 16000; // zero samples before and after the WAV

// readWav returns the samples of a 16 kHz mono int16 PCM WAV as an Int16Array.
export function readWav(path) {
  const b = readFileSync(path);
  const fail = (why) => { throw new Error(`${path}: ${why}`); };
  if (b.length < 12 || b.toString('latin1', 0, 4) !== 'RIFF' || b.toString('latin1', 8, 12) !== 'WAVE') fail('not a RIFF/WAVE file');
  let fmt = null;
  for (let off = 12; off + 8 <= b.length;) {
    const id = b.toString('latin1', off, off + 4);
    const size = b.readUInt32LE(off + 4);
    const body = off + 8;
    if (body + size > b.length) fail(`chunk ${id} runs past the end`);
    if (id === 'fmt ') {
      if (size < 16) fail('short fmt chunk');
      fmt = { format: b.readUInt16LE(body), channels: b.readUInt16LE(body + 2), rate: b.readUInt32LE(body + 4), bits: b.readUInt16LE(body + 14) };
    } else if (id === 'data') {
      if (!fmt) fail('data chunk before fmt chunk');
      if (fmt.format !== 1 || fmt.channels !== 1 || fmt.rate !== RATE || fmt.bits !== 16) {
        fail(`want 16 kHz mono 16-bit PCM, got format ${fmt.format}, ${fmt.channels} channels, ${fmt.rate} Hz, ${fmt.bits} bits`);
      }
      const n = Math.floor(size / 2);
      const out = new Int16Array(n);
      for (let i = 0; i < n; i++) out[i] = b.readInt16LE(body + 2 * i);
      return out;
    }
    off = body + size + (size & 1); // chunks are padded to an even size
  }
  return fail('no data chunk');
}

// padded returns the samples with PAD zeros before and after.
export function padded(samples) {
  const out = new Int16Array(samples.length + 2 * PAD);
  out.set(samples, PAD);
  return out;
}

export function sha256(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export function sessionOptions() {
  return { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all' };
}

// Pipeline is one stream through the three models; step() takes 1280 samples.
export class Pipeline {
  static async create(ort, modelsDir, classifier) {
    const opts = sessionOptions();
    const p = new Pipeline();
    p.ort = ort;
    p.mel = await ort.InferenceSession.create(join(modelsDir, 'melspectrogram.onnx'), opts);
    p.emb = await ort.InferenceSession.create(join(modelsDir, 'embedding_model.onnx'), opts);
    p.cls = await ort.InferenceSession.create(join(modelsDir, `${classifier}.onnx`), opts);
    p.onesEmbedding = await p.embed(new Float32Array(MEL_WINDOW * MEL_BINS).fill(1));
    p.reset();
    return p;
  }

  reset() {
    this.raw = new Float32Array(CONTEXT + STEP); // the last 1760 samples; starts as zeros
    this.mels = new Float32Array(MEL_WINDOW * MEL_BINS).fill(1); // the last 76 rows
    this.features = new Float32Array(FEATURES * EMB); // the last 16 embeddings
    for (let i = 0; i < FEATURES; i++) this.features.set(this.onesEmbedding, i * EMB);
  }

  async embed(window) {
    const x = new this.ort.Tensor('float32', window, [1, MEL_WINDOW, MEL_BINS, 1]);
    const out = await this.emb.run({ [this.emb.inputNames[0]]: x });
    const v = out[this.emb.outputNames[0]].data;
    if (v.length !== EMB) throw new Error(`embedding has ${v.length} values, want ${EMB}`);
    return Float32Array.from(v);
  }

  // step feeds 1280 int16 samples; it returns the score, the step's mel rows
  // (after the transform) and its embedding.
  async step(samples) {
    if (samples.length !== STEP) throw new Error(`step of ${samples.length} samples, want ${STEP}`);
    this.raw.copyWithin(0, STEP);
    for (let i = 0; i < STEP; i++) this.raw[CONTEXT + i] = samples[i];

    const mx = new this.ort.Tensor('float32', Float32Array.from(this.raw), [1, CONTEXT + STEP]);
    const mo = await this.mel.run({ [this.mel.inputNames[0]]: mx });
    const mv = mo[this.mel.outputNames[0]].data;
    if (mv.length !== MEL_ROWS * MEL_BINS) throw new Error(`mel output has ${mv.length} values, want ${MEL_ROWS * MEL_BINS}`);
    const mel = new Float32Array(MEL_ROWS * MEL_BINS);
    for (let i = 0; i < mel.length; i++) mel[i] = Math.fround(Math.fround(mv[i] / 10) + 2);
    this.mels.copyWithin(0, MEL_ROWS * MEL_BINS);
    this.mels.set(mel, (MEL_WINDOW - MEL_ROWS) * MEL_BINS);

    const embedding = await this.embed(Float32Array.from(this.mels));
    this.features.copyWithin(0, EMB);
    this.features.set(embedding, (FEATURES - 1) * EMB);

    const cx = new this.ort.Tensor('float32', Float32Array.from(this.features), [1, FEATURES, EMB]);
    const co = await this.cls.run({ [this.cls.inputNames[0]]: cx });
    const cv = co[this.cls.outputNames[0]].data;
    if (cv.length !== 1) throw new Error(`classifier output has ${cv.length} values, want 1`);
    return { score: cv[0], mel, embedding };
  }
}

// f32 rounds to float32 and to 9 significant digits (enough to round-trip).
const f32 = (x) => Number(Math.fround(x).toPrecision(9));
const arr = (a) => JSON.stringify(Array.from(a, f32));

// The runs: each WAV on the models it is checked against.
const RUNS = [
  ['hey_mycroft_test.wav', 'hey_mycroft_v0.1', true],
  ['alexa_test.wav', 'hey_mycroft_v0.1', false],
  ['hey_jane.wav', 'hey_mycroft_v0.1', false],
  ['alexa_test.wav', 'alexa_v0.1', false],
  ['hey_mycroft_test.wav', 'hey_jarvis_v0.1', false],
];

async function main() {
  const modelsDir = process.argv[2] || process.env.MYCROFT_WAKEWORD_DIR;
  if (!modelsDir) {
    console.error('usage: node reference.mjs MODELS_DIR [OUT.json]  (MODELS_DIR from scripts/wakeword-models.sh)');
    process.exit(2);
  }
  const here = dirname(fileURLToPath(import.meta.url));
  const outPath = process.argv[3] || join(here, 'reference.json');
  const require = createRequire(import.meta.url); // honours NODE_PATH, unlike import
  const ort = require('onnxruntime-node');

  const lines = [];
  let ones = null;
  for (const [wav, model, front] of RUNS) {
    const p = await Pipeline.create(ort, modelsDir, model);
    if (ones === null) ones = p.onesEmbedding;
    const audio = padded(readWav(join(here, wav)));
    const steps = Math.floor(audio.length / STEP);
    const scores = [], mels = [], embs = [];
    for (let s = 0; s < steps; s++) {
      const r = await p.step(audio.subarray(s * STEP, (s + 1) * STEP));
      scores.push(r.score);
      if (front) { mels.push(r.mel); embs.push(r.embedding); }
    }
    let run = `    {"wav": ${JSON.stringify(wav)}, "wav_sha256": "${sha256(join(here, wav))}",\n` +
      `     "model": ${JSON.stringify(model)}, "model_sha256": "${sha256(join(modelsDir, model + '.onnx'))}",\n` +
      `     "steps": ${steps},\n     "scores": ${arr(scores)}`;
    if (front) {
      run += `,\n     "mel": [\n${mels.map((m) => '      ' + arr(m)).join(',\n')}\n     ]`;
      run += `,\n     "embedding": [\n${embs.map((e) => '      ' + arr(e)).join(',\n')}\n     ]`;
    }
    lines.push(run + '}');
    const max = Math.max(...scores);
    let run05 = 0, best = 0;
    for (const x of scores) { run05 = x >= 0.5 ? run05 + 1 : 0; best = Math.max(best, run05); }
    console.log(`${wav} on ${model}: ${steps} steps, max score ${f32(max)} at step ${scores.indexOf(max)}, ${best} consecutive steps >= 0.5`);
  }
  const versions = ort.env.versions || {};
  const json = '{\n' +
    `  "generator": "voice/wakeword/testdata/reference.mjs",\n` +
    `  "onnxruntime_node": ${JSON.stringify(versions.node || 'unknown')},\n` +
    `  "threads": 1,\n` +
    `  "melspectrogram_sha256": "${sha256(join(modelsDir, 'melspectrogram.onnx'))}",\n` +
    `  "embedding_model_sha256": "${sha256(join(modelsDir, 'embedding_model.onnx'))}",\n` +
    `  "ones_embedding": ${arr(ones)},\n` +
    `  "runs": [\n${lines.join(',\n')}\n  ]\n}\n`;
  JSON.parse(json); // well formed
  writeFileSync(outPath, json);
  console.log(`wrote ${basename(outPath)} (${json.length} bytes)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => { console.error(e); process.exit(1); });
}
