#!/usr/bin/env node
// gomem-gate bundle of sources sha256:0e69d5a973d68663ae6b3b7ba292f6f2600ce2de929cfc5c2ccf1876eddf2fac (scripts/dist-hash.mjs)
import { writeFileSync, openSync, fstatSync, readSync, closeSync, statSync as statSync$1, readFileSync, createReadStream, existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import require$$0 from 'process';
import require$$0$1 from 'buffer';
import * as nativeFs from 'fs';
import { statSync, stat, realpathSync, realpath, readdirSync, readdir } from 'fs';
import { sep, basename as basename$1, dirname, resolve, normalize, relative, posix, isAbsolute } from 'path';
import { fileURLToPath } from 'url';
import { createRequire } from 'module';
import { fileURLToPath as fileURLToPath$1 } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Readable } from 'node:stream';
import { createGunzip, gunzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';

/**
 * An error the user caused and can fix. `message` is one line that names the file or
 * config key; `hint` says what to do. Never carries a stack trace to the user.
 */
class GateError extends Error {
    code;
    hint;
    constructor(code, message, hint = '') {
        super(message);
        this.name = 'GateError';
        this.code = code;
        this.hint = hint;
    }
    /** The single line shown to the user. */
    oneLine() {
        return this.hint ? `${this.message} (${this.hint})` : this.message;
    }
}

// Typed-array helpers: growing tables filled one entry at a time (sample ranges, stacks),
// and views of the same kind on another buffer (the compiled fold's memory).
/** A copy of `a` in a larger array of the same kind (twice as long by default). */
function grown(a, size = 2 * a.length) {
    const b = new a.constructor(size);
    b.set(a);
    return b;
}
/** A view of `a.length` elements of `a`'s kind on `buffer` from `byteOffset`. */
function viewOf(a, buffer, byteOffset) {
    return new a.constructor(buffer, byteOffset, a.length);
}

// Sums per whole call stack (`--stacks`) without a string per sample: stacks are interned
// as sequences of function ids in one growing Int32Array, found by hash and compared in
// full. A profile at MemProfileRate 1 can hold a million distinct stacks; their names are
// only built for the stacks that are kept (see `kept`).
/** Stacks under this share of the file's total, in every sample type, are left out. */
const STACK_MIN_SHARE = 1e-4;
class StackTable {
    width;
    pool = new Int32Array(1 << 16);
    poolLength = 0;
    start = new Int32Array(1 << 12);
    length = new Int32Array(1 << 12);
    firstSample = new Int32Array(1 << 12);
    sums;
    vars;
    /** Open addressing: slot → stack id + 1 (0 is empty), at most half full. */
    slots = new Int32Array(1 << 13);
    hashes = new Int32Array(1 << 12);
    count = 0;
    /** The stack being built by push(). */
    scratch = new Int32Array(256);
    scratchLength = 0;
    /** `width`: how many values each stack sums (the aggregate's sample types). */
    constructor(width) {
        this.width = width;
        this.sums = new Float64Array(this.start.length * width);
        this.vars = new Float64Array(this.start.length * width);
    }
    /** Appends a function id to the stack being built (leaf first). */
    push(id) {
        if (this.scratchLength === this.scratch.length) {
            this.scratch = grown(this.scratch);
        }
        this.scratch[this.scratchLength++] = id;
    }
    /** Adds values `v` (variances `w`) of sample `sample` to the stack built by push(). */
    commit(v, w, sample) {
        const ids = this.scratch;
        const n = this.scratchLength;
        this.scratchLength = 0;
        let hash = 0x811c9dc5;
        for (let j = 0; j < n; j++)
            hash = Math.imul(hash ^ ids[j], 0x01000193);
        // FNV's low bits depend only on the ids' low bits: mix (murmur3's finaliser) before masking.
        hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
        hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
        hash ^= hash >>> 16;
        const mask = this.slots.length - 1;
        let slot = hash & mask;
        let s = this.slots[slot] - 1;
        while (s >= 0 && !(this.hashes[s] === hash && this.same(s, ids, n))) {
            slot = (slot + 1) & mask;
            s = this.slots[slot] - 1;
        }
        if (s < 0)
            s = this.insert(slot, hash, ids, n, sample);
        const base = s * this.width;
        for (let c = 0; c < this.width; c++) {
            this.sums[base + c] += v[c];
            this.vars[base + c] += w[c];
        }
    }
    /**
     * The stacks whose value reaches `minShare` of `totals` in some sample type, as
     * [function ids, sums, variances, first sample]; and how many were left out.
     */
    kept(totals, minShare = STACK_MIN_SHARE) {
        const stacks = [];
        for (let s = 0; s < this.count; s++) {
            const base = s * this.width;
            let big = false;
            for (let c = 0; c < this.width && !big; c++) {
                big = Math.abs(this.sums[base + c]) >= minShare * Math.abs(totals[c]) && totals[c] !== 0;
            }
            if (!big)
                continue;
            stacks.push({
                ids: this.pool.subarray(this.start[s], this.start[s] + this.length[s]),
                sums: Array.from(this.sums.subarray(base, base + this.width)),
                vars: Array.from(this.vars.subarray(base, base + this.width)),
                sample: this.firstSample[s],
            });
        }
        return { stacks, omitted: this.count - stacks.length };
    }
    same(s, ids, n) {
        if (this.length[s] !== n)
            return false;
        const at = this.start[s];
        for (let j = 0; j < n; j++)
            if (this.pool[at + j] !== ids[j])
                return false;
        return true;
    }
    insert(slot, hash, ids, n, sample) {
        if (this.poolLength + n > this.pool.length) {
            this.pool = grown(this.pool, Math.max(2 * this.pool.length, this.poolLength + n));
        }
        if (this.count === this.start.length) {
            const size = 2 * this.count;
            this.start = grown(this.start, size);
            this.length = grown(this.length, size);
            this.hashes = grown(this.hashes, size);
            this.firstSample = grown(this.firstSample, size);
            this.sums = grown(this.sums, size * this.width);
            this.vars = grown(this.vars, size * this.width);
        }
        const s = this.count++;
        this.pool.set(ids.subarray(0, n), this.poolLength);
        this.start[s] = this.poolLength;
        this.length[s] = n;
        this.poolLength += n;
        this.firstSample[s] = sample;
        this.hashes[s] = hash;
        this.slots[slot] = s + 1;
        if (2 * this.count > this.slots.length)
            this.rehash();
        return s;
    }
    rehash() {
        this.slots = new Int32Array(2 * this.slots.length);
        const mask = this.slots.length - 1;
        for (let s = 0; s < this.count; s++) {
            let slot = this.hashes[s] & mask;
            while (this.slots[slot] !== 0)
                slot = (slot + 1) & mask;
            this.slots[slot] = s + 1;
        }
    }
}

/** The sums a fold keeps per node (function, package or stack), one per sample type. */
const NODE_SUMS = ['flat', 'cum', 'flatVar', 'heaviestValue'];
/** Where each of NODE_SUMS lies in a node's row, in units of the fold's sample types. */
const NODE_SUM_AT = Object.fromEntries(NODE_SUMS.map((f, i) => [f, i]));
/** Node i's sum `field` in sample type c of nodes folded over n sample types. */
function sumOf(nodes, i, field, c, n) {
    return nodes.sums[(i * NODE_SUMS.length + NODE_SUM_AT[field]) * n + c];
}
/** Separates the functions of a call stack in its name. */
const STACK_SEPARATOR = ' ← ';
/** Go's heap profile sample types, in the order Go's protobuf writer (and pprof) lists them. */
const GO_HEAP_SAMPLE_TYPES = [
    'alloc_objects',
    'alloc_space',
    'inuse_objects',
    'inuse_space',
];
/** The classes a Go process's memory divides into (src/analysis/accounting.ts explains each). */
const MEMORY_CLASSES = [
    'live_heap',
    'fragmentation',
    'retained_idle',
    'released',
    'stacks',
    'gc_metadata',
    'span_cache',
    'profiling',
    'other_runtime',
    'outside_go',
];
/** The MemStats fields worth diffing, in the order reports list them. */
const MEMSTATS_FIELDS = [
    'RSS',
    'MaxRSS',
    'Sys',
    'HeapAlloc',
    'HeapInuse',
    'HeapIdle',
    'HeapReleased',
    'HeapSys',
    'HeapObjects',
    'StackInuse',
    'StackSys',
    'MSpanInuse',
    'MSpanSys',
    'MCacheInuse',
    'MCacheSys',
    'BuckHashSys',
    'GCSys',
    'OtherSys',
    'NextGC',
    'TotalAlloc',
    'Mallocs',
    'Frees',
    'Lookups',
    'NumGC',
    'NumForcedGC',
    'PauseTotalNs',
    'GCCPUFraction',
    'Alloc',
    'Goroutines',
    // From a GODEBUG=gctrace=1 log: live heap after the last GC, the heap goal it set, and
    // the largest live heap the run held for three cycles in a row (formats/gctrace.ts peakOf).
    'LastGCLiveHeap',
    'LastGCHeapGoal',
    'PeakLiveHeap',
    // Derived by gomem-gate (see src/analysis/accounting.ts): the classes of process memory,
    // and how much of HeapAlloc the heap profile shows.
    ...MEMORY_CLASSES,
    'profile_coverage',
];
/** Fields that count things (objects, GCs, goroutines) rather than bytes. */
const COUNT_FIELDS = new Set([
    'HeapObjects',
    'Mallocs',
    'Frees',
    'Lookups',
    'NumGC',
    'NumForcedGC',
    'Goroutines',
]);
/** The unit of a MemStats field or derived figure. */
function memstatsUnit(field) {
    if (field === 'PauseTotalNs')
        return 'nanoseconds';
    if (field === 'GCCPUFraction' || field === 'profile_coverage')
        return 'fraction';
    // Every other known field is a size; a name outside the list is counted, not sized.
    const known = MEMSTATS_FIELDS.includes(field);
    return known && !COUNT_FIELDS.has(field) ? 'bytes' : 'count';
}

// Soft problems as values: made where they arise (formats, analysis, policy), shown by every
// report. A problem that stops the compare is a GateError (errors.ts) instead.
/** A warning; `subject` names the file, rule or benchmark when there is one. */
function warning(code, message, subject) {
    return subject === undefined ? { code, message } : { code, message, subject };
}

// Parsing and formatting of sizes, counts and percentages: one IEC scale, signed deltas.
const IEC = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
const SIZE_FACTORS = {
    b: 1,
    kib: 1024,
    mib: 1024 ** 2,
    gib: 1024 ** 3,
    tib: 1024 ** 4,
    kb: 1e3,
    mb: 1e6,
    gb: 1e9,
    tb: 1e12,
    k: 1024,
    m: 1024 ** 2,
    g: 1024 ** 3,
};
/** Unit of a pprof sample type's unit string ('bytes', 'count', 'objects'…). */
function unitOf(pprofUnit) {
    if (pprofUnit === 'bytes')
        return 'bytes';
    if (pprofUnit === 'nanoseconds')
        return 'nanoseconds';
    return 'count';
}
/**
 * Parses a size such as `512KiB`, `1.5 MiB`, `10MB` or `4096` (bytes) into bytes.
 * Returns undefined when the text is not a size.
 */
function parseSize(text) {
    const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(text);
    if (!m)
        return undefined;
    const factor = m[2] === '' ? 1 : SIZE_FACTORS[m[2].toLowerCase()];
    if (factor === undefined)
        return undefined;
    return Math.round(Number(m[1]) * factor);
}
/**
 * Parses a count such as `1000`, `1000 objects`, `10k` or `2.5M` (SI).
 * Returns undefined when the text is not a count.
 */
function parseCount(text) {
    const m = /^\s*(\d+(?:\.\d+)?)\s*([kKmMgG]?)\s*(?:objects?|allocs?|goroutines?|gcs?)?\s*$/.exec(text);
    if (!m)
        return undefined;
    const factor = { '': 1, k: 1e3, m: 1e6, g: 1e9 }[m[2].toLowerCase()] ?? 1;
    return Math.round(Number(m[1]) * factor);
}
/** Parses `10%` or `0.1` into a fraction (0.1). Returns undefined otherwise. */
function parsePercent(text) {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text);
    if (!m)
        return undefined;
    return m[2] ? Number(m[1]) / 100 : Number(m[1]);
}
/** Parses a quantity in the given unit. */
function parseQuantity(text, unit) {
    if (unit === 'bytes')
        return parseSize(text);
    if (unit === 'nanoseconds') {
        const m = /^\s*(\d+(?:\.\d+)?)\s*(ns|us|µs|ms|s)?\s*$/.exec(text);
        if (!m)
            return undefined;
        const f = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9 }[m[2] ?? 'ns'] ?? 1;
        return Math.round(Number(m[1]) * f);
    }
    if (unit === 'fraction')
        return parsePercent(text);
    return parseCount(text);
}
/** `1.5 MiB`, `512 B`; negative values keep their sign. */
function formatBytes(n) {
    const abs = Math.abs(n);
    let i = 0;
    while (i < IEC.length - 1 && abs >= 1024 ** (i + 1))
        i++;
    const v = n / 1024 ** i;
    const digits = i === 0 ? 0 : Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
    return `${trim(v.toFixed(digits))} ${IEC[i]}`;
}
/** `12,345` with thousands separators. */
function formatCount(n) {
    const rounded = Math.round(n);
    const s = Math.abs(rounded)
        .toString()
        .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return rounded < 0 ? `-${s}` : s;
}
/** Formats a value in its unit. */
function formatValue(n, unit) {
    switch (unit) {
        case 'bytes':
            return formatBytes(n);
        case 'nanoseconds':
            return formatDuration(n);
        case 'fraction':
            return `${trim((n * 100).toFixed(2))}%`;
        default:
            return formatCount(n);
    }
}
/** Formats a delta with an explicit sign: `+1.5 MiB`, `-3`, `0 B`. */
function formatDelta(n, unit) {
    const s = formatValue(n, unit);
    return n > 0 ? `+${s}` : s;
}
/** Relative change as `+12.5%`; `new` when the baseline is zero and the candidate is not. */
function formatPercentChange(baseline, candidate) {
    if (baseline === 0)
        return candidate === 0 ? '0%' : 'new';
    const p = ((candidate - baseline) / Math.abs(baseline)) * 100;
    const digits = Math.abs(p) >= 100 ? 0 : 1;
    const fixed = trim(p.toFixed(digits));
    if (Number(fixed) === 0)
        return '0%';
    return p > 0 ? `+${fixed}%` : `${fixed}%`;
}
/** `250 ms`, `1.2 s`, `800 ns`. */
function formatDuration(ns) {
    const abs = Math.abs(ns);
    if (abs >= 1e9)
        return `${trim((ns / 1e9).toFixed(2))} s`;
    if (abs >= 1e6)
        return `${trim((ns / 1e6).toFixed(2))} ms`;
    if (abs >= 1e3)
        return `${trim((ns / 1e3).toFixed(2))} µs`;
    return `${Math.round(ns)} ns`;
}
function trim(s) {
    return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** A class's name for people and the one sentence that explains it to a newcomer. */
const CLASS_INFO = {
    live_heap: {
        label: 'Live heap objects',
        explain: 'Objects your code allocated that are still reachable (HeapAlloc); the heap profile samples these.',
    },
    fragmentation: {
        label: 'Fragmentation in used spans',
        explain: 'Free slots inside heap spans that also hold live objects (HeapInuse − HeapAlloc); many objects of mixed lifetimes raise it.',
    },
    retained_idle: {
        label: 'Free heap kept by the runtime',
        explain: 'Heap the runtime freed but still holds, ready for reuse (HeapIdle − HeapReleased); it counts in RSS. GOMEMLIMIT or debug.FreeOSMemory make the runtime hand it back sooner, GOGC changes how much the heap grows before a GC.',
    },
    released: {
        label: 'Heap returned to the OS',
        explain: 'Freed heap the runtime has given back to the OS (HeapReleased); still reserved address space, not in RSS.',
    },
    stacks: {
        label: 'Goroutine stacks',
        explain: 'Stack memory of goroutines (StackSys); thousands of blocked, leaked goroutines show up here.',
    },
    gc_metadata: {
        label: 'GC metadata',
        explain: 'Bitmaps and work buffers the garbage collector needs (GCSys); grows with the heap.',
    },
    span_cache: {
        label: 'Span and cache structures',
        explain: 'The runtime’s bookkeeping of heap spans and per-P caches (MSpanSys + MCacheSys).',
    },
    profiling: {
        label: 'Profiling buckets',
        explain: 'The memory profiler’s own hash table of call stacks (BuckHashSys); large with MemProfileRate = 1.',
    },
    other_runtime: {
        label: 'Other runtime memory',
        explain: 'Everything else the runtime allocated off-heap (OtherSys): timers, channels of the runtime, traces.',
    },
    outside_go: {
        label: 'Outside the Go runtime (at least)',
        explain: 'RSS beyond all the memory the runtime holds (Sys − HeapReleased), so a lower bound: the binary’s code and data, cgo and C allocations, memory-mapped files.',
    },
};
const NEEDED = [
    'HeapAlloc',
    'HeapInuse',
    'HeapIdle',
    'HeapReleased',
    'StackSys',
    'MSpanSys',
    'MCacheSys',
    'BuckHashSys',
    'GCSys',
    'OtherSys',
];
/**
 * The classes of a side's MemStats, or undefined when a field they need is missing. The Go
 * classes add up to HeapSys + StackSys + MSpanSys + MCacheSys + BuckHashSys + GCSys + OtherSys,
 * which is Sys; outside_go is RSS − (Sys − HeapReleased), never below zero.
 */
function accountingOf(ms) {
    if (NEEDED.some((f) => ms[f] === undefined))
        return undefined;
    const classes = [
        { class: 'live_heap', bytes: ms.HeapAlloc },
        { class: 'fragmentation', bytes: ms.HeapInuse - ms.HeapAlloc },
        { class: 'retained_idle', bytes: ms.HeapIdle - ms.HeapReleased },
        { class: 'released', bytes: ms.HeapReleased },
        { class: 'stacks', bytes: ms.StackSys },
        { class: 'gc_metadata', bytes: ms.GCSys },
        { class: 'span_cache', bytes: ms.MSpanSys + ms.MCacheSys },
        { class: 'profiling', bytes: ms.BuckHashSys },
        { class: 'other_runtime', bytes: ms.OtherSys },
    ];
    const sys = classes.reduce((s, c) => s + c.bytes, 0);
    const rss = ms.RSS !== undefined
        ? { bytes: ms.RSS, source: 'RSS' }
        : ms.MaxRSS !== undefined
            ? { bytes: ms.MaxRSS, source: 'MaxRSS' }
            : undefined;
    if (rss)
        classes.push({ class: 'outside_go', bytes: Math.max(0, rss.bytes - (sys - ms.HeapReleased)) });
    return { classes, sys, rss };
}
/** The derived figures a policy can gate, by class name, for one side's MemStats. */
function classFields(a) {
    return Object.fromEntries(a.classes.map((c) => [c.class, c.bytes]));
}
/** How much of HeapAlloc the profile's inuse_space covers. */
function coverageOf(inuseSpace, heapAlloc, period) {
    return {
        profiled: inuseSpace,
        heapAlloc,
        ratio: heapAlloc > 0 ? inuseSpace / heapAlloc : 0,
        period,
    };
}
/**
 * A plain sentence when the profile and the runtime disagree a lot (outside 0.7–1.3), or
 * undefined. Sampling, the last GC and objects freed since are the usual reasons.
 */
function coverageNote(c) {
    if (c.heapAlloc === 0 || (c.ratio >= 0.7 && c.ratio <= 1.3))
        return undefined;
    const rate = c.period > 1 ? `one sample per ${formatBytes(c.period)} allocated` : 'every allocation';
    const pct = `${Math.round(c.ratio * 100)}%`;
    return (`The heap profile shows ${formatBytes(c.profiled)} of ${formatBytes(c.heapAlloc)} live heap (${pct}). ` +
        `It records ${rate} and shows live objects as of the last GC, so objects allocated or freed since then, ` +
        `and sampling noise on a small heap, make it differ from HeapAlloc.`);
}

// The Go benchmark format, line by line (golang.org/x/perf/benchfmt's rules): result lines
// `BenchmarkName[-N] <iterations> <value> <unit> [<value> <unit>]...`, configuration lines
// `key: value`, everything else ignored. A malformed result line is a warning, not an error.
/** A result line's name: `Benchmark`, then anything but a lowercase letter (Go's rule). */
const NAME = /^Benchmark(?![a-z])\S*$/;
/** A configuration line: a lowercase key without spaces or capitals, a colon, a blank or nothing. */
const CONFIG = /^([a-z][^\s:A-Z]*):(?:\s+(.*))?$/;
/** The GOMAXPROCS suffix `go test` appends when it is not 1. */
const PROCS$1 = /^(.+)-(\d+)$/;
/** Malformed lines reported one by one; the rest are counted. */
const MAX_WARNINGS$1 = 5;
/** True when the line is a benchmark result (name, iterations, at least one value and unit). */
function isResultLine(line) {
    const f = line.trim().split(/\s+/);
    return f.length >= 4 && NAME.test(f[0]) && /^\d+$/.test(f[1]) && parseValue(f[2]) !== undefined;
}
/** Splits `BenchmarkServe-2` into name and GOMAXPROCS; no suffix means 1. */
function splitProcs(fullName) {
    const m = PROCS$1.exec(fullName);
    const procs = m ? Number(m[2]) : 0;
    return m && procs > 0 ? { name: m[1], procs } : { name: fullName, procs: 1 };
}
/** How reports name a benchmark: as `go test` prints it, `-N` only when GOMAXPROCS is not 1. */
function benchmarkLabel(r) {
    return r.procs === 1 ? r.name : `${r.name}-${r.procs}`;
}
/**
 * Collects results from one or more streams of `go test` output (one per package for
 * `go test -json`). Repeated results of one package, name and GOMAXPROCS become samples.
 */
class BenchCollector {
    config = {};
    results = new Map();
    problems = [];
    malformed = 0;
    /**
     * Reads the lines of one stream. `pkg` applies until a `pkg:` line says otherwise;
     * `where(i)` names line i (0-based) in warnings, e.g. `bench.txt:12`.
     */
    stream(text, where, pkg = '') {
        const lines = text.split('\n');
        lines.forEach((raw, i) => {
            const line = raw.replace(/\r$/, '');
            const config = CONFIG.exec(line);
            if (config) {
                const value = (config[2] ?? '').trim();
                if (config[1] === 'pkg')
                    pkg = value;
                else if (!(config[1] in this.config))
                    this.config[config[1]] = value;
                return;
            }
            if (!line.startsWith('Benchmark'))
                return;
            const fields = line.trim().split(/\s+/);
            // `BenchmarkEncode` alone: a parent of sub-benchmarks, or -v naming the one that runs next.
            if (!NAME.test(fields[0]) || fields.length === 1)
                return;
            const problem = this.result(fields, pkg);
            if (problem)
                this.warn(`${where(i)}: ${problem}: ${JSON.stringify(truncate$1(line.trim()))}`);
        });
    }
    /** The results and the warnings, once every stream has been read. */
    finish() {
        const warnings = [...this.problems];
        const more = this.malformed - this.problems.length;
        if (more > 0)
            warnings.push(warning('malformed-benchmark', `${more} more malformed benchmark line${more === 1 ? '' : 's'} skipped`));
        return {
            benchmarks: { config: { ...this.config }, results: [...this.results.values()] },
            warnings,
        };
    }
    /** Adds one result line; returns what is wrong with it instead when it is malformed. */
    result(fields, pkg) {
        if (!/^\d+$/.test(fields[1]))
            return 'malformed benchmark line (no iteration count)';
        if (fields.length < 4 || fields.length % 2 !== 0)
            return 'malformed benchmark line (values and units do not pair up)';
        const pairs = [];
        for (let i = 2; i < fields.length; i += 2) {
            const value = parseValue(fields[i]);
            if (value === undefined)
                return `malformed benchmark line (${fields[i]} is not a number)`;
            pairs.push([fields[i + 1], value]);
        }
        const { name, procs } = splitProcs(fields[0]);
        const key = `${pkg}\u0000${name}\u0000${procs}`;
        let r = this.results.get(key);
        if (!r) {
            r = { name, procs, pkg, metrics: {} };
            this.results.set(key, r);
        }
        for (const [unit, value] of pairs)
            (r.metrics[unit] ??= []).push(value);
        return undefined;
    }
    warn(message) {
        if (this.malformed++ < MAX_WARNINGS$1)
            this.problems.push(warning('malformed-benchmark', message));
    }
}
/** Reads a whole text file of `go test -bench` output; `source` names it in warnings. */
function readBenchText(text, source) {
    const c = new BenchCollector();
    c.stream(text, (i) => `${source}:${i + 1}`);
    return c.finish();
}
function parseValue(text) {
    if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text))
        return undefined;
    const v = Number(text);
    return Number.isFinite(v) ? v : undefined;
}
function truncate$1(line) {
    return line.length > 120 ? `${line.slice(0, 117)}...` : line;
}

// The standard normal distribution, for significance tests.
/** Standard normal CDF (Abramowitz–Stegun 7.1.26 erf, error below 1.5e-7). */
function normalCdf(z) {
    const x = Math.abs(z) / Math.SQRT2;
    const t = 1 / (1 + 0.3275911 * x);
    const poly = t *
        (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
    const erf = 1 - poly * Math.exp(-x * x);
    return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
/** The z with normalCdf(z) = p, by bisection (p in (0, 1)). */
function normalQuantile(p) {
    let lo = -10;
    let hi = 10;
    for (let i = 0; i < 100; i++) {
        const mid = (lo + hi) / 2;
        if (normalCdf(mid) < p)
            lo = mid;
        else
            hi = mid;
    }
    return (lo + hi) / 2;
}

// Distribution-free statistics for repeated measurements (benchmark runs), as benchstat
// does them: the median, a confidence interval for it from order statistics, and the
// Mann–Whitney U test. Pure functions of plain arrays; inputs are never modified.
/** Largest n + m for which mannWhitneyU computes the exact distribution. */
const EXACT_LIMIT = 50;
/** The median: the middle value, or the mean of the two middle values. NaN for no values. */
function median$2(xs) {
    if (xs.length === 0)
        return NaN;
    const s = sorted$1(xs);
    const mid = s.length >> 1;
    return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
/**
 * A distribution-free confidence interval for the median of `xs`: the order statistics
 * x(k) and x(n+1-k), with k the largest for which the interval still covers the median with
 * probability `confidence` (1 - 2·P(B < k), B ~ Binomial(n, 1/2)). NaN bounds for no values.
 */
function medianCI(xs, confidence = 0.95) {
    const n = xs.length;
    if (n === 0)
        return { lo: NaN, hi: NaN, confidence: 0, tooFew: true };
    const s = sorted$1(xs);
    // below = P(B <= k - 1), grown term by term: P(B = j) = C(n, j) / 2^n.
    let term = Math.pow(0.5, n);
    let below = 0;
    let k = 0;
    for (let j = 0; j < n >> 1; j++) {
        below += term;
        if (1 - 2 * below < confidence)
            break;
        k = j + 1;
        term = (term * (n - j)) / (j + 1);
    }
    if (k === 0)
        return { lo: s[0], hi: s[n - 1], confidence: coverage(n, 1), tooFew: true };
    return { lo: s[k - 1], hi: s[n - k], confidence: coverage(n, k), tooFew: false };
}
/**
 * The two-sided p-value of the Mann–Whitney U test: 1 when `xs` and `ys` are identical,
 * small when one sample's values sit above the other's. Exact (the permutation
 * distribution of the rank sum, ties handled by midranks) when n + m <= EXACT_LIMIT;
 * else the normal approximation with the tie and continuity corrections. 1 when a sample
 * is empty.
 */
function mannWhitneyU(xs, ys) {
    return mannWhitney(xs, ys).p;
}
/** mannWhitneyU with U and the method used. */
function mannWhitney(xs, ys) {
    const n = xs.length;
    const m = ys.length;
    if (n === 0 || m === 0)
        return { u: 0, p: 1, method: 'exact' };
    const { ranks2, ties } = doubledMidranks([...xs, ...ys]);
    let w2 = 0;
    for (let i = 0; i < n; i++)
        w2 += ranks2[i];
    const u = w2 / 2 - (n * (n + 1)) / 2;
    if (n + m <= EXACT_LIMIT)
        return { u, p: exactP(ranks2, n, w2), method: 'exact' };
    const big = n + m;
    const variance = ((n * m) / 12) * (big + 1 - ties / (big * (big - 1)));
    if (variance <= 0)
        return { u, p: 1, method: 'normal' };
    const z = (Math.abs(u - (n * m) / 2) - 0.5) / Math.sqrt(variance);
    return { u, p: z <= 0 ? 1 : Math.min(1, 2 * (1 - normalCdf(z))), method: 'normal' };
}
/**
 * P(|W - E[W]| >= |w - E[W]|) over all ways to pick which n of the N values form the first
 * sample, W being the (doubled) rank sum of the pick: counted by dynamic programming over
 * (values picked, rank sum). Computed on the smaller sample, which gives the same deviation.
 */
function exactP(ranks2, n, w2) {
    const big = ranks2.length;
    let pick = n;
    let observed = w2;
    if (n > big - n) {
        pick = big - n;
        observed = ranks2.reduce((a, b) => a + b, 0) - w2;
    }
    const mean2 = pick * (big + 1);
    const deviation = Math.abs(observed - mean2);
    const maxSum = [...ranks2]
        .sort((a, b) => b - a)
        .slice(0, pick)
        .reduce((a, b) => a + b, 0);
    // ways[k][s]: subsets of k of the values seen so far whose doubled ranks sum to s.
    const ways = Array.from({ length: pick + 1 }, () => new Float64Array(maxSum + 1));
    ways[0][0] = 1;
    ranks2.forEach((r, seen) => {
        for (let k = Math.min(pick, seen + 1); k >= 1; k--) {
            const row = ways[k];
            const prev = ways[k - 1];
            for (let s = maxSum; s >= r; s--)
                row[s] += prev[s - r];
        }
    });
    let total = 0;
    let extreme = 0;
    ways[pick].forEach((count, s) => {
        total += count;
        if (Math.abs(s - mean2) >= deviation)
            extreme += count;
    });
    return Math.min(1, extreme / total);
}
/** Twice the midrank of each value (integers), and the tie term sum(t^3 - t). */
function doubledMidranks(values) {
    const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
    const ranks2 = new Array(values.length);
    let ties = 0;
    for (let i = 0; i < order.length;) {
        let j = i;
        while (j + 1 < order.length && values[order[j + 1]] === values[order[i]])
            j++;
        // Ranks i+1 .. j+1 share their mean; doubled, that is i + j + 2.
        for (let k = i; k <= j; k++)
            ranks2[order[k]] = i + j + 2;
        const t = j - i + 1;
        ties += t * t * t - t;
        i = j + 1;
    }
    return { ranks2, ties };
}
/** Coverage of [x(k), x(n+1-k)]: 1 - 2·P(B <= k - 1), B ~ Binomial(n, 1/2). */
function coverage(n, k) {
    let term = Math.pow(0.5, n);
    let below = 0;
    for (let j = 0; j < k; j++) {
        below += term;
        term = (term * (n - j)) / (j + 1);
    }
    return Math.max(0, 1 - 2 * below);
}
function sorted$1(xs) {
    return [...xs].sort((a, b) => a - b);
}

// Diffs `go test -bench` results: per benchmark and unit, the medians of the runs on both
// sides and whether the change stands out of run-to-run noise (Mann–Whitney U).
/** Fewest runs per side for a significance test (at 4 + 4 the smallest p is 2/70 ≈ 0.029). */
const MIN_BENCHMARK_RUNS = 4;
/** Units the runtime counts rather than times. */
const COUNTED_UNITS = ['B/op', 'allocs/op'];
/** Units in report order; others follow in the order first seen. */
const UNIT_ORDER = ['B/op', 'allocs/op', 'ns/op', 'MB/s'];
/** Benchmarks named one by one in a warning. */
const MAX_NAMED = 5;
/**
 * Per benchmark of the candidate (package, name, GOMAXPROCS) and per unit: medians, delta,
 * relative change and p (the policy judges significance from p). Several files of one side add their runs together.
 * Benchmarks match across sides by package, name and GOMAXPROCS, or by name and
 * GOMAXPROCS alone when the package differs and that is unambiguous. Undefined when the
 * candidate has no benchmark results; problems go to `warnings`.
 */
function diffBenchmarks(baseline, candidate, hasBaseline, warnings) {
    const cand = mergeSide(candidate);
    if (cand.length === 0)
        return undefined;
    const base = mergeSide(baseline);
    if (hasBaseline && base.length === 0)
        warnings.push(warning('baseline-without-benchmarks', 'the baseline has no benchmark results: benchmarks are not compared'));
    const labels = labelsOf(cand);
    const find = matcher(base, cand);
    const matched = new Set();
    const out = [];
    for (const c of cand) {
        const b = hasBaseline ? find(c) : undefined;
        if (b)
            matched.add(b);
        for (const unit of unitsOf(c))
            out.push(change$2(c, labels.get(c) ?? benchmarkLabel(c), unit, b?.metrics[unit], hasBaseline));
    }
    const gone = base.filter((b) => !matched.has(b)).map(benchmarkLabel);
    if (hasBaseline && gone.length > 0) {
        const named = gone.slice(0, MAX_NAMED).join(', ');
        const more = gone.length > MAX_NAMED ? ` and ${gone.length - MAX_NAMED} more` : '';
        warnings.push(warning('benchmarks-gone', `${gone.length} benchmark${gone.length === 1 ? ' is' : 's are'} in the baseline only: ${named}${more}`));
    }
    return out;
}
function change$2(c, label, metric, bs, hasBaseline) {
    const cs = c.metrics[metric];
    const candidate = median$2(cs);
    const baseline = bs && bs.length > 0 ? median$2(bs) : null;
    const delta = baseline === null ? null : candidate - baseline;
    const relative = baseline === null || delta === null
        ? null
        : baseline === 0
            ? delta === 0
                ? 0
                : null
            : delta / Math.abs(baseline);
    const runs = { baseline: bs?.length ?? 0, candidate: cs.length };
    const testable = runs.baseline >= MIN_BENCHMARK_RUNS && runs.candidate >= MIN_BENCHMARK_RUNS;
    const p = baseline !== null && testable ? mannWhitneyU(bs, cs) : null;
    const out = {
        name: c.name,
        procs: c.procs,
        pkg: c.pkg,
        label,
        metric,
        baseline,
        candidate,
        delta,
        relative,
        p,
        samples: runs,
        ci: { baseline: bs && bs.length > 0 ? interval$1(bs) : null, candidate: interval$1(cs) },
        counted: COUNTED_UNITS.includes(metric),
    };
    const note = noteOf(hasBaseline, baseline, runs);
    if (note)
        out.note = note;
    return out;
}
function noteOf(hasBaseline, baseline, runs) {
    if (!hasBaseline)
        return undefined;
    if (baseline === null)
        return 'not in the baseline';
    if (runs.baseline < MIN_BENCHMARK_RUNS || runs.candidate < MIN_BENCHMARK_RUNS) {
        return `${runs.baseline}+${runs.candidate} runs: a significance test needs ${MIN_BENCHMARK_RUNS} per side (go test -count ${MIN_BENCHMARK_RUNS} or more)`;
    }
    return undefined;
}
function interval$1(xs) {
    const ci = medianCI(xs, 0.95);
    return [ci.lo, ci.hi];
}
/** The results of a side's files, runs of the same benchmark added together. */
function mergeSide(snapshots) {
    const byKey = new Map();
    for (const s of snapshots) {
        for (const r of s.benchmarks?.results ?? []) {
            const key = `${r.pkg}\u0000${r.name}\u0000${r.procs}`;
            const into = byKey.get(key);
            if (!into) {
                byKey.set(key, {
                    ...r,
                    metrics: Object.fromEntries(Object.entries(r.metrics).map(([u, v]) => [u, [...v]])),
                });
                continue;
            }
            for (const [unit, values] of Object.entries(r.metrics))
                (into.metrics[unit] ??= []).push(...values);
        }
    }
    return [...byKey.values()];
}
/**
 * Finds a candidate's baseline: same package, name and procs; else the same name and procs
 * when that pair is unique on both sides (a renamed package).
 */
function matcher(base, cand) {
    const full = (r) => `${r.pkg}\u0000${r.name}\u0000${r.procs}`;
    const short = (r) => `${r.name}\u0000${r.procs}`;
    const exact = new Map(base.map((b) => [full(b), b]));
    const count = (rs) => {
        const n = new Map();
        for (const r of rs)
            n.set(short(r), (n.get(short(r)) ?? 0) + 1);
        return n;
    };
    const [inBase, inCand] = [count(base), count(cand)];
    const loose = new Map(base.filter((b) => inBase.get(short(b)) === 1).map((b) => [short(b), b]));
    return (c) => exact.get(full(c)) ?? (inCand.get(short(c)) === 1 ? loose.get(short(c)) : undefined);
}
/** Labels as Go prints them; package-qualified where two packages share a label. */
function labelsOf(results) {
    const count = new Map();
    for (const r of results)
        count.set(benchmarkLabel(r), (count.get(benchmarkLabel(r)) ?? 0) + 1);
    return new Map(results.map((r) => {
        const label = benchmarkLabel(r);
        return [r, (count.get(label) ?? 0) > 1 && r.pkg ? `${r.pkg}.${label}` : label];
    }));
}
/** The candidate's units in report order (B/op, allocs/op, ns/op, MB/s, then the rest). */
function unitsOf(c) {
    const units = Object.keys(c.metrics);
    const rank = (u) => {
        const i = UNIT_ORDER.indexOf(u);
        return i < 0 ? UNIT_ORDER.length : i;
    };
    return units
        .map((u, i) => ({ u, i }))
        .sort((x, y) => rank(x.u) - rank(y.u) || x.i - y.i)
        .map((x) => x.u);
}

// How functions are named and matched across builds.
const CLOSURE = /\.(func|gowrap|deferwrap)\d+((?:\.\d+)*)/g;
/**
 * The key a function is matched by across builds. Addresses and line numbers are never
 * part of it. Closure numbers are folded: `pkg.F.func1`, `pkg.F.func3` and `pkg.F.func2.1`
 * all become `pkg.F.func*`, so the anonymous functions inside one named function form one
 * allocator, and renumbering (a closure added above another) never makes one look new.
 */
function matchKey(fn) {
    return fn.includes('.func') || fn.includes('wrap') ? fn.replace(CLOSURE, '.$1*') : fn;
}
/**
 * The Go package path of a symbol: `github.com/a/b.(*T).M` → `github.com/a/b`. Go escapes
 * dots in the last path element as `%2e`, so the first dot after the last slash ends it.
 * Unsymbolized addresses have no package ('').
 */
function packageOf(fn) {
    if (fn.startsWith('0x') || fn.startsWith('<'))
        return '';
    // Generic instantiations can hold slashes inside brackets; ignore everything from '['.
    const bracket = fn.indexOf('[');
    const name = bracket >= 0 ? fn.slice(0, bracket) : fn;
    const slash = name.lastIndexOf('/');
    const dot = name.indexOf('.', slash + 1);
    const pkg = dot >= 0 ? name.slice(0, dot) : name;
    return pkg.replace(/%2e/gi, '.');
}
/** True for the runtime's allocator frames that pprof hides at the leaf of a heap stack. */
function isRuntimeFrame(fn) {
    return fn.startsWith('runtime.');
}

function withoutRuntimeLeaf(frames) {
    let i = 0;
    while (i < frames.length && isRuntimeFrame(frames[i].function))
        i++;
    return i === frames.length ? frames : frames.slice(i);
}
/** Most stacks kept in a diff; the report shows a few of them. */
const MAX_STACKS$1 = 50;
/** The goroutine diff, or undefined when the candidate has no goroutine profile. */
function diffGoroutines(baseline, candidate, hasBaseline) {
    const cand = collect(candidate);
    if (!cand)
        return undefined;
    const base = hasBaseline ? collect(baseline) : undefined;
    const keys = new Set([...cand.stacks.keys(), ...(base?.stacks.keys() ?? [])]);
    const stacks = [...keys].map((key) => {
        const c = cand.stacks.get(key);
        const b = base?.stacks.get(key);
        const candidate = c?.count ?? 0;
        const before = base ? (b?.count ?? 0) : null;
        return {
            frames: (c ?? b).frames,
            baseline: before,
            candidate,
            delta: before === null ? null : candidate - before,
        };
    });
    stacks.sort((x, y) => (y.delta ?? y.candidate) - (x.delta ?? x.candidate) || y.candidate - x.candidate);
    return {
        baseline: base ? base.total : null,
        candidate: cand.total,
        stacks: stacks.slice(0, MAX_STACKS$1),
    };
}
function collect(snapshots) {
    const profiles = snapshots.filter((s) => s.goroutines);
    if (profiles.length === 0)
        return undefined;
    const stacks = new Map();
    let total = 0;
    for (const s of profiles) {
        total += s.goroutines.total;
        for (const st of s.goroutines.stacks) {
            // The scheduler's own frames (gopark, chanrecv…) lead protobuf stacks but not the text
            // forms; matched by function names only, as addresses and lines differ between builds.
            const frames = withoutRuntimeLeaf(st.frames);
            const key = frames.map((f) => matchKey(f.function)).join('\n');
            const entry = stacks.get(key);
            if (entry)
                entry.count += st.count;
            else
                stacks.set(key, { frames, count: st.count });
        }
    }
    return { total, stacks };
}

// Robust trend statistics for a short series: Theil–Sen slope and the Mann–Kendall test.
/** The trend of the values, in order; null values are skipped. */
function trendOf(raw) {
    const v = raw.filter((x) => x !== null);
    const n = v.length;
    if (n < 2)
        return { slopePerSnapshot: 0, p: 1, rise: 0, upSteps: 0, largestStepShare: 1 };
    const slopes = [];
    let s = 0;
    for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
            slopes.push((v[j] - v[i]) / (j - i));
            s += Math.sign(v[j] - v[i]);
        }
    }
    let up = 0;
    let largest = 0;
    for (let i = 1; i < n; i++) {
        const step = v[i] - v[i - 1];
        if (step > 0)
            up++;
        largest = Math.max(largest, step);
    }
    const rise = v[n - 1] - v[0];
    return {
        slopePerSnapshot: median$1(slopes),
        p: mannKendallP(s, v),
        rise,
        upSteps: up / (n - 1),
        largestStepShare: rise > 0 ? Math.min(1, largest / rise) : 1,
    };
}
/** One-sided p-value of an upward trend from Mann–Kendall's S, with the tie correction. */
function mannKendallP(s, v) {
    const n = v.length;
    const ties = new Map();
    for (const x of v)
        ties.set(x, (ties.get(x) ?? 0) + 1);
    let tieTerm = 0;
    for (const t of ties.values())
        tieTerm += t * (t - 1) * (2 * t + 5);
    const variance = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
    if (s <= 0 || variance <= 0)
        return 1;
    const z = (s - 1) / Math.sqrt(variance);
    return 1 - normalCdf(z);
}
function median$1(xs) {
    const sorted = [...xs].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// An ordered series of snapshots of one process: the values of each metric over time.
/** Process-wide MemStats figures followed over a series. */
const PROCESS_METRICS = [
    { metric: 'HeapInuse', unit: 'bytes' },
    { metric: 'RSS', unit: 'bytes' },
    { metric: 'Goroutines', unit: 'count' },
];
/** The metric a gctrace run is followed on: the live heap after each GC. */
const GC_LIVE_HEAP = 'LastGCLiveHeap';
/**
 * Orders the snapshots (profile time when every profile has one, else the numbers in the
 * file names, else as given) and follows HeapInuse, RSS, Goroutines and each allocator's
 * inuse_space. Profiles and MemStats files form two sequences of their own. A gctrace log
 * adds its cycles after them, each run a metric of its own (gcTraceSeries).
 */
function analyseSeries(snapshots) {
    const traces = snapshots.filter((s) => s.gcRuns);
    const files = analyseFiles(snapshots.filter((s) => !s.gcRuns));
    if (traces.length === 0)
        return files;
    const runs = gcTraceSeries(traces);
    if (files.labels.length === 0)
        return { ...runs, order: 'as given' };
    // Both: one axis, the files' snapshots then the cycles; each metric null off its own part.
    const pad = (m, before, after) => ({
        ...m,
        values: [...Array(before).fill(null), ...m.values, ...Array(after).fill(null)],
    });
    return {
        labels: [...files.labels, ...runs.labels],
        order: files.order,
        metrics: [
            ...files.metrics.map((m) => pad(m, 0, runs.labels.length)),
            ...runs.metrics.map((m) => pad(m, files.labels.length, 0)),
        ],
    };
}
/**
 * Cycles taken from each gctrace run: the leak rules expect snapshots spread over a run (the
 * fixtures' series have 8), and every cycle would crowd the start, where cycles come fastest
 * and whole-MiB ties and floating garbage decide most steps (measured on the fixtures).
 */
const GC_POINTS = 12;
/**
 * The cycles of gctrace logs as a series: per run, up to GC_POINTS cycles evenly spread over
 * its time (`@Ts`), in order, as points of one LastGCLiveHeap metric (null at the other runs'
 * points, so each run is judged on its own). With several runs the metric names the run:
 * `LastGCLiveHeap (pkg)`, or `(run 2)`.
 */
function gcTraceSeries(traces) {
    const runs = traces.flatMap((s) => s.gcRuns.map((run, i) => ({ s, run, i, cycles: spreadOverTime(run.cycles) })));
    const total = runs.reduce((n, r) => n + r.cycles.length, 0);
    const labels = [];
    const metrics = [];
    for (const { s, run, i, cycles } of runs) {
        const where = run.name || `${traces.length > 1 ? `${basename(s.source)} ` : ''}run ${i + 1}`;
        const metric = runs.length > 1 ? `${GC_LIVE_HEAP} (${where})` : GC_LIVE_HEAP;
        const values = Array(total).fill(null);
        for (const c of cycles) {
            values[labels.length] = c.live;
            labels.push(`${s.source}:${c.line} gc ${c.n}`);
        }
        metrics.push(seriesMetric(metric, metric, 'bytes', values));
    }
    return { labels, metrics };
}
/** The last cycle at or before each of GC_POINTS evenly spaced times, first to last, once each. */
function spreadOverTime(cycles) {
    if (cycles.length <= GC_POINTS)
        return cycles;
    const first = cycles[0].at;
    const span = cycles[cycles.length - 1].at - first;
    const picked = [];
    let j = 0;
    for (let k = 0; k < GC_POINTS; k++) {
        const t = first + (span * k) / (GC_POINTS - 1);
        while (j + 1 < cycles.length && cycles[j + 1].at <= t)
            j++;
        if (picked[picked.length - 1] !== cycles[j])
            picked.push(cycles[j]);
    }
    return picked;
}
function analyseFiles(snapshots) {
    const orderedProfiles = orderSnapshots(snapshots.filter((s) => s.profile));
    const orderedStats = orderSnapshots(snapshots.filter((s) => s.memstats && !s.profile));
    const byTime = orderedProfiles.length > 0 && orderedProfiles.every(hasTime);
    const named = snapshots.some((s) => /\d/.test(basename(s.source)));
    const order = byTime ? 'profile time' : named ? 'file name' : 'as given';
    const metrics = [];
    // MemStats files first; a profile's debug=1 trailer stands in when there are none.
    const statSeries = orderedStats.length > 0
        ? orderedStats.map((s) => s.memstats)
        : orderedProfiles.map((s) => s.memstats ?? {});
    for (const { metric, unit } of PROCESS_METRICS) {
        const values = statSeries.map((m) => m[metric] ?? null);
        if (values.some((x) => x !== null))
            metrics.push(seriesMetric(metric, metric, unit, values));
    }
    if (orderedProfiles.length > 0) {
        // Each file's own fold: its inuse_space total and the flat values of the functions
        // in a stack that holds some (in the order the fold met them).
        const perSnapshot = orderedProfiles.map((s) => {
            const fold = s.profile.fold;
            const c = fold.sampleTypes.indexOf('inuse_space');
            const n = fold.sampleTypes.length;
            const flat = new Map();
            if (c >= 0) {
                fold.functions.names.forEach((fn, i) => {
                    if (sumOf(fold.functions, i, 'cum', c, n) !== 0)
                        flat.set(fn, sumOf(fold.functions, i, 'flat', c, n));
                });
            }
            return { total: c < 0 ? 0 : fold.totals[c], flat };
        });
        if (!metrics.some((m) => m.metric === 'HeapInuse')) {
            metrics.push(seriesMetric('inuse_space', 'inuse_space', 'bytes', perSnapshot.map((a) => a.total)));
        }
        const names = new Set(perSnapshot.flatMap((a) => [...a.flat.keys()]));
        for (const fn of names) {
            const values = perSnapshot.map((a) => a.flat.get(fn) ?? 0);
            if (values.some((x) => x !== 0))
                metrics.push(seriesMetric('inuse_space', fn, 'bytes', values));
        }
    }
    const labels = (orderedStats.length >= orderedProfiles.length ? orderedStats : orderedProfiles).map((s) => s.source);
    return { labels, order, metrics };
}
function seriesMetric(metric, subject, unit, values) {
    return { metric, subject, unit, values, trend: trendOf(values) };
}
/**
 * Snapshots in time order: by the profiles' own time when every one has it, else by the
 * numbers in the file names (heap-2 before heap-10).
 */
function orderSnapshots(snapshots) {
    if (snapshots.length > 0 && snapshots.every(hasTime)) {
        return [...snapshots].sort((a, b) => a.profile.timeNanos - b.profile.timeNanos);
    }
    const collator = new Intl.Collator('en', { numeric: true });
    return [...snapshots].sort((a, b) => collator.compare(a.source, b.source));
}
function hasTime(s) {
    return (s.profile?.timeNanos ?? 0) > 0;
}
function basename(path) {
    return path.split('/').pop() ?? path;
}

// Merges the folds of several files into one, by name: sample types, functions, packages
// and stacks. Reading a file folds it (src/formats); analysis only adds folds up.
/**
 * The folds added up over `sampleTypes` (matched by name; a type a fold lacks adds
 * nothing). Of two heaviest stacks the heavier is kept, the first on a tie; stacks only
 * when `withStacks`.
 */
function mergeFolds(folds, sampleTypes, withStacks = false) {
    const n = sampleTypes.length;
    const into = {
        sampleTypes,
        totals: sampleTypes.map(() => 0),
        totalsVar: sampleTypes.map(() => 0),
        functions: new Map(),
        packages: new Map(),
        stacks: withStacks ? new Map() : undefined,
    };
    for (const from of folds) {
        const cols = from.sampleTypes.map((t) => sampleTypes.indexOf(t));
        cols.forEach((c, j) => {
            if (c < 0)
                return;
            into.totals[c] += from.totals[j];
            into.totalsVar[c] += from.totalsVar[j];
        });
        mergeNodes(into.functions, from.functions, cols, n);
        mergeNodes(into.packages, from.packages, cols, n);
        if (into.stacks && from.stacks) {
            mergeNodes(into.stacks, from.stacks, cols, n);
            into.stacksOmitted = (into.stacksOmitted ?? 0) + (from.stacksOmitted ?? 0);
        }
    }
    return into;
}
const { flat: FLAT$1, cum: CUM$1, flatVar: FLAT_VAR$1, heaviestValue: HEAVIEST$1 } = NODE_SUM_AT;
/** Adds `nodes` (over the fold's own sample types; `cols` maps them) into `target`. */
function mergeNodes(target, nodes, cols, n) {
    const width = cols.length;
    const { sums } = nodes;
    const row = NODE_SUMS.length * width;
    const targets = nodes.names.map((name, i) => {
        const t = nodeOf(target, name, nodes.packages[i], n);
        for (let j = 0, at = i * row; j < width; j++, at++) {
            const c = cols[j];
            if (c < 0)
                continue;
            t.flat[c] += sums[at + FLAT$1 * width];
            t.cum[c] += sums[at + CUM$1 * width];
            t.flatVar[c] += sums[at + FLAT_VAR$1 * width];
        }
        return t;
    });
    for (const [i, j, stack] of nodes.heaviest) {
        const c = cols[j];
        if (c < 0)
            continue;
        const t = targets[i];
        const value = sums[(i * NODE_SUMS.length + HEAVIEST$1) * width + j];
        if (!t.heaviest[c] || value > t.heaviestValue[c]) {
            t.heaviest[c] = stack;
            t.heaviestValue[c] = value;
        }
    }
}
/** The node for `key` in `map`, created with zero sums of width `n` when missing. */
function nodeOf(map, key, pkg, n) {
    let node = map.get(key);
    if (!node) {
        node = {
            name: key,
            package: pkg,
            flat: new Array(n).fill(0),
            cum: new Array(n).fill(0),
            flatVar: new Array(n).fill(0),
            heaviest: new Array(n).fill(undefined),
            heaviestValue: new Array(n).fill(0),
        };
        map.set(key, node);
    }
    return node;
}

// Merges the files of one side into one fold and one MemStats.
/** pprof's order of heap sample types; other types follow in the order met. */
const ORDER = GO_HEAP_SAMPLE_TYPES;
/** The union of sample type names (with units) over all snapshots. */
function sampleTypesOf(snapshots) {
    const seen = new Map();
    for (const s of snapshots)
        for (const t of s.profile?.sampleTypes ?? [])
            seen.set(t.type, t.unit);
    const names = [...seen.keys()].sort((a, b) => rank$1(a) - rank$1(b));
    return names.map((type) => ({ type, unit: seen.get(type) ?? '' }));
}
function rank$1(t) {
    const i = ORDER.indexOf(t);
    return i < 0 ? ORDER.length : i;
}
/** The folds of every profile of a side, merged; undefined when the side has none. */
function aggregateSide(snapshots, sampleTypes, withStacks = false) {
    const folds = snapshots.flatMap((s) => (s.profile ? [s.profile.fold] : []));
    return folds.length > 0 ? mergeFolds(folds, sampleTypes, withStacks) : undefined;
}
/** Kinds of files that carry MemStats figures, the most complete first. */
const FAMILIES = [
    { name: 'MemStats', formats: ['memstats-json', 'expvar', 'prometheus', 'runtime-metrics'] },
    { name: 'heap profile trailer', formats: ['heap-text'] },
    { name: 'goroutine profile', formats: ['goroutine-pprof', 'goroutine-text'] },
    { name: 'gctrace', formats: ['gctrace'] },
];
/**
 * The MemStats of a side. Files of one kind are separate processes and add up (a full
 * MemStats dump, a debug=1 trailer, a goroutine profile, a gctrace log); each field comes
 * from the most complete kind that has it, so a trailer or a goroutine count never doubles
 * what a MemStats dump of the same process already says.
 */
function memstatsOfSide(snapshots, side, warnings) {
    const out = {};
    let any = false;
    for (const family of FAMILIES) {
        const files = snapshots.filter((s) => s.memstats && family.formats.includes(s.format));
        if (files.length === 0)
            continue;
        any = true;
        if (files.length > 1 && family.name === 'MemStats') {
            warnings.push(warning('memstats-added', `${side}: ${files.length} files carry MemStats; their values are added up as separate processes`, side));
        }
        const sum = {};
        for (const f of files) {
            for (const [k, v] of Object.entries(f.memstats)) {
                // A fraction does not add up across processes: keep the largest.
                sum[k] = k === 'GCCPUFraction' ? Math.max(sum[k] ?? 0, v) : (sum[k] ?? 0) + v;
            }
        }
        for (const [k, v] of Object.entries(sum))
            if (out[k] === undefined)
                out[k] = v;
    }
    return any ? out : undefined;
}

// Diffs a baseline side against a candidate side: totals, MemStats and every allocator.
/** Compares two sides. An empty baseline list means there is no baseline. */
function diff(baseline, candidate, opts = {}) {
    const warnings = [];
    for (const s of [...baseline, ...candidate])
        warnings.push(...s.warnings);
    const hasBaseline = baseline.length > 0;
    const sampleTypes = sampleTypesOf([...baseline, ...candidate]);
    const names = sampleTypes.map((t) => t.type);
    const focus = chooseFocus(candidate, names, opts.sampleType);
    const base = hasBaseline ? aggregateSide(baseline, names, opts.stacks) : undefined;
    const cand = aggregateSide(candidate, names, opts.stacks);
    const totals = {};
    sampleTypes.forEach((t, c) => {
        if (!cand && !base)
            return;
        totals[t.type] = {
            unit: unitOf(t.unit),
            ...change$1(base ? base.totals[c] : null, cand ? cand.totals[c] : 0),
            sigma: Math.sqrt((base?.totalsVar[c] ?? 0) + (cand?.totalsVar[c] ?? 0)),
        };
    });
    const periods = { baseline: periodsOf(baseline), candidate: periodsOf(candidate) };
    if (hasBaseline &&
        periods.baseline.length &&
        periods.candidate.length &&
        periods.baseline.join() !== periods.candidate.join()) {
        warnings.push(warning('sampling-periods-differ', `sampling periods differ: baseline ${periods.baseline.join(', ')} bytes, candidate ${periods.candidate.join(', ')} bytes; values are unbiased, but noise differs`));
    }
    if (hasBaseline && cand && !base)
        warnings.push(warning('baseline-without-profile', 'the baseline has no heap profile: only MemStats are compared'));
    const omitted = (base?.stacksOmitted ?? 0) + (cand?.stacksOmitted ?? 0);
    if (opts.stacks && omitted > 0) {
        warnings.push(warning('stacks-omitted', `--stacks: ${omitted.toLocaleString('en-US')} call stacks under ${STACK_MIN_SHARE * 100}% of their profile's total in every sample type are left out`));
    }
    const inuse = names.indexOf('inuse_space');
    const b = hasBaseline
        ? sideFigures(baseline, 'baseline', base && inuse >= 0 ? base.totals[inuse] : undefined, warnings)
        : {};
    const c = sideFigures(candidate, 'candidate', cand && inuse >= 0 ? cand.totals[inuse] : undefined, warnings);
    return {
        hasBaseline,
        sampleTypes,
        focus,
        focusAsked: !!opts.sampleType,
        totals,
        memstats: diffFigures(b.figures, c.figures),
        accounting: { baseline: b.accounting, candidate: c.accounting },
        goroutines: diffGoroutines(baseline, candidate, hasBaseline),
        benchmarks: diffBenchmarks(baseline, candidate, hasBaseline, warnings),
        series: opts.series && opts.series.length > 0 ? analyseSeries(opts.series) : undefined,
        allocators: rows(base, cand, 'functions', sampleTypes, hasBaseline),
        packages: rows(base, cand, 'packages', sampleTypes, hasBaseline),
        stacks: opts.stacks ? rows(base, cand, 'stacks', sampleTypes, hasBaseline) : undefined,
        files: [...summaries(baseline, 'baseline'), ...summaries(candidate, 'candidate')],
        periods,
        warnings,
    };
}
function chooseFocus(candidate, names, asked) {
    if (asked) {
        if (names.length > 0 && !names.includes(asked)) {
            throw new GateError('USAGE', `--sample-type ${asked}: no profile has this sample type`, `use one of ${names.join(', ')}`);
        }
        return asked;
    }
    const defaults = new Set(candidate.map((s) => s.profile?.defaultSampleType).filter((d) => d));
    if (defaults.size === 1) {
        const [d] = defaults;
        if (d && names.includes(d))
            return d;
    }
    if (names.includes('inuse_space'))
        return 'inuse_space';
    return names[0] ?? 'inuse_space';
}
function change$1(baseline, candidate) {
    return { baseline, candidate, delta: baseline === null ? null : candidate - baseline };
}
function rows(base, cand, kind, sampleTypes, hasBaseline) {
    const out = [];
    const keys = new Set([...(base?.[kind]?.keys() ?? []), ...(cand?.[kind]?.keys() ?? [])]);
    // A side with no profile contributes no figures (null), not zeros.
    const baseKnown = hasBaseline && base !== undefined;
    for (const key of keys) {
        const b = base?.[kind]?.get(key);
        const c = cand?.[kind]?.get(key);
        sampleTypes.forEach((t, i) => {
            const bf = b?.flat[i] ?? 0;
            const cf = c?.flat[i] ?? 0;
            const bc = b?.cum[i] ?? 0;
            const cc = c?.cum[i] ?? 0;
            if (bf === 0 && cf === 0 && bc === 0 && cc === 0)
                return;
            const flat = change$1(baseKnown ? bf : null, cf);
            out.push({
                function: key,
                package: (c ?? b).package,
                sampleType: t.type,
                unit: unitOf(t.unit),
                // change()'s fields one by one, not spread: one object shape for thousands of rows.
                baseline: flat.baseline,
                candidate: flat.candidate,
                delta: flat.delta,
                cumBaseline: baseKnown ? bc : null,
                cumCandidate: cc,
                sigma: Math.sqrt((baseKnown ? (b?.flatVar[i] ?? 0) : 0) + (c?.flatVar[i] ?? 0)),
                stack: c?.heaviest[i] ?? [],
            });
        });
    }
    return out.sort((x, y) => (y.delta ?? y.candidate) - (x.delta ?? x.candidate) ||
        y.candidate - x.candidate ||
        (x.function < y.function ? -1 : 1));
}
/** Per side: MemStats plus the derived figures (memory classes, profile coverage). */
function sideFigures(snapshots, side, profiled, warnings) {
    const ms = memstatsOfSide(snapshots, side, warnings);
    if (!ms)
        return {};
    const figures = { ...ms };
    const accounting = accountingOf(ms);
    if (accounting) {
        Object.assign(figures, classFields(accounting));
        if (profiled !== undefined) {
            const period = periodsOf(snapshots)[0] ?? 0;
            accounting.coverage = coverageOf(profiled, ms.HeapAlloc, period);
            figures.profile_coverage = accounting.coverage.ratio;
        }
    }
    return { figures, accounting };
}
function diffFigures(b, c) {
    const out = {};
    if (!c)
        return out;
    for (const field of MEMSTATS_FIELDS) {
        const cv = c[field];
        if (cv === undefined)
            continue;
        out[field] = { unit: memstatsUnit(field), ...change$1(b?.[field] ?? null, cv) };
    }
    return out;
}
function periodsOf(snapshots) {
    return [...new Set(snapshots.map((s) => s.profile?.period).filter((p) => !!p))].sort((a, b) => a - b);
}
function summaries(snapshots, side) {
    return snapshots.map((s) => {
        const totals = {};
        const fold = s.profile?.fold;
        fold?.sampleTypes.forEach((t, i) => (totals[t] = fold.totals[i]));
        return {
            side,
            source: s.source,
            format: s.format,
            totals,
            period: s.profile?.period ?? 0,
            hasMemStats: !!s.memstats,
        };
    });
}

// Repeated runs per side: every figure becomes the median over the runs, and whether it
// changed is decided by the Mann–Whitney U test, as benchstat does.
/** Fewest runs per side for a significance test; fewer get a note instead of a verdict. */
const MIN_RUNS = 4;
/**
 * Diffs N baseline runs against M candidate runs (each run a list of files). Totals,
 * MemStats and allocator rows hold medians and a Mann–Whitney `p` (null when a side has
 * fewer than MIN_RUNS runs); sampling sigmas are 0, as run-to-run spread replaces them.
 * Stacks, accounting and goroutines come from the candidate run with the median total.
 */
function diffRuns(baseRuns, candRuns, opts = {}) {
    const base = baseRuns.map((run) => diff([], run, opts));
    const cand = candRuns.map((run) => diff([], run, opts));
    const hasBaseline = base.length > 0;
    const focus = opts.sampleType ?? cand[0].focus;
    const repOf = (side) => side[medianIndex(side.map((d) => d.totals[focus]?.candidate ?? 0))];
    const candRep = repOf(cand);
    const baseRep = hasBaseline ? repOf(base) : undefined;
    const template = diff(hasBaseline ? baseRuns[base.indexOf(baseRep)] : [], candRuns[cand.indexOf(candRep)], opts);
    const testable = hasBaseline && base.length >= MIN_RUNS && cand.length >= MIN_RUNS;
    const combine = (values, extra) => {
        const cs = cand.map(values).map((v) => v ?? 0);
        const bs = hasBaseline ? base.map(values).map((v) => v ?? 0) : [];
        const c = median$2(cs);
        const b = hasBaseline ? median$2(bs) : null;
        return {
            ...extra,
            baseline: b,
            candidate: c,
            delta: b === null ? null : c - b,
            p: testable ? mannWhitneyU(bs, cs) : null,
            ci: { baseline: hasBaseline ? interval(bs) : null, candidate: interval(cs) },
        };
    };
    const totals = Object.fromEntries(Object.entries(template.totals).map(([t, c]) => [
        t,
        combine((d) => d.totals[t]?.candidate, { ...c, sigma: 0 }),
    ]));
    const memstats = Object.fromEntries(MEMSTATS_FIELDS.filter((f) => [...base, ...cand].some((d) => d.memstats[f])).map((f) => {
        const unit = [...cand, ...base].find((d) => d.memstats[f]).memstats[f].unit;
        return [
            f,
            combine((d) => d.memstats[f]?.candidate, {
                unit,
                baseline: null,
                candidate: 0,
                delta: null,
            }),
        ];
    }));
    const rows = (pick) => {
        const byKey = new Map();
        for (const d of [candRep, ...cand, ...base]) {
            for (const r of pick(d))
                if (!byKey.has(keyOf(r)))
                    byKey.set(keyOf(r), r);
        }
        const index = [...base, ...cand].map((d) => new Map(pick(d).map((r) => [keyOf(r), r])));
        const at = (d) => index[[...base, ...cand].indexOf(d)];
        return [...byKey.entries()]
            .map(([key, r]) => {
            const row = combine((d) => at(d).get(key)?.candidate, { ...r, sigma: 0 });
            const cum = (side) => median$2(side.map((d) => at(d).get(key)?.cumCandidate ?? 0));
            return { ...row, cumBaseline: hasBaseline ? cum(base) : null, cumCandidate: cum(cand) };
        })
            .sort((x, y) => (y.delta ?? y.candidate) - (x.delta ?? x.candidate) || y.candidate - x.candidate);
    };
    const relabel = (d, side, run) => d.files.map((f) => ({ ...f, side, run }));
    const warnings = [...template.warnings];
    if (hasBaseline && !testable) {
        warnings.push(warning('too-few-runs', `${base.length} baseline and ${cand.length} candidate run(s): at least ${MIN_RUNS} per side are needed to call a change significant; changes over a limit are inconclusive`));
    }
    return {
        ...template,
        hasBaseline,
        focus,
        totals,
        memstats,
        allocators: rows((d) => d.allocators),
        packages: rows((d) => d.packages),
        files: [
            ...base.flatMap((d, i) => relabel(d, 'baseline', i + 1)),
            ...cand.flatMap((d, i) => relabel(d, 'candidate', i + 1)),
        ],
        // Benchmark runs are samples already: every run's results are pooled.
        benchmarks: diffBenchmarks(baseRuns.flat(), candRuns.flat(), hasBaseline, warnings),
        runs: { baseline: base.length, candidate: cand.length, minRuns: MIN_RUNS },
        warnings,
    };
}
function interval(xs) {
    const { lo, hi } = medianCI(xs, 0.95);
    return [lo, hi];
}
function keyOf(r) {
    return `${r.sampleType}\u0000${r.function}`;
}
/** Index of the median value (the lower middle for an even count). */
function medianIndex(values) {
    const order = values.map((v, i) => [v, i]).sort((a, b) => a[0] - b[0]);
    return order[(order.length - 1) >> 1][1];
}

// The history file: read with a size cap and checked field by field (it travels through
// artifacts, so it is untrusted), appended to within caps, written in a stable order.
/** Largest history file read; anything bigger is refused before parsing. */
const MAX_HISTORY_READ = 4 * 1024 * 1024;
/** 200 entries, 1 MiB. */
const HISTORY_CAP = { entries: 200, bytes: 1024 * 1024 };
/** An empty history. */
function newHistory() {
    return { schemaVersion: 1, tool: 'gomem-gate', entries: [] };
}
/** Reads and checks a history file; every problem is a GateError naming `label` and the file. */
function readHistory(path, label = '--history') {
    const where = `${label} ${path}`;
    let text;
    try {
        text = readCapped(path, where);
    }
    catch (err) {
        if (err instanceof GateError)
            throw err;
        const code = err.code;
        throw new GateError('READ_FAILED', `${where}: ${code === 'ENOENT' ? 'no such file' : err.message}`, 'check the path; gomem-gate record creates it');
    }
    return parseHistory(text, where);
}
/** Parses the text of a history file; `where` names it in errors. */
function parseHistory(text, where) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        throw new GateError('MALFORMED', `${where}: not JSON`, 'a history file is written by gomem-gate record');
    }
    const h = value;
    if (typeof h !== 'object' || h === null || h.tool !== 'gomem-gate') {
        throw new GateError('MALFORMED', `${where}: not a gomem-gate history (no "tool": "gomem-gate")`, 'a history file is written by gomem-gate record');
    }
    if (h.schemaVersion !== 1) {
        throw new GateError('MALFORMED', `${where}: schemaVersion ${JSON.stringify(h.schemaVersion)} is not supported (this gomem-gate reads 1)`, 'use the gomem-gate version that wrote it, or start a new history');
    }
    if (!Array.isArray(h.entries)) {
        throw new GateError('MALFORMED', `${where}: "entries" is not a list`, 'start a new history');
    }
    return {
        schemaVersion: 1,
        tool: 'gomem-gate',
        entries: h.entries.map((e, i) => checkEntry(e, `${where}: entries[${i}]`)),
    };
}
/**
 * `history` with `entry` added last, keeping the newest `cap.entries` entries and dropping the
 * oldest until the serialized file fits in `cap.bytes` (the new entry is always kept).
 */
function appendEntry(history, entry, cap = HISTORY_CAP) {
    const all = [...history.entries, entry].slice(-Math.max(1, cap.entries));
    const sizes = all.map((e) => Buffer.byteLength(entryLine(e)) + 2);
    let size = Buffer.byteLength(serializeHistory(newHistory())) + sizes.reduce((a, b) => a + b, 0);
    let first = 0;
    while (size > cap.bytes && first < all.length - 1)
        size -= sizes[first++];
    return { schemaVersion: 1, tool: 'gomem-gate', entries: all.slice(first) };
}
/** The file's text: fixed key order, one entry per line, ending in a newline. */
function serializeHistory(history) {
    const head = `{\n  "schemaVersion": 1,\n  "tool": "gomem-gate",\n  "entries": [`;
    if (history.entries.length === 0)
        return `${head}]\n}\n`;
    return `${head}\n${history.entries.map((e) => `    ${entryLine(e)}`).join(',\n')}\n  ]\n}\n`;
}
/** Writes the history file; a failure names the file. */
function writeHistory(path, history, label = '--history') {
    try {
        writeFileSync(path, serializeHistory(history));
    }
    catch (err) {
        throw new GateError('READ_FAILED', `${label} ${path}: ${err.message}`, 'choose a writable path');
    }
}
/** The figure `key` of every entry that has it, oldest first. */
function historyValues(history, key) {
    const out = [];
    for (const e of history.entries) {
        const v = figureOf(e, key);
        if (v !== undefined)
            out.push(v);
    }
    return out;
}
function figureOf(e, key) {
    switch (key.scope) {
        case 'total':
            return own(e.totals, key.metric);
        case 'memstats':
            return own(e.memstats, key.metric) ?? own(e.classes, key.metric);
        case 'allocator': {
            const byType = own(e.allocators, key.metric);
            return byType ? own(byType, key.subject) : undefined;
        }
        case 'benchmark':
            return own(e.benchmarks, key.key);
    }
}
function own(record, key) {
    return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
function entryLine(e) {
    const ordered = {
        commit: e.commit,
        time: e.time,
        ...(e.goVersion !== undefined ? { goVersion: e.goVersion } : {}),
        period: e.period,
        totals: sorted(e.totals),
        memstats: sorted(e.memstats),
        classes: sorted(e.classes),
        allocators: Object.fromEntries(Object.keys(e.allocators)
            .sort()
            .map((t) => [t, sorted(e.allocators[t])])),
        benchmarks: sorted(e.benchmarks),
    };
    return JSON.stringify(ordered);
}
function sorted(r) {
    return Object.fromEntries(Object.keys(r)
        .sort()
        .map((k) => [k, r[k]]));
}
function readCapped(path, where) {
    const fd = openSync(path, 'r');
    try {
        const size = fstatSync(fd).size;
        if (size > MAX_HISTORY_READ) {
            throw new GateError('TOO_LARGE', `${where}: ${size} bytes, more than the ${MAX_HISTORY_READ} a history may have`, 'gomem-gate keeps histories under 1 MiB; start a new one');
        }
        const buf = Buffer.alloc(size);
        let got = 0;
        while (got < size) {
            const n = readSync(fd, buf, got, size - got, got);
            if (n === 0)
                break;
            got += n;
        }
        return buf.subarray(0, got).toString('utf8');
    }
    finally {
        closeSync(fd);
    }
}
function checkEntry(value, where) {
    const e = value;
    const bad = (what) => {
        throw new GateError('MALFORMED', `${where}: ${what}`, 'start a new history');
    };
    if (typeof e !== 'object' || e === null || Array.isArray(e))
        return bad('not an object');
    if (typeof e.commit !== 'string')
        bad('"commit" is not a string');
    if (typeof e.time !== 'string')
        bad('"time" is not a string');
    if (e.goVersion !== undefined && typeof e.goVersion !== 'string')
        bad('"goVersion" is not a string');
    if (typeof e.period !== 'number' || !Number.isFinite(e.period))
        bad('"period" is not a number');
    const numbers = (field) => {
        const r = e[field] ?? {};
        if (typeof r !== 'object' || r === null || Array.isArray(r))
            return bad(`"${field}" is not an object`);
        for (const [k, v] of Object.entries(r)) {
            if (typeof v !== 'number' || !Number.isFinite(v))
                bad(`"${field}"."${k.slice(0, 80)}" is not a number`);
        }
        return r;
    };
    const types = e.allocators ?? {};
    if (typeof types !== 'object' || types === null || Array.isArray(types))
        bad('"allocators" is not an object');
    const allocators = {};
    for (const t of Object.keys(types)) {
        const r = types[t];
        if (typeof r !== 'object' || r === null || Array.isArray(r))
            bad(`"allocators"."${t.slice(0, 80)}" is not an object`);
        for (const [k, v] of Object.entries(r)) {
            if (typeof v !== 'number' || !Number.isFinite(v))
                bad(`"allocators"."${t.slice(0, 80)}"."${k.slice(0, 80)}" is not a number`);
        }
        allocators[t] = r;
    }
    return {
        commit: e.commit,
        time: e.time,
        ...(e.goVersion !== undefined ? { goVersion: e.goVersion } : {}),
        period: e.period,
        totals: numbers('totals'),
        memstats: numbers('memstats'),
        classes: numbers('classes'),
        allocators,
        benchmarks: numbers('benchmarks'),
    };
}

function getDefaultExportFromCjs (x) {
	return x && x.__esModule && Object.prototype.hasOwnProperty.call(x, 'default') ? x['default'] : x;
}

var dist = {};

var composer = {};

var directives = {};

var identity = {};

var hasRequiredIdentity;

function requireIdentity () {
	if (hasRequiredIdentity) return identity;
	hasRequiredIdentity = 1;

	const ALIAS = Symbol.for('yaml.alias');
	const DOC = Symbol.for('yaml.document');
	const MAP = Symbol.for('yaml.map');
	const PAIR = Symbol.for('yaml.pair');
	const SCALAR = Symbol.for('yaml.scalar');
	const SEQ = Symbol.for('yaml.seq');
	const NODE_TYPE = Symbol.for('yaml.node.type');
	const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
	const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
	const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
	const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
	const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
	const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
	function isCollection(node) {
	    if (node && typeof node === 'object')
	        switch (node[NODE_TYPE]) {
	            case MAP:
	            case SEQ:
	                return true;
	        }
	    return false;
	}
	function isNode(node) {
	    if (node && typeof node === 'object')
	        switch (node[NODE_TYPE]) {
	            case ALIAS:
	            case MAP:
	            case SCALAR:
	            case SEQ:
	                return true;
	        }
	    return false;
	}
	const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

	identity.ALIAS = ALIAS;
	identity.DOC = DOC;
	identity.MAP = MAP;
	identity.NODE_TYPE = NODE_TYPE;
	identity.PAIR = PAIR;
	identity.SCALAR = SCALAR;
	identity.SEQ = SEQ;
	identity.hasAnchor = hasAnchor;
	identity.isAlias = isAlias;
	identity.isCollection = isCollection;
	identity.isDocument = isDocument;
	identity.isMap = isMap;
	identity.isNode = isNode;
	identity.isPair = isPair;
	identity.isScalar = isScalar;
	identity.isSeq = isSeq;
	return identity;
}

var visit = {};

var hasRequiredVisit;

function requireVisit () {
	if (hasRequiredVisit) return visit;
	hasRequiredVisit = 1;

	var identity = requireIdentity();

	const BREAK = Symbol('break visit');
	const SKIP = Symbol('skip children');
	const REMOVE = Symbol('remove node');
	/**
	 * Apply a visitor to an AST node or document.
	 *
	 * Walks through the tree (depth-first) starting from `node`, calling a
	 * `visitor` function with three arguments:
	 *   - `key`: For sequence values and map `Pair`, the node's index in the
	 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
	 *     `null` for the root node.
	 *   - `node`: The current node.
	 *   - `path`: The ancestry of the current node.
	 *
	 * The return value of the visitor may be used to control the traversal:
	 *   - `undefined` (default): Do nothing and continue
	 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
	 *     sibling
	 *   - `visit.BREAK`: Terminate traversal completely
	 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
	 *   - `Node`: Replace the current node, then continue by visiting it
	 *   - `number`: While iterating the items of a sequence or map, set the index
	 *     of the next step. This is useful especially if the index of the current
	 *     node has changed.
	 *
	 * If `visitor` is a single function, it will be called with all values
	 * encountered in the tree, including e.g. `null` values. Alternatively,
	 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
	 * `Alias` and `Scalar` node. To define the same visitor function for more than
	 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
	 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
	 * specific defined one will be used for each node.
	 */
	function visit$1(node, visitor) {
	    const visitor_ = initVisitor(visitor);
	    if (identity.isDocument(node)) {
	        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
	        if (cd === REMOVE)
	            node.contents = null;
	    }
	    else
	        visit_(null, node, visitor_, Object.freeze([]));
	}
	// Without the `as symbol` casts, TS declares these in the `visit`
	// namespace using `var`, but then complains about that because
	// `unique symbol` must be `const`.
	/** Terminate visit traversal completely */
	visit$1.BREAK = BREAK;
	/** Do not visit the children of the current node */
	visit$1.SKIP = SKIP;
	/** Remove the current node */
	visit$1.REMOVE = REMOVE;
	function visit_(key, node, visitor, path) {
	    const ctrl = callVisitor(key, node, visitor, path);
	    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
	        replaceNode(key, path, ctrl);
	        return visit_(key, ctrl, visitor, path);
	    }
	    if (typeof ctrl !== 'symbol') {
	        if (identity.isCollection(node)) {
	            path = Object.freeze(path.concat(node));
	            for (let i = 0; i < node.items.length; ++i) {
	                const ci = visit_(i, node.items[i], visitor, path);
	                if (typeof ci === 'number')
	                    i = ci - 1;
	                else if (ci === BREAK)
	                    return BREAK;
	                else if (ci === REMOVE) {
	                    node.items.splice(i, 1);
	                    i -= 1;
	                }
	            }
	        }
	        else if (identity.isPair(node)) {
	            path = Object.freeze(path.concat(node));
	            const ck = visit_('key', node.key, visitor, path);
	            if (ck === BREAK)
	                return BREAK;
	            else if (ck === REMOVE)
	                node.key = null;
	            const cv = visit_('value', node.value, visitor, path);
	            if (cv === BREAK)
	                return BREAK;
	            else if (cv === REMOVE)
	                node.value = null;
	        }
	    }
	    return ctrl;
	}
	/**
	 * Apply an async visitor to an AST node or document.
	 *
	 * Walks through the tree (depth-first) starting from `node`, calling a
	 * `visitor` function with three arguments:
	 *   - `key`: For sequence values and map `Pair`, the node's index in the
	 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
	 *     `null` for the root node.
	 *   - `node`: The current node.
	 *   - `path`: The ancestry of the current node.
	 *
	 * The return value of the visitor may be used to control the traversal:
	 *   - `Promise`: Must resolve to one of the following values
	 *   - `undefined` (default): Do nothing and continue
	 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
	 *     sibling
	 *   - `visit.BREAK`: Terminate traversal completely
	 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
	 *   - `Node`: Replace the current node, then continue by visiting it
	 *   - `number`: While iterating the items of a sequence or map, set the index
	 *     of the next step. This is useful especially if the index of the current
	 *     node has changed.
	 *
	 * If `visitor` is a single function, it will be called with all values
	 * encountered in the tree, including e.g. `null` values. Alternatively,
	 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
	 * `Alias` and `Scalar` node. To define the same visitor function for more than
	 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
	 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
	 * specific defined one will be used for each node.
	 */
	async function visitAsync(node, visitor) {
	    const visitor_ = initVisitor(visitor);
	    if (identity.isDocument(node)) {
	        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
	        if (cd === REMOVE)
	            node.contents = null;
	    }
	    else
	        await visitAsync_(null, node, visitor_, Object.freeze([]));
	}
	// Without the `as symbol` casts, TS declares these in the `visit`
	// namespace using `var`, but then complains about that because
	// `unique symbol` must be `const`.
	/** Terminate visit traversal completely */
	visitAsync.BREAK = BREAK;
	/** Do not visit the children of the current node */
	visitAsync.SKIP = SKIP;
	/** Remove the current node */
	visitAsync.REMOVE = REMOVE;
	async function visitAsync_(key, node, visitor, path) {
	    const ctrl = await callVisitor(key, node, visitor, path);
	    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
	        replaceNode(key, path, ctrl);
	        return visitAsync_(key, ctrl, visitor, path);
	    }
	    if (typeof ctrl !== 'symbol') {
	        if (identity.isCollection(node)) {
	            path = Object.freeze(path.concat(node));
	            for (let i = 0; i < node.items.length; ++i) {
	                const ci = await visitAsync_(i, node.items[i], visitor, path);
	                if (typeof ci === 'number')
	                    i = ci - 1;
	                else if (ci === BREAK)
	                    return BREAK;
	                else if (ci === REMOVE) {
	                    node.items.splice(i, 1);
	                    i -= 1;
	                }
	            }
	        }
	        else if (identity.isPair(node)) {
	            path = Object.freeze(path.concat(node));
	            const ck = await visitAsync_('key', node.key, visitor, path);
	            if (ck === BREAK)
	                return BREAK;
	            else if (ck === REMOVE)
	                node.key = null;
	            const cv = await visitAsync_('value', node.value, visitor, path);
	            if (cv === BREAK)
	                return BREAK;
	            else if (cv === REMOVE)
	                node.value = null;
	        }
	    }
	    return ctrl;
	}
	function initVisitor(visitor) {
	    if (typeof visitor === 'object' &&
	        (visitor.Collection || visitor.Node || visitor.Value)) {
	        return Object.assign({
	            Alias: visitor.Node,
	            Map: visitor.Node,
	            Scalar: visitor.Node,
	            Seq: visitor.Node
	        }, visitor.Value && {
	            Map: visitor.Value,
	            Scalar: visitor.Value,
	            Seq: visitor.Value
	        }, visitor.Collection && {
	            Map: visitor.Collection,
	            Seq: visitor.Collection
	        }, visitor);
	    }
	    return visitor;
	}
	function callVisitor(key, node, visitor, path) {
	    if (typeof visitor === 'function')
	        return visitor(key, node, path);
	    if (identity.isMap(node))
	        return visitor.Map?.(key, node, path);
	    if (identity.isSeq(node))
	        return visitor.Seq?.(key, node, path);
	    if (identity.isPair(node))
	        return visitor.Pair?.(key, node, path);
	    if (identity.isScalar(node))
	        return visitor.Scalar?.(key, node, path);
	    if (identity.isAlias(node))
	        return visitor.Alias?.(key, node, path);
	    return undefined;
	}
	function replaceNode(key, path, node) {
	    const parent = path[path.length - 1];
	    if (identity.isCollection(parent)) {
	        parent.items[key] = node;
	    }
	    else if (identity.isPair(parent)) {
	        if (key === 'key')
	            parent.key = node;
	        else
	            parent.value = node;
	    }
	    else if (identity.isDocument(parent)) {
	        parent.contents = node;
	    }
	    else {
	        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
	        throw new Error(`Cannot replace node with ${pt} parent`);
	    }
	}

	visit.visit = visit$1;
	visit.visitAsync = visitAsync;
	return visit;
}

var hasRequiredDirectives;

function requireDirectives () {
	if (hasRequiredDirectives) return directives;
	hasRequiredDirectives = 1;

	var identity = requireIdentity();
	var visit = requireVisit();

	const escapeChars = {
	    '!': '%21',
	    ',': '%2C',
	    '[': '%5B',
	    ']': '%5D',
	    '{': '%7B',
	    '}': '%7D'
	};
	const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
	class Directives {
	    constructor(yaml, tags) {
	        /**
	         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
	         * included in the document's stringified representation.
	         */
	        this.docStart = null;
	        /** The doc-end marker `...`.  */
	        this.docEnd = false;
	        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
	        this.tags = Object.assign({}, Directives.defaultTags, tags);
	    }
	    clone() {
	        const copy = new Directives(this.yaml, this.tags);
	        copy.docStart = this.docStart;
	        return copy;
	    }
	    /**
	     * During parsing, get a Directives instance for the current document and
	     * update the stream state according to the current version's spec.
	     */
	    atDocument() {
	        const res = new Directives(this.yaml, this.tags);
	        switch (this.yaml.version) {
	            case '1.1':
	                this.atNextDocument = true;
	                break;
	            case '1.2':
	                this.atNextDocument = false;
	                this.yaml = {
	                    explicit: Directives.defaultYaml.explicit,
	                    version: '1.2'
	                };
	                this.tags = Object.assign({}, Directives.defaultTags);
	                break;
	        }
	        return res;
	    }
	    /**
	     * @param onError - May be called even if the action was successful
	     * @returns `true` on success
	     */
	    add(line, onError) {
	        if (this.atNextDocument) {
	            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
	            this.tags = Object.assign({}, Directives.defaultTags);
	            this.atNextDocument = false;
	        }
	        const parts = line.trim().split(/[ \t]+/);
	        const name = parts.shift();
	        switch (name) {
	            case '%TAG': {
	                if (parts.length !== 2) {
	                    onError(0, '%TAG directive should contain exactly two parts');
	                    if (parts.length < 2)
	                        return false;
	                }
	                const [handle, prefix] = parts;
	                this.tags[handle] = prefix;
	                return true;
	            }
	            case '%YAML': {
	                this.yaml.explicit = true;
	                if (parts.length !== 1) {
	                    onError(0, '%YAML directive should contain exactly one part');
	                    return false;
	                }
	                const [version] = parts;
	                if (version === '1.1' || version === '1.2') {
	                    this.yaml.version = version;
	                    return true;
	                }
	                else {
	                    const isValid = /^\d+\.\d+$/.test(version);
	                    onError(6, `Unsupported YAML version ${version}`, isValid);
	                    return false;
	                }
	            }
	            default:
	                onError(0, `Unknown directive ${name}`, true);
	                return false;
	        }
	    }
	    /**
	     * Resolves a tag, matching handles to those defined in %TAG directives.
	     *
	     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
	     *   `'!local'` tag, or `null` if unresolvable.
	     */
	    tagName(source, onError) {
	        if (source === '!')
	            return '!'; // non-specific tag
	        if (source[0] !== '!') {
	            onError(`Not a valid tag: ${source}`);
	            return null;
	        }
	        if (source[1] === '<') {
	            const verbatim = source.slice(2, -1);
	            if (verbatim === '!' || verbatim === '!!') {
	                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
	                return null;
	            }
	            if (source[source.length - 1] !== '>')
	                onError('Verbatim tags must end with a >');
	            return verbatim;
	        }
	        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
	        if (!suffix)
	            onError(`The ${source} tag has no suffix`);
	        const prefix = this.tags[handle];
	        if (prefix) {
	            try {
	                return prefix + decodeURIComponent(suffix);
	            }
	            catch (error) {
	                onError(String(error));
	                return null;
	            }
	        }
	        if (handle === '!')
	            return source; // local tag
	        onError(`Could not resolve tag: ${source}`);
	        return null;
	    }
	    /**
	     * Given a fully resolved tag, returns its printable string form,
	     * taking into account current tag prefixes and defaults.
	     */
	    tagString(tag) {
	        for (const [handle, prefix] of Object.entries(this.tags)) {
	            if (tag.startsWith(prefix))
	                return handle + escapeTagName(tag.substring(prefix.length));
	        }
	        return tag[0] === '!' ? tag : `!<${tag}>`;
	    }
	    toString(doc) {
	        const lines = this.yaml.explicit
	            ? [`%YAML ${this.yaml.version || '1.2'}`]
	            : [];
	        const tagEntries = Object.entries(this.tags);
	        let tagNames;
	        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
	            const tags = {};
	            visit.visit(doc.contents, (_key, node) => {
	                if (identity.isNode(node) && node.tag)
	                    tags[node.tag] = true;
	            });
	            tagNames = Object.keys(tags);
	        }
	        else
	            tagNames = [];
	        for (const [handle, prefix] of tagEntries) {
	            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
	                continue;
	            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
	                lines.push(`%TAG ${handle} ${prefix}`);
	        }
	        return lines.join('\n');
	    }
	}
	Directives.defaultYaml = { explicit: false, version: '1.2' };
	Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

	directives.Directives = Directives;
	return directives;
}

var Document = {};

var Alias = {};

var anchors = {};

var hasRequiredAnchors;

function requireAnchors () {
	if (hasRequiredAnchors) return anchors;
	hasRequiredAnchors = 1;

	var identity = requireIdentity();
	var visit = requireVisit();

	/**
	 * Verify that the input string is a valid anchor.
	 *
	 * Will throw on errors.
	 */
	function anchorIsValid(anchor) {
	    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
	        const sa = JSON.stringify(anchor);
	        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
	        throw new Error(msg);
	    }
	    return true;
	}
	function anchorNames(root) {
	    const anchors = new Set();
	    visit.visit(root, {
	        Value(_key, node) {
	            if (node.anchor)
	                anchors.add(node.anchor);
	        }
	    });
	    return anchors;
	}
	/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
	function findNewAnchor(prefix, exclude) {
	    for (let i = 1; true; ++i) {
	        const name = `${prefix}${i}`;
	        if (!exclude.has(name))
	            return name;
	    }
	}
	function createNodeAnchors(doc, prefix) {
	    const aliasObjects = [];
	    const sourceObjects = new Map();
	    let prevAnchors = null;
	    return {
	        onAnchor: (source) => {
	            aliasObjects.push(source);
	            prevAnchors ?? (prevAnchors = anchorNames(doc));
	            const anchor = findNewAnchor(prefix, prevAnchors);
	            prevAnchors.add(anchor);
	            return anchor;
	        },
	        /**
	         * With circular references, the source node is only resolved after all
	         * of its child nodes are. This is why anchors are set only after all of
	         * the nodes have been created.
	         */
	        setAnchors: () => {
	            for (const source of aliasObjects) {
	                const ref = sourceObjects.get(source);
	                if (typeof ref === 'object' &&
	                    ref.anchor &&
	                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
	                    ref.node.anchor = ref.anchor;
	                }
	                else {
	                    const error = new Error('Failed to resolve repeated object (this should not happen)');
	                    error.source = source;
	                    throw error;
	                }
	            }
	        },
	        sourceObjects
	    };
	}

	anchors.anchorIsValid = anchorIsValid;
	anchors.anchorNames = anchorNames;
	anchors.createNodeAnchors = createNodeAnchors;
	anchors.findNewAnchor = findNewAnchor;
	return anchors;
}

var Node = {};

var applyReviver = {};

var hasRequiredApplyReviver;

function requireApplyReviver () {
	if (hasRequiredApplyReviver) return applyReviver;
	hasRequiredApplyReviver = 1;

	/**
	 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
	 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
	 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
	 *
	 * Includes extensions for handling Map and Set objects.
	 */
	function applyReviver$1(reviver, obj, key, val) {
	    if (val && typeof val === 'object') {
	        if (Array.isArray(val)) {
	            for (let i = 0, len = val.length; i < len; ++i) {
	                const v0 = val[i];
	                const v1 = applyReviver$1(reviver, val, String(i), v0);
	                // eslint-disable-next-line @typescript-eslint/no-array-delete
	                if (v1 === undefined)
	                    delete val[i];
	                else if (v1 !== v0)
	                    val[i] = v1;
	            }
	        }
	        else if (val instanceof Map) {
	            for (const k of Array.from(val.keys())) {
	                const v0 = val.get(k);
	                const v1 = applyReviver$1(reviver, val, k, v0);
	                if (v1 === undefined)
	                    val.delete(k);
	                else if (v1 !== v0)
	                    val.set(k, v1);
	            }
	        }
	        else if (val instanceof Set) {
	            for (const v0 of Array.from(val)) {
	                const v1 = applyReviver$1(reviver, val, v0, v0);
	                if (v1 === undefined)
	                    val.delete(v0);
	                else if (v1 !== v0) {
	                    val.delete(v0);
	                    val.add(v1);
	                }
	            }
	        }
	        else {
	            for (const [k, v0] of Object.entries(val)) {
	                const v1 = applyReviver$1(reviver, val, k, v0);
	                if (v1 === undefined)
	                    delete val[k];
	                else if (v1 !== v0)
	                    val[k] = v1;
	            }
	        }
	    }
	    return reviver.call(obj, key, val);
	}

	applyReviver.applyReviver = applyReviver$1;
	return applyReviver;
}

var toJS = {};

var hasRequiredToJS;

function requireToJS () {
	if (hasRequiredToJS) return toJS;
	hasRequiredToJS = 1;

	var identity = requireIdentity();

	/**
	 * Recursively convert any node or its contents to native JavaScript
	 *
	 * @param value - The input value
	 * @param arg - If `value` defines a `toJSON()` method, use this
	 *   as its first argument
	 * @param ctx - Conversion context, originally set in Document#toJS(). If
	 *   `{ keep: true }` is not set, output should be suitable for JSON
	 *   stringification.
	 */
	function toJS$1(value, arg, ctx) {
	    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
	    if (Array.isArray(value))
	        return value.map((v, i) => toJS$1(v, String(i), ctx));
	    if (value && typeof value.toJSON === 'function') {
	        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
	        if (!ctx || !identity.hasAnchor(value))
	            return value.toJSON(arg, ctx);
	        const data = { aliasCount: 0, count: 1, res: undefined };
	        ctx.anchors.set(value, data);
	        ctx.onCreate = res => {
	            data.res = res;
	            delete ctx.onCreate;
	        };
	        const res = value.toJSON(arg, ctx);
	        if (ctx.onCreate)
	            ctx.onCreate(res);
	        return res;
	    }
	    if (typeof value === 'bigint' && !ctx?.keep)
	        return Number(value);
	    return value;
	}

	toJS.toJS = toJS$1;
	return toJS;
}

var hasRequiredNode;

function requireNode () {
	if (hasRequiredNode) return Node;
	hasRequiredNode = 1;

	var applyReviver = requireApplyReviver();
	var identity = requireIdentity();
	var toJS = requireToJS();

	class NodeBase {
	    constructor(type) {
	        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
	    }
	    /** Create a copy of this node.  */
	    clone() {
	        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
	        if (this.range)
	            copy.range = this.range.slice();
	        return copy;
	    }
	    /** A plain JavaScript representation of this node. */
	    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
	        if (!identity.isDocument(doc))
	            throw new TypeError('A document argument is required');
	        const ctx = {
	            anchors: new Map(),
	            doc,
	            keep: true,
	            mapAsMap: mapAsMap === true,
	            mapKeyWarned: false,
	            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
	        };
	        const res = toJS.toJS(this, '', ctx);
	        if (typeof onAnchor === 'function')
	            for (const { count, res } of ctx.anchors.values())
	                onAnchor(res, count);
	        return typeof reviver === 'function'
	            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
	            : res;
	    }
	}

	Node.NodeBase = NodeBase;
	return Node;
}

var hasRequiredAlias;

function requireAlias () {
	if (hasRequiredAlias) return Alias;
	hasRequiredAlias = 1;

	var anchors = requireAnchors();
	var visit = requireVisit();
	var identity = requireIdentity();
	var Node = requireNode();
	var toJS = requireToJS();

	let Alias$1 = class Alias extends Node.NodeBase {
	    constructor(source) {
	        super(identity.ALIAS);
	        this.source = source;
	        Object.defineProperty(this, 'tag', {
	            set() {
	                throw new Error('Alias nodes cannot have tags');
	            }
	        });
	    }
	    /**
	     * Resolve the value of this alias within `doc`, finding the last
	     * instance of the `source` anchor before this node.
	     */
	    resolve(doc, ctx) {
	        if (ctx?.maxAliasCount === 0)
	            throw new ReferenceError('Alias resolution is disabled');
	        let nodes;
	        if (ctx?.aliasResolveCache) {
	            nodes = ctx.aliasResolveCache;
	        }
	        else {
	            nodes = [];
	            visit.visit(doc, {
	                Node: (_key, node) => {
	                    if (identity.isAlias(node) || identity.hasAnchor(node))
	                        nodes.push(node);
	                }
	            });
	            if (ctx)
	                ctx.aliasResolveCache = nodes;
	        }
	        let found = undefined;
	        for (const node of nodes) {
	            if (node === this)
	                break;
	            if (node.anchor === this.source)
	                found = node;
	        }
	        if (found && ctx) {
	            const { anchors, doc, maxAliasCount } = ctx;
	            let data = anchors.get(found);
	            if (!data) {
	                // Resolve anchors for Node.prototype.toJS()
	                toJS.toJS(found, null, ctx);
	                data = anchors.get(found);
	            }
	            /* istanbul ignore if */
	            if (data?.res === undefined) {
	                const msg = 'This should not happen: Alias anchor was not resolved?';
	                throw new ReferenceError(msg);
	            }
	            if (maxAliasCount >= 0) {
	                data.count += 1;
	                if (data.aliasCount === 0)
	                    data.aliasCount = getAliasCount(doc, found, anchors);
	                if (data.count * data.aliasCount > maxAliasCount) {
	                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
	                    throw new ReferenceError(msg);
	                }
	            }
	        }
	        return found;
	    }
	    toJSON(_arg, ctx) {
	        if (!ctx)
	            return { source: this.source };
	        const source = this.resolve(ctx.doc, ctx);
	        if (!source) {
	            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
	            throw new ReferenceError(msg);
	        }
	        return ctx.anchors.get(source).res;
	    }
	    toString(ctx, _onComment, _onChompKeep) {
	        const src = `*${this.source}`;
	        if (ctx) {
	            anchors.anchorIsValid(this.source);
	            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
	                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
	                throw new Error(msg);
	            }
	            if (ctx.implicitKey)
	                return `${src} `;
	        }
	        return src;
	    }
	};
	function getAliasCount(doc, node, anchors) {
	    if (identity.isAlias(node)) {
	        const source = node.resolve(doc);
	        const anchor = anchors && source && anchors.get(source);
	        return anchor ? anchor.count * anchor.aliasCount : 0;
	    }
	    else if (identity.isCollection(node)) {
	        let count = 0;
	        for (const item of node.items) {
	            const c = getAliasCount(doc, item, anchors);
	            if (c > count)
	                count = c;
	        }
	        return count;
	    }
	    else if (identity.isPair(node)) {
	        const kc = getAliasCount(doc, node.key, anchors);
	        const vc = getAliasCount(doc, node.value, anchors);
	        return Math.max(kc, vc);
	    }
	    return 1;
	}

	Alias.Alias = Alias$1;
	return Alias;
}

var Collection = {};

var createNode = {};

var Scalar = {};

var hasRequiredScalar;

function requireScalar () {
	if (hasRequiredScalar) return Scalar;
	hasRequiredScalar = 1;

	var identity = requireIdentity();
	var Node = requireNode();
	var toJS = requireToJS();

	const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
	let Scalar$1 = class Scalar extends Node.NodeBase {
	    constructor(value) {
	        super(identity.SCALAR);
	        this.value = value;
	    }
	    toJSON(arg, ctx) {
	        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
	    }
	    toString() {
	        return String(this.value);
	    }
	};
	Scalar$1.BLOCK_FOLDED = 'BLOCK_FOLDED';
	Scalar$1.BLOCK_LITERAL = 'BLOCK_LITERAL';
	Scalar$1.PLAIN = 'PLAIN';
	Scalar$1.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
	Scalar$1.QUOTE_SINGLE = 'QUOTE_SINGLE';

	Scalar.Scalar = Scalar$1;
	Scalar.isScalarValue = isScalarValue;
	return Scalar;
}

var hasRequiredCreateNode;

function requireCreateNode () {
	if (hasRequiredCreateNode) return createNode;
	hasRequiredCreateNode = 1;

	var Alias = requireAlias();
	var identity = requireIdentity();
	var Scalar = requireScalar();

	const defaultTagPrefix = 'tag:yaml.org,2002:';
	function findTagObject(value, tagName, tags) {
	    if (tagName) {
	        const match = tags.filter(t => t.tag === tagName);
	        const tagObj = match.find(t => !t.format) ?? match[0];
	        if (!tagObj)
	            throw new Error(`Tag ${tagName} not found`);
	        return tagObj;
	    }
	    return tags.find(t => t.identify?.(value) && !t.format);
	}
	function createNode$1(value, tagName, ctx) {
	    if (identity.isDocument(value))
	        value = value.contents;
	    if (identity.isNode(value))
	        return value;
	    if (identity.isPair(value)) {
	        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
	        map.items.push(value);
	        return map;
	    }
	    if (value instanceof String ||
	        value instanceof Number ||
	        value instanceof Boolean ||
	        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
	    ) {
	        // https://tc39.es/ecma262/#sec-serializejsonproperty
	        value = value.valueOf();
	    }
	    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
	    // Detect duplicate references to the same object & use Alias nodes for all
	    // after first. The `ref` wrapper allows for circular references to resolve.
	    let ref = undefined;
	    if (aliasDuplicateObjects && value && typeof value === 'object') {
	        ref = sourceObjects.get(value);
	        if (ref) {
	            ref.anchor ?? (ref.anchor = onAnchor(value));
	            return new Alias.Alias(ref.anchor);
	        }
	        else {
	            ref = { anchor: null, node: null };
	            sourceObjects.set(value, ref);
	        }
	    }
	    if (tagName?.startsWith('!!'))
	        tagName = defaultTagPrefix + tagName.slice(2);
	    let tagObj = findTagObject(value, tagName, schema.tags);
	    if (!tagObj) {
	        if (value && typeof value.toJSON === 'function') {
	            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
	            value = value.toJSON();
	        }
	        if (!value || typeof value !== 'object') {
	            const node = new Scalar.Scalar(value);
	            if (ref)
	                ref.node = node;
	            return node;
	        }
	        tagObj =
	            value instanceof Map
	                ? schema[identity.MAP]
	                : Symbol.iterator in Object(value)
	                    ? schema[identity.SEQ]
	                    : schema[identity.MAP];
	    }
	    if (onTagObj) {
	        onTagObj(tagObj);
	        delete ctx.onTagObj;
	    }
	    const node = tagObj?.createNode
	        ? tagObj.createNode(ctx.schema, value, ctx)
	        : typeof tagObj?.nodeClass?.from === 'function'
	            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
	            : new Scalar.Scalar(value);
	    if (tagName)
	        node.tag = tagName;
	    else if (!tagObj.default)
	        node.tag = tagObj.tag;
	    if (ref)
	        ref.node = node;
	    return node;
	}

	createNode.createNode = createNode$1;
	return createNode;
}

var hasRequiredCollection;

function requireCollection () {
	if (hasRequiredCollection) return Collection;
	hasRequiredCollection = 1;

	var createNode = requireCreateNode();
	var identity = requireIdentity();
	var Node = requireNode();

	function collectionFromPath(schema, path, value) {
	    let v = value;
	    for (let i = path.length - 1; i >= 0; --i) {
	        const k = path[i];
	        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
	            const a = [];
	            a[k] = v;
	            v = a;
	        }
	        else {
	            v = new Map([[k, v]]);
	        }
	    }
	    return createNode.createNode(v, undefined, {
	        aliasDuplicateObjects: false,
	        keepUndefined: false,
	        onAnchor: () => {
	            throw new Error('This should not happen, please report a bug.');
	        },
	        schema,
	        sourceObjects: new Map()
	    });
	}
	// Type guard is intentionally a little wrong so as to be more useful,
	// as it does not cover untypable empty non-string iterables (e.g. []).
	const isEmptyPath = (path) => path == null ||
	    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
	let Collection$1 = class Collection extends Node.NodeBase {
	    constructor(type, schema) {
	        super(type);
	        Object.defineProperty(this, 'schema', {
	            value: schema,
	            configurable: true,
	            enumerable: false,
	            writable: true
	        });
	    }
	    /**
	     * Create a copy of this collection.
	     *
	     * @param schema - If defined, overwrites the original's schema
	     */
	    clone(schema) {
	        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
	        if (schema)
	            copy.schema = schema;
	        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
	        if (this.range)
	            copy.range = this.range.slice();
	        return copy;
	    }
	    /**
	     * Adds a value to the collection. For `!!map` and `!!omap` the value must
	     * be a Pair instance or a `{ key, value }` object, which may not have a key
	     * that already exists in the map.
	     */
	    addIn(path, value) {
	        if (isEmptyPath(path))
	            this.add(value);
	        else {
	            const [key, ...rest] = path;
	            const node = this.get(key, true);
	            if (identity.isCollection(node))
	                node.addIn(rest, value);
	            else if (node === undefined && this.schema)
	                this.set(key, collectionFromPath(this.schema, rest, value));
	            else
	                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
	        }
	    }
	    /**
	     * Removes a value from the collection.
	     * @returns `true` if the item was found and removed.
	     */
	    deleteIn(path) {
	        const [key, ...rest] = path;
	        if (rest.length === 0)
	            return this.delete(key);
	        const node = this.get(key, true);
	        if (identity.isCollection(node))
	            return node.deleteIn(rest);
	        else
	            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
	    }
	    /**
	     * Returns item at `key`, or `undefined` if not found. By default unwraps
	     * scalar values from their surrounding node; to disable set `keepScalar` to
	     * `true` (collections are always returned intact).
	     */
	    getIn(path, keepScalar) {
	        const [key, ...rest] = path;
	        const node = this.get(key, true);
	        if (rest.length === 0)
	            return !keepScalar && identity.isScalar(node) ? node.value : node;
	        else
	            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
	    }
	    hasAllNullValues(allowScalar) {
	        return this.items.every(node => {
	            if (!identity.isPair(node))
	                return false;
	            const n = node.value;
	            return (n == null ||
	                (allowScalar &&
	                    identity.isScalar(n) &&
	                    n.value == null &&
	                    !n.commentBefore &&
	                    !n.comment &&
	                    !n.tag));
	        });
	    }
	    /**
	     * Checks if the collection includes a value with the key `key`.
	     */
	    hasIn(path) {
	        const [key, ...rest] = path;
	        if (rest.length === 0)
	            return this.has(key);
	        const node = this.get(key, true);
	        return identity.isCollection(node) ? node.hasIn(rest) : false;
	    }
	    /**
	     * Sets a value in this collection. For `!!set`, `value` needs to be a
	     * boolean to add/remove the item from the set.
	     */
	    setIn(path, value) {
	        const [key, ...rest] = path;
	        if (rest.length === 0) {
	            this.set(key, value);
	        }
	        else {
	            const node = this.get(key, true);
	            if (identity.isCollection(node))
	                node.setIn(rest, value);
	            else if (node === undefined && this.schema)
	                this.set(key, collectionFromPath(this.schema, rest, value));
	            else
	                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
	        }
	    }
	};

	Collection.Collection = Collection$1;
	Collection.collectionFromPath = collectionFromPath;
	Collection.isEmptyPath = isEmptyPath;
	return Collection;
}

var Pair = {};

var stringifyPair = {};

var stringify = {};

var stringifyComment = {};

var hasRequiredStringifyComment;

function requireStringifyComment () {
	if (hasRequiredStringifyComment) return stringifyComment;
	hasRequiredStringifyComment = 1;

	/**
	 * Stringifies a comment.
	 *
	 * Empty comment lines are left empty,
	 * lines consisting of a single space are replaced by `#`,
	 * and all other lines are prefixed with a `#`.
	 */
	const stringifyComment$1 = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
	function indentComment(comment, indent) {
	    if (/^\n+$/.test(comment))
	        return comment.substring(1);
	    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
	}
	const lineComment = (str, indent, comment) => str.endsWith('\n')
	    ? indentComment(comment, indent)
	    : comment.includes('\n')
	        ? '\n' + indentComment(comment, indent)
	        : (str.endsWith(' ') ? '' : ' ') + comment;

	stringifyComment.indentComment = indentComment;
	stringifyComment.lineComment = lineComment;
	stringifyComment.stringifyComment = stringifyComment$1;
	return stringifyComment;
}

var stringifyString = {};

var foldFlowLines = {};

var hasRequiredFoldFlowLines;

function requireFoldFlowLines () {
	if (hasRequiredFoldFlowLines) return foldFlowLines;
	hasRequiredFoldFlowLines = 1;

	const FOLD_FLOW = 'flow';
	const FOLD_BLOCK = 'block';
	const FOLD_QUOTED = 'quoted';
	/**
	 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
	 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
	 * terminated with `\n` and started with `indent`.
	 */
	function foldFlowLines$1(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
	    if (!lineWidth || lineWidth < 0)
	        return text;
	    if (lineWidth < minContentWidth)
	        minContentWidth = 0;
	    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
	    if (text.length <= endStep)
	        return text;
	    const folds = [];
	    const escapedFolds = {};
	    let end = lineWidth - indent.length;
	    if (typeof indentAtStart === 'number') {
	        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
	            folds.push(0);
	        else
	            end = lineWidth - indentAtStart;
	    }
	    let split = undefined;
	    let prev = undefined;
	    let overflow = false;
	    let i = -1;
	    let escStart = -1;
	    let escEnd = -1;
	    if (mode === FOLD_BLOCK) {
	        i = consumeMoreIndentedLines(text, i, indent.length);
	        if (i !== -1)
	            end = i + endStep;
	    }
	    for (let ch; (ch = text[(i += 1)]);) {
	        if (mode === FOLD_QUOTED && ch === '\\') {
	            escStart = i;
	            switch (text[i + 1]) {
	                case 'x':
	                    i += 3;
	                    break;
	                case 'u':
	                    i += 5;
	                    break;
	                case 'U':
	                    i += 9;
	                    break;
	                default:
	                    i += 1;
	            }
	            escEnd = i;
	        }
	        if (ch === '\n') {
	            if (mode === FOLD_BLOCK)
	                i = consumeMoreIndentedLines(text, i, indent.length);
	            end = i + indent.length + endStep;
	            split = undefined;
	        }
	        else {
	            if (ch === ' ' &&
	                prev &&
	                prev !== ' ' &&
	                prev !== '\n' &&
	                prev !== '\t') {
	                // space surrounded by non-space can be replaced with newline + indent
	                const next = text[i + 1];
	                if (next && next !== ' ' && next !== '\n' && next !== '\t')
	                    split = i;
	            }
	            if (i >= end) {
	                if (split) {
	                    folds.push(split);
	                    end = split + endStep;
	                    split = undefined;
	                }
	                else if (mode === FOLD_QUOTED) {
	                    // white-space collected at end may stretch past lineWidth
	                    while (prev === ' ' || prev === '\t') {
	                        prev = ch;
	                        ch = text[(i += 1)];
	                        overflow = true;
	                    }
	                    // Account for newline escape, but don't break preceding escape
	                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
	                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
	                    if (escapedFolds[j])
	                        return text;
	                    folds.push(j);
	                    escapedFolds[j] = true;
	                    end = j + endStep;
	                    split = undefined;
	                }
	                else {
	                    overflow = true;
	                }
	            }
	        }
	        prev = ch;
	    }
	    if (overflow && onOverflow)
	        onOverflow();
	    if (folds.length === 0)
	        return text;
	    if (onFold)
	        onFold();
	    let res = text.slice(0, folds[0]);
	    for (let i = 0; i < folds.length; ++i) {
	        const fold = folds[i];
	        const end = folds[i + 1] || text.length;
	        if (fold === 0)
	            res = `\n${indent}${text.slice(0, end)}`;
	        else {
	            if (mode === FOLD_QUOTED && escapedFolds[fold])
	                res += `${text[fold]}\\`;
	            res += `\n${indent}${text.slice(fold + 1, end)}`;
	        }
	    }
	    return res;
	}
	/**
	 * Presumes `i + 1` is at the start of a line
	 * @returns index of last newline in more-indented block
	 */
	function consumeMoreIndentedLines(text, i, indent) {
	    let end = i;
	    let start = i + 1;
	    let ch = text[start];
	    while (ch === ' ' || ch === '\t') {
	        if (i < start + indent) {
	            ch = text[++i];
	        }
	        else {
	            do {
	                ch = text[++i];
	            } while (ch && ch !== '\n');
	            end = i;
	            start = i + 1;
	            ch = text[start];
	        }
	    }
	    return end;
	}

	foldFlowLines.FOLD_BLOCK = FOLD_BLOCK;
	foldFlowLines.FOLD_FLOW = FOLD_FLOW;
	foldFlowLines.FOLD_QUOTED = FOLD_QUOTED;
	foldFlowLines.foldFlowLines = foldFlowLines$1;
	return foldFlowLines;
}

var hasRequiredStringifyString;

function requireStringifyString () {
	if (hasRequiredStringifyString) return stringifyString;
	hasRequiredStringifyString = 1;

	var Scalar = requireScalar();
	var foldFlowLines = requireFoldFlowLines();

	const getFoldOptions = (ctx, isBlock) => ({
	    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
	    lineWidth: ctx.options.lineWidth,
	    minContentWidth: ctx.options.minContentWidth
	});
	// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
	// presume that's starting a new document.
	const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
	function lineLengthOverLimit(str, lineWidth, indentLength) {
	    if (!lineWidth || lineWidth < 0)
	        return false;
	    const limit = lineWidth - indentLength;
	    const strLen = str.length;
	    if (strLen <= limit)
	        return false;
	    for (let i = 0, start = 0; i < strLen; ++i) {
	        if (str[i] === '\n') {
	            if (i - start > limit)
	                return true;
	            start = i + 1;
	            if (strLen - start <= limit)
	                return false;
	        }
	    }
	    return true;
	}
	function doubleQuotedString(value, ctx) {
	    const json = JSON.stringify(value);
	    if (ctx.options.doubleQuotedAsJSON)
	        return json;
	    const { implicitKey } = ctx;
	    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
	    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
	    let str = '';
	    let start = 0;
	    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
	        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
	            // space before newline needs to be escaped to not be folded
	            str += json.slice(start, i) + '\\ ';
	            i += 1;
	            start = i;
	            ch = '\\';
	        }
	        if (ch === '\\')
	            switch (json[i + 1]) {
	                case 'u':
	                    {
	                        str += json.slice(start, i);
	                        const code = json.substr(i + 2, 4);
	                        switch (code) {
	                            case '0000':
	                                str += '\\0';
	                                break;
	                            case '0007':
	                                str += '\\a';
	                                break;
	                            case '000b':
	                                str += '\\v';
	                                break;
	                            case '001b':
	                                str += '\\e';
	                                break;
	                            case '0085':
	                                str += '\\N';
	                                break;
	                            case '00a0':
	                                str += '\\_';
	                                break;
	                            case '2028':
	                                str += '\\L';
	                                break;
	                            case '2029':
	                                str += '\\P';
	                                break;
	                            default:
	                                if (code.substr(0, 2) === '00')
	                                    str += '\\x' + code.substr(2);
	                                else
	                                    str += json.substr(i, 6);
	                        }
	                        i += 5;
	                        start = i + 1;
	                    }
	                    break;
	                case 'n':
	                    if (implicitKey ||
	                        json[i + 2] === '"' ||
	                        json.length < minMultiLineLength) {
	                        i += 1;
	                    }
	                    else {
	                        // folding will eat first newline
	                        str += json.slice(start, i) + '\n\n';
	                        while (json[i + 2] === '\\' &&
	                            json[i + 3] === 'n' &&
	                            json[i + 4] !== '"') {
	                            str += '\n';
	                            i += 2;
	                        }
	                        str += indent;
	                        // space after newline needs to be escaped to not be folded
	                        if (json[i + 2] === ' ')
	                            str += '\\';
	                        i += 1;
	                        start = i + 1;
	                    }
	                    break;
	                default:
	                    i += 1;
	            }
	    }
	    str = start ? str + json.slice(start) : json;
	    return implicitKey
	        ? str
	        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
	}
	function singleQuotedString(value, ctx) {
	    if (ctx.options.singleQuote === false ||
	        (ctx.implicitKey && value.includes('\n')) ||
	        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
	    )
	        return doubleQuotedString(value, ctx);
	    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
	    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
	    return ctx.implicitKey
	        ? res
	        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
	}
	function quotedString(value, ctx) {
	    const { singleQuote } = ctx.options;
	    let qs;
	    if (singleQuote === false)
	        qs = doubleQuotedString;
	    else {
	        const hasDouble = value.includes('"');
	        const hasSingle = value.includes("'");
	        if (hasDouble && !hasSingle)
	            qs = singleQuotedString;
	        else if (hasSingle && !hasDouble)
	            qs = doubleQuotedString;
	        else
	            qs = singleQuote ? singleQuotedString : doubleQuotedString;
	    }
	    return qs(value, ctx);
	}
	// The negative lookbehind avoids a polynomial search,
	// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
	let blockEndNewlines;
	try {
	    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
	}
	catch {
	    blockEndNewlines = /\n+(?!\n|$)/g;
	}
	function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
	    const { blockQuote, commentString, lineWidth } = ctx.options;
	    // 1. Block can't end in whitespace unless the last line is non-empty.
	    // 2. Strings consisting of only whitespace are best rendered explicitly.
	    if (!blockQuote || /\n[\t ]+$/.test(value)) {
	        return quotedString(value, ctx);
	    }
	    const indent = ctx.indent ||
	        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
	    const literal = blockQuote === 'literal'
	        ? true
	        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
	            ? false
	            : type === Scalar.Scalar.BLOCK_LITERAL
	                ? true
	                : !lineLengthOverLimit(value, lineWidth, indent.length);
	    if (!value)
	        return literal ? '|\n' : '>\n';
	    // determine chomping from whitespace at value end
	    let chomp;
	    let endStart;
	    for (endStart = value.length; endStart > 0; --endStart) {
	        const ch = value[endStart - 1];
	        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
	            break;
	    }
	    let end = value.substring(endStart);
	    const endNlPos = end.indexOf('\n');
	    if (endNlPos === -1) {
	        chomp = '-'; // strip
	    }
	    else if (value === end || endNlPos !== end.length - 1) {
	        chomp = '+'; // keep
	        if (onChompKeep)
	            onChompKeep();
	    }
	    else {
	        chomp = ''; // clip
	    }
	    if (end) {
	        value = value.slice(0, -end.length);
	        if (end[end.length - 1] === '\n')
	            end = end.slice(0, -1);
	        end = end.replace(blockEndNewlines, `$&${indent}`);
	    }
	    // determine indent indicator from whitespace at value start
	    let startWithSpace = false;
	    let startEnd;
	    let startNlPos = -1;
	    for (startEnd = 0; startEnd < value.length; ++startEnd) {
	        const ch = value[startEnd];
	        if (ch === ' ')
	            startWithSpace = true;
	        else if (ch === '\n')
	            startNlPos = startEnd;
	        else
	            break;
	    }
	    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
	    if (start) {
	        value = value.substring(start.length);
	        start = start.replace(/\n+/g, `$&${indent}`);
	    }
	    const indentSize = indent ? '2' : '1'; // root is at -1
	    // Leading | or > is added later
	    let header = (startWithSpace ? indentSize : '') + chomp;
	    if (comment) {
	        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
	        if (onComment)
	            onComment();
	    }
	    if (!literal) {
	        const foldedValue = value
	            .replace(/\n+/g, '\n$&')
	            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
	            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
	            .replace(/\n+/g, `$&${indent}`);
	        let literalFallback = false;
	        const foldOptions = getFoldOptions(ctx, true);
	        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
	            foldOptions.onOverflow = () => {
	                literalFallback = true;
	            };
	        }
	        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
	        if (!literalFallback)
	            return `>${header}\n${indent}${body}`;
	    }
	    value = value.replace(/\n+/g, `$&${indent}`);
	    return `|${header}\n${indent}${start}${value}${end}`;
	}
	function plainString(item, ctx, onComment, onChompKeep) {
	    const { type, value } = item;
	    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
	    if ((implicitKey && value.includes('\n')) ||
	        (inFlow && /[[\]{},]/.test(value))) {
	        return quotedString(value, ctx);
	    }
	    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
	        // not allowed:
	        // - '-' or '?'
	        // - start with an indicator character (except [?:-]) or /[?-] /
	        // - '\n ', ': ' or ' \n' anywhere
	        // - '#' not preceded by a non-space char
	        // - end with ' ' or ':'
	        return implicitKey || inFlow || !value.includes('\n')
	            ? quotedString(value, ctx)
	            : blockString(item, ctx, onComment, onChompKeep);
	    }
	    if (!implicitKey &&
	        !inFlow &&
	        type !== Scalar.Scalar.PLAIN &&
	        value.includes('\n')) {
	        // Where allowed & type not set explicitly, prefer block style for multiline strings
	        return blockString(item, ctx, onComment, onChompKeep);
	    }
	    if (containsDocumentMarker(value)) {
	        if (indent === '') {
	            ctx.forceBlockIndent = true;
	            return blockString(item, ctx, onComment, onChompKeep);
	        }
	        else if (implicitKey && indent === indentStep) {
	            return quotedString(value, ctx);
	        }
	    }
	    const str = value.replace(/\n+/g, `$&\n${indent}`);
	    // Verify that output will be parsed as a string, as e.g. plain numbers and
	    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
	    // and others in v1.1.
	    if (actualString) {
	        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
	        const { compat, tags } = ctx.doc.schema;
	        if (tags.some(test) || compat?.some(test))
	            return quotedString(value, ctx);
	    }
	    return implicitKey
	        ? str
	        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
	}
	function stringifyString$1(item, ctx, onComment, onChompKeep) {
	    const { implicitKey, inFlow } = ctx;
	    const ss = typeof item.value === 'string'
	        ? item
	        : Object.assign({}, item, { value: String(item.value) });
	    let { type } = item;
	    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
	        // force double quotes on control characters & unpaired surrogates
	        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
	            type = Scalar.Scalar.QUOTE_DOUBLE;
	    }
	    const _stringify = (_type) => {
	        switch (_type) {
	            case Scalar.Scalar.BLOCK_FOLDED:
	            case Scalar.Scalar.BLOCK_LITERAL:
	                return implicitKey || inFlow
	                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
	                    : blockString(ss, ctx, onComment, onChompKeep);
	            case Scalar.Scalar.QUOTE_DOUBLE:
	                return doubleQuotedString(ss.value, ctx);
	            case Scalar.Scalar.QUOTE_SINGLE:
	                return singleQuotedString(ss.value, ctx);
	            case Scalar.Scalar.PLAIN:
	                return plainString(ss, ctx, onComment, onChompKeep);
	            default:
	                return null;
	        }
	    };
	    let res = _stringify(type);
	    if (res === null) {
	        const { defaultKeyType, defaultStringType } = ctx.options;
	        const t = (implicitKey && defaultKeyType) || defaultStringType;
	        res = _stringify(t);
	        if (res === null)
	            throw new Error(`Unsupported default string type ${t}`);
	    }
	    return res;
	}

	stringifyString.stringifyString = stringifyString$1;
	return stringifyString;
}

var hasRequiredStringify;

function requireStringify () {
	if (hasRequiredStringify) return stringify;
	hasRequiredStringify = 1;

	var anchors = requireAnchors();
	var identity = requireIdentity();
	var stringifyComment = requireStringifyComment();
	var stringifyString = requireStringifyString();

	function createStringifyContext(doc, options) {
	    const opt = Object.assign({
	        blockQuote: true,
	        commentString: stringifyComment.stringifyComment,
	        defaultKeyType: null,
	        defaultStringType: 'PLAIN',
	        directives: null,
	        doubleQuotedAsJSON: false,
	        doubleQuotedMinMultiLineLength: 40,
	        falseStr: 'false',
	        flowCollectionPadding: true,
	        indentSeq: true,
	        lineWidth: 80,
	        minContentWidth: 20,
	        nullStr: 'null',
	        simpleKeys: false,
	        singleQuote: null,
	        trailingComma: false,
	        trueStr: 'true',
	        verifyAliasOrder: true
	    }, doc.schema.toStringOptions, options);
	    let inFlow;
	    switch (opt.collectionStyle) {
	        case 'block':
	            inFlow = false;
	            break;
	        case 'flow':
	            inFlow = true;
	            break;
	        default:
	            inFlow = null;
	    }
	    return {
	        anchors: new Set(),
	        doc,
	        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
	        indent: '',
	        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
	        inFlow,
	        options: opt
	    };
	}
	function getTagObject(tags, item) {
	    if (item.tag) {
	        const match = tags.filter(t => t.tag === item.tag);
	        if (match.length > 0)
	            return match.find(t => t.format === item.format) ?? match[0];
	    }
	    let tagObj = undefined;
	    let obj;
	    if (identity.isScalar(item)) {
	        obj = item.value;
	        let match = tags.filter(t => t.identify?.(obj));
	        if (match.length > 1) {
	            const testMatch = match.filter(t => t.test);
	            if (testMatch.length > 0)
	                match = testMatch;
	        }
	        tagObj =
	            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
	    }
	    else {
	        obj = item;
	        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
	    }
	    if (!tagObj) {
	        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
	        throw new Error(`Tag not resolved for ${name} value`);
	    }
	    return tagObj;
	}
	// needs to be called before value stringifier to allow for circular anchor refs
	function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
	    if (!doc.directives)
	        return '';
	    const props = [];
	    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
	    if (anchor && anchors.anchorIsValid(anchor)) {
	        anchors$1.add(anchor);
	        props.push(`&${anchor}`);
	    }
	    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
	    if (tag)
	        props.push(doc.directives.tagString(tag));
	    return props.join(' ');
	}
	function stringify$1(item, ctx, onComment, onChompKeep) {
	    if (identity.isPair(item))
	        return item.toString(ctx, onComment, onChompKeep);
	    if (identity.isAlias(item)) {
	        if (ctx.doc.directives)
	            return item.toString(ctx);
	        if (ctx.resolvedAliases?.has(item)) {
	            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
	        }
	        else {
	            if (ctx.resolvedAliases)
	                ctx.resolvedAliases.add(item);
	            else
	                ctx.resolvedAliases = new Set([item]);
	            item = item.resolve(ctx.doc);
	        }
	    }
	    let tagObj = undefined;
	    const node = identity.isNode(item)
	        ? item
	        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
	    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
	    const props = stringifyProps(node, tagObj, ctx);
	    if (props.length > 0)
	        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
	    const str = typeof tagObj.stringify === 'function'
	        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
	        : identity.isScalar(node)
	            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
	            : node.toString(ctx, onComment, onChompKeep);
	    if (!props)
	        return str;
	    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
	        ? `${props} ${str}`
	        : `${props}\n${ctx.indent}${str}`;
	}

	stringify.createStringifyContext = createStringifyContext;
	stringify.stringify = stringify$1;
	return stringify;
}

var hasRequiredStringifyPair;

function requireStringifyPair () {
	if (hasRequiredStringifyPair) return stringifyPair;
	hasRequiredStringifyPair = 1;

	var identity = requireIdentity();
	var Scalar = requireScalar();
	var stringify = requireStringify();
	var stringifyComment = requireStringifyComment();

	function stringifyPair$1({ key, value }, ctx, onComment, onChompKeep) {
	    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
	    let keyComment = (identity.isNode(key) && key.comment) || null;
	    if (simpleKeys) {
	        if (keyComment) {
	            throw new Error('With simple keys, key nodes cannot have comments');
	        }
	        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
	            const msg = 'With simple keys, collection cannot be used as a key value';
	            throw new Error(msg);
	        }
	    }
	    let explicitKey = !simpleKeys &&
	        (!key ||
	            (keyComment && value == null && !ctx.inFlow) ||
	            identity.isCollection(key) ||
	            (identity.isScalar(key)
	                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
	                : typeof key === 'object'));
	    ctx = Object.assign({}, ctx, {
	        allNullValues: false,
	        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
	        indent: indent + indentStep
	    });
	    let keyCommentDone = false;
	    let chompKeep = false;
	    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
	    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
	        if (simpleKeys)
	            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
	        explicitKey = true;
	    }
	    if (ctx.inFlow) {
	        if (allNullValues || value == null) {
	            if (keyCommentDone && onComment)
	                onComment();
	            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
	        }
	    }
	    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
	        str = `? ${str}`;
	        if (keyComment && !keyCommentDone) {
	            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
	        }
	        else if (chompKeep && onChompKeep)
	            onChompKeep();
	        return str;
	    }
	    if (keyCommentDone)
	        keyComment = null;
	    if (explicitKey) {
	        if (keyComment)
	            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
	        str = `? ${str}\n${indent}:`;
	    }
	    else {
	        str = `${str}:`;
	        if (keyComment)
	            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
	    }
	    let vsb, vcb, valueComment;
	    if (identity.isNode(value)) {
	        vsb = !!value.spaceBefore;
	        vcb = value.commentBefore;
	        valueComment = value.comment;
	    }
	    else {
	        vsb = false;
	        vcb = null;
	        valueComment = null;
	        if (value && typeof value === 'object')
	            value = doc.createNode(value);
	    }
	    ctx.implicitKey = false;
	    if (!explicitKey && !keyComment && identity.isScalar(value))
	        ctx.indentAtStart = str.length + 1;
	    chompKeep = false;
	    if (!indentSeq &&
	        indentStep.length >= 2 &&
	        !ctx.inFlow &&
	        !explicitKey &&
	        identity.isSeq(value) &&
	        !value.flow &&
	        !value.tag &&
	        !value.anchor) {
	        // If indentSeq === false, consider '- ' as part of indentation where possible
	        ctx.indent = ctx.indent.substring(2);
	    }
	    let valueCommentDone = false;
	    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
	    let ws = ' ';
	    if (keyComment || vsb || vcb) {
	        ws = vsb ? '\n' : '';
	        if (vcb) {
	            const cs = commentString(vcb);
	            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
	        }
	        if (valueStr === '' && !ctx.inFlow) {
	            if (ws === '\n' && valueComment)
	                ws = '\n\n';
	        }
	        else {
	            ws += `\n${ctx.indent}`;
	        }
	    }
	    else if (!explicitKey && identity.isCollection(value)) {
	        const vs0 = valueStr[0];
	        const nl0 = valueStr.indexOf('\n');
	        const hasNewline = nl0 !== -1;
	        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
	        if (hasNewline || !flow) {
	            let hasPropsLine = false;
	            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
	                let sp0 = valueStr.indexOf(' ');
	                if (vs0 === '&' &&
	                    sp0 !== -1 &&
	                    sp0 < nl0 &&
	                    valueStr[sp0 + 1] === '!') {
	                    sp0 = valueStr.indexOf(' ', sp0 + 1);
	                }
	                if (sp0 === -1 || nl0 < sp0)
	                    hasPropsLine = true;
	            }
	            if (!hasPropsLine)
	                ws = `\n${ctx.indent}`;
	        }
	    }
	    else if (valueStr === '' || valueStr[0] === '\n') {
	        ws = '';
	    }
	    str += ws + valueStr;
	    if (ctx.inFlow) {
	        if (valueCommentDone && onComment)
	            onComment();
	    }
	    else if (valueComment && !valueCommentDone) {
	        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
	    }
	    else if (chompKeep && onChompKeep) {
	        onChompKeep();
	    }
	    return str;
	}

	stringifyPair.stringifyPair = stringifyPair$1;
	return stringifyPair;
}

var addPairToJSMap = {};

var log$1 = {};

var hasRequiredLog;

function requireLog () {
	if (hasRequiredLog) return log$1;
	hasRequiredLog = 1;

	var node_process = require$$0;

	function debug(logLevel, ...messages) {
	    if (logLevel === 'debug')
	        console.log(...messages);
	}
	function warn(logLevel, warning) {
	    if (logLevel === 'debug' || logLevel === 'warn') {
	        if (typeof node_process.emitWarning === 'function')
	            node_process.emitWarning(warning);
	        else
	            console.warn(warning);
	    }
	}

	log$1.debug = debug;
	log$1.warn = warn;
	return log$1;
}

var merge = {};

var hasRequiredMerge;

function requireMerge () {
	if (hasRequiredMerge) return merge;
	hasRequiredMerge = 1;

	var identity = requireIdentity();
	var Scalar = requireScalar();

	// If the value associated with a merge key is a single mapping node, each of
	// its key/value pairs is inserted into the current mapping, unless the key
	// already exists in it. If the value associated with the merge key is a
	// sequence, then this sequence is expected to contain mapping nodes and each
	// of these nodes is merged in turn according to its order in the sequence.
	// Keys in mapping nodes earlier in the sequence override keys specified in
	// later mapping nodes. -- http://yaml.org/type/merge.html
	const MERGE_KEY = '<<';
	const merge$1 = {
	    identify: value => value === MERGE_KEY ||
	        (typeof value === 'symbol' && value.description === MERGE_KEY),
	    default: 'key',
	    tag: 'tag:yaml.org,2002:merge',
	    test: /^<<$/,
	    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
	        addToJSMap: addMergeToJSMap
	    }),
	    stringify: () => MERGE_KEY
	};
	const isMergeKey = (ctx, key) => (merge$1.identify(key) ||
	    (identity.isScalar(key) &&
	        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
	        merge$1.identify(key.value))) &&
	    ctx?.doc.schema.tags.some(tag => tag.tag === merge$1.tag && tag.default);
	function addMergeToJSMap(ctx, map, value) {
	    const source = resolveAliasValue(ctx, value);
	    if (identity.isSeq(source))
	        for (const it of source.items)
	            mergeValue(ctx, map, it);
	    else if (Array.isArray(source))
	        for (const it of source)
	            mergeValue(ctx, map, it);
	    else
	        mergeValue(ctx, map, source);
	}
	function mergeValue(ctx, map, value) {
	    const source = resolveAliasValue(ctx, value);
	    if (!identity.isMap(source))
	        throw new Error('Merge sources must be maps or map aliases');
	    const srcMap = source.toJSON(null, ctx, Map);
	    for (const [key, value] of srcMap) {
	        if (map instanceof Map) {
	            if (!map.has(key))
	                map.set(key, value);
	        }
	        else if (map instanceof Set) {
	            map.add(key);
	        }
	        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
	            Object.defineProperty(map, key, {
	                value,
	                writable: true,
	                enumerable: true,
	                configurable: true
	            });
	        }
	    }
	    return map;
	}
	function resolveAliasValue(ctx, value) {
	    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
	}

	merge.addMergeToJSMap = addMergeToJSMap;
	merge.isMergeKey = isMergeKey;
	merge.merge = merge$1;
	return merge;
}

var hasRequiredAddPairToJSMap;

function requireAddPairToJSMap () {
	if (hasRequiredAddPairToJSMap) return addPairToJSMap;
	hasRequiredAddPairToJSMap = 1;

	var log = requireLog();
	var merge = requireMerge();
	var stringify = requireStringify();
	var identity = requireIdentity();
	var toJS = requireToJS();

	function addPairToJSMap$1(ctx, map, { key, value }) {
	    if (identity.isNode(key) && key.addToJSMap)
	        key.addToJSMap(ctx, map, value);
	    // TODO: Should drop this special case for bare << handling
	    else if (merge.isMergeKey(ctx, key))
	        merge.addMergeToJSMap(ctx, map, value);
	    else {
	        const jsKey = toJS.toJS(key, '', ctx);
	        if (map instanceof Map) {
	            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
	        }
	        else if (map instanceof Set) {
	            map.add(jsKey);
	        }
	        else {
	            const stringKey = stringifyKey(key, jsKey, ctx);
	            const jsValue = toJS.toJS(value, stringKey, ctx);
	            if (stringKey in map)
	                Object.defineProperty(map, stringKey, {
	                    value: jsValue,
	                    writable: true,
	                    enumerable: true,
	                    configurable: true
	                });
	            else
	                map[stringKey] = jsValue;
	        }
	    }
	    return map;
	}
	function stringifyKey(key, jsKey, ctx) {
	    if (jsKey === null)
	        return '';
	    // eslint-disable-next-line @typescript-eslint/no-base-to-string
	    if (typeof jsKey !== 'object')
	        return String(jsKey);
	    if (identity.isNode(key) && ctx?.doc) {
	        const strCtx = stringify.createStringifyContext(ctx.doc, {});
	        strCtx.anchors = new Set();
	        for (const node of ctx.anchors.keys())
	            strCtx.anchors.add(node.anchor);
	        strCtx.inFlow = true;
	        strCtx.inStringifyKey = true;
	        const strKey = key.toString(strCtx);
	        if (!ctx.mapKeyWarned) {
	            let jsonStr = JSON.stringify(strKey);
	            if (jsonStr.length > 40)
	                jsonStr = jsonStr.substring(0, 36) + '..."';
	            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
	            ctx.mapKeyWarned = true;
	        }
	        return strKey;
	    }
	    return JSON.stringify(jsKey);
	}

	addPairToJSMap.addPairToJSMap = addPairToJSMap$1;
	return addPairToJSMap;
}

var hasRequiredPair;

function requirePair () {
	if (hasRequiredPair) return Pair;
	hasRequiredPair = 1;

	var createNode = requireCreateNode();
	var stringifyPair = requireStringifyPair();
	var addPairToJSMap = requireAddPairToJSMap();
	var identity = requireIdentity();

	function createPair(key, value, ctx) {
	    const k = createNode.createNode(key, undefined, ctx);
	    const v = createNode.createNode(value, undefined, ctx);
	    return new Pair$1(k, v);
	}
	let Pair$1 = class Pair {
	    constructor(key, value = null) {
	        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
	        this.key = key;
	        this.value = value;
	    }
	    clone(schema) {
	        let { key, value } = this;
	        if (identity.isNode(key))
	            key = key.clone(schema);
	        if (identity.isNode(value))
	            value = value.clone(schema);
	        return new Pair(key, value);
	    }
	    toJSON(_, ctx) {
	        const pair = ctx?.mapAsMap ? new Map() : {};
	        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
	    }
	    toString(ctx, onComment, onChompKeep) {
	        return ctx?.doc
	            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
	            : JSON.stringify(this);
	    }
	};

	Pair.Pair = Pair$1;
	Pair.createPair = createPair;
	return Pair;
}

var Schema = {};

var map = {};

var YAMLMap = {};

var stringifyCollection = {};

var hasRequiredStringifyCollection;

function requireStringifyCollection () {
	if (hasRequiredStringifyCollection) return stringifyCollection;
	hasRequiredStringifyCollection = 1;

	var identity = requireIdentity();
	var stringify = requireStringify();
	var stringifyComment = requireStringifyComment();

	function stringifyCollection$1(collection, ctx, options) {
	    const flow = ctx.inFlow ?? collection.flow;
	    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
	    return stringify(collection, ctx, options);
	}
	function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
	    const { indent, options: { commentString } } = ctx;
	    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
	    let chompKeep = false; // flag for the preceding node's status
	    const lines = [];
	    for (let i = 0; i < items.length; ++i) {
	        const item = items[i];
	        let comment = null;
	        if (identity.isNode(item)) {
	            if (!chompKeep && item.spaceBefore)
	                lines.push('');
	            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
	            if (item.comment)
	                comment = item.comment;
	        }
	        else if (identity.isPair(item)) {
	            const ik = identity.isNode(item.key) ? item.key : null;
	            if (ik) {
	                if (!chompKeep && ik.spaceBefore)
	                    lines.push('');
	                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
	            }
	        }
	        chompKeep = false;
	        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
	        if (comment)
	            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
	        if (chompKeep && comment)
	            chompKeep = false;
	        lines.push(blockItemPrefix + str);
	    }
	    let str;
	    if (lines.length === 0) {
	        str = flowChars.start + flowChars.end;
	    }
	    else {
	        str = lines[0];
	        for (let i = 1; i < lines.length; ++i) {
	            const line = lines[i];
	            str += line ? `\n${indent}${line}` : '\n';
	        }
	    }
	    if (comment) {
	        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
	        if (onComment)
	            onComment();
	    }
	    else if (chompKeep && onChompKeep)
	        onChompKeep();
	    return str;
	}
	function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
	    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
	    itemIndent += indentStep;
	    const itemCtx = Object.assign({}, ctx, {
	        indent: itemIndent,
	        inFlow: true,
	        type: null
	    });
	    let reqNewline = false;
	    let linesAtValue = 0;
	    const lines = [];
	    for (let i = 0; i < items.length; ++i) {
	        const item = items[i];
	        let comment = null;
	        if (identity.isNode(item)) {
	            if (item.spaceBefore)
	                lines.push('');
	            addCommentBefore(ctx, lines, item.commentBefore, false);
	            if (item.comment)
	                comment = item.comment;
	        }
	        else if (identity.isPair(item)) {
	            const ik = identity.isNode(item.key) ? item.key : null;
	            if (ik) {
	                if (ik.spaceBefore)
	                    lines.push('');
	                addCommentBefore(ctx, lines, ik.commentBefore, false);
	                if (ik.comment)
	                    reqNewline = true;
	            }
	            const iv = identity.isNode(item.value) ? item.value : null;
	            if (iv) {
	                if (iv.comment)
	                    comment = iv.comment;
	                if (iv.commentBefore)
	                    reqNewline = true;
	            }
	            else if (item.value == null && ik?.comment) {
	                comment = ik.comment;
	            }
	        }
	        if (comment)
	            reqNewline = true;
	        let str = stringify.stringify(item, itemCtx, () => (comment = null));
	        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
	        if (i < items.length - 1) {
	            str += ',';
	        }
	        else if (ctx.options.trailingComma) {
	            if (ctx.options.lineWidth > 0) {
	                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
	                    (str.length + 2) >
	                    ctx.options.lineWidth);
	            }
	            if (reqNewline) {
	                str += ',';
	            }
	        }
	        if (comment)
	            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
	        lines.push(str);
	        linesAtValue = lines.length;
	    }
	    const { start, end } = flowChars;
	    if (lines.length === 0) {
	        return start + end;
	    }
	    else {
	        if (!reqNewline) {
	            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
	            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
	        }
	        if (reqNewline) {
	            let str = start;
	            for (const line of lines)
	                str += line ? `\n${indentStep}${indent}${line}` : '\n';
	            return `${str}\n${indent}${end}`;
	        }
	        else {
	            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
	        }
	    }
	}
	function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
	    if (comment && chompKeep)
	        comment = comment.replace(/^\n+/, '');
	    if (comment) {
	        const ic = stringifyComment.indentComment(commentString(comment), indent);
	        lines.push(ic.trimStart()); // Avoid double indent on first line
	    }
	}

	stringifyCollection.stringifyCollection = stringifyCollection$1;
	return stringifyCollection;
}

var hasRequiredYAMLMap;

function requireYAMLMap () {
	if (hasRequiredYAMLMap) return YAMLMap;
	hasRequiredYAMLMap = 1;

	var stringifyCollection = requireStringifyCollection();
	var addPairToJSMap = requireAddPairToJSMap();
	var Collection = requireCollection();
	var identity = requireIdentity();
	var Pair = requirePair();
	var Scalar = requireScalar();

	function findPair(items, key) {
	    const k = identity.isScalar(key) ? key.value : key;
	    for (const it of items) {
	        if (identity.isPair(it)) {
	            if (it.key === key || it.key === k)
	                return it;
	            if (identity.isScalar(it.key) && it.key.value === k)
	                return it;
	        }
	    }
	    return undefined;
	}
	let YAMLMap$1 = class YAMLMap extends Collection.Collection {
	    static get tagName() {
	        return 'tag:yaml.org,2002:map';
	    }
	    constructor(schema) {
	        super(identity.MAP, schema);
	        this.items = [];
	    }
	    /**
	     * A generic collection parsing method that can be extended
	     * to other node classes that inherit from YAMLMap
	     */
	    static from(schema, obj, ctx) {
	        const { keepUndefined, replacer } = ctx;
	        const map = new this(schema);
	        const add = (key, value) => {
	            if (typeof replacer === 'function')
	                value = replacer.call(obj, key, value);
	            else if (Array.isArray(replacer) && !replacer.includes(key))
	                return;
	            if (value !== undefined || keepUndefined)
	                map.items.push(Pair.createPair(key, value, ctx));
	        };
	        if (obj instanceof Map) {
	            for (const [key, value] of obj)
	                add(key, value);
	        }
	        else if (obj && typeof obj === 'object') {
	            for (const key of Object.keys(obj))
	                add(key, obj[key]);
	        }
	        if (typeof schema.sortMapEntries === 'function') {
	            map.items.sort(schema.sortMapEntries);
	        }
	        return map;
	    }
	    /**
	     * Adds a value to the collection.
	     *
	     * @param overwrite - If not set `true`, using a key that is already in the
	     *   collection will throw. Otherwise, overwrites the previous value.
	     */
	    add(pair, overwrite) {
	        let _pair;
	        if (identity.isPair(pair))
	            _pair = pair;
	        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
	            // In TypeScript, this never happens.
	            _pair = new Pair.Pair(pair, pair?.value);
	        }
	        else
	            _pair = new Pair.Pair(pair.key, pair.value);
	        const prev = findPair(this.items, _pair.key);
	        const sortEntries = this.schema?.sortMapEntries;
	        if (prev) {
	            if (!overwrite)
	                throw new Error(`Key ${_pair.key} already set`);
	            // For scalars, keep the old node & its comments and anchors
	            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
	                prev.value.value = _pair.value;
	            else
	                prev.value = _pair.value;
	        }
	        else if (sortEntries) {
	            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
	            if (i === -1)
	                this.items.push(_pair);
	            else
	                this.items.splice(i, 0, _pair);
	        }
	        else {
	            this.items.push(_pair);
	        }
	    }
	    delete(key) {
	        const it = findPair(this.items, key);
	        if (!it)
	            return false;
	        const del = this.items.splice(this.items.indexOf(it), 1);
	        return del.length > 0;
	    }
	    get(key, keepScalar) {
	        const it = findPair(this.items, key);
	        const node = it?.value;
	        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
	    }
	    has(key) {
	        return !!findPair(this.items, key);
	    }
	    set(key, value) {
	        this.add(new Pair.Pair(key, value), true);
	    }
	    /**
	     * @param ctx - Conversion context, originally set in Document#toJS()
	     * @param {Class} Type - If set, forces the returned collection type
	     * @returns Instance of Type, Map, or Object
	     */
	    toJSON(_, ctx, Type) {
	        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
	        if (ctx?.onCreate)
	            ctx.onCreate(map);
	        for (const item of this.items)
	            addPairToJSMap.addPairToJSMap(ctx, map, item);
	        return map;
	    }
	    toString(ctx, onComment, onChompKeep) {
	        if (!ctx)
	            return JSON.stringify(this);
	        for (const item of this.items) {
	            if (!identity.isPair(item))
	                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
	        }
	        if (!ctx.allNullValues && this.hasAllNullValues(false))
	            ctx = Object.assign({}, ctx, { allNullValues: true });
	        return stringifyCollection.stringifyCollection(this, ctx, {
	            blockItemPrefix: '',
	            flowChars: { start: '{', end: '}' },
	            itemIndent: ctx.indent || '',
	            onChompKeep,
	            onComment
	        });
	    }
	};

	YAMLMap.YAMLMap = YAMLMap$1;
	YAMLMap.findPair = findPair;
	return YAMLMap;
}

var hasRequiredMap;

function requireMap () {
	if (hasRequiredMap) return map;
	hasRequiredMap = 1;

	var identity = requireIdentity();
	var YAMLMap = requireYAMLMap();

	const map$1 = {
	    collection: 'map',
	    default: true,
	    nodeClass: YAMLMap.YAMLMap,
	    tag: 'tag:yaml.org,2002:map',
	    resolve(map, onError) {
	        if (!identity.isMap(map))
	            onError('Expected a mapping for this tag');
	        return map;
	    },
	    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
	};

	map.map = map$1;
	return map;
}

var seq = {};

var YAMLSeq = {};

var hasRequiredYAMLSeq;

function requireYAMLSeq () {
	if (hasRequiredYAMLSeq) return YAMLSeq;
	hasRequiredYAMLSeq = 1;

	var createNode = requireCreateNode();
	var stringifyCollection = requireStringifyCollection();
	var Collection = requireCollection();
	var identity = requireIdentity();
	var Scalar = requireScalar();
	var toJS = requireToJS();

	let YAMLSeq$1 = class YAMLSeq extends Collection.Collection {
	    static get tagName() {
	        return 'tag:yaml.org,2002:seq';
	    }
	    constructor(schema) {
	        super(identity.SEQ, schema);
	        this.items = [];
	    }
	    add(value) {
	        this.items.push(value);
	    }
	    /**
	     * Removes a value from the collection.
	     *
	     * `key` must contain a representation of an integer for this to succeed.
	     * It may be wrapped in a `Scalar`.
	     *
	     * @returns `true` if the item was found and removed.
	     */
	    delete(key) {
	        const idx = asItemIndex(key);
	        if (typeof idx !== 'number')
	            return false;
	        const del = this.items.splice(idx, 1);
	        return del.length > 0;
	    }
	    get(key, keepScalar) {
	        const idx = asItemIndex(key);
	        if (typeof idx !== 'number')
	            return undefined;
	        const it = this.items[idx];
	        return !keepScalar && identity.isScalar(it) ? it.value : it;
	    }
	    /**
	     * Checks if the collection includes a value with the key `key`.
	     *
	     * `key` must contain a representation of an integer for this to succeed.
	     * It may be wrapped in a `Scalar`.
	     */
	    has(key) {
	        const idx = asItemIndex(key);
	        return typeof idx === 'number' && idx < this.items.length;
	    }
	    /**
	     * Sets a value in this collection. For `!!set`, `value` needs to be a
	     * boolean to add/remove the item from the set.
	     *
	     * If `key` does not contain a representation of an integer, this will throw.
	     * It may be wrapped in a `Scalar`.
	     */
	    set(key, value) {
	        const idx = asItemIndex(key);
	        if (typeof idx !== 'number')
	            throw new Error(`Expected a valid index, not ${key}.`);
	        const prev = this.items[idx];
	        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
	            prev.value = value;
	        else
	            this.items[idx] = value;
	    }
	    toJSON(_, ctx) {
	        const seq = [];
	        if (ctx?.onCreate)
	            ctx.onCreate(seq);
	        let i = 0;
	        for (const item of this.items)
	            seq.push(toJS.toJS(item, String(i++), ctx));
	        return seq;
	    }
	    toString(ctx, onComment, onChompKeep) {
	        if (!ctx)
	            return JSON.stringify(this);
	        return stringifyCollection.stringifyCollection(this, ctx, {
	            blockItemPrefix: '- ',
	            flowChars: { start: '[', end: ']' },
	            itemIndent: (ctx.indent || '') + '  ',
	            onChompKeep,
	            onComment
	        });
	    }
	    static from(schema, obj, ctx) {
	        const { replacer } = ctx;
	        const seq = new this(schema);
	        if (obj && Symbol.iterator in Object(obj)) {
	            let i = 0;
	            for (let it of obj) {
	                if (typeof replacer === 'function') {
	                    const key = obj instanceof Set ? it : String(i++);
	                    it = replacer.call(obj, key, it);
	                }
	                seq.items.push(createNode.createNode(it, undefined, ctx));
	            }
	        }
	        return seq;
	    }
	};
	function asItemIndex(key) {
	    let idx = identity.isScalar(key) ? key.value : key;
	    if (idx && typeof idx === 'string')
	        idx = Number(idx);
	    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
	        ? idx
	        : null;
	}

	YAMLSeq.YAMLSeq = YAMLSeq$1;
	return YAMLSeq;
}

var hasRequiredSeq;

function requireSeq () {
	if (hasRequiredSeq) return seq;
	hasRequiredSeq = 1;

	var identity = requireIdentity();
	var YAMLSeq = requireYAMLSeq();

	const seq$1 = {
	    collection: 'seq',
	    default: true,
	    nodeClass: YAMLSeq.YAMLSeq,
	    tag: 'tag:yaml.org,2002:seq',
	    resolve(seq, onError) {
	        if (!identity.isSeq(seq))
	            onError('Expected a sequence for this tag');
	        return seq;
	    },
	    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
	};

	seq.seq = seq$1;
	return seq;
}

var string = {};

var hasRequiredString;

function requireString () {
	if (hasRequiredString) return string;
	hasRequiredString = 1;

	var stringifyString = requireStringifyString();

	const string$1 = {
	    identify: value => typeof value === 'string',
	    default: true,
	    tag: 'tag:yaml.org,2002:str',
	    resolve: str => str,
	    stringify(item, ctx, onComment, onChompKeep) {
	        ctx = Object.assign({ actualString: true }, ctx);
	        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
	    }
	};

	string.string = string$1;
	return string;
}

var tags = {};

var _null = {};

var hasRequired_null;

function require_null () {
	if (hasRequired_null) return _null;
	hasRequired_null = 1;

	var Scalar = requireScalar();

	const nullTag = {
	    identify: value => value == null,
	    createNode: () => new Scalar.Scalar(null),
	    default: true,
	    tag: 'tag:yaml.org,2002:null',
	    test: /^(?:~|[Nn]ull|NULL)?$/,
	    resolve: () => new Scalar.Scalar(null),
	    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
	        ? source
	        : ctx.options.nullStr
	};

	_null.nullTag = nullTag;
	return _null;
}

var bool$1 = {};

var hasRequiredBool$1;

function requireBool$1 () {
	if (hasRequiredBool$1) return bool$1;
	hasRequiredBool$1 = 1;

	var Scalar = requireScalar();

	const boolTag = {
	    identify: value => typeof value === 'boolean',
	    default: true,
	    tag: 'tag:yaml.org,2002:bool',
	    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
	    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
	    stringify({ source, value }, ctx) {
	        if (source && boolTag.test.test(source)) {
	            const sv = source[0] === 't' || source[0] === 'T';
	            if (value === sv)
	                return source;
	        }
	        return value ? ctx.options.trueStr : ctx.options.falseStr;
	    }
	};

	bool$1.boolTag = boolTag;
	return bool$1;
}

var float$1 = {};

var stringifyNumber = {};

var hasRequiredStringifyNumber;

function requireStringifyNumber () {
	if (hasRequiredStringifyNumber) return stringifyNumber;
	hasRequiredStringifyNumber = 1;

	function stringifyNumber$1({ format, minFractionDigits, tag, value }) {
	    if (typeof value === 'bigint')
	        return String(value);
	    const num = typeof value === 'number' ? value : Number(value);
	    if (!isFinite(num))
	        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
	    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
	    if (!format &&
	        minFractionDigits &&
	        (!tag || tag === 'tag:yaml.org,2002:float') &&
	        /^-?\d/.test(n) &&
	        !n.includes('e')) {
	        let i = n.indexOf('.');
	        if (i < 0) {
	            i = n.length;
	            n += '.';
	        }
	        let d = minFractionDigits - (n.length - i - 1);
	        while (d-- > 0)
	            n += '0';
	    }
	    return n;
	}

	stringifyNumber.stringifyNumber = stringifyNumber$1;
	return stringifyNumber;
}

var hasRequiredFloat$1;

function requireFloat$1 () {
	if (hasRequiredFloat$1) return float$1;
	hasRequiredFloat$1 = 1;

	var Scalar = requireScalar();
	var stringifyNumber = requireStringifyNumber();

	const floatNaN = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
	    resolve: str => str.slice(-3).toLowerCase() === 'nan'
	        ? NaN
	        : str[0] === '-'
	            ? Number.NEGATIVE_INFINITY
	            : Number.POSITIVE_INFINITY,
	    stringify: stringifyNumber.stringifyNumber
	};
	const floatExp = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    format: 'EXP',
	    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
	    resolve: str => parseFloat(str),
	    stringify(node) {
	        const num = Number(node.value);
	        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
	    }
	};
	const float = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
	    resolve(str) {
	        const node = new Scalar.Scalar(parseFloat(str));
	        const dot = str.indexOf('.');
	        if (dot !== -1 && str[str.length - 1] === '0')
	            node.minFractionDigits = str.length - dot - 1;
	        return node;
	    },
	    stringify: stringifyNumber.stringifyNumber
	};

	float$1.float = float;
	float$1.floatExp = floatExp;
	float$1.floatNaN = floatNaN;
	return float$1;
}

var int$1 = {};

var hasRequiredInt$1;

function requireInt$1 () {
	if (hasRequiredInt$1) return int$1;
	hasRequiredInt$1 = 1;

	var stringifyNumber = requireStringifyNumber();

	const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
	const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
	function intStringify(node, radix, prefix) {
	    const { value } = node;
	    if (intIdentify(value) && value >= 0)
	        return prefix + value.toString(radix);
	    return stringifyNumber.stringifyNumber(node);
	}
	const intOct = {
	    identify: value => intIdentify(value) && value >= 0,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'OCT',
	    test: /^0o[0-7]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
	    stringify: node => intStringify(node, 8, '0o')
	};
	const int = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    test: /^[-+]?[0-9]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
	    stringify: stringifyNumber.stringifyNumber
	};
	const intHex = {
	    identify: value => intIdentify(value) && value >= 0,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'HEX',
	    test: /^0x[0-9a-fA-F]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
	    stringify: node => intStringify(node, 16, '0x')
	};

	int$1.int = int;
	int$1.intHex = intHex;
	int$1.intOct = intOct;
	return int$1;
}

var schema$2 = {};

var hasRequiredSchema$3;

function requireSchema$3 () {
	if (hasRequiredSchema$3) return schema$2;
	hasRequiredSchema$3 = 1;

	var map = requireMap();
	var _null = require_null();
	var seq = requireSeq();
	var string = requireString();
	var bool = requireBool$1();
	var float = requireFloat$1();
	var int = requireInt$1();

	const schema = [
	    map.map,
	    seq.seq,
	    string.string,
	    _null.nullTag,
	    bool.boolTag,
	    int.intOct,
	    int.int,
	    int.intHex,
	    float.floatNaN,
	    float.floatExp,
	    float.float
	];

	schema$2.schema = schema;
	return schema$2;
}

var schema$1 = {};

var hasRequiredSchema$2;

function requireSchema$2 () {
	if (hasRequiredSchema$2) return schema$1;
	hasRequiredSchema$2 = 1;

	var Scalar = requireScalar();
	var map = requireMap();
	var seq = requireSeq();

	function intIdentify(value) {
	    return typeof value === 'bigint' || Number.isInteger(value);
	}
	const stringifyJSON = ({ value }) => JSON.stringify(value);
	const jsonScalars = [
	    {
	        identify: value => typeof value === 'string',
	        default: true,
	        tag: 'tag:yaml.org,2002:str',
	        resolve: str => str,
	        stringify: stringifyJSON
	    },
	    {
	        identify: value => value == null,
	        createNode: () => new Scalar.Scalar(null),
	        default: true,
	        tag: 'tag:yaml.org,2002:null',
	        test: /^null$/,
	        resolve: () => null,
	        stringify: stringifyJSON
	    },
	    {
	        identify: value => typeof value === 'boolean',
	        default: true,
	        tag: 'tag:yaml.org,2002:bool',
	        test: /^true$|^false$/,
	        resolve: str => str === 'true',
	        stringify: stringifyJSON
	    },
	    {
	        identify: intIdentify,
	        default: true,
	        tag: 'tag:yaml.org,2002:int',
	        test: /^-?(?:0|[1-9][0-9]*)$/,
	        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
	        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
	    },
	    {
	        identify: value => typeof value === 'number',
	        default: true,
	        tag: 'tag:yaml.org,2002:float',
	        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
	        resolve: str => parseFloat(str),
	        stringify: stringifyJSON
	    }
	];
	const jsonError = {
	    default: true,
	    tag: '',
	    test: /^/,
	    resolve(str, onError) {
	        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
	        return str;
	    }
	};
	const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

	schema$1.schema = schema;
	return schema$1;
}

var binary = {};

var hasRequiredBinary;

function requireBinary () {
	if (hasRequiredBinary) return binary;
	hasRequiredBinary = 1;

	var node_buffer = require$$0$1;
	var Scalar = requireScalar();
	var stringifyString = requireStringifyString();

	const binary$1 = {
	    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
	    default: false,
	    tag: 'tag:yaml.org,2002:binary',
	    /**
	     * Returns a Buffer in node and an Uint8Array in browsers
	     *
	     * To use the resulting buffer as an image, you'll want to do something like:
	     *
	     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
	     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
	     */
	    resolve(src, onError) {
	        if (typeof node_buffer.Buffer === 'function') {
	            return node_buffer.Buffer.from(src, 'base64');
	        }
	        else if (typeof atob === 'function') {
	            // On IE 11, atob() can't handle newlines
	            const str = atob(src.replace(/[\n\r]/g, ''));
	            const buffer = new Uint8Array(str.length);
	            for (let i = 0; i < str.length; ++i)
	                buffer[i] = str.charCodeAt(i);
	            return buffer;
	        }
	        else {
	            onError('This environment does not support reading binary tags; either Buffer or atob is required');
	            return src;
	        }
	    },
	    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
	        if (!value)
	            return '';
	        const buf = value; // checked earlier by binary.identify()
	        let str;
	        if (typeof node_buffer.Buffer === 'function') {
	            str =
	                buf instanceof node_buffer.Buffer
	                    ? buf.toString('base64')
	                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
	        }
	        else if (typeof btoa === 'function') {
	            let s = '';
	            for (let i = 0; i < buf.length; ++i)
	                s += String.fromCharCode(buf[i]);
	            str = btoa(s);
	        }
	        else {
	            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
	        }
	        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
	        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
	            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
	            const n = Math.ceil(str.length / lineWidth);
	            const lines = new Array(n);
	            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
	                lines[i] = str.substr(o, lineWidth);
	            }
	            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
	        }
	        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
	    }
	};

	binary.binary = binary$1;
	return binary;
}

var omap = {};

var pairs = {};

var hasRequiredPairs;

function requirePairs () {
	if (hasRequiredPairs) return pairs;
	hasRequiredPairs = 1;

	var identity = requireIdentity();
	var Pair = requirePair();
	var Scalar = requireScalar();
	var YAMLSeq = requireYAMLSeq();

	function resolvePairs(seq, onError) {
	    if (identity.isSeq(seq)) {
	        for (let i = 0; i < seq.items.length; ++i) {
	            let item = seq.items[i];
	            if (identity.isPair(item))
	                continue;
	            else if (identity.isMap(item)) {
	                if (item.items.length > 1)
	                    onError('Each pair must have its own sequence indicator');
	                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
	                if (item.commentBefore)
	                    pair.key.commentBefore = pair.key.commentBefore
	                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
	                        : item.commentBefore;
	                if (item.comment) {
	                    const cn = pair.value ?? pair.key;
	                    cn.comment = cn.comment
	                        ? `${item.comment}\n${cn.comment}`
	                        : item.comment;
	                }
	                item = pair;
	            }
	            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
	        }
	    }
	    else
	        onError('Expected a sequence for this tag');
	    return seq;
	}
	function createPairs(schema, iterable, ctx) {
	    const { replacer } = ctx;
	    const pairs = new YAMLSeq.YAMLSeq(schema);
	    pairs.tag = 'tag:yaml.org,2002:pairs';
	    let i = 0;
	    if (iterable && Symbol.iterator in Object(iterable))
	        for (let it of iterable) {
	            if (typeof replacer === 'function')
	                it = replacer.call(iterable, String(i++), it);
	            let key, value;
	            if (Array.isArray(it)) {
	                if (it.length === 2) {
	                    key = it[0];
	                    value = it[1];
	                }
	                else
	                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
	            }
	            else if (it && it instanceof Object) {
	                const keys = Object.keys(it);
	                if (keys.length === 1) {
	                    key = keys[0];
	                    value = it[key];
	                }
	                else {
	                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
	                }
	            }
	            else {
	                key = it;
	            }
	            pairs.items.push(Pair.createPair(key, value, ctx));
	        }
	    return pairs;
	}
	const pairs$1 = {
	    collection: 'seq',
	    default: false,
	    tag: 'tag:yaml.org,2002:pairs',
	    resolve: resolvePairs,
	    createNode: createPairs
	};

	pairs.createPairs = createPairs;
	pairs.pairs = pairs$1;
	pairs.resolvePairs = resolvePairs;
	return pairs;
}

var hasRequiredOmap;

function requireOmap () {
	if (hasRequiredOmap) return omap;
	hasRequiredOmap = 1;

	var identity = requireIdentity();
	var toJS = requireToJS();
	var YAMLMap = requireYAMLMap();
	var YAMLSeq = requireYAMLSeq();
	var pairs = requirePairs();

	class YAMLOMap extends YAMLSeq.YAMLSeq {
	    constructor() {
	        super();
	        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
	        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
	        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
	        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
	        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
	        this.tag = YAMLOMap.tag;
	    }
	    /**
	     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
	     * but TypeScript won't allow widening the signature of a child method.
	     */
	    toJSON(_, ctx) {
	        if (!ctx)
	            return super.toJSON(_);
	        const map = new Map();
	        if (ctx?.onCreate)
	            ctx.onCreate(map);
	        for (const pair of this.items) {
	            let key, value;
	            if (identity.isPair(pair)) {
	                key = toJS.toJS(pair.key, '', ctx);
	                value = toJS.toJS(pair.value, key, ctx);
	            }
	            else {
	                key = toJS.toJS(pair, '', ctx);
	            }
	            if (map.has(key))
	                throw new Error('Ordered maps must not include duplicate keys');
	            map.set(key, value);
	        }
	        return map;
	    }
	    static from(schema, iterable, ctx) {
	        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
	        const omap = new this();
	        omap.items = pairs$1.items;
	        return omap;
	    }
	}
	YAMLOMap.tag = 'tag:yaml.org,2002:omap';
	const omap$1 = {
	    collection: 'seq',
	    identify: value => value instanceof Map,
	    nodeClass: YAMLOMap,
	    default: false,
	    tag: 'tag:yaml.org,2002:omap',
	    resolve(seq, onError) {
	        const pairs$1 = pairs.resolvePairs(seq, onError);
	        const seenKeys = [];
	        for (const { key } of pairs$1.items) {
	            if (identity.isScalar(key)) {
	                if (seenKeys.includes(key.value)) {
	                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
	                }
	                else {
	                    seenKeys.push(key.value);
	                }
	            }
	        }
	        return Object.assign(new YAMLOMap(), pairs$1);
	    },
	    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
	};

	omap.YAMLOMap = YAMLOMap;
	omap.omap = omap$1;
	return omap;
}

var schema = {};

var bool = {};

var hasRequiredBool;

function requireBool () {
	if (hasRequiredBool) return bool;
	hasRequiredBool = 1;

	var Scalar = requireScalar();

	function boolStringify({ value, source }, ctx) {
	    const boolObj = value ? trueTag : falseTag;
	    if (source && boolObj.test.test(source))
	        return source;
	    return value ? ctx.options.trueStr : ctx.options.falseStr;
	}
	const trueTag = {
	    identify: value => value === true,
	    default: true,
	    tag: 'tag:yaml.org,2002:bool',
	    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
	    resolve: () => new Scalar.Scalar(true),
	    stringify: boolStringify
	};
	const falseTag = {
	    identify: value => value === false,
	    default: true,
	    tag: 'tag:yaml.org,2002:bool',
	    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
	    resolve: () => new Scalar.Scalar(false),
	    stringify: boolStringify
	};

	bool.falseTag = falseTag;
	bool.trueTag = trueTag;
	return bool;
}

var float = {};

var hasRequiredFloat;

function requireFloat () {
	if (hasRequiredFloat) return float;
	hasRequiredFloat = 1;

	var Scalar = requireScalar();
	var stringifyNumber = requireStringifyNumber();

	const floatNaN = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
	    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
	        ? NaN
	        : str[0] === '-'
	            ? Number.NEGATIVE_INFINITY
	            : Number.POSITIVE_INFINITY,
	    stringify: stringifyNumber.stringifyNumber
	};
	const floatExp = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    format: 'EXP',
	    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
	    resolve: (str) => parseFloat(str.replace(/_/g, '')),
	    stringify(node) {
	        const num = Number(node.value);
	        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
	    }
	};
	const float$1 = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
	    resolve(str) {
	        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
	        const dot = str.indexOf('.');
	        if (dot !== -1) {
	            const f = str.substring(dot + 1).replace(/_/g, '');
	            if (f[f.length - 1] === '0')
	                node.minFractionDigits = f.length;
	        }
	        return node;
	    },
	    stringify: stringifyNumber.stringifyNumber
	};

	float.float = float$1;
	float.floatExp = floatExp;
	float.floatNaN = floatNaN;
	return float;
}

var int = {};

var hasRequiredInt;

function requireInt () {
	if (hasRequiredInt) return int;
	hasRequiredInt = 1;

	var stringifyNumber = requireStringifyNumber();

	const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
	function intResolve(str, offset, radix, { intAsBigInt }) {
	    const sign = str[0];
	    if (sign === '-' || sign === '+')
	        offset += 1;
	    str = str.substring(offset).replace(/_/g, '');
	    if (intAsBigInt) {
	        switch (radix) {
	            case 2:
	                str = `0b${str}`;
	                break;
	            case 8:
	                str = `0o${str}`;
	                break;
	            case 16:
	                str = `0x${str}`;
	                break;
	        }
	        const n = BigInt(str);
	        return sign === '-' ? BigInt(-1) * n : n;
	    }
	    const n = parseInt(str, radix);
	    return sign === '-' ? -1 * n : n;
	}
	function intStringify(node, radix, prefix) {
	    const { value } = node;
	    if (intIdentify(value)) {
	        const str = value.toString(radix);
	        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
	    }
	    return stringifyNumber.stringifyNumber(node);
	}
	const intBin = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'BIN',
	    test: /^[-+]?0b[0-1_]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
	    stringify: node => intStringify(node, 2, '0b')
	};
	const intOct = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'OCT',
	    test: /^[-+]?0[0-7_]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
	    stringify: node => intStringify(node, 8, '0')
	};
	const int$1 = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    test: /^[-+]?[0-9][0-9_]*$/,
	    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
	    stringify: stringifyNumber.stringifyNumber
	};
	const intHex = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'HEX',
	    test: /^[-+]?0x[0-9a-fA-F_]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
	    stringify: node => intStringify(node, 16, '0x')
	};

	int.int = int$1;
	int.intBin = intBin;
	int.intHex = intHex;
	int.intOct = intOct;
	return int;
}

var set = {};

var hasRequiredSet;

function requireSet () {
	if (hasRequiredSet) return set;
	hasRequiredSet = 1;

	var identity = requireIdentity();
	var Pair = requirePair();
	var YAMLMap = requireYAMLMap();

	class YAMLSet extends YAMLMap.YAMLMap {
	    constructor(schema) {
	        super(schema);
	        this.tag = YAMLSet.tag;
	    }
	    add(key) {
	        let pair;
	        if (identity.isPair(key))
	            pair = key;
	        else if (key &&
	            typeof key === 'object' &&
	            'key' in key &&
	            'value' in key &&
	            key.value === null)
	            pair = new Pair.Pair(key.key, null);
	        else
	            pair = new Pair.Pair(key, null);
	        const prev = YAMLMap.findPair(this.items, pair.key);
	        if (!prev)
	            this.items.push(pair);
	    }
	    /**
	     * If `keepPair` is `true`, returns the Pair matching `key`.
	     * Otherwise, returns the value of that Pair's key.
	     */
	    get(key, keepPair) {
	        const pair = YAMLMap.findPair(this.items, key);
	        return !keepPair && identity.isPair(pair)
	            ? identity.isScalar(pair.key)
	                ? pair.key.value
	                : pair.key
	            : pair;
	    }
	    set(key, value) {
	        if (typeof value !== 'boolean')
	            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
	        const prev = YAMLMap.findPair(this.items, key);
	        if (prev && !value) {
	            this.items.splice(this.items.indexOf(prev), 1);
	        }
	        else if (!prev && value) {
	            this.items.push(new Pair.Pair(key));
	        }
	    }
	    toJSON(_, ctx) {
	        return super.toJSON(_, ctx, Set);
	    }
	    toString(ctx, onComment, onChompKeep) {
	        if (!ctx)
	            return JSON.stringify(this);
	        if (this.hasAllNullValues(true))
	            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
	        else
	            throw new Error('Set items must all have null values');
	    }
	    static from(schema, iterable, ctx) {
	        const { replacer } = ctx;
	        const set = new this(schema);
	        if (iterable && Symbol.iterator in Object(iterable))
	            for (let value of iterable) {
	                if (typeof replacer === 'function')
	                    value = replacer.call(iterable, value, value);
	                set.items.push(Pair.createPair(value, null, ctx));
	            }
	        return set;
	    }
	}
	YAMLSet.tag = 'tag:yaml.org,2002:set';
	const set$1 = {
	    collection: 'map',
	    identify: value => value instanceof Set,
	    nodeClass: YAMLSet,
	    default: false,
	    tag: 'tag:yaml.org,2002:set',
	    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
	    resolve(map, onError) {
	        if (identity.isMap(map)) {
	            if (map.hasAllNullValues(true))
	                return Object.assign(new YAMLSet(), map);
	            else
	                onError('Set items must all have null values');
	        }
	        else
	            onError('Expected a mapping for this tag');
	        return map;
	    }
	};

	set.YAMLSet = YAMLSet;
	set.set = set$1;
	return set;
}

var timestamp = {};

var hasRequiredTimestamp;

function requireTimestamp () {
	if (hasRequiredTimestamp) return timestamp;
	hasRequiredTimestamp = 1;

	var stringifyNumber = requireStringifyNumber();

	/** Internal types handle bigint as number, because TS can't figure it out. */
	function parseSexagesimal(str, asBigInt) {
	    const sign = str[0];
	    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
	    const num = (n) => asBigInt ? BigInt(n) : Number(n);
	    const res = parts
	        .replace(/_/g, '')
	        .split(':')
	        .reduce((res, p) => res * num(60) + num(p), num(0));
	    return (sign === '-' ? num(-1) * res : res);
	}
	/**
	 * hhhh:mm:ss.sss
	 *
	 * Internal types handle bigint as number, because TS can't figure it out.
	 */
	function stringifySexagesimal(node) {
	    let { value } = node;
	    let num = (n) => n;
	    if (typeof value === 'bigint')
	        num = n => BigInt(n);
	    else if (isNaN(value) || !isFinite(value))
	        return stringifyNumber.stringifyNumber(node);
	    let sign = '';
	    if (value < 0) {
	        sign = '-';
	        value *= num(-1);
	    }
	    const _60 = num(60);
	    const parts = [value % _60]; // seconds, including ms
	    if (value < 60) {
	        parts.unshift(0); // at least one : is required
	    }
	    else {
	        value = (value - parts[0]) / _60;
	        parts.unshift(value % _60); // minutes
	        if (value >= 60) {
	            value = (value - parts[0]) / _60;
	            parts.unshift(value); // hours
	        }
	    }
	    return (sign +
	        parts
	            .map(n => String(n).padStart(2, '0'))
	            .join(':')
	            .replace(/000000\d*$/, '') // % 60 may introduce error
	    );
	}
	const intTime = {
	    identify: value => typeof value === 'bigint' || Number.isInteger(value),
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'TIME',
	    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
	    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
	    stringify: stringifySexagesimal
	};
	const floatTime = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    format: 'TIME',
	    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
	    resolve: str => parseSexagesimal(str, false),
	    stringify: stringifySexagesimal
	};
	const timestamp$1 = {
	    identify: value => value instanceof Date,
	    default: true,
	    tag: 'tag:yaml.org,2002:timestamp',
	    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
	    // may be omitted altogether, resulting in a date format. In such a case, the time part is
	    // assumed to be 00:00:00Z (start of day, UTC).
	    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
	        '(?:' + // time is optional
	        '(?:t|T|[ \\t]+)' + // t | T | whitespace
	        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
	        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
	        ')?$'),
	    resolve(str) {
	        const match = str.match(timestamp$1.test);
	        if (!match)
	            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
	        const [, year, month, day, hour, minute, second] = match.map(Number);
	        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
	        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
	        const tz = match[8];
	        if (tz && tz !== 'Z') {
	            let d = parseSexagesimal(tz, false);
	            if (Math.abs(d) < 30)
	                d *= 60;
	            date -= 60000 * d;
	        }
	        return new Date(date);
	    },
	    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
	};

	timestamp.floatTime = floatTime;
	timestamp.intTime = intTime;
	timestamp.timestamp = timestamp$1;
	return timestamp;
}

var hasRequiredSchema$1;

function requireSchema$1 () {
	if (hasRequiredSchema$1) return schema;
	hasRequiredSchema$1 = 1;

	var map = requireMap();
	var _null = require_null();
	var seq = requireSeq();
	var string = requireString();
	var binary = requireBinary();
	var bool = requireBool();
	var float = requireFloat();
	var int = requireInt();
	var merge = requireMerge();
	var omap = requireOmap();
	var pairs = requirePairs();
	var set = requireSet();
	var timestamp = requireTimestamp();

	const schema$1 = [
	    map.map,
	    seq.seq,
	    string.string,
	    _null.nullTag,
	    bool.trueTag,
	    bool.falseTag,
	    int.intBin,
	    int.intOct,
	    int.int,
	    int.intHex,
	    float.floatNaN,
	    float.floatExp,
	    float.float,
	    binary.binary,
	    merge.merge,
	    omap.omap,
	    pairs.pairs,
	    set.set,
	    timestamp.intTime,
	    timestamp.floatTime,
	    timestamp.timestamp
	];

	schema.schema = schema$1;
	return schema;
}

var hasRequiredTags;

function requireTags () {
	if (hasRequiredTags) return tags;
	hasRequiredTags = 1;

	var map = requireMap();
	var _null = require_null();
	var seq = requireSeq();
	var string = requireString();
	var bool = requireBool$1();
	var float = requireFloat$1();
	var int = requireInt$1();
	var schema = requireSchema$3();
	var schema$1 = requireSchema$2();
	var binary = requireBinary();
	var merge = requireMerge();
	var omap = requireOmap();
	var pairs = requirePairs();
	var schema$2 = requireSchema$1();
	var set = requireSet();
	var timestamp = requireTimestamp();

	const schemas = new Map([
	    ['core', schema.schema],
	    ['failsafe', [map.map, seq.seq, string.string]],
	    ['json', schema$1.schema],
	    ['yaml11', schema$2.schema],
	    ['yaml-1.1', schema$2.schema]
	]);
	const tagsByName = {
	    binary: binary.binary,
	    bool: bool.boolTag,
	    float: float.float,
	    floatExp: float.floatExp,
	    floatNaN: float.floatNaN,
	    floatTime: timestamp.floatTime,
	    int: int.int,
	    intHex: int.intHex,
	    intOct: int.intOct,
	    intTime: timestamp.intTime,
	    map: map.map,
	    merge: merge.merge,
	    null: _null.nullTag,
	    omap: omap.omap,
	    pairs: pairs.pairs,
	    seq: seq.seq,
	    set: set.set,
	    timestamp: timestamp.timestamp
	};
	const coreKnownTags = {
	    'tag:yaml.org,2002:binary': binary.binary,
	    'tag:yaml.org,2002:merge': merge.merge,
	    'tag:yaml.org,2002:omap': omap.omap,
	    'tag:yaml.org,2002:pairs': pairs.pairs,
	    'tag:yaml.org,2002:set': set.set,
	    'tag:yaml.org,2002:timestamp': timestamp.timestamp
	};
	function getTags(customTags, schemaName, addMergeTag) {
	    const schemaTags = schemas.get(schemaName);
	    if (schemaTags && !customTags) {
	        return addMergeTag && !schemaTags.includes(merge.merge)
	            ? schemaTags.concat(merge.merge)
	            : schemaTags.slice();
	    }
	    let tags = schemaTags;
	    if (!tags) {
	        if (Array.isArray(customTags))
	            tags = [];
	        else {
	            const keys = Array.from(schemas.keys())
	                .filter(key => key !== 'yaml11')
	                .map(key => JSON.stringify(key))
	                .join(', ');
	            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
	        }
	    }
	    if (Array.isArray(customTags)) {
	        for (const tag of customTags)
	            tags = tags.concat(tag);
	    }
	    else if (typeof customTags === 'function') {
	        tags = customTags(tags.slice());
	    }
	    if (addMergeTag)
	        tags = tags.concat(merge.merge);
	    return tags.reduce((tags, tag) => {
	        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
	        if (!tagObj) {
	            const tagName = JSON.stringify(tag);
	            const keys = Object.keys(tagsByName)
	                .map(key => JSON.stringify(key))
	                .join(', ');
	            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
	        }
	        if (!tags.includes(tagObj))
	            tags.push(tagObj);
	        return tags;
	    }, []);
	}

	tags.coreKnownTags = coreKnownTags;
	tags.getTags = getTags;
	return tags;
}

var hasRequiredSchema;

function requireSchema () {
	if (hasRequiredSchema) return Schema;
	hasRequiredSchema = 1;

	var identity = requireIdentity();
	var map = requireMap();
	var seq = requireSeq();
	var string = requireString();
	var tags = requireTags();

	const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
	let Schema$1 = class Schema {
	    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
	        this.compat = Array.isArray(compat)
	            ? tags.getTags(compat, 'compat')
	            : compat
	                ? tags.getTags(null, compat)
	                : null;
	        this.name = (typeof schema === 'string' && schema) || 'core';
	        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
	        this.tags = tags.getTags(customTags, this.name, merge);
	        this.toStringOptions = toStringDefaults ?? null;
	        Object.defineProperty(this, identity.MAP, { value: map.map });
	        Object.defineProperty(this, identity.SCALAR, { value: string.string });
	        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
	        // Used by createMap()
	        this.sortMapEntries =
	            typeof sortMapEntries === 'function'
	                ? sortMapEntries
	                : sortMapEntries === true
	                    ? sortMapEntriesByKey
	                    : null;
	    }
	    clone() {
	        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
	        copy.tags = this.tags.slice();
	        return copy;
	    }
	};

	Schema.Schema = Schema$1;
	return Schema;
}

var stringifyDocument = {};

var hasRequiredStringifyDocument;

function requireStringifyDocument () {
	if (hasRequiredStringifyDocument) return stringifyDocument;
	hasRequiredStringifyDocument = 1;

	var identity = requireIdentity();
	var stringify = requireStringify();
	var stringifyComment = requireStringifyComment();

	function stringifyDocument$1(doc, options) {
	    const lines = [];
	    let hasDirectives = options.directives === true;
	    if (options.directives !== false && doc.directives) {
	        const dir = doc.directives.toString(doc);
	        if (dir) {
	            lines.push(dir);
	            hasDirectives = true;
	        }
	        else if (doc.directives.docStart)
	            hasDirectives = true;
	    }
	    if (hasDirectives)
	        lines.push('---');
	    const ctx = stringify.createStringifyContext(doc, options);
	    const { commentString } = ctx.options;
	    if (doc.commentBefore) {
	        if (lines.length !== 1)
	            lines.unshift('');
	        const cs = commentString(doc.commentBefore);
	        lines.unshift(stringifyComment.indentComment(cs, ''));
	    }
	    let chompKeep = false;
	    let contentComment = null;
	    if (doc.contents) {
	        if (identity.isNode(doc.contents)) {
	            if (doc.contents.spaceBefore && hasDirectives)
	                lines.push('');
	            if (doc.contents.commentBefore) {
	                const cs = commentString(doc.contents.commentBefore);
	                lines.push(stringifyComment.indentComment(cs, ''));
	            }
	            // top-level block scalars need to be indented if followed by a comment
	            ctx.forceBlockIndent = !!doc.comment;
	            contentComment = doc.contents.comment;
	        }
	        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
	        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
	        if (contentComment)
	            body += stringifyComment.lineComment(body, '', commentString(contentComment));
	        if ((body[0] === '|' || body[0] === '>') &&
	            lines[lines.length - 1] === '---') {
	            // Top-level block scalars with a preceding doc marker ought to use the
	            // same line for their header.
	            lines[lines.length - 1] = `--- ${body}`;
	        }
	        else
	            lines.push(body);
	    }
	    else {
	        lines.push(stringify.stringify(doc.contents, ctx));
	    }
	    if (doc.directives?.docEnd) {
	        if (doc.comment) {
	            const cs = commentString(doc.comment);
	            if (cs.includes('\n')) {
	                lines.push('...');
	                lines.push(stringifyComment.indentComment(cs, ''));
	            }
	            else {
	                lines.push(`... ${cs}`);
	            }
	        }
	        else {
	            lines.push('...');
	        }
	    }
	    else {
	        let dc = doc.comment;
	        if (dc && chompKeep)
	            dc = dc.replace(/^\n+/, '');
	        if (dc) {
	            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
	                lines.push('');
	            lines.push(stringifyComment.indentComment(commentString(dc), ''));
	        }
	    }
	    return lines.join('\n') + '\n';
	}

	stringifyDocument.stringifyDocument = stringifyDocument$1;
	return stringifyDocument;
}

var hasRequiredDocument;

function requireDocument () {
	if (hasRequiredDocument) return Document;
	hasRequiredDocument = 1;

	var Alias = requireAlias();
	var Collection = requireCollection();
	var identity = requireIdentity();
	var Pair = requirePair();
	var toJS = requireToJS();
	var Schema = requireSchema();
	var stringifyDocument = requireStringifyDocument();
	var anchors = requireAnchors();
	var applyReviver = requireApplyReviver();
	var createNode = requireCreateNode();
	var directives = requireDirectives();

	let Document$1 = class Document {
	    constructor(value, replacer, options) {
	        /** A comment before this Document */
	        this.commentBefore = null;
	        /** A comment immediately after this Document */
	        this.comment = null;
	        /** Errors encountered during parsing. */
	        this.errors = [];
	        /** Warnings encountered during parsing. */
	        this.warnings = [];
	        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
	        let _replacer = null;
	        if (typeof replacer === 'function' || Array.isArray(replacer)) {
	            _replacer = replacer;
	        }
	        else if (options === undefined && replacer) {
	            options = replacer;
	            replacer = undefined;
	        }
	        const opt = Object.assign({
	            intAsBigInt: false,
	            keepSourceTokens: false,
	            logLevel: 'warn',
	            prettyErrors: true,
	            strict: true,
	            stringKeys: false,
	            uniqueKeys: true,
	            version: '1.2'
	        }, options);
	        this.options = opt;
	        let { version } = opt;
	        if (options?._directives) {
	            this.directives = options._directives.atDocument();
	            if (this.directives.yaml.explicit)
	                version = this.directives.yaml.version;
	        }
	        else
	            this.directives = new directives.Directives({ version });
	        this.setSchema(version, options);
	        // @ts-expect-error We can't really know that this matches Contents.
	        this.contents =
	            value === undefined ? null : this.createNode(value, _replacer, options);
	    }
	    /**
	     * Create a deep copy of this Document and its contents.
	     *
	     * Custom Node values that inherit from `Object` still refer to their original instances.
	     */
	    clone() {
	        const copy = Object.create(Document.prototype, {
	            [identity.NODE_TYPE]: { value: identity.DOC }
	        });
	        copy.commentBefore = this.commentBefore;
	        copy.comment = this.comment;
	        copy.errors = this.errors.slice();
	        copy.warnings = this.warnings.slice();
	        copy.options = Object.assign({}, this.options);
	        if (this.directives)
	            copy.directives = this.directives.clone();
	        copy.schema = this.schema.clone();
	        // @ts-expect-error We can't really know that this matches Contents.
	        copy.contents = identity.isNode(this.contents)
	            ? this.contents.clone(copy.schema)
	            : this.contents;
	        if (this.range)
	            copy.range = this.range.slice();
	        return copy;
	    }
	    /** Adds a value to the document. */
	    add(value) {
	        if (assertCollection(this.contents))
	            this.contents.add(value);
	    }
	    /** Adds a value to the document. */
	    addIn(path, value) {
	        if (assertCollection(this.contents))
	            this.contents.addIn(path, value);
	    }
	    /**
	     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
	     *
	     * If `node` already has an anchor, `name` is ignored.
	     * Otherwise, the `node.anchor` value will be set to `name`,
	     * or if an anchor with that name is already present in the document,
	     * `name` will be used as a prefix for a new unique anchor.
	     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
	     */
	    createAlias(node, name) {
	        if (!node.anchor) {
	            const prev = anchors.anchorNames(this);
	            node.anchor =
	                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
	                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
	        }
	        return new Alias.Alias(node.anchor);
	    }
	    createNode(value, replacer, options) {
	        let _replacer = undefined;
	        if (typeof replacer === 'function') {
	            value = replacer.call({ '': value }, '', value);
	            _replacer = replacer;
	        }
	        else if (Array.isArray(replacer)) {
	            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
	            const asStr = replacer.filter(keyToStr).map(String);
	            if (asStr.length > 0)
	                replacer = replacer.concat(asStr);
	            _replacer = replacer;
	        }
	        else if (options === undefined && replacer) {
	            options = replacer;
	            replacer = undefined;
	        }
	        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
	        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
	        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
	        anchorPrefix || 'a');
	        const ctx = {
	            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
	            keepUndefined: keepUndefined ?? false,
	            onAnchor,
	            onTagObj,
	            replacer: _replacer,
	            schema: this.schema,
	            sourceObjects
	        };
	        const node = createNode.createNode(value, tag, ctx);
	        if (flow && identity.isCollection(node))
	            node.flow = true;
	        setAnchors();
	        return node;
	    }
	    /**
	     * Convert a key and a value into a `Pair` using the current schema,
	     * recursively wrapping all values as `Scalar` or `Collection` nodes.
	     */
	    createPair(key, value, options = {}) {
	        const k = this.createNode(key, null, options);
	        const v = this.createNode(value, null, options);
	        return new Pair.Pair(k, v);
	    }
	    /**
	     * Removes a value from the document.
	     * @returns `true` if the item was found and removed.
	     */
	    delete(key) {
	        return assertCollection(this.contents) ? this.contents.delete(key) : false;
	    }
	    /**
	     * Removes a value from the document.
	     * @returns `true` if the item was found and removed.
	     */
	    deleteIn(path) {
	        if (Collection.isEmptyPath(path)) {
	            if (this.contents == null)
	                return false;
	            // @ts-expect-error Presumed impossible if Strict extends false
	            this.contents = null;
	            return true;
	        }
	        return assertCollection(this.contents)
	            ? this.contents.deleteIn(path)
	            : false;
	    }
	    /**
	     * Returns item at `key`, or `undefined` if not found. By default unwraps
	     * scalar values from their surrounding node; to disable set `keepScalar` to
	     * `true` (collections are always returned intact).
	     */
	    get(key, keepScalar) {
	        return identity.isCollection(this.contents)
	            ? this.contents.get(key, keepScalar)
	            : undefined;
	    }
	    /**
	     * Returns item at `path`, or `undefined` if not found. By default unwraps
	     * scalar values from their surrounding node; to disable set `keepScalar` to
	     * `true` (collections are always returned intact).
	     */
	    getIn(path, keepScalar) {
	        if (Collection.isEmptyPath(path))
	            return !keepScalar && identity.isScalar(this.contents)
	                ? this.contents.value
	                : this.contents;
	        return identity.isCollection(this.contents)
	            ? this.contents.getIn(path, keepScalar)
	            : undefined;
	    }
	    /**
	     * Checks if the document includes a value with the key `key`.
	     */
	    has(key) {
	        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
	    }
	    /**
	     * Checks if the document includes a value at `path`.
	     */
	    hasIn(path) {
	        if (Collection.isEmptyPath(path))
	            return this.contents !== undefined;
	        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
	    }
	    /**
	     * Sets a value in this document. For `!!set`, `value` needs to be a
	     * boolean to add/remove the item from the set.
	     */
	    set(key, value) {
	        if (this.contents == null) {
	            // @ts-expect-error We can't really know that this matches Contents.
	            this.contents = Collection.collectionFromPath(this.schema, [key], value);
	        }
	        else if (assertCollection(this.contents)) {
	            this.contents.set(key, value);
	        }
	    }
	    /**
	     * Sets a value in this document. For `!!set`, `value` needs to be a
	     * boolean to add/remove the item from the set.
	     */
	    setIn(path, value) {
	        if (Collection.isEmptyPath(path)) {
	            // @ts-expect-error We can't really know that this matches Contents.
	            this.contents = value;
	        }
	        else if (this.contents == null) {
	            // @ts-expect-error We can't really know that this matches Contents.
	            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
	        }
	        else if (assertCollection(this.contents)) {
	            this.contents.setIn(path, value);
	        }
	    }
	    /**
	     * Change the YAML version and schema used by the document.
	     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
	     * It also requires the `schema` option to be given as a `Schema` instance value.
	     *
	     * Overrides all previously set schema options.
	     */
	    setSchema(version, options = {}) {
	        if (typeof version === 'number')
	            version = String(version);
	        let opt;
	        switch (version) {
	            case '1.1':
	                if (this.directives)
	                    this.directives.yaml.version = '1.1';
	                else
	                    this.directives = new directives.Directives({ version: '1.1' });
	                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
	                break;
	            case '1.2':
	            case 'next':
	                if (this.directives)
	                    this.directives.yaml.version = version;
	                else
	                    this.directives = new directives.Directives({ version });
	                opt = { resolveKnownTags: true, schema: 'core' };
	                break;
	            case null:
	                if (this.directives)
	                    delete this.directives;
	                opt = null;
	                break;
	            default: {
	                const sv = JSON.stringify(version);
	                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
	            }
	        }
	        // Not using `instanceof Schema` to allow for duck typing
	        if (options.schema instanceof Object)
	            this.schema = options.schema;
	        else if (opt)
	            this.schema = new Schema.Schema(Object.assign(opt, options));
	        else
	            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
	    }
	    // json & jsonArg are only used from toJSON()
	    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
	        const ctx = {
	            anchors: new Map(),
	            doc: this,
	            keep: !json,
	            mapAsMap: mapAsMap === true,
	            mapKeyWarned: false,
	            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
	        };
	        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
	        if (typeof onAnchor === 'function')
	            for (const { count, res } of ctx.anchors.values())
	                onAnchor(res, count);
	        return typeof reviver === 'function'
	            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
	            : res;
	    }
	    /**
	     * A JSON representation of the document `contents`.
	     *
	     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
	     *   property name.
	     */
	    toJSON(jsonArg, onAnchor) {
	        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
	    }
	    /** A YAML representation of the document. */
	    toString(options = {}) {
	        if (this.errors.length > 0)
	            throw new Error('Document with errors cannot be stringified');
	        if ('indent' in options &&
	            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
	            const s = JSON.stringify(options.indent);
	            throw new Error(`"indent" option must be a positive integer, not ${s}`);
	        }
	        return stringifyDocument.stringifyDocument(this, options);
	    }
	};
	function assertCollection(contents) {
	    if (identity.isCollection(contents))
	        return true;
	    throw new Error('Expected a YAML collection as document contents');
	}

	Document.Document = Document$1;
	return Document;
}

var errors = {};

var hasRequiredErrors;

function requireErrors () {
	if (hasRequiredErrors) return errors;
	hasRequiredErrors = 1;

	class YAMLError extends Error {
	    constructor(name, pos, code, message) {
	        super();
	        this.name = name;
	        this.code = code;
	        this.message = message;
	        this.pos = pos;
	    }
	}
	class YAMLParseError extends YAMLError {
	    constructor(pos, code, message) {
	        super('YAMLParseError', pos, code, message);
	    }
	}
	class YAMLWarning extends YAMLError {
	    constructor(pos, code, message) {
	        super('YAMLWarning', pos, code, message);
	    }
	}
	const prettifyError = (src, lc) => (error) => {
	    if (error.pos[0] === -1)
	        return;
	    error.linePos = error.pos.map(pos => lc.linePos(pos));
	    const { line, col } = error.linePos[0];
	    error.message += ` at line ${line}, column ${col}`;
	    let ci = col - 1;
	    let lineStr = src
	        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
	        .replace(/[\n\r]+$/, '');
	    // Trim to max 80 chars, keeping col position near the middle
	    if (ci >= 60 && lineStr.length > 80) {
	        const trimStart = Math.min(ci - 39, lineStr.length - 79);
	        lineStr = '…' + lineStr.substring(trimStart);
	        ci -= trimStart - 1;
	    }
	    if (lineStr.length > 80)
	        lineStr = lineStr.substring(0, 79) + '…';
	    // Include previous line in context if pointing at line start
	    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
	        // Regexp won't match if start is trimmed
	        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
	        if (prev.length > 80)
	            prev = prev.substring(0, 79) + '…\n';
	        lineStr = prev + lineStr;
	    }
	    if (/[^ ]/.test(lineStr)) {
	        let count = 1;
	        const end = error.linePos[1];
	        if (end?.line === line && end.col > col) {
	            count = Math.max(1, Math.min(end.col - col, 80 - ci));
	        }
	        const pointer = ' '.repeat(ci) + '^'.repeat(count);
	        error.message += `:\n\n${lineStr}\n${pointer}\n`;
	    }
	};

	errors.YAMLError = YAMLError;
	errors.YAMLParseError = YAMLParseError;
	errors.YAMLWarning = YAMLWarning;
	errors.prettifyError = prettifyError;
	return errors;
}

var composeDoc = {};

var composeNode = {};

var composeCollection = {};

var resolveBlockMap = {};

var resolveProps = {};

var hasRequiredResolveProps;

function requireResolveProps () {
	if (hasRequiredResolveProps) return resolveProps;
	hasRequiredResolveProps = 1;

	function resolveProps$1(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
	    let spaceBefore = false;
	    let atNewline = startOnNewline;
	    let hasSpace = startOnNewline;
	    let comment = '';
	    let commentSep = '';
	    let hasNewline = false;
	    let reqSpace = false;
	    let tab = null;
	    let anchor = null;
	    let tag = null;
	    let newlineAfterProp = null;
	    let comma = null;
	    let found = null;
	    let start = null;
	    for (const token of tokens) {
	        if (reqSpace) {
	            if (token.type !== 'space' &&
	                token.type !== 'newline' &&
	                token.type !== 'comma')
	                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
	            reqSpace = false;
	        }
	        if (tab) {
	            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
	                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
	            }
	            tab = null;
	        }
	        switch (token.type) {
	            case 'space':
	                // At the doc level, tabs at line start may be parsed
	                // as leading white space rather than indentation.
	                // In a flow collection, only the parser handles indent.
	                if (!flow &&
	                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
	                    token.source.includes('\t')) {
	                    tab = token;
	                }
	                hasSpace = true;
	                break;
	            case 'comment': {
	                if (!hasSpace)
	                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
	                const cb = token.source.substring(1) || ' ';
	                if (!comment)
	                    comment = cb;
	                else
	                    comment += commentSep + cb;
	                commentSep = '';
	                atNewline = false;
	                break;
	            }
	            case 'newline':
	                if (atNewline) {
	                    if (comment)
	                        comment += token.source;
	                    else if (!found || indicator !== 'seq-item-ind')
	                        spaceBefore = true;
	                }
	                else
	                    commentSep += token.source;
	                atNewline = true;
	                hasNewline = true;
	                if (anchor || tag)
	                    newlineAfterProp = token;
	                hasSpace = true;
	                break;
	            case 'anchor':
	                if (anchor)
	                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
	                if (token.source.endsWith(':'))
	                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
	                anchor = token;
	                start ?? (start = token.offset);
	                atNewline = false;
	                hasSpace = false;
	                reqSpace = true;
	                break;
	            case 'tag': {
	                if (tag)
	                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
	                tag = token;
	                start ?? (start = token.offset);
	                atNewline = false;
	                hasSpace = false;
	                reqSpace = true;
	                break;
	            }
	            case indicator:
	                // Could here handle preceding comments differently
	                if (anchor || tag)
	                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
	                if (found)
	                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
	                found = token;
	                atNewline =
	                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
	                hasSpace = false;
	                break;
	            case 'comma':
	                if (flow) {
	                    if (comma)
	                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
	                    comma = token;
	                    atNewline = false;
	                    hasSpace = false;
	                    break;
	                }
	            // else fallthrough
	            default:
	                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
	                atNewline = false;
	                hasSpace = false;
	        }
	    }
	    const last = tokens[tokens.length - 1];
	    const end = last ? last.offset + last.source.length : offset;
	    if (reqSpace &&
	        next &&
	        next.type !== 'space' &&
	        next.type !== 'newline' &&
	        next.type !== 'comma' &&
	        (next.type !== 'scalar' || next.source !== '')) {
	        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
	    }
	    if (tab &&
	        ((atNewline && tab.indent <= parentIndent) ||
	            next?.type === 'block-map' ||
	            next?.type === 'block-seq'))
	        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
	    return {
	        comma,
	        found,
	        spaceBefore,
	        comment,
	        hasNewline,
	        anchor,
	        tag,
	        newlineAfterProp,
	        end,
	        start: start ?? end
	    };
	}

	resolveProps.resolveProps = resolveProps$1;
	return resolveProps;
}

var utilContainsNewline = {};

var hasRequiredUtilContainsNewline;

function requireUtilContainsNewline () {
	if (hasRequiredUtilContainsNewline) return utilContainsNewline;
	hasRequiredUtilContainsNewline = 1;

	function containsNewline(key) {
	    if (!key)
	        return null;
	    switch (key.type) {
	        case 'alias':
	        case 'scalar':
	        case 'double-quoted-scalar':
	        case 'single-quoted-scalar':
	            if (key.source.includes('\n'))
	                return true;
	            if (key.end)
	                for (const st of key.end)
	                    if (st.type === 'newline')
	                        return true;
	            return false;
	        case 'flow-collection':
	            for (const it of key.items) {
	                for (const st of it.start)
	                    if (st.type === 'newline')
	                        return true;
	                if (it.sep)
	                    for (const st of it.sep)
	                        if (st.type === 'newline')
	                            return true;
	                if (containsNewline(it.key) || containsNewline(it.value))
	                    return true;
	            }
	            return false;
	        default:
	            return true;
	    }
	}

	utilContainsNewline.containsNewline = containsNewline;
	return utilContainsNewline;
}

var utilFlowIndentCheck = {};

var hasRequiredUtilFlowIndentCheck;

function requireUtilFlowIndentCheck () {
	if (hasRequiredUtilFlowIndentCheck) return utilFlowIndentCheck;
	hasRequiredUtilFlowIndentCheck = 1;

	var utilContainsNewline = requireUtilContainsNewline();

	function flowIndentCheck(indent, fc, onError) {
	    if (fc?.type === 'flow-collection') {
	        const end = fc.end[0];
	        if (end.indent === indent &&
	            (end.source === ']' || end.source === '}') &&
	            utilContainsNewline.containsNewline(fc)) {
	            const msg = 'Flow end indicator should be more indented than parent';
	            onError(end, 'BAD_INDENT', msg, true);
	        }
	    }
	}

	utilFlowIndentCheck.flowIndentCheck = flowIndentCheck;
	return utilFlowIndentCheck;
}

var utilMapIncludes = {};

var hasRequiredUtilMapIncludes;

function requireUtilMapIncludes () {
	if (hasRequiredUtilMapIncludes) return utilMapIncludes;
	hasRequiredUtilMapIncludes = 1;

	var identity = requireIdentity();

	function mapIncludes(ctx, items, search) {
	    const { uniqueKeys } = ctx.options;
	    if (uniqueKeys === false)
	        return false;
	    const isEqual = typeof uniqueKeys === 'function'
	        ? uniqueKeys
	        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
	    return items.some(pair => isEqual(pair.key, search));
	}

	utilMapIncludes.mapIncludes = mapIncludes;
	return utilMapIncludes;
}

var hasRequiredResolveBlockMap;

function requireResolveBlockMap () {
	if (hasRequiredResolveBlockMap) return resolveBlockMap;
	hasRequiredResolveBlockMap = 1;

	var Pair = requirePair();
	var YAMLMap = requireYAMLMap();
	var resolveProps = requireResolveProps();
	var utilContainsNewline = requireUtilContainsNewline();
	var utilFlowIndentCheck = requireUtilFlowIndentCheck();
	var utilMapIncludes = requireUtilMapIncludes();

	const startColMsg = 'All mapping items must start at the same column';
	function resolveBlockMap$1({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
	    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
	    const map = new NodeClass(ctx.schema);
	    if (ctx.atRoot)
	        ctx.atRoot = false;
	    let offset = bm.offset;
	    let commentEnd = null;
	    for (const collItem of bm.items) {
	        const { start, key, sep, value } = collItem;
	        // key properties
	        const keyProps = resolveProps.resolveProps(start, {
	            indicator: 'explicit-key-ind',
	            next: key ?? sep?.[0],
	            offset,
	            onError,
	            parentIndent: bm.indent,
	            startOnNewline: true
	        });
	        const implicitKey = !keyProps.found;
	        if (implicitKey) {
	            if (key) {
	                if (key.type === 'block-seq')
	                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
	                else if ('indent' in key && key.indent !== bm.indent)
	                    onError(offset, 'BAD_INDENT', startColMsg);
	            }
	            if (!keyProps.anchor && !keyProps.tag && !sep) {
	                commentEnd = keyProps.end;
	                if (keyProps.comment) {
	                    if (map.comment)
	                        map.comment += '\n' + keyProps.comment;
	                    else
	                        map.comment = keyProps.comment;
	                }
	                continue;
	            }
	            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
	                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
	            }
	        }
	        else if (keyProps.found?.indent !== bm.indent) {
	            onError(offset, 'BAD_INDENT', startColMsg);
	        }
	        // key value
	        ctx.atKey = true;
	        const keyStart = keyProps.end;
	        const keyNode = key
	            ? composeNode(ctx, key, keyProps, onError)
	            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
	        if (ctx.schema.compat)
	            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
	        ctx.atKey = false;
	        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
	            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
	        // value properties
	        const valueProps = resolveProps.resolveProps(sep ?? [], {
	            indicator: 'map-value-ind',
	            next: value,
	            offset: keyNode.range[2],
	            onError,
	            parentIndent: bm.indent,
	            startOnNewline: !key || key.type === 'block-scalar'
	        });
	        offset = valueProps.end;
	        if (valueProps.found) {
	            if (implicitKey) {
	                if (value?.type === 'block-map' && !valueProps.hasNewline)
	                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
	                if (ctx.options.strict &&
	                    keyProps.start < valueProps.found.offset - 1024)
	                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
	            }
	            // value value
	            const valueNode = value
	                ? composeNode(ctx, value, valueProps, onError)
	                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
	            if (ctx.schema.compat)
	                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
	            offset = valueNode.range[2];
	            const pair = new Pair.Pair(keyNode, valueNode);
	            if (ctx.options.keepSourceTokens)
	                pair.srcToken = collItem;
	            map.items.push(pair);
	        }
	        else {
	            // key with no value
	            if (implicitKey)
	                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
	            if (valueProps.comment) {
	                if (keyNode.comment)
	                    keyNode.comment += '\n' + valueProps.comment;
	                else
	                    keyNode.comment = valueProps.comment;
	            }
	            const pair = new Pair.Pair(keyNode);
	            if (ctx.options.keepSourceTokens)
	                pair.srcToken = collItem;
	            map.items.push(pair);
	        }
	    }
	    if (commentEnd && commentEnd < offset)
	        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
	    map.range = [bm.offset, offset, commentEnd ?? offset];
	    return map;
	}

	resolveBlockMap.resolveBlockMap = resolveBlockMap$1;
	return resolveBlockMap;
}

var resolveBlockSeq = {};

var hasRequiredResolveBlockSeq;

function requireResolveBlockSeq () {
	if (hasRequiredResolveBlockSeq) return resolveBlockSeq;
	hasRequiredResolveBlockSeq = 1;

	var YAMLSeq = requireYAMLSeq();
	var resolveProps = requireResolveProps();
	var utilFlowIndentCheck = requireUtilFlowIndentCheck();

	function resolveBlockSeq$1({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
	    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
	    const seq = new NodeClass(ctx.schema);
	    if (ctx.atRoot)
	        ctx.atRoot = false;
	    if (ctx.atKey)
	        ctx.atKey = false;
	    let offset = bs.offset;
	    let commentEnd = null;
	    for (const { start, value } of bs.items) {
	        const props = resolveProps.resolveProps(start, {
	            indicator: 'seq-item-ind',
	            next: value,
	            offset,
	            onError,
	            parentIndent: bs.indent,
	            startOnNewline: true
	        });
	        if (!props.found) {
	            if (props.anchor || props.tag || value) {
	                if (value?.type === 'block-seq')
	                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
	                else
	                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
	            }
	            else {
	                commentEnd = props.end;
	                if (props.comment)
	                    seq.comment = props.comment;
	                continue;
	            }
	        }
	        const node = value
	            ? composeNode(ctx, value, props, onError)
	            : composeEmptyNode(ctx, props.end, start, null, props, onError);
	        if (ctx.schema.compat)
	            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
	        offset = node.range[2];
	        seq.items.push(node);
	    }
	    seq.range = [bs.offset, offset, commentEnd ?? offset];
	    return seq;
	}

	resolveBlockSeq.resolveBlockSeq = resolveBlockSeq$1;
	return resolveBlockSeq;
}

var resolveFlowCollection = {};

var resolveEnd = {};

var hasRequiredResolveEnd;

function requireResolveEnd () {
	if (hasRequiredResolveEnd) return resolveEnd;
	hasRequiredResolveEnd = 1;

	function resolveEnd$1(end, offset, reqSpace, onError) {
	    let comment = '';
	    if (end) {
	        let hasSpace = false;
	        let sep = '';
	        for (const token of end) {
	            const { source, type } = token;
	            switch (type) {
	                case 'space':
	                    hasSpace = true;
	                    break;
	                case 'comment': {
	                    if (reqSpace && !hasSpace)
	                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
	                    const cb = source.substring(1) || ' ';
	                    if (!comment)
	                        comment = cb;
	                    else
	                        comment += sep + cb;
	                    sep = '';
	                    break;
	                }
	                case 'newline':
	                    if (comment)
	                        sep += source;
	                    hasSpace = true;
	                    break;
	                default:
	                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
	            }
	            offset += source.length;
	        }
	    }
	    return { comment, offset };
	}

	resolveEnd.resolveEnd = resolveEnd$1;
	return resolveEnd;
}

var hasRequiredResolveFlowCollection;

function requireResolveFlowCollection () {
	if (hasRequiredResolveFlowCollection) return resolveFlowCollection;
	hasRequiredResolveFlowCollection = 1;

	var identity = requireIdentity();
	var Pair = requirePair();
	var YAMLMap = requireYAMLMap();
	var YAMLSeq = requireYAMLSeq();
	var resolveEnd = requireResolveEnd();
	var resolveProps = requireResolveProps();
	var utilContainsNewline = requireUtilContainsNewline();
	var utilMapIncludes = requireUtilMapIncludes();

	const blockMsg = 'Block collections are not allowed within flow collections';
	const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
	function resolveFlowCollection$1({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
	    const isMap = fc.start.source === '{';
	    const fcName = isMap ? 'flow map' : 'flow sequence';
	    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
	    const coll = new NodeClass(ctx.schema);
	    coll.flow = true;
	    const atRoot = ctx.atRoot;
	    if (atRoot)
	        ctx.atRoot = false;
	    if (ctx.atKey)
	        ctx.atKey = false;
	    let offset = fc.offset + fc.start.source.length;
	    for (let i = 0; i < fc.items.length; ++i) {
	        const collItem = fc.items[i];
	        const { start, key, sep, value } = collItem;
	        const props = resolveProps.resolveProps(start, {
	            flow: fcName,
	            indicator: 'explicit-key-ind',
	            next: key ?? sep?.[0],
	            offset,
	            onError,
	            parentIndent: fc.indent,
	            startOnNewline: false
	        });
	        if (!props.found) {
	            if (!props.anchor && !props.tag && !sep && !value) {
	                if (i === 0 && props.comma)
	                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
	                else if (i < fc.items.length - 1)
	                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
	                if (props.comment) {
	                    if (coll.comment)
	                        coll.comment += '\n' + props.comment;
	                    else
	                        coll.comment = props.comment;
	                }
	                offset = props.end;
	                continue;
	            }
	            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
	                onError(key, // checked by containsNewline()
	                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
	        }
	        if (i === 0) {
	            if (props.comma)
	                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
	        }
	        else {
	            if (!props.comma)
	                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
	            if (props.comment) {
	                let prevItemComment = '';
	                loop: for (const st of start) {
	                    switch (st.type) {
	                        case 'comma':
	                        case 'space':
	                            break;
	                        case 'comment':
	                            prevItemComment = st.source.substring(1);
	                            break loop;
	                        default:
	                            break loop;
	                    }
	                }
	                if (prevItemComment) {
	                    let prev = coll.items[coll.items.length - 1];
	                    if (identity.isPair(prev))
	                        prev = prev.value ?? prev.key;
	                    if (prev.comment)
	                        prev.comment += '\n' + prevItemComment;
	                    else
	                        prev.comment = prevItemComment;
	                    props.comment = props.comment.substring(prevItemComment.length + 1);
	                }
	            }
	        }
	        if (!isMap && !sep && !props.found) {
	            // item is a value in a seq
	            // → key & sep are empty, start does not include ? or :
	            const valueNode = value
	                ? composeNode(ctx, value, props, onError)
	                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
	            coll.items.push(valueNode);
	            offset = valueNode.range[2];
	            if (isBlock(value))
	                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
	        }
	        else {
	            // item is a key+value pair
	            // key value
	            ctx.atKey = true;
	            const keyStart = props.end;
	            const keyNode = key
	                ? composeNode(ctx, key, props, onError)
	                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
	            if (isBlock(key))
	                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
	            ctx.atKey = false;
	            // value properties
	            const valueProps = resolveProps.resolveProps(sep ?? [], {
	                flow: fcName,
	                indicator: 'map-value-ind',
	                next: value,
	                offset: keyNode.range[2],
	                onError,
	                parentIndent: fc.indent,
	                startOnNewline: false
	            });
	            if (valueProps.found) {
	                if (!isMap && !props.found && ctx.options.strict) {
	                    if (sep)
	                        for (const st of sep) {
	                            if (st === valueProps.found)
	                                break;
	                            if (st.type === 'newline') {
	                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
	                                break;
	                            }
	                        }
	                    if (props.start < valueProps.found.offset - 1024)
	                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
	                }
	            }
	            else if (value) {
	                if ('source' in value && value.source?.[0] === ':')
	                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
	                else
	                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
	            }
	            // value value
	            const valueNode = value
	                ? composeNode(ctx, value, valueProps, onError)
	                : valueProps.found
	                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
	                    : null;
	            if (valueNode) {
	                if (isBlock(value))
	                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
	            }
	            else if (valueProps.comment) {
	                if (keyNode.comment)
	                    keyNode.comment += '\n' + valueProps.comment;
	                else
	                    keyNode.comment = valueProps.comment;
	            }
	            const pair = new Pair.Pair(keyNode, valueNode);
	            if (ctx.options.keepSourceTokens)
	                pair.srcToken = collItem;
	            if (isMap) {
	                const map = coll;
	                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
	                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
	                map.items.push(pair);
	            }
	            else {
	                const map = new YAMLMap.YAMLMap(ctx.schema);
	                map.flow = true;
	                map.items.push(pair);
	                const endRange = (valueNode ?? keyNode).range;
	                map.range = [keyNode.range[0], endRange[1], endRange[2]];
	                coll.items.push(map);
	            }
	            offset = valueNode ? valueNode.range[2] : valueProps.end;
	        }
	    }
	    const expectedEnd = isMap ? '}' : ']';
	    const [ce, ...ee] = fc.end;
	    let cePos = offset;
	    if (ce?.source === expectedEnd)
	        cePos = ce.offset + ce.source.length;
	    else {
	        const name = fcName[0].toUpperCase() + fcName.substring(1);
	        const msg = atRoot
	            ? `${name} must end with a ${expectedEnd}`
	            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
	        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
	        if (ce && ce.source.length !== 1)
	            ee.unshift(ce);
	    }
	    if (ee.length > 0) {
	        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
	        if (end.comment) {
	            if (coll.comment)
	                coll.comment += '\n' + end.comment;
	            else
	                coll.comment = end.comment;
	        }
	        coll.range = [fc.offset, cePos, end.offset];
	    }
	    else {
	        coll.range = [fc.offset, cePos, cePos];
	    }
	    return coll;
	}

	resolveFlowCollection.resolveFlowCollection = resolveFlowCollection$1;
	return resolveFlowCollection;
}

var hasRequiredComposeCollection;

function requireComposeCollection () {
	if (hasRequiredComposeCollection) return composeCollection;
	hasRequiredComposeCollection = 1;

	var identity = requireIdentity();
	var Scalar = requireScalar();
	var YAMLMap = requireYAMLMap();
	var YAMLSeq = requireYAMLSeq();
	var resolveBlockMap = requireResolveBlockMap();
	var resolveBlockSeq = requireResolveBlockSeq();
	var resolveFlowCollection = requireResolveFlowCollection();

	function resolveCollection(CN, ctx, token, onError, tagName, tag) {
	    const coll = token.type === 'block-map'
	        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
	        : token.type === 'block-seq'
	            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
	            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
	    const Coll = coll.constructor;
	    // If we got a tagName matching the class, or the tag name is '!',
	    // then use the tagName from the node class used to create it.
	    if (tagName === '!' || tagName === Coll.tagName) {
	        coll.tag = Coll.tagName;
	        return coll;
	    }
	    if (tagName)
	        coll.tag = tagName;
	    return coll;
	}
	function composeCollection$1(CN, ctx, token, props, onError) {
	    const tagToken = props.tag;
	    const tagName = !tagToken
	        ? null
	        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
	    if (token.type === 'block-seq') {
	        const { anchor, newlineAfterProp: nl } = props;
	        const lastProp = anchor && tagToken
	            ? anchor.offset > tagToken.offset
	                ? anchor
	                : tagToken
	            : (anchor ?? tagToken);
	        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
	            const message = 'Missing newline after block sequence props';
	            onError(lastProp, 'MISSING_CHAR', message);
	        }
	    }
	    const expType = token.type === 'block-map'
	        ? 'map'
	        : token.type === 'block-seq'
	            ? 'seq'
	            : token.start.source === '{'
	                ? 'map'
	                : 'seq';
	    // shortcut: check if it's a generic YAMLMap or YAMLSeq
	    // before jumping into the custom tag logic.
	    if (!tagToken ||
	        !tagName ||
	        tagName === '!' ||
	        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
	        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
	        return resolveCollection(CN, ctx, token, onError, tagName);
	    }
	    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
	    if (!tag) {
	        const kt = ctx.schema.knownTags[tagName];
	        if (kt?.collection === expType) {
	            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
	            tag = kt;
	        }
	        else {
	            if (kt) {
	                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
	            }
	            else {
	                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
	            }
	            return resolveCollection(CN, ctx, token, onError, tagName);
	        }
	    }
	    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
	    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
	    const node = identity.isNode(res)
	        ? res
	        : new Scalar.Scalar(res);
	    node.range = coll.range;
	    node.tag = tagName;
	    if (tag?.format)
	        node.format = tag.format;
	    return node;
	}

	composeCollection.composeCollection = composeCollection$1;
	return composeCollection;
}

var composeScalar = {};

var resolveBlockScalar = {};

var hasRequiredResolveBlockScalar;

function requireResolveBlockScalar () {
	if (hasRequiredResolveBlockScalar) return resolveBlockScalar;
	hasRequiredResolveBlockScalar = 1;

	var Scalar = requireScalar();

	function resolveBlockScalar$1(ctx, scalar, onError) {
	    const start = scalar.offset;
	    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
	    if (!header)
	        return { value: '', type: null, comment: '', range: [start, start, start] };
	    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
	    const lines = scalar.source ? splitLines(scalar.source) : [];
	    // determine the end of content & start of chomping
	    let chompStart = lines.length;
	    for (let i = lines.length - 1; i >= 0; --i) {
	        const content = lines[i][1];
	        if (content === '' || content === '\r')
	            chompStart = i;
	        else
	            break;
	    }
	    // shortcut for empty contents
	    if (chompStart === 0) {
	        const value = header.chomp === '+' && lines.length > 0
	            ? '\n'.repeat(Math.max(1, lines.length - 1))
	            : '';
	        let end = start + header.length;
	        if (scalar.source)
	            end += scalar.source.length;
	        return { value, type, comment: header.comment, range: [start, end, end] };
	    }
	    // find the indentation level to trim from start
	    let trimIndent = scalar.indent + header.indent;
	    let offset = scalar.offset + header.length;
	    let contentStart = 0;
	    for (let i = 0; i < chompStart; ++i) {
	        const [indent, content] = lines[i];
	        if (content === '' || content === '\r') {
	            if (header.indent === 0 && indent.length > trimIndent)
	                trimIndent = indent.length;
	        }
	        else {
	            if (indent.length < trimIndent) {
	                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
	                onError(offset + indent.length, 'MISSING_CHAR', message);
	            }
	            if (header.indent === 0)
	                trimIndent = indent.length;
	            contentStart = i;
	            if (trimIndent === 0 && !ctx.atRoot) {
	                const message = 'Block scalar values in collections must be indented';
	                onError(offset, 'BAD_INDENT', message);
	            }
	            break;
	        }
	        offset += indent.length + content.length + 1;
	    }
	    // include trailing more-indented empty lines in content
	    for (let i = lines.length - 1; i >= chompStart; --i) {
	        if (lines[i][0].length > trimIndent)
	            chompStart = i + 1;
	    }
	    let value = '';
	    let sep = '';
	    let prevMoreIndented = false;
	    // leading whitespace is kept intact
	    for (let i = 0; i < contentStart; ++i)
	        value += lines[i][0].slice(trimIndent) + '\n';
	    for (let i = contentStart; i < chompStart; ++i) {
	        let [indent, content] = lines[i];
	        offset += indent.length + content.length + 1;
	        const crlf = content[content.length - 1] === '\r';
	        if (crlf)
	            content = content.slice(0, -1);
	        /* istanbul ignore if already caught in lexer */
	        if (content && indent.length < trimIndent) {
	            const src = header.indent
	                ? 'explicit indentation indicator'
	                : 'first line';
	            const message = `Block scalar lines must not be less indented than their ${src}`;
	            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
	            indent = '';
	        }
	        if (type === Scalar.Scalar.BLOCK_LITERAL) {
	            value += sep + indent.slice(trimIndent) + content;
	            sep = '\n';
	        }
	        else if (indent.length > trimIndent || content[0] === '\t') {
	            // more-indented content within a folded block
	            if (sep === ' ')
	                sep = '\n';
	            else if (!prevMoreIndented && sep === '\n')
	                sep = '\n\n';
	            value += sep + indent.slice(trimIndent) + content;
	            sep = '\n';
	            prevMoreIndented = true;
	        }
	        else if (content === '') {
	            // empty line
	            if (sep === '\n')
	                value += '\n';
	            else
	                sep = '\n';
	        }
	        else {
	            value += sep + content;
	            sep = ' ';
	            prevMoreIndented = false;
	        }
	    }
	    switch (header.chomp) {
	        case '-':
	            break;
	        case '+':
	            for (let i = chompStart; i < lines.length; ++i)
	                value += '\n' + lines[i][0].slice(trimIndent);
	            if (value[value.length - 1] !== '\n')
	                value += '\n';
	            break;
	        default:
	            value += '\n';
	    }
	    const end = start + header.length + scalar.source.length;
	    return { value, type, comment: header.comment, range: [start, end, end] };
	}
	function parseBlockScalarHeader({ offset, props }, strict, onError) {
	    /* istanbul ignore if should not happen */
	    if (props[0].type !== 'block-scalar-header') {
	        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
	        return null;
	    }
	    const { source } = props[0];
	    const mode = source[0];
	    let indent = 0;
	    let chomp = '';
	    let error = -1;
	    for (let i = 1; i < source.length; ++i) {
	        const ch = source[i];
	        if (!chomp && (ch === '-' || ch === '+'))
	            chomp = ch;
	        else {
	            const n = Number(ch);
	            if (!indent && n)
	                indent = n;
	            else if (error === -1)
	                error = offset + i;
	        }
	    }
	    if (error !== -1)
	        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
	    let hasSpace = false;
	    let comment = '';
	    let length = source.length;
	    for (let i = 1; i < props.length; ++i) {
	        const token = props[i];
	        switch (token.type) {
	            case 'space':
	                hasSpace = true;
	            // fallthrough
	            case 'newline':
	                length += token.source.length;
	                break;
	            case 'comment':
	                if (strict && !hasSpace) {
	                    const message = 'Comments must be separated from other tokens by white space characters';
	                    onError(token, 'MISSING_CHAR', message);
	                }
	                length += token.source.length;
	                comment = token.source.substring(1);
	                break;
	            case 'error':
	                onError(token, 'UNEXPECTED_TOKEN', token.message);
	                length += token.source.length;
	                break;
	            /* istanbul ignore next should not happen */
	            default: {
	                const message = `Unexpected token in block scalar header: ${token.type}`;
	                onError(token, 'UNEXPECTED_TOKEN', message);
	                const ts = token.source;
	                if (ts && typeof ts === 'string')
	                    length += ts.length;
	            }
	        }
	    }
	    return { mode, indent, chomp, comment, length };
	}
	/** @returns Array of lines split up as `[indent, content]` */
	function splitLines(source) {
	    const split = source.split(/\n( *)/);
	    const first = split[0];
	    const m = first.match(/^( *)/);
	    const line0 = m?.[1]
	        ? [m[1], first.slice(m[1].length)]
	        : ['', first];
	    const lines = [line0];
	    for (let i = 1; i < split.length; i += 2)
	        lines.push([split[i], split[i + 1]]);
	    return lines;
	}

	resolveBlockScalar.resolveBlockScalar = resolveBlockScalar$1;
	return resolveBlockScalar;
}

var resolveFlowScalar = {};

var hasRequiredResolveFlowScalar;

function requireResolveFlowScalar () {
	if (hasRequiredResolveFlowScalar) return resolveFlowScalar;
	hasRequiredResolveFlowScalar = 1;

	var Scalar = requireScalar();
	var resolveEnd = requireResolveEnd();

	function resolveFlowScalar$1(scalar, strict, onError) {
	    const { offset, type, source, end } = scalar;
	    let _type;
	    let value;
	    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
	    switch (type) {
	        case 'scalar':
	            _type = Scalar.Scalar.PLAIN;
	            value = plainValue(source, _onError);
	            break;
	        case 'single-quoted-scalar':
	            _type = Scalar.Scalar.QUOTE_SINGLE;
	            value = singleQuotedValue(source, _onError);
	            break;
	        case 'double-quoted-scalar':
	            _type = Scalar.Scalar.QUOTE_DOUBLE;
	            value = doubleQuotedValue(source, _onError);
	            break;
	        /* istanbul ignore next should not happen */
	        default:
	            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
	            return {
	                value: '',
	                type: null,
	                comment: '',
	                range: [offset, offset + source.length, offset + source.length]
	            };
	    }
	    const valueEnd = offset + source.length;
	    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
	    return {
	        value,
	        type: _type,
	        comment: re.comment,
	        range: [offset, valueEnd, re.offset]
	    };
	}
	function plainValue(source, onError) {
	    let badChar = '';
	    switch (source[0]) {
	        /* istanbul ignore next should not happen */
	        case '\t':
	            badChar = 'a tab character';
	            break;
	        case ',':
	            badChar = 'flow indicator character ,';
	            break;
	        case '%':
	            badChar = 'directive indicator character %';
	            break;
	        case '|':
	        case '>': {
	            badChar = `block scalar indicator ${source[0]}`;
	            break;
	        }
	        case '@':
	        case '`': {
	            badChar = `reserved character ${source[0]}`;
	            break;
	        }
	    }
	    if (badChar)
	        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
	    return unfoldLines(source);
	}
	function singleQuotedValue(source, onError) {
	    if (source[source.length - 1] !== "'" || source.length === 1)
	        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
	    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
	}
	function unfoldLines(source) {
	    const line = /(.*?)\r?\n/sy;
	    let match = line.exec(source);
	    if (!match)
	        return source;
	    /**
	     * The negative lookbehinds in these RegExps are to
	     * prevent causing a polynomial search time in certain cases.
	     *
	     * The try-catch is for Safari < 16.4 and other old browsers:
	     * https://caniuse.com/js-regexp-lookbehind
	     */
	    let trimEnd, trimBoth;
	    try {
	        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
	        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
	    }
	    catch {
	        trimEnd = /[ \t]+$/;
	        trimBoth = /^[ \t]+|[ \t]+$/g;
	    }
	    let res = match[1].replace(trimEnd, '');
	    let sep = ' ';
	    let pos = line.lastIndex;
	    while ((match = line.exec(source))) {
	        const lm = match[1].replace(trimBoth, '');
	        if (lm === '') {
	            if (sep === '\n')
	                res += sep;
	            else
	                sep = '\n';
	        }
	        else {
	            res += sep + lm;
	            sep = ' ';
	        }
	        pos = line.lastIndex;
	    }
	    const last = /[ \t]*(.*)/sy;
	    last.lastIndex = pos;
	    match = last.exec(source);
	    return res + sep + (match?.[1] ?? '');
	}
	function doubleQuotedValue(source, onError) {
	    let res = '';
	    for (let i = 1; i < source.length - 1; ++i) {
	        const ch = source[i];
	        if (ch === '\r' && source[i + 1] === '\n')
	            continue;
	        if (ch === '\n') {
	            const { fold, offset } = foldNewline(source, i);
	            res += fold;
	            i = offset;
	        }
	        else if (ch === '\\') {
	            let next = source[++i];
	            const cc = escapeCodes[next];
	            if (cc)
	                res += cc;
	            else if (next === '\n') {
	                // skip escaped newlines, but still trim the following line
	                next = source[i + 1];
	                while (next === ' ' || next === '\t')
	                    next = source[++i + 1];
	            }
	            else if (next === '\r' && source[i + 1] === '\n') {
	                // skip escaped CRLF newlines, but still trim the following line
	                next = source[++i + 1];
	                while (next === ' ' || next === '\t')
	                    next = source[++i + 1];
	            }
	            else if (next === 'x' || next === 'u' || next === 'U') {
	                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
	                res += parseCharCode(source, i + 1, length, onError);
	                i += length;
	            }
	            else {
	                const raw = source.substr(i - 1, 2);
	                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
	                res += raw;
	            }
	        }
	        else if (ch === ' ' || ch === '\t') {
	            // trim trailing whitespace
	            const wsStart = i;
	            let next = source[i + 1];
	            while (next === ' ' || next === '\t')
	                next = source[++i + 1];
	            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
	                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
	        }
	        else {
	            res += ch;
	        }
	    }
	    if (source[source.length - 1] !== '"' || source.length === 1)
	        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
	    return res;
	}
	/**
	 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
	 * Presumes `source[offset] === '\n'`
	 */
	function foldNewline(source, offset) {
	    let fold = '';
	    let ch = source[offset + 1];
	    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
	        if (ch === '\r' && source[offset + 2] !== '\n')
	            break;
	        if (ch === '\n')
	            fold += '\n';
	        offset += 1;
	        ch = source[offset + 1];
	    }
	    if (!fold)
	        fold = ' ';
	    return { fold, offset };
	}
	const escapeCodes = {
	    '0': '\0', // null character
	    a: '\x07', // bell character
	    b: '\b', // backspace
	    e: '\x1b', // escape character
	    f: '\f', // form feed
	    n: '\n', // line feed
	    r: '\r', // carriage return
	    t: '\t', // horizontal tab
	    v: '\v', // vertical tab
	    N: '\u0085', // Unicode next line
	    _: '\u00a0', // Unicode non-breaking space
	    L: '\u2028', // Unicode line separator
	    P: '\u2029', // Unicode paragraph separator
	    ' ': ' ',
	    '"': '"',
	    '/': '/',
	    '\\': '\\',
	    '\t': '\t'
	};
	function parseCharCode(source, offset, length, onError) {
	    const cc = source.substr(offset, length);
	    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
	    const code = ok ? parseInt(cc, 16) : NaN;
	    try {
	        return String.fromCodePoint(code);
	    }
	    catch {
	        const raw = source.substr(offset - 2, length + 2);
	        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
	        return raw;
	    }
	}

	resolveFlowScalar.resolveFlowScalar = resolveFlowScalar$1;
	return resolveFlowScalar;
}

var hasRequiredComposeScalar;

function requireComposeScalar () {
	if (hasRequiredComposeScalar) return composeScalar;
	hasRequiredComposeScalar = 1;

	var identity = requireIdentity();
	var Scalar = requireScalar();
	var resolveBlockScalar = requireResolveBlockScalar();
	var resolveFlowScalar = requireResolveFlowScalar();

	function composeScalar$1(ctx, token, tagToken, onError) {
	    const { value, type, comment, range } = token.type === 'block-scalar'
	        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
	        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
	    const tagName = tagToken
	        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
	        : null;
	    let tag;
	    if (ctx.options.stringKeys && ctx.atKey) {
	        tag = ctx.schema[identity.SCALAR];
	    }
	    else if (tagName)
	        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
	    else if (token.type === 'scalar')
	        tag = findScalarTagByTest(ctx, value, token, onError);
	    else
	        tag = ctx.schema[identity.SCALAR];
	    let scalar;
	    try {
	        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
	        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
	    }
	    catch (error) {
	        const msg = error instanceof Error ? error.message : String(error);
	        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
	        scalar = new Scalar.Scalar(value);
	    }
	    scalar.range = range;
	    scalar.source = value;
	    if (type)
	        scalar.type = type;
	    if (tagName)
	        scalar.tag = tagName;
	    if (tag.format)
	        scalar.format = tag.format;
	    if (comment)
	        scalar.comment = comment;
	    return scalar;
	}
	function findScalarTagByName(schema, value, tagName, tagToken, onError) {
	    if (tagName === '!')
	        return schema[identity.SCALAR]; // non-specific tag
	    const matchWithTest = [];
	    for (const tag of schema.tags) {
	        if (!tag.collection && tag.tag === tagName) {
	            if (tag.default && tag.test)
	                matchWithTest.push(tag);
	            else
	                return tag;
	        }
	    }
	    for (const tag of matchWithTest)
	        if (tag.test?.test(value))
	            return tag;
	    const kt = schema.knownTags[tagName];
	    if (kt && !kt.collection) {
	        // Ensure that the known tag is available for stringifying,
	        // but does not get used by default.
	        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
	        return kt;
	    }
	    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
	    return schema[identity.SCALAR];
	}
	function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
	    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
	        tag.test?.test(value)) || schema[identity.SCALAR];
	    if (schema.compat) {
	        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
	            schema[identity.SCALAR];
	        if (tag.tag !== compat.tag) {
	            const ts = directives.tagString(tag.tag);
	            const cs = directives.tagString(compat.tag);
	            const msg = `Value may be parsed as either ${ts} or ${cs}`;
	            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
	        }
	    }
	    return tag;
	}

	composeScalar.composeScalar = composeScalar$1;
	return composeScalar;
}

var utilEmptyScalarPosition = {};

var hasRequiredUtilEmptyScalarPosition;

function requireUtilEmptyScalarPosition () {
	if (hasRequiredUtilEmptyScalarPosition) return utilEmptyScalarPosition;
	hasRequiredUtilEmptyScalarPosition = 1;

	function emptyScalarPosition(offset, before, pos) {
	    if (before) {
	        pos ?? (pos = before.length);
	        for (let i = pos - 1; i >= 0; --i) {
	            let st = before[i];
	            switch (st.type) {
	                case 'space':
	                case 'comment':
	                case 'newline':
	                    offset -= st.source.length;
	                    continue;
	            }
	            // Technically, an empty scalar is immediately after the last non-empty
	            // node, but it's more useful to place it after any whitespace.
	            st = before[++i];
	            while (st?.type === 'space') {
	                offset += st.source.length;
	                st = before[++i];
	            }
	            break;
	        }
	    }
	    return offset;
	}

	utilEmptyScalarPosition.emptyScalarPosition = emptyScalarPosition;
	return utilEmptyScalarPosition;
}

var hasRequiredComposeNode;

function requireComposeNode () {
	if (hasRequiredComposeNode) return composeNode;
	hasRequiredComposeNode = 1;

	var Alias = requireAlias();
	var identity = requireIdentity();
	var composeCollection = requireComposeCollection();
	var composeScalar = requireComposeScalar();
	var resolveEnd = requireResolveEnd();
	var utilEmptyScalarPosition = requireUtilEmptyScalarPosition();

	const CN = { composeNode: composeNode$1, composeEmptyNode };
	function composeNode$1(ctx, token, props, onError) {
	    const atKey = ctx.atKey;
	    const { spaceBefore, comment, anchor, tag } = props;
	    let node;
	    let isSrcToken = true;
	    switch (token.type) {
	        case 'alias':
	            node = composeAlias(ctx, token, onError);
	            if (anchor || tag)
	                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
	            break;
	        case 'scalar':
	        case 'single-quoted-scalar':
	        case 'double-quoted-scalar':
	        case 'block-scalar':
	            node = composeScalar.composeScalar(ctx, token, tag, onError);
	            if (anchor)
	                node.anchor = anchor.source.substring(1);
	            break;
	        case 'block-map':
	        case 'block-seq':
	        case 'flow-collection':
	            try {
	                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
	                if (anchor)
	                    node.anchor = anchor.source.substring(1);
	            }
	            catch (error) {
	                // Almost certainly here due to a stack overflow
	                const message = error instanceof Error ? error.message : String(error);
	                onError(token, 'RESOURCE_EXHAUSTION', message);
	            }
	            break;
	        default: {
	            const message = token.type === 'error'
	                ? token.message
	                : `Unsupported token (type: ${token.type})`;
	            onError(token, 'UNEXPECTED_TOKEN', message);
	            isSrcToken = false;
	        }
	    }
	    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
	    if (anchor && node.anchor === '')
	        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
	    if (atKey &&
	        ctx.options.stringKeys &&
	        (!identity.isScalar(node) ||
	            typeof node.value !== 'string' ||
	            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
	        const msg = 'With stringKeys, all keys must be strings';
	        onError(tag ?? token, 'NON_STRING_KEY', msg);
	    }
	    if (spaceBefore)
	        node.spaceBefore = true;
	    if (comment) {
	        if (token.type === 'scalar' && token.source === '')
	            node.comment = comment;
	        else
	            node.commentBefore = comment;
	    }
	    // @ts-expect-error Type checking misses meaning of isSrcToken
	    if (ctx.options.keepSourceTokens && isSrcToken)
	        node.srcToken = token;
	    return node;
	}
	function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
	    const token = {
	        type: 'scalar',
	        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
	        indent: -1,
	        source: ''
	    };
	    const node = composeScalar.composeScalar(ctx, token, tag, onError);
	    if (anchor) {
	        node.anchor = anchor.source.substring(1);
	        if (node.anchor === '')
	            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
	    }
	    if (spaceBefore)
	        node.spaceBefore = true;
	    if (comment) {
	        node.comment = comment;
	        node.range[2] = end;
	    }
	    return node;
	}
	function composeAlias({ options }, { offset, source, end }, onError) {
	    const alias = new Alias.Alias(source.substring(1));
	    if (alias.source === '')
	        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
	    if (alias.source.endsWith(':'))
	        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
	    const valueEnd = offset + source.length;
	    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
	    alias.range = [offset, valueEnd, re.offset];
	    if (re.comment)
	        alias.comment = re.comment;
	    return alias;
	}

	composeNode.composeEmptyNode = composeEmptyNode;
	composeNode.composeNode = composeNode$1;
	return composeNode;
}

var hasRequiredComposeDoc;

function requireComposeDoc () {
	if (hasRequiredComposeDoc) return composeDoc;
	hasRequiredComposeDoc = 1;

	var Document = requireDocument();
	var composeNode = requireComposeNode();
	var resolveEnd = requireResolveEnd();
	var resolveProps = requireResolveProps();

	function composeDoc$1(options, directives, { offset, start, value, end }, onError) {
	    const opts = Object.assign({ _directives: directives }, options);
	    const doc = new Document.Document(undefined, opts);
	    const ctx = {
	        atKey: false,
	        atRoot: true,
	        directives: doc.directives,
	        options: doc.options,
	        schema: doc.schema
	    };
	    const props = resolveProps.resolveProps(start, {
	        indicator: 'doc-start',
	        next: value ?? end?.[0],
	        offset,
	        onError,
	        parentIndent: 0,
	        startOnNewline: true
	    });
	    if (props.found) {
	        doc.directives.docStart = true;
	        if (value &&
	            (value.type === 'block-map' || value.type === 'block-seq') &&
	            !props.hasNewline)
	            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
	    }
	    // @ts-expect-error If Contents is set, let's trust the user
	    doc.contents = value
	        ? composeNode.composeNode(ctx, value, props, onError)
	        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
	    const contentEnd = doc.contents.range[2];
	    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
	    if (re.comment)
	        doc.comment = re.comment;
	    doc.range = [offset, contentEnd, re.offset];
	    return doc;
	}

	composeDoc.composeDoc = composeDoc$1;
	return composeDoc;
}

var hasRequiredComposer;

function requireComposer () {
	if (hasRequiredComposer) return composer;
	hasRequiredComposer = 1;

	var node_process = require$$0;
	var directives = requireDirectives();
	var Document = requireDocument();
	var errors = requireErrors();
	var identity = requireIdentity();
	var composeDoc = requireComposeDoc();
	var resolveEnd = requireResolveEnd();

	function getErrorPos(src) {
	    if (typeof src === 'number')
	        return [src, src + 1];
	    if (Array.isArray(src))
	        return src.length === 2 ? src : [src[0], src[1]];
	    const { offset, source } = src;
	    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
	}
	function parsePrelude(prelude) {
	    let comment = '';
	    let atComment = false;
	    let afterEmptyLine = false;
	    for (let i = 0; i < prelude.length; ++i) {
	        const source = prelude[i];
	        switch (source[0]) {
	            case '#':
	                comment +=
	                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
	                        (source.substring(1) || ' ');
	                atComment = true;
	                afterEmptyLine = false;
	                break;
	            case '%':
	                if (prelude[i + 1]?.[0] !== '#')
	                    i += 1;
	                atComment = false;
	                break;
	            default:
	                // This may be wrong after doc-end, but in that case it doesn't matter
	                if (!atComment)
	                    afterEmptyLine = true;
	                atComment = false;
	        }
	    }
	    return { comment, afterEmptyLine };
	}
	/**
	 * Compose a stream of CST nodes into a stream of YAML Documents.
	 *
	 * ```ts
	 * import { Composer, Parser } from 'yaml'
	 *
	 * const src: string = ...
	 * const tokens = new Parser().parse(src)
	 * const docs = new Composer().compose(tokens)
	 * ```
	 */
	class Composer {
	    constructor(options = {}) {
	        this.doc = null;
	        this.atDirectives = false;
	        this.prelude = [];
	        this.errors = [];
	        this.warnings = [];
	        this.onError = (source, code, message, warning) => {
	            const pos = getErrorPos(source);
	            if (warning)
	                this.warnings.push(new errors.YAMLWarning(pos, code, message));
	            else
	                this.errors.push(new errors.YAMLParseError(pos, code, message));
	        };
	        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
	        this.directives = new directives.Directives({ version: options.version || '1.2' });
	        this.options = options;
	    }
	    decorate(doc, afterDoc) {
	        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
	        //console.log({ dc: doc.comment, prelude, comment })
	        if (comment) {
	            const dc = doc.contents;
	            if (afterDoc) {
	                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
	            }
	            else if (afterEmptyLine || doc.directives.docStart || !dc) {
	                doc.commentBefore = comment;
	            }
	            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
	                let it = dc.items[0];
	                if (identity.isPair(it))
	                    it = it.key;
	                const cb = it.commentBefore;
	                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
	            }
	            else {
	                const cb = dc.commentBefore;
	                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
	            }
	        }
	        if (afterDoc) {
	            for (let i = 0; i < this.errors.length; ++i)
	                doc.errors.push(this.errors[i]);
	            for (let i = 0; i < this.warnings.length; ++i)
	                doc.warnings.push(this.warnings[i]);
	        }
	        else {
	            doc.errors = this.errors;
	            doc.warnings = this.warnings;
	        }
	        this.prelude = [];
	        this.errors = [];
	        this.warnings = [];
	    }
	    /**
	     * Current stream status information.
	     *
	     * Mostly useful at the end of input for an empty stream.
	     */
	    streamInfo() {
	        return {
	            comment: parsePrelude(this.prelude).comment,
	            directives: this.directives,
	            errors: this.errors,
	            warnings: this.warnings
	        };
	    }
	    /**
	     * Compose tokens into documents.
	     *
	     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
	     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
	     */
	    *compose(tokens, forceDoc = false, endOffset = -1) {
	        for (const token of tokens)
	            yield* this.next(token);
	        yield* this.end(forceDoc, endOffset);
	    }
	    /** Advance the composer by one CST token. */
	    *next(token) {
	        if (node_process.env.LOG_STREAM)
	            console.dir(token, { depth: null });
	        switch (token.type) {
	            case 'directive':
	                this.directives.add(token.source, (offset, message, warning) => {
	                    const pos = getErrorPos(token);
	                    pos[0] += offset;
	                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
	                });
	                this.prelude.push(token.source);
	                this.atDirectives = true;
	                break;
	            case 'document': {
	                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
	                if (this.atDirectives && !doc.directives.docStart)
	                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
	                this.decorate(doc, false);
	                if (this.doc)
	                    yield this.doc;
	                this.doc = doc;
	                this.atDirectives = false;
	                break;
	            }
	            case 'byte-order-mark':
	            case 'space':
	                break;
	            case 'comment':
	            case 'newline':
	                this.prelude.push(token.source);
	                break;
	            case 'error': {
	                const msg = token.source
	                    ? `${token.message}: ${JSON.stringify(token.source)}`
	                    : token.message;
	                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
	                if (this.atDirectives || !this.doc)
	                    this.errors.push(error);
	                else
	                    this.doc.errors.push(error);
	                break;
	            }
	            case 'doc-end': {
	                if (!this.doc) {
	                    const msg = 'Unexpected doc-end without preceding document';
	                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
	                    break;
	                }
	                this.doc.directives.docEnd = true;
	                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
	                this.decorate(this.doc, true);
	                if (end.comment) {
	                    const dc = this.doc.comment;
	                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
	                }
	                this.doc.range[2] = end.offset;
	                break;
	            }
	            default:
	                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
	        }
	    }
	    /**
	     * Call at end of input to yield any remaining document.
	     *
	     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
	     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
	     */
	    *end(forceDoc = false, endOffset = -1) {
	        if (this.doc) {
	            this.decorate(this.doc, true);
	            yield this.doc;
	            this.doc = null;
	        }
	        else if (forceDoc) {
	            const opts = Object.assign({ _directives: this.directives }, this.options);
	            const doc = new Document.Document(undefined, opts);
	            if (this.atDirectives)
	                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
	            doc.range = [0, endOffset, endOffset];
	            this.decorate(doc, false);
	            yield doc;
	        }
	    }
	}

	composer.Composer = Composer;
	return composer;
}

var cst = {};

var cstScalar = {};

var hasRequiredCstScalar;

function requireCstScalar () {
	if (hasRequiredCstScalar) return cstScalar;
	hasRequiredCstScalar = 1;

	var resolveBlockScalar = requireResolveBlockScalar();
	var resolveFlowScalar = requireResolveFlowScalar();
	var errors = requireErrors();
	var stringifyString = requireStringifyString();

	function resolveAsScalar(token, strict = true, onError) {
	    if (token) {
	        const _onError = (pos, code, message) => {
	            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
	            if (onError)
	                onError(offset, code, message);
	            else
	                throw new errors.YAMLParseError([offset, offset + 1], code, message);
	        };
	        switch (token.type) {
	            case 'scalar':
	            case 'single-quoted-scalar':
	            case 'double-quoted-scalar':
	                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
	            case 'block-scalar':
	                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
	        }
	    }
	    return null;
	}
	/**
	 * Create a new scalar token with `value`
	 *
	 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
	 * as this function does not support any schema operations and won't check for such conflicts.
	 *
	 * @param value The string representation of the value, which will have its content properly indented.
	 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
	 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
	 * @param context.indent The indent level of the token.
	 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
	 * @param context.offset The offset position of the token.
	 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
	 */
	function createScalarToken(value, context) {
	    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
	    const source = stringifyString.stringifyString({ type, value }, {
	        implicitKey,
	        indent: indent > 0 ? ' '.repeat(indent) : '',
	        inFlow,
	        options: { blockQuote: true, lineWidth: -1 }
	    });
	    const end = context.end ?? [
	        { type: 'newline', offset: -1, indent, source: '\n' }
	    ];
	    switch (source[0]) {
	        case '|':
	        case '>': {
	            const he = source.indexOf('\n');
	            const head = source.substring(0, he);
	            const body = source.substring(he + 1) + '\n';
	            const props = [
	                { type: 'block-scalar-header', offset, indent, source: head }
	            ];
	            if (!addEndtoBlockProps(props, end))
	                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
	            return { type: 'block-scalar', offset, indent, props, source: body };
	        }
	        case '"':
	            return { type: 'double-quoted-scalar', offset, indent, source, end };
	        case "'":
	            return { type: 'single-quoted-scalar', offset, indent, source, end };
	        default:
	            return { type: 'scalar', offset, indent, source, end };
	    }
	}
	/**
	 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
	 *
	 * Best efforts are made to retain any comments previously associated with the `token`,
	 * though all contents within a collection's `items` will be overwritten.
	 *
	 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
	 * as this function does not support any schema operations and won't check for such conflicts.
	 *
	 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
	 * @param value The string representation of the value, which will have its content properly indented.
	 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
	 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
	 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
	 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
	 */
	function setScalarValue(token, value, context = {}) {
	    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
	    let indent = 'indent' in token ? token.indent : null;
	    if (afterKey && typeof indent === 'number')
	        indent += 2;
	    if (!type)
	        switch (token.type) {
	            case 'single-quoted-scalar':
	                type = 'QUOTE_SINGLE';
	                break;
	            case 'double-quoted-scalar':
	                type = 'QUOTE_DOUBLE';
	                break;
	            case 'block-scalar': {
	                const header = token.props[0];
	                if (header.type !== 'block-scalar-header')
	                    throw new Error('Invalid block scalar header');
	                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
	                break;
	            }
	            default:
	                type = 'PLAIN';
	        }
	    const source = stringifyString.stringifyString({ type, value }, {
	        implicitKey: implicitKey || indent === null,
	        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
	        inFlow,
	        options: { blockQuote: true, lineWidth: -1 }
	    });
	    switch (source[0]) {
	        case '|':
	        case '>':
	            setBlockScalarValue(token, source);
	            break;
	        case '"':
	            setFlowScalarValue(token, source, 'double-quoted-scalar');
	            break;
	        case "'":
	            setFlowScalarValue(token, source, 'single-quoted-scalar');
	            break;
	        default:
	            setFlowScalarValue(token, source, 'scalar');
	    }
	}
	function setBlockScalarValue(token, source) {
	    const he = source.indexOf('\n');
	    const head = source.substring(0, he);
	    const body = source.substring(he + 1) + '\n';
	    if (token.type === 'block-scalar') {
	        const header = token.props[0];
	        if (header.type !== 'block-scalar-header')
	            throw new Error('Invalid block scalar header');
	        header.source = head;
	        token.source = body;
	    }
	    else {
	        const { offset } = token;
	        const indent = 'indent' in token ? token.indent : -1;
	        const props = [
	            { type: 'block-scalar-header', offset, indent, source: head }
	        ];
	        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
	            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
	        for (const key of Object.keys(token))
	            if (key !== 'type' && key !== 'offset')
	                delete token[key];
	        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
	    }
	}
	/** @returns `true` if last token is a newline */
	function addEndtoBlockProps(props, end) {
	    if (end)
	        for (const st of end)
	            switch (st.type) {
	                case 'space':
	                case 'comment':
	                    props.push(st);
	                    break;
	                case 'newline':
	                    props.push(st);
	                    return true;
	            }
	    return false;
	}
	function setFlowScalarValue(token, source, type) {
	    switch (token.type) {
	        case 'scalar':
	        case 'double-quoted-scalar':
	        case 'single-quoted-scalar':
	            token.type = type;
	            token.source = source;
	            break;
	        case 'block-scalar': {
	            const end = token.props.slice(1);
	            let oa = source.length;
	            if (token.props[0].type === 'block-scalar-header')
	                oa -= token.props[0].source.length;
	            for (const tok of end)
	                tok.offset += oa;
	            delete token.props;
	            Object.assign(token, { type, source, end });
	            break;
	        }
	        case 'block-map':
	        case 'block-seq': {
	            const offset = token.offset + source.length;
	            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
	            delete token.items;
	            Object.assign(token, { type, source, end: [nl] });
	            break;
	        }
	        default: {
	            const indent = 'indent' in token ? token.indent : -1;
	            const end = 'end' in token && Array.isArray(token.end)
	                ? token.end.filter(st => st.type === 'space' ||
	                    st.type === 'comment' ||
	                    st.type === 'newline')
	                : [];
	            for (const key of Object.keys(token))
	                if (key !== 'type' && key !== 'offset')
	                    delete token[key];
	            Object.assign(token, { type, indent, source, end });
	        }
	    }
	}

	cstScalar.createScalarToken = createScalarToken;
	cstScalar.resolveAsScalar = resolveAsScalar;
	cstScalar.setScalarValue = setScalarValue;
	return cstScalar;
}

var cstStringify = {};

var hasRequiredCstStringify;

function requireCstStringify () {
	if (hasRequiredCstStringify) return cstStringify;
	hasRequiredCstStringify = 1;

	/**
	 * Stringify a CST document, token, or collection item
	 *
	 * Fair warning: This applies no validation whatsoever, and
	 * simply concatenates the sources in their logical order.
	 */
	const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
	function stringifyToken(token) {
	    switch (token.type) {
	        case 'block-scalar': {
	            let res = '';
	            for (const tok of token.props)
	                res += stringifyToken(tok);
	            return res + token.source;
	        }
	        case 'block-map':
	        case 'block-seq': {
	            let res = '';
	            for (const item of token.items)
	                res += stringifyItem(item);
	            return res;
	        }
	        case 'flow-collection': {
	            let res = token.start.source;
	            for (const item of token.items)
	                res += stringifyItem(item);
	            for (const st of token.end)
	                res += st.source;
	            return res;
	        }
	        case 'document': {
	            let res = stringifyItem(token);
	            if (token.end)
	                for (const st of token.end)
	                    res += st.source;
	            return res;
	        }
	        default: {
	            let res = token.source;
	            if ('end' in token && token.end)
	                for (const st of token.end)
	                    res += st.source;
	            return res;
	        }
	    }
	}
	function stringifyItem({ start, key, sep, value }) {
	    let res = '';
	    for (const st of start)
	        res += st.source;
	    if (key)
	        res += stringifyToken(key);
	    if (sep)
	        for (const st of sep)
	            res += st.source;
	    if (value)
	        res += stringifyToken(value);
	    return res;
	}

	cstStringify.stringify = stringify;
	return cstStringify;
}

var cstVisit = {};

var hasRequiredCstVisit;

function requireCstVisit () {
	if (hasRequiredCstVisit) return cstVisit;
	hasRequiredCstVisit = 1;

	const BREAK = Symbol('break visit');
	const SKIP = Symbol('skip children');
	const REMOVE = Symbol('remove item');
	/**
	 * Apply a visitor to a CST document or item.
	 *
	 * Walks through the tree (depth-first) starting from the root, calling a
	 * `visitor` function with two arguments when entering each item:
	 *   - `item`: The current item, which included the following members:
	 *     - `start: SourceToken[]` – Source tokens before the key or value,
	 *       possibly including its anchor or tag.
	 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
	 *       the key before the `:` separator is empty.
	 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
	 *       which should include the `:` map value indicator if `value` is set.
	 *     - `value?: Token` – The value of a sequence item, or of a map pair.
	 *   - `path`: The steps from the root to the current node, as an array of
	 *     `['key' | 'value', number]` tuples.
	 *
	 * The return value of the visitor may be used to control the traversal:
	 *   - `undefined` (default): Do nothing and continue
	 *   - `visit.SKIP`: Do not visit the children of this token, continue with
	 *      next sibling
	 *   - `visit.BREAK`: Terminate traversal completely
	 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
	 *   - `number`: Set the index of the next step. This is useful especially if
	 *     the index of the current token has changed.
	 *   - `function`: Define the next visitor for this item. After the original
	 *     visitor is called on item entry, next visitors are called after handling
	 *     a non-empty `key` and when exiting the item.
	 */
	function visit(cst, visitor) {
	    if ('type' in cst && cst.type === 'document')
	        cst = { start: cst.start, value: cst.value };
	    _visit(Object.freeze([]), cst, visitor);
	}
	// Without the `as symbol` casts, TS declares these in the `visit`
	// namespace using `var`, but then complains about that because
	// `unique symbol` must be `const`.
	/** Terminate visit traversal completely */
	visit.BREAK = BREAK;
	/** Do not visit the children of the current item */
	visit.SKIP = SKIP;
	/** Remove the current item */
	visit.REMOVE = REMOVE;
	/** Find the item at `path` from `cst` as the root */
	visit.itemAtPath = (cst, path) => {
	    let item = cst;
	    for (const [field, index] of path) {
	        const tok = item?.[field];
	        if (tok && 'items' in tok) {
	            item = tok.items[index];
	        }
	        else
	            return undefined;
	    }
	    return item;
	};
	/**
	 * Get the immediate parent collection of the item at `path` from `cst` as the root.
	 *
	 * Throws an error if the collection is not found, which should never happen if the item itself exists.
	 */
	visit.parentCollection = (cst, path) => {
	    const parent = visit.itemAtPath(cst, path.slice(0, -1));
	    const field = path[path.length - 1][0];
	    const coll = parent?.[field];
	    if (coll && 'items' in coll)
	        return coll;
	    throw new Error('Parent collection not found');
	};
	function _visit(path, item, visitor) {
	    let ctrl = visitor(item, path);
	    if (typeof ctrl === 'symbol')
	        return ctrl;
	    for (const field of ['key', 'value']) {
	        const token = item[field];
	        if (token && 'items' in token) {
	            for (let i = 0; i < token.items.length; ++i) {
	                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
	                if (typeof ci === 'number')
	                    i = ci - 1;
	                else if (ci === BREAK)
	                    return BREAK;
	                else if (ci === REMOVE) {
	                    token.items.splice(i, 1);
	                    i -= 1;
	                }
	            }
	            if (typeof ctrl === 'function' && field === 'key')
	                ctrl = ctrl(item, path);
	        }
	    }
	    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
	}

	cstVisit.visit = visit;
	return cstVisit;
}

var hasRequiredCst;

function requireCst () {
	if (hasRequiredCst) return cst;
	hasRequiredCst = 1;

	var cstScalar = requireCstScalar();
	var cstStringify = requireCstStringify();
	var cstVisit = requireCstVisit();

	/** The byte order mark */
	const BOM = '\u{FEFF}';
	/** Start of doc-mode */
	const DOCUMENT = '\x02'; // C0: Start of Text
	/** Unexpected end of flow-mode */
	const FLOW_END = '\x18'; // C0: Cancel
	/** Next token is a scalar value */
	const SCALAR = '\x1f'; // C0: Unit Separator
	/** @returns `true` if `token` is a flow or block collection */
	const isCollection = (token) => !!token && 'items' in token;
	/** @returns `true` if `token` is a flow or block scalar; not an alias */
	const isScalar = (token) => !!token &&
	    (token.type === 'scalar' ||
	        token.type === 'single-quoted-scalar' ||
	        token.type === 'double-quoted-scalar' ||
	        token.type === 'block-scalar');
	/* istanbul ignore next */
	/** Get a printable representation of a lexer token */
	function prettyToken(token) {
	    switch (token) {
	        case BOM:
	            return '<BOM>';
	        case DOCUMENT:
	            return '<DOC>';
	        case FLOW_END:
	            return '<FLOW_END>';
	        case SCALAR:
	            return '<SCALAR>';
	        default:
	            return JSON.stringify(token);
	    }
	}
	/** Identify the type of a lexer token. May return `null` for unknown tokens. */
	function tokenType(source) {
	    switch (source) {
	        case BOM:
	            return 'byte-order-mark';
	        case DOCUMENT:
	            return 'doc-mode';
	        case FLOW_END:
	            return 'flow-error-end';
	        case SCALAR:
	            return 'scalar';
	        case '---':
	            return 'doc-start';
	        case '...':
	            return 'doc-end';
	        case '':
	        case '\n':
	        case '\r\n':
	            return 'newline';
	        case '-':
	            return 'seq-item-ind';
	        case '?':
	            return 'explicit-key-ind';
	        case ':':
	            return 'map-value-ind';
	        case '{':
	            return 'flow-map-start';
	        case '}':
	            return 'flow-map-end';
	        case '[':
	            return 'flow-seq-start';
	        case ']':
	            return 'flow-seq-end';
	        case ',':
	            return 'comma';
	    }
	    switch (source[0]) {
	        case ' ':
	        case '\t':
	            return 'space';
	        case '#':
	            return 'comment';
	        case '%':
	            return 'directive-line';
	        case '*':
	            return 'alias';
	        case '&':
	            return 'anchor';
	        case '!':
	            return 'tag';
	        case "'":
	            return 'single-quoted-scalar';
	        case '"':
	            return 'double-quoted-scalar';
	        case '|':
	        case '>':
	            return 'block-scalar-header';
	    }
	    return null;
	}

	cst.createScalarToken = cstScalar.createScalarToken;
	cst.resolveAsScalar = cstScalar.resolveAsScalar;
	cst.setScalarValue = cstScalar.setScalarValue;
	cst.stringify = cstStringify.stringify;
	cst.visit = cstVisit.visit;
	cst.BOM = BOM;
	cst.DOCUMENT = DOCUMENT;
	cst.FLOW_END = FLOW_END;
	cst.SCALAR = SCALAR;
	cst.isCollection = isCollection;
	cst.isScalar = isScalar;
	cst.prettyToken = prettyToken;
	cst.tokenType = tokenType;
	return cst;
}

var lexer = {};

var hasRequiredLexer;

function requireLexer () {
	if (hasRequiredLexer) return lexer;
	hasRequiredLexer = 1;

	var cst = requireCst();

	/*
	START -> stream

	stream
	  directive -> line-end -> stream
	  indent + line-end -> stream
	  [else] -> line-start

	line-end
	  comment -> line-end
	  newline -> .
	  input-end -> END

	line-start
	  doc-start -> doc
	  doc-end -> stream
	  [else] -> indent -> block-start

	block-start
	  seq-item-start -> block-start
	  explicit-key-start -> block-start
	  map-value-start -> block-start
	  [else] -> doc

	doc
	  line-end -> line-start
	  spaces -> doc
	  anchor -> doc
	  tag -> doc
	  flow-start -> flow -> doc
	  flow-end -> error -> doc
	  seq-item-start -> error -> doc
	  explicit-key-start -> error -> doc
	  map-value-start -> doc
	  alias -> doc
	  quote-start -> quoted-scalar -> doc
	  block-scalar-header -> line-end -> block-scalar(min) -> line-start
	  [else] -> plain-scalar(false, min) -> doc

	flow
	  line-end -> flow
	  spaces -> flow
	  anchor -> flow
	  tag -> flow
	  flow-start -> flow -> flow
	  flow-end -> .
	  seq-item-start -> error -> flow
	  explicit-key-start -> flow
	  map-value-start -> flow
	  alias -> flow
	  quote-start -> quoted-scalar -> flow
	  comma -> flow
	  [else] -> plain-scalar(true, 0) -> flow

	quoted-scalar
	  quote-end -> .
	  [else] -> quoted-scalar

	block-scalar(min)
	  newline + peek(indent < min) -> .
	  [else] -> block-scalar(min)

	plain-scalar(is-flow, min)
	  scalar-end(is-flow) -> .
	  peek(newline + (indent < min)) -> .
	  [else] -> plain-scalar(min)
	*/
	function isEmpty(ch) {
	    switch (ch) {
	        case undefined:
	        case ' ':
	        case '\n':
	        case '\r':
	        case '\t':
	            return true;
	        default:
	            return false;
	    }
	}
	const hexDigits = new Set('0123456789ABCDEFabcdef');
	const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
	const flowIndicatorChars = new Set(',[]{}');
	const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
	const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
	/**
	 * Splits an input string into lexical tokens, i.e. smaller strings that are
	 * easily identifiable by `tokens.tokenType()`.
	 *
	 * Lexing starts always in a "stream" context. Incomplete input may be buffered
	 * until a complete token can be emitted.
	 *
	 * In addition to slices of the original input, the following control characters
	 * may also be emitted:
	 *
	 * - `\x02` (Start of Text): A document starts with the next token
	 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
	 * - `\x1f` (Unit Separator): Next token is a scalar value
	 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
	 */
	class Lexer {
	    constructor() {
	        /**
	         * Flag indicating whether the end of the current buffer marks the end of
	         * all input
	         */
	        this.atEnd = false;
	        /**
	         * Explicit indent set in block scalar header, as an offset from the current
	         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
	         * explicitly set.
	         */
	        this.blockScalarIndent = -1;
	        /**
	         * Block scalars that include a + (keep) chomping indicator in their header
	         * include trailing empty lines, which are otherwise excluded from the
	         * scalar's contents.
	         */
	        this.blockScalarKeep = false;
	        /** Current input */
	        this.buffer = '';
	        /**
	         * Flag noting whether the map value indicator : can immediately follow this
	         * node within a flow context.
	         */
	        this.flowKey = false;
	        /** Count of surrounding flow collection levels. */
	        this.flowLevel = 0;
	        /**
	         * Minimum level of indentation required for next lines to be parsed as a
	         * part of the current scalar value.
	         */
	        this.indentNext = 0;
	        /** Indentation level of the current line. */
	        this.indentValue = 0;
	        /** Position of the next \n character. */
	        this.lineEndPos = null;
	        /** Stores the state of the lexer if reaching the end of incpomplete input */
	        this.next = null;
	        /** A pointer to `buffer`; the current position of the lexer. */
	        this.pos = 0;
	    }
	    /**
	     * Generate YAML tokens from the `source` string. If `incomplete`,
	     * a part of the last line may be left as a buffer for the next call.
	     *
	     * @returns A generator of lexical tokens
	     */
	    *lex(source, incomplete = false) {
	        if (source) {
	            if (typeof source !== 'string')
	                throw TypeError('source is not a string');
	            this.buffer = this.buffer ? this.buffer + source : source;
	            this.lineEndPos = null;
	        }
	        this.atEnd = !incomplete;
	        let next = this.next ?? 'stream';
	        while (next && (incomplete || this.hasChars(1)))
	            next = yield* this.parseNext(next);
	    }
	    atLineEnd() {
	        let i = this.pos;
	        let ch = this.buffer[i];
	        while (ch === ' ' || ch === '\t')
	            ch = this.buffer[++i];
	        if (!ch || ch === '#' || ch === '\n')
	            return true;
	        if (ch === '\r')
	            return this.buffer[i + 1] === '\n';
	        return false;
	    }
	    charAt(n) {
	        return this.buffer[this.pos + n];
	    }
	    continueScalar(offset) {
	        let ch = this.buffer[offset];
	        if (this.indentNext > 0) {
	            let indent = 0;
	            while (ch === ' ')
	                ch = this.buffer[++indent + offset];
	            if (ch === '\r') {
	                const next = this.buffer[indent + offset + 1];
	                if (next === '\n' || (!next && !this.atEnd))
	                    return offset + indent + 1;
	            }
	            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
	                ? offset + indent
	                : -1;
	        }
	        if (ch === '-' || ch === '.') {
	            const dt = this.buffer.substr(offset, 3);
	            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
	                return -1;
	        }
	        return offset;
	    }
	    getLine() {
	        let end = this.lineEndPos;
	        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
	            end = this.buffer.indexOf('\n', this.pos);
	            this.lineEndPos = end;
	        }
	        if (end === -1)
	            return this.atEnd ? this.buffer.substring(this.pos) : null;
	        if (this.buffer[end - 1] === '\r')
	            end -= 1;
	        return this.buffer.substring(this.pos, end);
	    }
	    hasChars(n) {
	        return this.pos + n <= this.buffer.length;
	    }
	    setNext(state) {
	        this.buffer = this.buffer.substring(this.pos);
	        this.pos = 0;
	        this.lineEndPos = null;
	        this.next = state;
	        return null;
	    }
	    peek(n) {
	        return this.buffer.substr(this.pos, n);
	    }
	    *parseNext(next) {
	        switch (next) {
	            case 'stream':
	                return yield* this.parseStream();
	            case 'line-start':
	                return yield* this.parseLineStart();
	            case 'block-start':
	                return yield* this.parseBlockStart();
	            case 'doc':
	                return yield* this.parseDocument();
	            case 'flow':
	                return yield* this.parseFlowCollection();
	            case 'quoted-scalar':
	                return yield* this.parseQuotedScalar();
	            case 'block-scalar':
	                return yield* this.parseBlockScalar();
	            case 'plain-scalar':
	                return yield* this.parsePlainScalar();
	        }
	    }
	    *parseStream() {
	        let line = this.getLine();
	        if (line === null)
	            return this.setNext('stream');
	        if (line[0] === cst.BOM) {
	            yield* this.pushCount(1);
	            line = line.substring(1);
	        }
	        if (line[0] === '%') {
	            let dirEnd = line.length;
	            let cs = line.indexOf('#');
	            while (cs !== -1) {
	                const ch = line[cs - 1];
	                if (ch === ' ' || ch === '\t') {
	                    dirEnd = cs - 1;
	                    break;
	                }
	                else {
	                    cs = line.indexOf('#', cs + 1);
	                }
	            }
	            while (true) {
	                const ch = line[dirEnd - 1];
	                if (ch === ' ' || ch === '\t')
	                    dirEnd -= 1;
	                else
	                    break;
	            }
	            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
	            yield* this.pushCount(line.length - n); // possible comment
	            this.pushNewline();
	            return 'stream';
	        }
	        if (this.atLineEnd()) {
	            const sp = yield* this.pushSpaces(true);
	            yield* this.pushCount(line.length - sp);
	            yield* this.pushNewline();
	            return 'stream';
	        }
	        yield cst.DOCUMENT;
	        return yield* this.parseLineStart();
	    }
	    *parseLineStart() {
	        const ch = this.charAt(0);
	        if (!ch && !this.atEnd)
	            return this.setNext('line-start');
	        if (ch === '-' || ch === '.') {
	            if (!this.atEnd && !this.hasChars(4))
	                return this.setNext('line-start');
	            const s = this.peek(3);
	            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
	                yield* this.pushCount(3);
	                this.indentValue = 0;
	                this.indentNext = 0;
	                return s === '---' ? 'doc' : 'stream';
	            }
	        }
	        this.indentValue = yield* this.pushSpaces(false);
	        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
	            this.indentNext = this.indentValue;
	        return yield* this.parseBlockStart();
	    }
	    *parseBlockStart() {
	        const [ch0, ch1] = this.peek(2);
	        if (!ch1 && !this.atEnd)
	            return this.setNext('block-start');
	        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
	            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
	            this.indentNext = this.indentValue + 1;
	            this.indentValue += n;
	            return 'block-start';
	        }
	        return 'doc';
	    }
	    *parseDocument() {
	        yield* this.pushSpaces(true);
	        const line = this.getLine();
	        if (line === null)
	            return this.setNext('doc');
	        let n = yield* this.pushIndicators();
	        switch (line[n]) {
	            case '#':
	                yield* this.pushCount(line.length - n);
	            // fallthrough
	            case undefined:
	                yield* this.pushNewline();
	                return yield* this.parseLineStart();
	            case '{':
	            case '[':
	                yield* this.pushCount(1);
	                this.flowKey = false;
	                this.flowLevel = 1;
	                return 'flow';
	            case '}':
	            case ']':
	                // this is an error
	                yield* this.pushCount(1);
	                return 'doc';
	            case '*':
	                yield* this.pushUntil(isNotAnchorChar);
	                return 'doc';
	            case '"':
	            case "'":
	                return yield* this.parseQuotedScalar();
	            case '|':
	            case '>':
	                n += yield* this.parseBlockScalarHeader();
	                n += yield* this.pushSpaces(true);
	                yield* this.pushCount(line.length - n);
	                yield* this.pushNewline();
	                return yield* this.parseBlockScalar();
	            default:
	                return yield* this.parsePlainScalar();
	        }
	    }
	    *parseFlowCollection() {
	        let nl, sp;
	        let indent = -1;
	        do {
	            nl = yield* this.pushNewline();
	            if (nl > 0) {
	                sp = yield* this.pushSpaces(false);
	                this.indentValue = indent = sp;
	            }
	            else {
	                sp = 0;
	            }
	            sp += yield* this.pushSpaces(true);
	        } while (nl + sp > 0);
	        const line = this.getLine();
	        if (line === null)
	            return this.setNext('flow');
	        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
	            (indent === 0 &&
	                (line.startsWith('---') || line.startsWith('...')) &&
	                isEmpty(line[3]))) {
	            // Allowing for the terminal ] or } at the same (rather than greater)
	            // indent level as the initial [ or { is technically invalid, but
	            // failing here would be surprising to users.
	            const atFlowEndMarker = indent === this.indentNext - 1 &&
	                this.flowLevel === 1 &&
	                (line[0] === ']' || line[0] === '}');
	            if (!atFlowEndMarker) {
	                // this is an error
	                this.flowLevel = 0;
	                yield cst.FLOW_END;
	                return yield* this.parseLineStart();
	            }
	        }
	        let n = 0;
	        while (line[n] === ',') {
	            n += yield* this.pushCount(1);
	            n += yield* this.pushSpaces(true);
	            this.flowKey = false;
	        }
	        n += yield* this.pushIndicators();
	        switch (line[n]) {
	            case undefined:
	                return 'flow';
	            case '#':
	                yield* this.pushCount(line.length - n);
	                return 'flow';
	            case '{':
	            case '[':
	                yield* this.pushCount(1);
	                this.flowKey = false;
	                this.flowLevel += 1;
	                return 'flow';
	            case '}':
	            case ']':
	                yield* this.pushCount(1);
	                this.flowKey = true;
	                this.flowLevel -= 1;
	                return this.flowLevel ? 'flow' : 'doc';
	            case '*':
	                yield* this.pushUntil(isNotAnchorChar);
	                return 'flow';
	            case '"':
	            case "'":
	                this.flowKey = true;
	                return yield* this.parseQuotedScalar();
	            case ':': {
	                const next = this.charAt(1);
	                if (this.flowKey || isEmpty(next) || next === ',') {
	                    this.flowKey = false;
	                    yield* this.pushCount(1);
	                    yield* this.pushSpaces(true);
	                    return 'flow';
	                }
	            }
	            // fallthrough
	            default:
	                this.flowKey = false;
	                return yield* this.parsePlainScalar();
	        }
	    }
	    *parseQuotedScalar() {
	        const quote = this.charAt(0);
	        let end = this.buffer.indexOf(quote, this.pos + 1);
	        if (quote === "'") {
	            while (end !== -1 && this.buffer[end + 1] === "'")
	                end = this.buffer.indexOf("'", end + 2);
	        }
	        else {
	            // double-quote
	            while (end !== -1) {
	                let n = 0;
	                while (this.buffer[end - 1 - n] === '\\')
	                    n += 1;
	                if (n % 2 === 0)
	                    break;
	                end = this.buffer.indexOf('"', end + 1);
	            }
	        }
	        // Only looking for newlines within the quotes
	        const qb = this.buffer.substring(0, end);
	        let nl = qb.indexOf('\n', this.pos);
	        if (nl !== -1) {
	            while (nl !== -1) {
	                const cs = this.continueScalar(nl + 1);
	                if (cs === -1)
	                    break;
	                nl = qb.indexOf('\n', cs);
	            }
	            if (nl !== -1) {
	                // this is an error caused by an unexpected unindent
	                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
	            }
	        }
	        if (end === -1) {
	            if (!this.atEnd)
	                return this.setNext('quoted-scalar');
	            end = this.buffer.length;
	        }
	        yield* this.pushToIndex(end + 1, false);
	        return this.flowLevel ? 'flow' : 'doc';
	    }
	    *parseBlockScalarHeader() {
	        this.blockScalarIndent = -1;
	        this.blockScalarKeep = false;
	        let i = this.pos;
	        while (true) {
	            const ch = this.buffer[++i];
	            if (ch === '+')
	                this.blockScalarKeep = true;
	            else if (ch > '0' && ch <= '9')
	                this.blockScalarIndent = Number(ch) - 1;
	            else if (ch !== '-')
	                break;
	        }
	        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
	    }
	    *parseBlockScalar() {
	        let nl = this.pos - 1; // may be -1 if this.pos === 0
	        let indent = 0;
	        let ch;
	        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
	            switch (ch) {
	                case ' ':
	                    indent += 1;
	                    break;
	                case '\n':
	                    nl = i;
	                    indent = 0;
	                    break;
	                case '\r': {
	                    const next = this.buffer[i + 1];
	                    if (!next && !this.atEnd)
	                        return this.setNext('block-scalar');
	                    if (next === '\n')
	                        break;
	                } // fallthrough
	                default:
	                    break loop;
	            }
	        }
	        if (!ch && !this.atEnd)
	            return this.setNext('block-scalar');
	        if (indent >= this.indentNext) {
	            if (this.blockScalarIndent === -1)
	                this.indentNext = indent;
	            else {
	                this.indentNext =
	                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
	            }
	            do {
	                const cs = this.continueScalar(nl + 1);
	                if (cs === -1)
	                    break;
	                nl = this.buffer.indexOf('\n', cs);
	            } while (nl !== -1);
	            if (nl === -1) {
	                if (!this.atEnd)
	                    return this.setNext('block-scalar');
	                nl = this.buffer.length;
	            }
	        }
	        // Trailing insufficiently indented tabs are invalid.
	        // To catch that during parsing, we include them in the block scalar value.
	        let i = nl + 1;
	        ch = this.buffer[i];
	        while (ch === ' ')
	            ch = this.buffer[++i];
	        if (ch === '\t') {
	            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
	                ch = this.buffer[++i];
	            nl = i - 1;
	        }
	        else if (!this.blockScalarKeep) {
	            do {
	                let i = nl - 1;
	                let ch = this.buffer[i];
	                if (ch === '\r')
	                    ch = this.buffer[--i];
	                const lastChar = i; // Drop the line if last char not more indented
	                while (ch === ' ')
	                    ch = this.buffer[--i];
	                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
	                    nl = i;
	                else
	                    break;
	            } while (true);
	        }
	        yield cst.SCALAR;
	        yield* this.pushToIndex(nl + 1, true);
	        return yield* this.parseLineStart();
	    }
	    *parsePlainScalar() {
	        const inFlow = this.flowLevel > 0;
	        let end = this.pos - 1;
	        let i = this.pos - 1;
	        let ch;
	        while ((ch = this.buffer[++i])) {
	            if (ch === ':') {
	                const next = this.buffer[i + 1];
	                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
	                    break;
	                end = i;
	            }
	            else if (isEmpty(ch)) {
	                let next = this.buffer[i + 1];
	                if (ch === '\r') {
	                    if (next === '\n') {
	                        i += 1;
	                        ch = '\n';
	                        next = this.buffer[i + 1];
	                    }
	                    else
	                        end = i;
	                }
	                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
	                    break;
	                if (ch === '\n') {
	                    const cs = this.continueScalar(i + 1);
	                    if (cs === -1)
	                        break;
	                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
	                }
	            }
	            else {
	                if (inFlow && flowIndicatorChars.has(ch))
	                    break;
	                end = i;
	            }
	        }
	        if (!ch && !this.atEnd)
	            return this.setNext('plain-scalar');
	        yield cst.SCALAR;
	        yield* this.pushToIndex(end + 1, true);
	        return inFlow ? 'flow' : 'doc';
	    }
	    *pushCount(n) {
	        if (n > 0) {
	            yield this.buffer.substr(this.pos, n);
	            this.pos += n;
	            return n;
	        }
	        return 0;
	    }
	    *pushToIndex(i, allowEmpty) {
	        const s = this.buffer.slice(this.pos, i);
	        if (s) {
	            yield s;
	            this.pos += s.length;
	            return s.length;
	        }
	        else if (allowEmpty)
	            yield '';
	        return 0;
	    }
	    *pushIndicators() {
	        let n = 0;
	        loop: while (true) {
	            switch (this.charAt(0)) {
	                case '!':
	                    n += yield* this.pushTag();
	                    n += yield* this.pushSpaces(true);
	                    continue loop;
	                case '&':
	                    n += yield* this.pushUntil(isNotAnchorChar);
	                    n += yield* this.pushSpaces(true);
	                    continue loop;
	                case '-': // this is an error
	                case '?': // this is an error outside flow collections
	                case ':': {
	                    const inFlow = this.flowLevel > 0;
	                    const ch1 = this.charAt(1);
	                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
	                        if (!inFlow)
	                            this.indentNext = this.indentValue + 1;
	                        else if (this.flowKey)
	                            this.flowKey = false;
	                        n += yield* this.pushCount(1);
	                        n += yield* this.pushSpaces(true);
	                        continue loop;
	                    }
	                }
	            }
	            break loop;
	        }
	        return n;
	    }
	    *pushTag() {
	        if (this.charAt(1) === '<') {
	            let i = this.pos + 2;
	            let ch = this.buffer[i];
	            while (!isEmpty(ch) && ch !== '>')
	                ch = this.buffer[++i];
	            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
	        }
	        else {
	            let i = this.pos + 1;
	            let ch = this.buffer[i];
	            while (ch) {
	                if (tagChars.has(ch))
	                    ch = this.buffer[++i];
	                else if (ch === '%' &&
	                    hexDigits.has(this.buffer[i + 1]) &&
	                    hexDigits.has(this.buffer[i + 2])) {
	                    ch = this.buffer[(i += 3)];
	                }
	                else
	                    break;
	            }
	            return yield* this.pushToIndex(i, false);
	        }
	    }
	    *pushNewline() {
	        const ch = this.buffer[this.pos];
	        if (ch === '\n')
	            return yield* this.pushCount(1);
	        else if (ch === '\r' && this.charAt(1) === '\n')
	            return yield* this.pushCount(2);
	        else
	            return 0;
	    }
	    *pushSpaces(allowTabs) {
	        let i = this.pos - 1;
	        let ch;
	        do {
	            ch = this.buffer[++i];
	        } while (ch === ' ' || (allowTabs && ch === '\t'));
	        const n = i - this.pos;
	        if (n > 0) {
	            yield this.buffer.substr(this.pos, n);
	            this.pos = i;
	        }
	        return n;
	    }
	    *pushUntil(test) {
	        let i = this.pos;
	        let ch = this.buffer[i];
	        while (!test(ch))
	            ch = this.buffer[++i];
	        return yield* this.pushToIndex(i, false);
	    }
	}

	lexer.Lexer = Lexer;
	return lexer;
}

var lineCounter = {};

var hasRequiredLineCounter;

function requireLineCounter () {
	if (hasRequiredLineCounter) return lineCounter;
	hasRequiredLineCounter = 1;

	/**
	 * Tracks newlines during parsing in order to provide an efficient API for
	 * determining the one-indexed `{ line, col }` position for any offset
	 * within the input.
	 */
	class LineCounter {
	    constructor() {
	        this.lineStarts = [];
	        /**
	         * Should be called in ascending order. Otherwise, call
	         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
	         */
	        this.addNewLine = (offset) => this.lineStarts.push(offset);
	        /**
	         * Performs a binary search and returns the 1-indexed { line, col }
	         * position of `offset`. If `line === 0`, `addNewLine` has never been
	         * called or `offset` is before the first known newline.
	         */
	        this.linePos = (offset) => {
	            let low = 0;
	            let high = this.lineStarts.length;
	            while (low < high) {
	                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
	                if (this.lineStarts[mid] < offset)
	                    low = mid + 1;
	                else
	                    high = mid;
	            }
	            if (this.lineStarts[low] === offset)
	                return { line: low + 1, col: 1 };
	            if (low === 0)
	                return { line: 0, col: offset };
	            const start = this.lineStarts[low - 1];
	            return { line: low, col: offset - start + 1 };
	        };
	    }
	}

	lineCounter.LineCounter = LineCounter;
	return lineCounter;
}

var parser = {};

var hasRequiredParser;

function requireParser () {
	if (hasRequiredParser) return parser;
	hasRequiredParser = 1;

	var node_process = require$$0;
	var cst = requireCst();
	var lexer = requireLexer();

	function includesToken(list, type) {
	    for (let i = 0; i < list.length; ++i)
	        if (list[i].type === type)
	            return true;
	    return false;
	}
	function findNonEmptyIndex(list) {
	    for (let i = 0; i < list.length; ++i) {
	        switch (list[i].type) {
	            case 'space':
	            case 'comment':
	            case 'newline':
	                break;
	            default:
	                return i;
	        }
	    }
	    return -1;
	}
	function isFlowToken(token) {
	    switch (token?.type) {
	        case 'alias':
	        case 'scalar':
	        case 'single-quoted-scalar':
	        case 'double-quoted-scalar':
	        case 'flow-collection':
	            return true;
	        default:
	            return false;
	    }
	}
	function getPrevProps(parent) {
	    switch (parent.type) {
	        case 'document':
	            return parent.start;
	        case 'block-map': {
	            const it = parent.items[parent.items.length - 1];
	            return it.sep ?? it.start;
	        }
	        case 'block-seq':
	            return parent.items[parent.items.length - 1].start;
	        /* istanbul ignore next should not happen */
	        default:
	            return [];
	    }
	}
	/** Note: May modify input array */
	function getFirstKeyStartProps(prev) {
	    if (prev.length === 0)
	        return [];
	    let i = prev.length;
	    loop: while (--i >= 0) {
	        switch (prev[i].type) {
	            case 'doc-start':
	            case 'explicit-key-ind':
	            case 'map-value-ind':
	            case 'seq-item-ind':
	            case 'newline':
	                break loop;
	        }
	    }
	    while (prev[++i]?.type === 'space') {
	        /* loop */
	    }
	    return prev.splice(i, prev.length);
	}
	function arrayPushArray(target, source) {
	    // May exhaust call stack with large `source` array
	    if (source.length < 1e5)
	        Array.prototype.push.apply(target, source);
	    else
	        for (let i = 0; i < source.length; ++i)
	            target.push(source[i]);
	}
	function fixFlowSeqItems(fc) {
	    if (fc.start.type === 'flow-seq-start') {
	        for (const it of fc.items) {
	            if (it.sep &&
	                !it.value &&
	                !includesToken(it.start, 'explicit-key-ind') &&
	                !includesToken(it.sep, 'map-value-ind')) {
	                if (it.key)
	                    it.value = it.key;
	                delete it.key;
	                if (isFlowToken(it.value)) {
	                    if (it.value.end)
	                        arrayPushArray(it.value.end, it.sep);
	                    else
	                        it.value.end = it.sep;
	                }
	                else
	                    arrayPushArray(it.start, it.sep);
	                delete it.sep;
	            }
	        }
	    }
	}
	/**
	 * A YAML concrete syntax tree (CST) parser
	 *
	 * ```ts
	 * const src: string = ...
	 * for (const token of new Parser().parse(src)) {
	 *   // token: Token
	 * }
	 * ```
	 *
	 * To use the parser with a user-provided lexer:
	 *
	 * ```ts
	 * function* parse(source: string, lexer: Lexer) {
	 *   const parser = new Parser()
	 *   for (const lexeme of lexer.lex(source))
	 *     yield* parser.next(lexeme)
	 *   yield* parser.end()
	 * }
	 *
	 * const src: string = ...
	 * const lexer = new Lexer()
	 * for (const token of parse(src, lexer)) {
	 *   // token: Token
	 * }
	 * ```
	 */
	class Parser {
	    /**
	     * @param onNewLine - If defined, called separately with the start position of
	     *   each new line (in `parse()`, including the start of input).
	     */
	    constructor(onNewLine) {
	        /** If true, space and sequence indicators count as indentation */
	        this.atNewLine = true;
	        /** If true, next token is a scalar value */
	        this.atScalar = false;
	        /** Current indentation level */
	        this.indent = 0;
	        /** Current offset since the start of parsing */
	        this.offset = 0;
	        /** On the same line with a block map key */
	        this.onKeyLine = false;
	        /** Top indicates the node that's currently being built */
	        this.stack = [];
	        /** The source of the current token, set in parse() */
	        this.source = '';
	        /** The type of the current token, set in parse() */
	        this.type = '';
	        // Must be defined after `next()`
	        this.lexer = new lexer.Lexer();
	        this.onNewLine = onNewLine;
	    }
	    /**
	     * Parse `source` as a YAML stream.
	     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
	     *
	     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
	     *
	     * @returns A generator of tokens representing each directive, document, and other structure.
	     */
	    *parse(source, incomplete = false) {
	        if (this.onNewLine && this.offset === 0)
	            this.onNewLine(0);
	        for (const lexeme of this.lexer.lex(source, incomplete))
	            yield* this.next(lexeme);
	        if (!incomplete)
	            yield* this.end();
	    }
	    /**
	     * Advance the parser by the `source` of one lexical token.
	     */
	    *next(source) {
	        this.source = source;
	        if (node_process.env.LOG_TOKENS)
	            console.log('|', cst.prettyToken(source));
	        if (this.atScalar) {
	            this.atScalar = false;
	            yield* this.step();
	            this.offset += source.length;
	            return;
	        }
	        const type = cst.tokenType(source);
	        if (!type) {
	            const message = `Not a YAML token: ${source}`;
	            yield* this.pop({ type: 'error', offset: this.offset, message, source });
	            this.offset += source.length;
	        }
	        else if (type === 'scalar') {
	            this.atNewLine = false;
	            this.atScalar = true;
	            this.type = 'scalar';
	        }
	        else {
	            this.type = type;
	            yield* this.step();
	            switch (type) {
	                case 'newline':
	                    this.atNewLine = true;
	                    this.indent = 0;
	                    if (this.onNewLine)
	                        this.onNewLine(this.offset + source.length);
	                    break;
	                case 'space':
	                    if (this.atNewLine && source[0] === ' ')
	                        this.indent += source.length;
	                    break;
	                case 'explicit-key-ind':
	                case 'map-value-ind':
	                case 'seq-item-ind':
	                    if (this.atNewLine)
	                        this.indent += source.length;
	                    break;
	                case 'doc-mode':
	                case 'flow-error-end':
	                    return;
	                default:
	                    this.atNewLine = false;
	            }
	            this.offset += source.length;
	        }
	    }
	    /** Call at end of input to push out any remaining constructions */
	    *end() {
	        while (this.stack.length > 0)
	            yield* this.pop();
	    }
	    get sourceToken() {
	        const st = {
	            type: this.type,
	            offset: this.offset,
	            indent: this.indent,
	            source: this.source
	        };
	        return st;
	    }
	    *step() {
	        const top = this.peek(1);
	        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
	            while (this.stack.length > 0)
	                yield* this.pop();
	            this.stack.push({
	                type: 'doc-end',
	                offset: this.offset,
	                source: this.source
	            });
	            return;
	        }
	        if (!top)
	            return yield* this.stream();
	        switch (top.type) {
	            case 'document':
	                return yield* this.document(top);
	            case 'alias':
	            case 'scalar':
	            case 'single-quoted-scalar':
	            case 'double-quoted-scalar':
	                return yield* this.scalar(top);
	            case 'block-scalar':
	                return yield* this.blockScalar(top);
	            case 'block-map':
	                return yield* this.blockMap(top);
	            case 'block-seq':
	                return yield* this.blockSequence(top);
	            case 'flow-collection':
	                return yield* this.flowCollection(top);
	            case 'doc-end':
	                return yield* this.documentEnd(top);
	        }
	        /* istanbul ignore next should not happen */
	        yield* this.pop();
	    }
	    peek(n) {
	        return this.stack[this.stack.length - n];
	    }
	    *pop(error) {
	        const token = error ?? this.stack.pop();
	        /* istanbul ignore if should not happen */
	        if (!token) {
	            const message = 'Tried to pop an empty stack';
	            yield { type: 'error', offset: this.offset, source: '', message };
	        }
	        else if (this.stack.length === 0) {
	            yield token;
	        }
	        else {
	            const top = this.peek(1);
	            if (token.type === 'block-scalar') {
	                // Block scalars use their parent rather than header indent
	                token.indent = 'indent' in top ? top.indent : 0;
	            }
	            else if (token.type === 'flow-collection' && top.type === 'document') {
	                // Ignore all indent for top-level flow collections
	                token.indent = 0;
	            }
	            if (token.type === 'flow-collection')
	                fixFlowSeqItems(token);
	            switch (top.type) {
	                case 'document':
	                    top.value = token;
	                    break;
	                case 'block-scalar':
	                    top.props.push(token); // error
	                    break;
	                case 'block-map': {
	                    const it = top.items[top.items.length - 1];
	                    if (it.value) {
	                        top.items.push({ start: [], key: token, sep: [] });
	                        this.onKeyLine = true;
	                        return;
	                    }
	                    else if (it.sep) {
	                        it.value = token;
	                    }
	                    else {
	                        Object.assign(it, { key: token, sep: [] });
	                        this.onKeyLine = !it.explicitKey;
	                        return;
	                    }
	                    break;
	                }
	                case 'block-seq': {
	                    const it = top.items[top.items.length - 1];
	                    if (it.value)
	                        top.items.push({ start: [], value: token });
	                    else
	                        it.value = token;
	                    break;
	                }
	                case 'flow-collection': {
	                    const it = top.items[top.items.length - 1];
	                    if (!it || it.value)
	                        top.items.push({ start: [], key: token, sep: [] });
	                    else if (it.sep)
	                        it.value = token;
	                    else
	                        Object.assign(it, { key: token, sep: [] });
	                    return;
	                }
	                /* istanbul ignore next should not happen */
	                default:
	                    yield* this.pop();
	                    yield* this.pop(token);
	            }
	            if ((top.type === 'document' ||
	                top.type === 'block-map' ||
	                top.type === 'block-seq') &&
	                (token.type === 'block-map' || token.type === 'block-seq')) {
	                const last = token.items[token.items.length - 1];
	                if (last &&
	                    !last.sep &&
	                    !last.value &&
	                    last.start.length > 0 &&
	                    findNonEmptyIndex(last.start) === -1 &&
	                    (token.indent === 0 ||
	                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
	                    if (top.type === 'document')
	                        top.end = last.start;
	                    else
	                        top.items.push({ start: last.start });
	                    token.items.splice(-1, 1);
	                }
	            }
	        }
	    }
	    *stream() {
	        switch (this.type) {
	            case 'directive-line':
	                yield { type: 'directive', offset: this.offset, source: this.source };
	                return;
	            case 'byte-order-mark':
	            case 'space':
	            case 'comment':
	            case 'newline':
	                yield this.sourceToken;
	                return;
	            case 'doc-mode':
	            case 'doc-start': {
	                const doc = {
	                    type: 'document',
	                    offset: this.offset,
	                    start: []
	                };
	                if (this.type === 'doc-start')
	                    doc.start.push(this.sourceToken);
	                this.stack.push(doc);
	                return;
	            }
	        }
	        yield {
	            type: 'error',
	            offset: this.offset,
	            message: `Unexpected ${this.type} token in YAML stream`,
	            source: this.source
	        };
	    }
	    *document(doc) {
	        if (doc.value)
	            return yield* this.lineEnd(doc);
	        switch (this.type) {
	            case 'doc-start': {
	                if (findNonEmptyIndex(doc.start) !== -1) {
	                    yield* this.pop();
	                    yield* this.step();
	                }
	                else
	                    doc.start.push(this.sourceToken);
	                return;
	            }
	            case 'anchor':
	            case 'tag':
	            case 'space':
	            case 'comment':
	            case 'newline':
	                doc.start.push(this.sourceToken);
	                return;
	        }
	        const bv = this.startBlockValue(doc);
	        if (bv)
	            this.stack.push(bv);
	        else {
	            yield {
	                type: 'error',
	                offset: this.offset,
	                message: `Unexpected ${this.type} token in YAML document`,
	                source: this.source
	            };
	        }
	    }
	    *scalar(scalar) {
	        if (this.type === 'map-value-ind') {
	            const prev = getPrevProps(this.peek(2));
	            const start = getFirstKeyStartProps(prev);
	            let sep;
	            if (scalar.end) {
	                sep = scalar.end;
	                sep.push(this.sourceToken);
	                delete scalar.end;
	            }
	            else
	                sep = [this.sourceToken];
	            const map = {
	                type: 'block-map',
	                offset: scalar.offset,
	                indent: scalar.indent,
	                items: [{ start, key: scalar, sep }]
	            };
	            this.onKeyLine = true;
	            this.stack[this.stack.length - 1] = map;
	        }
	        else
	            yield* this.lineEnd(scalar);
	    }
	    *blockScalar(scalar) {
	        switch (this.type) {
	            case 'space':
	            case 'comment':
	            case 'newline':
	                scalar.props.push(this.sourceToken);
	                return;
	            case 'scalar':
	                scalar.source = this.source;
	                // block-scalar source includes trailing newline
	                this.atNewLine = true;
	                this.indent = 0;
	                if (this.onNewLine) {
	                    let nl = this.source.indexOf('\n') + 1;
	                    while (nl !== 0) {
	                        this.onNewLine(this.offset + nl);
	                        nl = this.source.indexOf('\n', nl) + 1;
	                    }
	                }
	                yield* this.pop();
	                break;
	            /* istanbul ignore next should not happen */
	            default:
	                yield* this.pop();
	                yield* this.step();
	        }
	    }
	    *blockMap(map) {
	        const it = map.items[map.items.length - 1];
	        // it.sep is true-ish if pair already has key or : separator
	        switch (this.type) {
	            case 'newline':
	                this.onKeyLine = false;
	                if (it.value) {
	                    const end = 'end' in it.value ? it.value.end : undefined;
	                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
	                    if (last?.type === 'comment')
	                        end?.push(this.sourceToken);
	                    else
	                        map.items.push({ start: [this.sourceToken] });
	                }
	                else if (it.sep) {
	                    it.sep.push(this.sourceToken);
	                }
	                else {
	                    it.start.push(this.sourceToken);
	                }
	                return;
	            case 'space':
	            case 'comment':
	                if (it.value) {
	                    map.items.push({ start: [this.sourceToken] });
	                }
	                else if (it.sep) {
	                    it.sep.push(this.sourceToken);
	                }
	                else {
	                    if (this.atIndentedComment(it.start, map.indent)) {
	                        const prev = map.items[map.items.length - 2];
	                        const end = prev?.value?.end;
	                        if (Array.isArray(end)) {
	                            arrayPushArray(end, it.start);
	                            end.push(this.sourceToken);
	                            map.items.pop();
	                            return;
	                        }
	                    }
	                    it.start.push(this.sourceToken);
	                }
	                return;
	        }
	        if (this.indent >= map.indent) {
	            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
	            const atNextItem = atMapIndent &&
	                (it.sep || it.explicitKey) &&
	                this.type !== 'seq-item-ind';
	            // For empty nodes, assign newline-separated not indented empty tokens to following node
	            let start = [];
	            if (atNextItem && it.sep && !it.value) {
	                const nl = [];
	                for (let i = 0; i < it.sep.length; ++i) {
	                    const st = it.sep[i];
	                    switch (st.type) {
	                        case 'newline':
	                            nl.push(i);
	                            break;
	                        case 'space':
	                            break;
	                        case 'comment':
	                            if (st.indent > map.indent)
	                                nl.length = 0;
	                            break;
	                        default:
	                            nl.length = 0;
	                    }
	                }
	                if (nl.length >= 2)
	                    start = it.sep.splice(nl[1]);
	            }
	            switch (this.type) {
	                case 'anchor':
	                case 'tag':
	                    if (atNextItem || it.value) {
	                        start.push(this.sourceToken);
	                        map.items.push({ start });
	                        this.onKeyLine = true;
	                    }
	                    else if (it.sep) {
	                        it.sep.push(this.sourceToken);
	                    }
	                    else {
	                        it.start.push(this.sourceToken);
	                    }
	                    return;
	                case 'explicit-key-ind':
	                    if (!it.sep && !it.explicitKey) {
	                        it.start.push(this.sourceToken);
	                        it.explicitKey = true;
	                    }
	                    else if (atNextItem || it.value) {
	                        start.push(this.sourceToken);
	                        map.items.push({ start, explicitKey: true });
	                    }
	                    else {
	                        this.stack.push({
	                            type: 'block-map',
	                            offset: this.offset,
	                            indent: this.indent,
	                            items: [{ start: [this.sourceToken], explicitKey: true }]
	                        });
	                    }
	                    this.onKeyLine = true;
	                    return;
	                case 'map-value-ind':
	                    if (it.explicitKey) {
	                        if (!it.sep) {
	                            if (includesToken(it.start, 'newline')) {
	                                Object.assign(it, { key: null, sep: [this.sourceToken] });
	                            }
	                            else {
	                                const start = getFirstKeyStartProps(it.start);
	                                this.stack.push({
	                                    type: 'block-map',
	                                    offset: this.offset,
	                                    indent: this.indent,
	                                    items: [{ start, key: null, sep: [this.sourceToken] }]
	                                });
	                            }
	                        }
	                        else if (it.value) {
	                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
	                        }
	                        else if (includesToken(it.sep, 'map-value-ind')) {
	                            this.stack.push({
	                                type: 'block-map',
	                                offset: this.offset,
	                                indent: this.indent,
	                                items: [{ start, key: null, sep: [this.sourceToken] }]
	                            });
	                        }
	                        else if (isFlowToken(it.key) &&
	                            !includesToken(it.sep, 'newline')) {
	                            const start = getFirstKeyStartProps(it.start);
	                            const key = it.key;
	                            const sep = it.sep;
	                            sep.push(this.sourceToken);
	                            // @ts-expect-error type guard is wrong here
	                            delete it.key;
	                            // @ts-expect-error type guard is wrong here
	                            delete it.sep;
	                            this.stack.push({
	                                type: 'block-map',
	                                offset: this.offset,
	                                indent: this.indent,
	                                items: [{ start, key, sep }]
	                            });
	                        }
	                        else if (start.length > 0) {
	                            // Not actually at next item
	                            it.sep = it.sep.concat(start, this.sourceToken);
	                        }
	                        else {
	                            it.sep.push(this.sourceToken);
	                        }
	                    }
	                    else {
	                        if (!it.sep) {
	                            Object.assign(it, { key: null, sep: [this.sourceToken] });
	                        }
	                        else if (it.value || atNextItem) {
	                            map.items.push({ start, key: null, sep: [this.sourceToken] });
	                        }
	                        else if (includesToken(it.sep, 'map-value-ind')) {
	                            this.stack.push({
	                                type: 'block-map',
	                                offset: this.offset,
	                                indent: this.indent,
	                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
	                            });
	                        }
	                        else {
	                            it.sep.push(this.sourceToken);
	                        }
	                    }
	                    this.onKeyLine = true;
	                    return;
	                case 'alias':
	                case 'scalar':
	                case 'single-quoted-scalar':
	                case 'double-quoted-scalar': {
	                    const fs = this.flowScalar(this.type);
	                    if (atNextItem || it.value) {
	                        map.items.push({ start, key: fs, sep: [] });
	                        this.onKeyLine = true;
	                    }
	                    else if (it.sep) {
	                        this.stack.push(fs);
	                    }
	                    else {
	                        Object.assign(it, { key: fs, sep: [] });
	                        this.onKeyLine = true;
	                    }
	                    return;
	                }
	                default: {
	                    const bv = this.startBlockValue(map);
	                    if (bv) {
	                        if (bv.type === 'block-seq') {
	                            if (!it.explicitKey &&
	                                it.sep &&
	                                !includesToken(it.sep, 'newline')) {
	                                yield* this.pop({
	                                    type: 'error',
	                                    offset: this.offset,
	                                    message: 'Unexpected block-seq-ind on same line with key',
	                                    source: this.source
	                                });
	                                return;
	                            }
	                        }
	                        else if (atMapIndent) {
	                            map.items.push({ start });
	                        }
	                        this.stack.push(bv);
	                        return;
	                    }
	                }
	            }
	        }
	        yield* this.pop();
	        yield* this.step();
	    }
	    *blockSequence(seq) {
	        const it = seq.items[seq.items.length - 1];
	        switch (this.type) {
	            case 'newline':
	                if (it.value) {
	                    const end = 'end' in it.value ? it.value.end : undefined;
	                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
	                    if (last?.type === 'comment')
	                        end?.push(this.sourceToken);
	                    else
	                        seq.items.push({ start: [this.sourceToken] });
	                }
	                else
	                    it.start.push(this.sourceToken);
	                return;
	            case 'space':
	            case 'comment':
	                if (it.value)
	                    seq.items.push({ start: [this.sourceToken] });
	                else {
	                    if (this.atIndentedComment(it.start, seq.indent)) {
	                        const prev = seq.items[seq.items.length - 2];
	                        const end = prev?.value?.end;
	                        if (Array.isArray(end)) {
	                            arrayPushArray(end, it.start);
	                            end.push(this.sourceToken);
	                            seq.items.pop();
	                            return;
	                        }
	                    }
	                    it.start.push(this.sourceToken);
	                }
	                return;
	            case 'anchor':
	            case 'tag':
	                if (it.value || this.indent <= seq.indent)
	                    break;
	                it.start.push(this.sourceToken);
	                return;
	            case 'seq-item-ind':
	                if (this.indent !== seq.indent)
	                    break;
	                if (it.value || includesToken(it.start, 'seq-item-ind'))
	                    seq.items.push({ start: [this.sourceToken] });
	                else
	                    it.start.push(this.sourceToken);
	                return;
	        }
	        if (this.indent > seq.indent) {
	            const bv = this.startBlockValue(seq);
	            if (bv) {
	                this.stack.push(bv);
	                return;
	            }
	        }
	        yield* this.pop();
	        yield* this.step();
	    }
	    *flowCollection(fc) {
	        const it = fc.items[fc.items.length - 1];
	        if (this.type === 'flow-error-end') {
	            let top;
	            do {
	                yield* this.pop();
	                top = this.peek(1);
	            } while (top?.type === 'flow-collection');
	        }
	        else if (fc.end.length === 0) {
	            switch (this.type) {
	                case 'comma':
	                case 'explicit-key-ind':
	                    if (!it || it.sep)
	                        fc.items.push({ start: [this.sourceToken] });
	                    else
	                        it.start.push(this.sourceToken);
	                    return;
	                case 'map-value-ind':
	                    if (!it || it.value)
	                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
	                    else if (it.sep)
	                        it.sep.push(this.sourceToken);
	                    else
	                        Object.assign(it, { key: null, sep: [this.sourceToken] });
	                    return;
	                case 'space':
	                case 'comment':
	                case 'newline':
	                case 'anchor':
	                case 'tag':
	                    if (!it || it.value)
	                        fc.items.push({ start: [this.sourceToken] });
	                    else if (it.sep)
	                        it.sep.push(this.sourceToken);
	                    else
	                        it.start.push(this.sourceToken);
	                    return;
	                case 'alias':
	                case 'scalar':
	                case 'single-quoted-scalar':
	                case 'double-quoted-scalar': {
	                    const fs = this.flowScalar(this.type);
	                    if (!it || it.value)
	                        fc.items.push({ start: [], key: fs, sep: [] });
	                    else if (it.sep)
	                        this.stack.push(fs);
	                    else
	                        Object.assign(it, { key: fs, sep: [] });
	                    return;
	                }
	                case 'flow-map-end':
	                case 'flow-seq-end':
	                    fc.end.push(this.sourceToken);
	                    return;
	            }
	            const bv = this.startBlockValue(fc);
	            /* istanbul ignore else should not happen */
	            if (bv)
	                this.stack.push(bv);
	            else {
	                yield* this.pop();
	                yield* this.step();
	            }
	        }
	        else {
	            const parent = this.peek(2);
	            if (parent.type === 'block-map' &&
	                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
	                    (this.type === 'newline' &&
	                        !parent.items[parent.items.length - 1].sep))) {
	                yield* this.pop();
	                yield* this.step();
	            }
	            else if (this.type === 'map-value-ind' &&
	                parent.type !== 'flow-collection') {
	                const prev = getPrevProps(parent);
	                const start = getFirstKeyStartProps(prev);
	                fixFlowSeqItems(fc);
	                const sep = fc.end.splice(1, fc.end.length);
	                sep.push(this.sourceToken);
	                const map = {
	                    type: 'block-map',
	                    offset: fc.offset,
	                    indent: fc.indent,
	                    items: [{ start, key: fc, sep }]
	                };
	                this.onKeyLine = true;
	                this.stack[this.stack.length - 1] = map;
	            }
	            else {
	                yield* this.lineEnd(fc);
	            }
	        }
	    }
	    flowScalar(type) {
	        if (this.onNewLine) {
	            let nl = this.source.indexOf('\n') + 1;
	            while (nl !== 0) {
	                this.onNewLine(this.offset + nl);
	                nl = this.source.indexOf('\n', nl) + 1;
	            }
	        }
	        return {
	            type,
	            offset: this.offset,
	            indent: this.indent,
	            source: this.source
	        };
	    }
	    startBlockValue(parent) {
	        switch (this.type) {
	            case 'alias':
	            case 'scalar':
	            case 'single-quoted-scalar':
	            case 'double-quoted-scalar':
	                return this.flowScalar(this.type);
	            case 'block-scalar-header':
	                return {
	                    type: 'block-scalar',
	                    offset: this.offset,
	                    indent: this.indent,
	                    props: [this.sourceToken],
	                    source: ''
	                };
	            case 'flow-map-start':
	            case 'flow-seq-start':
	                return {
	                    type: 'flow-collection',
	                    offset: this.offset,
	                    indent: this.indent,
	                    start: this.sourceToken,
	                    items: [],
	                    end: []
	                };
	            case 'seq-item-ind':
	                return {
	                    type: 'block-seq',
	                    offset: this.offset,
	                    indent: this.indent,
	                    items: [{ start: [this.sourceToken] }]
	                };
	            case 'explicit-key-ind': {
	                this.onKeyLine = true;
	                const prev = getPrevProps(parent);
	                const start = getFirstKeyStartProps(prev);
	                start.push(this.sourceToken);
	                return {
	                    type: 'block-map',
	                    offset: this.offset,
	                    indent: this.indent,
	                    items: [{ start, explicitKey: true }]
	                };
	            }
	            case 'map-value-ind': {
	                this.onKeyLine = true;
	                const prev = getPrevProps(parent);
	                const start = getFirstKeyStartProps(prev);
	                return {
	                    type: 'block-map',
	                    offset: this.offset,
	                    indent: this.indent,
	                    items: [{ start, key: null, sep: [this.sourceToken] }]
	                };
	            }
	        }
	        return null;
	    }
	    atIndentedComment(start, indent) {
	        if (this.type !== 'comment')
	            return false;
	        if (this.indent <= indent)
	            return false;
	        return start.every(st => st.type === 'newline' || st.type === 'space');
	    }
	    *documentEnd(docEnd) {
	        if (this.type !== 'doc-mode') {
	            if (docEnd.end)
	                docEnd.end.push(this.sourceToken);
	            else
	                docEnd.end = [this.sourceToken];
	            if (this.type === 'newline')
	                yield* this.pop();
	        }
	    }
	    *lineEnd(token) {
	        switch (this.type) {
	            case 'comma':
	            case 'doc-start':
	            case 'doc-end':
	            case 'flow-seq-end':
	            case 'flow-map-end':
	            case 'map-value-ind':
	                yield* this.pop();
	                yield* this.step();
	                break;
	            case 'newline':
	                this.onKeyLine = false;
	            // fallthrough
	            case 'space':
	            case 'comment':
	            default:
	                // all other values are errors
	                if (token.end)
	                    token.end.push(this.sourceToken);
	                else
	                    token.end = [this.sourceToken];
	                if (this.type === 'newline')
	                    yield* this.pop();
	        }
	    }
	}

	parser.Parser = Parser;
	return parser;
}

var publicApi = {};

var hasRequiredPublicApi;

function requirePublicApi () {
	if (hasRequiredPublicApi) return publicApi;
	hasRequiredPublicApi = 1;

	var composer = requireComposer();
	var Document = requireDocument();
	var errors = requireErrors();
	var log = requireLog();
	var identity = requireIdentity();
	var lineCounter = requireLineCounter();
	var parser = requireParser();

	function parseOptions(options) {
	    const prettyErrors = options.prettyErrors !== false;
	    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
	    return { lineCounter: lineCounter$1, prettyErrors };
	}
	/**
	 * Parse the input as a stream of YAML documents.
	 *
	 * Documents should be separated from each other by `...` or `---` marker lines.
	 *
	 * @returns If an empty `docs` array is returned, it will be of type
	 *   EmptyStream and contain additional stream information. In
	 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
	 */
	function parseAllDocuments(source, options = {}) {
	    const { lineCounter, prettyErrors } = parseOptions(options);
	    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
	    const composer$1 = new composer.Composer(options);
	    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
	    if (prettyErrors && lineCounter)
	        for (const doc of docs) {
	            doc.errors.forEach(errors.prettifyError(source, lineCounter));
	            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
	        }
	    if (docs.length > 0)
	        return docs;
	    return Object.assign([], { empty: true }, composer$1.streamInfo());
	}
	/** Parse an input string into a single YAML.Document */
	function parseDocument(source, options = {}) {
	    const { lineCounter, prettyErrors } = parseOptions(options);
	    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
	    const composer$1 = new composer.Composer(options);
	    // `doc` is always set by compose.end(true) at the very latest
	    let doc = null;
	    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
	        if (!doc)
	            doc = _doc;
	        else if (doc.options.logLevel !== 'silent') {
	            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
	            break;
	        }
	    }
	    if (prettyErrors && lineCounter) {
	        doc.errors.forEach(errors.prettifyError(source, lineCounter));
	        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
	    }
	    return doc;
	}
	function parse(src, reviver, options) {
	    let _reviver = undefined;
	    if (typeof reviver === 'function') {
	        _reviver = reviver;
	    }
	    else if (options === undefined && reviver && typeof reviver === 'object') {
	        options = reviver;
	    }
	    const doc = parseDocument(src, options);
	    if (!doc)
	        return null;
	    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
	    if (doc.errors.length > 0) {
	        if (doc.options.logLevel !== 'silent')
	            throw doc.errors[0];
	        else
	            doc.errors = [];
	    }
	    return doc.toJS(Object.assign({ reviver: _reviver }, options));
	}
	function stringify(value, replacer, options) {
	    let _replacer = null;
	    if (typeof replacer === 'function' || Array.isArray(replacer)) {
	        _replacer = replacer;
	    }
	    else if (options === undefined && replacer) {
	        options = replacer;
	    }
	    if (typeof options === 'string')
	        options = options.length;
	    if (typeof options === 'number') {
	        const indent = Math.round(options);
	        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
	    }
	    if (value === undefined) {
	        const { keepUndefined } = options ?? replacer ?? {};
	        if (!keepUndefined)
	            return undefined;
	    }
	    if (identity.isDocument(value) && !_replacer)
	        return value.toString(options);
	    return new Document.Document(value, _replacer, options).toString(options);
	}

	publicApi.parse = parse;
	publicApi.parseAllDocuments = parseAllDocuments;
	publicApi.parseDocument = parseDocument;
	publicApi.stringify = stringify;
	return publicApi;
}

var hasRequiredDist;

function requireDist () {
	if (hasRequiredDist) return dist;
	hasRequiredDist = 1;

	var composer = requireComposer();
	var Document = requireDocument();
	var Schema = requireSchema();
	var errors = requireErrors();
	var Alias = requireAlias();
	var identity = requireIdentity();
	var Pair = requirePair();
	var Scalar = requireScalar();
	var YAMLMap = requireYAMLMap();
	var YAMLSeq = requireYAMLSeq();
	var cst = requireCst();
	var lexer = requireLexer();
	var lineCounter = requireLineCounter();
	var parser = requireParser();
	var publicApi = requirePublicApi();
	var visit = requireVisit();



	dist.Composer = composer.Composer;
	dist.Document = Document.Document;
	dist.Schema = Schema.Schema;
	dist.YAMLError = errors.YAMLError;
	dist.YAMLParseError = errors.YAMLParseError;
	dist.YAMLWarning = errors.YAMLWarning;
	dist.Alias = Alias.Alias;
	dist.isAlias = identity.isAlias;
	dist.isCollection = identity.isCollection;
	dist.isDocument = identity.isDocument;
	dist.isMap = identity.isMap;
	dist.isNode = identity.isNode;
	dist.isPair = identity.isPair;
	dist.isScalar = identity.isScalar;
	dist.isSeq = identity.isSeq;
	dist.Pair = Pair.Pair;
	dist.Scalar = Scalar.Scalar;
	dist.YAMLMap = YAMLMap.YAMLMap;
	dist.YAMLSeq = YAMLSeq.YAMLSeq;
	dist.CST = cst;
	dist.Lexer = lexer.Lexer;
	dist.LineCounter = lineCounter.LineCounter;
	dist.Parser = parser.Parser;
	dist.parse = publicApi.parse;
	dist.parseAllDocuments = publicApi.parseAllDocuments;
	dist.parseDocument = publicApi.parseDocument;
	dist.stringify = publicApi.stringify;
	dist.visit = visit.visit;
	dist.visitAsync = visit.visitAsync;
	return dist;
}

var distExports = requireDist();

// Name patterns from the config: globs by default, regular expressions on request.
/**
 * Compiles `text` into a Matcher. `regex:<re>` and `/<re>/` are unanchored regular
 * expressions (like pprof's -focus); anything else is a glob matched against the whole
 * name, where `*` is any run of characters (including `/` and `.`), `?` is one character
 * and everything else is literal, so Go names like `main.(*Cache).Put` need no escaping.
 * Throws a CONFIG_INVALID GateError naming `where` when the pattern is empty or invalid.
 */
function compileMatcher(text, where) {
    const source = regexSource(text);
    if (source === undefined) {
        if (text.length === 0)
            throw invalid(where, 'the pattern is empty');
        const re = new RegExp(`^${text.split('').map(globChar).join('')}$`);
        return { text, test: (name) => re.test(name) };
    }
    if (source.length === 0)
        throw invalid(where, 'the regular expression is empty');
    let re;
    try {
        re = new RegExp(source);
    }
    catch (err) {
        const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
        throw invalid(where, `${JSON.stringify(text)} is not a valid regular expression (${reason})`);
    }
    return { text, test: (name) => re.test(name) };
}
/** The regular expression inside `regex:...` or `/.../`, undefined for a glob. */
function regexSource(text) {
    if (text.startsWith('regex:'))
        return text.slice('regex:'.length);
    if (text.length >= 2 && text.startsWith('/') && text.endsWith('/'))
        return text.slice(1, -1);
    return undefined;
}
function globChar(c) {
    if (c === '*')
        return '.*';
    if (c === '?')
        return '.';
    return c.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}
function invalid(where, problem) {
    return new GateError('CONFIG_INVALID', `${where}: ${problem}; allowed: a glob (* and ?), regex:<expression> or /<expression>/`);
}

// The metrics a policy can name: the four heap-profile sample types and the MemStats fields.
/** Heap profile sample types, in pprof's order; the only metrics allocator/package rules take. */
const SAMPLE_TYPES = GO_HEAP_SAMPLE_TYPES;
/** Every metric name a config may use: sample types, then MemStats fields. */
const ALL_METRICS = [...SAMPLE_TYPES, ...MEMSTATS_FIELDS];
/** Whether `name` is a metric the policy knows (case-sensitive, as Go spells it). */
function isMetric(name) {
    return ALL_METRICS.includes(name);
}
/** Scope of a rule on this metric without allocator/package: 'total' or 'memstats'. */
function totalScopeOf(metric) {
    return SAMPLE_TYPES.includes(metric) ? 'total' : 'memstats';
}
/** Unit in which config quantities for this metric are written. */
function metricUnit(metric) {
    return metric.endsWith('_space') ? 'bytes' : memstatsUnit(metric);
}
/** Examples of valid quantities in a unit, for error messages. */
function quantityExamples(unit) {
    switch (unit) {
        case 'bytes':
            return 'use e.g. 512KiB, 1.5MiB, 10MB or 4096 (bytes)';
        case 'nanoseconds':
            return 'use e.g. 50ms, 250us, 1s or 5000 (ns)';
        case 'fraction':
            return 'use e.g. 5% or 0.05';
        default:
            return 'use e.g. 1000, 1000 objects or 10k';
    }
}
/** Word for a quantity in a unit, for error messages ("a size in bytes"). */
function unitNoun(unit) {
    switch (unit) {
        case 'bytes':
            return 'a size in bytes';
        case 'nanoseconds':
            return 'a duration';
        case 'fraction':
            return 'a fraction';
        default:
            return 'a count';
    }
}

// Typed, line-aware access to a YAML config: every problem becomes a one-line GateError
// `<file>:<line>: <key path>: <what is wrong>; <what is allowed>`.
/** A parsed config document plus what is needed to point at its lines. */
class ConfigReader {
    file;
    doc;
    lines;
    /** The top-level node, null for an empty (or comments-only) file. */
    root;
    constructor(file, doc, lines) {
        this.file = file;
        this.doc = doc;
        this.lines = lines;
        this.root = doc.contents;
    }
    /** Parses `text`; throws CONFIG_SYNTAX with the line of the first YAML error. */
    static parse(text, file) {
        const lines = new distExports.LineCounter();
        const doc = distExports.parseDocument(text, { lineCounter: lines, prettyErrors: false });
        const first = doc.errors[0];
        if (first) {
            const line = lines.linePos(first.pos[0]).line;
            const what = first.message.split('\n')[0].replace(/\.$/, '');
            throw new GateError('CONFIG_SYNTAX', `${file}:${line}: invalid YAML: ${what}; check indentation, and quote values that start with * or contain ": "`);
        }
        return new ConfigReader(file, doc, lines);
    }
    /** 1-based line where `node` starts, else `fallback`. */
    line(node, fallback = 1) {
        if (distExports.isNode(node) && node.range)
            return this.lines.linePos(node.range[0]).line;
        return fallback;
    }
    /** `<file>:<line>: <path>` — the prefix of every message about `node`. */
    where(node, path, fallbackLine = 1) {
        return `${this.file}:${this.line(node, fallbackLine)}: ${path || 'top level'}`;
    }
    /** A one-line error about `node` at `path`. */
    error(node, path, problem, help, code = 'CONFIG_INVALID', fallbackLine = 1) {
        return new GateError(code, `${this.where(node, path, fallbackLine)}: ${problem}; ${help}`);
    }
    /** Follows an alias to its anchored node. */
    deref(node, path) {
        if (!distExports.isAlias(node))
            return node;
        const target = node.resolve(this.doc);
        if (target === undefined) {
            throw this.error(node, path, `*${node.source} refers to no anchor`, 'quote patterns that start with *, e.g. "*Cache*"', 'CONFIG_SYNTAX');
        }
        return target;
    }
    /** The entries of a mapping at `path`; any key outside `allowed` is an error listing them. */
    mapping(node, path, allowed) {
        const map = this.deref(node, path);
        if (!distExports.isMap(map)) {
            throw this.error(map, path, `expected a mapping, got ${describe(map)}`, `allowed keys: ${allowed.join(', ')}`);
        }
        const entries = new Map();
        for (const pair of map.items) {
            const keyNode = this.deref(pair.key, path);
            const key = distExports.isScalar(keyNode) ? String(keyNode.value) : undefined;
            const keyPath = path ? `${path}.${key ?? '?'}` : (key ?? '?');
            if (key === undefined || !allowed.includes(key)) {
                const problem = key === undefined ? 'keys must be plain names' : 'unknown key';
                throw this.error(keyNode, keyPath, problem, `allowed: ${allowed.join(', ')}`);
            }
            entries.set(key, { key, keyNode, value: this.deref(pair.value, keyPath) });
        }
        return entries;
    }
    /** The items of a sequence at `path`; an absent or empty value is []. */
    sequence(node, path, help) {
        const seq = this.deref(node, path);
        if (seq === null || seq === undefined || (distExports.isScalar(seq) && seq.value === null))
            return [];
        if (!distExports.isSeq(seq))
            throw this.error(seq, path, `expected a list, got ${describe(seq)}`, help);
        return seq.items.map((item, i) => this.deref(item, `${path}[${i}]`));
    }
    /** A non-empty string scalar at `path`. */
    string(node, path, help) {
        const value = distExports.isScalar(node) ? node.value : undefined;
        if (typeof value !== 'string' || value.trim() === '') {
            throw this.error(node, path, `expected a non-empty string, got ${describe(node)}`, help);
        }
        return value;
    }
}
/** The plain value of a scalar node; undefined for collections. */
function scalarValue(node) {
    return distExports.isScalar(node) ? node.value : undefined;
}
/** Short, one-line description of a node's value for messages: `"ten"`, `12`, `a list`. */
function describe(node) {
    if (distExports.isMap(node))
        return 'a mapping';
    if (distExports.isSeq(node))
        return 'a list';
    const value = distExports.isScalar(node) ? node.value : node;
    if (value === null || value === undefined)
        return 'nothing';
    if (value instanceof Date)
        return value.toISOString().slice(0, 10);
    const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

// The `ignore:` and `waivers:` sections of a config.
const WAIVER_KEYS = ['subject', 'metric', 'reason', 'expires'];
const PATTERN_HELP = 'allowed: a glob such as "runtime/pprof.*", regex:<expression> or /<expression>/';
/** Reads `ignore[index]`: a pattern on function names and package paths. */
function parseIgnore(reader, node, index) {
    const path = `ignore[${index}]`;
    const text = reader.string(node, path, PATTERN_HELP);
    return compileMatcher(text, reader.where(node, path));
}
/** Reads `waivers[index]`; `subject`, `reason` and `expires` (YYYY-MM-DD) are required. */
function parseWaiver(reader, node, index) {
    const path = `waivers[${index}]`;
    const entries = reader.mapping(node, path, WAIVER_KEYS);
    const line = reader.line(node);
    for (const key of ['subject', 'reason', 'expires']) {
        if (!entries.has(key)) {
            throw reader.error(node, `${path}.${key}`, 'missing', requiredHelp(key));
        }
    }
    const subjectNode = entries.get('subject')?.value;
    const subject = reader.string(subjectNode, `${path}.subject`, PATTERN_HELP);
    const waiver = {
        match: compileMatcher(subject, reader.where(subjectNode, `${path}.subject`)),
        reason: reader.string(entries.get('reason')?.value, `${path}.reason`, requiredHelp('reason')),
        expires: readDate(reader, entries.get('expires')?.value, `${path}.expires`),
        line,
    };
    const metric = entries.get('metric');
    if (metric) {
        const value = scalarValue(metric.value);
        // Benchmark units as Go prints them (B/op, allocs/op, ns/op) all have a slash.
        const benchmarkUnit = typeof value === 'string' && /^\S+\/\S+$/.test(value);
        if (typeof value !== 'string' || !(ALL_METRICS.includes(value) || benchmarkUnit)) {
            throw reader.error(metric.value, `${path}.metric`, `${describe(metric.value)} is not a metric`, `allowed: ${ALL_METRICS.join(', ')}, or a benchmark unit such as B/op`);
        }
        waiver.metric = value;
    }
    return waiver;
}
function requiredHelp(key) {
    if (key === 'subject')
        return 'give the function, package or metric to waive, e.g. "main.(*Cache).Put"';
    if (key === 'reason')
        return 'say why the growth is accepted, e.g. "cache doubled on purpose, see #123"';
    return 'give the last day the waiver applies, e.g. 2026-12-31';
}
/** A calendar date as YYYY-MM-DD; YAML may hand over a Date (1.1 timestamps) or a string. */
function readDate(reader, node, path) {
    const value = distExports.isScalar(node) ? node.value : undefined;
    let text;
    if (value instanceof Date && !Number.isNaN(value.getTime()))
        text = value.toISOString().slice(0, 10);
    else if (typeof value === 'string' && isCalendarDate(value.trim()))
        text = value.trim();
    if (text === undefined) {
        throw reader.error(node, path, `${describe(node)} is not a date`, 'use YYYY-MM-DD, e.g. 2026-12-31');
    }
    return text;
}
function isCalendarDate(text) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!m)
        return false;
    const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return date.toISOString().slice(0, 10) === text;
}

// The `rules:` and `limits:` sections of a config: each entry becomes one Rule.
const RULE_KEYS = ['name', 'metric', 'allocator', 'package', 'max-increase', 'min-change', 'max'];
/**
 * Reads `rules[index]`: a total/MemStats rule, or an allocator/package rule with a pattern.
 * `names` maps the rule names seen so far to their path; a repeated name is an error.
 */
function parseRule(reader, node, index, names) {
    const path = `rules[${index}]`;
    const entries = reader.mapping(node, path, RULE_KEYS);
    const line = reader.line(node);
    const id = entries.has('name') ? readName(reader, entries.get('name')?.value, path, names) : path;
    const alloc = entries.get('allocator');
    const pkg = entries.get('package');
    if (alloc && pkg) {
        throw reader.error(pkg.keyNode, `${path}.package`, 'a rule has either allocator or package, not both', 'split it into two rules');
    }
    const pattern = alloc ?? pkg;
    const scope = alloc ? 'allocator' : pkg ? 'package' : undefined;
    const metricEntry = entries.get('metric');
    if (!metricEntry) {
        throw reader.error(node, `${path}.metric`, 'missing', `allowed: ${(scope ? SAMPLE_TYPES : ALL_METRICS).join(', ')}`);
    }
    const metric = readMetric(reader, metricEntry.value, `${path}.metric`, scope ? SAMPLE_TYPES : ALL_METRICS);
    const rule = { id, scope: scope ?? totalScopeOf(metric), metric, line };
    if (pattern) {
        const where = `${path}.${pattern.key}`;
        const help = 'allowed: a glob such as "github.com/acme/svc/cache.*", regex:<expression> or /<expression>/';
        const text = reader.string(pattern.value, where, help);
        rule.match = compileMatcher(text, reader.where(pattern.value, where));
    }
    const { maxIncrease, minChange, max } = limitEntries(reader, node, path, entries, 'max: 200MiB');
    if (maxIncrease)
        rule.maxIncrease = readPercent(reader, maxIncrease, `${path}.max-increase`);
    if (minChange)
        rule.minChange = readQuantity(reader, minChange.value, `${path}.min-change`, metric);
    if (max)
        rule.max = readQuantity(reader, max.value, `${path}.max`, metric);
    return rule;
}
/** Reads `limits[index]`, a ceiling shorthand such as `inuse_space < 200MiB`, into a Rule. */
function parseLimit(reader, node, index) {
    const path = `limits[${index}]`;
    const help = 'write "<metric> < <quantity>", e.g. inuse_space < 200MiB or Goroutines <= 10000';
    const text = reader.string(node, path, help);
    const m = /^\s*([A-Za-z_]+)\s*(<=?)\s*(.+?)\s*$/.exec(text);
    if (!m)
        throw reader.error(node, path, `${describe(node)} is not a limit`, help);
    const metric = m[1];
    if (!isMetric(metric)) {
        throw reader.error(node, path, `${JSON.stringify(metric)} is not a metric`, `allowed: ${ALL_METRICS.join(', ')}`);
    }
    const unit = metricUnit(metric);
    const max = parseQuantity(m[3], unit);
    if (max === undefined) {
        throw reader.error(node, path, `${JSON.stringify(m[3])} is not ${unitNoun(unit)}`, quantityExamples(unit));
    }
    return { id: path, scope: totalScopeOf(metric), metric, max, line: reader.line(node) };
}
function readName(reader, node, path, names) {
    const name = reader.string(node, `${path}.name`, 'give the rule a short name, e.g. heap-in-use');
    const first = names.get(name);
    if (first !== undefined) {
        throw reader.error(node, `${path}.name`, `${JSON.stringify(name)} is already the name of ${first}`, 'give each rule its own name');
    }
    names.set(name, path);
    return name;
}
function readMetric(reader, node, path, allowed) {
    const value = scalarValue(node);
    if (typeof value !== 'string' || !allowed.includes(value)) {
        const scoped = allowed === SAMPLE_TYPES && typeof value === 'string' && isMetric(value);
        const problem = scoped
            ? `${describe(node)} is not a heap profile sample type (allocator and package rules judge profiles)`
            : `${describe(node)} is not a metric`;
        throw reader.error(node, path, problem, `allowed: ${allowed.join(', ')}`);
    }
    return value;
}
function readPercent(reader, entry, path) {
    const value = scalarValue(entry.value);
    const fraction = typeof value === 'string' && value.includes('%') ? parsePercent(value) : undefined;
    if (fraction === undefined) {
        throw reader.error(entry.value, path, `${describe(entry.value)} is not a percentage`, 'use e.g. 10%');
    }
    return fraction;
}
function readQuantity(reader, node, path, metric) {
    const unit = metricUnit(metric);
    const value = scalarValue(node);
    const parsed = typeof value === 'string' || typeof value === 'number'
        ? parseQuantity(String(value), unit)
        : undefined;
    if (parsed === undefined) {
        throw reader.error(node, path, `${describe(node)} is not ${unitNoun(unit)} (the unit of ${metric})`, quantityExamples(unit));
    }
    return parsed;
}
/**
 * The limit keys of a rule (here or under benchmarks:), checked for shape: at least one of
 * max-increase and max, and min-change only beside max-increase.
 */
function limitEntries(reader, node, path, entries, maxExample) {
    const maxIncrease = entries.get('max-increase');
    const minChange = entries.get('min-change');
    const max = entries.get('max');
    if (!maxIncrease && !max) {
        throw reader.error(node, path, 'a rule needs max-increase, max or both', `e.g. max-increase: 10% or ${maxExample}`);
    }
    if (minChange && !maxIncrease) {
        throw reader.error(minChange.keyNode, `${path}.min-change`, 'min-change only applies to max-increase', 'add max-increase: or remove min-change:');
    }
    return { maxIncrease, minChange, max };
}

const MiB$3 = 1024 * 1024;
/**
 * How the byte rules follow exact evidence and history (evidence.ts): for exact figures the
 * floor is 1 % of the program's size instead of fixed bytes (sized for sampled profiles of
 * big services, those hide every change of a small program), and with a history the
 * threshold drops to +3 %, the history's spread deciding beyond it.
 */
const EVIDENCE = { exactFloor: 0.01, historyMaxIncrease: 0.03 };
/** Allocators keep their threshold with a history: one function's share moves more. */
const ALLOCATOR_EVIDENCE = { exactFloor: 0.01 };
/** Built-in rules, in report order. A config rule with the same scope, metric and pattern replaces one. */
const DEFAULT_RULES = [
    // Live heap at profile time: the leak signal. Sampled, but a change must also be beyond
    // the sampling noise (`confidence`), so the floor can stay low.
    {
        id: 'default:inuse_space',
        scope: 'total',
        metric: 'inuse_space',
        maxIncrease: 0.2,
        minChange: 4 * MiB$3,
        evidence: EVIDENCE,
        line: 0,
    },
    // Bytes allocated over the run: GC pressure. Wider, since it scales with the work done.
    {
        id: 'default:alloc_space',
        scope: 'total',
        metric: 'alloc_space',
        maxIncrease: 0.25,
        minChange: 16 * MiB$3,
        evidence: EVIDENCE,
        line: 0,
    },
    // The runtime's own view of the live heap: exact, not sampled, so it can be strict.
    {
        id: 'default:HeapInuse',
        scope: 'memstats',
        metric: 'HeapInuse',
        maxIncrease: 0.2,
        minChange: 4 * MiB$3,
        evidence: EVIDENCE,
        line: 0,
    },
    // Live heap objects as the runtime counts them: exact, and right after a GC (as the
    // TestMain in docs/producing-inputs.md writes it) the tightest leak signal there is.
    {
        id: 'default:HeapAlloc',
        scope: 'memstats',
        metric: 'HeapAlloc',
        maxIncrease: 0.1,
        minChange: 2 * MiB$3,
        evidence: EVIDENCE,
        line: 0,
    },
    // Goroutine stacks: leaked goroutines show here before anywhere else.
    {
        id: 'default:StackInuse',
        scope: 'memstats',
        metric: 'StackInuse',
        maxIncrease: 0.5,
        minChange: 2 * MiB$3,
        evidence: EVIDENCE,
        line: 0,
    },
    // Goroutine count: a leak of blocked goroutines; 100 absorbs pools and timers.
    {
        id: 'default:Goroutines',
        scope: 'memstats',
        metric: 'Goroutines',
        maxIncrease: 0.5,
        minChange: 100,
        line: 0,
    },
    // Any one function's live heap: points at the allocator that leaks, not just the total.
    {
        id: 'default:allocator:inuse_space',
        scope: 'allocator',
        metric: 'inuse_space',
        maxIncrease: 0.5,
        minChange: 4 * MiB$3,
        evidence: ALLOCATOR_EVIDENCE,
        line: 0,
    },
    // Any one function's allocation volume: names the function whose allocations doubled
    // (an encoder marshalling twice), which the totals only show as churn. +75 % and 32 MiB:
    // one function's sampled alloc_space swings by +59 % (19 MiB) between unchanged runs.
    {
        id: 'default:allocator:alloc_space',
        scope: 'allocator',
        metric: 'alloc_space',
        maxIncrease: 0.75,
        minChange: 32 * MiB$3,
        evidence: ALLOCATOR_EVIDENCE,
        line: 0,
    },
    // A gctrace log's live heap at its peak over the run (it has no HeapInuse). 30 %: steady
    // runs of one program peak within 27 % of each other (a cycle's floating garbage); 2 MiB,
    // since gctrace prints whole MiB.
    {
        id: 'default:PeakLiveHeap',
        scope: 'memstats',
        metric: 'PeakLiveHeap',
        maxIncrease: 0.3,
        minChange: 2 * MiB$3,
        line: 0,
    },
];
/** Key under which a user rule replaces a default: scope, metric and pattern (`*` = all). */
function ruleKey(rule) {
    return `${rule.scope}|${rule.metric}|${rule.match?.text ?? '*'}`;
}
/**
 * How a series is judged by default: at least 5 snapshots; an upward trend at 95 %
 * confidence (Mann–Kendall) that rises in most steps, not in one jump; and a total rise of
 * 4 MiB (byte metrics) or 10 goroutines. A leak fails the check.
 */
const DEFAULT_LEAKS = {
    minSnapshots: 5,
    minGrowthBytes: 4 * MiB$3,
    minGrowthGoroutines: 10,
    alpha: 0.05,
    fail: true,
    line: 0,
};
/**
 * A sampled change (heap profile at MemProfileRate > 1) fails a rule only when it is beyond
 * the sampling noise at this one-sided confidence; thinner evidence is "inconclusive".
 */
const DEFAULT_CONFIDENCE = 0.99;
/** With repeated runs, a change is significant when the Mann–Whitney p is below this (as benchstat). */
const RUNS_ALPHA = 0.05;

// The `leaks:` section: how a series of snapshots of one process is judged.
const KEYS$1 = ['min-snapshots', 'min-growth', 'min-goroutines', 'confidence', 'fail'];
/** Parses `leaks:` (absent: the defaults). */
function parseLeaks(reader, node) {
    if (node === undefined)
        return { ...DEFAULT_LEAKS };
    const entries = reader.mapping(node, 'leaks', KEYS$1);
    const out = { ...DEFAULT_LEAKS, line: reader.line(node) };
    const get = (key) => entries.get(key)?.value;
    const text = (key) => {
        const v = scalarValue(get(key));
        return v === undefined || v === null ? undefined : String(v);
    };
    const bad = (key, help) => reader.error(get(key), `leaks.${key}`, `${describe(get(key))} is not allowed`, help);
    const snapshots = text('min-snapshots');
    if (snapshots !== undefined) {
        const n = Number(snapshots);
        if (!Number.isInteger(n) || n < 3)
            throw bad('min-snapshots', 'use a whole number of at least 3, e.g. 5');
        out.minSnapshots = n;
    }
    const growth = text('min-growth');
    if (growth !== undefined) {
        const v = parseSize(growth);
        if (v === undefined)
            throw bad('min-growth', 'use a size, e.g. 4MiB');
        out.minGrowthBytes = v;
    }
    const goroutines = text('min-goroutines');
    if (goroutines !== undefined) {
        const v = parseCount(goroutines);
        if (v === undefined)
            throw bad('min-goroutines', 'use a count, e.g. 10');
        out.minGrowthGoroutines = v;
    }
    const confidence = text('confidence');
    if (confidence !== undefined) {
        const c = parsePercent(confidence);
        if (c === undefined || !confidence.includes('%') || c < 0.5 || c >= 1) {
            throw bad('confidence', 'use a percentage from 50% to 99.9%, e.g. 95%');
        }
        out.alpha = 1 - c;
    }
    const fail = scalarValue(get('fail'));
    if (fail !== undefined) {
        if (typeof fail !== 'boolean')
            throw bad('fail', 'use true (a leak fails the check) or false (report only)');
        out.fail = fail;
    }
    return out;
}

// The `benchmarks:` section of a config, and the built-in benchmark rules.
const KEYS = ['name', 'match', 'metric', 'max-increase', 'min-change', 'max', 'ignore-noise'];
/**
 * Built-in benchmark rules (every benchmark): B/op may not grow by more than 5 % and 64 B,
 * allocs/op by more than 5 % and 1 allocation (0 → 1 or more is a `new-allocations`
 * finding). Changes the Mann–Whitney test calls noise never fail. ns/op and custom units
 * are reported, not judged, unless a config rule names them.
 */
const DEFAULT_BENCHMARK_RULES = [
    {
        id: 'default:benchmark:B/op',
        match: compileMatcher('*', 'built-in'),
        metric: 'B/op',
        maxIncrease: 0.05,
        minChange: 64,
        ignoreNoise: true,
        line: 0,
    },
    {
        id: 'default:benchmark:allocs/op',
        match: compileMatcher('*', 'built-in'),
        metric: 'allocs/op',
        maxIncrease: 0.05,
        minChange: 1,
        ignoreNoise: true,
        line: 0,
    },
];
/**
 * Parses `benchmarks:` (absent: none) and puts the built-in rules first unless
 * `useDefaults` is false. For one benchmark and unit the last matching rule applies.
 */
function parseBenchmarkRules(reader, node, useDefaults) {
    const help = 'write a list, one item per line, e.g. - match: "BenchmarkServe*"';
    const names = new Map();
    const rules = reader
        .sequence(node, 'benchmarks', help)
        .map((item, i) => parseBenchmarkRule(reader, item, i, names));
    return [...(useDefaults ? DEFAULT_BENCHMARK_RULES : []), ...rules];
}
function parseBenchmarkRule(reader, node, index, names) {
    const path = `benchmarks[${index}]`;
    const entries = reader.mapping(node, path, KEYS);
    const required = (key, help) => {
        const e = entries.get(key);
        if (!e)
            throw reader.error(node, `${path}.${key}`, 'missing', help);
        return e;
    };
    let id = path;
    const name = entries.get('name');
    if (name) {
        id = reader.string(name.value, `${path}.name`, 'give the rule a short name, e.g. serve-bytes');
        const first = names.get(id);
        if (first !== undefined) {
            throw reader.error(name.value, `${path}.name`, `${JSON.stringify(id)} is already the name of ${first}`, 'give each rule its own name');
        }
        names.set(id, path);
    }
    const matchHelp = 'allowed: a glob on the benchmark name without -N such as "BenchmarkServe*", regex:<expression> or /<expression>/';
    const match = required('match', matchHelp);
    const pattern = reader.string(match.value, `${path}.match`, matchHelp);
    const metricHelp = 'allowed: B/op, allocs/op, ns/op or a custom unit as go test prints it';
    const metricEntry = required('metric', metricHelp);
    const metric = reader.string(metricEntry.value, `${path}.metric`, metricHelp).trim();
    if (/\s/.test(metric)) {
        throw reader.error(metricEntry.value, `${path}.metric`, `${describe(metricEntry.value)} is not a unit`, metricHelp);
    }
    if (metric.endsWith('/s')) {
        throw reader.error(metricEntry.value, `${path}.metric`, `${metric} grows when code gets faster, and rules judge increases`, 'judge ns/op instead');
    }
    const rule = {
        id,
        match: compileMatcher(pattern, reader.where(match.value, `${path}.match`)),
        metric,
        ignoreNoise: true,
        line: reader.line(node),
    };
    const { maxIncrease, minChange, max } = limitEntries(reader, node, path, entries, 'max: 0');
    if (maxIncrease) {
        const value = scalarValue(maxIncrease.value);
        const fraction = typeof value === 'string' && value.includes('%') ? parsePercent(value) : undefined;
        if (fraction === undefined) {
            throw reader.error(maxIncrease.value, `${path}.max-increase`, `${describe(maxIncrease.value)} is not a percentage`, 'use e.g. 10%');
        }
        rule.maxIncrease = fraction;
    }
    if (minChange)
        rule.minChange = quantity(reader, minChange.value, `${path}.min-change`, metric);
    if (max)
        rule.max = quantity(reader, max.value, `${path}.max`, metric);
    const noise = entries.get('ignore-noise');
    if (noise) {
        const value = scalarValue(noise.value);
        if (typeof value !== 'boolean') {
            throw reader.error(noise.value, `${path}.ignore-noise`, `${describe(noise.value)} is not true or false`, 'allowed: true (a change within run-to-run noise never fails; the default), false (judge the medians alone)');
        }
        rule.ignoreNoise = value;
    }
    return rule;
}
/** A quantity in a benchmark unit: a size for B/op, a count for allocs/op, a duration for ns/op. */
function quantity(reader, node, path, metric) {
    const value = scalarValue(node);
    const text = typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
    let parsed;
    let help;
    if (metric === 'B/op') {
        parsed = text === undefined ? undefined : parseSize(text);
        help = 'use a size, e.g. 64B, 1KiB or 4096 (bytes)';
    }
    else if (metric === 'allocs/op') {
        parsed = text === undefined ? undefined : parseCount(text);
        help = 'use a count, e.g. 1 or 10';
    }
    else if (metric === 'ns/op') {
        parsed = text === undefined ? undefined : parseQuantity(text, 'nanoseconds');
        help = 'use a duration, e.g. 500ns, 2us or 1ms';
    }
    else {
        parsed = text !== undefined && /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : undefined;
        help = `use a plain number in ${metric}, e.g. 10 or 0.5`;
    }
    if (parsed === undefined) {
        throw reader.error(node, path, `${describe(node)} is not a quantity in ${metric}`, help);
    }
    return parsed;
}

// Reads a policy from the text of a YAML config (the shell does the file I/O) and merges
// it with the built-in defaults.
/** Default location of the config file, relative to the repository root. */
const DEFAULT_CONFIG_PATH = '.github/gomem-gate.yml';
/** `Policy.source` when no config file exists. */
const BUILT_IN_SOURCE = 'built-in defaults';
const TOP_KEYS = [
    'version',
    'defaults',
    'confidence',
    'rules',
    'limits',
    'ignore',
    'waivers',
    'leaks',
    'benchmarks',
];
/** The built-in policy: default rules, nothing ignored, no waivers. */
function defaultPolicy() {
    return {
        source: BUILT_IN_SOURCE,
        rules: [...DEFAULT_RULES],
        ignore: [],
        waivers: [],
        leaks: { ...DEFAULT_LEAKS },
        confidence: DEFAULT_CONFIDENCE,
        benchmarks: [...DEFAULT_BENCHMARK_RULES],
    };
}
/**
 * Parses and validates a config. `text` undefined means there is no config file (built-in
 * defaults); an empty file means the defaults too. `source` names the file in messages.
 * Throws a GateError (CONFIG_SYNTAX or CONFIG_INVALID) whose message is one line
 * `<file>:<line>: <key path>: <problem>; <what is allowed>`.
 */
function loadPolicy(text, source) {
    if (text === undefined)
        return defaultPolicy();
    const reader = ConfigReader.parse(text, source);
    const root = reader.root;
    if (root === null || scalarValue(root) === null) {
        return { ...defaultPolicy(), source };
    }
    const top = reader.mapping(root, '', TOP_KEYS);
    const version = top.get('version');
    if (version && scalarValue(version.value) !== 1) {
        throw reader.error(version.value, 'version', `${describe(version.value)} is not supported`, 'allowed: 1');
    }
    let useDefaults = true;
    const defaults = top.get('defaults');
    if (defaults) {
        const value = scalarValue(defaults.value);
        if (typeof value !== 'boolean') {
            throw reader.error(defaults.value, 'defaults', `${describe(defaults.value)} is not true or false`, 'allowed: true (start from the built-in rules), false (only the rules in this file)');
        }
        useDefaults = value;
    }
    const listHelp = (example) => `write a list, one item per line, e.g. - ${example}`;
    const names = new Map();
    const rules = reader
        .sequence(top.get('rules')?.value, 'rules', listHelp('metric: inuse_space ...'))
        .map((node, i) => parseRule(reader, node, i, names));
    const limits = reader
        .sequence(top.get('limits')?.value, 'limits', listHelp('inuse_space < 200MiB'))
        .map((node, i) => parseLimit(reader, node, i));
    const ignore = reader
        .sequence(top.get('ignore')?.value, 'ignore', listHelp('"runtime/pprof.*"'))
        .map((node, i) => parseIgnore(reader, node, i));
    const waivers = reader
        .sequence(top.get('waivers')?.value, 'waivers', listHelp('subject: ...'))
        .map((node, i) => parseWaiver(reader, node, i));
    const leaks = parseLeaks(reader, top.get('leaks')?.value);
    const confidence = parseConfidence(reader, top.get('confidence')?.value);
    const benchmarks = parseBenchmarkRules(reader, top.get('benchmarks')?.value, useDefaults);
    return {
        source,
        rules: mergeRules(useDefaults, rules, limits),
        ignore,
        waivers,
        leaks,
        confidence,
        benchmarks,
    };
}
/** `confidence: 99%`: how sure a sampled change must be before it can fail a rule. */
function parseConfidence(reader, node) {
    if (node === undefined)
        return DEFAULT_CONFIDENCE;
    const text = String(scalarValue(node) ?? '');
    const value = parsePercent(text);
    if (value === undefined || !text.includes('%') || value < 0.5 || value >= 1) {
        throw reader.error(node, 'confidence', `${describe(node)} is not allowed`, 'use a percentage from 50% to 99.99%, e.g. 99%');
    }
    return value;
}
/**
 * Defaults (unless turned off) minus those a user rule replaces, then the user rules, then
 * the limits. Limits only add ceilings; they never replace a default.
 */
function mergeRules(useDefaults, rules, limits) {
    const replaced = new Set(rules.map(ruleKey));
    const kept = useDefaults ? DEFAULT_RULES.filter((r) => !replaced.has(ruleKey(r))) : [];
    return [...kept, ...rules, ...limits];
}

// A figure's run-to-run spread, learnt from the history of its baseline branch: a robust
// centre and scale, and the bound a new run of unchanged code stays under.
/**
 * The spread of `values` and the one-sided upper prediction bound at `confidence`:
 * center + t(n − 1) × sigma × √(1 + 1/n), as a t prediction interval, with the median and
 * the MAD in place of the mean and the standard deviation so one odd run does not widen it.
 * When more than half the values are equal (MAD 0), the standard deviation stands in.
 */
function spreadOf(values, confidence) {
    const n = values.length;
    const center = median$2(values);
    let sigma = 1.4826 * median$2(values.map((v) => Math.abs(v - center)));
    if (sigma === 0 && n > 1) {
        const mean = values.reduce((a, b) => a + b, 0) / n;
        sigma = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
    }
    const t = n > 1 ? tQuantile(confidence, n - 1) : Infinity;
    return { n, center, sigma, upper: center + t * sigma * Math.sqrt(1 + 1 / n) };
}
/**
 * Student's t quantile by the Cornish–Fisher expansion around the normal quantile: at 99.9 %
 * within 4 % of the tables at 4 degrees of freedom (slightly low), within 0.5 % from 8.
 */
function tQuantile(p, df) {
    const z = normalQuantile(p);
    const z3 = z ** 3;
    const z5 = z ** 5;
    const z7 = z ** 7;
    return (z +
        (z3 + z) / (4 * df) +
        (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
        (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3));
}

// Whether a change stands out of the noise: the one place significance is computed.
/**
 * 'significant' when |delta| is at least the one-sided critical z of `confidence` times
 * `sigma` (any nonzero change of an exact figure is); 'noise' within one sigma (or no
 * change); 'inconclusive' in between. With repeated runs `p` decides instead: below
 * RUNS_ALPHA significant, else noise; null (too few runs) inconclusive. Null without a baseline.
 */
function significanceOf(delta, sigma, confidence, p) {
    if (delta === null)
        return null;
    // Repeated runs: the U test decides; too few runs cannot.
    if (p !== undefined)
        return p === null ? 'inconclusive' : p < RUNS_ALPHA ? 'significant' : 'noise';
    const size = Math.abs(delta);
    if (size === 0)
        return 'noise';
    if (sigma === 0 || size >= normalQuantile(confidence) * sigma)
        return 'significant';
    return size <= sigma ? 'noise' : 'inconclusive';
}
/**
 * How sure a broken limit is: 'significant' when the excess (over a ceiling, or the change
 * past a relative limit) is significant by significanceOf, else 'inconclusive' (a limit
 * exceeded within the noise never fails).
 */
function excessSignificance(excess, sigma, confidence, p) {
    return significanceOf(excess, sigma, confidence, p) === 'significant'
        ? 'significant'
        : 'inconclusive';
}
/**
 * A benchmark change by its Mann–Whitney p (benchstat's verdicts): below RUNS_ALPHA
 * significant, else noise; without a p (too few runs, or no baseline) inconclusive.
 */
function benchmarkSignificance(c) {
    // A benchmark always has a p (null: too few runs), so the confidence plays no part.
    return significanceOf(c.delta, 0, DEFAULT_CONFIDENCE, c.p) ?? 'inconclusive';
}

// How a figure is judged, decided in one place from the evidence behind it: the sampling
// model for a sampled profile, the U test for repeated runs, the program's own size for
// exact figures (MemStats, MemProfileRate = 1), the measured spread when a history has it.
/** Below this, a change of an exact byte figure is size-class rounding and bookkeeping. */
const EXACT_FLOOR_MIN = 64 * 1024;
/** Entries a history needs before its spread judges a figure; fewer fall back with a note. */
const HISTORY_MIN_ENTRIES = 5;
/**
 * One-sided confidence of the history's prediction bound. Stricter than a sampled change's:
 * a history judges every rule and allocator at once, and unchanged code must never fail.
 */
const HISTORY_CONFIDENCE = 0.999;
/**
 * The judgement of `m` under `rule`. A built-in rule's floor follows the evidence (its
 * `evidence` settings): for exact figures a fraction of the program's size instead of fixed
 * bytes, and with a history of the figure its own threshold, beyond which the history's
 * spread decides. A user's rule keeps its own floor and threshold; a history only adds the
 * spread's verdict to them.
 */
function judgementOf(rule, m, confidence) {
    const values = m.history ?? [];
    const exact = m.exact && m.unit === 'bytes' && rule.evidence !== undefined;
    const floor = exact
        ? Math.max(EXACT_FLOOR_MIN, rule.evidence.exactFloor * Math.abs(m.size ?? m.baseline ?? 0))
        : (rule.minChange ?? 0);
    if (values.length >= HISTORY_MIN_ENTRIES) {
        const spread = spreadOf(values, HISTORY_CONFIDENCE);
        return {
            method: 'history',
            floor,
            maxIncrease: rule.evidence?.historyMaxIncrease ?? rule.maxIncrease,
            spread,
            // Within the spread unchanged code shows, a change is noise whatever the threshold.
            significance: (_excess, candidate) => (candidate > spread.upper ? 'significant' : 'noise'),
        };
    }
    const method = m.p !== undefined ? 'runs' : m.exact ? 'exact' : 'sampling';
    return {
        method,
        floor,
        maxIncrease: rule.maxIncrease,
        significance: (excess) => excessSignificance(excess, m.sigma, confidence, m.p),
    };
}

/**
 * The heap-profile sample type that explains a change of a MemStats field (or memory class).
 * Growth of the process (Sys, HeapSys), of idle or released heap, of the bytes and objects
 * allocated and of GC work comes from allocation churn: alloc_space (alloc_objects for the
 * object counts). Live heap figures are explained by inuse_space. Fields the heap profile
 * cannot explain (goroutine stacks, runtime metadata, RSS, coverage) have none. Keyed by
 * MEMSTATS_FIELDS (memory classes included), so a name outside that list does not compile.
 */
const SAMPLE_TYPE_OF = {
    Sys: 'alloc_space',
    HeapSys: 'alloc_space',
    HeapIdle: 'alloc_space',
    HeapReleased: 'alloc_space',
    TotalAlloc: 'alloc_space',
    NextGC: 'alloc_space',
    NumGC: 'alloc_space',
    NumForcedGC: 'alloc_space',
    PauseTotalNs: 'alloc_space',
    GCCPUFraction: 'alloc_space',
    LastGCHeapGoal: 'alloc_space',
    retained_idle: 'alloc_space',
    released: 'alloc_space',
    Mallocs: 'alloc_objects',
    Frees: 'alloc_objects',
    HeapAlloc: 'inuse_space',
    Alloc: 'inuse_space',
    HeapInuse: 'inuse_space',
    HeapObjects: 'inuse_space',
    LastGCLiveHeap: 'inuse_space',
    PeakLiveHeap: 'inuse_space',
    live_heap: 'inuse_space',
    fragmentation: 'inuse_space',
};
/**
 * The sample type a finding on `metric` in `scope` is about: the metric itself for totals,
 * allocators and packages; SAMPLE_TYPE_OF for MemStats fields; null for benchmarks and for
 * fields no sample type explains.
 */
function sampleTypeOf(scope, metric) {
    if (scope === 'benchmark')
        return null;
    if (scope === 'memstats')
        return SAMPLE_TYPE_OF[metric] ?? null;
    return metric;
}
/**
 * The verdict's focus: the sample type `--sample-type` asked for (Diff.focusAsked); else that
 * of the first violation (they come worst first) whose sample type a profile has; else the
 * diff's own choice (the candidate's default sample type, else inuse_space).
 */
function focusOf(diff, violations) {
    if (diff.focusAsked)
        return diff.focus;
    const worst = violations.find((v) => v.sampleType !== null && diff.totals[v.sampleType]);
    return worst?.sampleType ?? diff.focus;
}
/**
 * Where the focus's growth comes from when its top grower is a library function (e.g.
 * `bytes.growSlice`): the first function of the program's own code on that grower's heaviest
 * stack, as its row of the focus sample type (its cumulative figures say how much passes
 * through it). Undefined when the top grower is the program's own code, or no own frame is
 * on its stack. Rows come sorted by growth (by candidate without a baseline), ignored ones out.
 */
function originOf(rows, focus) {
    const top = rows.find((r) => r.sampleType === focus && (r.delta ?? r.candidate) > 0);
    if (!top || isOwnCode(top.package))
        return undefined;
    const frame = top.stack.find((f) => isOwnCode(packageOf(f.function)));
    if (!frame)
        return undefined;
    const name = matchKey(frame.function);
    return rows.find((r) => r.sampleType === focus && r.function === name);
}
/**
 * Whether a package is the program's own code rather than Go's standard library: `main`, or
 * a path whose first element has a dot (`github.com/…`), as module paths outside the
 * standard library have.
 */
function isOwnCode(pkg) {
    return pkg === 'main' || pkg.split('/')[0].includes('.');
}

// Judging one measurement against one rule: the arithmetic of max-increase and max.
/**
 * The violations of `rule` by `m` (zero, one or two: a ceiling and a relative increase).
 * The relative check needs a baseline value and `withBaseline`; the ceiling never does.
 * A relative violation is `delta > maxIncrease × |baseline|` and `delta >= floor`, so a
 * zero baseline fails on any growth of at least the floor, without dividing by zero. The
 * evidence behind `m` (judgementOf) sets the floor and how sure an excess must be: a
 * sampled one 'significant' at `confidence`, else 'inconclusive'; one within a history's
 * spread is no violation at all.
 */
function checkRule(rule, m, withBaseline, confidence) {
    const out = [];
    const baseline = withBaseline ? m.baseline : null;
    const delta = baseline === null ? null : m.candidate - baseline;
    const judgement = judgementOf(rule, m, confidence);
    const spread = judgement.spread;
    const base = {
        rule: rule.id,
        scope: m.scope,
        metric: m.metric,
        subject: m.subject,
        sampleType: sampleTypeOf(m.scope, m.metric),
        unit: m.unit,
        baseline,
        candidate: m.candidate,
        delta,
        sigma: m.sigma,
        ...(m.p !== undefined ? { p: m.p } : {}),
        method: judgement.method,
        ...(spread
            ? {
                history: {
                    entries: spread.n,
                    center: spread.center,
                    sigma: spread.sigma,
                    upper: spread.upper,
                },
            }
            : {}),
        changeSignificance: significanceOf(delta, m.sigma, confidence, m.p),
    };
    const push = (v, excess) => {
        const significance = judgement.significance(excess, m.candidate);
        if (significance !== 'noise')
            out.push({ ...base, ...v, significance });
    };
    if (rule.max !== undefined && m.candidate > rule.max) {
        push({ kind: 'max', limit: rule.max, limitText: `< ${formatValue(rule.max, m.unit)}` }, m.candidate - rule.max);
    }
    const maxIncrease = judgement.maxIncrease;
    if (maxIncrease !== undefined && baseline !== null && delta !== null) {
        const relative = maxIncrease * Math.abs(baseline);
        const floor = judgement.floor;
        if (delta > relative && delta >= floor) {
            push({
                kind: 'max-increase',
                limit: baseline + Math.max(relative, floor),
                limitText: increaseText(maxIncrease, floor, m.unit) +
                    (spread ? `, beyond the spread of ${spread.n} runs` : ''),
            }, delta);
        }
    }
    return out;
}
/** `+20% (changes under 4 MiB ignored)`, or just `+20%` without a floor. */
function increaseText(maxIncrease, minChange, unit) {
    const pct = `+${formatValue(maxIncrease, 'fraction')}`;
    return minChange > 0 ? `${pct} (changes under ${formatValue(minChange, unit)} ignored)` : pct;
}

/** The unit reports use for a benchmark unit. */
function benchmarkUnit(metric) {
    if (metric === 'B/op')
        return 'bytes';
    if (metric === 'ns/op')
        return 'nanoseconds';
    return 'count';
}
/**
 * Judges every benchmark change against the rule that applies to it: the last rule whose
 * pattern matches its name and whose metric is its unit (the caller passes
 * DEFAULT_BENCHMARK_RULES when the policy has none). Relative checks need a baseline and,
 * with `ignoreNoise`, a change the Mann–Whitney test does not call noise; ceilings are
 * always checked on the candidate's median. A
 * benchmark that allocated nothing and now allocates is one `new-allocations` violation on
 * allocs/op (its B/op growth from 0 is not listed again). Configured rules that match no
 * benchmark are reported in `warnings`.
 */
function judgeBenchmarks(changes, rules, hasBaseline, warnings) {
    if (!changes || changes.length === 0)
        return { violations: [], changed: false };
    const used = new Set();
    const out = [];
    let changed = false;
    for (const c of changes) {
        const rule = ruleFor(rules, c);
        if (!rule)
            continue;
        used.add(rule);
        const judged = judgeOne(rule, c, hasBaseline);
        out.push(...judged.violations);
        changed ||= judged.changed;
    }
    for (const r of rules) {
        if (r.line > 0 && !used.has(r)) {
            warnings.push(warning('pattern-matches-nothing', `${r.id}: no benchmark matching ${JSON.stringify(r.match.text)} reports ${r.metric}`, r.id));
        }
    }
    const fresh = new Set(out.filter((v) => v.kind === 'new-allocations').map((v) => v.subject));
    const violations = out.filter((v) => !(v.metric === 'B/op' && v.baseline === 0 && fresh.has(v.subject)));
    return { violations, changed };
}
/** The last rule on this unit whose pattern matches the name (sub-benchmark path, no -N). */
function ruleFor(rules, c) {
    for (let i = rules.length - 1; i >= 0; i--) {
        if (rules[i].metric === c.metric && rules[i].match.test(c.name))
            return rules[i];
    }
    return undefined;
}
function judgeOne(rule, c, hasBaseline) {
    const unit = benchmarkUnit(c.metric);
    const baseline = hasBaseline ? c.baseline : null;
    const delta = baseline === null ? null : c.candidate - baseline;
    const base = {
        rule: rule.id,
        scope: 'benchmark',
        metric: c.metric,
        subject: c.label,
        sampleType: null,
        unit,
        baseline,
        candidate: c.candidate,
        delta,
        // Not a sampled figure: run-to-run noise is judged by the Mann–Whitney test instead.
        sigma: 0,
        method: 'runs',
        significance: 'significant',
        changeSignificance: baseline === null ? null : benchmarkSignificance(c),
    };
    const out = [];
    const value = (n) => `${formatValue(n, unit)}${unit === 'count' ? ` ${c.metric}` : ''}`;
    if (rule.max !== undefined && c.candidate > rule.max) {
        out.push({ ...base, kind: 'max', limit: rule.max, limitText: `<= ${value(rule.max)}` });
    }
    // Noise never fails; without enough runs for a test only counted units are trusted.
    const significance = benchmarkSignificance(c);
    const trusted = !rule.ignoreNoise ||
        significance === 'significant' ||
        (significance === 'inconclusive' && c.counted);
    if (rule.maxIncrease === undefined || baseline === null || delta === null || !trusted) {
        return { violations: out, changed: false };
    }
    const floor = rule.minChange ?? 0;
    const changed = delta !== 0 && Math.abs(delta) >= floor;
    if (c.metric === 'allocs/op' && baseline === 0) {
        if (c.candidate >= Math.max(1, floor)) {
            out.push({
                ...base,
                kind: 'new-allocations',
                limit: 0,
                limitText: 'no allocations (0 allocs/op in the baseline)',
            });
        }
        return { violations: out, changed };
    }
    const relative = rule.maxIncrease * Math.abs(baseline);
    if (delta > relative && delta >= floor) {
        out.push({
            ...base,
            kind: 'max-increase',
            limit: baseline + Math.max(relative, floor),
            limitText: increaseText(rule.maxIncrease, floor, unit),
        });
    }
    return { violations: out, changed };
}

// What `ignore` covers, decided in one place: the policy judges none of it, no report lists it.
/**
 * Whether an allocator or package row is ignored by the policy: a pattern that matches the
 * function name or its package path (so `runtime/pprof` covers the package and its functions).
 */
function isIgnored(policy, row) {
    return policy.ignore.some((m) => m.test(row.function) || m.test(row.package));
}
/** Whether a call-stack row is ignored: by its leaf function (the row names the whole stack). */
function isIgnoredStack(policy, row) {
    const i = row.function.indexOf(STACK_SEPARATOR);
    return isIgnored(policy, i < 0 ? row : { ...row, function: row.function.slice(0, i) });
}
/** The series without the allocators `ignore` covers (by name or package); process-wide metrics stay. */
function listedSeries(series, ignore) {
    const ignored = (fn) => ignore.some((m) => m.test(fn) || m.test(packageOf(fn)));
    return {
        ...series,
        metrics: series.metrics.filter((m) => m.subject === m.metric || !ignored(m.subject)),
    };
}

/**
 * `diff` with each row's significance (at `policy.confidence`, or by the runs' p) and
 * whether a waiver in `verdict` silenced it. Ignored functions and packages (stacks by their
 * leaf, series by their allocator) are dropped; totals and MemStats are kept whole.
 */
function judgeDiff(diff, verdict, policy) {
    // The focus is the verdict's (focus.ts), not the diff's.
    const rest = {
        ...diff,
    };
    delete rest.focus;
    delete rest.focusAsked;
    const waived = new Set(verdict.waived.map((w) => key(w.scope, w.subject, w.metric)));
    const isWaived = (scope, subject, metric) => waived.has(key(scope, subject, metric));
    const sig = (c, sigma) => significanceOf(c.delta, sigma, policy.confidence, c.p);
    const rows = (list, scope) => list
        .filter((r) => !(scope === null ? isIgnoredStack(policy, r) : isIgnored(policy, r)))
        // Object.assign, not a spread: the same object, ~10x faster for thousands of rows in V8.
        .map((r) => Object.assign({}, r, {
        significance: sig(r, r.sigma),
        waived: scope !== null && isWaived(scope, r.function, r.sampleType),
    }));
    return {
        ...rest,
        totals: Object.fromEntries(Object.entries(diff.totals).map(([t, c]) => [
            t,
            { ...c, significance: sig(c, c.sigma), waived: isWaived('total', t, t) },
        ])),
        memstats: Object.fromEntries(Object.entries(diff.memstats).map(([f, c]) => [
            // MemStats are counted, not sampled: no sampling noise.
            f,
            { ...c, significance: sig(c, 0), waived: isWaived('memstats', f, f) },
        ])),
        allocators: rows(diff.allocators, 'allocator'),
        packages: rows(diff.packages, 'package'),
        stacks: diff.stacks ? rows(diff.stacks, null) : undefined,
        benchmarks: diff.benchmarks?.map((c) => ({
            ...c,
            significance: benchmarkSignificance(c),
            waived: isWaived('benchmark', c.label, c.metric),
        })),
        series: diff.series ? listedSeries(diff.series, policy.ignore) : undefined,
    };
}
function key(scope, subject, metric) {
    return `${scope}\u0000${subject}\u0000${metric}`;
}

/** Most allocators named under a process-wide leak. */
const MAX_ALLOCATORS = 5;
/**
 * Leak suspects: metrics whose upward trend is significant (Mann–Kendall at `alpha`),
 * sustained (up in at least 60 % of the steps, no single step over half the rise) and
 * large enough (the policy's floor). The caller leaves ignored allocators out of the series
 * (ignore.ts listedSeries).
 */
function judgeLeaks(series, policy, warnings) {
    if (!series)
        return [];
    const n = series.labels.length;
    if (n < policy.minSnapshots) {
        warnings.push(warning('series-too-short', `the series has ${n} snapshot(s); at least ${policy.minSnapshots} are needed to call a leak (leaks.min-snapshots)`));
        return [];
    }
    const isAllocator = (m) => m.subject !== m.metric;
    const leaking = series.metrics.filter((m) => isLeak(m, policy));
    const allocators = leaking
        .filter(isAllocator)
        .sort((a, b) => b.trend.slopePerSnapshot - a.trend.slopePerSnapshot)
        .slice(0, MAX_ALLOCATORS)
        .map((m) => ({ function: m.subject, slopePerSnapshot: m.trend.slopePerSnapshot }));
    return leaking.map((m) => suspectOf(m, isAllocator(m) || m.metric === 'Goroutines' ? [] : allocators));
}
/** A series metric as a leak suspect, with the allocators named under it. */
function suspectOf(m, allocators = []) {
    const known = m.values.filter((v) => v !== null);
    return {
        subject: m.subject,
        metric: m.metric,
        unit: m.unit,
        slopePerSnapshot: m.trend.slopePerSnapshot,
        snapshots: known.length,
        first: known[0],
        last: known[known.length - 1],
        p: m.trend.p,
        allocators,
    };
}
function isLeak(m, policy) {
    // Each metric needs the minimum itself: a gctrace log of several runs has short ones.
    if (m.values.filter((v) => v !== null).length < policy.minSnapshots)
        return false;
    const t = m.trend;
    const floor = m.metric === 'Goroutines' ? policy.minGrowthGoroutines : policy.minGrowthBytes;
    return (t.slopePerSnapshot > 0 &&
        t.p < policy.alpha &&
        t.rise >= floor &&
        t.upSteps >= 0.6 &&
        t.largestStepShare <= 0.5);
}

/**
 * One Measurement per sample type total, per MemStats field, and per allocator and package
 * row (flat values), skipping ignored rows. With a baseline, a function or package missing
 * from it counts as 0 there (it is new), unless the baseline has no heap profile at all
 * (then only MemStats are compared, as its warning says); totals and MemStats fields keep null.
 * Each carries the program's size it is part of, and its values in `history` when given.
 */
function measure(diff, policy, history) {
    const out = [];
    const past = (key) => (history ? { history: historyValues(history, key) } : {});
    // Profile figures are exact only when every heap profile recorded every allocation.
    const profiles = diff.files.filter((f) => f.format === 'pprof' || f.format === 'heap-text');
    const exactProfiles = profiles.length > 0 && profiles.every((f) => f.period === 1);
    for (const [metric, change] of Object.entries(diff.totals)) {
        out.push({
            scope: 'total',
            metric,
            subject: metric,
            unit: change.unit,
            baseline: change.baseline,
            candidate: change.candidate,
            sigma: change.sigma,
            exact: exactProfiles,
            ...(change.p !== undefined ? { p: change.p } : {}),
            size: change.baseline,
            ...past({ scope: 'total', metric }),
        });
    }
    for (const [metric, change] of Object.entries(diff.memstats)) {
        out.push({
            scope: 'memstats',
            metric,
            subject: metric,
            unit: change.unit,
            baseline: change.baseline,
            candidate: change.candidate,
            // MemStats are counted, not sampled: no sampling noise.
            sigma: 0,
            exact: true,
            ...(change.p !== undefined ? { p: change.p } : {}),
            size: change.baseline,
            ...past({ scope: 'memstats', metric }),
        });
    }
    // A baseline of MemStats only has no allocators to compare with: none is new against it.
    const profiledBaseline = diff.hasBaseline && !diff.warnings.some((w) => w.code === 'baseline-without-profile');
    const rows = (scope, list) => {
        for (const row of list) {
            if (isIgnored(policy, row))
                continue;
            const baseline = row.baseline ?? (profiledBaseline ? 0 : null);
            out.push({
                scope,
                metric: row.sampleType,
                subject: row.function,
                unit: row.unit,
                baseline,
                candidate: row.candidate,
                sigma: row.sigma,
                exact: exactProfiles,
                ...(row.p !== undefined ? { p: row.p } : {}),
                size: diff.totals[row.sampleType]?.baseline ?? null,
                // The history keeps allocators, not packages.
                ...(scope === 'allocator'
                    ? past({ scope: 'allocator', metric: row.sampleType, subject: row.function })
                    : {}),
            });
        }
    };
    rows('allocator', diff.allocators);
    rows('package', diff.packages);
    return out;
}

/**
 * Judges `diff` against `policy` on the day `today` (YYYY-MM-DD, UTC): the verdict, and the
 * diff with every row's significance and waived state, ignored subjects left out (judgeDiff).
 * Without a baseline the status is 'no-baseline' (never a failure) but ceiling violations are
 * still listed. Unexpired waivers move matching violations to `waived`; expired ones are
 * listed in `expiredWaivers` and ignored. Status is 'fail' when an unwaived violation
 * remains. The verdict's focus is the sample type of the worst violation (focusOf).
 */
function evaluate(diff, policy, today, history) {
    const verdict = judgeRules(diff, policy, today, history);
    const judged = judgeDiff(diff, verdict, policy);
    // A failure's report says where the growth comes from in the program's own code.
    const origin = verdict.violations.length > 0 ? originOf(judged.allocators, verdict.focus) : undefined;
    return { diff: origin ? { ...judged, origin } : judged, verdict };
}
function judgeRules(diff, policy, today, history) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today))
        throw new Error(`evaluate: today must be YYYY-MM-DD, got ${today}`);
    const measurements = measure(diff, policy, history);
    const warnings = [];
    if (history && history.entries.length < HISTORY_MIN_ENTRIES) {
        warnings.push(warning('history-too-short', `the history has ${history.entries.length} of the ${HISTORY_MIN_ENTRIES} entries it needs to learn the noise: judged as without one`));
    }
    const found = new Map();
    let changed = false;
    // Whether any rule saw a figure on both sides (or a series): else nothing was compared.
    let compared = diff.series !== undefined;
    for (const rule of policy.rules) {
        const judged = selectFor(rule, measurements, warnings);
        for (const m of judged) {
            compared ||= m.baseline !== null;
            if (diff.hasBaseline && rule.maxIncrease !== undefined && m.baseline !== null) {
                const moved = Math.abs(m.candidate - m.baseline);
                changed ||= moved > 0 && moved >= (rule.minChange ?? 0);
            }
            for (const v of checkRule(rule, m, diff.hasBaseline, policy.confidence)) {
                const key = `${v.rule}\u0000${v.subject}\u0000${v.metric}`;
                // One entry per (rule, subject, metric); a broken ceiling outranks a relative increase.
                if (!found.has(key) || v.kind === 'max')
                    found.set(key, v);
            }
        }
    }
    const rules = policy.benchmarks ?? DEFAULT_BENCHMARK_RULES;
    const bench = judgeBenchmarks(diff.benchmarks, rules, diff.hasBaseline, warnings);
    changed ||= bench.changed;
    compared ||= (diff.benchmarks ?? []).some((b) => b.samples.baseline > 0);
    if (diff.hasBaseline && !compared) {
        warnings.push(warning('nothing-compared', 'no figure a rule judges is in both the baseline and the candidate: nothing was compared'));
    }
    for (const v of bench.violations) {
        const key = `${v.rule}\u0000${v.subject}\u0000${v.metric}`;
        if (!found.has(key) || v.kind === 'max')
            found.set(key, v);
    }
    const active = policy.waivers.filter((w) => today <= w.expires);
    const violations = [];
    const inconclusive = [];
    const waived = [];
    for (const v of found.values()) {
        const waiver = active.find((w) => waives(w, v));
        if (waiver)
            waived.push({ ...v, waiver: { reason: waiver.reason, expires: waiver.expires } });
        else if (v.significance === 'inconclusive')
            inconclusive.push(v);
        else
            violations.push(v);
    }
    violations.sort(byImportance);
    inconclusive.sort(byImportance);
    waived.sort(byImportance);
    const series = diff.series ? listedSeries(diff.series, policy.ignore) : undefined;
    const leakSuspects = judgeLeaks(series, policy.leaks, warnings);
    const leaking = policy.leaks.fail && leakSuspects.length > 0;
    return {
        // A leak within one run needs no baseline, so it fails even on the first run.
        status: leaking
            ? 'fail'
            : !diff.hasBaseline
                ? 'no-baseline'
                : violations.length > 0
                    ? 'fail'
                    : 'pass',
        focus: focusOf(diff, violations),
        violations,
        inconclusive,
        waived,
        expiredWaivers: policy.waivers
            .filter((w) => today > w.expires)
            .map((w) => ({
            subject: w.match.text,
            ...(w.metric !== undefined ? { metric: w.metric } : {}),
            reason: w.reason,
            expires: w.expires,
        })),
        policySource: policy.source,
        confidence: policy.confidence,
        changed,
        leakSuspects,
        leakCheck: diff.series
            ? { snapshots: diff.series.labels.length, minSnapshots: policy.leaks.minSnapshots }
            : undefined,
        warnings,
    };
}
/** The measurements a rule judges; warns about configured rules that judge nothing. */
function selectFor(rule, all, warnings) {
    const inScope = all.filter((m) => m.scope === rule.scope && m.metric === rule.metric);
    const configured = rule.line > 0;
    const what = rule.scope === 'package' ? 'package' : 'function';
    if (inScope.length === 0) {
        if (configured) {
            const missing = rule.scope === 'total' || rule.scope === 'memstats'
                ? `metric ${rule.metric} is in no input`
                : `no ${what} in the inputs has ${rule.metric}`;
            warnings.push(warning('rule-skipped', `${rule.id}: ${missing}; rule skipped`, rule.id));
        }
        return [];
    }
    if (!rule.match)
        return inScope;
    const match = rule.match;
    const selected = inScope.filter((m) => match.test(m.subject));
    if (selected.length === 0 && configured) {
        warnings.push(warning('pattern-matches-nothing', `${rule.id}: ${rule.scope} pattern ${JSON.stringify(match.text)} matches no ${what} with ${rule.metric}`, rule.id));
    }
    return selected;
}
function waives(w, v) {
    return (w.metric === undefined || w.metric === v.metric) && w.match.test(v.subject);
}
/** Ceilings first, then totals and MemStats, then allocators/packages; larger deltas first. */
function byImportance(a, b) {
    return (rank(a) - rank(b) ||
        (b.delta ?? b.candidate) - (a.delta ?? a.candidate) ||
        a.rule.localeCompare(b.rule) ||
        a.subject.localeCompare(b.subject));
}
function rank(v) {
    const kind = v.kind === 'max' ? 0 : 2;
    return kind + (v.scope === 'total' || v.scope === 'memstats' ? 0 : 1);
}

//#region rolldown:runtime
var __require = /* @__PURE__ */ createRequire(import.meta.url);

//#endregion
//#region src/utils.ts
function cleanPath(path) {
	let normalized = normalize(path);
	if (normalized.length > 1 && normalized[normalized.length - 1] === sep) normalized = normalized.substring(0, normalized.length - 1);
	return normalized;
}
const SLASHES_REGEX = /[\\/]/g;
function convertSlashes(path, separator) {
	return path.replace(SLASHES_REGEX, separator);
}
const WINDOWS_ROOT_DIR_REGEX = /^[a-z]:[\\/]$/i;
function isRootDirectory(path) {
	return path === "/" || WINDOWS_ROOT_DIR_REGEX.test(path);
}
function normalizePath(path, options) {
	const { resolvePaths, normalizePath: normalizePath$1, pathSeparator } = options;
	const pathNeedsCleaning = process.platform === "win32" && path.includes("/") || path.startsWith(".");
	if (resolvePaths) path = resolve(path);
	if (normalizePath$1 || pathNeedsCleaning) path = cleanPath(path);
	if (path === ".") return "";
	const needsSeperator = path[path.length - 1] !== pathSeparator;
	return convertSlashes(needsSeperator ? path + pathSeparator : path, pathSeparator);
}

//#endregion
//#region src/api/functions/join-path.ts
function joinPathWithBasePath(filename, directoryPath) {
	return directoryPath + filename;
}
function joinPathWithRelativePath(root, options) {
	return function(filename, directoryPath) {
		const sameRoot = directoryPath.startsWith(root);
		if (sameRoot) return directoryPath.slice(root.length) + filename;
		else return convertSlashes(relative(root, directoryPath), options.pathSeparator) + options.pathSeparator + filename;
	};
}
function joinPath(filename) {
	return filename;
}
function joinDirectoryPath(filename, directoryPath, separator) {
	return directoryPath + filename + separator;
}
function build$7(root, options) {
	const { relativePaths, includeBasePath } = options;
	return relativePaths && root ? joinPathWithRelativePath(root, options) : includeBasePath ? joinPathWithBasePath : joinPath;
}

//#endregion
//#region src/api/functions/push-directory.ts
function pushDirectoryWithRelativePath(root) {
	return function(directoryPath, paths) {
		paths.push(directoryPath.substring(root.length) || ".");
	};
}
function pushDirectoryFilterWithRelativePath(root) {
	return function(directoryPath, paths, filters) {
		const relativePath = directoryPath.substring(root.length) || ".";
		if (filters.every((filter) => filter(relativePath, true))) paths.push(relativePath);
	};
}
const pushDirectory = (directoryPath, paths) => {
	paths.push(directoryPath || ".");
};
const pushDirectoryFilter = (directoryPath, paths, filters) => {
	const path = directoryPath || ".";
	if (filters.every((filter) => filter(path, true))) paths.push(path);
};
const empty$2 = () => {};
function build$6(root, options) {
	const { includeDirs, filters, relativePaths } = options;
	if (!includeDirs) return empty$2;
	if (relativePaths) return filters && filters.length ? pushDirectoryFilterWithRelativePath(root) : pushDirectoryWithRelativePath(root);
	return filters && filters.length ? pushDirectoryFilter : pushDirectory;
}

//#endregion
//#region src/api/functions/push-file.ts
const pushFileFilterAndCount = (filename, _paths, counts, filters) => {
	if (filters.every((filter) => filter(filename, false))) counts.files++;
};
const pushFileFilter = (filename, paths, _counts, filters) => {
	if (filters.every((filter) => filter(filename, false))) paths.push(filename);
};
const pushFileCount = (_filename, _paths, counts, _filters) => {
	counts.files++;
};
const pushFile = (filename, paths) => {
	paths.push(filename);
};
const empty$1 = () => {};
function build$5(options) {
	const { excludeFiles, filters, onlyCounts } = options;
	if (excludeFiles) return empty$1;
	if (filters && filters.length) return onlyCounts ? pushFileFilterAndCount : pushFileFilter;
	else if (onlyCounts) return pushFileCount;
	else return pushFile;
}

//#endregion
//#region src/api/functions/get-array.ts
const getArray = (paths) => {
	return paths;
};
const getArrayGroup = () => {
	return [""].slice(0, 0);
};
function build$4(options) {
	return options.group ? getArrayGroup : getArray;
}

//#endregion
//#region src/api/functions/group-files.ts
const groupFiles = (groups, directory, files) => {
	groups.push({
		directory,
		files,
		dir: directory
	});
};
const empty = () => {};
function build$3(options) {
	return options.group ? groupFiles : empty;
}

//#endregion
//#region src/api/functions/resolve-symlink.ts
const resolveSymlinksAsync = function(path, state, callback$1) {
	const { queue, fs, options: { suppressErrors } } = state;
	queue.enqueue();
	fs.realpath(path, (error, resolvedPath) => {
		if (error) return queue.dequeue(suppressErrors ? null : error, state);
		fs.stat(resolvedPath, (error$1, stat) => {
			if (error$1) return queue.dequeue(suppressErrors ? null : error$1, state);
			if (stat.isDirectory() && isRecursive(path, resolvedPath, state)) return queue.dequeue(null, state);
			callback$1(stat, resolvedPath);
			queue.dequeue(null, state);
		});
	});
};
const resolveSymlinks = function(path, state, callback$1) {
	const { queue, fs, options: { suppressErrors } } = state;
	queue.enqueue();
	try {
		const resolvedPath = fs.realpathSync(path);
		const stat = fs.statSync(resolvedPath);
		if (stat.isDirectory() && isRecursive(path, resolvedPath, state)) return;
		callback$1(stat, resolvedPath);
	} catch (e) {
		if (!suppressErrors) throw e;
	}
};
function build$2(options, isSynchronous) {
	if (!options.resolveSymlinks || options.excludeSymlinks) return null;
	return isSynchronous ? resolveSymlinks : resolveSymlinksAsync;
}
function isRecursive(path, resolved, state) {
	if (state.options.useRealPaths) return isRecursiveUsingRealPaths(resolved, state);
	let parent = dirname(path);
	let depth = 1;
	while (parent !== state.root && depth < 2) {
		const resolvedPath = state.symlinks.get(parent);
		const isSameRoot = !!resolvedPath && (resolvedPath === resolved || resolvedPath.startsWith(resolved) || resolved.startsWith(resolvedPath));
		if (isSameRoot) depth++;
		else parent = dirname(parent);
	}
	state.symlinks.set(path, resolved);
	return depth > 1;
}
function isRecursiveUsingRealPaths(resolved, state) {
	return state.visited.includes(resolved + state.options.pathSeparator);
}

//#endregion
//#region src/api/functions/invoke-callback.ts
const onlyCountsSync = (state) => {
	return state.counts;
};
const groupsSync = (state) => {
	return state.groups;
};
const defaultSync = (state) => {
	return state.paths;
};
const limitFilesSync = (state) => {
	return state.paths.slice(0, state.options.maxFiles);
};
const onlyCountsAsync = (state, error, callback$1) => {
	report(error, callback$1, state.counts, state.options.suppressErrors);
	return null;
};
const defaultAsync = (state, error, callback$1) => {
	report(error, callback$1, state.paths, state.options.suppressErrors);
	return null;
};
const limitFilesAsync = (state, error, callback$1) => {
	report(error, callback$1, state.paths.slice(0, state.options.maxFiles), state.options.suppressErrors);
	return null;
};
const groupsAsync = (state, error, callback$1) => {
	report(error, callback$1, state.groups, state.options.suppressErrors);
	return null;
};
function report(error, callback$1, output, suppressErrors) {
	if (error && !suppressErrors) callback$1(error, output);
	else callback$1(null, output);
}
function build$1(options, isSynchronous) {
	const { onlyCounts, group, maxFiles } = options;
	if (onlyCounts) return isSynchronous ? onlyCountsSync : onlyCountsAsync;
	else if (group) return isSynchronous ? groupsSync : groupsAsync;
	else if (maxFiles) return isSynchronous ? limitFilesSync : limitFilesAsync;
	else return isSynchronous ? defaultSync : defaultAsync;
}

//#endregion
//#region src/api/functions/walk-directory.ts
const readdirOpts = { withFileTypes: true };
const walkAsync = (state, crawlPath, directoryPath, currentDepth, callback$1) => {
	state.queue.enqueue();
	if (currentDepth < 0) return state.queue.dequeue(null, state);
	const { fs } = state;
	state.visited.push(crawlPath);
	state.counts.directories++;
	fs.readdir(crawlPath || ".", readdirOpts, (error, entries = []) => {
		callback$1(entries, directoryPath, currentDepth);
		state.queue.dequeue(state.options.suppressErrors ? null : error, state);
	});
};
const walkSync = (state, crawlPath, directoryPath, currentDepth, callback$1) => {
	const { fs } = state;
	if (currentDepth < 0) return;
	state.visited.push(crawlPath);
	state.counts.directories++;
	let entries = [];
	try {
		entries = fs.readdirSync(crawlPath || ".", readdirOpts);
	} catch (e) {
		if (!state.options.suppressErrors) throw e;
	}
	callback$1(entries, directoryPath, currentDepth);
};
function build$8(isSynchronous) {
	return isSynchronous ? walkSync : walkAsync;
}

//#endregion
//#region src/api/queue.ts
/**
* This is a custom stateless queue to track concurrent async fs calls.
* It increments a counter whenever a call is queued and decrements it
* as soon as it completes. When the counter hits 0, it calls onQueueEmpty.
*/
var Queue = class {
	count = 0;
	constructor(onQueueEmpty) {
		this.onQueueEmpty = onQueueEmpty;
	}
	enqueue() {
		this.count++;
		return this.count;
	}
	dequeue(error, output) {
		if (this.onQueueEmpty && (--this.count <= 0 || error)) {
			this.onQueueEmpty(error, output);
			if (error) {
				output.controller.abort();
				this.onQueueEmpty = void 0;
			}
		}
	}
};

//#endregion
//#region src/api/counter.ts
var Counter = class {
	_files = 0;
	_directories = 0;
	set files(num) {
		this._files = num;
	}
	get files() {
		return this._files;
	}
	set directories(num) {
		this._directories = num;
	}
	get directories() {
		return this._directories;
	}
	/**
	* @deprecated use `directories` instead
	*/
	/* c8 ignore next 3 */
	get dirs() {
		return this._directories;
	}
};

//#endregion
//#region src/api/aborter.ts
/**
* AbortController is not supported on Node 14 so we use this until we can drop
* support for Node 14.
*/
var Aborter = class {
	aborted = false;
	abort() {
		this.aborted = true;
	}
};

//#endregion
//#region src/api/walker.ts
var Walker = class {
	root;
	isSynchronous;
	state;
	joinPath;
	pushDirectory;
	pushFile;
	getArray;
	groupFiles;
	resolveSymlink;
	walkDirectory;
	callbackInvoker;
	constructor(root, options, callback$1) {
		this.isSynchronous = !callback$1;
		this.callbackInvoker = build$1(options, this.isSynchronous);
		this.root = normalizePath(root, options);
		this.state = {
			root: isRootDirectory(this.root) ? this.root : this.root.slice(0, -1),
			paths: [""].slice(0, 0),
			groups: [],
			counts: new Counter(),
			options,
			queue: new Queue((error, state) => this.callbackInvoker(state, error, callback$1)),
			symlinks: /* @__PURE__ */ new Map(),
			visited: [""].slice(0, 0),
			controller: new Aborter(),
			fs: options.fs || nativeFs
		};
		this.joinPath = build$7(this.root, options);
		this.pushDirectory = build$6(this.root, options);
		this.pushFile = build$5(options);
		this.getArray = build$4(options);
		this.groupFiles = build$3(options);
		this.resolveSymlink = build$2(options, this.isSynchronous);
		this.walkDirectory = build$8(this.isSynchronous);
	}
	start() {
		this.pushDirectory(this.root, this.state.paths, this.state.options.filters);
		this.walkDirectory(this.state, this.root, this.root, this.state.options.maxDepth, this.walk);
		return this.isSynchronous ? this.callbackInvoker(this.state, null) : null;
	}
	walk = (entries, directoryPath, depth) => {
		const { paths, options: { filters, resolveSymlinks: resolveSymlinks$1, excludeSymlinks, exclude, maxFiles, signal, useRealPaths, pathSeparator }, controller } = this.state;
		if (controller.aborted || signal && signal.aborted || maxFiles && paths.length > maxFiles) return;
		const files = this.getArray(this.state.paths);
		for (let i = 0; i < entries.length; ++i) {
			const entry = entries[i];
			if (entry.isFile() || entry.isSymbolicLink() && !resolveSymlinks$1 && !excludeSymlinks) {
				const filename = this.joinPath(entry.name, directoryPath);
				this.pushFile(filename, files, this.state.counts, filters);
			} else if (entry.isDirectory()) {
				let path = joinDirectoryPath(entry.name, directoryPath, this.state.options.pathSeparator);
				if (exclude && exclude(entry.name, path)) continue;
				this.pushDirectory(path, paths, filters);
				this.walkDirectory(this.state, path, path, depth - 1, this.walk);
			} else if (this.resolveSymlink && entry.isSymbolicLink()) {
				let path = joinPathWithBasePath(entry.name, directoryPath);
				this.resolveSymlink(path, this.state, (stat, resolvedPath) => {
					if (stat.isDirectory()) {
						resolvedPath = normalizePath(resolvedPath, this.state.options);
						if (exclude && exclude(entry.name, useRealPaths ? resolvedPath : path + pathSeparator)) return;
						this.walkDirectory(this.state, resolvedPath, useRealPaths ? resolvedPath : path + pathSeparator, depth - 1, this.walk);
					} else {
						resolvedPath = useRealPaths ? resolvedPath : path;
						const filename = basename$1(resolvedPath);
						const directoryPath$1 = normalizePath(dirname(resolvedPath), this.state.options);
						resolvedPath = this.joinPath(filename, directoryPath$1);
						this.pushFile(resolvedPath, files, this.state.counts, filters);
					}
				});
			}
		}
		this.groupFiles(this.state.groups, directoryPath, files);
	};
};

//#endregion
//#region src/api/async.ts
function promise(root, options) {
	return new Promise((resolve$1, reject) => {
		callback(root, options, (err, output) => {
			if (err) return reject(err);
			resolve$1(output);
		});
	});
}
function callback(root, options, callback$1) {
	let walker = new Walker(root, options, callback$1);
	walker.start();
}

//#endregion
//#region src/api/sync.ts
function sync(root, options) {
	const walker = new Walker(root, options);
	return walker.start();
}

//#endregion
//#region src/builder/api-builder.ts
var APIBuilder = class {
	constructor(root, options) {
		this.root = root;
		this.options = options;
	}
	withPromise() {
		return promise(this.root, this.options);
	}
	withCallback(cb) {
		callback(this.root, this.options, cb);
	}
	sync() {
		return sync(this.root, this.options);
	}
};

//#endregion
//#region src/builder/index.ts
let pm = null;
/* c8 ignore next 6 */
try {
	__require.resolve("picomatch");
	pm = __require("picomatch");
} catch {}
var Builder = class {
	globCache = {};
	options = {
		maxDepth: Infinity,
		suppressErrors: true,
		pathSeparator: sep,
		filters: []
	};
	globFunction;
	constructor(options) {
		this.options = {
			...this.options,
			...options
		};
		this.globFunction = this.options.globFunction;
	}
	group() {
		this.options.group = true;
		return this;
	}
	withPathSeparator(separator) {
		this.options.pathSeparator = separator;
		return this;
	}
	withBasePath() {
		this.options.includeBasePath = true;
		return this;
	}
	withRelativePaths() {
		this.options.relativePaths = true;
		return this;
	}
	withDirs() {
		this.options.includeDirs = true;
		return this;
	}
	withMaxDepth(depth) {
		this.options.maxDepth = depth;
		return this;
	}
	withMaxFiles(limit) {
		this.options.maxFiles = limit;
		return this;
	}
	withFullPaths() {
		this.options.resolvePaths = true;
		this.options.includeBasePath = true;
		return this;
	}
	withErrors() {
		this.options.suppressErrors = false;
		return this;
	}
	withSymlinks({ resolvePaths = true } = {}) {
		this.options.resolveSymlinks = true;
		this.options.useRealPaths = resolvePaths;
		return this.withFullPaths();
	}
	withAbortSignal(signal) {
		this.options.signal = signal;
		return this;
	}
	normalize() {
		this.options.normalizePath = true;
		return this;
	}
	filter(predicate) {
		this.options.filters.push(predicate);
		return this;
	}
	onlyDirs() {
		this.options.excludeFiles = true;
		this.options.includeDirs = true;
		return this;
	}
	exclude(predicate) {
		this.options.exclude = predicate;
		return this;
	}
	onlyCounts() {
		this.options.onlyCounts = true;
		return this;
	}
	crawl(root) {
		return new APIBuilder(root || ".", this.options);
	}
	withGlobFunction(fn) {
		this.globFunction = fn;
		return this;
	}
	/**
	* @deprecated Pass options using the constructor instead:
	* ```ts
	* new fdir(options).crawl("/path/to/root");
	* ```
	* This method will be removed in v7.0
	*/
	/* c8 ignore next 4 */
	crawlWithOptions(root, options) {
		this.options = {
			...this.options,
			...options
		};
		return new APIBuilder(root || ".", this.options);
	}
	glob(...patterns) {
		if (this.globFunction) return this.globWithOptions(patterns);
		return this.globWithOptions(patterns, ...[{ dot: true }]);
	}
	globWithOptions(patterns, ...options) {
		const globFn = this.globFunction || pm;
		/* c8 ignore next 5 */
		if (!globFn) throw new Error("Please specify a glob function to use glob matching.");
		var isMatch = this.globCache[patterns.join("\0")];
		if (!isMatch) {
			isMatch = globFn(patterns, ...options);
			this.globCache[patterns.join("\0")] = isMatch;
		}
		this.options.filters.push((path) => isMatch(path));
		return this;
	}
};

var utils = {};

var constants;
var hasRequiredConstants;

function requireConstants () {
	if (hasRequiredConstants) return constants;
	hasRequiredConstants = 1;

	const WIN_SLASH = '\\\\/';
	const WIN_NO_SLASH = `[^${WIN_SLASH}]`;

	const DEFAULT_MAX_EXTGLOB_RECURSION = 0;

	/**
	 * Posix glob regex
	 */

	const DOT_LITERAL = '\\.';
	const PLUS_LITERAL = '\\+';
	const QMARK_LITERAL = '\\?';
	const SLASH_LITERAL = '\\/';
	const ONE_CHAR = '(?=.)';
	const QMARK = '[^/]';
	const END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
	const START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
	const DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
	const NO_DOT = `(?!${DOT_LITERAL})`;
	const NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
	const NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
	const NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
	const QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
	const STAR = `${QMARK}*?`;
	const SEP = '/';

	const POSIX_CHARS = {
	  DOT_LITERAL,
	  PLUS_LITERAL,
	  QMARK_LITERAL,
	  SLASH_LITERAL,
	  ONE_CHAR,
	  QMARK,
	  END_ANCHOR,
	  DOTS_SLASH,
	  NO_DOT,
	  NO_DOTS,
	  NO_DOT_SLASH,
	  NO_DOTS_SLASH,
	  QMARK_NO_DOT,
	  STAR,
	  START_ANCHOR,
	  SEP
	};

	/**
	 * Windows glob regex
	 */

	const WINDOWS_CHARS = {
	  ...POSIX_CHARS,

	  SLASH_LITERAL: `[${WIN_SLASH}]`,
	  QMARK: WIN_NO_SLASH,
	  STAR: `${WIN_NO_SLASH}*?`,
	  DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
	  NO_DOT: `(?!${DOT_LITERAL})`,
	  NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
	  NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
	  NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
	  QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
	  START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
	  END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
	  SEP: '\\'
	};

	/**
	 * POSIX Bracket Regex
	 */

	const POSIX_REGEX_SOURCE = {
	  __proto__: null,
	  alnum: 'a-zA-Z0-9',
	  alpha: 'a-zA-Z',
	  ascii: '\\x00-\\x7F',
	  blank: ' \\t',
	  cntrl: '\\x00-\\x1F\\x7F',
	  digit: '0-9',
	  graph: '\\x21-\\x7E',
	  lower: 'a-z',
	  print: '\\x20-\\x7E ',
	  punct: '\\-!"#$%&\'()\\*+,./:;<=>?@[\\]^_`{|}~',
	  space: ' \\t\\r\\n\\v\\f',
	  upper: 'A-Z',
	  word: 'A-Za-z0-9_',
	  xdigit: 'A-Fa-f0-9'
	};

	constants = {
	  DEFAULT_MAX_EXTGLOB_RECURSION,
	  MAX_LENGTH: 1024 * 64,
	  POSIX_REGEX_SOURCE,

	  // regular expressions
	  REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
	  REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
	  REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
	  REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
	  REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
	  REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,

	  // Replace globs with equivalent patterns to reduce parsing time.
	  REPLACEMENTS: {
	    __proto__: null,
	    '***': '*',
	    '**/**': '**',
	    '**/**/**': '**'
	  },

	  // Digits
	  CHAR_0: 48, /* 0 */
	  CHAR_9: 57, /* 9 */

	  // Alphabet chars.
	  CHAR_UPPERCASE_A: 65, /* A */
	  CHAR_LOWERCASE_A: 97, /* a */
	  CHAR_UPPERCASE_Z: 90, /* Z */
	  CHAR_LOWERCASE_Z: 122, /* z */

	  CHAR_LEFT_PARENTHESES: 40, /* ( */
	  CHAR_RIGHT_PARENTHESES: 41, /* ) */

	  CHAR_ASTERISK: 42, /* * */

	  // Non-alphabetic chars.
	  CHAR_AMPERSAND: 38, /* & */
	  CHAR_AT: 64, /* @ */
	  CHAR_BACKWARD_SLASH: 92, /* \ */
	  CHAR_CARRIAGE_RETURN: 13, /* \r */
	  CHAR_CIRCUMFLEX_ACCENT: 94, /* ^ */
	  CHAR_COLON: 58, /* : */
	  CHAR_COMMA: 44, /* , */
	  CHAR_DOT: 46, /* . */
	  CHAR_DOUBLE_QUOTE: 34, /* " */
	  CHAR_EQUAL: 61, /* = */
	  CHAR_EXCLAMATION_MARK: 33, /* ! */
	  CHAR_FORM_FEED: 12, /* \f */
	  CHAR_FORWARD_SLASH: 47, /* / */
	  CHAR_GRAVE_ACCENT: 96, /* ` */
	  CHAR_HASH: 35, /* # */
	  CHAR_HYPHEN_MINUS: 45, /* - */
	  CHAR_LEFT_ANGLE_BRACKET: 60, /* < */
	  CHAR_LEFT_CURLY_BRACE: 123, /* { */
	  CHAR_LEFT_SQUARE_BRACKET: 91, /* [ */
	  CHAR_LINE_FEED: 10, /* \n */
	  CHAR_NO_BREAK_SPACE: 160, /* \u00A0 */
	  CHAR_PERCENT: 37, /* % */
	  CHAR_PLUS: 43, /* + */
	  CHAR_QUESTION_MARK: 63, /* ? */
	  CHAR_RIGHT_ANGLE_BRACKET: 62, /* > */
	  CHAR_RIGHT_CURLY_BRACE: 125, /* } */
	  CHAR_RIGHT_SQUARE_BRACKET: 93, /* ] */
	  CHAR_SEMICOLON: 59, /* ; */
	  CHAR_SINGLE_QUOTE: 39, /* ' */
	  CHAR_SPACE: 32, /*   */
	  CHAR_TAB: 9, /* \t */
	  CHAR_UNDERSCORE: 95, /* _ */
	  CHAR_VERTICAL_LINE: 124, /* | */
	  CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279, /* \uFEFF */

	  /**
	   * Create EXTGLOB_CHARS
	   */

	  extglobChars(chars) {
	    return {
	      '!': { type: 'negate', open: '(?:(?!(?:', close: `))${chars.STAR})` },
	      '?': { type: 'qmark', open: '(?:', close: ')?' },
	      '+': { type: 'plus', open: '(?:', close: ')+' },
	      '*': { type: 'star', open: '(?:', close: ')*' },
	      '@': { type: 'at', open: '(?:', close: ')' }
	    };
	  },

	  /**
	   * Create GLOB_CHARS
	   */

	  globChars(win32) {
	    return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
	  }
	};
	return constants;
}

/*global navigator*/

var hasRequiredUtils;

function requireUtils () {
	if (hasRequiredUtils) return utils;
	hasRequiredUtils = 1;
	(function (exports) {

		const {
		  REGEX_BACKSLASH,
		  REGEX_REMOVE_BACKSLASH,
		  REGEX_SPECIAL_CHARS,
		  REGEX_SPECIAL_CHARS_GLOBAL
		} = /*@__PURE__*/ requireConstants();

		exports.isObject = val => val !== null && typeof val === 'object' && !Array.isArray(val);
		exports.hasRegexChars = str => REGEX_SPECIAL_CHARS.test(str);
		exports.isRegexChar = str => str.length === 1 && exports.hasRegexChars(str);
		exports.escapeRegex = str => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, '\\$1');
		exports.toPosixSlashes = str => str.replace(REGEX_BACKSLASH, '/');

		exports.isWindows = () => {
		  if (typeof navigator !== 'undefined' && navigator.platform) {
		    const platform = navigator.platform.toLowerCase();
		    return platform === 'win32' || platform === 'windows';
		  }

		  if (typeof process !== 'undefined' && process.platform) {
		    return process.platform === 'win32';
		  }

		  return false;
		};

		exports.removeBackslashes = str => {
		  return str.replace(REGEX_REMOVE_BACKSLASH, match => {
		    return match === '\\' ? '' : match;
		  });
		};

		exports.escapeLast = (input, char, lastIdx) => {
		  const idx = input.lastIndexOf(char, lastIdx);
		  if (idx === -1) return input;
		  if (input[idx - 1] === '\\') return exports.escapeLast(input, char, idx - 1);
		  return `${input.slice(0, idx)}\\${input.slice(idx)}`;
		};

		exports.removePrefix = (input, state = {}) => {
		  let output = input;
		  if (output.startsWith('./')) {
		    output = output.slice(2);
		    state.prefix = './';
		  }
		  return output;
		};

		exports.wrapOutput = (input, state = {}, options = {}) => {
		  const prepend = options.contains ? '' : '^';
		  const append = options.contains ? '' : '$';

		  let output = `${prepend}(?:${input})${append}`;
		  if (state.negated === true) {
		    output = `(?:^(?!${output}).*$)`;
		  }
		  return output;
		};

		exports.basename = (path, { windows } = {}) => {
		  const segs = path.split(windows ? /[\\/]/ : '/');
		  const last = segs[segs.length - 1];

		  if (last === '') {
		    return segs[segs.length - 2];
		  }

		  return last;
		}; 
	} (utils));
	return utils;
}

var scan_1;
var hasRequiredScan;

function requireScan () {
	if (hasRequiredScan) return scan_1;
	hasRequiredScan = 1;

	const utils = /*@__PURE__*/ requireUtils();
	const {
	  CHAR_ASTERISK,             /* * */
	  CHAR_AT,                   /* @ */
	  CHAR_BACKWARD_SLASH,       /* \ */
	  CHAR_COMMA,                /* , */
	  CHAR_DOT,                  /* . */
	  CHAR_EXCLAMATION_MARK,     /* ! */
	  CHAR_FORWARD_SLASH,        /* / */
	  CHAR_LEFT_CURLY_BRACE,     /* { */
	  CHAR_LEFT_PARENTHESES,     /* ( */
	  CHAR_LEFT_SQUARE_BRACKET,  /* [ */
	  CHAR_PLUS,                 /* + */
	  CHAR_QUESTION_MARK,        /* ? */
	  CHAR_RIGHT_CURLY_BRACE,    /* } */
	  CHAR_RIGHT_PARENTHESES,    /* ) */
	  CHAR_RIGHT_SQUARE_BRACKET  /* ] */
	} = /*@__PURE__*/ requireConstants();

	const isPathSeparator = code => {
	  return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
	};

	const depth = token => {
	  if (token.isPrefix !== true) {
	    token.depth = token.isGlobstar ? Infinity : 1;
	  }
	};

	/**
	 * Quickly scans a glob pattern and returns an object with a handful of
	 * useful properties, like `isGlob`, `path` (the leading non-glob, if it exists),
	 * `glob` (the actual pattern), `negated` (true if the path starts with `!` but not
	 * with `!(`) and `negatedExtglob` (true if the path starts with `!(`).
	 *
	 * ```js
	 * const pm = require('picomatch');
	 * console.log(pm.scan('foo/bar/*.js'));
	 * { isGlob: true, input: 'foo/bar/*.js', base: 'foo/bar', glob: '*.js' }
	 * ```
	 * @param {String} `str`
	 * @param {Object} `options`
	 * @return {Object} Returns an object with tokens and regex source string.
	 * @api public
	 */

	const scan = (input, options) => {
	  const opts = options || {};

	  const length = input.length - 1;
	  const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
	  const slashes = [];
	  const tokens = [];
	  const parts = [];

	  let str = input;
	  let index = -1;
	  let start = 0;
	  let lastIndex = 0;
	  let isBrace = false;
	  let isBracket = false;
	  let isGlob = false;
	  let isExtglob = false;
	  let isGlobstar = false;
	  let braceEscaped = false;
	  let backslashes = false;
	  let negated = false;
	  let negatedExtglob = false;
	  let finished = false;
	  let braces = 0;
	  let prev;
	  let code;
	  let token = { value: '', depth: 0, isGlob: false };

	  const eos = () => index >= length;
	  const peek = () => str.charCodeAt(index + 1);
	  const advance = () => {
	    prev = code;
	    return str.charCodeAt(++index);
	  };

	  while (index < length) {
	    code = advance();
	    let next;

	    if (code === CHAR_BACKWARD_SLASH) {
	      backslashes = token.backslashes = true;
	      code = advance();

	      if (code === CHAR_LEFT_CURLY_BRACE) {
	        braceEscaped = true;
	      }
	      continue;
	    }

	    if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
	      braces++;

	      while (eos() !== true && (code = advance())) {
	        if (code === CHAR_BACKWARD_SLASH) {
	          backslashes = token.backslashes = true;
	          advance();
	          continue;
	        }

	        if (code === CHAR_LEFT_CURLY_BRACE) {
	          braces++;
	          continue;
	        }

	        if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
	          isBrace = token.isBrace = true;
	          isGlob = token.isGlob = true;
	          finished = true;

	          if (scanToEnd === true) {
	            continue;
	          }

	          break;
	        }

	        if (braceEscaped !== true && code === CHAR_COMMA) {
	          isBrace = token.isBrace = true;
	          isGlob = token.isGlob = true;
	          finished = true;

	          if (scanToEnd === true) {
	            continue;
	          }

	          break;
	        }

	        if (code === CHAR_RIGHT_CURLY_BRACE) {
	          braces--;

	          if (braces === 0) {
	            braceEscaped = false;
	            isBrace = token.isBrace = true;
	            finished = true;
	            break;
	          }
	        }
	      }

	      if (scanToEnd === true) {
	        continue;
	      }

	      break;
	    }

	    if (code === CHAR_FORWARD_SLASH) {
	      slashes.push(index);
	      tokens.push(token);
	      token = { value: '', depth: 0, isGlob: false };

	      if (finished === true) continue;
	      if (prev === CHAR_DOT && index === (start + 1)) {
	        start += 2;
	        continue;
	      }

	      lastIndex = index + 1;
	      continue;
	    }

	    if (opts.noext !== true) {
	      const isExtglobChar = code === CHAR_PLUS
	        || code === CHAR_AT
	        || code === CHAR_ASTERISK
	        || code === CHAR_QUESTION_MARK
	        || code === CHAR_EXCLAMATION_MARK;

	      if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
	        isGlob = token.isGlob = true;
	        isExtglob = token.isExtglob = true;
	        finished = true;
	        if (code === CHAR_EXCLAMATION_MARK && index === start) {
	          negatedExtglob = true;
	        }

	        if (scanToEnd === true) {
	          let parens = 0;

	          while (eos() !== true && (code = advance())) {
	            if (code === CHAR_BACKWARD_SLASH) {
	              backslashes = token.backslashes = true;
	              advance();
	              continue;
	            }

	            if (code === CHAR_LEFT_PARENTHESES) {
	              parens++;
	              continue;
	            }

	            if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
	              finished = true;
	              break;
	            }
	          }
	          continue;
	        }
	        break;
	      }
	    }

	    if (code === CHAR_ASTERISK) {
	      if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
	      isGlob = token.isGlob = true;
	      finished = true;

	      if (scanToEnd === true) {
	        continue;
	      }
	      break;
	    }

	    if (code === CHAR_QUESTION_MARK) {
	      isGlob = token.isGlob = true;
	      finished = true;

	      if (scanToEnd === true) {
	        continue;
	      }
	      break;
	    }

	    if (code === CHAR_LEFT_SQUARE_BRACKET) {
	      while (eos() !== true && (next = advance())) {
	        if (next === CHAR_BACKWARD_SLASH) {
	          backslashes = token.backslashes = true;
	          advance();
	          continue;
	        }

	        if (next === CHAR_RIGHT_SQUARE_BRACKET) {
	          isBracket = token.isBracket = true;
	          isGlob = token.isGlob = true;
	          finished = true;
	          break;
	        }
	      }

	      if (scanToEnd === true) {
	        continue;
	      }

	      break;
	    }

	    if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
	      negated = token.negated = true;
	      start++;
	      continue;
	    }

	    if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
	      isGlob = token.isGlob = true;

	      if (scanToEnd === true) {
	        let parens = 1;

	        while (eos() !== true && (code = advance())) {
	          if (code === CHAR_BACKWARD_SLASH) {
	            backslashes = token.backslashes = true;
	            advance();
	            continue;
	          }

	          if (code === CHAR_LEFT_PARENTHESES) {
	            parens++;
	            continue;
	          }

	          if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
	            finished = true;
	            break;
	          }
	        }
	        continue;
	      }
	      break;
	    }

	    if (isGlob === true) {
	      finished = true;

	      if (scanToEnd === true) {
	        continue;
	      }

	      break;
	    }
	  }

	  if (opts.noext === true) {
	    isExtglob = false;
	    isGlob = false;
	  }

	  let base = str;
	  let prefix = '';
	  let glob = '';

	  if (start > 0) {
	    prefix = str.slice(0, start);
	    str = str.slice(start);
	    lastIndex -= start;
	  }

	  if (base && isGlob === true && lastIndex > 0) {
	    base = str.slice(0, lastIndex);
	    glob = str.slice(lastIndex);
	  } else if (isGlob === true) {
	    base = '';
	    glob = str;
	  } else {
	    base = str;
	  }

	  if (base && base !== '' && base !== '/' && base !== str) {
	    if (isPathSeparator(base.charCodeAt(base.length - 1))) {
	      base = base.slice(0, -1);
	    }
	  }

	  if (opts.unescape === true) {
	    if (glob) glob = utils.removeBackslashes(glob);

	    if (base && backslashes === true) {
	      base = utils.removeBackslashes(base);
	    }
	  }

	  const state = {
	    prefix,
	    input,
	    start,
	    base,
	    glob,
	    isBrace,
	    isBracket,
	    isGlob,
	    isExtglob,
	    isGlobstar,
	    negated,
	    negatedExtglob
	  };

	  if (opts.tokens === true) {
	    state.maxDepth = 0;
	    if (!isPathSeparator(code)) {
	      tokens.push(token);
	    }
	    state.tokens = tokens;
	  }

	  if (opts.parts === true || opts.tokens === true) {
	    let prevIndex;

	    for (let idx = 0; idx < slashes.length; idx++) {
	      const n = prevIndex !== undefined ? prevIndex + 1 : start;
	      const i = slashes[idx];
	      const value = input.slice(n, i);
	      if (opts.tokens) {
	        if (idx === 0 && start !== 0) {
	          tokens[idx].isPrefix = true;
	          tokens[idx].value = prefix;
	        } else {
	          tokens[idx].value = value;
	        }
	        depth(tokens[idx]);
	        state.maxDepth += tokens[idx].depth;
	      }
	      if (i >= start) {
	        parts.push(value);
	        prevIndex = i;
	      }
	    }

	    const n = prevIndex !== undefined ? prevIndex + 1 : start;
	    const value = input.slice(n);
	    parts.push(value);

	    if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
	      tokens[tokens.length - 1].value = value;
	      depth(tokens[tokens.length - 1]);
	      state.maxDepth += tokens[tokens.length - 1].depth;
	    }

	    state.slashes = slashes;
	    state.parts = parts;
	  }

	  return state;
	};

	scan_1 = scan;
	return scan_1;
}

var parse_1;
var hasRequiredParse;

function requireParse () {
	if (hasRequiredParse) return parse_1;
	hasRequiredParse = 1;

	const constants = /*@__PURE__*/ requireConstants();
	const utils = /*@__PURE__*/ requireUtils();

	/**
	 * Constants
	 */

	const {
	  MAX_LENGTH,
	  POSIX_REGEX_SOURCE,
	  REGEX_NON_SPECIAL_CHARS,
	  REGEX_SPECIAL_CHARS_BACKREF,
	  REPLACEMENTS
	} = constants;

	/**
	 * Helpers
	 */

	const expandRange = (args, options) => {
	  if (typeof options.expandRange === 'function') {
	    return options.expandRange(...args, options);
	  }

	  args.sort();
	  const value = `[${args.join('-')}]`;

	  try {
	    /* eslint-disable-next-line no-new */
	    new RegExp(value);
	  } catch (ex) {
	    return args.map(v => utils.escapeRegex(v)).join('..');
	  }

	  return value;
	};

	/**
	 * Create the message for a syntax error
	 */

	const syntaxError = (type, char) => {
	  return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
	};

	const splitTopLevel = input => {
	  const parts = [];
	  let bracket = 0;
	  let paren = 0;
	  let quote = 0;
	  let value = '';
	  let escaped = false;

	  for (const ch of input) {
	    if (escaped === true) {
	      value += ch;
	      escaped = false;
	      continue;
	    }

	    if (ch === '\\') {
	      value += ch;
	      escaped = true;
	      continue;
	    }

	    if (ch === '"') {
	      quote = quote === 1 ? 0 : 1;
	      value += ch;
	      continue;
	    }

	    if (quote === 0) {
	      if (ch === '[') {
	        bracket++;
	      } else if (ch === ']' && bracket > 0) {
	        bracket--;
	      } else if (bracket === 0) {
	        if (ch === '(') {
	          paren++;
	        } else if (ch === ')' && paren > 0) {
	          paren--;
	        } else if (ch === '|' && paren === 0) {
	          parts.push(value);
	          value = '';
	          continue;
	        }
	      }
	    }

	    value += ch;
	  }

	  parts.push(value);
	  return parts;
	};

	const isPlainBranch = branch => {
	  let escaped = false;

	  for (const ch of branch) {
	    if (escaped === true) {
	      escaped = false;
	      continue;
	    }

	    if (ch === '\\') {
	      escaped = true;
	      continue;
	    }

	    if (/[?*+@!()[\]{}]/.test(ch)) {
	      return false;
	    }
	  }

	  return true;
	};

	const normalizeSimpleBranch = branch => {
	  let value = branch.trim();
	  let changed = true;

	  while (changed === true) {
	    changed = false;

	    if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
	      value = value.slice(2, -1);
	      changed = true;
	    }
	  }

	  if (!isPlainBranch(value)) {
	    return;
	  }

	  return value.replace(/\\(.)/g, '$1');
	};

	const hasRepeatedCharPrefixOverlap = branches => {
	  const values = branches.map(normalizeSimpleBranch).filter(Boolean);

	  for (let i = 0; i < values.length; i++) {
	    for (let j = i + 1; j < values.length; j++) {
	      const a = values[i];
	      const b = values[j];
	      const char = a[0];

	      if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
	        continue;
	      }

	      if (a === b || a.startsWith(b) || b.startsWith(a)) {
	        return true;
	      }
	    }
	  }

	  return false;
	};

	const parseRepeatedExtglob = (pattern, requireEnd = true) => {
	  if ((pattern[0] !== '+' && pattern[0] !== '*') || pattern[1] !== '(') {
	    return;
	  }

	  let bracket = 0;
	  let paren = 0;
	  let quote = 0;
	  let escaped = false;

	  for (let i = 1; i < pattern.length; i++) {
	    const ch = pattern[i];

	    if (escaped === true) {
	      escaped = false;
	      continue;
	    }

	    if (ch === '\\') {
	      escaped = true;
	      continue;
	    }

	    if (ch === '"') {
	      quote = quote === 1 ? 0 : 1;
	      continue;
	    }

	    if (quote === 1) {
	      continue;
	    }

	    if (ch === '[') {
	      bracket++;
	      continue;
	    }

	    if (ch === ']' && bracket > 0) {
	      bracket--;
	      continue;
	    }

	    if (bracket > 0) {
	      continue;
	    }

	    if (ch === '(') {
	      paren++;
	      continue;
	    }

	    if (ch === ')') {
	      paren--;

	      if (paren === 0) {
	        if (requireEnd === true && i !== pattern.length - 1) {
	          return;
	        }

	        return {
	          type: pattern[0],
	          body: pattern.slice(2, i),
	          end: i
	        };
	      }
	    }
	  }
	};

	const buildCharClassStar = chars => {
	  const source = chars.length === 1
	    ? utils.escapeRegex(chars[0])
	    : `[${chars.map(ch => utils.escapeRegex(ch)).join('')}]`;

	  return `${source}*`;
	};

	const getStarExtglobSequenceChars = pattern => {
	  let index = 0;
	  const chars = [];

	  while (index < pattern.length) {
	    const match = parseRepeatedExtglob(pattern.slice(index), false);

	    if (!match || match.type !== '*') {
	      return;
	    }

	    const branches = splitTopLevel(match.body).map(branch => branch.trim());
	    if (branches.length !== 1) {
	      return;
	    }

	    const branch = normalizeSimpleBranch(branches[0]);
	    if (!branch || branch.length !== 1) {
	      return;
	    }

	    chars.push(branch);
	    index += match.end + 1;
	  }

	  if (chars.length < 1) {
	    return;
	  }

	  return chars;
	};

	const repeatedExtglobRecursion = pattern => {
	  let depth = 0;
	  let value = pattern.trim();
	  let match = parseRepeatedExtglob(value);

	  while (match) {
	    depth++;
	    value = match.body.trim();
	    match = parseRepeatedExtglob(value);
	  }

	  return depth;
	};

	const analyzeRepeatedExtglob = (body, options) => {
	  if (options.maxExtglobRecursion === false) {
	    return { risky: false };
	  }

	  const max =
	    typeof options.maxExtglobRecursion === 'number'
	      ? options.maxExtglobRecursion
	      : constants.DEFAULT_MAX_EXTGLOB_RECURSION;

	  const branches = splitTopLevel(body).map(branch => branch.trim());

	  if (branches.length > 1) {
	    if (
	      branches.some(branch => branch === '') ||
	      branches.some(branch => /^[*?]+$/.test(branch)) ||
	      hasRepeatedCharPrefixOverlap(branches)
	    ) {
	      return { risky: true };
	    }
	  }

	  // A repeated extglob is "risky" (prone to catastrophic backtracking) when a
	  // branch is itself a `*(...)` sequence, since that nests an unbounded quantifier
	  // inside the outer `+(...)`/`*(...)`. When *every* branch reduces to single
	  // characters we can emit one flat, ReDoS-safe character class that preserves the
	  // meaning of ALL branches (e.g. `+(*(a)|*(b))` -> `[ab]*`), rather than dropping
	  // every branch but the first.
	  const safeChars = [];
	  let sawStarSequence = false;
	  let combinable = true;

	  for (const branch of branches) {
	    const chars = getStarExtglobSequenceChars(branch);
	    if (chars) {
	      sawStarSequence = true;
	      safeChars.push(...chars);
	      continue;
	    }

	    const literal = normalizeSimpleBranch(branch);
	    if (literal && literal.length === 1) {
	      safeChars.push(literal);
	      continue;
	    }

	    combinable = false;

	    if (repeatedExtglobRecursion(branch) > max) {
	      return { risky: true };
	    }
	  }

	  if (sawStarSequence) {
	    return combinable
	      ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) }
	      : { risky: true };
	  }

	  return { risky: false };
	};

	/**
	 * Parse the given input string.
	 * @param {String} input
	 * @param {Object} options
	 * @return {Object}
	 */

	const parse = (input, options) => {
	  if (typeof input !== 'string') {
	    throw new TypeError('Expected a string');
	  }

	  input = REPLACEMENTS[input] || input;

	  const opts = { ...options };
	  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;

	  let len = input.length;
	  if (len > max) {
	    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
	  }

	  const bos = { type: 'bos', value: '', output: opts.prepend || '' };
	  const tokens = [bos];

	  const capture = opts.capture ? '' : '?:';

	  // create constants based on platform, for windows or posix
	  const PLATFORM_CHARS = constants.globChars(opts.windows);
	  const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);

	  const {
	    DOT_LITERAL,
	    PLUS_LITERAL,
	    SLASH_LITERAL,
	    ONE_CHAR,
	    DOTS_SLASH,
	    NO_DOT,
	    NO_DOT_SLASH,
	    NO_DOTS_SLASH,
	    QMARK,
	    QMARK_NO_DOT,
	    STAR,
	    START_ANCHOR
	  } = PLATFORM_CHARS;

	  const globstar = opts => {
	    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
	  };

	  const nodot = opts.dot ? '' : NO_DOT;
	  const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
	  let star = opts.bash === true ? globstar(opts) : STAR;

	  if (opts.capture) {
	    star = `(${star})`;
	  }

	  // minimatch options support
	  if (typeof opts.noext === 'boolean') {
	    opts.noextglob = opts.noext;
	  }

	  const state = {
	    input,
	    index: -1,
	    start: 0,
	    dot: opts.dot === true,
	    consumed: '',
	    output: '',
	    prefix: '',
	    backtrack: false,
	    negated: false,
	    brackets: 0,
	    braces: 0,
	    parens: 0,
	    quotes: 0,
	    globstar: false,
	    tokens
	  };

	  input = utils.removePrefix(input, state);
	  len = input.length;

	  const extglobs = [];
	  const braces = [];
	  const stack = [];
	  let prev = bos;
	  let value;

	  /**
	   * Tokenizing helpers
	   */

	  const eos = () => state.index === len - 1;
	  const peek = state.peek = (n = 1) => input[state.index + n];
	  const advance = state.advance = () => input[++state.index] || '';
	  const remaining = () => input.slice(state.index + 1);
	  const consume = (value = '', num = 0) => {
	    state.consumed += value;
	    state.index += num;
	  };

	  const append = token => {
	    state.output += token.output != null ? token.output : token.value;
	    consume(token.value);
	  };

	  const negate = () => {
	    let count = 1;

	    while (peek() === '!' && (peek(2) !== '(' || peek(3) === '?')) {
	      advance();
	      state.start++;
	      count++;
	    }

	    if (count % 2 === 0) {
	      return false;
	    }

	    state.negated = true;
	    state.start++;
	    return true;
	  };

	  const increment = type => {
	    state[type]++;
	    stack.push(type);
	  };

	  const decrement = type => {
	    state[type]--;
	    stack.pop();
	  };

	  /**
	   * Push tokens onto the tokens array. This helper speeds up
	   * tokenizing by 1) helping us avoid backtracking as much as possible,
	   * and 2) helping us avoid creating extra tokens when consecutive
	   * characters are plain text. This improves performance and simplifies
	   * lookbehinds.
	   */

	  const push = tok => {
	    if (prev.type === 'globstar') {
	      const isBrace = state.braces > 0 && (tok.type === 'comma' || tok.type === 'brace');
	      const isExtglob = tok.extglob === true || (extglobs.length && (tok.type === 'pipe' || tok.type === 'paren'));

	      if (tok.type !== 'slash' && tok.type !== 'paren' && !isBrace && !isExtglob) {
	        state.output = state.output.slice(0, -prev.output.length);
	        prev.type = 'star';
	        prev.value = '*';
	        prev.output = star;
	        state.output += prev.output;
	      }
	    }

	    if (extglobs.length && tok.type !== 'paren') {
	      extglobs[extglobs.length - 1].inner += tok.value;
	    }

	    if (tok.value || tok.output) append(tok);
	    if (prev && prev.type === 'text' && tok.type === 'text') {
	      prev.output = (prev.output || prev.value) + tok.value;
	      prev.value += tok.value;
	      return;
	    }

	    tok.prev = prev;
	    tokens.push(tok);
	    prev = tok;
	  };

	  const extglobOpen = (type, value) => {
	    const token = { ...EXTGLOB_CHARS[value], conditions: 1, inner: '' };

	    token.prev = prev;
	    token.parens = state.parens;
	    token.output = state.output;
	    token.startIndex = state.index;
	    token.tokensIndex = tokens.length;
	    const output = (opts.capture ? '(' : '') + token.open;

	    increment('parens');
	    push({ type, value, output: state.output ? '' : ONE_CHAR });
	    push({ type: 'paren', extglob: true, value: advance(), output });
	    extglobs.push(token);
	  };

	  const extglobClose = token => {
	    const literal = input.slice(token.startIndex, state.index + 1);
	    const body = input.slice(token.startIndex + 2, state.index);
	    const analysis = analyzeRepeatedExtglob(body, opts);

	    if ((token.type === 'plus' || token.type === 'star') && analysis.risky) {
	      const safeOutput = analysis.safeOutput
	        ? (token.output ? '' : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput)
	        : undefined;
	      const open = tokens[token.tokensIndex];

	      open.type = 'text';
	      open.value = literal;
	      open.output = safeOutput || utils.escapeRegex(literal);

	      for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
	        tokens[i].value = '';
	        tokens[i].output = '';
	        delete tokens[i].suffix;
	      }

	      state.output = token.output + open.output;
	      state.backtrack = true;

	      push({ type: 'paren', extglob: true, value, output: '' });
	      decrement('parens');
	      return;
	    }

	    let output = token.close + (opts.capture ? ')' : '');
	    let rest;

	    if (token.type === 'negate') {
	      let extglobStar = star;

	      if (token.inner && token.inner.length > 1 && token.inner.includes('/')) {
	        extglobStar = globstar(opts);
	      }

	      if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
	        output = token.close = `)$))${extglobStar}`;
	      }

	      if (token.inner.includes('*') && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
	        // Any non-magical string (`.ts`) or even nested expression (`.{ts,tsx}`) can follow after the closing parenthesis.
	        // In this case, we need to parse the string and use it in the output of the original pattern.
	        // Suitable patterns: `/!(*.d).ts`, `/!(*.d).{ts,tsx}`, `**/!(*-dbg).@(js)`.
	        //
	        // Disabling the `fastpaths` option due to a problem with parsing strings as `.ts` in the pattern like `**/!(*.d).ts`.
	        const expression = parse(rest, { ...options, fastpaths: false }).output;

	        output = token.close = `)${expression})${extglobStar})`;
	      }

	      if (token.prev.type === 'bos') {
	        state.negatedExtglob = true;
	      }
	    }

	    push({ type: 'paren', extglob: true, value, output });
	    decrement('parens');
	  };

	  /**
	   * Fast paths
	   */

	  if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
	    let backslashes = false;

	    let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
	      if (first === '\\') {
	        backslashes = true;
	        return m;
	      }

	      if (first === '?') {
	        if (esc) {
	          return esc + first + (rest ? QMARK.repeat(rest.length) : '');
	        }
	        if (index === 0) {
	          return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : '');
	        }
	        return QMARK.repeat(chars.length);
	      }

	      if (first === '.') {
	        return DOT_LITERAL.repeat(chars.length);
	      }

	      if (first === '*') {
	        if (esc) {
	          return esc + first + (rest ? star : '');
	        }
	        return star;
	      }
	      return esc ? m : `\\${m}`;
	    });

	    if (backslashes === true) {
	      if (opts.unescape === true) {
	        output = output.replace(/\\/g, '');
	      } else {
	        output = output.replace(/\\+/g, m => {
	          return m.length % 2 === 0 ? '\\\\' : (m ? '\\' : '');
	        });
	      }
	    }

	    if (output === input && opts.contains === true) {
	      state.output = input;
	      return state;
	    }

	    state.output = utils.wrapOutput(output, state, options);
	    return state;
	  }

	  /**
	   * Tokenize input until we reach end-of-string
	   */

	  while (!eos()) {
	    value = advance();

	    if (value === '\u0000') {
	      continue;
	    }

	    /**
	     * Escaped characters
	     */

	    if (value === '\\') {
	      const next = peek();

	      if (next === '/' && opts.bash !== true) {
	        continue;
	      }

	      if (next === '.' || next === ';') {
	        continue;
	      }

	      if (!next) {
	        value += '\\';
	        push({ type: 'text', value });
	        continue;
	      }

	      // collapse slashes to reduce potential for exploits
	      const match = /^\\+/.exec(remaining());
	      let slashes = 0;

	      if (match && match[0].length > 2) {
	        slashes = match[0].length;
	        state.index += slashes;
	        if (slashes % 2 !== 0) {
	          value += '\\';
	        }
	      }

	      if (opts.unescape === true) {
	        value = advance();
	      } else {
	        value += advance();
	      }

	      if (state.brackets === 0) {
	        push({ type: 'text', value });
	        continue;
	      }
	    }

	    /**
	     * If we're inside a regex character class, continue
	     * until we reach the closing bracket.
	     */

	    if (state.brackets > 0 && (value !== ']' || prev.value === '[' || prev.value === '[^')) {
	      if (opts.posix !== false && value === ':') {
	        const inner = prev.value.slice(1);
	        if (inner.includes('[')) {
	          prev.posix = true;

	          if (inner.includes(':')) {
	            const idx = prev.value.lastIndexOf('[');
	            const pre = prev.value.slice(0, idx);
	            const rest = prev.value.slice(idx + 2);
	            const posix = POSIX_REGEX_SOURCE[rest];
	            if (posix) {
	              prev.value = pre + posix;
	              state.backtrack = true;
	              advance();

	              if (!bos.output && tokens.indexOf(prev) === 1) {
	                bos.output = ONE_CHAR;
	              }
	              continue;
	            }
	          }
	        }
	      }

	      if ((value === '[' && peek() !== ':') || (value === '-' && peek() === ']')) {
	        value = `\\${value}`;
	      }

	      if (value === ']' && (prev.value === '[' || prev.value === '[^')) {
	        value = `\\${value}`;
	      }

	      if (opts.posix === true && value === '!' && prev.value === '[') {
	        value = '^';
	      }

	      prev.value += value;
	      append({ value });
	      continue;
	    }

	    /**
	     * If we're inside a quoted string, continue
	     * until we reach the closing double quote.
	     */

	    if (state.quotes === 1 && value !== '"') {
	      value = utils.escapeRegex(value);
	      prev.value += value;
	      append({ value });
	      continue;
	    }

	    /**
	     * Double quotes
	     */

	    if (value === '"') {
	      state.quotes = state.quotes === 1 ? 0 : 1;
	      if (opts.keepQuotes === true) {
	        push({ type: 'text', value });
	      }
	      continue;
	    }

	    /**
	     * Parentheses
	     */

	    if (value === '(') {
	      increment('parens');
	      push({ type: 'paren', value });
	      continue;
	    }

	    if (value === ')') {
	      if (state.parens === 0 && opts.strictBrackets === true) {
	        throw new SyntaxError(syntaxError('opening', '('));
	      }

	      const extglob = extglobs[extglobs.length - 1];
	      if (extglob && state.parens === extglob.parens + 1) {
	        extglobClose(extglobs.pop());
	        continue;
	      }

	      push({ type: 'paren', value, output: state.parens ? ')' : '\\)' });
	      decrement('parens');
	      continue;
	    }

	    /**
	     * Square brackets
	     */

	    if (value === '[') {
	      if (opts.nobracket === true || !remaining().includes(']')) {
	        if (opts.nobracket !== true && opts.strictBrackets === true) {
	          throw new SyntaxError(syntaxError('closing', ']'));
	        }

	        value = `\\${value}`;
	      } else {
	        increment('brackets');
	      }

	      push({ type: 'bracket', value });
	      continue;
	    }

	    if (value === ']') {
	      if (opts.nobracket === true || (prev && prev.type === 'bracket' && prev.value.length === 1)) {
	        push({ type: 'text', value, output: `\\${value}` });
	        continue;
	      }

	      if (state.brackets === 0) {
	        if (opts.strictBrackets === true) {
	          throw new SyntaxError(syntaxError('opening', '['));
	        }

	        push({ type: 'text', value, output: `\\${value}` });
	        continue;
	      }

	      decrement('brackets');

	      const prevValue = prev.value.slice(1);
	      if (prev.posix !== true && prevValue[0] === '^' && !prevValue.includes('/')) {
	        value = `/${value}`;
	      }

	      prev.value += value;
	      append({ value });

	      // when literal brackets are explicitly disabled
	      // assume we should match with a regex character class
	      if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
	        continue;
	      }

	      const escaped = utils.escapeRegex(prev.value);
	      state.output = state.output.slice(0, -prev.value.length);

	      // when literal brackets are explicitly enabled
	      // assume we should escape the brackets to match literal characters
	      if (opts.literalBrackets === true) {
	        state.output += escaped;
	        prev.value = escaped;
	        continue;
	      }

	      // when the user specifies nothing, try to match both
	      prev.value = `(${capture}${escaped}|${prev.value})`;
	      state.output += prev.value;
	      continue;
	    }

	    /**
	     * Braces
	     */

	    if (value === '{' && opts.nobrace !== true) {
	      increment('braces');

	      const open = {
	        type: 'brace',
	        value,
	        output: '(',
	        outputIndex: state.output.length,
	        tokensIndex: state.tokens.length
	      };

	      braces.push(open);
	      push(open);
	      continue;
	    }

	    if (value === '}') {
	      const brace = braces[braces.length - 1];

	      if (opts.nobrace === true || !brace) {
	        push({ type: 'text', value, output: value });
	        continue;
	      }

	      let output = ')';

	      if (brace.dots === true) {
	        const arr = tokens.slice();
	        const range = [];

	        for (let i = arr.length - 1; i >= 0; i--) {
	          tokens.pop();
	          if (arr[i].type === 'brace') {
	            break;
	          }
	          if (arr[i].type !== 'dots') {
	            range.unshift(arr[i].value);
	          }
	        }

	        output = expandRange(range, opts);
	        state.backtrack = true;
	      }

	      if (brace.comma !== true && brace.dots !== true) {
	        const out = state.output.slice(0, brace.outputIndex);
	        const toks = state.tokens.slice(brace.tokensIndex);
	        brace.value = brace.output = '\\{';
	        value = output = '\\}';
	        state.output = out;
	        for (const t of toks) {
	          state.output += (t.output || t.value);
	        }
	      }

	      push({ type: 'brace', value, output });
	      decrement('braces');
	      braces.pop();
	      continue;
	    }

	    /**
	     * Pipes
	     */

	    if (value === '|') {
	      if (extglobs.length > 0) {
	        extglobs[extglobs.length - 1].conditions++;
	      }
	      push({ type: 'text', value });
	      continue;
	    }

	    /**
	     * Commas
	     */

	    if (value === ',') {
	      let output = value;

	      const brace = braces[braces.length - 1];
	      if (brace && stack[stack.length - 1] === 'braces') {
	        brace.comma = true;
	        output = '|';
	      }

	      push({ type: 'comma', value, output });
	      continue;
	    }

	    /**
	     * Slashes
	     */

	    if (value === '/') {
	      // if the beginning of the glob is "./", advance the start
	      // to the current index, and don't add the "./" characters
	      // to the state. This greatly simplifies lookbehinds when
	      // checking for BOS characters like "!" and "." (not "./")
	      if (prev.type === 'dot' && state.index === state.start + 1) {
	        state.start = state.index + 1;
	        state.consumed = '';
	        state.output = '';
	        tokens.pop();
	        prev = bos; // reset "prev" to the first token
	        continue;
	      }

	      push({ type: 'slash', value, output: SLASH_LITERAL });
	      continue;
	    }

	    /**
	     * Dots
	     */

	    if (value === '.') {
	      if (state.braces > 0 && prev.type === 'dot') {
	        if (prev.value === '.') prev.output = DOT_LITERAL;
	        const brace = braces[braces.length - 1];
	        prev.type = 'dots';
	        prev.output += value;
	        prev.value += value;
	        brace.dots = true;
	        continue;
	      }

	      if ((state.braces + state.parens) === 0 && prev.type !== 'bos' && prev.type !== 'slash') {
	        push({ type: 'text', value, output: DOT_LITERAL });
	        continue;
	      }

	      push({ type: 'dot', value, output: DOT_LITERAL });
	      continue;
	    }

	    /**
	     * Question marks
	     */

	    if (value === '?') {
	      const isGroup = prev && prev.value === '(';
	      if (!isGroup && opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
	        extglobOpen('qmark', value);
	        continue;
	      }

	      if (prev && prev.type === 'paren') {
	        const next = peek();
	        let output = value;

	        if ((prev.value === '(' && !/[!=<:]/.test(next)) || (next === '<' && !/<([!=]|\w+>)/.test(remaining()))) {
	          output = `\\${value}`;
	        }

	        push({ type: 'text', value, output });
	        continue;
	      }

	      if (opts.dot !== true && (prev.type === 'slash' || prev.type === 'bos')) {
	        push({ type: 'qmark', value, output: QMARK_NO_DOT });
	        continue;
	      }

	      push({ type: 'qmark', value, output: QMARK });
	      continue;
	    }

	    /**
	     * Exclamation
	     */

	    if (value === '!') {
	      if (opts.noextglob !== true && peek() === '(') {
	        if (peek(2) !== '?' || !/[!=<:]/.test(peek(3))) {
	          extglobOpen('negate', value);
	          continue;
	        }
	      }

	      if (opts.nonegate !== true && state.index === 0) {
	        negate();
	        continue;
	      }
	    }

	    /**
	     * Plus
	     */

	    if (value === '+') {
	      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
	        extglobOpen('plus', value);
	        continue;
	      }

	      if ((prev && prev.value === '(') || opts.regex === false) {
	        push({ type: 'plus', value, output: PLUS_LITERAL });
	        continue;
	      }

	      if ((prev && (prev.type === 'bracket' || prev.type === 'paren' || prev.type === 'brace')) || state.parens > 0) {
	        push({ type: 'plus', value });
	        continue;
	      }

	      push({ type: 'plus', value: PLUS_LITERAL });
	      continue;
	    }

	    /**
	     * Plain text
	     */

	    if (value === '@') {
	      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
	        push({ type: 'at', extglob: true, value, output: '' });
	        continue;
	      }

	      push({ type: 'text', value });
	      continue;
	    }

	    /**
	     * Plain text
	     */

	    if (value !== '*') {
	      if (value === '$' || value === '^') {
	        value = `\\${value}`;
	      }

	      const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
	      if (match) {
	        value += match[0];
	        state.index += match[0].length;
	      }

	      push({ type: 'text', value });
	      continue;
	    }

	    /**
	     * Stars
	     */

	    if (prev && (prev.type === 'globstar' || prev.star === true)) {
	      prev.type = 'star';
	      prev.star = true;
	      prev.value += value;
	      prev.output = star;
	      state.backtrack = true;
	      state.globstar = true;
	      consume(value);
	      continue;
	    }

	    let rest = remaining();
	    if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
	      extglobOpen('star', value);
	      continue;
	    }

	    if (prev.type === 'star') {
	      if (opts.noglobstar === true) {
	        consume(value);
	        continue;
	      }

	      const prior = prev.prev;
	      const before = prior.prev;
	      const isStart = prior.type === 'slash' || prior.type === 'bos';
	      const afterStar = before && (before.type === 'star' || before.type === 'globstar');

	      if (opts.bash === true && (!isStart || (rest[0] && rest[0] !== '/'))) {
	        push({ type: 'star', value, output: '' });
	        continue;
	      }

	      const isBrace = state.braces > 0 && (prior.type === 'comma' || prior.type === 'brace');
	      const isExtglob = extglobs.length && (prior.type === 'pipe' || prior.type === 'paren');
	      if (!isStart && prior.type !== 'paren' && !isBrace && !isExtglob) {
	        push({ type: 'star', value, output: '' });
	        continue;
	      }

	      // strip consecutive `/**/`
	      while (rest.slice(0, 3) === '/**') {
	        const after = input[state.index + 4];
	        if (after && after !== '/') {
	          break;
	        }
	        rest = rest.slice(3);
	        consume('/**', 3);
	      }

	      // A globstar followed only by balanced closing parens is at the logical end of patterns like
	      // `test(/utils/**)` and `test?(/utils/**)`. Treat it as EOS so the trailing `/**` can match its
	      // parent path, except in negated extglobs where that would change the exclusion semantics.
	      const isEnd = eos() || (
	        state.parens > 0
	        && rest === ')'.repeat(state.parens)
	        && !extglobs.some(extglob => extglob.type === 'negate')
	      );

	      if (prior.type === 'bos' && eos()) {
	        prev.type = 'globstar';
	        prev.value += value;
	        prev.output = globstar(opts);
	        state.output = prev.output;
	        state.globstar = true;
	        consume(value);
	        continue;
	      }

	      if (prior.type === 'slash' && prior.prev.type !== 'bos' && !afterStar && isEnd) {
	        state.output = state.output.slice(0, -(prior.output + prev.output).length);
	        prior.output = `(?:${prior.output}`;

	        prev.type = 'globstar';
	        prev.output = globstar(opts) + (opts.strictSlashes ? ')' : '|$)');
	        prev.value += value;
	        state.globstar = true;
	        state.output += prior.output + prev.output;
	        consume(value);
	        continue;
	      }

	      if (prior.type === 'slash' && prior.prev.type !== 'bos' && rest[0] === '/') {
	        const end = rest[1] !== void 0 ? '|$' : '';

	        state.output = state.output.slice(0, -(prior.output + prev.output).length);
	        prior.output = `(?:${prior.output}`;

	        prev.type = 'globstar';
	        prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
	        prev.value += value;

	        state.output += prior.output + prev.output;
	        state.globstar = true;

	        consume(value + advance());

	        push({ type: 'slash', value: '/', output: '' });
	        continue;
	      }

	      if (prior.type === 'bos' && rest[0] === '/') {
	        prev.type = 'globstar';
	        prev.value += value;
	        prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
	        state.output = prev.output;
	        state.globstar = true;
	        consume(value + advance());
	        push({ type: 'slash', value: '/', output: '' });
	        continue;
	      }

	      // remove single star from output
	      state.output = state.output.slice(0, -prev.output.length);

	      // reset previous token to globstar
	      prev.type = 'globstar';
	      prev.output = globstar(opts);
	      prev.value += value;

	      // reset output with globstar
	      state.output += prev.output;
	      state.globstar = true;
	      consume(value);
	      continue;
	    }

	    const token = { type: 'star', value, output: star };

	    if (opts.bash === true) {
	      token.output = '.*?';
	      if (prev.type === 'bos' || prev.type === 'slash') {
	        token.output = nodot + token.output;
	      }
	      push(token);
	      continue;
	    }

	    if (prev && (prev.type === 'bracket' || prev.type === 'paren') && opts.regex === true) {
	      token.output = value;
	      push(token);
	      continue;
	    }

	    if (state.index === state.start || prev.type === 'slash' || prev.type === 'dot') {
	      if (prev.type === 'dot') {
	        state.output += NO_DOT_SLASH;
	        prev.output += NO_DOT_SLASH;

	      } else if (opts.dot === true) {
	        state.output += NO_DOTS_SLASH;
	        prev.output += NO_DOTS_SLASH;

	      } else {
	        state.output += nodot;
	        prev.output += nodot;
	      }

	      if (peek() !== '*') {
	        state.output += ONE_CHAR;
	        prev.output += ONE_CHAR;
	      }
	    }

	    push(token);
	  }

	  while (state.brackets > 0) {
	    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ']'));
	    state.output = utils.escapeLast(state.output, '[');
	    decrement('brackets');
	  }

	  while (state.parens > 0) {
	    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ')'));
	    state.output = utils.escapeLast(state.output, '(');
	    decrement('parens');
	  }

	  while (state.braces > 0) {
	    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', '}'));
	    state.output = utils.escapeLast(state.output, '{');
	    decrement('braces');
	  }

	  if (opts.strictSlashes !== true && (prev.type === 'star' || prev.type === 'bracket')) {
	    push({ type: 'maybe_slash', value: '', output: `${SLASH_LITERAL}?` });
	  }

	  // rebuild the output if we had to backtrack at any point
	  if (state.backtrack === true) {
	    state.output = '';

	    for (const token of state.tokens) {
	      state.output += token.output != null ? token.output : token.value;

	      if (token.suffix) {
	        state.output += token.suffix;
	      }
	    }
	  }

	  return state;
	};

	/**
	 * Fast paths for creating regular expressions for common glob patterns.
	 * This can significantly speed up processing and has very little downside
	 * impact when none of the fast paths match.
	 */

	parse.fastpaths = (input, options) => {
	  const opts = { ...options };
	  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
	  const len = input.length;
	  if (len > max) {
	    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
	  }

	  input = REPLACEMENTS[input] || input;

	  // create constants based on platform, for windows or posix
	  const {
	    DOT_LITERAL,
	    SLASH_LITERAL,
	    ONE_CHAR,
	    DOTS_SLASH,
	    NO_DOT,
	    NO_DOTS,
	    NO_DOTS_SLASH,
	    STAR,
	    START_ANCHOR
	  } = constants.globChars(opts.windows);

	  const nodot = opts.dot ? NO_DOTS : NO_DOT;
	  const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
	  const capture = opts.capture ? '' : '?:';
	  const state = { negated: false, prefix: '' };
	  let star = opts.bash === true ? '.*?' : STAR;

	  if (opts.capture) {
	    star = `(${star})`;
	  }

	  const globstar = opts => {
	    if (opts.noglobstar === true) return star;
	    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
	  };

	  const create = str => {
	    switch (str) {
	      case '*':
	        return `${nodot}${ONE_CHAR}${star}`;

	      case '.*':
	        return `${DOT_LITERAL}${ONE_CHAR}${star}`;

	      case '*.*':
	        return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

	      case '*/*':
	        return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;

	      case '**':
	        return nodot + globstar(opts);

	      case '**/*':
	        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;

	      case '**/*.*':
	        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

	      case '**/.*':
	        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;

	      default: {
	        const match = /^(.*?)\.(\w+)$/.exec(str);
	        if (!match) return;

	        const source = create(match[1]);
	        if (!source) return;

	        return source + DOT_LITERAL + match[2];
	      }
	    }
	  };

	  const output = utils.removePrefix(input, state);
	  let source = create(output);

	  if (source && opts.strictSlashes !== true) {
	    source += `${SLASH_LITERAL}?`;
	  }

	  return source;
	};

	parse_1 = parse;
	return parse_1;
}

var picomatch_1$1;
var hasRequiredPicomatch$1;

function requirePicomatch$1 () {
	if (hasRequiredPicomatch$1) return picomatch_1$1;
	hasRequiredPicomatch$1 = 1;

	const scan = /*@__PURE__*/ requireScan();
	const parse = /*@__PURE__*/ requireParse();
	const utils = /*@__PURE__*/ requireUtils();
	const constants = /*@__PURE__*/ requireConstants();
	const isObject = val => val && typeof val === 'object' && !Array.isArray(val);

	/**
	 * Creates a matcher function from one or more glob patterns. The
	 * returned function takes a string to match as its first argument,
	 * and returns true if the string is a match. The returned matcher
	 * function also takes a boolean as the second argument that, when true,
	 * returns an object with additional information.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch(glob[, options]);
	 *
	 * const isMatch = picomatch('*.!(*a)');
	 * console.log(isMatch('a.a')); //=> false
	 * console.log(isMatch('a.b')); //=> true
	 *
	 * // For environments without `node.js`, `picomatch/posix` provides you a dependency-free matcher, without automatic OS detection.
	 * const picomatch = require('picomatch/posix');
	 * // the same API, defaulting to posix paths
	 * const isMatch = picomatch('a/*');
	 * console.log(isMatch('a\\b')); //=> false
	 * console.log(isMatch('a/b')); //=> true
	 *
	 * // you can still configure the matcher function to accept windows paths
	 * const isMatch = picomatch('a/*', { options: windows });
	 * console.log(isMatch('a\\b')); //=> true
	 * console.log(isMatch('a/b')); //=> true
	 * ```
	 * @name picomatch
	 * @param {String|Array} `globs` One or more glob patterns.
	 * @param {Object=} `options`
	 * @return {Function=} Returns a matcher function.
	 * @api public
	 */

	const picomatch = (glob, options, returnState = false) => {
	  if (Array.isArray(glob)) {
	    const fns = glob.map(input => picomatch(input, options, returnState));
	    const arrayMatcher = str => {
	      for (const isMatch of fns) {
	        const state = isMatch(str);
	        if (state) return state;
	      }
	      return false;
	    };
	    return arrayMatcher;
	  }

	  const isState = isObject(glob) && glob.tokens && glob.input;

	  if (glob === '' || (typeof glob !== 'string' && !isState)) {
	    throw new TypeError('Expected pattern to be a non-empty string');
	  }

	  const opts = options || {};
	  const posix = opts.windows;
	  const regex = isState
	    ? picomatch.compileRe(glob, options)
	    : picomatch.makeRe(glob, options, false, true);

	  const state = regex.state;
	  delete regex.state;

	  let isIgnored = () => false;
	  if (opts.ignore) {
	    const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
	    isIgnored = picomatch(opts.ignore, ignoreOpts, returnState);
	  }

	  const matcher = (input, returnObject = false) => {
	    const { isMatch, match, output } = picomatch.test(input, regex, options, { glob, posix });
	    const result = { glob, state, regex, posix, input, output, match, isMatch };

	    if (typeof opts.onResult === 'function') {
	      opts.onResult(result);
	    }

	    if (isMatch === false) {
	      result.isMatch = false;
	      return returnObject ? result : false;
	    }

	    if (isIgnored(input)) {
	      if (typeof opts.onIgnore === 'function') {
	        opts.onIgnore(result);
	      }
	      result.isMatch = false;
	      return returnObject ? result : false;
	    }

	    if (typeof opts.onMatch === 'function') {
	      opts.onMatch(result);
	    }
	    return returnObject ? result : true;
	  };

	  if (returnState) {
	    matcher.state = state;
	  }

	  return matcher;
	};

	/**
	 * Test `input` with the given `regex`. This is used by the main
	 * `picomatch()` function to test the input string.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch.test(input, regex[, options]);
	 *
	 * console.log(picomatch.test('foo/bar', /^(?:([^/]*?)\/([^/]*?))$/));
	 * // { isMatch: true, match: [ 'foo/', 'foo', 'bar' ], output: 'foo/bar' }
	 * ```
	 * @param {String} `input` String to test.
	 * @param {RegExp} `regex`
	 * @return {Object} Returns an object with matching info.
	 * @api public
	 */

	picomatch.test = (input, regex, options, { glob, posix } = {}) => {
	  if (typeof input !== 'string') {
	    throw new TypeError('Expected input to be a string');
	  }

	  if (input === '') {
	    return { isMatch: false, output: '' };
	  }

	  const opts = options || {};
	  const format = opts.format || (posix ? utils.toPosixSlashes : null);
	  let match = input === glob;
	  let output = (match && format) ? format(input) : input;

	  if (match === false) {
	    output = format ? format(input) : input;
	    match = output === glob;
	  }

	  if (match === false || opts.capture === true) {
	    if (opts.matchBase === true || opts.basename === true) {
	      match = picomatch.matchBase(input, regex, options, posix);
	    } else {
	      match = regex.exec(output);
	    }
	  }

	  return { isMatch: Boolean(match), match, output };
	};

	/**
	 * Match the basename of a filepath.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch.matchBase(input, glob[, options]);
	 * console.log(picomatch.matchBase('foo/bar.js', '*.js'); // true
	 * ```
	 * @param {String} `input` String to test.
	 * @param {RegExp|String} `glob` Glob pattern or regex created by [.makeRe](#makeRe).
	 * @return {Boolean}
	 * @api public
	 */

	picomatch.matchBase = (input, glob, options, posix = options && options.windows) => {
	  const regex = glob instanceof RegExp ? glob : picomatch.makeRe(glob, options);
	  return regex.test(utils.basename(input, { windows: posix }));
	};

	/**
	 * Returns true if **any** of the given glob `patterns` match the specified `string`.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch.isMatch(string, patterns[, options]);
	 *
	 * console.log(picomatch.isMatch('a.a', ['b.*', '*.a'])); //=> true
	 * console.log(picomatch.isMatch('a.a', 'b.*')); //=> false
	 * ```
	 * @param {String|Array} str The string to test.
	 * @param {String|Array} patterns One or more glob patterns to use for matching.
	 * @param {Object} [options] See available [options](#options).
	 * @return {Boolean} Returns true if any patterns match `str`
	 * @api public
	 */

	picomatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);

	/**
	 * Parse a glob pattern to create the source string for a regular
	 * expression.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * const result = picomatch.parse(pattern[, options]);
	 * ```
	 * @param {String} `pattern`
	 * @param {Object} `options`
	 * @return {Object} Returns an object with useful properties and output to be used as a regex source string.
	 * @api public
	 */

	picomatch.parse = (pattern, options) => {
	  if (Array.isArray(pattern)) return pattern.map(p => picomatch.parse(p, options));
	  return parse(pattern, { ...options, fastpaths: false });
	};

	/**
	 * Scan a glob pattern to separate the pattern into segments.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch.scan(input[, options]);
	 *
	 * const result = picomatch.scan('!./foo/*.js');
	 * console.log(result);
	 * { prefix: '!./',
	 *   input: '!./foo/*.js',
	 *   start: 3,
	 *   base: 'foo',
	 *   glob: '*.js',
	 *   isBrace: false,
	 *   isBracket: false,
	 *   isGlob: true,
	 *   isExtglob: false,
	 *   isGlobstar: false,
	 *   negated: true }
	 * ```
	 * @param {String} `input` Glob pattern to scan.
	 * @param {Object} `options`
	 * @return {Object} Returns an object with
	 * @api public
	 */

	picomatch.scan = (input, options) => scan(input, options);

	/**
	 * Compile a regular expression from the `state` object returned by the
	 * [parse()](#parse) method.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * const state = picomatch.parse('*.js');
	 * // picomatch.compileRe(state[, options]);
	 *
	 * console.log(picomatch.compileRe(state));
	 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
	 * ```
	 * @param {Object} `state`
	 * @param {Object} `options`
	 * @param {Boolean} `returnOutput` Intended for implementors, this argument allows you to return the raw output from the parser.
	 * @param {Boolean} `returnState` Adds the state to a `state` property on the returned regex. Useful for implementors and debugging.
	 * @return {RegExp}
	 * @api public
	 */

	picomatch.compileRe = (state, options, returnOutput = false, returnState = false) => {
	  if (returnOutput === true) {
	    return state.output;
	  }

	  const opts = options || {};
	  const prepend = opts.contains ? '' : '^';
	  const append = opts.contains ? '' : '$';

	  let source = `${prepend}(?:${state.output})${append}`;
	  if (state && state.negated === true) {
	    source = `^(?!${source}).*$`;
	  }

	  const regex = picomatch.toRegex(source, options);
	  if (returnState === true) {
	    regex.state = state;
	  }

	  return regex;
	};

	/**
	 * Create a regular expression from a parsed glob pattern.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch.makeRe(state[, options]);
	 *
	 * const result = picomatch.makeRe('*.js');
	 * console.log(result);
	 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
	 * ```
	 * @param {String} `state` The object returned from the `.parse` method.
	 * @param {Object} `options`
	 * @param {Boolean} `returnOutput` Implementors may use this argument to return the compiled output, instead of a regular expression. This is not exposed on the options to prevent end-users from mutating the result.
	 * @param {Boolean} `returnState` Implementors may use this argument to return the state from the parsed glob with the returned regular expression.
	 * @return {RegExp} Returns a regex created from the given pattern.
	 * @api public
	 */

	picomatch.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
	  if (!input || typeof input !== 'string') {
	    throw new TypeError('Expected a non-empty string');
	  }

	  let parsed = { negated: false, fastpaths: true };

	  if (options.fastpaths !== false && (input[0] === '.' || input[0] === '*')) {
	    parsed.output = parse.fastpaths(input, options);
	  }

	  if (!parsed.output) {
	    parsed = parse(input, options);
	  }

	  return picomatch.compileRe(parsed, options, returnOutput, returnState);
	};

	/**
	 * Create a regular expression from the given regex source string.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch.toRegex(source[, options]);
	 *
	 * const { output } = picomatch.parse('*.js');
	 * console.log(picomatch.toRegex(output));
	 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
	 * ```
	 * @param {String} `source` Regular expression source string.
	 * @param {Object} `options`
	 * @return {RegExp}
	 * @api public
	 */

	picomatch.toRegex = (source, options) => {
	  try {
	    const opts = options || {};
	    return new RegExp(source, opts.flags || (opts.nocase ? 'i' : ''));
	  } catch (err) {
	    if (options && options.debug === true) throw err;
	    return /$^/;
	  }
	};

	/**
	 * Picomatch constants.
	 * @return {Object}
	 */

	picomatch.constants = constants;

	/**
	 * Expose "picomatch"
	 */

	picomatch_1$1 = picomatch;
	return picomatch_1$1;
}

var picomatch_1;
var hasRequiredPicomatch;

function requirePicomatch () {
	if (hasRequiredPicomatch) return picomatch_1;
	hasRequiredPicomatch = 1;

	const pico = /*@__PURE__*/ requirePicomatch$1();
	const utils = /*@__PURE__*/ requireUtils();

	function picomatch(glob, options, returnState = false) {
	  // default to os.platform()
	  if (options && (options.windows === null || options.windows === undefined)) {
	    // don't mutate the original options object
	    options = { ...options, windows: utils.isWindows() };
	  }

	  return pico(glob, options, returnState);
	}

	Object.assign(picomatch, pico);
	picomatch_1 = picomatch;
	return picomatch_1;
}

var picomatchExports = /*@__PURE__*/ requirePicomatch();
var picomatch = /*@__PURE__*/getDefaultExportFromCjs(picomatchExports);

//#region src/utils.ts
const isReadonlyArray = Array.isArray;
const BACKSLASHES = /\\/g;
const DRIVE_RELATIVE_PATH = /^[A-Za-z]:$/;
const isWin = process.platform === "win32";
const ONLY_PARENT_DIRECTORIES = /^(\/?\.\.)+$/;
function getPartialMatcher(patterns, options = {}) {
	const patternsCount = patterns.length;
	const patternsParts = Array(patternsCount);
	const matchers = Array(patternsCount);
	let i, j;
	for (i = 0; i < patternsCount; i++) {
		const parts = splitPattern(patterns[i]);
		patternsParts[i] = parts;
		const partsCount = parts.length;
		const partMatchers = Array(partsCount);
		for (j = 0; j < partsCount; j++) partMatchers[j] = picomatch(parts[j], options);
		matchers[i] = partMatchers;
	}
	return (input) => {
		const inputParts = input.split("/");
		if (inputParts[0] === ".." && ONLY_PARENT_DIRECTORIES.test(input)) return true;
		for (i = 0; i < patternsCount; i++) {
			const patternParts = patternsParts[i];
			const matcher = matchers[i];
			const inputPatternCount = inputParts.length;
			const minParts = Math.min(inputPatternCount, patternParts.length);
			j = 0;
			while (j < minParts) {
				const part = patternParts[j];
				if (part.includes("/")) return true;
				if (!matcher[j](inputParts[j])) break;
				if (!options.noglobstar && part === "**") return true;
				j++;
			}
			if (j === inputPatternCount) return true;
		}
		return false;
	};
}
/* node:coverage ignore next 2 */
const WIN32_ROOT_DIR = /^[A-Z]:\/$/i;
const isRoot = isWin ? (p) => WIN32_ROOT_DIR.test(p) : (p) => p === "/";
function buildFormat(cwd, root, absolute) {
	if (cwd === root || root.startsWith(`${cwd}/`)) {
		if (absolute) {
			const start = cwd.length + +!isRoot(cwd);
			return (p, isDir) => p.slice(start, isDir ? -1 : void 0) || ".";
		}
		const prefix = root.slice(cwd.length + 1);
		if (prefix) return (p, isDir) => {
			if (p === ".") return prefix;
			const result = `${prefix}/${p}`;
			return isDir ? result.slice(0, -1) : result;
		};
		return (p, isDir) => isDir && p !== "." ? p.slice(0, -1) : p;
	}
	if (absolute) return (p) => posix.relative(cwd, p) || ".";
	return (p) => posix.relative(cwd, `${root}/${p}`) || ".";
}
function buildRelative(cwd, root) {
	if (root.startsWith(`${cwd}/`)) {
		const prefix = root.slice(cwd.length + 1);
		return (p) => `${prefix}/${p}`;
	}
	return (p) => {
		const result = posix.relative(cwd, `${root}/${p}`);
		return p[p.length - 1] === "/" && result !== "" ? `${result}/` : result || ".";
	};
}
function ensureNonDriveRelativePath(path) {
	return path.replace(DRIVE_RELATIVE_PATH, (match) => `${match}/`);
}
const splitPatternOptions = { parts: true };
function splitPattern(path) {
	var _result$parts;
	const result = picomatch.scan(path, splitPatternOptions);
	return ((_result$parts = result.parts) === null || _result$parts === void 0 ? void 0 : _result$parts.length) ? result.parts : [path];
}
const POSIX_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}*?|]|^!|[!+@](?=\()|\\(?![()[\]{}!*+?@|]))/g;
const WIN32_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}]|^!|[!+@](?=\())/g;
const escapePosixPath = (path) => path.replace(POSIX_UNESCAPED_GLOB_SYMBOLS, "\\$&");
const escapeWin32Path = (path) => path.replace(WIN32_UNESCAPED_GLOB_SYMBOLS, "\\$&");
/**
* Escapes a path's special characters depending on the platform.
* @see {@link https://superchupu.dev/tinyglobby/documentation#escapePath}
*/
/* node:coverage ignore next */
const escapePath = isWin ? escapeWin32Path : escapePosixPath;
/**
* Checks if a pattern has dynamic parts.
*
* Has a few minor differences with [`fast-glob`](https://github.com/mrmlnc/fast-glob) for better accuracy:
*
* - Doesn't necessarily return `false` on patterns that include `\`.
* - Returns `true` if the pattern includes parentheses, regardless of them representing one single pattern or not.
* - Returns `true` for unfinished glob extensions i.e. `(h`, `+(h`.
* - Returns `true` for unfinished brace expansions as long as they include `,` or `..`.
*
* @see {@link https://superchupu.dev/tinyglobby/documentation#isDynamicPattern}
*/
function isDynamicPattern(pattern, options) {
	const scan = picomatch.scan(pattern);
	return scan.isGlob || scan.negated;
}
function log(...tasks) {
	console.log(`[tinyglobby ${(/* @__PURE__ */ new Date()).toLocaleTimeString("es")}]`, ...tasks);
}
function ensureStringArray(value) {
	return typeof value === "string" ? [value] : value !== null && value !== void 0 ? value : [];
}
//#endregion
//#region src/patterns.ts
const PARENT_DIRECTORY = /^(\/?\.\.)+/;
const ESCAPING_BACKSLASHES = /\\(?=[()[\]{}!*+?@|])/g;
function normalizePattern(pattern, opts, props, isIgnore) {
	var _PARENT_DIRECTORY$exe;
	const cwd = opts.cwd;
	let result = pattern;
	if (pattern[pattern.length - 1] === "/") result = pattern.slice(0, -1);
	if (result[result.length - 1] !== "*" && opts.expandDirectories) result += "/**";
	const escapedCwd = escapePath(cwd);
	result = isAbsolute(result.replace(ESCAPING_BACKSLASHES, "")) ? posix.relative(escapedCwd, result) : posix.normalize(result);
	const parentDir = (_PARENT_DIRECTORY$exe = PARENT_DIRECTORY.exec(result)) === null || _PARENT_DIRECTORY$exe === void 0 ? void 0 : _PARENT_DIRECTORY$exe[0];
	const parts = splitPattern(result);
	if (parentDir) {
		const n = (parentDir.length + 1) / 3;
		let i = 0;
		const cwdParts = escapedCwd.split("/");
		while (i < n && parts[i + n] === cwdParts[cwdParts.length + i - n]) {
			result = result.slice(0, (n - i - 1) * 3) + result.slice((n - i) * 3 + parts[i + n].length + 1) || ".";
			i++;
		}
		const potentialRoot = posix.join(cwd, parentDir.slice(i * 3));
		if (potentialRoot[0] !== "." && props.root.length > potentialRoot.length) {
			props.root = ensureNonDriveRelativePath(potentialRoot);
			props.depthOffset = -n + i;
		}
	}
	if (!isIgnore && props.depthOffset >= 0) {
		var _props$commonPath;
		(_props$commonPath = props.commonPath) !== null && _props$commonPath !== void 0 || (props.commonPath = parts);
		const newCommonPath = [];
		const length = Math.min(props.commonPath.length, parts.length);
		for (let i = 0; i < length; i++) {
			const part = parts[i];
			if (part === "**" && !parts[i + 1]) {
				newCommonPath.pop();
				break;
			}
			if (i === parts.length - 1 || part !== props.commonPath[i] || isDynamicPattern(part)) break;
			newCommonPath.push(part);
		}
		props.depthOffset = newCommonPath.length;
		props.commonPath = newCommonPath;
		props.root = ensureNonDriveRelativePath(newCommonPath.length > 0 ? posix.join(cwd, ...newCommonPath) : cwd);
	}
	return result;
}
function processPatterns(options, patterns, props) {
	const matchPatterns = [];
	const ignorePatterns = [];
	for (const pattern of options.ignore) {
		if (!pattern) continue;
		if (pattern[0] !== "!" || pattern[1] === "(") ignorePatterns.push(normalizePattern(pattern, options, props, true));
	}
	for (const pattern of patterns) {
		if (!pattern) continue;
		if (pattern[0] !== "!" || pattern[1] === "(") matchPatterns.push(normalizePattern(pattern, options, props, false));
		else if (pattern[1] !== "!" || pattern[2] === "(") ignorePatterns.push(normalizePattern(pattern.slice(1), options, props, true));
	}
	return {
		match: matchPatterns,
		ignore: ignorePatterns
	};
}
//#endregion
//#region src/crawler.ts
function buildCrawler(options, patterns) {
	const cwd = options.cwd;
	const props = {
		root: cwd,
		depthOffset: 0
	};
	const processed = processPatterns(options, patterns, props);
	if (options.debug) log("internal processing patterns:", processed);
	const { absolute, caseSensitiveMatch, debug, dot, followSymbolicLinks, onlyDirectories } = options;
	const root = props.root.replace(BACKSLASHES, "");
	const matchOptions = {
		dot,
		nobrace: options.braceExpansion === false,
		nocase: !caseSensitiveMatch,
		noextglob: options.extglob === false,
		noglobstar: options.globstar === false,
		posix: true
	};
	const matcher = picomatch(processed.match, matchOptions);
	const ignore = picomatch(processed.ignore, matchOptions);
	const partialMatcher = getPartialMatcher(processed.match, matchOptions);
	const format = buildFormat(cwd, root, absolute);
	const excludeFormatter = absolute ? format : buildFormat(cwd, root, true);
	const excludePredicate = (_, p) => {
		const relativePath = excludeFormatter(p, true);
		return relativePath !== "." && !partialMatcher(relativePath) || ignore(relativePath);
	};
	let maxDepth;
	if (options.deep !== void 0) maxDepth = Math.round(options.deep - props.depthOffset);
	const crawler = new Builder({
		filters: [debug ? (p, isDirectory) => {
			const path = format(p, isDirectory);
			const matches = matcher(path) && !ignore(path);
			if (matches) log(`matched ${path}`);
			return matches;
		} : (p, isDirectory) => {
			const path = format(p, isDirectory);
			return matcher(path) && !ignore(path);
		}],
		exclude: debug ? (_, p) => {
			const skipped = excludePredicate(_, p);
			log(`${skipped ? "skipped" : "crawling"} ${p}`);
			return skipped;
		} : excludePredicate,
		fs: options.fs,
		pathSeparator: "/",
		relativePaths: !absolute,
		resolvePaths: absolute,
		includeBasePath: absolute,
		resolveSymlinks: followSymbolicLinks,
		excludeSymlinks: !followSymbolicLinks,
		excludeFiles: onlyDirectories,
		includeDirs: onlyDirectories || !options.onlyFiles,
		maxDepth,
		signal: options.signal
	}).crawl(root);
	if (options.debug) log("internal properties:", {
		...props,
		root
	});
	return [crawler, cwd !== root && !absolute && buildRelative(cwd, root)];
}
//#endregion
//#region src/index.ts
function formatPaths(paths, mapper) {
	if (mapper) for (let i = paths.length - 1; i >= 0; i--) paths[i] = mapper(paths[i]);
	return paths;
}
const defaultOptions = {
	caseSensitiveMatch: true,
	debug: !!process.env.TINYGLOBBY_DEBUG,
	expandDirectories: true,
	followSymbolicLinks: true,
	onlyFiles: true
};
function getOptions(options) {
	const opts = Object.assign({}, options);
	for (const key in defaultOptions) if (opts[key] === void 0) Object.assign(opts, { [key]: defaultOptions[key] });
	opts.cwd = (opts.cwd instanceof URL ? fileURLToPath(opts.cwd) : resolve(opts.cwd || process.cwd())).replace(BACKSLASHES, "/");
	opts.ignore = ensureStringArray(opts.ignore);
	opts.fs && (opts.fs = {
		readdir: opts.fs.readdir || readdir,
		readdirSync: opts.fs.readdirSync || readdirSync,
		realpath: opts.fs.realpath || realpath,
		realpathSync: opts.fs.realpathSync || realpathSync,
		stat: opts.fs.stat || stat,
		statSync: opts.fs.statSync || statSync
	});
	if (opts.debug) log("globbing with options:", opts);
	return opts;
}
function getCrawler(globInput, inputOptions = {}) {
	var _ref;
	if (globInput && (inputOptions === null || inputOptions === void 0 ? void 0 : inputOptions.patterns)) throw new Error("Cannot pass patterns as both an argument and an option");
	const isModern = isReadonlyArray(globInput) || typeof globInput === "string";
	const patterns = ensureStringArray((_ref = isModern ? globInput : globInput.patterns) !== null && _ref !== void 0 ? _ref : "**/*");
	const options = getOptions(isModern ? inputOptions : globInput);
	return patterns.length > 0 ? buildCrawler(options, patterns) : [];
}
function globSync(globInput, options) {
	const [crawler, relative] = getCrawler(globInput, options);
	return crawler ? formatPaths(crawler.sync(), relative) : [];
}

// The inputs of a compare: the paths or globs of one side, its runs, and opening a file.
/** The paths of a side's files (globs expanded), in a stable order, without reading them. */
function expandSide(args, label) {
    const paths = [];
    for (const arg of args) {
        if (isDynamicPattern(arg)) {
            paths.push(...matches(arg, label, 'files'));
        }
        else {
            paths.push(arg);
        }
    }
    return [...new Set(paths)];
}
/**
 * The runs of a side. A folder is one run (every file below it), so `base/1 base/2 …`, or a
 * glob that ends in a slash (it matches folders), gives several runs; plain files are one
 * run together.
 * Mixing folders and files is a usage error: it would be unclear which run a file is in.
 */
function listRuns(args, label) {
    const folders = [];
    const files = [];
    for (const arg of args) {
        if (arg.endsWith('/') && isDynamicPattern(arg)) {
            folders.push(...matches(arg, label, 'folders'));
        }
        else if (!isDynamicPattern(arg) && isDirectory(arg)) {
            folders.push(arg);
        }
        else {
            files.push(arg);
        }
    }
    if (folders.length === 0)
        return [expandSide(files, label)];
    if (files.length > 0) {
        throw new GateError('USAGE', `${label}: mixes run folders (${folders[0]}) and files (${files[0]})`, 'give one folder per run, or only files for a single run');
    }
    return [...new Set(folders)].map((dir) => {
        const inside = globSync('**/*', { cwd: dir, onlyFiles: true }).sort();
        if (inside.length === 0) {
            throw new GateError('NO_FILES', `${label} ${dir}: the run folder is empty`, 'check that the run wrote its files');
        }
        return inside.map((f) => `${dir.replace(/\/$/, '')}/${f}`);
    });
}
/** What a glob matches, sorted; none is a GateError naming the pattern. */
function matches(pattern, label, what) {
    const found = globSync(pattern, what === 'files'
        ? { onlyFiles: true, expandDirectories: false }
        : { onlyDirectories: true, expandDirectories: false }).sort();
    if (found.length === 0) {
        throw new GateError('NO_FILES', `${label} ${pattern}: the pattern matched no ${what}`, what === 'files'
            ? 'check the path, and that the step producing the files ran'
            : 'check the path');
    }
    return found;
}
function isDirectory(path) {
    try {
        return statSync$1(path).isDirectory();
    }
    catch {
        return false;
    }
}
/**
 * Opens one input file for reading: its descriptor and size. A missing, unreadable or
 * folder path is a GateError naming it.
 */
function openInput(path, label) {
    let fd;
    try {
        fd = openSync(path, 'r');
        const stat = fstatSync(fd);
        if (stat.isDirectory()) {
            throw new GateError('READ_FAILED', `${label} ${path}: is a directory`, `use a glob such as '${path}/*.pb.gz'`);
        }
        return { fd, size: stat.size };
    }
    catch (err) {
        if (fd !== undefined)
            closeSync(fd);
        if (err instanceof GateError)
            throw err;
        throw readError(err, path, label);
    }
}
/** The GateError for a file that could not be opened or read. */
function readError(err, path, label) {
    const code = err.code;
    const why = code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES'
            ? 'permission denied'
            : err.message;
    return new GateError('READ_FAILED', `${label} ${path}: ${why}`, 'check the path, and that the step producing the file ran');
}

// gc 4 @0.073s 29%: 0.066+77+0.004 ms clock, … ms cpu, 21->37->29 MB, 24 MB goal,
// 0 MB stacks, 0 MB globals, 2 P (forced) — stacks and globals since Go 1.18.
// Only anchored patterns without nested repeats, each on one short field: linear on any line.
const HEAD = /^gc (\d+) @(\d+(?:\.\d+)?)s \d+%: /;
const HEAP = /^(\d+)->(\d+)->(\d+) MB$/;
const SIZE = /^(\d+) MB (goal|stacks|globals)$/;
const PROCS = /^(\d+) P( \(forced\))?$/;
/** A gctrace line is under 300 characters; a longer one is something else. */
const MAX_LINE = 1000;
/** Fields of a line looked at: the line has 7–9. */
const MAX_FIELDS = 12;
const MiB$2 = 1024 * 1024;
// `ok  \tpkg\t0.1s` / `FAIL\tpkg\t…` after a test binary's output names the run.
const PACKAGE = /^(?:ok {2}|FAIL)\t([^\t\s]+)/;
/** True when the text holds at least one gctrace line. */
function isGcTrace(head) {
    // Every line starts "gc ": a head without it (every profile) is ruled out at once.
    return head.includes('gc ') && head.split(/\r?\n/).some((l) => parseLine(l, 0) !== undefined);
}
/**
 * Every cycle, in runs: a new run starts where the GC counter does not go up (a log of
 * `go test -v ./...` holds one run per package). Lines that are not gctrace are skipped.
 */
function readGcRuns(text) {
    const runs = [];
    let run;
    let lineNo = 0;
    for (let at = 0; at <= text.length;) {
        let end = text.indexOf('\n', at);
        if (end < 0)
            end = text.length;
        const line = text.slice(at, text[end - 1] === '\r' ? end - 1 : end);
        at = end + 1;
        lineNo++;
        const cycle = parseLine(line, lineNo);
        if (cycle) {
            if (!run || cycle.n <= run.cycles[run.cycles.length - 1].n) {
                run = { name: '', cycles: [] };
                runs.push(run);
            }
            run.cycles.push(cycle);
            continue;
        }
        const pkg = run && !run.name ? PACKAGE.exec(line) : null;
        if (pkg && run)
            run.name = pkg[1];
    }
    return runs;
}
/**
 * The runs as MemStats-like figures: NumGC, NumForcedGC, the live heap after the last GC,
 * the goal it set and PeakLiveHeap (peakOf; gctrace prints whole MiB). Runs are separate
 * processes: their figures add up, as separate files of one side do.
 */
function gcTraceStats(runs) {
    const out = { NumGC: 0, NumForcedGC: 0, LastGCLiveHeap: 0, LastGCHeapGoal: 0 };
    let peak = 0;
    for (const { cycles } of runs) {
        const last = cycles[cycles.length - 1];
        out.NumGC += last.n;
        out.LastGCLiveHeap += last.live;
        let goal = 0;
        for (const c of cycles) {
            if (c.forced)
                out.NumForcedGC++;
            // With GC turned off the goal is not one: keep the last real goal.
            if (c.goal !== undefined)
                goal = c.goal;
        }
        out.LastGCHeapGoal += goal;
        peak += peakOf(cycles);
    }
    out.PeakLiveHeap = peak;
    return out;
}
/**
 * The largest live heap a run held for three cycles in a row (the largest median of three
 * consecutive cycles; the largest one of a shorter run). One cycle's floating garbage does not
 * set it: on 16 steady runs of go/gcload the plain maximum ranged 30–72 MiB, this 26–33 MiB.
 */
function peakOf(cycles) {
    let peak = 0;
    if (cycles.length < 3)
        for (const c of cycles)
            peak = Math.max(peak, c.live);
    for (let i = 2; i < cycles.length; i++) {
        const [a, b, c] = [cycles[i - 2].live, cycles[i - 1].live, cycles[i].live];
        peak = Math.max(peak, Math.max(Math.min(a, b), Math.min(Math.max(a, b), c)));
    }
    return peak;
}
function parseLine(line, lineNo) {
    if (!line.startsWith('gc ') || line.length > MAX_LINE)
        return undefined;
    const head = HEAD.exec(line);
    if (!head)
        return undefined;
    const fields = line.slice(head[0].length).split(', ', MAX_FIELDS);
    let heap = null;
    let procs = null;
    const sizes = {};
    for (const f of fields) {
        heap ??= HEAP.exec(f);
        procs ??= PROCS.exec(f);
        const size = SIZE.exec(f);
        if (size)
            sizes[size[2]] = Number(size[1]) * MiB$2;
    }
    if (!heap || !procs || sizes.goal === undefined)
        return undefined;
    return {
        n: Number(head[1]),
        at: Number(head[2]),
        heapStart: Number(heap[1]) * MiB$2,
        heapEnd: Number(heap[2]) * MiB$2,
        live: Number(heap[3]) * MiB$2,
        // With GC off the goal prints as ~2^63 bytes in MB: no goal.
        ...(sizes.goal <= Number.MAX_SAFE_INTEGER ? { goal: sizes.goal } : {}),
        ...(sizes.stacks !== undefined ? { stacks: sizes.stacks } : {}),
        ...(sizes.globals !== undefined ? { globals: sizes.globals } : {}),
        procs: Number(procs[1]),
        forced: procs[2] !== undefined,
        line: lineNo,
    };
}

// Reads goroutine profiles: /debug/pprof/goroutine as debug=1 (counted stacks) and
// debug=2 (every goroutine's stack, as a panic prints it). The protobuf is read in pprof.ts.
const DEBUG1_HEADER = /^goroutine profile: total (\d+)/;
const DEBUG1_RECORD = /^(\d+) @( 0x[0-9a-f]+)+\s*$/;
const DEBUG1_FRAME = /^#\t(0x[0-9a-f]+)\t(.+?)\+0x[0-9a-f]+\t+(.*):(\d+)\s*$/;
const DEBUG2_HEADER = /^goroutine \d+ \[[^\]]*\]:$/;
/** True when the text starts like a debug=1 or debug=2 goroutine profile. */
function isGoroutineText(head) {
    return DEBUG1_HEADER.test(head) || DEBUG2_HEADER.test(head.split('\n', 1)[0]);
}
/** Parses either text form. */
function readGoroutineText(text, source) {
    return DEBUG1_HEADER.test(text) ? readDebug1(text, source) : readDebug2(text);
}
function readDebug1(text, source) {
    const lines = text.split('\n');
    const total = Number(DEBUG1_HEADER.exec(lines[0])[1]);
    const stacks = [];
    for (let i = 1; i < lines.length; i++) {
        const line = lines[i];
        if (line.trim() === '')
            continue;
        if (!DEBUG1_RECORD.test(line)) {
            throw new GateError('MALFORMED', `${source}:${i + 1}: corrupt goroutine profile: unexpected line "${line.slice(0, 60)}"`, 'fetch /debug/pprof/goroutine?debug=1 again');
        }
        const frames = [];
        while (i + 1 < lines.length && lines[i + 1].startsWith('#\t')) {
            const f = DEBUG1_FRAME.exec(lines[++i]);
            if (f)
                frames.push({ function: f[2], file: f[3], line: Number(f[4]) });
        }
        stacks.push({ frames, count: Number(line.split(' ', 1)[0]) });
    }
    return { total, stacks };
}
/** debug=2: blocks of `function(args)` / `\tfile:line +0x..` pairs; "created by" is not a frame. */
function readDebug2(text) {
    const byStack = new Map();
    let total = 0;
    let frames;
    const flush = () => {
        if (!frames)
            return;
        total++;
        const key = frames.map((f) => f.function).join('\n');
        const entry = byStack.get(key);
        if (entry)
            entry.count++;
        else
            byStack.set(key, { frames, count: 1 });
        frames = undefined;
    };
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (DEBUG2_HEADER.test(line)) {
            flush();
            frames = [];
            continue;
        }
        if (!frames || line === '' || line.startsWith('\t') || line.startsWith('created by ')) {
            if (line.startsWith('created by '))
                i++; // skip the location line of the creator
            continue;
        }
        // `main.(*Server).watch.func1(0xc000, ...)`: drop only the trailing argument list.
        const name = line.replace(/\([^()]*\)$/, '');
        const loc = /^\t(.*):(\d+)/.exec(lines[i + 1] ?? '');
        frames.push({ function: name, file: loc?.[1] ?? '', line: loc ? Number(loc[2]) : 0 });
        if (loc)
            i++;
    }
    flush();
    return { total, stacks: [...byStack.values()] };
}

// `go test -json` (test2json) output: one JSON event per line. The benchmark text is in the
// `Output` fields, and a result line is often split across events (`go test` prints the name,
// runs the benchmark, then prints the figures), so output is reassembled per package first.
/** True when the text starts like test2json output: a JSON object with an `Action`. */
function isTestJson(head) {
    if (!head.includes('"Action"'))
        return false;
    const first = head.split('\n').find((l) => l.trim() !== '') ?? '';
    return /^\s*\{.*"Action"\s*:\s*"/.test(first);
}
/**
 * Reads the benchmark results of `go test -json` output. Events without `Output` are
 * skipped; lines that are not JSON are counted in one warning (`go test` can interleave
 * build errors). Warnings name the file line of the event a malformed result starts in.
 */
function readBenchJson(text, source) {
    const streams = new Map();
    let notJson = 0;
    text.split('\n').forEach((line, i) => {
        if (line.trim() === '')
            return;
        const event = parseEvent(line);
        if (!event) {
            notJson++;
            return;
        }
        if (typeof event.Output !== 'string')
            return;
        const pkg = typeof event.Package === 'string' ? event.Package : '';
        let s = streams.get(pkg);
        if (!s) {
            s = { pkg, text: '', starts: [], lines: [] };
            streams.set(pkg, s);
        }
        s.starts.push(s.text.length);
        s.lines.push(i + 1);
        s.text += event.Output;
    });
    const c = new BenchCollector();
    for (const s of streams.values()) {
        const lineStarts = [0];
        for (let k = 0; k < s.text.length; k++)
            if (s.text[k] === '\n')
                lineStarts.push(k + 1);
        c.stream(s.text, (n) => `${source}:${eventLine(s, lineStarts[n])}`, s.pkg);
    }
    const out = c.finish();
    if (notJson > 0) {
        out.warnings.push(warning('not-test-json', `${source}: ${notJson} line${notJson === 1 ? ' is' : 's are'} not go test -json events; skipped`, source));
    }
    return out;
}
function parseEvent(line) {
    try {
        const v = JSON.parse(line);
        return v !== null && typeof v === 'object' && !Array.isArray(v)
            ? v
            : undefined;
    }
    catch {
        return undefined;
    }
}
/** File line of the event whose output holds `offset` (binary search over chunk starts). */
function eventLine(s, offset) {
    let lo = 0;
    let hi = s.starts.length - 1;
    while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (s.starts[mid] <= offset)
            lo = mid;
        else
            hi = mid - 1;
    }
    return s.lines[lo] ?? 0;
}

// Recognises `go test -bench` output, as text or as `go test -json`, and reads it.
/** The header `go test` prints before the first benchmark of a package. */
const HEADER$1 = /^(goos|goarch|pkg): /m;
/** Other signs of `go test` output, where results may start after the first few KiB. */
const TEST_OUTPUT = /^(=== RUN |--- (PASS|FAIL|SKIP|BENCH): |PASS$|FAIL$|ok {2}\t)/m;
const HINT = "run go test with -bench and -benchmem, e.g. go test -run '^$' -bench . -benchmem ./...";
/**
 * A benchmark Snapshot when the file is `go test -bench` output, else undefined (the file is
 * something else). `head` is the decoded start of `data`. A file with no result line is not
 * a benchmark file; one that is clearly `go test` output without results is an error.
 */
function readGoTest(head, data, source) {
    const json = isTestJson(head);
    // A result line names a Benchmark: most files (every profile) are ruled out by that alone.
    const results = head.includes('Benchmark') && head.split('\n').some(isResultLine);
    if (!json && !results && !HEADER$1.test(head) && !TEST_OUTPUT.test(head))
        return undefined;
    const text = Buffer.from(data)
        .toString('utf8')
        .replace(/^\uFEFF/, '');
    const { benchmarks, warnings } = json ? readBenchJson(text, source) : readBenchText(text, source);
    if (benchmarks.results.length > 0) {
        return { source, format: 'benchfmt', benchmarks, warnings };
    }
    if (json || HEADER$1.test(head)) {
        const what = json ? 'go test -json output' : 'go test output';
        throw new GateError('UNKNOWN_FORMAT', `${source}: ${what} without benchmark results`, HINT);
    }
    return undefined;
}

// Gzip handling with a bound on the inflated size, so a crafted file cannot take the
// machine's memory. Bytes in memory inflate at once; a file can stream through instead
// (the driver's read), its output landing in one buffer sized from the gzip trailer, so
// neither the compressed file nor zlib's output chunks are held beside it: for a 26 MiB
// profile that inflates to 46 MB this halves the peak of a read.
/** Largest inflated input accepted by default: 1 GiB. */
const DEFAULT_MAX_INFLATED = 1024 ** 3;
/** Deflate cannot shrink data more than this (RFC 1951's longest match per bit). */
const MAX_RATIO = 1032;
/** Inflate streamed data in large chunks: small ones cost a callback each. */
const CHUNK$1 = 1024 * 1024;
/**
 * Output chunk of an in-memory inflate: zlib's default at least (a small file's buffer is
 * a view of its chunk, so the chunk must fit it), 64 MiB at most (a lying trailer).
 */
const MIN_CHUNK = 16 * 1024;
const MAX_CHUNK = 64 * 1024 * 1024;
/**
 * The inflated size a gzip file declares in its last four bytes (ISIZE: the size mod 2^32
 * for a one-member file, as Go writes), capped by what deflate could produce from
 * `compressed` bytes and by `maxBytes`. Only a first guess: several members, or a lie.
 */
function declaredSize(trailer, compressed, maxBytes) {
    const declared = trailer.length === 4
        ? (trailer[0] | (trailer[1] << 8) | (trailer[2] << 16) | (trailer[3] << 24)) >>> 0
        : 0;
    return Math.min(declared, compressed * MAX_RATIO, maxBytes);
}
/** True when the bytes start with the gzip magic number. */
function isGzip(bytes) {
    return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}
/** Inflates gzip bytes, or throws a GateError naming `source`. */
function gunzip(bytes, source, maxBytes = DEFAULT_MAX_INFLATED) {
    // One output chunk of the declared size: zlib then writes the profile in place, with no
    // list of chunks to join into a second copy.
    const guess = declaredSize(bytes.subarray(bytes.length - 4), bytes.length, maxBytes);
    try {
        return gunzipSync(bytes, {
            maxOutputLength: maxBytes,
            chunkSize: Math.max(MIN_CHUNK, Math.min(guess + 1, MAX_CHUNK)),
        });
    }
    catch (err) {
        throw gzipError(err, source, maxBytes);
    }
}
/**
 * Inflates gzip data as it streams in (`chunks`, e.g. a file's read stream) into one
 * buffer; the same bound and GateErrors as gunzip().
 */
async function gunzipStream(chunks, size, source, maxBytes = DEFAULT_MAX_INFLATED) {
    let out = Buffer.allocUnsafe(Math.max(1, declaredSize(size.trailer, size.compressed, maxBytes)));
    let length = 0;
    const inflate = createGunzip({ chunkSize: CHUNK$1 });
    const input = chunks instanceof Readable ? chunks : Readable.from(chunks);
    try {
        for await (const chunk of input.pipe(inflate)) {
            const piece = chunk;
            if (length + piece.length > maxBytes)
                throw tooLarge(source, maxBytes);
            if (length + piece.length > out.length) {
                const grown = Buffer.allocUnsafe(Math.min(maxBytes, 2 * (length + piece.length)));
                out.copy(grown, 0, 0, length);
                out = grown;
            }
            piece.copy(out, length);
            length += piece.length;
        }
    }
    catch (err) {
        inflate.destroy();
        if (err instanceof GateError)
            throw err;
        throw gzipError(err, source, maxBytes);
    }
    return out.subarray(0, length);
}
/** The GateError for a zlib failure while inflating `source`. */
function gzipError(err, source, maxBytes) {
    const code = err.code;
    if (code === 'ERR_BUFFER_TOO_LARGE' ||
        (err instanceof RangeError && /size|length/i.test(err.message))) {
        return tooLarge(source, maxBytes);
    }
    if (code === 'Z_BUF_ERROR' || /unexpected end/i.test(String(err.message))) {
        return new GateError('TRUNCATED', `${source}: gzip data is truncated`, 'the file was cut off while being written or copied; produce it again');
    }
    return new GateError('MALFORMED', `${source}: gzip data is corrupt (${err.message})`, 'produce the file again');
}
/** The GateError for gzip data that inflates past `maxBytes`. */
function tooLarge(source, maxBytes) {
    return new GateError('TOO_LARGE', `${source}: gzip data inflates to more than ${Math.round(maxBytes / 1024 ** 2)} MiB`, 'pass a real profile; this limit protects against crafted archives');
}

/** Entry `at` of a frame table as a Frame. */
function frameAt(t, at) {
    const f = t.functions[t.fn[at]];
    return { function: f.name, file: f.file, line: t.line[at] };
}
/** Every location's frames as Frame objects. */
function locationsOf(t) {
    const out = [];
    for (let l = 0; l + 1 < t.start.length; l++) {
        const frames = [];
        for (let at = t.start[l]; at < t.start[l + 1]; at++)
            frames.push(frameAt(t, at));
        out.push(frames);
    }
    return out;
}
/** The frame table of locations given as Frame objects (a function per frame). */
function frameTableOf(locations) {
    const start = new Int32Array(locations.length + 1);
    locations.forEach((frames, l) => (start[l + 1] = start[l] + frames.length));
    const total = start[locations.length];
    const fn = new Int32Array(total);
    const line = new Float64Array(total);
    const functions = [];
    for (const frames of locations) {
        for (const f of frames) {
            line[functions.length] = f.line;
            fn[functions.length] = functions.length;
            functions.push({ name: f.function, file: f.file });
        }
    }
    return { functions, start, fn, line };
}
/** Each sample as an object, leaf first: for tests and small profiles, not for hot loops. */
function samplesOf(p) {
    const out = [];
    p.forEachSample((locs, n, values) => {
        const frames = [];
        for (let k = 0; k < n; k++)
            frames.push(...p.locations[locs[k]]);
        out.push({ frames, values: Array.from(values) });
    });
    return out;
}
/** A profile from sample objects whose stacks are made of whole locations (text profiles, tests). */
function profileFromSamples(head, samples) {
    const index = new Map();
    const locations = [];
    const width = head.sampleTypes.length;
    const stacks = samples.map((s) => s.locations.map((loc) => {
        let id = index.get(loc);
        if (id === undefined) {
            id = locations.push(loc) - 1;
            index.set(loc, id);
        }
        return id;
    }));
    const values = samples.map((s) => Float64Array.from({ length: width }, (_, t) => s.values[t] ?? 0));
    return {
        sampleTypes: head.sampleTypes,
        defaultSampleType: head.defaultSampleType,
        period: head.period,
        timeNanos: head.timeNanos,
        frames: frameTableOf(locations),
        locations,
        sampleCount: samples.length,
        forEachSample: (visit) => stacks.forEach((locs, i) => visit(locs, locs.length, values[i], i)),
        locationsOf: (i) => [...stacks[i]],
    };
}

// Generated by scripts/build-wasm.mjs from src/formats/fold/assembly/fold.ts: do not edit.
const FOLD_WASM = 'AGFzbQEAAAABKgRgAXwBfGAJf39/f39/f398AGAMf39/f39/f39/f39/AGAFf39/f38BfwIbAgNlbnYFZXhwbTEAAANlbnYGbWVtb3J5AgAAAwQDAQIDBnYWfwFBAAt/AUEAC38BQQALfwFBAAt/AUEAC38BQQALfwFBAAt/AUEAC3wBRAAAAAAAAAAAC38BQQALfwFBAAt/AUEAC38BQQALfwFBAAt/AUEAC38BQQALfwFBAAt/AUEAC38BQQALfwFBAAt/AUEAC38BQQALBywECXNldFRhYmxlcwABB3NldFN1bXMAAglmb2xkQ2h1bmsAAwZtZW1vcnkCAAq/EQM8ACAAJAAgASQBIAIkAiADJAMgBCQEIAUkBSAGJAYgByQHIAhEAAAAAAAAAAAgCEQAAAAAAADwP2QbJAgLMgAgACQJIAEkCiACJAsgAyQMIAQkDSAFJA4gBiQPIAckECAIJBEgCSQSIAokEyALJBQLzBADG38JfAJ+IwEhFSMDIRkjBCEUIwUhEyMGIQ4jByEYIwkhDSMKIRIjCyEMIwwhFyMNIQsjDiERIw8hCiMQIRAjESEJIxIhDwJAA0AgASAWSgRAIAAgFmohHSAEIAIgFkEDdGoiBigCACADa2ohBSAEIAYoAgQgA2tqIQdBACEbQQAhGkQAAAAAAAAAACEjRAAAAAAAAAAAISJEAAAAAAAAAAAhIUQAAAAAAAAAACEmA0AgBSAHSQRAIAchBiAFIghBAWohBSAILQAAIh9BEkYgH0EKRnIgH0EaRnIEQEEAIR5BACEcAn8DQEF/IBxBFUsgBSAGT3INARogBSIIQQFqIQUgHiAILQAAIghB/wBxIBx0ciEeIBxBB2ohHCAIQYABcQ0ACyAFJBUgHgsiBkEASA0FIAYgByMVIgVrSw0FIAUgBmohBiAfQRpGBEAgBiEFDAMLBSAfQRBHIB9BCEdxDQULIB9BCkYgH0EIRnIEQANAIAUgBk8NBiAFLQAAIhxBgAFJBH8gBUEBagUgBUEBaiAGSQR/IAUtAAFBgAFJBUEACwR/IBxB/wBxIAUtAAFBB3RyIRwgBUECagVBACEeQQAhHAJ/A0BBfyAcQRVLIAUgBk9yDQEaIAUiCEEBaiEFIB4gCC0AACIIQf8AcSAcdHIhHiAcQQdqIRwgCEGAAXENAAsgBSQVIB4LIhxBAEgNCCMVCwshBSAVBEAgHCMCTw0HIBUgHEECdGooAgAiHEEASA0HBSAcQQBMIBwjAEpyDQcgHEEBayEcCyAYIBtBAnRqIBw2AgAgG0EBaiEbIB9BCkYgBSAGSXENAAsFIB9BEkYgH0EQRnIEQANAQgAhKUIAISoDQCAFIAZPICpCKlZyDQggBSIIQQFqIQUgKSAILQAAIghB/wBxrSAqhoQhKSAqQgd8ISogCEGAAXENAAsgKbohICAaBEAgGkEBRgRAICAhIgUgGkECRgRAICAhIQUgICAmIBpBA0YbISYLCwUgICEjCyAaQQFqIRogH0ESRiAFIAZJcQ0ACwsLDAELCwJAICJEAAAAAAAAAABhICNEAAAAAAAAAABhcSAhRAAAAAAAAAAAYXEgJkQAAAAAAAAAAGFxDQBEAAAAAAAAAAAhJUQAAAAAAAAAACEkRAAAAAAAAAAAISAjCEQAAAAAAAAAAGQEfCAiRAAAAAAAAAAAYiAjRAAAAAAAAAAAYnEEfEQAAAAAAADwvyAiICOjIiSaIwijEACjIicgI6IhJSAkICeiICKiBUQAAAAAAAAAAAshJCAmRAAAAAAAAAAAYiAhRAAAAAAAAAAAYnEEfEQAAAAAAADwvyAmICGjIieaIwijEACjIiggIaIhICAnICiiICaiBUQAAAAAAAAAAAsFRAAAAAAAAAAACyEnIxMiBSAFKwMAICOgOQMAIAUgBSsDCCAioDkDCCAFIAUrAxAgIaA5AxAgBSAFKwMYICagOQMYIxQiBSAFKwMAICWgOQMAIAUgBSsDCCAkoDkDCCAFIAUrAxAgIKA5AxAgBSAFKwMYICegOQMYIBtFDQBBACEGIBkgGCgCAEECdGooAgAhHEEAIQUDQCAFIBtIBEACQCAOIBggBUECdGooAgBBAnQiB2ooAgAiCEEATgRAIAUhBiAIIAcgGWooAgBqIRwMAQsgBUEBaiEFDAILCwsgGSAYIAZBAnRqKAIAQQFqQQJ0aigCACEHIBEgFCAcQQJ0aigCACIFQQJ0aiAdNgIAIA0gBUEFdCIIaiIaIBorAwAgI6A5AwAgGiAaKwMIICKgOQMIIBogGisDECAhoDkDECAaIBorAxggJqA5AxggCCAMaiIaIBorAwAgJaA5AwAgGiAaKwMIICSgOQMIIBogGisDECAgoDkDECAaIBorAxggJ6A5AxggCCASaiIaIBorAwAgI6A5AwAgGiAaKwMIICKgOQMIIBogGisDECAhoDkDECAaIBorAxggJqA5AxggCyAFQQR0aiEFICMgCCAXaiIaKwMAZARAIBogIzkDACAFIB02AgALICIgCCAXaiIaKwMIZARAIBogIjkDCCAFIB02AgQLICEgCCAXaiIaKwMQZARAIBogITkDECAFIB02AggLICYgCCAXaiIIKwMYZARAIAggJjkDGCAFIB02AgwLIA8gEyAcQQJ0aigCACIFQQJ0aiAdNgIAIAogBUEFdCIIaiIaIBorAwAgI6A5AwAgGiAaKwMIICKgOQMIIBogGisDECAhoDkDECAaIBorAxggJqA5AxggCCAJaiIaIBorAwAgJaA5AwAgGiAaKwMIICSgOQMIIBogGisDECAgoDkDECAaIBorAxggJ6A5AxggCCAQaiIIIAgrAwAgI6A5AwAgCCAIKwMIICKgOQMIIAggCCsDECAhoDkDECAIIAgrAxggJqA5AxggHEEBaiEcA0ADQCAHIBxKBEAgESAUIBxBAnRqKAIAIghBAnRqIhooAgAgHUcEQCAaIB02AgAgEiAIQQV0aiIIIAgrAwAgI6A5AwAgCCAIKwMIICKgOQMIIAggCCsDECAhoDkDECAIIAgrAxggJqA5AxgLIAUgEyAcQQJ0aigCACIFRwRAIA8gBUECdGoiCCgCACAdRwRAIAggHTYCACAQIAVBBXRqIgggCCsDACAjoDkDACAIIAgrAwggIqA5AwggCCAIKwMQICGgOQMQIAggCCsDGCAmoDkDGAsLIBxBAWohHAwBCwsgGyAGQQFqIgZKBEAgGSAYIAZBAnRqKAIAIgdBAnRqKAIAIRwgGSAHQQFqQQJ0aigCACEHDAELCwsgFkEBaiEWDAELC0EADwtBAQs=';

// What the sample loop sums over one file, by function and package id. The layout is
// written here only: the JavaScript loop, the compiled one (which is handed the places
// of these arrays in this order) and the reading back all take it from FOLD_LAYOUT.
/**
 * Each array of the sums: whose it is (per function, per package or the file's), whether it
 * holds one value per sample type (`each`, at id * n + column) or one per owner, and its
 * element type and start value. `fnSeen`/`pkgSeen` hold the last sample an id was counted
 * in (-1: in no sample with a value); `bestSample` is the sample whose value was the
 * largest a function allocated itself, `bestValue` that value.
 */
const FOLD_LAYOUT = {
    fnFlat: { per: 'fn', each: true },
    fnCum: { per: 'fn', each: true },
    fnFlatVar: { per: 'fn', each: true },
    bestValue: { per: 'fn', each: true },
    bestSample: { per: 'fn', each: true, int: true, fill: -1 },
    fnSeen: { per: 'fn', each: false, int: true, fill: -1 },
    pkgFlat: { per: 'pkg', each: true },
    pkgCum: { per: 'pkg', each: true },
    pkgFlatVar: { per: 'pkg', each: true },
    pkgSeen: { per: 'pkg', each: false, int: true, fill: -1 },
    totals: { per: 'file', each: true },
    totalsVar: { per: 'file', each: true },
};
/** The arrays of FoldSums in layout order. */
const FOLD_SUMS = Object.keys(FOLD_LAYOUT);
/** Empty sums for `nFn` functions and `nPkg` packages, `n` columns each. */
function newFoldSums(nFn, nPkg, n) {
    const owners = { fn: nFn, pkg: nPkg, file: 1 };
    const out = {};
    for (const key of FOLD_SUMS) {
        const f = FOLD_LAYOUT[key];
        const length = owners[f.per] * (f.each ? n : 1);
        const a = f.int ? new Int32Array(length) : new Float64Array(length);
        if (f.fill !== undefined)
            a.fill(f.fill);
        out[key] = a;
    }
    return out;
}

// Runs the compiled sample loop (assembly/fold.ts) over a protobuf profile's samples.
//
// The samples are copied into the module's memory a chunk at a time, so the profile's
// bytes are never held twice, and the loop is called once per chunk: V8 compiles a
// WebAssembly function with its fast compiler first and swaps in the optimised code
// between calls, never during one.
const PAGE = 65536;
/** Bytes of samples copied in per call, unless one sample is bigger. */
const CHUNK_BYTES = 1 << 20;
/** Samples per call at most (their ranges are copied in too). */
const CHUNK_SAMPLES = 1 << 16;
/** Four sums per function or package: the compiled loop knows Go's four sample types. */
const N = 4;
/** One instance per thread, its memory grown to the largest profile folded so far. */
let instance;
function instantiate() {
    const memory = new WebAssembly.Memory({ initial: 1 });
    const module = new WebAssembly.Module(Buffer.from(FOLD_WASM, 'base64'));
    const exports = new WebAssembly.Instance(module, { env: { memory, expm1: Math.expm1 } })
        .exports;
    return { memory, exports };
}
/**
 * Folds `packed` with the tables of its file, as the JavaScript loop in loop.ts
 * does for Go's four heap sample types. Returns undefined when the compiled loop met
 * something it leaves to JavaScript (an unusual encoding, a missing location, a value
 * of 2^49 or more or a negative one).
 */
function wasmFold(packed, t, period) {
    const { bytes, ranges, index, longest } = packed;
    const count = ranges.length / 2;
    // Small profiles get small chunks: the memory is sized to what is used.
    const span = count > 0 ? ranges[2 * count - 1] - ranges[0] : 0;
    const chunkBytes = Math.max(Math.min(CHUNK_BYTES, span), longest);
    const chunkSamples = Math.max(1, Math.min(CHUNK_SAMPLES, count));
    const sums = newFoldSums(t.fnKeys.length, t.pkgKeys.length, N);
    const tables = [index ?? new Int32Array(0), t.frameStart, t.frameFn, t.framePkg, t.firstOwn];
    const arrays = [...tables, ...FOLD_SUMS.map((key) => sums[key])];
    // The layout: the module's own first page, the tables and the sums, then scratch space.
    let top = PAGE;
    const place = (length) => {
        const at = top;
        top += (length + 7) & -8;
        return at;
    };
    const places = arrays.map((a) => place(a.byteLength));
    const locsAt = place(4 * Math.max(1, longest)); // at most one location id per byte
    const rangesAt = place(8 * chunkSamples);
    const bytesAt = place(chunkBytes);
    const { memory, exports } = (instance ??= instantiate());
    const pages = Math.ceil(top / PAGE) - memory.buffer.byteLength / PAGE;
    try {
        if (pages > 0)
            memory.grow(pages);
    }
    catch {
        return undefined; // past what 32-bit WebAssembly can address: JavaScript folds it
    }
    const heap = memory.buffer;
    // The tables, and the sums as newFoldSums() starts them (a reused memory holds the last
    // profile's), go in; after the loop the sums come back out.
    arrays.forEach((a, j) => viewOf(a, heap, places[j]).set(a));
    const [indexAt, startsAt, fnsAt, pkgsAt, ownAt] = places;
    exports.setTables(t.firstOwn.length, index ? indexAt : 0, index ? index.length : 0, startsAt, fnsAt, pkgsAt, ownAt, locsAt, period);
    exports.setSums(...places.slice(tables.length));
    const heapBytes = new Uint8Array(heap);
    const heapRanges = new Uint32Array(heap, rangesAt, 2 * chunkSamples);
    for (let first = 0; first < count;) {
        const base = ranges[2 * first];
        // The samples that fit, found by halving (their ends increase): first … end − 1.
        let end = first + 1;
        let most = Math.min(count, first + chunkSamples);
        while (end < most) {
            const mid = (end + most + 1) >>> 1;
            if (ranges[2 * mid - 1] - base <= chunkBytes)
                end = mid;
            else
                most = mid - 1;
        }
        heapBytes.set(bytes.subarray(base, ranges[2 * end - 1]), bytesAt);
        heapRanges.set(ranges.subarray(2 * first, 2 * end));
        if (exports.foldChunk(first, end - first, rangesAt, base, bytesAt) !== 0)
            return undefined;
        first = end;
    }
    FOLD_SUMS.forEach((key, j) => sums[key].set(viewOf(sums[key], heap, places[tables.length + j])));
    return sums;
}

// The heap profiler's sampling model: how uncertain each unbiased value is.
//
// Go samples one allocation per MemProfileRate bytes on average (a Poisson process) and
// writes each record scaled by s = 1 / (1 − exp(−avg / rate)), avg being the record's
// average object size. A record showing c objects and b bytes therefore rests on about
// c / s raw samples, and its estimates have variance s·c (objects) and avg·s·b (bytes).
// With rate 1 every allocation is recorded: variance 0.
/** Which objects column pairs with which bytes column. */
const PAIRS$1 = [
    ['alloc_objects', 'alloc_space'],
    ['inuse_objects', 'inuse_space'],
];
/**
 * A function filling `w` (per column) with the sampling variance of the values `v` of one
 * record of a profile sampled every `rate` bytes. Columns without a pair get 0; for an
 * exact profile `w` is left as it is, so callers pass zeros.
 */
function samplingModel(rate, columns) {
    const pairs = PAIRS$1.map(([o, b]) => [columns.indexOf(o), columns.indexOf(b)]).filter(([o, b]) => o >= 0 && b >= 0);
    // Runs once per record: an exact profile should cost nothing here.
    if (rate <= 1 || pairs.length === 0)
        return () => { };
    return (v, w) => {
        for (let c = 0; c < w.length; c++)
            w[c] = 0;
        for (const [o, b] of pairs) {
            const count = Math.abs(v[o]);
            const bytes = Math.abs(v[b]);
            if (count === 0 || bytes === 0)
                continue;
            const avg = bytes / count;
            const scale = 1 / -Math.expm1(-avg / rate);
            w[o] = scale * count;
            w[b] = avg * scale * bytes;
        }
    };
}

/** Sums the samples of `profile` over `columns` (sample type names), and its stacks into `stackTable`. */
function foldSamples(profile, t, columns, stackTable) {
    const n = columns.length;
    const width = profile.sampleTypes.length;
    const cols = profile.sampleTypes.map((t) => columns.indexOf(t.type));
    const sums = newFoldSums(t.fnKeys.length, t.pkgKeys.length, n);
    const { fnFlat, fnCum, fnFlatVar, bestValue, bestSample, fnSeen } = sums;
    const { pkgFlat, pkgCum, pkgFlatVar, pkgSeen, totals, totalsVar } = sums;
    const v = new Float64Array(n);
    const w = new Float64Array(n);
    const noise = samplingModel(profile.period, columns);
    const { frameStart, frameFn, framePkg, firstOwn } = t;
    profile.forEachSample((locs, nLocs, values, i) => {
        for (let c = 0; c < n; c++)
            v[c] = 0;
        let any = false;
        for (let j = 0; j < width; j++) {
            const x = values[j];
            if (cols[j] >= 0 && x !== 0) {
                v[cols[j]] = x;
                any = true;
            }
        }
        if (!any)
            return;
        noise(v, w);
        for (let c = 0; c < n; c++) {
            totals[c] += v[c];
            totalsVar[c] += w[c];
        }
        if (nLocs === 0)
            return;
        // Skip the allocator's own leading runtime frames (all of them only if all are runtime):
        // firstKept() inline, as this runs once per sample and must not allocate.
        let k = 0;
        let at = frameStart[locs[0]];
        for (let q = 0; q < nLocs; q++) {
            const own = firstOwn[locs[q]];
            if (own >= 0) {
                k = q;
                at = frameStart[locs[q]] + own;
                break;
            }
        }
        let last = frameStart[locs[k] + 1];
        if (stackTable) {
            pushStack(t, locs, nLocs, k, at, stackTable);
            stackTable.commit(v, w, i);
        }
        // The leaf frame: flat and cum, and the heaviest stack the function allocates in.
        const leafFn = frameFn[at];
        fnSeen[leafFn] = i;
        for (let c = 0, base = leafFn * n; c < n; c++) {
            const x = v[c];
            fnFlat[base + c] += x;
            fnFlatVar[base + c] += w[c];
            fnCum[base + c] += x;
            if (x > bestValue[base + c]) {
                bestValue[base + c] = x;
                bestSample[base + c] = i;
            }
        }
        let prevPkg = framePkg[at];
        pkgSeen[prevPkg] = i;
        for (let c = 0, base = prevPkg * n; c < n; c++) {
            pkgFlat[base + c] += v[c];
            pkgFlatVar[base + c] += w[c];
            pkgCum[base + c] += v[c];
        }
        at++;
        // The callers: cum only, once per function and package however often they recur.
        const v0 = v[0];
        const v1 = v[1];
        const v2 = v[2];
        const v3 = v[3];
        for (;;) {
            for (; at < last; at++) {
                const fn = frameFn[at];
                if (fnSeen[fn] !== i) {
                    fnSeen[fn] = i;
                    addCum(fnCum, fn * n, n, v, v0, v1, v2, v3);
                }
                const pkg = framePkg[at];
                // Callers mostly sit in the callee's package: skipping a repeat of the previous
                // frame's package avoids a hard-to-predict branch and halves the loop's cost.
                if (pkg !== prevPkg && pkgSeen[pkg] !== i) {
                    pkgSeen[pkg] = i;
                    addCum(pkgCum, pkg * n, n, v, v0, v1, v2, v3);
                }
                prevPkg = pkg;
            }
            if (++k >= nLocs)
                break;
            at = frameStart[locs[k]];
            last = frameStart[locs[k] + 1];
        }
    });
    return sums;
}
/**
 * Adds a sample's values `v` (n of them; v0…v3 its first four) to a caller's cum at
 * `base`: unrolled for the usual four sample types, as this runs once per frame.
 */
function addCum(cum, base, n, v, v0, v1, v2, v3) {
    if (n === 4) {
        cum[base] += v0;
        cum[base + 1] += v1;
        cum[base + 2] += v2;
        cum[base + 3] += v3;
    }
    else {
        for (let c = 0; c < n; c++)
            cum[base + c] += v[c];
    }
}
/** Pushes the function ids of a sample's kept frames, leaf first, onto `table`. */
function pushStack(t, locs, nLocs, k0, at0, table) {
    for (let k = k0; k < nLocs; k++) {
        const last = t.frameStart[locs[k] + 1];
        for (let at = k === k0 ? at0 : t.frameStart[locs[k]]; at < last; at++)
            table.push(t.frameFn[at]);
    }
}

// Per-file integer tables the sample loops read: names worked out once per function.
/**
 * Names already worked out on this thread, per `keyOf`: the files of a side mostly share
 * their functions (1,000 profiles of one service). Cleared when it holds this many.
 */
const KNOWN_MAX = 1 << 16;
const known = new WeakMap();
function namesOf(name, keyOf) {
    let byName = known.get(keyOf);
    if (!byName)
        known.set(keyOf, (byName = new Map()));
    let names = byName.get(name);
    if (!names) {
        if (byName.size >= KNOWN_MAX)
            byName.clear();
        const key = keyOf(name);
        names = { key, keyPackage: packageOf(key), pkg: packageOf(name), runtime: isRuntimeFrame(name) };
        byName.set(name, names);
    }
    return names;
}
/** The tables of `profile`, functions keyed by `keyOf`. */
function tables(profile, keyOf) {
    const fnIds = new Map();
    const pkgIds = new Map();
    const fnKeys = [];
    const fnPackages = [];
    const pkgKeys = [];
    const id = (map, keys, key) => {
        let i = map.get(key);
        if (i === undefined) {
            i = keys.push(key) - 1;
            map.set(key, i);
        }
        return i;
    };
    const { functions, start, fn } = profile.frames;
    const locations = start.length - 1;
    const frameFn = new Int32Array(fn.length);
    const framePkg = new Int32Array(fn.length);
    const firstOwn = new Int32Array(locations).fill(-1);
    // A function has a frame per call site, and a name may belong to several functions: each
    // function's ids are worked out once (-1: not yet), each name's once. Ids are numbered in
    // the order the frames meet them.
    const fnOf = new Int32Array(functions.length).fill(-1);
    const pkgOf = new Int32Array(functions.length);
    const runtimeOf = new Uint8Array(functions.length);
    const byName = new Map();
    for (let l = 0; l < locations; l++) {
        for (let at = start[l], end = start[l + 1]; at < end; at++) {
            const f = fn[at];
            if (fnOf[f] < 0) {
                const name = functions[f].name;
                let ids = byName.get(name);
                if (!ids) {
                    const names = namesOf(name, keyOf);
                    const fn = id(fnIds, fnKeys, names.key);
                    if (fn === fnPackages.length)
                        fnPackages.push(names.keyPackage);
                    ids = { fn, pkg: id(pkgIds, pkgKeys, names.pkg), runtime: names.runtime };
                    byName.set(name, ids);
                }
                fnOf[f] = ids.fn;
                pkgOf[f] = ids.pkg;
                runtimeOf[f] = ids.runtime ? 1 : 0;
            }
            frameFn[at] = fnOf[f];
            framePkg[at] = pkgOf[f];
            if (firstOwn[l] < 0 && runtimeOf[f] === 0)
                firstOwn[l] = at - start[l];
        }
    }
    return { fnKeys, fnPackages, pkgKeys, frameStart: start, frameFn, framePkg, firstOwn };
}

// Folds one decoded heap profile into per-function and per-package sums, flat and
// cumulative (and per whole stack when asked): the model every later stage reads.
//
// The sample loop works on integer ids and typed arrays (a profile can hold a million
// samples); names and stacks are materialised once, from the loop's sums.
/** The sample types the compiled loop handles: Go's four, in Go's order. */
const GO_HEAP_TYPES = GO_HEAP_SAMPLE_TYPES.join();
/** The profile's description with its fold: what a reader returns. */
function foldedProfile(profile, opts = {}) {
    return {
        sampleTypes: profile.sampleTypes,
        defaultSampleType: profile.defaultSampleType,
        period: profile.period,
        timeNanos: profile.timeNanos,
        fold: foldProfile(profile, opts),
    };
}
/**
 * Folds a profile. Leading `runtime.*` frames are dropped as pprof does (unless the whole
 * stack is runtime); a function or package that appears several times in one stack
 * (recursion) counts once in cum. A protobuf heap profile goes through the compiled loop
 * (2x faster on big profiles); anything it does not handle, and --stacks, through the
 * JavaScript one.
 */
function foldProfile(profile, opts = {}) {
    const columns = opts.columns ?? profile.sampleTypes.map((st) => st.type);
    const n = columns.length;
    const t = tables(profile, opts.keyOf ?? matchKey);
    const stackTable = opts.stacks ? new StackTable(n) : undefined;
    const goTypes = columns.join() === GO_HEAP_TYPES &&
        profile.sampleTypes.map((st) => st.type).join() === GO_HEAP_TYPES;
    const compiled = profile.packed && !stackTable && goTypes
        ? wasmFold(profile.packed, t, profile.period)
        : undefined;
    const sums = compiled ?? foldSamples(profile, t, columns, stackTable);
    const { fnFlat, fnCum, fnFlatVar, bestValue, bestSample, fnSeen } = sums;
    const { pkgFlat, pkgCum, pkgFlatVar, pkgSeen } = sums;
    // The four sample types' heaviest stacks are often one sample's: build each once.
    const built = new Map();
    const stackOf = (i) => {
        let frames = built.get(i);
        if (!frames)
            built.set(i, (frames = stackFrames(profile, t, i)));
        return frames;
    };
    // Only the ids seen in a sample with a value become nodes.
    const fnIds = seen(fnSeen);
    const functions = nodes(fnIds.map((fn) => t.fnKeys[fn]), fnIds.map((fn) => t.fnPackages[fn]), n);
    const withHeaviest = opts.heaviest !== false;
    for (let i = 0; i < fnIds.length; i++) {
        for (let c = 0, at = fnIds[i] * n; c < n; c++, at++) {
            const heavy = withHeaviest && bestSample[at] >= 0 && bestValue[at] > 0;
            put(functions, i, c, n, fnFlat[at], fnCum[at], fnFlatVar[at], heavy ? bestValue[at] : 0);
            if (heavy)
                functions.heaviest.push([i, c, stackOf(bestSample[at])]);
        }
    }
    const pkgIds = seen(pkgSeen);
    const pkgNames = pkgIds.map((pkg) => t.pkgKeys[pkg]);
    const packages = nodes(pkgNames, pkgNames, n);
    for (let i = 0; i < pkgIds.length; i++) {
        for (let c = 0, at = pkgIds[i] * n; c < n; c++, at++) {
            put(packages, i, c, n, pkgFlat[at], pkgCum[at], pkgFlatVar[at], 0);
        }
    }
    const fold = {
        sampleTypes: columns,
        totals: Array.from(sums.totals),
        totalsVar: Array.from(sums.totalsVar),
        functions,
        packages,
    };
    if (!stackTable)
        return fold;
    const { stacks, omitted } = stackTable.kept(sums.totals);
    const frames = stacks.map((s) => stackOf(s.sample));
    fold.stacks = nodes(stacks.map((s) => Array.from(s.ids, (fn) => t.fnKeys[fn]).join(STACK_SEPARATOR)), frames.map((f) => packageOf(f[0].function)), n);
    stacks.forEach((s, i) => {
        for (let c = 0; c < n; c++) {
            put(fold.stacks, i, c, n, s.sums[c], s.sums[c], s.vars[c], 0);
            fold.stacks.heaviest.push([i, c, frames[i]]);
        }
    });
    fold.stacksOmitted = omitted;
    return fold;
}
/** The ids counted in some sample with a value (their last sample is set). */
function seen(lastSample) {
    const ids = [];
    for (let id = 0; id < lastSample.length; id++)
        if (lastSample[id] >= 0)
            ids.push(id);
    return ids;
}
/** Nodes with these names and packages, their sums zero. */
function nodes(names, packages, n) {
    return {
        names,
        packages,
        sums: new Float64Array(names.length * NODE_SUMS.length * n),
        heaviest: [],
    };
}
const { flat: FLAT, cum: CUM, flatVar: FLAT_VAR, heaviestValue: HEAVIEST } = NODE_SUM_AT;
/** Sets node i's sums in sample type c (a loop over an object per call cost 0.1 s in 2,000 files). */
function put(nodes, i, c, n, flat, cum, flatVar, heaviestValue) {
    const at = i * NODE_SUMS.length * n + c;
    nodes.sums[at + FLAT * n] = flat;
    nodes.sums[at + CUM * n] = cum;
    nodes.sums[at + FLAT_VAR * n] = flatVar;
    nodes.sums[at + HEAVIEST * n] = heaviestValue;
}
/**
 * Where a stack starts once the allocator's own leading runtime frames are dropped:
 * [location position, frame within it]. A stack that is runtime only is kept whole.
 * Returns [-1, 0] for an empty stack.
 */
function firstKept(t, locs, start, end) {
    for (let k = start; k < end; k++)
        if (t.firstOwn[locs[k]] >= 0)
            return [k, t.firstOwn[locs[k]]];
    return start < end ? [start, 0] : [-1, 0];
}
/** The frames of sample i, leaf first, without its leading runtime frames. */
function stackFrames(profile, t, i) {
    const locs = profile.locationsOf(i);
    const [k0, f0] = firstKept(t, locs, 0, locs.length);
    const { start } = profile.frames;
    const frames = [];
    for (let k = Math.max(k0, 0); k < locs.length; k++) {
        const l = locs[k];
        for (let at = start[l] + (k === k0 ? f0 : 0); at < start[l + 1]; at++)
            frames.push(frameAt(profile.frames, at));
    }
    return frames;
}

// pprof-format returns a number or a bigint per value, and negative int64 values come back
// unsigned. Every value crosses this border once.
const TWO_63 = 1n << 63n;
/** Converts a decoded protobuf integer to a signed JavaScript number. */
function toNumber(v) {
    if (typeof v === 'number')
        return v;
    return Number(v >= TWO_63 ? BigInt.asIntN(64, v) : v);
}
/**
 * True for a MemStats value worth keeping: finite and exact as a double. Larger ones are
 * sentinels (NextGC is 2^64-1 while GC is off) or were rounded by JSON.parse.
 */
function isExact(v) {
    return typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= Number.MAX_SAFE_INTEGER;
}

// Reads the legacy text heap profile that /debug/pprof/heap?debug=1 serves.
const HEADER = /^heap profile: *(\d+): *(\d+) *\[ *(\d+): *(\d+) *\] *@ *heap\/(\d+)/;
const RECORD = /^(\d+): *(\d+) *\[ *(\d+): *(\d+) *\] *@(.*)$/;
/** The sample types of a text heap profile, in the order Go's protobuf writer uses. */
const HEAP_SAMPLE_TYPES = [
    { type: 'alloc_objects', unit: 'count' },
    { type: 'alloc_space', unit: 'bytes' },
    { type: 'inuse_objects', unit: 'count' },
    { type: 'inuse_space', unit: 'bytes' },
];
const FRAME = /^#\t(0x[0-9a-f]+)\t(.+?)\+0x[0-9a-f]+\t(.*):(\d+)$/;
/** True when the text starts like a debug=1 heap profile. */
function isHeapText(head) {
    return /^heap profile: *\d+: *\d+ *\[/.test(head);
}
/** Reads the text format, its profile folded. */
function readHeapText(text, source, opts = {}) {
    const { profile, ...rest } = decodeHeapText(text, source);
    return { profile: foldedProfile(profile, opts), ...rest };
}
/**
 * Parses the text format sample by sample. Its counts are raw, so each record is unbiased
 * exactly as Go's protobuf writer does (scaleHeapSample), with period = R/2 from `@ heap/R`.
 */
function decodeHeapText(text, source) {
    const lines = text.split('\n');
    const header = HEADER.exec(lines[0]);
    if (!header)
        throw malformed$1(source, 1, 'the first line is not a heap profile header');
    const period = Math.floor(Number(header[5]) / 2);
    const samples = [];
    // The comment lines under a record name its frames, one line per frame; an inlining
    // chain repeats one address. Each address becomes one location, shared by all records.
    const locationOf = new Map();
    const location = (addr, frames) => {
        let loc = locationOf.get(addr);
        if (!loc) {
            loc = frames;
            locationOf.set(addr, loc);
        }
        return loc;
    };
    let symbolized = false;
    let i = 1;
    for (; i < lines.length; i++) {
        const line = lines[i];
        if (line.startsWith('# runtime.MemStats'))
            break;
        if (line.trim() === '')
            continue;
        const rec = RECORD.exec(line);
        if (!rec)
            throw malformed$1(source, i + 1, `unexpected line "${line.slice(0, 60)}"`);
        const groups = [];
        while (i + 1 < lines.length && lines[i + 1].startsWith('#\t')) {
            const f = FRAME.exec(lines[++i]);
            if (!f)
                continue;
            const frame = { function: f[2], file: f[3], line: Number(f[4]) };
            const last = groups[groups.length - 1];
            if (last && last[0] === f[1])
                last[1].push(frame);
            else
                groups.push([f[1], [frame]]);
        }
        symbolized ||= groups.length > 0;
        const locations = groups.length > 0
            ? groups.map(([addr, frames]) => location(addr, frames))
            : rec[5]
                .trim()
                .split(/\s+/)
                .filter(Boolean)
                .map((a) => location(a, [{ function: a, file: '', line: 0 }]));
        const [inuseObjects, inuseBytes] = scale(Number(rec[1]), Number(rec[2]), period);
        const [allocObjects, allocBytes] = scale(Number(rec[3]), Number(rec[4]), period);
        samples.push({ locations, values: [allocObjects, allocBytes, inuseObjects, inuseBytes] });
    }
    const warnings = [];
    if (!symbolized && samples.length > 0) {
        warnings.push(warning('no-symbols', `${source}: frames carry no symbols; functions are shown as addresses`, source));
    }
    const memstats = i < lines.length ? readTrailer(lines.slice(i + 1)) : undefined;
    if (!memstats)
        warnings.push(warning('no-memstats-trailer', `${source}: no # runtime.MemStats trailer; the file may be cut short`, source));
    const head = { sampleTypes: HEAP_SAMPLE_TYPES, defaultSampleType: '', period, timeNanos: 0 };
    return {
        profile: profileFromSamples(head, samples),
        memstats,
        warnings,
    };
}
/** Go's scaleHeapSample: undo the bias of sampling one allocation per `rate` bytes. */
function scale(count, size, rate) {
    if (count === 0 || size === 0)
        return [0, 0];
    if (rate <= 1)
        return [count, size];
    const avgSize = size / count;
    const s = 1 / (1 - Math.exp(-avgSize / rate));
    return [Math.trunc(count * s), Math.trunc(size * s)];
}
/** `# Stack = 425984 / 425984` style lines hold an in-use and a sys figure. */
const PAIRS = {
    Stack: ['StackInuse', 'StackSys'],
    MSpan: ['MSpanInuse', 'MSpanSys'],
    MCache: ['MCacheInuse', 'MCacheSys'],
};
const SKIP$1 = new Set(['LastGC', 'PauseNs', 'PauseEnd', 'DebugGC', 'EnableGC']);
function readTrailer(lines) {
    const out = {};
    for (const line of lines) {
        const m = /^# (\w+) = (.*)$/.exec(line);
        if (!m || SKIP$1.has(m[1]))
            continue;
        const pair = PAIRS[m[1]];
        if (pair) {
            const p = /^(\d+) \/ (\d+)$/.exec(m[2]);
            if (p) {
                out[pair[0]] = Number(p[1]);
                out[pair[1]] = Number(p[2]);
            }
            continue;
        }
        const v = Number(m[2]);
        if (isExact(v))
            out[m[1]] = v;
    }
    return out;
}
function malformed$1(source, line, detail) {
    return new GateError('MALFORMED', `${source}:${line}: corrupt text heap profile: ${detail}`, 'fetch /debug/pprof/heap?debug=1 again');
}

/** True when a JSON object is a runtime/metrics dump. */
function isRuntimeMetrics(doc) {
    return typeof doc['/memory/classes/total:bytes'] === 'number';
}
/** The MemStats equivalents; the /memory/classes leaves partition total exactly as Sys. */
function readRuntimeMetrics(doc) {
    const v = (name) => {
        const x = doc[name];
        return isExact(x) ? x : 0;
    };
    const c = (leaf) => v(`/memory/classes/${leaf}:bytes`);
    const out = {
        Sys: c('total'),
        HeapAlloc: c('heap/objects'),
        Alloc: c('heap/objects'),
        HeapInuse: c('heap/objects') + c('heap/unused'),
        HeapIdle: c('heap/free') + c('heap/released'),
        HeapReleased: c('heap/released'),
        HeapSys: c('heap/objects') + c('heap/unused') + c('heap/free') + c('heap/released'),
        StackInuse: c('heap/stacks'),
        StackSys: c('heap/stacks') + c('os-stacks'),
        MSpanInuse: c('metadata/mspan/inuse'),
        MSpanSys: c('metadata/mspan/inuse') + c('metadata/mspan/free'),
        MCacheInuse: c('metadata/mcache/inuse'),
        MCacheSys: c('metadata/mcache/inuse') + c('metadata/mcache/free'),
        BuckHashSys: c('profiling/buckets'),
        GCSys: c('metadata/other') + c('metadata/gc'),
        OtherSys: c('other'),
    };
    const counters = {
        Goroutines: '/sched/goroutines:goroutines',
        NumGC: '/gc/cycles/total:gc-cycles',
        NumForcedGC: '/gc/cycles/forced:gc-cycles',
        TotalAlloc: '/gc/heap/allocs:bytes',
        Mallocs: '/gc/heap/allocs:objects',
        Frees: '/gc/heap/frees:objects',
        HeapObjects: '/gc/heap/objects:objects',
        NextGC: '/gc/heap/goal:bytes',
    };
    for (const [field, name] of Object.entries(counters)) {
        if (isExact(doc[name]))
            out[field] = doc[name];
    }
    return out;
}

// Reads runtime.MemStats as JSON: a json.Marshal dump, an expvar /debug/vars document, or a
// runtime/metrics dump.
// Fields whose values exceed 2^53 (JSON.parse rounds them) or are arrays: never diffed.
const SKIP = new Set(['LastGC', 'PauseNs', 'PauseEnd', 'BySize', 'EnableGC', 'DebugGC']);
/** Extra figures a dump may carry next to MemStats, under any of these names. */
const EXTRAS = {
    rss: 'RSS',
    RSS: 'RSS',
    goroutines: 'Goroutines',
    Goroutines: 'Goroutines',
    NumGoroutine: 'Goroutines',
};
/**
 * Reads the JSON text. Returns undefined when it parses but is not MemStats (so the
 * caller can say what it expected); throws on broken JSON.
 */
function readMemStatsJson(text, source) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (err) {
        throw new GateError('MALFORMED', `${source}: not valid JSON (${err.message})`, 'write the file with json.Marshal(runtime.MemStats) or save /debug/vars');
    }
    if (!isObject(doc))
        return undefined;
    if (isRuntimeMetrics(doc))
        return { format: 'runtime-metrics', memstats: readRuntimeMetrics(doc) };
    if (isMemStats(doc))
        return { format: 'memstats-json', memstats: pick(doc, doc) };
    if (isObject(doc.memstats) && isMemStats(doc.memstats)) {
        return { format: 'expvar', memstats: pick(doc.memstats, doc) };
    }
    return undefined;
}
function pick(stats, outer) {
    const out = {};
    for (const [k, v] of Object.entries(stats)) {
        if (!SKIP.has(k) && isExact(v))
            out[k] = v;
    }
    for (const doc of [stats, outer]) {
        for (const [k, field] of Object.entries(EXTRAS)) {
            const v = doc[k];
            if (isExact(v))
                out[field] = v;
        }
    }
    return out;
}
function isMemStats(o) {
    return typeof o.HeapAlloc === 'number' && typeof o.Sys === 'number';
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Unless explicitly stated otherwise all files in this repository are licensed under the MIT License.
 *
 * This product includes software developed at Datadog (https://www.datadoghq.com/  Copyright 2022 Datadog, Inc.
 */
var __classPrivateFieldGet = (undefined && undefined.__classPrivateFieldGet) || function (receiver, state, kind, f) {
    if (kind === "a" && !f) throw new TypeError("Private accessor was defined without a getter");
    if (typeof state === "function" ? receiver !== state || !f : !state.has(receiver)) throw new TypeError("Cannot read private member from an object whose class did not declare it");
    return kind === "m" ? f : kind === "a" ? f.call(receiver) : f ? f.value : state.get(receiver);
};
var _StringTable_encodings, _StringTable_positions;
/*!
 * Private helpers. These are only used by other helpers.
 */
const lowMaxBig = 2n ** 32n - 1n;
const lowMax = 2 ** 32 - 1;
const lowMaxPlus1 = lowMax + 1;
// Buffer.from(string, 'utf8') is faster, when available
const toUtf8 = typeof Buffer === 'undefined'
    ? (value) => new TextEncoder().encode(value)
    : (value) => Buffer.from(value, 'utf8');
function countNumberBytes(buffer) {
    if (!buffer.length)
        return 0;
    let i = 0;
    while (i < buffer.length && buffer[i++] >= 0b10000000)
        ;
    return i;
}
function decodeBigNumber(buffer) {
    if (!buffer.length)
        return BigInt(0);
    let value = BigInt(buffer[0] & 0b01111111);
    let i = 0;
    while (buffer[i++] >= 0b10000000) {
        value |= BigInt(buffer[i] & 0b01111111) << BigInt(7 * i);
    }
    return value;
}
function makeValue(value, offset = 0) {
    return { value, offset };
}
function getValue(mode, buffer) {
    switch (mode) {
        case kTypeVarInt:
            for (let i = 0; i < buffer.length; i++) {
                if (!(buffer[i] & 0b10000000)) {
                    return makeValue(buffer.subarray(0, i + 1));
                }
            }
            return makeValue(buffer);
        case kTypeLengthDelim: {
            const offset = countNumberBytes(buffer);
            const size = decodeNumber(buffer);
            return makeValue(buffer.subarray(offset, Number(size) + offset), offset);
        }
        default:
            throw new Error(`Unrecognized value type: ${mode}`);
    }
}
function lowBits(number) {
    return typeof number !== 'bigint'
        ? (number >>> 0) % lowMaxPlus1
        : Number(number & lowMaxBig);
}
function highBits(number) {
    return typeof number !== 'bigint'
        ? (number / lowMaxPlus1) >>> 0
        : Number(number >> 32n & lowMaxBig);
}
function long(number) {
    const sign = number < 0;
    if (sign)
        number = -number;
    let lo = lowBits(number);
    let hi = highBits(number);
    if (sign) {
        hi = ~hi >>> 0;
        lo = ~lo >>> 0;
        if (++lo > lowMax) {
            lo = 0;
            if (++hi > lowMax) {
                hi = 0;
            }
        }
    }
    return [hi, lo];
}
/**
 * Public helpers. These are used in the type definitions.
 */
const kTypeVarInt = 0;
const kTypeLengthDelim = 2;
function decodeNumber(buffer) {
    const size = countNumberBytes(buffer);
    if (size > 4)
        return decodeBigNumber(buffer);
    if (!buffer.length)
        return 0;
    let value = buffer[0] & 0b01111111;
    let i = 0;
    while (buffer[i++] >= 0b10000000) {
        value |= (buffer[i] & 0b01111111) << (7 * i);
    }
    return value;
}
function decodeNumbers(buffer) {
    const values = [];
    let start = 0;
    for (let i = 0; i < buffer.length; i++) {
        if ((buffer[i] & 0b10000000) === 0) {
            values.push(decodeNumber(buffer.subarray(start, i + 1)));
            start = i + 1;
        }
    }
    return values;
}
function push(value, list) {
    if (list == null) {
        return [value];
    }
    list.push(value);
    return list;
}
function pushAll(values, list) {
    if (list == null) {
        return values;
    }
    for (const value of values) {
        list.push(value);
    }
    return list;
}
function measureNumber(number) {
    if (number === 0 || number === 0n)
        return 0;
    const [hi, lo] = long(number);
    const a = lo;
    const b = (lo >>> 28 | hi << 4) >>> 0;
    const c = hi >>> 24;
    if (c !== 0) {
        return c < 128 ? 9 : 10;
    }
    if (b !== 0) {
        if (b < 16384) {
            return b < 128 ? 5 : 6;
        }
        return b < 2097152 ? 7 : 8;
    }
    if (a < 16384) {
        return a < 128 ? 1 : 2;
    }
    return a < 2097152 ? 3 : 4;
}
function measureValue(value) {
    if (typeof value === 'undefined')
        return 0;
    if (typeof value === 'number' || typeof value === 'bigint') {
        return measureNumber(value) || 1;
    }
    return value.length;
}
function measureArray(list) {
    let size = 0;
    for (const item of list) {
        size += measureValue(item);
    }
    return size;
}
function measureNumberField(number) {
    const length = measureNumber(number);
    return length ? 1 + length : 0;
}
function measureNumberArrayField(values) {
    let total = 0;
    for (const value of values) {
        // Arrays should always include zeros to keep positions consistent
        total += measureNumber(value) || 1;
    }
    // Packed arrays are encoded as Tag,Len,ConcatenatedElements
    // Tag is only one byte because field number is always < 16 in pprof
    return total ? 1 + measureNumber(total) + total : 0;
}
function measureLengthDelimField(value) {
    const length = measureValue(value);
    // Length delimited records / submessages are encoded as Tag,Len,EncodedRecord
    // Tag is only one byte because field number is always < 16 in pprof
    return length ? 1 + measureNumber(length) + length : 0;
}
function measureLengthDelimArrayField(values) {
    let total = 0;
    for (const value of values) {
        total += measureLengthDelimField(value);
    }
    return total;
}
function encodeNumber(buffer, i, number) {
    if (number === 0 || number === 0n) {
        buffer[i++] = 0;
        return i;
    }
    let [hi, lo] = long(number);
    while (hi) {
        buffer[i++] = lo & 127 | 128;
        lo = (lo >>> 7 | hi << 25) >>> 0;
        hi >>>= 7;
    }
    while (lo > 127) {
        buffer[i++] = lo & 127 | 128;
        lo = lo >>> 7;
    }
    buffer[i++] = lo;
    return i;
}
const emptyTableToken = Symbol();
class StringTable {
    constructor(tok) {
        this.strings = new Array();
        _StringTable_encodings.set(this, new Array());
        _StringTable_positions.set(this, new Map());
        if (tok !== emptyTableToken) {
            this.dedup('');
        }
    }
    get encodedLength() {
        let size = 0;
        for (const encoded of __classPrivateFieldGet(this, _StringTable_encodings, "f")) {
            size += encoded.length;
        }
        return size;
    }
    _encodeToBuffer(buffer, offset) {
        for (const encoded of __classPrivateFieldGet(this, _StringTable_encodings, "f")) {
            buffer.set(encoded, offset);
            offset += encoded.length;
        }
        return offset;
    }
    encode(buffer = new Uint8Array(this.encodedLength)) {
        this._encodeToBuffer(buffer, 0);
        return buffer;
    }
    static _encodeStringFromUtf8(stringBuffer) {
        const buffer = new Uint8Array(1 + stringBuffer.length + (measureNumber(stringBuffer.length) || 1));
        let offset = 0;
        buffer[offset++] = 50; // (6 << 3) + kTypeLengthDelim
        offset = encodeNumber(buffer, offset, stringBuffer.length);
        if (stringBuffer.length > 0) {
            buffer.set(stringBuffer, offset);
        }
        return buffer;
    }
    static _encodeString(string) {
        return StringTable._encodeStringFromUtf8(toUtf8(string));
    }
    dedup(string) {
        if (typeof string === 'number')
            return string;
        if (!__classPrivateFieldGet(this, _StringTable_positions, "f").has(string)) {
            const pos = this.strings.push(string) - 1;
            __classPrivateFieldGet(this, _StringTable_positions, "f").set(string, pos);
            // Encode strings on insertion
            __classPrivateFieldGet(this, _StringTable_encodings, "f").push(StringTable._encodeString(string));
        }
        return __classPrivateFieldGet(this, _StringTable_positions, "f").get(string);
    }
    _decodeString(buffer) {
        const string = new TextDecoder().decode(buffer);
        __classPrivateFieldGet(this, _StringTable_positions, "f").set(string, this.strings.push(string) - 1);
        __classPrivateFieldGet(this, _StringTable_encodings, "f").push(StringTable._encodeStringFromUtf8(buffer));
    }
}
_StringTable_encodings = new WeakMap(), _StringTable_positions = new WeakMap();
function decode(buffer, decoder) {
    const data = {};
    let index = 0;
    while (index < buffer.length) {
        const field = buffer[index] >> 3;
        const mode = buffer[index] & 0b111;
        index++;
        const { offset, value } = getValue(mode, buffer.subarray(index));
        index += value.length + offset;
        decoder(data, field, value);
    }
    return data;
}
class ValueType {
    static create(data) {
        return data instanceof ValueType ? data : new ValueType(data);
    }
    constructor(data) {
        this.type = data.type || 0;
        this.unit = data.unit || 0;
    }
    get length() {
        let total = 0;
        total += measureNumberField(this.type);
        total += measureNumberField(this.unit);
        return total;
    }
    _encodeToBuffer(buffer, offset = 0) {
        if (this.type) {
            buffer[offset++] = 8; // (1 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.type);
        }
        if (this.unit) {
            buffer[offset++] = 16; // (2 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.unit);
        }
        return offset;
    }
    encode(buffer = new Uint8Array(this.length)) {
        this._encodeToBuffer(buffer, 0);
        return buffer;
    }
    static decodeValue(data, field, buffer) {
        switch (field) {
            case 1:
                data.type = decodeNumber(buffer);
                break;
            case 2:
                data.unit = decodeNumber(buffer);
                break;
        }
    }
    static decode(buffer) {
        return new this(decode(buffer, this.decodeValue));
    }
}
class Label {
    static create(data) {
        return data instanceof Label ? data : new Label(data);
    }
    constructor(data) {
        this.key = data.key || 0;
        this.str = data.str || 0;
        this.num = data.num || 0;
        this.numUnit = data.numUnit || 0;
    }
    get length() {
        let total = 0;
        total += measureNumberField(this.key);
        total += measureNumberField(this.str);
        total += measureNumberField(this.num);
        total += measureNumberField(this.numUnit);
        return total;
    }
    _encodeToBuffer(buffer, offset = 0) {
        if (this.key) {
            buffer[offset++] = 8; // (1 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.key);
        }
        if (this.str) {
            buffer[offset++] = 16; // (2 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.str);
        }
        if (this.num) {
            buffer[offset++] = 24; // (3 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.num);
        }
        if (this.numUnit) {
            buffer[offset++] = 32; // (4 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.numUnit);
        }
        return offset;
    }
    encode(buffer = new Uint8Array(this.length)) {
        this._encodeToBuffer(buffer, 0);
        return buffer;
    }
    static decodeValue(data, field, buffer) {
        switch (field) {
            case 1:
                data.key = decodeNumber(buffer);
                break;
            case 2:
                data.str = decodeNumber(buffer);
                break;
            case 3:
                data.num = decodeNumber(buffer);
                break;
            case 4:
                data.numUnit = decodeNumber(buffer);
                break;
        }
    }
    static decode(buffer) {
        return new this(decode(buffer, this.decodeValue));
    }
}
class Sample {
    static create(data) {
        return data instanceof Sample ? data : new Sample(data);
    }
    constructor(data) {
        this.locationId = data.locationId || [];
        this.value = data.value || [];
        this.label = (data.label || []).map(Label.create);
    }
    get length() {
        let total = 0;
        total += measureNumberArrayField(this.locationId);
        total += measureNumberArrayField(this.value);
        total += measureLengthDelimArrayField(this.label);
        return total;
    }
    _encodeToBuffer(buffer, offset = 0) {
        if (this.locationId.length) {
            buffer[offset++] = 10; // (1 << 3) + kTypeLengthDelim
            offset = encodeNumber(buffer, offset, measureArray(this.locationId));
            for (const locationId of this.locationId) {
                offset = encodeNumber(buffer, offset, locationId);
            }
        }
        if (this.value.length) {
            buffer[offset++] = 18; // (2 << 3) + kTypeLengthDelim
            offset = encodeNumber(buffer, offset, measureArray(this.value));
            for (const value of this.value) {
                offset = encodeNumber(buffer, offset, value);
            }
        }
        for (const label of this.label) {
            buffer[offset++] = 26; // (3 << 3) + kTypeLengthDelim
            offset = encodeNumber(buffer, offset, label.length);
            offset = label._encodeToBuffer(buffer, offset);
        }
        return offset;
    }
    encode(buffer = new Uint8Array(this.length)) {
        this._encodeToBuffer(buffer, 0);
        return buffer;
    }
    static decodeValue(data, field, buffer) {
        switch (field) {
            case 1:
                data.locationId = pushAll(decodeNumbers(buffer), data.locationId);
                break;
            case 2:
                data.value = pushAll(decodeNumbers(buffer), data.value);
                break;
            case 3:
                data.label = push(Label.decode(buffer), data.label);
                break;
        }
    }
    static decode(buffer) {
        return new this(decode(buffer, this.decodeValue));
    }
}
class Mapping {
    static create(data) {
        return data instanceof Mapping ? data : new Mapping(data);
    }
    constructor(data) {
        this.id = data.id || 0;
        this.memoryStart = data.memoryStart || 0;
        this.memoryLimit = data.memoryLimit || 0;
        this.fileOffset = data.fileOffset || 0;
        this.filename = data.filename || 0;
        this.buildId = data.buildId || 0;
        this.hasFunctions = !!data.hasFunctions;
        this.hasFilenames = !!data.hasFilenames;
        this.hasLineNumbers = !!data.hasLineNumbers;
        this.hasInlineFrames = !!data.hasInlineFrames;
    }
    get length() {
        let total = 0;
        total += measureNumberField(this.id);
        total += measureNumberField(this.memoryStart);
        total += measureNumberField(this.memoryLimit);
        total += measureNumberField(this.fileOffset);
        total += measureNumberField(this.filename);
        total += measureNumberField(this.buildId);
        total += measureNumberField(this.hasFunctions ? 1 : 0);
        total += measureNumberField(this.hasFilenames ? 1 : 0);
        total += measureNumberField(this.hasLineNumbers ? 1 : 0);
        total += measureNumberField(this.hasInlineFrames ? 1 : 0);
        return total;
    }
    _encodeToBuffer(buffer, offset = 0) {
        if (this.id) {
            buffer[offset++] = 8; // (1 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.id);
        }
        if (this.memoryStart) {
            buffer[offset++] = 16; // (2 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.memoryStart);
        }
        if (this.memoryLimit) {
            buffer[offset++] = 24; // (3 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.memoryLimit);
        }
        if (this.fileOffset) {
            buffer[offset++] = 32; // (4 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.fileOffset);
        }
        if (this.filename) {
            buffer[offset++] = 40; // (5 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.filename);
        }
        if (this.buildId) {
            buffer[offset++] = 48; // (6 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.buildId);
        }
        if (this.hasFunctions) {
            buffer[offset++] = 56; // (7 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, 1);
        }
        if (this.hasFilenames) {
            buffer[offset++] = 64; // (8 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, 1);
        }
        if (this.hasLineNumbers) {
            buffer[offset++] = 72; // (9 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, 1);
        }
        if (this.hasInlineFrames) {
            buffer[offset++] = 80; // (10 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, 1);
        }
        return offset;
    }
    encode(buffer = new Uint8Array(this.length)) {
        this._encodeToBuffer(buffer, 0);
        return buffer;
    }
    static decodeValue(data, field, buffer) {
        switch (field) {
            case 1:
                data.id = decodeNumber(buffer);
                break;
            case 2:
                data.memoryStart = decodeNumber(buffer);
                break;
            case 3:
                data.memoryLimit = decodeNumber(buffer);
                break;
            case 4:
                data.fileOffset = decodeNumber(buffer);
                break;
            case 5:
                data.filename = decodeNumber(buffer);
                break;
            case 6:
                data.buildId = decodeNumber(buffer);
                break;
            case 7:
                data.hasFunctions = !!decodeNumber(buffer);
                break;
            case 8:
                data.hasFilenames = !!decodeNumber(buffer);
                break;
            case 9:
                data.hasLineNumbers = !!decodeNumber(buffer);
                break;
            case 10:
                data.hasInlineFrames = !!decodeNumber(buffer);
                break;
        }
    }
    static decode(buffer) {
        return new this(decode(buffer, this.decodeValue));
    }
}
class Line {
    static create(data) {
        return data instanceof Line ? data : new Line(data);
    }
    constructor(data) {
        this.functionId = data.functionId || 0;
        this.line = data.line || 0;
        this.column = data.column || 0;
    }
    get length() {
        let total = 0;
        total += measureNumberField(this.functionId);
        total += measureNumberField(this.line);
        total += measureNumberField(this.column);
        return total;
    }
    _encodeToBuffer(buffer, offset = 0) {
        if (this.functionId) {
            buffer[offset++] = 8; // (1 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.functionId);
        }
        if (this.line) {
            buffer[offset++] = 16; // (2 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.line);
        }
        if (this.column) {
            buffer[offset++] = 24; // (3 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.column);
        }
        return offset;
    }
    encode(buffer = new Uint8Array(this.length)) {
        this._encodeToBuffer(buffer, 0);
        return buffer;
    }
    static decodeValue(data, field, buffer) {
        switch (field) {
            case 1:
                data.functionId = decodeNumber(buffer);
                break;
            case 2:
                data.line = decodeNumber(buffer);
                break;
            case 3:
                data.column = decodeNumber(buffer);
                break;
        }
    }
    static decode(buffer) {
        return new this(decode(buffer, this.decodeValue));
    }
}
class Location {
    static create(data) {
        return data instanceof Location ? data : new Location(data);
    }
    constructor(data) {
        this.id = data.id || 0;
        this.mappingId = data.mappingId || 0;
        this.address = data.address || 0;
        this.line = (data.line || []).map(Line.create);
        this.isFolded = !!data.isFolded;
    }
    get length() {
        let total = 0;
        total += measureNumberField(this.id);
        total += measureNumberField(this.mappingId);
        total += measureNumberField(this.address);
        total += measureLengthDelimArrayField(this.line);
        total += measureNumberField(this.isFolded ? 1 : 0);
        return total;
    }
    _encodeToBuffer(buffer, offset = 0) {
        if (this.id) {
            buffer[offset++] = 8; // (1 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.id);
        }
        if (this.mappingId) {
            buffer[offset++] = 16; // (2 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.mappingId);
        }
        if (this.address) {
            buffer[offset++] = 24; // (3 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.address);
        }
        for (const line of this.line) {
            buffer[offset++] = 34; // (4 << 3) + kTypeLengthDelim
            offset = encodeNumber(buffer, offset, line.length);
            offset = line._encodeToBuffer(buffer, offset);
        }
        if (this.isFolded) {
            buffer[offset++] = 40; // (5 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, 1);
        }
        return offset;
    }
    encode(buffer = new Uint8Array(this.length)) {
        this._encodeToBuffer(buffer, 0);
        return buffer;
    }
    static decodeValue(data, field, buffer) {
        switch (field) {
            case 1:
                data.id = decodeNumber(buffer);
                break;
            case 2:
                data.mappingId = decodeNumber(buffer);
                break;
            case 3:
                data.address = decodeNumber(buffer);
                break;
            case 4:
                data.line = push(Line.decode(buffer), data.line);
                break;
            case 5:
                data.isFolded = !!decodeNumber(buffer);
                break;
        }
    }
    static decode(buffer) {
        return new this(decode(buffer, this.decodeValue));
    }
}
class Function {
    static create(data) {
        return data instanceof Function ? data : new Function(data);
    }
    constructor(data) {
        this.id = data.id || 0;
        this.name = data.name || 0;
        this.systemName = data.systemName || 0;
        this.filename = data.filename || 0;
        this.startLine = data.startLine || 0;
    }
    get length() {
        let total = 0;
        total += measureNumberField(this.id);
        total += measureNumberField(this.name);
        total += measureNumberField(this.systemName);
        total += measureNumberField(this.filename);
        total += measureNumberField(this.startLine);
        return total;
    }
    _encodeToBuffer(buffer, offset = 0) {
        if (this.id) {
            buffer[offset++] = 8; // (1 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.id);
        }
        if (this.name) {
            buffer[offset++] = 16; // (2 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.name);
        }
        if (this.systemName) {
            buffer[offset++] = 24; // (3 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.systemName);
        }
        if (this.filename) {
            buffer[offset++] = 32; // (4 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.filename);
        }
        if (this.startLine) {
            buffer[offset++] = 40; // (5 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.startLine);
        }
        return offset;
    }
    encode(buffer = new Uint8Array(this.length)) {
        this._encodeToBuffer(buffer, 0);
        return buffer;
    }
    static decodeValue(data, field, buffer) {
        switch (field) {
            case 1:
                data.id = decodeNumber(buffer);
                break;
            case 2:
                data.name = decodeNumber(buffer);
                break;
            case 3:
                data.systemName = decodeNumber(buffer);
                break;
            case 4:
                data.filename = decodeNumber(buffer);
                break;
            case 5:
                data.startLine = decodeNumber(buffer);
                break;
        }
    }
    static decode(buffer) {
        return new this(decode(buffer, this.decodeValue));
    }
}
class Profile {
    constructor(data = {}) {
        this.sampleType = (data.sampleType || []).map(ValueType.create);
        this.sample = (data.sample || []).map(Sample.create);
        this.mapping = (data.mapping || []).map(Mapping.create);
        this.location = (data.location || []).map(Location.create);
        this.function = (data.function || []).map(Function.create);
        this.stringTable = data.stringTable || new StringTable();
        this.dropFrames = data.dropFrames || 0;
        this.keepFrames = data.keepFrames || 0;
        this.timeNanos = data.timeNanos || 0;
        this.durationNanos = data.durationNanos || 0;
        this.periodType = data.periodType ? ValueType.create(data.periodType) : undefined;
        this.period = data.period || 0;
        this.comment = data.comment || [];
        this.defaultSampleType = data.defaultSampleType || 0;
        this.docUrl = data.docUrl || 0;
    }
    get length() {
        let total = 0;
        total += measureLengthDelimArrayField(this.sampleType);
        total += measureLengthDelimArrayField(this.sample);
        total += measureLengthDelimArrayField(this.mapping);
        total += measureLengthDelimArrayField(this.location);
        total += measureLengthDelimArrayField(this.function);
        total += this.stringTable.encodedLength;
        total += measureNumberField(this.dropFrames);
        total += measureNumberField(this.keepFrames);
        total += measureNumberField(this.timeNanos);
        total += measureNumberField(this.durationNanos);
        total += measureLengthDelimField(this.periodType);
        total += measureNumberField(this.period);
        total += measureNumberArrayField(this.comment);
        total += measureNumberField(this.defaultSampleType);
        total += measureNumberField(this.docUrl);
        return total;
    }
    _encodeSampleTypesToBuffer(buffer, offset = 0) {
        for (const sampleType of this.sampleType) {
            buffer[offset++] = 10; // (1 << 3) + kTypeLengthDelim
            offset = encodeNumber(buffer, offset, sampleType.length);
            offset = sampleType._encodeToBuffer(buffer, offset);
        }
        return offset;
    }
    _encodeSamplesToBuffer(buffer, offset = 0) {
        for (const sample of this.sample) {
            buffer[offset++] = 18; // (2 << 3) + kTypeLengthDelim
            offset = encodeNumber(buffer, offset, sample.length);
            offset = sample._encodeToBuffer(buffer, offset);
        }
        return offset;
    }
    _encodeMappingsToBuffer(buffer, offset = 0) {
        for (const mapping of this.mapping) {
            buffer[offset++] = 26; // (3 << 3) + kTypeLengthDelim
            offset = encodeNumber(buffer, offset, mapping.length);
            offset = mapping._encodeToBuffer(buffer, offset);
        }
        return offset;
    }
    _encodeLocationsToBuffer(buffer, offset = 0) {
        for (const location of this.location) {
            buffer[offset++] = 34; // (4 << 3) + kTypeLengthDelim
            offset = encodeNumber(buffer, offset, location.length);
            offset = location._encodeToBuffer(buffer, offset);
        }
        return offset;
    }
    _encodeFunctionsToBuffer(buffer, offset = 0) {
        for (const fun of this.function) {
            buffer[offset++] = 42; // (5 << 3) + kTypeLengthDelim
            offset = encodeNumber(buffer, offset, fun.length);
            offset = fun._encodeToBuffer(buffer, offset);
        }
        return offset;
    }
    _encodeBasicValuesToBuffer(buffer, offset = 0) {
        if (this.dropFrames) {
            buffer[offset++] = 56; // (7 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.dropFrames);
        }
        if (this.keepFrames) {
            buffer[offset++] = 64; // (8 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.keepFrames);
        }
        if (this.timeNanos) {
            buffer[offset++] = 72; // (9 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.timeNanos);
        }
        if (this.durationNanos) {
            buffer[offset++] = 80; // (10 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.durationNanos);
        }
        if (typeof this.periodType !== 'undefined') {
            buffer[offset++] = 90; // (11 << 3) + kTypeLengthDelim
            offset = encodeNumber(buffer, offset, this.periodType.length);
            offset = this.periodType._encodeToBuffer(buffer, offset);
        }
        if (this.period) {
            buffer[offset++] = 96; // (12 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.period);
        }
        if (this.comment.length) {
            buffer[offset++] = 106; // (13 << 3) + kTypeLengthDelim
            offset = encodeNumber(buffer, offset, measureArray(this.comment));
            for (const comment of this.comment) {
                offset = encodeNumber(buffer, offset, comment);
            }
        }
        if (this.defaultSampleType) {
            buffer[offset++] = 112; // (14 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.defaultSampleType);
        }
        if (this.docUrl) {
            buffer[offset++] = 120; // (15 << 3) + kTypeVarInt
            offset = encodeNumber(buffer, offset, this.docUrl);
        }
        return offset;
    }
    _encodeToBuffer(buffer, offset = 0) {
        offset = this._encodeSampleTypesToBuffer(buffer, offset);
        offset = this._encodeSamplesToBuffer(buffer, offset);
        offset = this._encodeMappingsToBuffer(buffer, offset);
        offset = this._encodeLocationsToBuffer(buffer, offset);
        offset = this._encodeFunctionsToBuffer(buffer, offset);
        offset = this.stringTable._encodeToBuffer(buffer, offset);
        offset = this._encodeBasicValuesToBuffer(buffer, offset);
        return offset;
    }
    async _encodeToBufferAsync(buffer, offset = 0) {
        offset = this._encodeSampleTypesToBuffer(buffer, offset);
        await new Promise(setImmediate);
        offset = this._encodeSamplesToBuffer(buffer, offset);
        await new Promise(setImmediate);
        offset = this._encodeMappingsToBuffer(buffer, offset);
        await new Promise(setImmediate);
        offset = this._encodeLocationsToBuffer(buffer, offset);
        await new Promise(setImmediate);
        offset = this._encodeFunctionsToBuffer(buffer, offset);
        await new Promise(setImmediate);
        offset = this.stringTable._encodeToBuffer(buffer, offset);
        await new Promise(setImmediate);
        offset = this._encodeBasicValuesToBuffer(buffer, offset);
        return offset;
    }
    encode(buffer = new Uint8Array(this.length)) {
        this._encodeToBuffer(buffer, 0);
        return buffer;
    }
    async encodeAsync(buffer = new Uint8Array(this.length)) {
        await this._encodeToBufferAsync(buffer, 0);
        return buffer;
    }
    static decodeValue(data, field, buffer) {
        switch (field) {
            case 1:
                data.sampleType = push(ValueType.decode(buffer), data.sampleType);
                break;
            case 2:
                data.sample = push(Sample.decode(buffer), data.sample);
                break;
            case 3:
                data.mapping = push(Mapping.decode(buffer), data.mapping);
                break;
            case 4:
                data.location = push(Location.decode(buffer), data.location);
                break;
            case 5:
                data.function = push(Function.decode(buffer), data.function);
                break;
            case 6: {
                if (data.stringTable === undefined) {
                    data.stringTable = new StringTable(emptyTableToken);
                }
                data.stringTable._decodeString(buffer);
                break;
            }
            case 7:
                data.dropFrames = decodeNumber(buffer);
                break;
            case 8:
                data.keepFrames = decodeNumber(buffer);
                break;
            case 9:
                data.timeNanos = decodeNumber(buffer);
                break;
            case 10:
                data.durationNanos = decodeNumber(buffer);
                break;
            case 11:
                data.periodType = ValueType.decode(buffer);
                break;
            case 12:
                data.period = decodeNumber(buffer);
                break;
            case 13:
                data.comment = pushAll(decodeNumbers(buffer), data.comment);
                break;
            case 14:
                data.defaultSampleType = decodeNumber(buffer);
                break;
            case 15:
                data.docUrl = decodeNumber(buffer);
                break;
        }
    }
    static decode(buffer) {
        return new this(decode(buffer, this.decodeValue));
    }
}

// The few protobuf wire-format primitives the sample pass needs; pprof-format does the rest.
/** A cursor over protobuf bytes. Throws RangeError when a field runs past the end. */
class WireReader {
    buf;
    pos;
    end;
    constructor(buf, start = 0, end = buf.length) {
        this.buf = buf;
        this.pos = start;
        this.end = end;
    }
    /** Points the cursor at [start, end) of the same bytes. */
    reset(start, end) {
        this.pos = start;
        this.end = end;
    }
    /** True while bytes remain. */
    more() {
        return this.pos < this.end;
    }
    /**
     * Reads a varint as a signed int64 in a double: exact up to 2^53, and negative values
     * (ten-byte encodings) come back negative, not as huge unsigned numbers.
     */
    varint() {
        const buf = this.buf;
        let b = buf[this.pos++];
        if (b < 0x80)
            return b;
        let result = b & 0x7f;
        let mul = 0x80;
        for (let i = 1; i < 10; i++) {
            if (this.pos >= this.end)
                throw new RangeError('varint runs past the end');
            b = buf[this.pos++];
            if (i === 9 || (i === 8 && b >= 0x80))
                return this.slowVarint(i);
            result += (b & 0x7f) * mul;
            if (b < 0x80)
                return result;
            mul *= 0x80;
        }
        throw new RangeError('varint longer than ten bytes');
    }
    /** Re-reads a long varint with BigInt so that int64 wrap-around is exact. */
    slowVarint(consumed) {
        let start = this.pos - consumed - 1;
        let v = 0n;
        let shift = 0n;
        for (;;) {
            const b = this.buf[start++];
            v |= BigInt(b & 0x7f) << shift;
            shift += 7n;
            if (b < 0x80 || shift >= 70n)
                break;
        }
        this.pos = start;
        return Number(BigInt.asIntN(64, v));
    }
    /** Reads a tag; returns [field number, wire type]. */
    tag() {
        const t = this.varint();
        return [Math.floor(t / 8), t & 7];
    }
    /** Reads a length prefix and returns the [start, end) of the payload. */
    bytes() {
        const len = this.varint();
        const start = this.pos;
        this.pos += len;
        if (this.pos > this.end)
            throw new RangeError('field runs past the end');
        return [start, this.pos];
    }
    /** Reads a length prefix; returns where the payload ends (it starts at `pos`). */
    lengthEnd() {
        const length = this.varint();
        const end = this.pos + length;
        if (end > this.end)
            throw new RangeError('field runs past the end');
        return end;
    }
    /** Skips one field of the given wire type. */
    skip(wireType) {
        switch (wireType) {
            case 0:
                this.varint();
                return;
            case 1:
                this.pos += 8;
                break;
            case 2:
                this.bytes();
                return;
            case 5:
                this.pos += 4;
                break;
            default:
                throw new RangeError(`unknown wire type ${wireType}`);
        }
        if (this.pos > this.end)
            throw new RangeError('field runs past the end');
    }
}

// Reads a pprof protobuf (already inflated) into a folded HeapProfile.
//
// Two passes: the first walks the top-level fields, hands everything but the samples to
// pprof-format (locations, functions, strings: small) and notes where each sample lies;
// the second decodes the samples straight into typed arrays. Decoding a million samples
// into pprof-format's objects would take seconds and most of a gigabyte.
/** Sample types that make a profile a heap/allocs profile. */
const HEAP_TYPES = new Set(GO_HEAP_SAMPLE_TYPES);
/** Profile.sample: field 2, length-delimited. */
const SAMPLE_TAG = (2 << 3) | 2;
/** Profile.location: field 4, length-delimited. */
const LOCATION_TAG = (4 << 3) | 2;
/** Profile.function (field 5) and Profile.string_table (field 6), length-delimited. */
const FUNCTION_TAG = (5 << 3) | 2;
const STRING_TAG = (6 << 3) | 2;
/** Reads protobuf bytes, a heap profile folded; throws a GateError when they are neither heap nor goroutines. */
function readPprof(bytes, source, opts = {}) {
    const content = decodePprof(bytes, source);
    return content.kind === 'heap'
        ? { kind: 'heap', profile: foldedProfile(content.profile, opts) }
        : content;
}
/** Decodes protobuf bytes, a heap profile sample by sample (for the fold, and its tests). */
function decodePprof(bytes, source) {
    let meta;
    let sampleRanges;
    let longest;
    let locationRanges;
    let strings;
    let functions;
    try {
        ;
        ({ meta, sampleRanges, longest, locationRanges, strings, functions } = split(bytes));
    }
    catch (err) {
        throw notRecognised(source, err.message);
    }
    const str = (i) => strings[toNumber(i)] ?? '';
    const sampleTypes = meta.sampleType.map((t) => ({
        type: str(t.type),
        unit: str(t.unit),
    }));
    if (sampleTypes.length === 0 || strings[0] !== '' || sampleTypes.some((t) => t.type === '')) {
        throw notRecognised(source, 'no sample types');
    }
    const isGoroutine = sampleTypes.length === 1 && sampleTypes[0].type === 'goroutine';
    if (!isGoroutine && !sampleTypes.some((t) => HEAP_TYPES.has(t.type))) {
        throw new GateError('NOT_A_HEAP_PROFILE', `${source}: is a ${describeKind(sampleTypes)} (sample types ${sampleTypes.map((t) => t.type).join(', ')}), not a heap profile`, 'pass the output of go test -memprofile, /debug/pprof/heap or /debug/pprof/goroutine');
    }
    let read;
    try {
        read = readLocations(bytes, locationRanges, functions);
    }
    catch (err) {
        throw malformed(source, err.message);
    }
    const { frames, indexOfId } = read;
    const samples = lazySamples(bytes, sampleRanges, longest, frames.start.length - 1, sampleTypes.length, indexOfId, source);
    let locations;
    const profile = {
        sampleTypes,
        defaultSampleType: str(meta.defaultSampleType),
        period: toNumber(meta.period),
        timeNanos: toNumber(meta.timeNanos),
        frames,
        get locations() {
            return (locations ??= locationsOf(frames));
        },
        ...samples,
    };
    if (!isGoroutine)
        return { kind: 'heap', profile };
    const stacks = samplesOf(profile).map((s) => ({ frames: s.frames, count: s.values[0] }));
    return {
        kind: 'goroutine',
        goroutines: { total: stacks.reduce((n, s) => n + s.count, 0), stacks },
    };
}
/**
 * Pass one: the profile without its samples and locations, and the [start, end) of every
 * sample and location. Locations are decoded here rather than by pprof-format: there are
 * tens of thousands in a big profile, and its object per field made them most of the cost.
 * So are the functions and the strings, when every one is a plain length-delimited field
 * (pprof-format re-encodes each string as it reads it: 20-45 ms for 1,500 functions on a
 * fresh thread); otherwise pprof-format reads them, as it reads the rest.
 */
function split(bytes, apart = true) {
    const r = new WireReader(bytes);
    // Go's samples average 20-60 bytes: start with room for one per 32 bytes.
    let sampleRanges = new Uint32Array(Math.max(1024, (bytes.length >> 4) & -2));
    let count = 0;
    let longest = 0;
    let locationRanges = new Uint32Array(1024);
    let locationCount = 0;
    const functionRanges = [];
    const stringRanges = [];
    // The other fields, as runs of adjacent ones: Go writes them after the samples, so
    // usually one run (a copy per field would cost ~40,000 small buffers).
    const rest = [];
    let runStart = 0;
    let runEnd = 0;
    const length = bytes.length;
    let pos = 0;
    while (pos < length) {
        let start;
        let end;
        if (bytes[pos] === SAMPLE_TAG && pos + 1 < length && bytes[pos + 1] < 0x80) {
            // The hot path, once per sample: its tag and a one-byte length, read in place.
            start = pos + 2;
            end = start + bytes[pos + 1];
            if (end > length)
                throw new RangeError('field runs past the end');
        }
        else {
            r.reset(pos, length);
            const tag = r.varint();
            if (tag === LOCATION_TAG) {
                const end = r.lengthEnd();
                if (locationCount + 2 > locationRanges.length)
                    locationRanges = grown(locationRanges);
                locationRanges[locationCount++] = r.pos;
                locationRanges[locationCount++] = end;
                pos = end;
                continue;
            }
            if (apart && (tag === FUNCTION_TAG || tag === STRING_TAG)) {
                const end = r.lengthEnd();
                (tag === FUNCTION_TAG ? functionRanges : stringRanges).push(r.pos, end);
                pos = end;
                continue;
            }
            // A function or string of another wire type, or a field pprof-format would read
            // with a one-byte tag (and so could take for a function or string): it reads them all.
            if (apart && (tag >> 3 === 5 || tag >> 3 === 6 || tag >= 0x80))
                return split(bytes, false);
            if (tag !== SAMPLE_TAG) {
                r.skip(tag & 7);
                if (pos !== runEnd) {
                    if (runEnd > runStart)
                        rest.push(bytes.subarray(runStart, runEnd));
                    runStart = pos;
                }
                pos = runEnd = r.pos;
                continue;
            }
            end = r.lengthEnd();
            start = r.pos;
        }
        if (count + 2 > sampleRanges.length)
            sampleRanges = grown(sampleRanges);
        sampleRanges[count++] = start;
        sampleRanges[count++] = end;
        if (end - start > longest)
            longest = end - start;
        pos = end;
    }
    if (runEnd > runStart)
        rest.push(bytes.subarray(runStart, runEnd));
    // pprof-format takes a subarray per field: a plain Uint8Array's are far cheaper than a
    // Buffer's (which go through Buffer's own constructor), 0.1 s on a 17,000-location profile.
    const metaBytes = Buffer.concat(rest);
    const meta = Profile.decode(new Uint8Array(metaBytes.buffer, metaBytes.byteOffset, metaBytes.length));
    let strings = meta.stringTable.strings;
    let functions;
    if (apart) {
        // As pprof-format reads them: a table without strings is [''].
        const decoder = new TextDecoder();
        if (stringRanges.length > 0)
            strings = [];
        for (let i = 0; i < stringRanges.length; i += 2)
            strings.push(decoder.decode(bytes.subarray(stringRanges[i], stringRanges[i + 1])));
        functions = readFunctions(bytes, functionRanges, strings);
        if (!functions)
            return split(bytes, false);
    }
    functions ??= functionsOf(meta, strings);
    return {
        meta,
        strings,
        functions,
        // A view of a big table; a copy of a mostly empty one (small profiles are kept by the thousand).
        longest,
        sampleRanges: sampleRanges.length > 2 * count
            ? sampleRanges.slice(0, count)
            : sampleRanges.subarray(0, count),
        locationRanges: locationRanges.subarray(0, locationCount),
    };
}
/** The functions as pprof-format decoded them. */
function functionsOf(meta, strings) {
    const str = (i) => strings[toNumber(i)] ?? '';
    const functions = { list: [], indexOf: new Map() };
    for (const f of meta.function)
        addFunction(functions, toNumber(f.id), str(f.name), str(f.filename));
    return functions;
}
/** Adds a function; a frame shows a nameless one as <unknown>. Of two with one id, the last counts. */
function addFunction(functions, id, name, file) {
    functions.indexOf.set(id, functions.list.push({ name: name || '<unknown>', file }) - 1);
}
// Tags of Function's fields: id 1, name 2, system_name 3, filename 4, start_line 5 (varints).
const FUNCTION_ID = 1 << 3;
const FUNCTION_NAME = 2 << 3;
const FUNCTION_FILENAME = 4 << 3;
/**
 * The functions, read from the bytes. Undefined for anything pprof-format
 * would read differently (a field of another wire type, a tag or a value over four bytes),
 * which it then reads instead.
 */
function readFunctions(bytes, ranges, strings) {
    const r = new WireReader(bytes);
    const functions = { list: [], indexOf: new Map() };
    for (let i = 0; i < ranges.length; i += 2) {
        r.reset(ranges[i], ranges[i + 1]);
        let id = 0;
        let name = 0;
        let file = 0;
        while (r.more()) {
            const tag = bytes[r.pos++];
            if (tag >= 0x80 || (tag & 7) !== 0 || tag > 5 << 3 || !r.more())
                return undefined;
            const start = r.pos;
            let value;
            try {
                value = r.varint();
            }
            catch {
                return undefined;
            }
            if (r.pos - start > 4 || r.pos > r.end)
                return undefined;
            if (tag === FUNCTION_ID)
                id = value;
            else if (tag === FUNCTION_NAME)
                name = value;
            else if (tag === FUNCTION_FILENAME)
                file = value;
        }
        addFunction(functions, id, strings[name] ?? '', strings[file] ?? '');
    }
    return functions;
}
// Tags of Location's fields (id 1, address 3, line 4) and Line's (function_id 1, line 2).
const LOCATION_ID = 1 << 3;
const LOCATION_ADDRESS = 3 << 3;
const LOCATION_LINE = (4 << 3) | 2;
const LINE_FUNCTION = 1 << 3;
const LINE_LINE = 2 << 3;
/** Each location's inlining chain, innermost first (the last line is the real frame). */
function readLocations(bytes, ranges, functions) {
    const r = new WireReader(bytes);
    const inner = new WireReader(bytes);
    const count = ranges.length / 2;
    const list = functions.list;
    // A frame whose function is missing: <unknown>, added when first needed.
    let unknown = -1;
    const start = new Int32Array(count + 1);
    // Most locations have one line: room for one each, grown when more.
    let fn = new Int32Array(Math.max(16, count));
    let line = new Float64Array(fn.length);
    let at = 0;
    // Location id → index, made only once an id is not its index + 1 (Go numbers them 1…N).
    let indexOfId;
    for (let l = 0; l < count; l++) {
        r.reset(ranges[2 * l], ranges[2 * l + 1]);
        let id = 0;
        let address = 0;
        while (r.more()) {
            const tag = r.varint();
            if (tag === LOCATION_ID)
                id = r.varint();
            else if (tag === LOCATION_ADDRESS)
                address = r.varint();
            else if (tag === LOCATION_LINE) {
                const end = r.lengthEnd();
                inner.reset(r.pos, end);
                let functionId = 0;
                let lineNo = 0;
                while (inner.more()) {
                    const t = inner.varint();
                    if (t === LINE_FUNCTION)
                        functionId = inner.varint();
                    else if (t === LINE_LINE)
                        lineNo = inner.varint();
                    else
                        inner.skip(t & 7);
                }
                let f = functions.indexOf.get(functionId);
                if (f === undefined) {
                    if (unknown < 0)
                        unknown = list.push({ name: '<unknown>', file: '' }) - 1;
                    f = unknown;
                }
                if (at === fn.length) {
                    fn = grown(fn);
                    line = grown(line);
                }
                fn[at] = f;
                line[at++] = lineNo;
                r.pos = end;
            }
            else
                r.skip(tag & 7);
        }
        if (at === start[l]) {
            // No line: the address stands for the function.
            if (at === fn.length) {
                fn = grown(fn);
                line = grown(line);
            }
            fn[at] = list.push({ name: `0x${address.toString(16)}`, file: '' }) - 1;
            line[at++] = 0;
        }
        start[l + 1] = at;
        if (!indexOfId && id !== l + 1) {
            indexOfId = new Map();
            for (let k = 0; k < l; k++)
                indexOfId.set(k + 1, k);
        }
        indexOfId?.set(id, l);
    }
    return {
        frames: { functions: list, start, fn: fn.slice(0, at), line: line.slice(0, at) },
        indexOfId,
    };
}
/**
 * Pass two, on demand: the samples stay in the profile's bytes and are decoded as they are
 * visited, into scratch arrays. A corrupt sample is a GateError naming the file when it is
 * met (the fold visits every sample once).
 */
function lazySamples(bytes, ranges, longest, locations, width, indexOfId, source) {
    const n = ranges.length / 2;
    const r = new WireReader(bytes);
    const inner = new WireReader(bytes);
    let locs = new Uint32Array(64);
    const values = new Float64Array(width);
    const missing = (id) => malformed(source, `a sample refers to missing location ${id}`);
    // Go numbers locations 1…N in the order it writes them: then id − 1 is the index, and
    // the lookup (once per frame) is a subtraction.
    const count = indexOfId?.size ?? locations;
    const sequential = !indexOfId || [...indexOfId].every(([id, i]) => id === i + 1);
    const index = !indexOfId || sequential ? new Int32Array(0) : denseIndex(indexOfId);
    const at = sequential
        ? (id) => {
            if (id - 1 >= count || id < 1)
                throw missing(id);
            return id - 1;
        }
        : (id) => {
            const i = id < index.length ? index[id] : (indexOfId.get(id) ?? -1);
            if (i < 0)
                throw missing(id);
            return i;
        };
    /** Decodes sample i into locs/values; returns how many locations it has. */
    const decode = (i) => {
        let k = 0;
        let v = 0;
        // A loop, not fill(): a builtin call per sample costs more than four stores.
        for (let c = 0; c < width; c++)
            values[c] = 0;
        r.reset(ranges[2 * i], ranges[2 * i + 1]);
        while (r.more()) {
            const tag = r.varint();
            if (tag === LOCATIONS_PACKED && locs.length - k >= r.end - r.pos) {
                // The hot path: a packed run of location ids, most of them one or two bytes long,
                // read straight from the bytes (there is room for one id per remaining byte).
                const end = r.lengthEnd();
                let p = r.pos;
                while (p < end) {
                    const b0 = bytes[p];
                    if (b0 < 0x80) {
                        locs[k++] = at(b0);
                        p += 1;
                    }
                    else if (p + 1 < end && bytes[p + 1] < 0x80) {
                        locs[k++] = at((b0 & 0x7f) | (bytes[p + 1] << 7));
                        p += 2;
                    }
                    else {
                        inner.reset(p, end);
                        locs[k++] = at(inner.varint());
                        p = inner.pos;
                    }
                }
                r.pos = end;
            }
            else if (tag === LOCATIONS_PACKED || tag === LOCATION_ONE) {
                const end = tag === LOCATIONS_PACKED ? r.lengthEnd() : r.pos + 10;
                inner.reset(r.pos, Math.min(end, r.end));
                do {
                    if (k === locs.length) {
                        locs = grown(locs);
                    }
                    locs[k++] = at(inner.varint());
                } while (tag === LOCATIONS_PACKED && inner.more());
                r.pos = inner.pos;
            }
            else if (tag === VALUES_PACKED) {
                const end = r.lengthEnd();
                inner.reset(r.pos, end);
                while (inner.more()) {
                    const x = inner.varint();
                    if (v < width)
                        values[v++] = x;
                }
                r.pos = end;
            }
            else if (tag === VALUE_ONE) {
                const x = r.varint();
                if (v < width)
                    values[v++] = x;
            }
            else {
                r.skip(tag & 7);
            }
        }
        return k;
    };
    const guarded = (f) => {
        try {
            return f();
        }
        catch (err) {
            if (err instanceof GateError)
                throw err;
            throw malformed(source, err.message);
        }
    };
    return {
        sampleCount: n,
        forEachSample: (visit) => guarded(() => {
            for (let i = 0; i < n; i++) {
                const k = decode(i);
                visit(locs, k, values, i);
            }
        }),
        locationsOf: (i) => guarded(() => Array.from(locs.subarray(0, decode(i)))),
        packed: sequential || index.length > 0
            ? { bytes, ranges, index: sequential ? undefined : index, longest }
            : undefined,
    };
}
// Tags of Sample's fields: location_id (1) and value (2), packed (wire type 2) or not (0).
const LOCATIONS_PACKED = (1 << 3) | 2;
const LOCATION_ONE = 1 << 3;
const VALUES_PACKED = (2 << 3) | 2;
const VALUE_ONE = 2 << 3;
/** Location id → index as an array when the ids are dense (Go numbers them 1…N). */
function denseIndex(indexOfId) {
    let max = 0;
    for (const id of indexOfId.keys())
        max = Math.max(max, id);
    if (max > 4 * indexOfId.size + 1024)
        return new Int32Array(0);
    const out = new Int32Array(max + 1).fill(-1);
    for (const [id, i] of indexOfId)
        out[id] = i;
    return out;
}
function describeKind(types) {
    const names = new Set(types.map((t) => t.type));
    if (names.has('cpu'))
        return 'CPU profile';
    if (names.has('contentions'))
        return 'block or mutex profile';
    return 'profile of another kind';
}
function notRecognised(source, detail) {
    return new GateError('UNKNOWN_FORMAT', `${source}: not a pprof profile, MemStats JSON or Prometheus scrape (${detail})`, 'pass a heap profile (.pb.gz), a debug=1 heap profile, a MemStats JSON dump or a /metrics scrape');
}
function malformed(source, detail) {
    return new GateError('MALFORMED', `${source}: corrupt pprof profile: ${detail}`, 'produce the file again');
}

/** client_golang metric names mapped onto runtime.MemStats fields. */
const METRICS = {
    go_memstats_alloc_bytes: 'Alloc',
    go_memstats_alloc_bytes_total: 'TotalAlloc',
    go_memstats_sys_bytes: 'Sys',
    go_memstats_lookups_total: 'Lookups',
    go_memstats_mallocs_total: 'Mallocs',
    go_memstats_frees_total: 'Frees',
    go_memstats_heap_alloc_bytes: 'HeapAlloc',
    go_memstats_heap_sys_bytes: 'HeapSys',
    go_memstats_heap_idle_bytes: 'HeapIdle',
    go_memstats_heap_inuse_bytes: 'HeapInuse',
    go_memstats_heap_released_bytes: 'HeapReleased',
    go_memstats_heap_objects: 'HeapObjects',
    go_memstats_stack_inuse_bytes: 'StackInuse',
    go_memstats_stack_sys_bytes: 'StackSys',
    go_memstats_mspan_inuse_bytes: 'MSpanInuse',
    go_memstats_mspan_sys_bytes: 'MSpanSys',
    go_memstats_mcache_inuse_bytes: 'MCacheInuse',
    go_memstats_mcache_sys_bytes: 'MCacheSys',
    go_memstats_buck_hash_sys_bytes: 'BuckHashSys',
    go_memstats_gc_sys_bytes: 'GCSys',
    go_memstats_other_sys_bytes: 'OtherSys',
    go_memstats_next_gc_bytes: 'NextGC',
    go_memstats_gc_cpu_fraction: 'GCCPUFraction',
    go_gc_duration_seconds_count: 'NumGC',
    go_goroutines: 'Goroutines',
    process_resident_memory_bytes: 'RSS',
};
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)/;
/** True when the text looks like a scrape that carries Go runtime metrics. */
function isPrometheus(text) {
    return /^(# (TYPE|HELP) )?(go_memstats_|go_goroutines|process_resident_memory_bytes)/m.test(text);
}
/** Extracts the MemStats fields a scrape carries; unknown metrics are ignored. */
function readPrometheus(text) {
    const out = {};
    for (const line of text.split('\n')) {
        if (line.startsWith('#'))
            continue;
        const m = SAMPLE.exec(line);
        if (!m)
            continue;
        const field = METRICS[m[1]];
        if (!field)
            continue;
        const v = Number(m[3]);
        if (isExact(v))
            out[field] = v;
    }
    return out;
}

// Sniffs a file by content and hands it to the right reader: the one entry point of src/formats.
/**
 * Decodes one file into a Snapshot, a heap profile already folded, or throws a GateError
 * that names `source`.
 */
function readSnapshot(bytes, source, opts = {}) {
    if (bytes.length === 0 && !opts.inflated) {
        throw new GateError('EMPTY_INPUT', `${source}: file is empty`, 'the profile was not written; check the step that produces it');
    }
    const data = !opts.inflated && isGzip(bytes) ? gunzip(bytes, source, opts.maxInflated) : bytes;
    if (data.length === 0) {
        throw new GateError('EMPTY_INPUT', `${source}: file is empty after gunzip`, 'the profile was not written; check the step that produces it');
    }
    const head = Buffer.from(data.subarray(0, 4096))
        .toString('utf8')
        .replace(/^\uFEFF/, '');
    if (isGoroutineText(head)) {
        const goroutines = readGoroutineText(Buffer.from(data).toString('utf8'), source);
        return {
            source,
            format: 'goroutine-text',
            goroutines,
            memstats: { Goroutines: goroutines.total },
            warnings: [],
        };
    }
    const bench = readGoTest(head, data, source);
    if (bench)
        return bench;
    // `go test -v` output may print far more than the head before its first GC.
    const testLog = /^(=== RUN |--- PASS: |ok {2}\t)/m.test(head);
    if (isGcTrace(head) || (testLog && isGcTrace(Buffer.from(data).toString('utf8')))) {
        const gcRuns = readGcRuns(Buffer.from(data).toString('utf8'));
        return { source, format: 'gctrace', memstats: gcTraceStats(gcRuns), gcRuns, warnings: [] };
    }
    if (isHeapText(head)) {
        const { profile, memstats, warnings } = readHeapText(Buffer.from(data).toString('utf8'), source, { stacks: opts.stacks, heaviest: opts.heaviest });
        return { source, format: 'heap-text', profile, memstats, warnings };
    }
    if (/^\s*[{[]/.test(head)) {
        const json = readMemStatsJson(Buffer.from(data).toString('utf8'), source);
        if (!json) {
            throw new GateError('UNKNOWN_FORMAT', `${source}: JSON without runtime.MemStats fields (HeapAlloc, Sys) or runtime/metrics names`, 'write json.Marshal(runtime.MemStats), save the /debug/vars page, or dump runtime/metrics');
        }
        return { source, format: json.format, memstats: json.memstats, warnings: [] };
    }
    if (isPrometheus(head)) {
        return {
            source,
            format: 'prometheus',
            memstats: readPrometheus(Buffer.from(data).toString('utf8')),
            warnings: [],
        };
    }
    const content = readPprof(data, source, { stacks: opts.stacks, heaviest: opts.heaviest });
    if (content.kind === 'goroutine') {
        const { goroutines } = content;
        return {
            source,
            format: 'goroutine-pprof',
            goroutines,
            memstats: { Goroutines: goroutines.total },
            warnings: [],
        };
    }
    return { source, format: 'pprof', profile: content.profile, warnings: [] };
}

// The one read of every input file, on the main thread or a worker: opened as its label
// names it, streamed through the bounded inflate when it is gzip, then read (and its heap
// profile folded) by src/formats.
/** Read files in large chunks: small ones cost a callback each. */
const CHUNK = 1024 * 1024;
/**
 * Gzip files from this size on stream through inflate, so the compressed bytes and zlib's
 * output chunks are never held beside the profile (a 26 MiB profile inflating to 46 MB
 * reads at half the peak). Smaller ones are inflated in memory by readSnapshot, in one
 * chunk of the declared size: for a 6.5 MB profile that is 7% faster (383 → 355 ms for
 * the mid-size pair, 9 alternating runs) at the same peak memory, and it costs far less
 * per file for 1,000 small profiles a side.
 */
const STREAM_BYTES = 16 * 1024 * 1024;
/** Reads the file at `path` into its Snapshot; GateErrors name it as `label` does. */
async function readFile(path, label, opts = {}) {
    const t0 = performance.now();
    const { bytes, inflated } = await readInflated(path, label, opts.maxInflated);
    const t1 = performance.now();
    const snapshot = readSnapshot(bytes, path, { ...opts, inflated });
    return { snapshot, stages: { inflate: t1 - t0, fold: performance.now() - t1 } };
}
/**
 * The file's bytes, inflated as they stream in (`inflated`) when it is a gzip file of
 * `streamFrom` bytes or more.
 */
async function readInflated(path, label, maxBytes, streamFrom = STREAM_BYTES) {
    const { fd, size: compressed } = openInput(path, label);
    let stream;
    try {
        const head = Buffer.alloc(Math.min(2, compressed));
        if (compressed >= streamFrom)
            readSync(fd, head, 0, head.length, 0);
        if (compressed < streamFrom || !isGzip(head)) {
            return { bytes: readFileSync(fd), inflated: false };
        }
        const trailer = Buffer.alloc(Math.min(4, compressed));
        readSync(fd, trailer, 0, trailer.length, compressed - trailer.length);
        stream = createReadStream('', { fd, highWaterMark: CHUNK, start: 0 });
        const bytes = await gunzipStream(stream, { compressed, trailer }, path, maxBytes);
        return { bytes, inflated: true };
    }
    catch (err) {
        if (err instanceof GateError)
            throw err;
        throw readError(err, path, label);
    }
    finally {
        // The stream closes the descriptor once it ends or is destroyed.
        if (stream)
            stream.destroy();
        else
            closeSync(fd);
    }
}

// Reads the files of a compare, the big ones on worker threads (settings.workers at most),
// the rest on the main thread, all through readFile. Results come back by path.
/**
 * Reads every path once. Workers are used when at least two files are big and the bundled
 * worker script sits next to this module (in tests, from sources, everything stays on the
 * main thread).
 */
async function readAll(paths, opts, settings) {
    const snapshots = new Map();
    const script = fileURLToPath$1(new URL('./read-worker.js', import.meta.url));
    // A path given twice is read once, with its heaviest stacks if any of its uses wants them.
    const wanted = new Set(paths.filter((p) => p.heaviest !== false).map((p) => p.path));
    const unique = [...new Map(paths.map((p) => [p.path, p])).values()].map((p) => ({
        path: p.path,
        label: p.label,
        opts: { ...opts, heaviest: wanted.has(p.path) },
    }));
    const big = unique.filter((p) => sizeOf(p.path) >= settings.workerBytes);
    const useWorkers = settings.workers > 0 && big.length >= 2 && existsSync(script);
    const onMain = useWorkers ? unique.filter((p) => !big.includes(p)) : unique;
    const pending = useWorkers ? runOnWorkers(script, big, settings.workers) : Promise.resolve([]);
    // A failure on the main thread must not leave the workers' promise unobserved.
    pending.catch(() => { });
    for (const { path, label, opts } of onMain) {
        snapshots.set(path, (await readFile(path, label, opts)).snapshot);
    }
    const onWorkers = await pending;
    for (const { path, snapshot } of onWorkers)
        snapshots.set(path, snapshot);
    return { snapshots, onWorkers: onWorkers.map(({ path, stages }) => ({ path, stages })) };
}
async function runOnWorkers(script, jobs, most) {
    const count = Math.min(most, jobs.length);
    const queue = jobs.map((j, id) => ({ ...j, id }));
    const results = new Array(jobs.length);
    const run = (worker) => new Promise((resolve, reject) => {
        const next = () => {
            const job = queue.shift();
            if (!job)
                return resolve();
            const { id, path, label, opts } = job;
            worker.postMessage({ id, path, label, opts });
        };
        worker.on('message', (m) => {
            if (m.error) {
                return reject(m.error.code
                    ? new GateError(m.error.code, m.error.message, m.error.hint)
                    : new Error(m.error.message));
            }
            results[m.id] = {
                path: jobs[m.id].path,
                snapshot: m.snapshot,
                stages: m.stages,
            };
            next();
        });
        worker.on('error', reject);
        next();
    });
    // Not the main script's flags (e.g. --input-type would stop a worker); a small young
    // generation keeps two workers' memory down.
    const workers = Array.from({ length: count }, () => new Worker(script, {
        execArgv: [],
        resourceLimits: { maxYoungGenerationSizeMb: 4 },
    }));
    try {
        await Promise.all(workers.map(run));
    }
    finally {
        await Promise.all(workers.map((w) => w.terminate()));
    }
    return results;
}
function sizeOf(path) {
    try {
        return statSync$1(path).size;
    }
    catch {
        return 0;
    }
}

// The compare both shells run, from inputs to the judged diff: read the policy, expand
// and read the files of each side (and the series), diff, judge.
/** Runs the compare; user mistakes surface as GateErrors naming the input. */
async function compare$1(req, settings) {
    const policy = loadPolicy(...readConfig(req.config, req.labels.config));
    // Read before the profiles: a broken history fails fast, naming the file.
    const history = req.history ? readHistory(req.history, req.historyLabel) : undefined;
    const baseRuns = req.baseline.length > 0 ? listRuns(req.baseline, req.labels.baseline) : [];
    const candRuns = req.candidate.length > 0 ? listRuns(req.candidate, req.labels.candidate) : [];
    const seriesPaths = req.series && req.series.length > 0 ? expandSide(req.series, req.labels.series) : [];
    const started = performance.now();
    // Every file, series included, goes through one read; series first, as they always failed first.
    const { snapshots, onWorkers } = await readAll([
        ...seriesPaths.map((path) => ({ path, label: req.labels.series })),
        // Reports show the candidate's heaviest stacks only: a baseline's are not built.
        ...baseRuns.flat().map((path) => ({ path, label: req.labels.baseline, heaviest: false })),
        ...candRuns.flat().map((path) => ({ path, label: req.labels.candidate })),
    ], { stacks: req.stacks }, settings);
    const read = performance.now();
    const load = (runs) => runs.map((run) => run.map((path) => snapshots.get(path)));
    const given = seriesPaths.map((path) => snapshots.get(path));
    const base = load(baseRuns);
    const cand = candRuns.length > 0 ? load(candRuns) : [lastOf(given)];
    // A gctrace log is a series by nature: the candidate's are judged for leaks within their
    // runs without --series (docs/leaks.md). This is the one place that decides it.
    const traces = cand.flat().filter((s) => s.gcRuns && !given.includes(s));
    const series = [...given, ...traces];
    const opts = { sampleType: req.sampleType, stacks: req.stacks, series };
    // Several runs on a side: medians and the U test; one run each: the sampling model.
    const d = base.length > 1 || cand.length > 1
        ? diffRuns(base, cand, opts)
        : diff(base[0] ?? [], cand[0], opts);
    const judged = evaluate(d, policy, req.today, history);
    const timings = settings.debug
        ? {
            files: snapshots.size,
            onWorkers,
            readMs: read - started,
            judgeMs: performance.now() - read,
        }
        : undefined;
    return { ...judged, policy, ...(history ? { history } : {}), timings };
}
/**
 * The end state of a series: its last heap profile and its last MemStats file, by the same
 * order the series analysis uses.
 */
function lastOf(series) {
    const last = (pick) => {
        const ordered = orderSnapshots(series.filter(pick));
        return ordered.length > 0 ? [ordered[ordered.length - 1]] : [];
    };
    return [
        ...last((s) => s.profile !== undefined),
        ...last((s) => !s.profile && s.memstats !== undefined),
    ];
}
function readConfig(path, label) {
    const file = path ?? (existsSync(DEFAULT_CONFIG_PATH) ? DEFAULT_CONFIG_PATH : undefined);
    if (!file)
        return [undefined, BUILT_IN_SOURCE];
    try {
        return [readFileSync(file, 'utf8'), file];
    }
    catch (err) {
        const code = err.code;
        throw new GateError('READ_FAILED', `${label} ${file}: ${code === 'ENOENT' ? 'no such file' : err.message}`, 'check the path, or leave it out to use the defaults');
    }
}

// How the driver runs. The shells build it from their environment and pass it in; nothing
// here is read at import.
/** Files at least this big are worth a worker thread by default (its start costs ~30 ms). */
const DEFAULT_WORKER_BYTES = 4 * 1024 * 1024;
/**
 * The settings a shell's environment asks for: GOMEM_GATE_WORKER_BYTES (e.g. to send
 * small files through the workers), GOMEM_GATE_DEBUG, and one worker per core, at most two.
 */
function settingsFrom(env, cores) {
    return {
        workerBytes: Number(env.GOMEM_GATE_WORKER_BYTES) || DEFAULT_WORKER_BYTES,
        workers: Math.min(2, cores),
        debug: Boolean(env.GOMEM_GATE_DEBUG),
    };
}

// Neutralises untrusted text (names from profiles, paths, config strings) for each medium.
/** Longest untrusted string shown, in characters; longer ones end in `…`. */
const MAX_NAME_LENGTH = 300;
const HTML_ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
};
/** Characters with a meaning in GitHub markdown (incl. `$` math and `|` table cells). */
const MARKDOWN_PUNCTUATION = new Set('\\`*_{}[]()#+-.!~|$');
/** Rendered as U+200B: breaks `@mention`, `#123` and e-mail autolinks without showing. */
const ZERO_WIDTH = '&#8203;';
/**
 * Removes what can change how text is displayed rather than what it says: line breaks and
 * tabs become spaces; other C0/C1 controls (ESC included), DEL and bidi overrides are dropped.
 */
function stripControls(s) {
    let out = '';
    for (const ch of s) {
        const c = ch.codePointAt(0) ?? 0;
        if (c === 0x09 || c === 0x0a || c === 0x0b || c === 0x0c || c === 0x0d)
            out += ' ';
        else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || isBidiControl(c))
            continue;
        else
            out += ch;
    }
    return out;
}
function isBidiControl(c) {
    return (c === 0x061c ||
        c === 0x200e ||
        c === 0x200f ||
        (c >= 0x202a && c <= 0x202e) ||
        (c >= 0x2066 && c <= 0x2069));
}
/** Caps a string at `max` characters (code points), ending a cut one with `…`. */
function truncate(s, max = MAX_NAME_LENGTH) {
    const chars = Array.from(s);
    return chars.length <= max ? s : chars.slice(0, max - 1).join('') + '…';
}
/** Untrusted text for the terminal: controls stripped, length capped. */
function escapeTerminal(s) {
    return truncate(stripControls(s));
}
/**
 * Untrusted text for a markdown table cell or inline text: one line, HTML-escaped,
 * markdown punctuation and `|` backslash-escaped, `@mentions` and `#123` links broken.
 */
function escapeMarkdown(s) {
    return markdownChars(escapeTerminal(s));
}
/**
 * Longer text for markdown (explanations, notes): escaped like `escapeMarkdown` but never
 * cut short.
 */
function escapeProse(s) {
    return markdownChars(stripControls(s));
}
function markdownChars(s) {
    let out = '';
    const chars = Array.from(s);
    chars.forEach((ch, i) => {
        const entity = HTML_ENTITIES[ch];
        if (entity)
            out += entity;
        else if (ch === '@')
            out += '@' + ZERO_WIDTH;
        else if (ch === '#')
            out += '\\#' + ZERO_WIDTH;
        else if (MARKDOWN_PUNCTUATION.has(ch))
            out += '\\' + ch;
        else
            out += ch;
        if (startsAutolink(chars, i))
            out += ZERO_WIDTH;
    });
    return out;
}
/**
 * Whether GFM's autolink extension would start a link at `chars[i]`: the `:` of `://`
 * (`http://`, `ftp://`, `https://localhost/`, `http://1249717606/`) or the first `w` of
 * `www.`. It matches on the text after escapes are resolved, so a backslash cannot stop
 * it; a zero-width space after that character can.
 */
function startsAutolink(chars, i) {
    const next = (n) => chars.slice(i + 1, i + 1 + n).join('');
    if (chars[i] === ':')
        return next(2) === '//';
    return /^w$/i.test(chars[i]) && /^ww\.$/i.test(next(3));
}
/**
 * Untrusted text inside raw HTML (`<pre>`, `<summary>`), where markdown is not parsed:
 * one line, HTML-escaped, backticks as `&#96;` (no fence can start), mentions and links broken.
 */
function escapeHtml(s) {
    let out = '';
    for (const ch of escapeTerminal(s)) {
        const entity = HTML_ENTITIES[ch];
        if (entity)
            out += entity;
        else if (ch === '`')
            out += '&#96;';
        else if (ch === '@' || ch === '#')
            out += ch + ZERO_WIDTH;
        else
            out += ch;
    }
    return out;
}
/** One shell word in single quotes; line breaks and controls are dropped (they cannot be pasted). */
function shellQuote(s) {
    return `'${stripControls(s).replace(/'/g, `'\\''`)}'`;
}
/**
 * A fenced code block whose fence is longer than any backtick run in `body`, so nothing
 * inside can close it.
 */
function codeFence(body, info = '') {
    const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    return `${fence}${info}\n${body}\n${fence}`;
}

const plain$1 = (s) => s;
/** Process-wide metrics, most telling first. */
const PROCESS_ORDER = ['HeapInuse', 'inuse_space', 'RSS', 'LastGCLiveHeap', 'Goroutines'];
/** Most characters of a function name in a headline. */
const HEADLINE_NAME = 80;
/** Most allocator series in the JSON report (process-wide metrics are always in). */
const JSON_SERIES_ALLOCATORS = 20;
/** Whether a suspect or series is about the whole process rather than one allocator. */
function isProcessWide(m) {
    return m.subject === m.metric;
}
/**
 * Process-wide suspects first, the one that grew the most relative to where it started
 * leading (the headline), then allocators by slope.
 */
function orderedSuspects(suspects) {
    const growth = (s) => (s.first > 0 ? (s.last - s.first) / s.first : Infinity);
    const rank = (s) => {
        const i = PROCESS_ORDER.indexOf(s.metric);
        return i < 0 ? PROCESS_ORDER.length : i;
    };
    const process = suspects
        .filter(isProcessWide)
        .sort((a, b) => growth(b) - growth(a) || rank(a) - rank(b));
    const allocators = suspects
        .filter((s) => !isProcessWide(s))
        .sort((a, b) => b.slopePerSnapshot - a.slopePerSnapshot || byName(a, b));
    return [...process, ...allocators];
}
/** A slope with its sign and unit: `+3.1 MiB`, `+2.5` or `+833` goroutines. */
function slopeText(slope, unit) {
    if (unit === 'count' && Math.abs(slope) < 10 && !Number.isInteger(slope)) {
        const s = slope.toFixed(1).replace(/\.0$/, '');
        return slope > 0 ? `+${s}` : s;
    }
    return formatDelta(slope, unit);
}
/** A p-value to two significant digits: `0.04`, `<0.001`. */
function pValue$1(p) {
    return p < 0.001 ? '<0.001' : String(Number(p.toPrecision(p < 0.01 ? 1 : 2)));
}
/** The trend's significance: `p = 0.04`, `p < 0.001`. */
function pText(p) {
    return p < 0.001 ? 'p < 0.001' : `p = ${pValue$1(p)}`;
}
/** `HeapInuse +3.1 MiB per snapshot`, with the subject escaped by `esc`. */
function suspectPhrase(s, esc = plain$1) {
    return `${esc(truncate(s.subject, HEADLINE_NAME))} ${slopeText(s.slopePerSnapshot, s.unit)} per snapshot`;
}
/** The headline suspect's phrase, `(+2 more suspects)` after it when there are others. */
function leakPhrase(suspects, esc = plain$1) {
    const [first, ...rest] = orderedSuspects(suspects);
    const more = rest.length;
    return (suspectPhrase(first, esc) + (more > 0 ? ` (+${more} more suspect${more === 1 ? '' : 's'})` : ''));
}
/** The distinct lists of allocators named under process-wide suspects, with their metrics. */
function allocatorGroups(suspects) {
    const groups = new Map();
    for (const s of orderedSuspects(suspects)) {
        if (!isProcessWide(s) || s.allocators.length === 0)
            continue;
        const key = JSON.stringify(s.allocators);
        const group = groups.get(key) ?? { metrics: [], allocators: s.allocators };
        group.metrics.push(s.metric);
        groups.set(key, group);
    }
    return [...groups.values()];
}
/** How the snapshots were put in order: `ordered by file name`, `in the order given`. */
function orderText(series) {
    return series.order === 'as given' ? 'in the order given' : `ordered by ${series.order}`;
}
/** Number of snapshots in the series. */
function seriesLength(series) {
    return Math.max(series.labels.length, ...series.metrics.map((m) => m.values.length));
}
/** Indices 0…n−1, or `limit` of them spread evenly from the first to the last. */
function spreadIndices(n, limit) {
    const all = Array.from({ length: n }, (_, i) => i);
    if (n <= limit)
        return all;
    if (limit <= 1)
        return [n - 1];
    return [...new Set(all.slice(0, limit).map((i) => Math.round((i * (n - 1)) / (limit - 1))))];
}
/**
 * The series worth drawing, in bytes: HeapInuse and RSS (inuse_space without HeapInuse), the
 * live heap of each run of a gctrace log, then the allocator whose leak rises fastest, if any.
 */
function chartedSeries(series, suspects) {
    const process = ['HeapInuse', 'RSS', 'inuse_space']
        .map((m) => series.metrics.find((x) => x.metric === m && isProcessWide(x)))
        .filter((m) => m !== undefined)
        .filter((m, _, all) => m.metric !== 'inuse_space' || !all.some((x) => x.metric === 'HeapInuse'));
    // A gctrace run is named `LastGCLiveHeap (run 2)` when a log holds several.
    const gcRuns = series.metrics.filter((m) => m.metric === 'LastGCLiveHeap');
    const top = topLeakingAllocator(series, suspects);
    return [...process, ...gcRuns, ...(top && !gcRuns.includes(top) ? [top] : [])];
}
/** The charted series plus the goroutine count, for the table of values. */
function tabledSeries(series, suspects) {
    const charted = chartedSeries(series, suspects);
    const goroutines = series.metrics.find((m) => m.metric === 'Goroutines' && isProcessWide(m));
    if (!goroutines)
        return charted;
    const process = charted.filter(isProcessWide);
    return [...process, goroutines, ...charted.filter((m) => !isProcessWide(m))];
}
function topLeakingAllocator(series, suspects) {
    const own = suspects
        .filter((s) => !isProcessWide(s))
        .sort((a, b) => b.slopePerSnapshot - a.slopePerSnapshot || byName(a, b));
    const fn = own[0]?.subject ??
        orderedSuspects(suspects).find((s) => s.allocators.length > 0)?.allocators[0]?.function;
    if (fn === undefined)
        return undefined;
    return series.metrics.find((m) => m.subject === fn && !isProcessWide(m));
}
/**
 * `No leak: nothing grew steadily over 10 snapshots (HeapInuse +12 KiB per snapshot, p = 0.4).`
 */
function noLeakText(series, esc = plain$1, check) {
    const n = seriesLength(series);
    if (check && check.snapshots < check.minSnapshots) {
        return `No leak verdict: the series has ${check.snapshots} snapshot${check.snapshots === 1 ? '' : 's'}, at least ${check.minSnapshots} are needed (leaks.min-snapshots).`;
    }
    const head = PROCESS_ORDER.map((m) => series.metrics.find((x) => x.metric === m && isProcessWide(x))).find((m) => m !== undefined);
    const trend = head
        ? ` (${esc(head.metric)} ${slopeText(head.trend.slopePerSnapshot, head.unit)} per snapshot, ${pText(head.trend.p)})`
        : '';
    return `No leak: nothing grew steadily over ${n} snapshot${n === 1 ? '' : 's'}${trend}.`;
}
/** Process-wide series, then the allocators with the largest slopes (at most `limit`). */
function reportedSeries(series, limit = JSON_SERIES_ALLOCATORS) {
    const process = series.metrics.filter(isProcessWide);
    const allocators = series.metrics
        .filter((m) => !isProcessWide(m))
        .sort((a, b) => b.trend.slopePerSnapshot - a.trend.slopePerSnapshot || byName(a, b))
        .slice(0, limit);
    return [...process, ...allocators];
}
function byName(a, b) {
    return a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0;
}

/** Shown where a figure is missing (no baseline, no limit). */
const MISSING = '—';
const plain = (s) => s;
/**
 * The verdict in a few words: `2 rules violated`, `no memory regression`, `memory leak within
 * the run — HeapInuse +3.1 MiB per snapshot`, `no baseline yet — …`. A leak suspect's name
 * goes through `esc`.
 */
function verdictDetail(verdict, esc = plain) {
    const n = verdict.violations.length;
    const rules = new Set(verdict.violations.map((v) => v.rule)).size;
    const violated = `${rules} rule${rules === 1 ? '' : 's'} violated` +
        (rules !== n ? ` (${n} violation${n === 1 ? '' : 's'})` : '');
    const waived = verdict.waived.length;
    const leaks = verdict.leakSuspects ?? [];
    const leak = leaks.length > 0 ? leakPhrase(leaks, esc) : undefined;
    switch (verdict.status) {
        case 'fail':
            if (leak && n > 0)
                return `${violated}, and a memory leak within the run: ${leak}`;
            if (leak)
                return `memory leak within the run — ${leak}`;
            return n > 0 ? violated : 'memory regression';
        case 'no-baseline': {
            const detail = baselineUnavailable(verdict)
                ? 'could not judge — the baseline could not be fetched' +
                    (n > 0 ? `; without it, ${violated}` : '')
                : n > 0
                    ? `no baseline yet — ${violated}`
                    : 'no baseline yet — nothing to compare against';
            return leak ? `${detail}; possible leak within the run: ${leak}` : detail;
        }
        default: {
            const notes = [
                waived > 0 ? `${waived} violation${waived === 1 ? '' : 's'} waived` : '',
            ].filter(Boolean);
            // A limit exceeded within the noise, or nothing compared, rules no regression out.
            const judged = couldNotJudge(verdict) ? couldNotJudgeText(verdict) : 'no memory regression';
            const detail = judged + (notes.length > 0 ? ` (${notes.join(', ')})` : '');
            return leak ? `${detail}, but a possible leak within the run: ${leak}` : detail;
        }
    }
}
/**
 * Whether a passing verdict could not judge: no limit broken beyond the noise, but some
 * exceeded within it (too few runs, or too few samples), or nothing was on both sides to
 * compare ('nothing-compared'), or the baseline could not be fetched ('baseline-unavailable').
 * Reports mark it as a warning, not a pass.
 */
function couldNotJudge(verdict) {
    if (verdict.status === 'no-baseline')
        return baselineUnavailable(verdict);
    return verdict.status === 'pass' && (verdict.inconclusive.length > 0 || nothingCompared(verdict));
}
/** A baseline exists but could not be fetched ('baseline-unavailable', set by the Action). */
function baselineUnavailable(verdict) {
    return verdict.warnings.some((w) => w.code === 'baseline-unavailable');
}
function nothingCompared(verdict) {
    return verdict.warnings.some((w) => w.code === 'nothing-compared');
}
function couldNotJudgeText(verdict) {
    if (nothingCompared(verdict))
        return 'could not judge — nothing in the baseline to compare with';
    const unsure = verdict.inconclusive.length;
    const limits = `${unsure} limit${unsure === 1 ? '' : 's'}`;
    return `could not judge — ${limits} exceeded within the sampling noise, no regression ruled out`;
}
/**
 * The one-line verdict: `memory regression — 2 rules violated`, `no memory regression`,
 * `memory leak within the run — HeapInuse +3.1 MiB per snapshot`, …
 */
function verdictHeadline(verdict, esc = plain) {
    const detail = verdictDetail(verdict, esc);
    return verdict.status === 'fail' && verdict.violations.length > 0
        ? `memory regression — ${detail}`
        : detail;
}
/**
 * The total of the verdict's focus as a phrase, `inuse_space 12 MiB → 30.5 MiB (+18.5 MiB,
 * +154%)`; falls back to HeapInuse/Sys/RSS without a profile; undefined when there is nothing.
 */
function focusPhrase(diff, verdict, esc = plain) {
    const name = diff.totals[verdict.focus]
        ? verdict.focus
        : ['HeapInuse', 'Sys', 'RSS'].find((f) => diff.memstats[f]);
    if (!name)
        return undefined;
    const c = diff.totals[name] ?? diff.memstats[name];
    const cand = formatValue(c.candidate, c.unit);
    if (c.baseline === null)
        return `${esc(name)} ${cand} in the candidate`;
    return `${esc(name)} ${formatValue(c.baseline, c.unit)} → ${cand} (${deltaText(c, c.unit)}, ${percentText(c)})`;
}
/** The verdict and the focus total in one plain line (the JSON `summary`). */
function summaryLine(diff, verdict) {
    const phrase = focusPhrase(diff, verdict);
    return verdictHeadline(verdict) + (phrase ? `: ${phrase}` : '');
}
/**
 * Where the focus's growth comes from in the program's own code (JudgedDiff.origin):
 * `called from main.auditResponse: +468 MiB of alloc_space through it (0 B → 468 MiB)`, the
 * name through `esc`; its figures are cumulative.
 */
function originText(r, esc = plain) {
    const type = esc(r.sampleType);
    const cand = formatValue(r.cumCandidate, r.unit);
    if (r.cumBaseline === null)
        return `called from ${esc(r.function)}: ${cand} of ${type} through it`;
    const delta = formatDelta(r.cumCandidate - r.cumBaseline, r.unit);
    return `called from ${esc(r.function)}: ${delta} of ${type} through it (${formatValue(r.cumBaseline, r.unit)} → ${cand})`;
}
/** A value in its unit, or `—` when missing. */
function valueText(n, unit) {
    return n === null ? MISSING : formatValue(n, unit);
}
/** A signed delta, or `—` without a baseline. */
function deltaText(c, unit) {
    return c.delta === null ? MISSING : formatDelta(c.delta, unit);
}
/**
 * The relative change (`+154%`, `new`), or `—` without a baseline. As benchstat writes it,
 * `~` marks a change the policy judged noise: with repeated runs by the U test (`~ (p=0.34)`,
 * a real one `+12% (p=0.008)`), for a single sampled profile within one sigma. A figure
 * without a judgement (a violation's evidence) shows its plain percentage.
 */
function percentText(c) {
    if (c.baseline === null)
        return MISSING;
    const pct = formatPercentChange(c.baseline, c.candidate);
    const noise = c.significance === 'noise';
    if (c.p !== undefined) {
        if (c.p === null)
            return `${pct} (too few runs)`;
        return noise ? `~ (p=${pValue(c.p)})` : `${pct} (p=${pValue(c.p)})`;
    }
    return noise && c.delta !== 0 ? '~' : pct;
}
function pValue(p) {
    return p < 0.001 ? '<0.001' : p.toFixed(3).replace(/0+$/, '').replace(/\.$/, '');
}
/** A part's share of a total, `65.6%`; `—` without a total. */
function shareText(part, total) {
    return total ? `${((part / total) * 100).toFixed(1)}%` : MISSING;
}
/** Delta and relative change together: `+18.5 MiB (+154%)`, or `—` without a baseline. */
function changeText(c, unit) {
    return c.delta === null ? MISSING : `${deltaText(c, unit)} (${percentText(c)})`;
}
/** A violation's change, `~` by the significance of its change (not of its verdict). */
function violationChange(v) {
    return changeText({ ...v, significance: v.changeSignificance }, v.unit);
}
/** `waiver for X expired on 2026-01-31 and no longer applies`, with X escaped by `esc`. */
function expiredWaiverText(w, esc = plain) {
    const what = esc(w.subject) + (w.metric ? ` (${esc(w.metric)})` : '');
    return `waiver for ${what} expired on ${esc(w.expires)} and no longer applies`;
}
/** The noise behind a row: ± its sampling sigma, or with repeated runs the U test's p. */
function noiseText(v) {
    if (v.p !== undefined)
        return v.p === null ? 'too few runs' : `p=${v.p.toFixed(3)}`;
    return `± ${formatValue(v.sigma, v.unit)}`;
}
/** What to do when a change is within the sampling noise. */
const INCONCLUSIVE_ADVICE = 'The heap profile samples one allocation per 512 KiB by default, so these changes are within ' +
    'its noise. For exact numbers run the tests with -memprofilerate=1, or set ' +
    'runtime.MemProfileRate = 1 at the start of TestMain; or repeat the runs (see docs/comparing.md in gomem-gate).';
/** How a finding was judged, in words (Violation.method; evidence.ts decides). */
const METHOD_TEXT = {
    sampling: 'beyond the heap sampling noise',
    exact: 'on exact figures',
    runs: 'by repeated runs (Mann–Whitney)',
    history: "beyond the spread of the branch's history",
};
/**
 * One line saying how the findings were judged: `Judged on exact figures: HeapAlloc,
 * HeapInuse; beyond the heap sampling noise: inuse_space`. Subjects
 * through `esc`, three per method at most.
 */
function methodsLine(violations, esc = plain) {
    if (violations.length === 0)
        return undefined;
    const by = new Map();
    for (const v of violations) {
        const list = by.get(v.method) ?? [];
        if (!list.includes(v.subject))
            list.push(v.subject);
        by.set(v.method, list);
    }
    const parts = [...by].map(([method, subjects]) => {
        const shown = subjects.slice(0, 3).map(esc).join(', ');
        const more = subjects.length > 3 ? ` and ${subjects.length - 3} more` : '';
        return `${METHOD_TEXT[method]}: ${shown}${more}`;
    });
    return `Judged ${parts.join('; ')}.`;
}

/** A median in its unit: `21.11 KiB` (B/op), `156.4 µs` (ns/op), `8` (allocs/op), `58.2` (others). */
function benchValue(n, metric) {
    if (n === null)
        return MISSING;
    if (metric === 'B/op')
        return formatBytes(n);
    if (metric === 'ns/op')
        return formatDuration(n);
    if (metric === 'allocs/op' || Math.abs(n) >= 1000)
        return formatCount(n);
    return n === 0 ? '0' : String(Number(n.toPrecision(4)));
}
/**
 * The change: `~` when the test calls it noise (benchstat's mark), `—` without a baseline,
 * else delta and relative change, `+18.6 KiB (+85.3%)`, `+1 (new)` from zero.
 */
function benchChange(c) {
    if (c.baseline === null || c.delta === null)
        return MISSING;
    if (c.significance === 'noise')
        return '~';
    const pct = formatPercentChange(c.baseline, c.candidate);
    if (c.metric === 'B/op')
        return `${formatDelta(c.delta, 'bytes')} (${pct})`;
    if (c.metric === 'ns/op')
        return `${formatDelta(c.delta, 'nanoseconds')} (${pct})`;
    const d = benchValue(c.delta, c.metric);
    return `${c.delta > 0 ? '+' : ''}${d} (${pct})`;
}
/** `p=0.002 n=6+6`, or why there is no p: `n=1+1, too few runs`, `not in the baseline`. */
function benchSignificance(c) {
    const n = `n=${c.samples.baseline}+${c.samples.candidate}`;
    if (c.p !== null)
        return `p=${c.p.toFixed(3)} ${n}`;
    if (c.baseline === null)
        return c.note === undefined ? MISSING : c.note;
    return `${n}, too few runs`;
}
/** One benchmark row of the JSON report. */
function jsonBenchmark(c) {
    return {
        name: c.name,
        procs: c.procs,
        pkg: c.pkg,
        metric: c.metric,
        baseline: c.baseline,
        candidate: c.candidate,
        delta: c.delta,
        relative: c.relative,
        p: c.p,
        significance: c.significance,
        samples: { baseline: c.samples.baseline, candidate: c.samples.candidate },
    };
}

// Picks what every report shows from the judged diff and verdict: rows, fields, files, commands.
/** Most heaviest stacks a report expands, to keep the PR comment short. */
const MAX_STACKS = 5;
/**
 * Rows of the focus sample type (the verdict's) with a nonzero figure on either side, by
 * delta descending (by candidate value where there is no baseline), then by candidate, then
 * by name. Ignored subjects are not in the judged rows to begin with.
 */
function focusRows(rows, focus) {
    return rows
        .filter((r) => r.sampleType === focus && isNonzero(r))
        .sort((x, y) => (y.delta ?? y.candidate) - (x.delta ?? x.candidate) ||
        y.candidate - x.candidate ||
        (x.function < y.function ? -1 : x.function > y.function ? 1 : 0));
}
function isNonzero(r) {
    return !!(r.baseline || r.candidate || r.cumBaseline || r.cumCandidate);
}
/** Whether the rows carry baseline figures, i.e. deltas can be shown. */
function hasDeltas(rows) {
    return rows.some((r) => r.delta !== null);
}
/**
 * The first `limit` growers of sorted focus rows: rows that grew (delta > 0), or without
 * baseline figures the largest candidate values.
 */
function growers(sorted, limit) {
    const compared = hasDeltas(sorted);
    const grown = sorted.filter((r) => (compared ? (r.delta ?? 0) > 0 : r.candidate > 0));
    if (!compared)
        grown.sort((x, y) => y.candidate - x.candidate);
    return grown.slice(0, Math.max(0, Math.floor(limit)));
}
/** Sample types that have a total, in the diff's (pprof's) order. */
function totalTypes(diff) {
    const ordered = diff.sampleTypes.map((t) => t.type).filter((t) => diff.totals[t]);
    const rest = Object.keys(diff.totals).filter((t) => !ordered.includes(t));
    return [...ordered, ...rest.sort()];
}
/** MemStats fields present in the diff, in MEMSTATS_FIELDS order (reports list only these). */
function memstatsFields(diff) {
    return MEMSTATS_FIELDS.filter((f) => diff.memstats[f] !== undefined);
}
/** Derived figures that the memory section shows, so the MemStats tables leave them out. */
const DERIVED_FIELDS = new Set([...MEMORY_CLASSES, 'profile_coverage']);
/** The runtime's own MemStats fields present, in MEMSTATS_FIELDS order (the tables' rows). */
function runtimeMemstatsFields(diff) {
    return memstatsFields(diff).filter((f) => !DERIVED_FIELDS.has(f));
}
/** Every MemStats field present: MEMSTATS_FIELDS order first, then any others by name. */
function allMemstatsFields(diff) {
    const known = memstatsFields(diff);
    const rest = Object.keys(diff.memstats).filter((f) => !known.includes(f));
    return [...known, ...rest.sort()];
}
/** Whether a file holds a heap profile pprof can open. */
function isProfile(f) {
    return f.format === 'pprof' || f.format === 'heap-text';
}
/**
 * Commands that open the change in pprof: the first baseline profile as `-diff_base` and the
 * first candidate profile; the web UI, then a `-top` of the focus sample type. [] without one.
 */
function pprofCommands(diff, focus, paths = {}) {
    const base = diff.files.find((f) => f.side === 'baseline' && isProfile(f));
    const cand = diff.files.find((f) => f.side === 'candidate' && isProfile(f));
    if (!cand)
        return [];
    const path = (source) => shellQuote(paths[source] ?? source);
    const files = (base ? `-diff_base=${path(base.source)} ` : '') + path(cand.source);
    const index = /^[A-Za-z0-9_]+$/.test(focus) ? focus : shellQuote(focus);
    return [`go tool pprof -http=: ${files}`, `go tool pprof -top -sample_index=${index} ${files}`];
}
/** The diff's warnings, then the verdict's, without repeating a message. */
function allWarnings(diff, verdict) {
    const seen = new Set();
    return [...diff.warnings, ...verdict.warnings].filter((w) => !seen.has(w.message) && !!seen.add(w.message));
}

// Which figures a report follows over the baseline branch's history: the live heap, the
// process's memory and the top grower, each with its recent values and this change's value.
/**
 * inuse_space's total (HeapInuse without a heap profile), RSS (else Sys) and the first
 * allocator row of the focus, when the candidate has them; values from the last
 * HISTORY_VALUES entries that have the figure.
 */
function historyMetrics(input) {
    const { diff, verdict, history } = input;
    const recent = { ...history, entries: history.entries.slice(-20) };
    const out = [];
    const add = (key, metric, subject, unit, candidate) => out.push({ metric, subject, unit, values: historyValues(recent, key), candidate });
    const inuse = diff.totals.inuse_space;
    if (inuse)
        add({ scope: 'total', metric: 'inuse_space' }, 'inuse_space', 'inuse_space', inuse.unit, inuse.candidate);
    else if (diff.memstats.HeapInuse) {
        const m = diff.memstats.HeapInuse;
        add({ scope: 'memstats', metric: 'HeapInuse' }, 'HeapInuse', 'HeapInuse', m.unit, m.candidate);
    }
    const process = diff.memstats.RSS ? 'RSS' : diff.memstats.Sys ? 'Sys' : undefined;
    if (process) {
        const m = diff.memstats[process];
        add({ scope: 'memstats', metric: process }, process, process, m.unit, m.candidate);
    }
    const top = focusRows(diff.allocators, verdict.focus)[0];
    if (top) {
        add({ scope: 'allocator', metric: top.sampleType, subject: top.function }, top.sampleType, top.function, top.unit, top.candidate);
    }
    return out;
}

/** The JSON report as a value; numbers are exact, in bytes/counts/ns, never formatted. */
function jsonReport(input) {
    const { diff, verdict } = input;
    const top = Math.max(0, Math.floor(input.top));
    const warnings = allWarnings(diff, verdict);
    return {
        schemaVersion: 1,
        tool: { name: 'gomem-gate', version: input.version },
        status: verdict.status,
        summary: summaryLine(diff, verdict),
        policy: verdict.policySource,
        changed: verdict.changed,
        focus: verdict.focus,
        violations: verdict.violations.map(violation),
        inconclusive: verdict.inconclusive.map(violation),
        waived: verdict.waived.map((w) => ({
            ...violation(w),
            waiver: { reason: w.waiver.reason, expires: w.waiver.expires },
        })),
        expiredWaivers: verdict.expiredWaivers.map((w) => ({
            subject: w.subject,
            metric: w.metric ?? null,
            reason: w.reason,
            expires: w.expires,
        })),
        leakSuspects: orderedSuspects(verdict.leakSuspects ?? []).map(leakSuspect),
        totals: Object.fromEntries(totalTypes(diff).map((t) => [t, { ...change(diff.totals[t]), sigma: diff.totals[t].sigma }])),
        memstats: Object.fromEntries(allMemstatsFields(diff).map((f) => [f, change(diff.memstats[f])])),
        accounting: {
            baseline: classes(diff.accounting?.baseline),
            candidate: classes(diff.accounting?.candidate),
        },
        series: diff.series ? series(diff.series) : null,
        allocators: focusRows(diff.allocators, verdict.focus).map((r, i) => ({
            ...allocator(r),
            stack: i < top ? r.stack.map((f) => ({ function: f.function, file: f.file, line: f.line })) : [],
        })),
        packages: focusRows(diff.packages, verdict.focus).map(allocator),
        ...(diff.stacks ? { stacks: focusRows(diff.stacks, verdict.focus).map(allocator) } : {}),
        goroutines: diff.goroutines
            ? {
                baseline: diff.goroutines.baseline,
                candidate: diff.goroutines.candidate,
                stacks: diff.goroutines.stacks.slice(0, 20).map((s) => ({
                    baseline: s.baseline,
                    candidate: s.candidate,
                    delta: s.delta,
                    frames: s.frames.map((f) => ({ function: f.function, file: f.file, line: f.line })),
                })),
            }
            : null,
        benchmarks: (diff.benchmarks ?? []).map(jsonBenchmark),
        files: diff.files.map((f) => ({
            side: f.side,
            source: f.source,
            format: f.format,
            period: f.period,
            totals: { ...f.totals },
            hasMemStats: f.hasMemStats,
        })),
        warnings: warnings.map((w) => w.message),
        warningDetails: warnings.map((w) => ({
            code: w.code,
            message: w.message,
            ...(w.subject !== undefined ? { subject: w.subject } : {}),
        })),
        history: input.history ? history({ ...input, history: input.history }) : null,
    };
}
function history(input) {
    const entries = input.history.entries;
    return {
        entries: entries.length,
        first: entries.length > 0 ? entries[0].time : null,
        last: entries.length > 0 ? entries[entries.length - 1].time : null,
        metrics: historyMetrics(input),
    };
}
/** The JSON report as text, two-space indented, ending in a newline. */
function renderJson(input) {
    return JSON.stringify(jsonReport(input), null, 2) + '\n';
}
function change(c) {
    return {
        unit: c.unit,
        baseline: c.baseline,
        candidate: c.candidate,
        delta: c.delta,
        ...(c.p !== undefined ? { p: c.p } : {}),
        ...(c.ci ? { ci: c.ci } : {}),
    };
}
function violation(v) {
    return {
        rule: v.rule,
        kind: v.kind,
        scope: v.scope,
        metric: v.metric,
        subject: v.subject,
        unit: v.unit,
        baseline: v.baseline,
        candidate: v.candidate,
        delta: v.delta,
        limit: v.limit,
        limitText: v.limitText,
        sigma: v.sigma,
        significance: v.significance,
        ...(v.p !== undefined ? { p: v.p } : {}),
        sampleType: v.sampleType,
        method: v.method,
        ...(v.history ? { history: v.history } : {}),
    };
}
function allocator(r) {
    return {
        function: r.function,
        package: r.package,
        sampleType: r.sampleType,
        unit: r.unit,
        baseline: r.baseline,
        candidate: r.candidate,
        delta: r.delta,
        cumBaseline: r.cumBaseline,
        cumCandidate: r.cumCandidate,
        sigma: r.sigma,
        significance: r.significance,
        ...(r.p !== undefined ? { p: r.p } : {}),
    };
}
function leakSuspect(s) {
    return {
        subject: s.subject,
        metric: s.metric,
        slopePerSnapshot: s.slopePerSnapshot,
        snapshots: s.snapshots,
        unit: s.unit,
        first: s.first,
        last: s.last,
        p: s.p,
        allocators: s.allocators.map((a) => ({
            function: a.function,
            slopePerSnapshot: a.slopePerSnapshot,
        })),
    };
}
function classes(a) {
    return a ? a.classes.map((c) => ({ class: c.class, bytes: c.bytes })) : null;
}
function series(s) {
    return {
        labels: [...s.labels],
        order: s.order,
        metrics: reportedSeries(s).map((m) => ({
            metric: m.metric,
            subject: m.subject,
            unit: m.unit,
            values: [...m.values],
            slopePerSnapshot: m.trend.slopePerSnapshot,
            p: m.trend.p,
        })),
    };
}

// To do: next major: remove.
/**
 * @typedef {Options} MarkdownTableOptions
 *   Configuration.
 */

/**
 * @typedef Options
 *   Configuration.
 * @property {boolean | null | undefined} [alignDelimiters=true]
 *   Whether to align the delimiters (default: `true`);
 *   they are aligned by default:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   Pass `false` to make them staggered:
 *
 *   ```markdown
 *   | Alpha | B |
 *   | - | - |
 *   | C | Delta |
 *   ```
 * @property {ReadonlyArray<string | null | undefined> | string | null | undefined} [align]
 *   How to align columns (default: `''`);
 *   one style for all columns or styles for their respective columns;
 *   each style is either `'l'` (left), `'r'` (right), or `'c'` (center);
 *   other values are treated as `''`, which doesn’t place the colon in the
 *   alignment row but does align left;
 *   *only the lowercased first character is used, so `Right` is fine.*
 * @property {boolean | null | undefined} [delimiterEnd=true]
 *   Whether to end each row with the delimiter (default: `true`).
 *
 *   > 👉 **Note**: please don’t use this: it could create fragile structures
 *   > that aren’t understandable to some markdown parsers.
 *
 *   When `true`, there are ending delimiters:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there are no ending delimiters:
 *
 *   ```markdown
 *   | Alpha | B
 *   | ----- | -----
 *   | C     | Delta
 *   ```
 * @property {boolean | null | undefined} [fillRows=true]
 *   Whether to fill rows with empty cells up to the most cells in a row
 *   (default: `true`).
 *
 *   When `true`, all rows have as many cells as the longest row:
 *
 *   ```markdown
 *   | Alpha | B    |   |
 *   | ----- | ---- | - |
 *   | C     |      |   |
 *   | D     | Echo | F |
 *   ```
 *
 *   When `false`, rows keep their cells,
 *   and the delimiter row has as many cells as the header row:
 *
 *   ```markdown
 *   | Alpha | B    |
 *   | ----- | ---- |
 *   | C     |
 *   | D     | Echo | F |
 *   ```
 * @property {boolean | null | undefined} [delimiterStart=true]
 *   Whether to begin each row with the delimiter (default: `true`).
 *
 *   > 👉 **Note**: please don’t use this: it could create fragile structures
 *   > that aren’t understandable to some markdown parsers.
 *
 *   When `true`, there are starting delimiters:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there are no starting delimiters:
 *
 *   ```markdown
 *   Alpha | B     |
 *   ----- | ----- |
 *   C     | Delta |
 *   ```
 * @property {boolean | null | undefined} [padding=true]
 *   Whether to add a space of padding between delimiters and cells
 *   (default: `true`).
 *
 *   When `true`, there is padding:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there is no padding:
 *
 *   ```markdown
 *   |Alpha|B    |
 *   |-----|-----|
 *   |C    |Delta|
 *   ```
 * @property {((value: string) => number) | null | undefined} [stringLength]
 *   Function to detect the length of table cell content (optional);
 *   this is used when aligning the delimiters (`|`) between table cells;
 *   full-width characters and emoji mess up delimiter alignment when viewing
 *   the markdown source;
 *   to fix this, you can pass this function,
 *   which receives the cell content and returns its “visible” size;
 *   note that what is and isn’t visible depends on where the text is displayed.
 *
 *   Without such a function, the following:
 *
 *   ```js
 *   markdownTable([
 *     ['Alpha', 'Bravo'],
 *     ['中文', 'Charlie'],
 *     ['👩‍❤️‍👩', 'Delta']
 *   ])
 *   ```
 *
 *   Yields:
 *
 *   ```markdown
 *   | Alpha | Bravo |
 *   | - | - |
 *   | 中文 | Charlie |
 *   | 👩‍❤️‍👩 | Delta |
 *   ```
 *
 *   With [`string-width`](https://github.com/sindresorhus/string-width):
 *
 *   ```js
 *   import stringWidth from 'string-width'
 *
 *   markdownTable(
 *     [
 *       ['Alpha', 'Bravo'],
 *       ['中文', 'Charlie'],
 *       ['👩‍❤️‍👩', 'Delta']
 *     ],
 *     {stringLength: stringWidth}
 *   )
 *   ```
 *
 *   Yields:
 *
 *   ```markdown
 *   | Alpha | Bravo   |
 *   | ----- | ------- |
 *   | 中文  | Charlie |
 *   | 👩‍❤️‍👩    | Delta   |
 *   ```
 */

/**
 * Get the length of a cell.
 *
 * @param {string} value
 *   Cell value.
 * @returns {number}
 *   Cell size.
 */
function defaultStringLength(value) {
  return value.length
}

/**
 * Generate a markdown
 * ([GFM](https://docs.github.com/en/github/writing-on-github/working-with-advanced-formatting/organizing-information-with-tables))
 * table.
 *
 * @param {ReadonlyArray<ReadonlyArray<string | null | undefined>>} table
 *   Table data (matrix of strings).
 * @param {Readonly<Options> | null | undefined} [options]
 *   Configuration (optional).
 * @returns {string}
 *   Result.
 */
function markdownTable(table, options) {
  const settings = options || {};
  // To do: next major: change to spread.
  // eslint-disable-next-line unicorn/prefer-spread -- `align` can be a string.
  const align = (settings.align || []).concat();
  const stringLength = settings.stringLength || defaultStringLength;
  /** @type {Array<number>} Character codes as symbols for alignment per column. */
  const alignments = [];
  /** @type {Array<Array<string>>} Cells per row. */
  const cellMatrix = [];
  /** @type {Array<Array<number>>} Sizes of each cell per row. */
  const sizeMatrix = [];
  /** @type {Array<number>} */
  const longestCellByColumn = [];
  let mostCellsPerRow = 0;
  let rowIndex = -1;

  // This is a superfluous loop if we don’t align delimiters, but otherwise we’d
  // do superfluous work when aligning, so optimize for aligning.
  while (++rowIndex < table.length) {
    /** @type {Array<string>} */
    const row = [];
    /** @type {Array<number>} */
    const sizes = [];
    let columnIndex = -1;

    if (table[rowIndex].length > mostCellsPerRow) {
      mostCellsPerRow = table[rowIndex].length;
    }

    while (++columnIndex < table[rowIndex].length) {
      const cell = serialize(table[rowIndex][columnIndex]);

      if (settings.alignDelimiters !== false) {
        const size = stringLength(cell);
        sizes[columnIndex] = size;

        if (
          longestCellByColumn[columnIndex] === undefined ||
          size > longestCellByColumn[columnIndex]
        ) {
          longestCellByColumn[columnIndex] = size;
        }
      }

      row.push(cell);
    }

    cellMatrix[rowIndex] = row;
    sizeMatrix[rowIndex] = sizes;
  }

  // Figure out which alignments to use.
  let columnIndex = -1;

  if (typeof align === 'object' && 'length' in align) {
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = toAlignment(align[columnIndex]);
    }
  } else {
    const code = toAlignment(align);

    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = code;
    }
  }

  // Inject the alignment row.
  columnIndex = -1;
  /** @type {Array<string>} */
  const row = [];
  /** @type {Array<number>} */
  const sizes = [];

  while (++columnIndex < mostCellsPerRow) {
    const code = alignments[columnIndex];
    let before = '';
    let after = '';

    if (code === 99 /* `c` */) {
      before = ':';
      after = ':';
    } else if (code === 108 /* `l` */) {
      before = ':';
    } else if (code === 114 /* `r` */) {
      after = ':';
    }

    // There *must* be at least one hyphen-minus in each alignment cell.
    let size =
      settings.alignDelimiters === false
        ? 1
        : Math.max(
            1,
            longestCellByColumn[columnIndex] - before.length - after.length
          );

    const cell = before + '-'.repeat(size) + after;

    if (settings.alignDelimiters !== false) {
      size = before.length + size + after.length;

      if (size > longestCellByColumn[columnIndex]) {
        longestCellByColumn[columnIndex] = size;
      }

      sizes[columnIndex] = size;
    }

    row[columnIndex] = cell;
  }

  // Inject the alignment row.
  cellMatrix.splice(1, 0, row);
  sizeMatrix.splice(1, 0, sizes);

  rowIndex = -1;
  /** @type {Array<string>} */
  const lines = [];

  while (++rowIndex < cellMatrix.length) {
    const row = cellMatrix[rowIndex];
    const sizes = sizeMatrix[rowIndex];
    const cellsInRow =
      settings.fillRows === false
        ? Math.max(1, cellMatrix[rowIndex === 1 ? 0 : rowIndex].length)
        : mostCellsPerRow;
    columnIndex = -1;
    /** @type {Array<string>} */
    const line = [];

    while (++columnIndex < cellsInRow) {
      const cell = row[columnIndex] || '';
      let before = '';
      let after = '';

      if (settings.alignDelimiters !== false) {
        const size =
          longestCellByColumn[columnIndex] - (sizes[columnIndex] || 0);
        const code = alignments[columnIndex];

        if (code === 114 /* `r` */) {
          before = ' '.repeat(size);
        } else if (code === 99 /* `c` */) {
          const half = size / 2;

          if (size % 2) {
            before = ' '.repeat(half + 0.5);
            after = ' '.repeat(half - 0.5);
          } else {
            before = ' '.repeat(half);
            after = before;
          }
        } else {
          after = ' '.repeat(size);
        }
      }

      if (settings.delimiterStart !== false && !columnIndex) {
        line.push('|');
      }

      if (
        settings.padding !== false &&
        // Don’t add the opening space if we’re not aligning and the cell is
        // empty: there will be a closing space.
        !(settings.alignDelimiters === false && cell === '') &&
        (settings.delimiterStart !== false || columnIndex)
      ) {
        line.push(' ');
      }

      if (settings.alignDelimiters !== false) {
        line.push(before);
      }

      line.push(cell);

      if (settings.alignDelimiters !== false) {
        line.push(after);
      }

      if (settings.padding !== false) {
        line.push(' ');
      }

      if (settings.delimiterEnd !== false || columnIndex !== cellsInRow - 1) {
        line.push('|');
      }
    }

    lines.push(
      settings.delimiterEnd === false
        ? line.join('').replace(/ +$/, '')
        : line.join('')
    );
  }

  return lines.join('\n')
}

/**
 * Serialize a cell value.
 *
 * @param {string | null | undefined} [value]
 *   Value to serialize.
 * @returns {string}
 *   Result.
 */
function serialize(value) {
  return value === null || value === undefined ? '' : String(value)
}

/**
 * Get the alignment character code from a value.
 *
 * @param {string | null | undefined} value
 *   Value.
 * @returns {number}
 *   Alignment.
 */
function toAlignment(value) {
  const code = typeof value === 'string' ? value.codePointAt(0) : 0;

  return code === 67 /* `C` */ || code === 99 /* `c` */
    ? 99 /* `c` */
    : code === 76 /* `L` */ || code === 108 /* `l` */
      ? 108 /* `l` */
      : code === 82 /* `R` */ || code === 114 /* `r` */
        ? 114 /* `r` */
        : 0
}

// Markdown sections about the verdict: heading, summary, violations, waivers.
const ICONS = { fail: '❌', pass: '✅', 'no-baseline': 'ℹ️' };
/** A GitHub table; cells must already be escaped. Delimiters are not padded, so size stays linear. */
function table(head, rows, align) {
    return markdownTable([head, ...rows], { align: align.split(''), alignDelimiters: false });
}
/** `… and 3 more not shown` under a capped table, or '' when nothing was cut. */
function moreLine(total, shown, what) {
    return total > shown ? `\n\n… and ${total - shown} more ${what} not shown.` : '';
}
/** The heading and the one-sentence summary under it. */
function headingSection({ diff, verdict }) {
    const icon = couldNotJudge(verdict) ? '⚠️' : ICONS[verdict.status];
    const heading = `### ${icon} gomem-gate: ${verdictHeadline(verdict, escapeMarkdown)}`;
    const phrase = focusPhrase(diff, verdict, escapeMarkdown);
    const policy = `policy: ${escapeMarkdown(verdict.policySource)}`;
    return `${heading}\n\n${phrase ? `${phrase} · ${policy}` : policy}`;
}
/** The violations table (capped at `limit` rows), or undefined when nothing is violated. */
function violationsSection({ verdict }, limit) {
    const all = verdict.violations;
    if (all.length === 0)
        return undefined;
    const rows = all
        .slice(0, limit)
        .map((v) => [
        escapeMarkdown(v.rule),
        escapeMarkdown(v.subject),
        escapeMarkdown(v.metric),
        valueText(v.baseline, v.unit),
        valueText(v.candidate, v.unit),
        violationChange(v),
        escapeMarkdown(v.limitText),
    ]);
    const head = ['Rule', 'Subject', 'Metric', 'Baseline', 'Candidate', 'Change', 'Limit'];
    const how = methodsLine(all, escapeMarkdown);
    return `#### Violations\n\n${table(head, rows, 'lllrrrl')}${moreLine(all.length, rows.length, 'violations')}\n\n${how}`;
}
/** Thresholds exceeded within the sampling noise, with what to do; undefined when none. */
function inconclusiveSection({ verdict }, limit) {
    const all = verdict.inconclusive;
    if (all.length === 0)
        return undefined;
    const rows = all
        .slice(0, limit)
        .map((v) => [
        escapeMarkdown(v.rule),
        escapeMarkdown(v.subject),
        escapeMarkdown(v.metric),
        violationChange(v),
        noiseText(v),
        escapeMarkdown(v.limitText),
    ]);
    const head = ['Rule', 'Subject', 'Metric', 'Change', 'Noise (1σ)', 'Limit'];
    return (`#### Inconclusive: over the limit, within the noise\n\n${table(head, rows, 'lllrrl')}` +
        `${moreLine(all.length, rows.length, 'rows')}\n\n${escapeMarkdown(INCONCLUSIVE_ADVICE)}`);
}
/** Waived violations with reason and expiry, then expired waivers; undefined when neither. */
function waiversSection({ verdict }, limit) {
    const parts = [];
    if (verdict.waived.length > 0) {
        const rows = verdict.waived
            .slice(0, limit)
            .map((w) => [
            escapeMarkdown(w.rule),
            escapeMarkdown(w.subject),
            escapeMarkdown(w.metric),
            violationChange(w),
            escapeMarkdown(w.waiver.reason),
            escapeMarkdown(w.waiver.expires),
        ]);
        const head = ['Rule', 'Subject', 'Metric', 'Change', 'Reason', 'Expires'];
        parts.push(`#### Waived\n\n${table(head, rows, 'lllrll')}` +
            moreLine(verdict.waived.length, rows.length, 'waived violations'));
    }
    if (verdict.expiredWaivers.length > 0) {
        const lines = verdict.expiredWaivers
            .slice(0, limit)
            .map((w) => `- ⚠️ The ${expiredWaiverText(w, escapeMarkdown)}.`);
        parts.push(lines.join('\n') + moreLine(verdict.expiredWaivers.length, lines.length, 'expired waivers'));
    }
    return parts.length > 0 ? parts.join('\n\n') : undefined;
}

// The markdown "Benchmarks" section: one row per benchmark and unit, medians of the runs.
const LEGEND = 'Medians of the runs (`go test -count`). p: two-sided Mann–Whitney U test of the runs; ' +
    '`~`: the change is within run-to-run noise (p ≥ 0.05). ' +
    'A test needs 4 runs per side; B/op and allocs/op are counted, not timed, so fewer runs are judged on the medians.';
/** The benchmarks table (capped at `limit` rows), or undefined without benchmark input. */
function benchmarksSection({ diff }, limit) {
    const all = diff.benchmarks ?? [];
    if (all.length === 0)
        return undefined;
    const compared = all.some((c) => c.baseline !== null);
    const rows = all.slice(0, Math.max(0, limit));
    if (!compared) {
        const body = rows.map((c) => [
            escapeMarkdown(c.label),
            escapeMarkdown(c.metric),
            benchValue(c.candidate, c.metric),
            String(c.samples.candidate),
        ]);
        return (`#### Benchmarks\n\n${table(['Benchmark', 'Metric', 'Candidate', 'Runs'], body, 'llrr')}` +
            moreLine(all.length, rows.length, 'rows'));
    }
    const body = rows.map((c) => {
        const mark = c.significance === 'significant' ? '**' : '';
        return [
            escapeMarkdown(c.label),
            escapeMarkdown(c.metric),
            benchValue(c.baseline, c.metric),
            benchValue(c.candidate, c.metric),
            // Our own words and numbers; only `~` needs escaping (GitHub reads ~x~ as strikethrough).
            `${mark}${benchChange(c).replace('~', '\\~')}${mark}`,
            c.baseline === null ? benchSignificance(c) : `${benchSignificance(c)} · ${c.significance}`,
        ];
    });
    const head = ['Benchmark', 'Metric', 'Baseline', 'Candidate', 'Δ', 'p / significance'];
    return (`#### Benchmarks\n\n${table(head, body, 'llrrrl')}` +
        `${moreLine(all.length, rows.length, 'rows')}\n\n_${LEGEND}_`);
}

/** Stacks listed in a report. */
const GOROUTINE_STACKS = 5;
/** The frames that name a stack in a table cell: the first few below the runtime's own. */
function stackName(frames) {
    return frames.slice(0, 3).map((f) => f.function);
}
/** `1 → 6,668 (+6,667)`, or the candidate alone without a baseline. */
function totalText(g) {
    if (g.baseline === null)
        return formatCount(g.candidate);
    return `${formatCount(g.baseline)} → ${formatCount(g.candidate)} (${formatDelta(g.candidate - g.baseline, 'count')})`;
}
/** Markdown: the totals line, a table of the stacks that grew most, their full stacks collapsed. */
function goroutinesSection(g, withStacks) {
    if (!g)
        return undefined;
    const compared = g.baseline !== null;
    const rows = g.stacks
        .filter((s) => (compared ? (s.delta ?? 0) > 0 : s.candidate > 0))
        .slice(0, GOROUTINE_STACKS);
    const parts = [`#### Goroutines\n\n${totalText(g)} goroutines.`];
    if (rows.length > 0) {
        const name = (frames) => stackName(frames).map(escapeMarkdown).join(' ← ');
        parts.push(compared
            ? table(['Stack (innermost first)', 'Δ', 'Baseline → Candidate'], rows.map((s) => [
                name(s.frames),
                formatDelta(s.delta ?? 0, 'count'),
                `${formatCount(s.baseline ?? 0)} → ${formatCount(s.candidate)}`,
            ]), 'lrr')
            : table(['Stack (innermost first)', 'Goroutines'], rows.map((s) => [name(s.frames), formatCount(s.candidate)]), 'lr'));
        if (withStacks) {
            const s = rows[0];
            const lines = s.frames.map((f) => escapeHtml(f.file ? `${f.function} (${f.file}:${f.line})` : f.function));
            parts.push(`<details><summary>Stack holding the most new goroutines</summary>\n<pre>\n${lines.join('\n')}\n</pre>\n</details>`);
        }
    }
    return parts.join('\n\n');
}
/** Text: the totals line and the stacks that grew most; [] without goroutine profiles. */
function goroutineLines(g) {
    if (!g)
        return [];
    const compared = g.baseline !== null;
    const rows = g.stacks
        .filter((s) => (compared ? (s.delta ?? 0) > 0 : s.candidate > 0))
        .slice(0, GOROUTINE_STACKS);
    return [
        `  ${totalText(g)} goroutines`,
        ...rows.map((s) => {
            const n = compared ? formatDelta(s.delta ?? 0, 'count') : formatCount(s.candidate);
            return `  ${n.padStart(10)}  ${stackName(s.frames).map(escapeTerminal).join(' ← ')}`;
        }),
    ];
}

// Mermaid charts for GitHub comments: pies and line charts, every label sanitised.
/** Longest label or title in a chart, in characters. */
const MAX_MERMAID_LABEL = 60;
/** Colours of the line chart's lines, in order, and the emoji squares that name them. */
const LINE_COLOURS = ['#e5534b', '#4184e4', '#57ab5a', '#c69026'];
const LINE_SWATCHES = ['🟥', '🟦', '🟩', '🟧'];
/**
 * A label that cannot leave its chart: only letters, digits, spaces and `-_.()/` survive
 * (no quotes, colons, `%%` directives, brackets, `<`, `>`, `;`, `#` or backticks), line
 * breaks become spaces, runs of spaces collapse, and at most 60 characters remain.
 */
function mermaidLabel(s) {
    const kept = stripControls(s)
        .replace(/[^\p{L}\p{N} _.()/-]/gu, '')
        .replace(/ +/g, ' ')
        .trim();
    const chars = Array.from(kept);
    if (chars.length <= MAX_MERMAID_LABEL)
        return kept;
    return chars.slice(0, MAX_MERMAID_LABEL - 3).join('') + '...';
}
/** A number for a chart: plain decimal notation, at most `digits` decimals, no trailing zeros. */
function chartNumber(n, digits = 2) {
    const s = n.toFixed(digits);
    return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}
/** A pie chart; slices whose value prints as 0 are left out (mermaid wants positive values). */
function pieChart(title, slices) {
    const lines = [`pie title ${mermaidLabel(title)}`];
    for (const s of slices) {
        const value = chartNumber(s.value, s.value >= 10 ? 1 : s.value >= 0.01 ? 2 : 4);
        if (Number(value) > 0)
            lines.push(`    "${mermaidLabel(s.label)}" : ${value}`);
    }
    return codeFence(lines.join('\n'), 'mermaid');
}
/**
 * An `xychart-beta` line chart over categories 1…n, lines coloured by LINE_COLOURS in order
 * (GitHub's mermaid draws no legend: name the lines with LINE_SWATCHES next to the chart).
 */
function lineChart(title, yTitle, n, lines) {
    const max = Math.max(0, ...lines.flatMap((l) => l.values));
    const top = niceCeiling(max);
    const body = [
        '---',
        'config:',
        '  themeVariables:',
        '    xyChart:',
        `      plotColorPalette: "${LINE_COLOURS.join(', ')}"`,
        '---',
        'xychart-beta',
        `    title "${mermaidLabel(title)}"`,
        `    x-axis "Snapshot" [${Array.from({ length: n }, (_, i) => `"${i + 1}"`).join(', ')}]`,
        `    y-axis "${mermaidLabel(yTitle)}" 0 --> ${chartNumber(top)}`,
        ...lines
            .slice(0, LINE_COLOURS.length)
            .map((l) => `    line [${l.values.map((v) => chartNumber(v)).join(', ')}]`),
    ];
    return codeFence(body.join('\n'), 'mermaid');
}
/** The smallest 1, 2 or 5 × 10^k at or above `n` (1 for nothing to show). */
function niceCeiling(n) {
    if (!(n > 0))
        return 1;
    const power = 10 ** Math.floor(Math.log10(n));
    for (const step of [1, 2, 5, 10])
        if (step * power >= n)
            return step * power;
    return 10 * power;
}

const MIB = 1024 * 1024;
/**
 * The collapsed trend section, when the compare had a history with entries: a table of each
 * followed figure (branch median, range, this change) and, with `charts`, one line chart
 * per figure whose branch values exist.
 */
function historySection(input, charts) {
    const history = input.history;
    if (!history || history.entries.length === 0)
        return undefined;
    const metrics = historyMetrics({ ...input, history }).filter((m) => m.values.length > 0);
    if (metrics.length === 0)
        return undefined;
    const n = Math.max(...metrics.map((m) => m.values.length));
    const rows = metrics.map((m) => [
        label(m),
        valueText(median(m.values), m.unit),
        `${valueText(Math.min(...m.values), m.unit)} – ${valueText(Math.max(...m.values), m.unit)}`,
        valueText(m.candidate, m.unit),
    ]);
    const parts = [
        `<details><summary>Trend on the baseline branch (last ${n} of ${history.entries.length} pushes, ${escapeHtml(span(history))})</summary>`,
        '',
        table(['Figure', `Median of ${n}`, 'Range', 'This change'], rows, 'lrrr'),
        ...(charts ? metrics.map((m) => '\n' + trendChart(m)) : []),
        '',
        '</details>',
    ];
    return parts.join('\n');
}
/** One figure's chart: the branch's values (pushes 1…n, oldest first), then this change's. */
function trendChart(m) {
    const scale = m.unit === 'bytes' ? MIB : 1;
    const values = [...m.values, m.candidate].map((v) => v / scale);
    const top = Math.max(0, ...values);
    const categories = [...m.values.map((_, i) => `"${i + 1}"`), '"this"'];
    const title = m.subject === m.metric ? m.metric : `${m.metric} of ${m.subject}`;
    const body = [
        'xychart-beta',
        `    title "${mermaidLabel(title)}"`,
        `    x-axis "Push" [${categories.join(', ')}]`,
        `    y-axis "${yTitle(m.unit)}" 0 --> ${chartNumber(top > 0 ? top * 1.1 : 1)}`,
        `    line [${values.map((v) => chartNumber(v, 3)).join(', ')}]`,
    ];
    return codeFence(body.join('\n'), 'mermaid');
}
function yTitle(unit) {
    return unit === 'bytes' ? 'MiB' : unit === 'count' ? 'count' : unit;
}
function label(m) {
    return m.subject === m.metric
        ? escapeMarkdown(m.metric)
        : `${escapeMarkdown(m.metric)} of ${escapeMarkdown(m.subject)}`;
}
function span(h) {
    const day = (t) => t.slice(0, 10);
    const first = day(h.entries[0].time);
    const last = day(h.entries[h.entries.length - 1].time);
    return first === last ? first : `${first} to ${last}`;
}
function median(values) {
    const s = [...values].sort((a, b) => a - b);
    const mid = Math.floor(s.length / 2);
    return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * The top growers table and the heaviest stacks of the first few of them; undefined without
 * a profile or when no rows are asked for.
 */
function growersSection(input, limits) {
    const { diff, verdict } = input;
    const rows = focusRows(diff.allocators, verdict.focus);
    if (rows.length === 0 && !diff.totals[verdict.focus])
        return undefined;
    const focus = escapeMarkdown(verdict.focus);
    const compared = hasDeltas(rows);
    const title = compared
        ? `#### Top growing allocators (${focus})`
        : `#### Largest allocators (${focus})`;
    const all = growers(rows, Infinity);
    if (all.length === 0) {
        return `${title}\n\n${rows.length === 0 ? 'No allocation samples.' : 'No allocator grew.'}`;
    }
    const top = all.slice(0, Math.max(0, Math.floor(limits.growers)));
    if (top.length === 0)
        return undefined;
    const origin = diff.origin
        ? `The top grower is ${originText(diff.origin, escapeMarkdown)}.\n\n`
        : '';
    const parts = [
        `${title}\n\n${origin}${changeTable(top, 'Function', compared, diff.totals[verdict.focus]?.candidate)}`,
    ];
    for (const r of top.slice(0, Math.min(limits.stacks, MAX_STACKS))) {
        if (r.stack.length > 0)
            parts.push(stackDetails(r, limits.frames));
    }
    return parts.join('\n\n');
}
/** The top packages by growth (top 5 at most), or undefined when none grew. */
function packagesSection(input, limits) {
    return groupSection(input, input.diff.packages, 'packages', 'Package', limits.packages);
}
/** The top call stacks by growth, when the diff grouped by stack; undefined otherwise. */
function stacksSection(input, limits) {
    const rows = input.diff.stacks;
    return rows
        ? groupSection(input, rows, 'call stacks', 'Call stack (leaf first)', limits.packages)
        : undefined;
}
function groupSection(input, all, what, column, limit) {
    const { diff, verdict } = input;
    const rows = focusRows(all, verdict.focus);
    const compared = hasDeltas(rows);
    const top = growers(rows, Math.min(5, limit));
    if (top.length === 0)
        return undefined;
    const focus = escapeMarkdown(verdict.focus);
    const title = compared ? `#### Top growing ${what} (${focus})` : `#### Largest ${what} (${focus})`;
    return `${title}\n\n${changeTable(top, column, compared, diff.totals[verdict.focus]?.candidate)}`;
}
function changeTable(rows, name, compared, total) {
    if (!compared) {
        return table([name, 'Candidate', 'Share'], rows.map((r) => [
            escapeMarkdown(r.function),
            valueText(r.candidate, r.unit),
            shareText(r.candidate, total),
        ]), 'lrr');
    }
    return table([name, 'Δ', '%', 'Baseline → Candidate'], rows.map((r) => [
        escapeMarkdown(r.function),
        deltaText(r, r.unit),
        percentText(r),
        `${valueText(r.baseline, r.unit)} → ${valueText(r.candidate, r.unit)}`,
    ]), 'lrrr');
}
/** A collapsed `<pre>` of the candidate's heaviest stack through `r`, leaf first. */
function stackDetails(r, maxFrames) {
    const frames = r.stack.slice(0, maxFrames).map(frameLine);
    if (r.stack.length > frames.length)
        frames.push(`… ${r.stack.length - frames.length} more frames`);
    return [
        `<details><summary>Heaviest stack: ${escapeHtml(r.function)}</summary>`,
        '<pre>',
        ...frames,
        '</pre>',
        '</details>',
    ].join('\n');
}
function frameLine(f) {
    if (!f.file)
        return escapeHtml(f.function);
    const at = f.line > 0 ? `${escapeHtml(f.file)}:${f.line}` : escapeHtml(f.file);
    return `${escapeHtml(f.function)} (${at})`;
}

/** Most warnings listed; more are counted. */
const MAX_WARNINGS = 20;
/** Totals of every sample type; undefined without a profile. */
function totalsSection({ diff }) {
    const types = totalTypes(diff);
    if (types.length === 0)
        return undefined;
    return `#### Totals\n\n${figuresTable('Sample type', types, (t) => diff.totals[t])}`;
}
/** The runtime's MemStats fields present, in MEMSTATS_FIELDS order; undefined without any. */
function memstatsSection({ diff }) {
    const fields = runtimeMemstatsFields(diff);
    if (fields.length === 0)
        return undefined;
    return `#### MemStats\n\n${figuresTable('Field', fields, (f) => diff.memstats[f])}`;
}
/** Name | Baseline | Candidate | Δ | %, or Name | Candidate when no row has a baseline. */
function figuresTable(name, keys, get) {
    const compared = keys.some((k) => get(k).baseline !== null);
    if (!compared) {
        const rows = keys.map((k) => [escapeMarkdown(k), valueText(get(k).candidate, get(k).unit)]);
        return table([name, 'Candidate'], rows, 'lr');
    }
    const rows = keys.map((k) => {
        const c = get(k);
        return [
            escapeMarkdown(k),
            valueText(c.baseline, c.unit),
            valueText(c.candidate, c.unit),
            deltaText(c, c.unit),
            percentText(c),
        ];
    });
    return table([name, 'Baseline', 'Candidate', 'Δ', '%'], rows, 'lrrrr');
}
/** Every input file with its format, focus total and sampling period, collapsed. */
function inputsSection({ diff, verdict, explore }, limit) {
    if (diff.files.length === 0)
        return undefined;
    const count = (side) => diff.files.filter((f) => f.side === side).length;
    const sides = (count('baseline') > 0 ? `${count('baseline')} baseline, ` : '') +
        `${count('candidate')} candidate file${count('candidate') === 1 ? '' : 's'}`;
    const rows = diff.files.slice(0, limit).map((f) => {
        const total = f.totals[verdict.focus];
        const unit = diff.totals[verdict.focus]?.unit ?? 'bytes';
        return [
            f.side,
            escapeMarkdown(explore?.paths[f.source] ?? f.source),
            f.format + (f.hasMemStats && isProfile(f) ? ' + MemStats' : ''),
            total === undefined ? MISSING : valueText(total, unit),
            f.period > 0 ? formatBytes(f.period) : MISSING,
        ];
    });
    const head = ['Side', 'File', 'Format', `${escapeMarkdown(verdict.focus)} total`, 'Period'];
    return [
        `<details><summary>Inputs: ${sides}</summary>`,
        '',
        table(head, rows, 'lllrr') + moreLine(diff.files.length, rows.length, 'files'),
        '',
        '</details>',
    ].join('\n');
}
/** Ready-to-paste pprof commands on the first profile of each side; undefined without one. */
function commandSection({ diff, verdict, explore }) {
    const commands = pprofCommands(diff, verdict.focus, explore?.paths);
    if (commands.length === 0)
        return undefined;
    const what = diff.hasBaseline && commands[0].includes('-diff_base=') ? 'the change' : 'the profile';
    const heading = `#### Explore ${what} in pprof`;
    if (!explore)
        return `${heading}\n\n${codeFence(commands.join('\n'), 'sh')}`;
    // The links are the shell's (trusted); only their text is escaped.
    const links = explore.links.map((l) => `[${escapeMarkdown(l.text)}](${l.url})`).join(' · ');
    const code = codeFence([...explore.fetch, ...commands].join('\n'), 'sh');
    return `${heading}\n\nThe files: ${links}\n\n${code}`;
}
/** Warnings from the diff and the verdict as a list; undefined when there are none. */
function warningsSection({ diff, verdict }) {
    const warnings = allWarnings(diff, verdict);
    if (warnings.length === 0)
        return undefined;
    const lines = warnings.slice(0, MAX_WARNINGS).map((w) => `- ${escapeMarkdown(w.message)}`);
    return `#### Warnings\n\n${lines.join('\n')}${moreLine(warnings.length, lines.length, 'warnings')}`;
}

const MiB$1 = 1024 * 1024;
/** Longest function name in a column header. */
const HEADER_NAME$1 = 60;
/**
 * The suspects table with the allocators growing along, the series as a chart and a table of
 * values; a one-line "No leak" when a series shows none; undefined without series or suspects.
 */
function leaksSection(input, limits) {
    const { diff, verdict } = input;
    const suspects = orderedSuspects(verdict.leakSuspects ?? []);
    const series = diff.series;
    if (suspects.length === 0)
        return series ? `✅ ${noLeakText(series, escapeMarkdown, input.verdict.leakCheck)}` : undefined;
    const shown = suspects.slice(0, Math.max(1, limits.rows));
    const rows = shown.map((s) => [
        escapeMarkdown(s.subject),
        escapeMarkdown(s.metric),
        slopeText(s.slopePerSnapshot, s.unit),
        String(s.snapshots),
        `${valueText(s.first, s.unit)} → ${valueText(s.last, s.unit)}`,
    ]);
    const head = ['Subject', 'Metric', 'Per snapshot', 'Snapshots', 'First → Last'];
    const parts = [
        `#### Leak suspects\n\n${table(head, rows, 'llrrr')}` +
            moreLine(suspects.length, shown.length, 'suspects'),
    ];
    const groups = allocatorGroups(suspects);
    for (const g of groups) {
        const what = groups.length === 1 ? 'it' : g.metrics.map(escapeMarkdown).join(', ');
        const list = g.allocators.map((a) => `${code(a.function)} (${slopeText(a.slopePerSnapshot, 'bytes')} per snapshot)`);
        parts.push(`Allocators growing with ${what}: ${list.join(', ')}.`);
    }
    if (series) {
        if (limits.charts) {
            const chart = seriesChart(series, suspects);
            if (chart)
                parts.push(chart);
        }
        if (limits.seriesRows > 0)
            parts.push(valuesTable(series, suspects, limits.seriesRows));
    }
    return parts.join('\n\n');
}
/** A line chart in MiB of the charted series that are known at every snapshot, and its key. */
function seriesChart(series, suspects) {
    const n = seriesLength(series);
    const lines = chartedSeries(series, suspects)
        .filter((m) => m.values.length === n && m.values.every((v) => v !== null))
        .slice(0, LINE_COLOURS.length);
    if (lines.length === 0 || n < 2)
        return undefined;
    const title = lines.map((m) => m.subject).join(' / ') + ' (MiB)';
    const chart = lineChart(title, 'MiB', n, lines.map((m) => ({ values: m.values.map((v) => (v ?? 0) / MiB$1) })));
    const key = lines.map((m, i) => `${LINE_SWATCHES[i]} ${name(m)}`).join(' · ');
    return `${chart}\n\n${key}`;
}
/** The tabled series per snapshot, in a collapsed block; evenly thinned past `limit` rows. */
function valuesTable(series, suspects, limit) {
    const n = seriesLength(series);
    const metrics = tabledSeries(series, suspects);
    const picked = spreadIndices(n, limit);
    const rows = picked.map((i) => [
        String(i + 1),
        series.labels[i] !== undefined ? escapeMarkdown(series.labels[i]) : MISSING,
        ...metrics.map((m) => {
            const v = m.values[i];
            return v === null || v === undefined ? MISSING : valueText(v, m.unit);
        }),
    ]);
    const head = ['#', 'Snapshot', ...metrics.map((m) => name(m))];
    const thinned = picked.length < n
        ? `\n\n${picked.length} of ${n} snapshots shown; \`--format json\` has them all.`
        : '';
    return [
        `<details><summary>Values per snapshot (${n}, ${escapeHtml(orderText(series))})</summary>`,
        '',
        table(head, rows, 'rl' + 'r'.repeat(metrics.length)) + thinned,
        '',
        '</details>',
    ].join('\n');
}
/** A metric's name, or a function's name as code (escaped, shortened for a header). */
function name(m) {
    return isProcessWide(m) ? escapeMarkdown(m.metric) : code(truncate(m.subject, HEADER_NAME$1));
}
/**
 * Untrusted text in monospace: `<code>` rather than backticks, so the markdown escapes inside
 * still apply and nothing can close the span early.
 */
function code(s) {
    return `<code>${escapeMarkdown(s)}</code>`;
}

// What every report shows about where a process's memory went: class rows, totals, coverage.
/** The classes of both sides, aligned; undefined without any accounting. */
function memoryView(diff) {
    const { baseline, candidate } = diff.accounting ?? {};
    if (!baseline && !candidate)
        return undefined;
    const bytes = (a, c) => a?.classes.find((x) => x.class === c)?.bytes ?? null;
    const rows = MEMORY_CLASSES.map((c) => ({
        class: c,
        label: CLASS_INFO[c].label,
        explain: CLASS_INFO[c].explain,
        baseline: bytes(baseline, c),
        candidate: bytes(candidate, c),
    })).filter((r) => r.baseline !== null || r.candidate !== null);
    return { baseline, candidate, rows };
}
/** The RSS row's label: `RSS (current)`, or `RSS (MaxRSS, peak)` when a side only had the peak. */
function rssLabel(view) {
    const peak = [view.baseline, view.candidate].some((a) => a?.rss?.source === 'MaxRSS');
    return peak ? 'RSS (MaxRSS, peak)' : 'RSS (current)';
}
/** What the RSS row means. */
function rssExplain(view) {
    return rssLabel(view).includes('peak')
        ? 'The most resident memory the process ever had (MaxRSS), not its current size.'
        : 'Memory of the process resident in RAM, as the OS reports it.';
}
/** What the Sys row means. */
const SYS_EXPLAIN = 'Everything the Go runtime obtained from the OS; the Go classes above add up to it exactly.';
/**
 * `The heap profile covers 93% of the live heap (sampling one allocation per 512 KiB
 * allocated)`, then accounting.ts's note when profile and runtime disagree; [] without coverage.
 */
function coverageLines(view) {
    const c = view.candidate?.coverage;
    if (!c || c.heapAlloc === 0)
        return [];
    const pct = (r) => `${Math.round(r * 100)}%`;
    const base = view.baseline?.coverage;
    const rate = c.period > 1
        ? ` (sampling one allocation per ${formatBytes(c.period)} allocated)`
        : c.period === 1
            ? ' (recording every allocation)'
            : '';
    const baseText = base && base.heapAlloc > 0 ? `; ${pct(base.ratio)} in the baseline` : '';
    const lines = [`The heap profile covers ${pct(c.ratio)} of the live heap${rate}${baseText}.`];
    const note = coverageNote(c);
    if (note)
        lines.push(note);
    return lines;
}
/** Sum of a side's classes as charted (Sys plus what RSS holds outside Go). */
function chartedTotal(a) {
    return a.classes.reduce((s, c) => s + c.bytes, 0);
}

// Markdown "Where the memory is": the classes of process memory, their meaning, and pies.
const MiB = 1024 * 1024;
/**
 * The classes table (Class | Baseline | Candidate | Δ | What it is, or just Candidate), the
 * Sys and RSS rows, the profile's coverage, then a pie per side; undefined without MemStats.
 */
function memorySection({ diff }, limits) {
    const view = memoryView(diff);
    if (!view)
        return undefined;
    const parts = [`#### Where the memory is\n\n${classTable(view, limits.explain)}`];
    const coverage = coverageLines(view);
    if (coverage.length > 0)
        parts.push(coverage.map(escapeProse).join(' '));
    if (limits.charts) {
        if (view.baseline)
            parts.push(pie('Baseline', view.baseline));
        if (view.candidate)
            parts.push(pie('Candidate', view.candidate));
    }
    return parts.join('\n\n');
}
function classTable(view, explain) {
    const sides = ['baseline', 'candidate'].filter((s) => view[s]);
    const compared = sides.length === 2;
    const head = [
        'Class',
        ...sides.map((s) => (s === 'baseline' ? 'Baseline' : 'Candidate')),
        ...(compared ? ['Δ'] : []),
        ...(explain ? ['What it is'] : []),
    ];
    const line = (name, get, what) => {
        const values = sides.map((s) => {
            const a = view[s];
            return a ? (get(a) ?? null) : null;
        });
        const [b, c] = values;
        const delta = !compared
            ? []
            : b !== null && c !== null
                ? [formatDelta(c - b, 'bytes')]
                : [MISSING];
        return [
            name,
            ...values.map((v) => valueText(v, 'bytes')),
            ...delta,
            ...(explain ? [escapeProse(what)] : []),
        ];
    };
    const rows = view.rows.map((r) => line(`${r.label} (\`${r.class}\`)`, (a) => a.classes.find((x) => x.class === r.class)?.bytes, r.explain));
    rows.push(line('**Sys (Go runtime total)**', (a) => a.sys, SYS_EXPLAIN));
    if (view.baseline?.rss || view.candidate?.rss)
        rows.push(line(rssLabel(view), (a) => a.rss?.bytes, rssExplain(view)));
    const align = 'l' + 'r'.repeat(head.length - 1 - (explain ? 1 : 0)) + (explain ? 'l' : '');
    return table(head, rows, align);
}
/** `pie title Candidate memory (60.8 MiB)` with a slice per nonzero class, in MiB. */
function pie(side, a) {
    return pieChart(`${side} memory (${formatBytes(chartedTotal(a))})`, a.classes
        .filter((c) => c.bytes > 0)
        .map((c) => ({ label: CLASS_INFO[c.class].label, value: c.bytes / MiB })));
}

// Renders the PR comment: GitHub-flavoured markdown, every untrusted string escaped.
/**
 * Longest markdown report, in characters. GitHub refuses comments over 65,536; the margin
 * leaves room for the shell's marker and footer.
 */
const MARKDOWN_LIMIT = 60_000;
const TRIMMED = '_Some sections were shortened or left out to fit a GitHub comment; ' +
    'run gomem-gate with `--format json` for everything._';
/** The markdown report, at most `input.maxLength` characters, ending in a newline. */
function renderMarkdown(input) {
    const max = input.maxLength ?? MARKDOWN_LIMIT;
    const top = Math.max(0, Math.floor(input.top));
    // Each level shortens more; the charts go first (a picture supplements the tables).
    const full = {
        rows: 50,
        growers: top,
        stacks: 5,
        frames: 32,
        packages: 5,
        charts: true,
        explain: true,
        seriesRows: 50,
    };
    const levels = [
        full,
        { ...full, charts: false },
        {
            ...full,
            rows: 20,
            growers: Math.min(top, 10),
            stacks: 2,
            frames: 12,
            charts: false,
            seriesRows: 20,
        },
        {
            rows: 5,
            growers: Math.min(top, 5),
            stacks: 0,
            frames: 0,
            packages: 0,
            charts: false,
            explain: false,
            seriesRows: 0,
        },
    ];
    for (const [i, limits] of levels.entries()) {
        const sections = build(input, limits);
        const text = join(i === 0 ? sections : [...sections, TRIMMED]);
        if (text.length <= max)
            return text;
    }
    return fit(build(input, levels[levels.length - 1]), max);
}
function build(input, limits) {
    const sections = [
        headingSection(input),
        notesSection(input),
        violationsSection(input, limits.rows),
        inconclusiveSection(input, limits.rows),
        leaksSection(input, limits),
        waiversSection(input, limits.rows),
        benchmarksSection(input, limits.rows),
        growersSection(input, limits),
        limits.packages > 0 ? packagesSection(input, limits) : undefined,
        limits.packages > 0 ? stacksSection(input, limits) : undefined,
        totalsSection(input),
        historySection(input, limits.charts),
        goroutinesSection(input.diff.goroutines, limits.stacks > 0),
        memorySection(input, limits),
        memstatsSection(input),
        inputsSection(input, limits.rows),
        commandSection(input),
        warningsSection(input),
    ];
    return sections.filter((s) => s !== undefined);
}
/** Keeps whole sections, in order, while they fit; the heading always does. */
function fit(sections, max) {
    const kept = [];
    let size = TRIMMED.length + 2;
    for (const s of sections) {
        if (size + s.length + 2 > max)
            continue;
        kept.push(s);
        size += s.length + 2;
    }
    return join([...kept, TRIMMED]);
}
/** The shell's notes (plain text, escaped here like everything else). */
function notesSection(input) {
    const notes = input.notes ?? [];
    return notes.length > 0 ? notes.map((n) => `> ${escapeMarkdown(n)}`).join('\n>\n') : undefined;
}
function join(sections) {
    return sections.join('\n\n') + '\n';
}

// Terminal layout: ANSI styles and columns padded by visible width.
const ESC = String.fromCharCode(27);
const CODES = {
    plain: '',
    red: '31',
    green: '32',
    yellow: '33',
    dim: '2',
    'bold-red': '1;31',
    'bold-green': '1;32',
};
/** Applies a style as ANSI codes when `color` is on; otherwise returns the text unchanged. */
function paint(text, style, color) {
    if (!color || style === 'plain' || text === '')
        return text;
    return `${ESC}[${CODES[style]}m${text}${ESC}[0m`;
}
/** Red for growth, green for shrinkage, plain for no change or no baseline. */
function deltaStyle(delta) {
    return delta === null || delta === 0 ? 'plain' : delta > 0 ? 'red' : 'green';
}
/** Width of text as a terminal shows it (code points; styles are added after measuring). */
function visibleWidth(text) {
    return Array.from(text).length;
}
/**
 * Rows as aligned columns, indented by two spaces. `align` holds `l` or `r` per column; the
 * first row is a header and printed dim. Trailing padding is not emitted.
 */
function columns(rows, align, color) {
    const cells = rows.map((r) => r.map((c) => (typeof c === 'string' ? { text: c, style: 'plain' } : c)));
    const widths = [];
    for (const r of cells)
        r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, visibleWidth(c.text))));
    return cells.map((r, row) => {
        const parts = r.map((c, i) => {
            const pad = ' '.repeat(widths[i] - visibleWidth(c.text));
            const last = i === r.length - 1;
            const style = row === 0 ? 'dim' : c.style;
            const text = paint(c.text, style, color);
            return align[i] === 'r' ? pad + text : last ? text : text + pad;
        });
        return ('  ' + parts.join('  ')).replace(/ +$/, '');
    });
}

/** The table's lines ([] without benchmark input); no escape codes unless `color`. */
function benchmarkLines(diff, color) {
    const all = diff.benchmarks ?? [];
    if (all.length === 0)
        return [];
    if (!all.some((c) => c.baseline !== null)) {
        const rows = all.map((c) => [
            escapeTerminal(c.label),
            escapeTerminal(c.metric),
            benchValue(c.candidate, c.metric),
            `n=${c.samples.candidate}`,
        ]);
        return columns([['benchmark', 'metric', 'candidate', 'runs'], ...rows], 'llrr', color);
    }
    const rows = all.map((c) => [
        escapeTerminal(c.label),
        escapeTerminal(c.metric),
        benchValue(c.baseline, c.metric),
        benchValue(c.candidate, c.metric),
        { text: benchChange(c), style: style(c) },
        { text: benchSignificance(c), style: c.significance === 'significant' ? 'plain' : 'dim' },
    ]);
    return [
        ...columns([['benchmark', 'metric', 'baseline', 'candidate', 'Δ', 'p'], ...rows], 'llrrrl', color),
        '',
        '  medians of the runs; ~: within run-to-run noise (Mann–Whitney p >= 0.05)',
    ];
}
/** Red for a significant increase, green for a decrease (MB/s the other way round), yellow unsure. */
function style(c) {
    if (c.delta === null || c.delta === 0 || c.significance === 'noise')
        return 'plain';
    if (c.significance === 'inconclusive')
        return 'yellow';
    const worse = c.metric.endsWith('/s') ? c.delta < 0 : c.delta > 0;
    return worse ? 'red' : 'green';
}

/** Most snapshots in the table of values; more are thinned evenly. */
const TEXT_SERIES_ROWS = 30;
/** Longest function name in a column header. */
const HEADER_NAME = 40;
/**
 * The `Leak suspects` section's lines (table, allocators, values per snapshot), or a
 * `Leak check` one-liner when a series shows no leak; the title comes first, [] for neither.
 */
function leakLines(series, raw, color, check) {
    const suspects = orderedSuspects(raw);
    if (suspects.length === 0)
        return series ? ['Leak check', [`  ${noLeakText(series, escapeTerminal, check)}`]] : ['', []];
    const out = columns([
        ['subject', 'metric', 'per snapshot', 'snapshots', 'first → last', 'p'],
        ...suspects.map((s) => [
            escapeTerminal(s.subject),
            escapeTerminal(s.metric),
            { text: slopeText(s.slopePerSnapshot, s.unit), style: 'red' },
            String(s.snapshots),
            `${valueText(s.first, s.unit)} → ${valueText(s.last, s.unit)}`,
            pValue$1(s.p),
        ]),
    ], 'llrrrr', color);
    const groups = allocatorGroups(suspects);
    for (const g of groups) {
        const what = groups.length === 1 ? 'it' : g.metrics.map((m) => escapeTerminal(m)).join(', ');
        const list = g.allocators.map((a) => `${escapeTerminal(a.function)} (${slopeText(a.slopePerSnapshot, 'bytes')} per snapshot)`);
        out.push('', `  allocators growing with ${what}: ${list.join(', ')}`);
    }
    if (series)
        out.push('', ...valueLines(series, suspects, color));
    return ['Leak suspects', out];
}
function valueLines(series, suspects, color) {
    const n = seriesLength(series);
    const metrics = tabledSeries(series, suspects);
    const picked = spreadIndices(n, TEXT_SERIES_ROWS);
    const head = [
        '#',
        ...metrics.map((m) => (isProcessWide(m) ? m.metric : escapeTerminal(truncate(m.subject, HEADER_NAME)))),
        'snapshot',
    ];
    const rows = picked.map((i) => [
        String(i + 1),
        ...metrics.map((m) => {
            const v = m.values[i];
            return v === null || v === undefined ? MISSING : valueText(v, m.unit);
        }),
        { text: series.labels[i] !== undefined ? escapeTerminal(series.labels[i]) : MISSING, style: 'dim' },
    ]);
    const title = `  values per snapshot (${n}, ${orderText(series)})`;
    const thinned = picked.length < n ? [paint(`  ${picked.length} of ${n} snapshots shown`, 'dim', color)] : [];
    return [
        title,
        ...columns([head, ...rows], 'r' + 'r'.repeat(metrics.length) + 'l', color),
        ...thinned,
    ];
}

/** Cells of the longest bar. */
const BAR_CELLS = 30;
const FULL = '█';
const EMPTY = '░';
/** Shown for a class too small to fill half a cell, so that it does not look empty. */
const SLIVER = '▏';
const SYS_LABEL = 'Sys (Go runtime total)';
/** Width the coverage sentences are wrapped at. */
const WRAP = 96;
/**
 * A block per side (baseline, then candidate): class, bytes, a bar on a scale shared by both
 * sides, the change on the candidate's; then Sys, RSS and the profile's coverage. [] without
 * MemStats. No escape codes unless `color`.
 */
function memoryLines(diff, color) {
    const view = memoryView(diff);
    if (!view)
        return [];
    const sides = ['baseline', 'candidate'].filter((s) => view[s]);
    const labels = [...view.rows.map((r) => r.label), SYS_LABEL, rssLabel(view)];
    const labelWidth = Math.max(...labels.map(visibleWidth));
    const values = sides.flatMap((s) => figures$1(view[s]).map(formatBytes));
    const valueWidth = Math.max(...values.map(visibleWidth));
    const scale = Math.max(1, ...sides.flatMap((s) => view[s].classes.map((c) => c.bytes)));
    const line = (label, bytes, rest) => `    ${label.padEnd(labelWidth)}  ${formatBytes(bytes).padStart(valueWidth)}${rest}`;
    // Changes (candidate side, with a baseline) are right-aligned in a column after the bars.
    const { baseline, candidate } = view;
    const deltas = new Map();
    if (baseline && candidate) {
        for (const r of view.rows)
            if (r.baseline !== null && r.candidate !== null)
                deltas.set(r.class, r.candidate - r.baseline);
        deltas.set('sys', candidate.sys - baseline.sys);
        if (baseline.rss && candidate.rss)
            deltas.set('rss', candidate.rss.bytes - baseline.rss.bytes);
    }
    const deltaWidth = Math.max(0, ...[...deltas.values()].map((d) => formatDelta(d, 'bytes').length));
    const change = (key) => {
        const d = deltas.get(key);
        if (d === undefined)
            return '';
        return '  ' + paint(formatDelta(d, 'bytes').padStart(deltaWidth), deltaStyle(d), color);
    };
    const out = [];
    for (const side of sides) {
        const a = view[side];
        const withChange = side === 'candidate';
        out.push(`  ${side}`);
        for (const r of view.rows) {
            const bytes = r[side];
            if (bytes === null)
                continue;
            const rest = `  ${bar(bytes, scale, color)}${withChange ? change(r.class) : ''}`;
            out.push(line(r.label, bytes, rest));
        }
        // Sys and RSS have no bar; their changes stay in the column.
        const noBar = (key) => withChange && deltas.has(key) ? ' '.repeat(2 + BAR_CELLS) + change(key) : '';
        out.push(line(SYS_LABEL, a.sys, noBar('sys')));
        if (a.rss)
            out.push(line(rssLabel(view), a.rss.bytes, noBar('rss')));
    }
    for (const sentence of coverageLines(view))
        out.push(...wrap(sentence, '  '));
    return out;
}
/** The byte figures a side prints (classes, Sys, RSS), for the column width. */
function figures$1(a) {
    return [...a.classes.map((c) => c.bytes), a.sys, ...(a.rss ? [a.rss.bytes] : [])];
}
/** `██████░░░…`: BAR_CELLS cells in all, filled in proportion to `bytes / scale`. */
function bar(bytes, scale, color) {
    const exact = (Math.max(0, bytes) / scale) * BAR_CELLS;
    let filled = FULL.repeat(Math.min(BAR_CELLS, Math.round(exact)));
    if (filled === '' && bytes > 0)
        filled = SLIVER;
    const empty = EMPTY.repeat(BAR_CELLS - Array.from(filled).length);
    return filled + paint(empty, 'dim', color);
}
/** Words of `text` on lines of at most WRAP characters, each starting with `indent`. */
function wrap(text, indent) {
    const lines = [];
    let current = '';
    // A number stays on the line of its unit.
    for (const word of text.split(/ (?!(?:B|KiB|MiB|GiB|TiB|PiB)\b)/)) {
        if (current && visibleWidth(indent + current + ' ' + word) > WRAP) {
            lines.push(indent + current);
            current = word;
        }
        else
            current = current ? `${current} ${word}` : word;
    }
    if (current)
        lines.push(indent + current);
    return lines;
}

/** Heaviest stacks the terminal report prints, and frames per stack. */
const TEXT_STACKS = 3;
const TEXT_FRAMES = 10;
const LABELS = {
    fail: ['FAIL', 'bold-red'],
    pass: ['PASS', 'bold-green'],
    'no-baseline': ['INFO', 'yellow'],
};
/** A pass that could not judge (couldNotJudge): not a plain PASS. */
const UNJUDGED = ['WARN', 'yellow'];
/** The text report; without `input.color` it contains no escape codes at all. */
function renderText(input) {
    const { diff, verdict } = input;
    const color = input.color === true;
    const [label, labelStyle] = couldNotJudge(verdict) ? UNJUDGED : LABELS[verdict.status];
    const out = [
        `${paint(label, labelStyle, color)}  gomem-gate: ${verdictDetail(verdict, escapeTerminal)} ` +
            paint(`(policy: ${escapeTerminal(verdict.policySource)})`, 'dim', color),
    ];
    const phrase = focusPhrase(diff, verdict, escapeTerminal);
    if (phrase)
        out.push(`      ${phrase}`);
    const section = (title, lines) => {
        if (lines.length > 0)
            out.push('', title, ...lines);
    };
    const table = (head, rows, align) => rows.length > 0 ? columns([head, ...rows], align, color) : [];
    section('Violations', table(['rule', 'subject', 'metric', 'baseline', 'candidate', 'change', 'limit'], verdict.violations.map((v) => [
        { text: escapeTerminal(v.rule), style: 'red' },
        escapeTerminal(v.subject),
        escapeTerminal(v.metric),
        valueText(v.baseline, v.unit),
        valueText(v.candidate, v.unit),
        { text: violationChange(v), style: deltaStyle(v.delta) },
        escapeTerminal(v.limitText),
    ]), 'lllrrrl').concat(verdict.violations.length > 0 ? [`  ${methodsLine(verdict.violations, escapeTerminal)}`] : []));
    const unsure = table(['rule', 'subject', 'metric', 'change', 'noise (1σ)', 'limit'], verdict.inconclusive.map((v) => [
        { text: escapeTerminal(v.rule), style: 'yellow' },
        escapeTerminal(v.subject),
        escapeTerminal(v.metric),
        violationChange(v),
        noiseText(v),
        escapeTerminal(v.limitText),
    ]), 'lllrrl');
    section('Inconclusive: over the limit, within the sampling noise', unsure.length > 0 ? [...unsure, '', ...wrap(INCONCLUSIVE_ADVICE, '  ')] : []);
    section(...leakLines(diff.series, verdict.leakSuspects ?? [], color, verdict.leakCheck));
    section('Waived', table(['rule', 'subject', 'metric', 'change', 'expires', 'reason'], verdict.waived.map((w) => [
        escapeTerminal(w.rule),
        escapeTerminal(w.subject),
        escapeTerminal(w.metric),
        violationChange(w),
        escapeTerminal(w.waiver.expires),
        escapeTerminal(w.waiver.reason),
    ]), 'lllrll'));
    section('Expired waivers', verdict.expiredWaivers.map((w) => paint(`  ! ${expiredWaiverText(w, escapeTerminal)}`, 'yellow', color)));
    section('Benchmarks', benchmarkLines(diff, color));
    const rows = focusRows(diff.allocators, verdict.focus);
    const compared = hasDeltas(rows);
    const all = growers(rows, Infinity);
    const top = all.slice(0, Math.max(0, Math.floor(input.top)));
    const total = diff.totals[verdict.focus]?.candidate;
    const focus = escapeTerminal(verdict.focus);
    if (rows.length > 0 || diff.totals[verdict.focus]) {
        section(compared ? `Top growing allocators (${focus})` : `Largest allocators (${focus})`, all.length === 0
            ? [rows.length === 0 ? '  no allocation samples' : '  no allocator grew']
            : [
                ...(diff.origin ? [`  the top grower is ${originText(diff.origin, escapeTerminal)}`, ''] : []),
                ...changeColumns(top, compared, total, color),
                ...stacks(top, color),
            ]);
    }
    const groups = [['packages', diff.packages]];
    if (diff.stacks)
        groups.push(['call stacks (leaf first)', diff.stacks]);
    for (const [what, all] of groups) {
        const group = focusRows(all, verdict.focus);
        section(compared ? `Top growing ${what} (${focus})` : `Largest ${what} (${focus})`, changeColumns(growers(group, Math.min(5, input.top)), hasDeltas(group), total, color));
    }
    section('Totals', figures('sample type', totalTypes(diff), (t) => diff.totals[t], color));
    section('Goroutines', goroutineLines(diff.goroutines));
    section('Where the memory is', memoryLines(diff, color));
    section('MemStats', figures('field', runtimeMemstatsFields(diff), (f) => diff.memstats[f], color));
    section('Inputs', table(['side', 'format', `${focus} total`, 'period', 'file'], diff.files.map((f) => [
        f.side,
        f.format,
        f.totals[verdict.focus] === undefined
            ? MISSING
            : valueText(f.totals[verdict.focus], diff.totals[verdict.focus]?.unit ?? 'bytes'),
        f.period > 0 ? formatBytes(f.period) : MISSING,
        { text: escapeTerminal(f.source), style: 'dim' },
    ]), 'llrrl'));
    section('Explore in pprof', pprofCommands(diff, verdict.focus).map((c) => `  ${c}`));
    section('Warnings', allWarnings(diff, verdict).map((w) => paint(`  ! ${escapeTerminal(w.message)}`, 'yellow', color)));
    return out.join('\n') + '\n';
}
function changeColumns(rows, compared, total, color) {
    if (rows.length === 0)
        return [];
    if (!compared) {
        return columns([
            ['candidate', 'share', 'name'],
            ...rows.map((r) => [
                valueText(r.candidate, r.unit),
                shareText(r.candidate, total),
                escapeTerminal(r.function),
            ]),
        ], 'rrl', color);
    }
    const body = rows.map((r) => [
        { text: deltaText(r, r.unit), style: deltaStyle(r.delta) },
        { text: percentText(r), style: deltaStyle(r.delta) },
        valueText(r.baseline, r.unit),
        '→',
        valueText(r.candidate, r.unit),
        escapeTerminal(r.function),
    ]);
    return columns([['Δ', '%', 'baseline', '', 'candidate', 'name'], ...body], 'rrrlrl', color);
}
function stacks(rows, color) {
    const out = [];
    for (const r of rows.slice(0, TEXT_STACKS)) {
        if (r.stack.length === 0)
            continue;
        out.push('', `  heaviest stack of ${escapeTerminal(r.function)}:`);
        for (const f of r.stack.slice(0, TEXT_FRAMES)) {
            const at = f.file ? ` (${escapeTerminal(f.file)}${f.line > 0 ? `:${f.line}` : ''})` : '';
            out.push(`    ${escapeTerminal(f.function)}${paint(at, 'dim', color)}`);
        }
        if (r.stack.length > TEXT_FRAMES)
            out.push(paint(`    … ${r.stack.length - TEXT_FRAMES} more frames`, 'dim', color));
    }
    return out;
}
function figures(name, keys, get, color) {
    if (keys.length === 0)
        return [];
    if (!keys.some((k) => get(k).baseline !== null)) {
        const rows = keys.map((k) => [escapeTerminal(k), valueText(get(k).candidate, get(k).unit)]);
        return columns([[name, 'candidate'], ...rows], 'lr', color);
    }
    const rows = keys.map((k) => {
        const c = get(k);
        return [
            escapeTerminal(k),
            valueText(c.baseline, c.unit),
            valueText(c.candidate, c.unit),
            { text: deltaText(c, c.unit), style: deltaStyle(c.delta) },
            { text: percentText(c), style: deltaStyle(c.delta) },
        ];
    });
    return columns([[name, 'baseline', 'candidate', 'Δ', '%'], ...rows], 'lrrrr', color);
}

// The one renderer entry: picks a format, each format lives in its own file.
/** Renders the report in one format; pure, and every untrusted string is escaped for it. */
function render(input, format) {
    switch (format) {
        case 'markdown':
            return renderMarkdown(input);
        case 'text':
            return renderText(input);
        case 'json':
            return renderJson(input);
        default:
            throw new Error(`unknown report format: ${String(format)}`);
    }
}

var version = "1.0.0";
var pkg = {
	version: version};

// Read from package.json when the bundle is built (rollup inlines it), so `npm version` is
// the only place a release bumps it.
/** The gomem-gate version: package.json's. */
const VERSION = pkg.version;

// Parses the command line into a typed request; usage mistakes become GateErrors.
/** The output formats the CLI can write. */
const FORMATS = ['text', 'markdown', 'json'];
const USAGE = `gomem-gate: stop Go memory regressions

Usage:
  gomem-gate compare --baseline <file|glob>... --candidate <file|glob>... [options]
  gomem-gate record --history <file> [--commit <sha>] <file|glob>...

Compares a baseline and a candidate set of Go memory files, judges the change against a
YAML policy and exits 0 (pass, or no baseline), 1 (regression) or 2 (bad input or usage).

Inputs (sniffed by content, gzipped or not; several per side are added up):
  heap profiles (go test -memprofile, /debug/pprof/heap), debug=1 text heap profiles,
  runtime.MemStats JSON or /debug/vars, Prometheus /metrics scrapes.

Options:
  -b, --baseline <file|glob>   baseline files; repeat or list several (omit: no baseline)
  -c, --candidate <file|glob>  candidate files; repeat or list several
  -s, --series <file|glob>     snapshots of one candidate process over time (heap-001.pb.gz,
                               memstats-001.json, ...): leaks within the run are detected
                               without a baseline; the last snapshots are the candidate
                               when --candidate is not given
      --config <file>          policy file (default .github/gomem-gate.yml when it exists,
                               else the built-in defaults)
  -f, --format <fmt>           text | markdown | json (default text)
  -o, --output <file>          write the report to a file instead of stdout
      --sample-type <type>     alloc_objects | alloc_space | inuse_objects | inuse_space
                               (default: the profiles' own default, else inuse_space)
      --top <n>                growing allocators to list (default 10)
      --stacks                 also group by whole call stack and list the stacks that grew
      --history <file>         a baseline branch's history (written by record): the report
                               shows the trend of the main figures
  -h, --help                   show this help
  -v, --version                print the version

record reads the files as a compare reads its candidate and appends one entry (totals,
MemStats, memory classes, the top 50 allocators, benchmark medians) to the history file,
creating it when missing; the newest 200 entries are kept, within 1 MiB.
      --history <file>         the history file to append to (required)
      --commit <sha>           the commit the files were made from (default: git rev-parse
                               HEAD in a git repository, else unknown)
      --config <file>          policy file (its ignore list applies)
`;
/** Parses argv (without node and script). */
function parseCommandLine(argv) {
    if (argv.length === 0 || argv[0] === '-h' || argv[0] === '--help' || argv[0] === 'help') {
        return { command: 'help' };
    }
    if (argv[0] === '-v' || argv[0] === '--version')
        return { command: 'version' };
    if (argv[0] === 'record')
        return parseRecord(argv.slice(1));
    if (argv[0] !== 'compare') {
        throw new GateError('USAGE', `unknown command "${argv[0]}"`, 'run gomem-gate compare --help');
    }
    let parsed;
    try {
        parsed = parseArgs({
            args: argv.slice(1),
            allowPositionals: true,
            options: {
                baseline: { type: 'string', short: 'b', multiple: true },
                candidate: { type: 'string', short: 'c', multiple: true },
                series: { type: 'string', short: 's', multiple: true },
                config: { type: 'string' },
                format: { type: 'string', short: 'f' },
                output: { type: 'string', short: 'o' },
                'sample-type': { type: 'string' },
                top: { type: 'string' },
                stacks: { type: 'boolean' },
                history: { type: 'string' },
                help: { type: 'boolean', short: 'h' },
            },
            tokens: true,
        });
    }
    catch (err) {
        throw new GateError('USAGE', err.message.split('\n')[0], 'run gomem-gate compare --help');
    }
    if (parsed.values.help)
        return { command: 'help' };
    // `--baseline a.pb.gz b.pb.gz --candidate c.pb.gz`: bare words belong to the option before them.
    const lists = { baseline: [], candidate: [], series: [] };
    let current;
    for (const t of parsed.tokens ?? []) {
        if (t.kind === 'option') {
            current = t.name in lists ? t.name : undefined;
            if (current && t.value !== undefined)
                lists[current].push(t.value);
        }
        else if (t.kind === 'positional') {
            if (!current) {
                throw new GateError('USAGE', `unexpected argument "${t.value}"`, 'put files after --baseline or --candidate');
            }
            lists[current].push(t.value);
        }
    }
    if (lists.candidate.length === 0 && lists.series.length === 0) {
        throw new GateError('USAGE', '--candidate is required', 'name the files of the change under test, or a --series of snapshots');
    }
    const format = parsed.values.format ?? 'text';
    if (!FORMATS.includes(format)) {
        throw new GateError('USAGE', `--format ${format}: unknown format`, `use one of ${FORMATS.join(', ')}`);
    }
    const topText = parsed.values.top ?? '10';
    const top = Number(topText);
    if (!Number.isInteger(top) || top < 1) {
        throw new GateError('USAGE', `--top ${topText}: not a positive integer`, 'e.g. --top 20');
    }
    return {
        command: 'compare',
        baseline: lists.baseline,
        candidate: lists.candidate,
        series: lists.series,
        config: parsed.values.config,
        format: format,
        output: parsed.values.output,
        sampleType: parsed.values['sample-type'],
        top,
        stacks: parsed.values.stacks === true,
        ...(parsed.values.history !== undefined ? { history: parsed.values.history } : {}),
    };
}
function parseRecord(argv) {
    let parsed;
    try {
        parsed = parseArgs({
            args: argv,
            allowPositionals: true,
            options: {
                history: { type: 'string' },
                commit: { type: 'string' },
                config: { type: 'string' },
                help: { type: 'boolean', short: 'h' },
            },
        });
    }
    catch (err) {
        throw new GateError('USAGE', err.message.split('\n')[0], 'run gomem-gate record --help');
    }
    if (parsed.values.help)
        return { command: 'help' };
    if (!parsed.values.history) {
        throw new GateError('USAGE', 'record: --history is required', 'name the history file to append to');
    }
    if (parsed.positionals.length === 0) {
        throw new GateError('USAGE', 'record: no files given', 'name the heap profiles and MemStats files to record');
    }
    return {
        command: 'record',
        history: parsed.values.history,
        commit: parsed.values.commit,
        files: parsed.positionals,
        config: parsed.values.config,
    };
}

// One history entry from a compare's candidate side: the figures the rules judge, kept
// small (top allocators only) so a history of hundreds of pushes stays under its cap.
/** Allocators kept per sample type, by candidate flat value. */
const TOP_ALLOCATORS = 50;
const DERIVED = new Set([...MEMORY_CLASSES, 'profile_coverage']);
/**
 * The entry for the candidate side of a judged compare: its totals, MemStats fields (derived
 * classes apart, in `classes`), the top TOP_ALLOCATORS functions of each sample type by flat
 * value, benchmark medians keyed `name|unit`, and the heap profile's sampling period.
 */
function entryOf(result, meta) {
    const { diff } = result;
    const totals = {};
    for (const [t, c] of Object.entries(diff.totals))
        totals[t] = c.candidate;
    const memstats = {};
    for (const [f, c] of Object.entries(diff.memstats)) {
        if (!DERIVED.has(f) && Number.isFinite(c.candidate))
            memstats[f] = c.candidate;
    }
    const classes = {};
    for (const c of diff.accounting.candidate?.classes ?? [])
        classes[c.class] = c.bytes;
    const allocators = {};
    for (const type of Object.keys(diff.totals)) {
        const rows = diff.allocators
            .filter((r) => r.sampleType === type && r.candidate > 0)
            .sort((a, b) => b.candidate - a.candidate || (a.function < b.function ? -1 : 1))
            .slice(0, TOP_ALLOCATORS);
        if (rows.length > 0)
            allocators[type] = Object.fromEntries(rows.map((r) => [r.function, r.candidate]));
    }
    const benchmarks = {};
    for (const b of diff.benchmarks ?? []) {
        const key = benchmarkKey(b.name, b.metric);
        // The same name in two packages: the first (as the report lists them) is kept.
        if (!(key in benchmarks))
            benchmarks[key] = b.candidate;
    }
    const profile = diff.files.find((f) => f.side === 'candidate' && Object.keys(f.totals).length > 0);
    return {
        commit: meta.commit,
        time: meta.time,
        ...(meta.goVersion ? { goVersion: meta.goVersion } : {}),
        period: profile?.period ?? 0,
        totals,
        memstats,
        classes,
        allocators,
        benchmarks,
    };
}
/** How a benchmark's median is keyed in an entry: the JSON report's `name` and `metric`. */
function benchmarkKey(name, metric) {
    return `${name}|${metric}`;
}

// `gomem-gate record`: one history entry from the files a compare would read as its
// candidate, appended to the history file (created when missing).
/** Appends the entry for `args.files` and prints one line saying so; returns the exit code. */
async function record(args, io, now) {
    // Read first: a broken history is refused before any profile is read.
    const history = existsSync(args.history) ? readHistory(args.history) : newHistory();
    const result = await compare$1({
        baseline: [],
        candidate: args.files,
        config: args.config,
        labels: {
            baseline: '--baseline',
            candidate: 'record',
            config: '--config',
            series: '--series',
        },
        today: io.today,
    }, settingsFrom(io.env, availableParallelism()));
    const commit = args.commit ?? headCommit();
    const next = appendEntry(history, entryOf(result, { commit, time: now.toISOString() }));
    writeHistory(args.history, next);
    io.stdout(`recorded entry ${next.entries.length} of ${args.history} for commit ${commit.slice(0, 7)} (${result.diff.files.length} files)\n`);
    return 0;
}
/** The commit checked out here, or `unknown` outside a git repository. */
function headCommit() {
    try {
        const sha = execFileSync('git', ['rev-parse', 'HEAD'], {
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'ignore'],
            timeout: 10_000,
        }).trim();
        return /^[0-9a-f]{7,64}$/.test(sha) ? sha : 'unknown';
    }
    catch {
        return 'unknown';
    }
}

// The CLI shell: reads files, config and the clock, calls the core, writes the report.
/** Runs the CLI and returns its exit code: 0 pass/no-baseline, 1 regression, 2 bad input. */
async function runCli(argv, io) {
    try {
        const req = parseCommandLine(argv);
        if (req.command === 'help') {
            io.stdout(USAGE);
            return 0;
        }
        if (req.command === 'version') {
            io.stdout(`gomem-gate ${VERSION}\n`);
            return 0;
        }
        if (req.command === 'record')
            return await record(req, io, new Date());
        return await compare(req, io);
    }
    catch (err) {
        if (err instanceof GateError) {
            io.stderr(`gomem-gate: error: ${err.oneLine()}\n`);
            return 2;
        }
        const e = err;
        io.stderr(`gomem-gate: internal error: ${e?.message ?? String(err)} (please report it; set GOMEM_GATE_DEBUG=1 for details)\n`);
        if (io.env.GOMEM_GATE_DEBUG)
            io.stderr(`${e?.stack ?? ''}\n`);
        return 2;
    }
}
async function compare(args, io) {
    const { diff, verdict, history, timings } = await compare$1({
        baseline: args.baseline,
        candidate: args.candidate,
        series: args.series,
        config: args.config,
        labels: {
            baseline: '--baseline',
            candidate: '--candidate',
            config: '--config',
            series: '--series',
        },
        today: io.today,
        sampleType: args.sampleType,
        stacks: args.stacks,
        history: args.history,
    }, settingsFrom(io.env, availableParallelism()));
    const color = args.output === undefined && args.format === 'text' && io.isTTY && !io.env.NO_COLOR;
    const rendering = performance.now();
    const report = render({ diff, verdict, history, top: args.top, version: VERSION, color }, args.format);
    if (timings) {
        const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
        io.stderr(`gomem-gate: debug: read ${timings.files} files in ${s(timings.readMs)} (${timings.onWorkers.length} on worker threads); diff and verdict ${s(timings.judgeMs)}; report ${s(performance.now() - rendering)}\n`);
        for (const { path, stages } of timings.onWorkers) {
            io.stderr(`gomem-gate: debug: ${path} on a worker: inflate ${s(stages.inflate)}, decode and fold ${s(stages.fold)}\n`);
        }
    }
    if (args.output) {
        try {
            writeFileSync(args.output, report);
        }
        catch (err) {
            throw new GateError('READ_FAILED', `--output ${args.output}: ${err.message}`, 'choose a writable path');
        }
    }
    else {
        io.stdout(report);
    }
    return verdict.status === 'fail' ? 1 : 0;
}

// Entry point of the gomem-gate command.
// A reader that stops early (`| head`) closes the pipe: the rest of the report has nowhere
// to go, which is no error of ours; the exit code still tells the verdict.
process.stdout.on('error', (err) => {
    if (err.code !== 'EPIPE')
        throw err;
});
process.exitCode = await runCli(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTTY: process.stdout.isTTY === true,
    env: process.env,
    today: new Date().toISOString().slice(0, 10),
});
