// wakeword-ort-bench.mjs: what the wake word pipeline costs with onnxruntime
// on one thread, to sit next to the Go engine's BenchmarkWakeWord. Run by
// scripts/wakeword-ort-bench.sh (which installs onnxruntime-node and sets
// NODE_PATH):
//
//   node scripts/wakeword-ort-bench.mjs MODELS_DIR [WAV] [SECONDS]
//
// The WAV (default: voice/wakeword/testdata/hey_mycroft_test.wav) is looped
// to SECONDS of audio (default 60) and fed step by step (80 ms, 1280 samples)
// through the pipeline of voice/wakeword/testdata/reference.mjs (mel,
// embedding, hey_mycroft_v0.1 classifier), after a warm-up pass. It prints one
// line in Go benchmark format: one op is one step; cpu-ms/audio-s is the
// process's CPU time (user + system) in milliseconds per second of audio.

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Pipeline, RATE, STEP, readWav } from '../voice/wakeword/testdata/reference.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const [modelsDir, wavArg, secondsArg] = process.argv.slice(2);
if (!modelsDir) {
  console.error('usage: node wakeword-ort-bench.mjs MODELS_DIR [WAV] [SECONDS]');
  process.exit(2);
}
const wav = wavArg || join(here, '../voice/wakeword/testdata/hey_mycroft_test.wav');
const seconds = Number(secondsArg || 60);
if (!(seconds > 0)) {
  console.error(`wakeword-ort-bench: SECONDS must be a positive number, got ${secondsArg}`);
  process.exit(2);
}

const require = createRequire(import.meta.url); // honours NODE_PATH, unlike import
const ort = require('onnxruntime-node');

const clip = readWav(wav);
if (clip.length === 0) throw new Error(`${wav}: no samples`);
const audio = new Int16Array(Math.round(seconds * RATE));
for (let i = 0; i < audio.length; i++) audio[i] = clip[i % clip.length];
const steps = Math.floor(audio.length / STEP);
if (steps === 0) throw new Error(`${seconds} s of audio is less than one step`);

const p = await Pipeline.create(ort, modelsDir, 'hey_mycroft_v0.1');
const run = async (n) => {
  for (let s = 0; s < n; s++) await p.step(audio.subarray(s * STEP, (s + 1) * STEP));
};

await run(Math.min(steps, 50)); // warm-up: first runs allocate and plan
p.reset();

const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
await run(steps);
const wall = Number(process.hrtime.bigint() - t0);
const cpu = process.cpuUsage(cpu0);

const audioSeconds = (steps * STEP) / RATE;
const cpuMs = (cpu.user + cpu.system) / 1000;
const nsPerOp = Math.round(wall / steps);
console.log(`BenchmarkWakeWordORT\t${steps}\t${nsPerOp} ns/op\t${(cpuMs / audioSeconds).toFixed(3)} cpu-ms/audio-s`);
