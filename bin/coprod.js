#!/usr/bin/env node
// coprod launcher, CommonJS (bin/package.json): Node starts a CommonJS entry point sooner
// than an ES module one. --version answers at once; anything else runs the
// bundled CLI (dist/coprod.cjs) compiled with V8's code cache (dist/coprod.cjs.cache),
// which is written after the first run and whenever V8 rejects it. Without a usable
// cache, or with COPROD_NO_CODE_CACHE=1, the bundle is simply compiled as usual.
'use strict';
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version}\n`);
} else {
  const file = join(__dirname, '..', 'dist', 'coprod.cjs');
  const cacheFile = `${file}.cache`;
  const useCache = process.env.COPROD_NO_CODE_CACHE !== '1';
  let cachedData;
  if (useCache) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // no cache yet
    }
  }
  const source = readFileSync(file, 'utf8');
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __coprodImport) {${source}\n})`, {
    filename: file,
    cachedData,
  });
  if (useCache && (!cachedData || script.cachedDataRejected)) {
    process.once('exit', () => {
      try {
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, cacheFile);
      } catch {
        // a read-only install: run without a cache
      }
    });
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file), (specifier) => import(specifier));
  module.exports.start();
}
