// Compiles the Mycroft contracts with the pinned solc (solcjs) and writes
// deterministic artifacts: <Name>.abi and <Name>.bin (the input
// of abigen), and <Name>.runtime.json: the runtime code a deployment must
// hold, with the byte ranges of its immutables (filled in by the
// constructor, so left out of the comparison). Usage: node compile.js <outdir>
'use strict';
const fs = require('fs');
const path = require('path');
const solc = require('solc');

const here = __dirname;
const out = process.argv[2];
if (!out) {
  console.error('usage: node compile.js <outdir>');
  process.exit(2);
}

// The contracts that get artifacts and bindings, in a fixed order.
const wanted = [
  ['Token.sol', 'Token'],
  ['Channels.sol', 'Channels'],
  ['Registry.sol', 'Registry'],
  ['Governor.sol', 'MycroftGovernor'],
  ['Timelock.sol', 'Timelock'],
  ['Grants.sol', 'Grants'],
  ['Releases.sol', 'Releases'],
];

const sources = {};
for (const f of fs.readdirSync(here).filter((f) => f.endsWith('.sol')).sort()) {
  sources[f] = { content: fs.readFileSync(path.join(here, f), 'utf8') };
}

const input = {
  language: 'Solidity',
  sources,
  settings: {
    evmVersion: 'cancun',
    optimizer: { enabled: true, runs: 200 },
    metadata: { bytecodeHash: 'none' },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object', 'evm.deployedBytecode.immutableReferences'] } },
  },
};

function findImports(p) {
  const file = path.join(here, 'node_modules', p);
  if (!p.startsWith('@openzeppelin/contracts/') || p.includes('..')) {
    return { error: 'import not allowed: ' + p };
  }
  try {
    return { contents: fs.readFileSync(file, 'utf8') };
  } catch (e) {
    return { error: 'not found: ' + p };
  }
}

const result = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
let failed = false;
for (const e of result.errors || []) {
  if (e.severity === 'error') failed = true;
  console.error(e.formattedMessage);
}
if (failed) process.exit(1);

fs.mkdirSync(out, { recursive: true });
for (const [file, name] of wanted) {
  const c = result.contracts[file] && result.contracts[file][name];
  if (!c) {
    console.error('missing contract ' + file + ':' + name);
    process.exit(1);
  }
  const bin = c.evm.bytecode.object;
  const runtime = c.evm.deployedBytecode.object.length / 2;
  if (runtime > 24576) {
    console.error(name + ': runtime code ' + runtime + ' bytes exceeds the 24576-byte limit');
    process.exit(1);
  }
  fs.writeFileSync(path.join(out, name + '.abi'), JSON.stringify(c.abi, null, 2) + '\n');
  fs.writeFileSync(path.join(out, name + '.bin'), bin + '\n');
  const immutables = [];
  for (const refs of Object.values(c.evm.deployedBytecode.immutableReferences || {})) {
    for (const r of refs) immutables.push({ start: r.start, length: r.length });
  }
  immutables.sort((a, b) => a.start - b.start);
  const rt = { deployedBytecode: c.evm.deployedBytecode.object, immutables };
  fs.writeFileSync(path.join(out, name + '.runtime.json'), JSON.stringify(rt) + '\n');
  console.error(name + ': ' + runtime + ' bytes runtime');
}
