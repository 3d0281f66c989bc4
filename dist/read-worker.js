// gomem-gate bundle of sources sha256:f162cd3d1ede8a8642274be4a7ee26705c78f50330e2b7c965a95da273815617 (scripts/dist-hash.mjs)
import { parentPort } from 'node:worker_threads';
import { openSync, constants, fstatSync, closeSync, statSync, read, readSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { Readable } from 'node:stream';
import { gunzipSync, createGunzip } from 'node:zlib';
import 'node:path';

// C0 and C1 controls, DEL, and the bidirectional overrides that reorder what a terminal shows.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
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
    /**
     * The single line shown to the user. Control characters a file or key brought into the
     * message (a newline, a carriage return, an escape sequence) are written as `\u000a`, so
     * the line stays one line and cannot rewrite itself on a terminal.
     */
    oneLine() {
        const line = this.hint ? `${this.message} (${this.hint})` : this.message;
        return line.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    }
}

// The manifest `gomem-gate capture` writes beside what it fetched: recognised by content so a
// capture folder reads as it is (`--candidate 'DIR/*'`), and skipped (it holds no figures).
/** The key that marks a capture manifest; its value is the manifest's format version. */
const CAPTURE_MANIFEST_KEY = 'gomemGateCapture';
/** Whether the head of a file (its first KiB are enough) is a capture manifest. */
function isCaptureManifest(head) {
    return new RegExp(`^\\s*\\{\\s*"${CAPTURE_MANIFEST_KEY}"\\s*:`).test(head);
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
 * The one rule for a figure read from a text or JSON file: bytes and counts are finite,
 * non-negative, safe integers; fractions are finite and non-negative. Anything else (NaN,
 * Infinity, a 400-digit number, `-1`, `abc`, empty) is a GateError 'MALFORMED' naming the
 * file, the field and the value (its first 40 characters).
 */
function figure(raw, source, field, kind = 'integer') {
    const v = typeof raw === 'number' ? raw : typeof raw === 'string' ? strictNumber(raw) : NaN;
    const ok = Number.isFinite(v) &&
        v >= 0 &&
        (kind === 'fraction' || (Number.isInteger(v) && v <= Number.MAX_SAFE_INTEGER));
    if (ok)
        return v;
    throw new GateError('MALFORMED', `${source}: ${field} is ${JSON.stringify(String(raw).slice(0, 40))}, not a ${kind === 'integer' ? 'non-negative whole number' : 'non-negative finite number'}`, 'regenerate the file; a figure of memory cannot be negative, fractional or unbounded');
}
/** Longer than any figure Go prints (20 digits, or a float with its exponent). */
const MAX_DIGITS = 40;
/** A decimal number as Go prints one; anything else (empty, `0x10`, `Infinity`) is NaN. */
function strictNumber(text) {
    return text.length <= MAX_DIGITS && /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(text)
        ? Number(text)
        : NaN;
}
/**
 * NextGC (and /gc/heap/goal:bytes) while GC is off: ~2^63–2^64, past 2^53, so rounded by any
 * reader. Not a goal: it is left out, not refused. Past 2^64 it is no uint64 and is refused.
 */
function isGoalSentinel(v) {
    return Number.isFinite(v) && v > Number.MAX_SAFE_INTEGER && v <= 2 ** 64;
}

// Reads the GODEBUG=gctrace=1 lines a Go program prints on stderr, one per GC cycle.
// gc 4 @0.073s 29%: 0.066+77+0.004 ms clock, … ms cpu, 21->37->29 MB, 24 MB goal,
// 0 MB stacks, 0 MB globals, 2 P (forced) — stacks and globals since Go 1.18.
// Only anchored patterns without nested repeats, each on one short field: linear on any line.
const HEAD$1 = /^gc (\d+) @(\d+(?:\.\d+)?)s \d+%: /;
const HEAP = /^(\d+)->(\d+)->(\d+) MB$/;
const SIZE = /^(\d+) MB (goal|stacks|globals)$/;
const PROCS$1 = /^(\d+) P( \(forced\))?$/;
/** A gctrace line is under 300 characters; a longer one is something else. */
const MAX_LINE$2 = 1000;
/** Fields of a line looked at: the line has 7–9. */
const MAX_FIELDS = 12;
const MiB$1 = 1024 * 1024;
/**
 * Runs (processes) one log may hold: `go test -v ./...` of a large module has a few hundred
 * packages. Each run is a metric of the series over every run's points, so the work grows
 * with the square of the runs: a log of repeated lines must not make 100,000 of them.
 */
const MAX_GC_RUNS = 1000;
// `ok  \tpkg\t0.1s` / `FAIL\tpkg\t…` after a test binary's output names the run.
const PACKAGE = /^(?:ok {2}|FAIL)\t([^\t\s]+)/;
/** True when the text holds at least one gctrace line. */
function isGcTrace(head) {
    // Every line starts "gc ": a head without it (every profile) is ruled out at once.
    // A gctrace line with an impossible figure is gctrace too: its reader refuses it.
    const isLine = (l) => {
        try {
            return parseLine(l, 0, '') !== undefined;
        }
        catch (err) {
            if (err instanceof GateError)
                return true;
            throw err;
        }
    };
    return head.includes('gc ') && head.split(/\r?\n/).some(isLine);
}
/**
 * Every cycle, in runs: a new run starts where the GC counter does not go up (a log of
 * `go test -v ./...` holds one run per package). Lines that are not gctrace are skipped.
 */
function readGcRuns(text, source = 'gctrace') {
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
        const cycle = parseLine(line, lineNo, source);
        if (cycle) {
            if (!run || cycle.n <= run.cycles[run.cycles.length - 1].n) {
                if (runs.length === MAX_GC_RUNS) {
                    throw new GateError('MALFORMED', `${source}:${lineNo}: the GC counter restarts more than ${MAX_GC_RUNS} times (each restart is one process's run)`, 'pass the log of fewer processes, or a log whose lines are not repeated');
                }
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
function parseLine(line, lineNo, source) {
    if (!line.startsWith('gc ') || line.length > MAX_LINE$2)
        return undefined;
    const head = HEAD$1.exec(line);
    if (!head)
        return undefined;
    const fields = line.slice(head[0].length).split(', ', MAX_FIELDS);
    let heap = null;
    let procs = null;
    const sizes = {};
    for (const f of fields) {
        heap ??= HEAP.exec(f);
        procs ??= PROCS$1.exec(f);
        const size = SIZE.exec(f);
        if (size)
            sizes[size[2]] = Number(size[1]) * MiB$1;
    }
    if (!heap || !procs || sizes.goal === undefined)
        return undefined;
    // A gctrace line: its figures follow the number rule (numbers.ts), a 400-digit one refused.
    const at = `${source}:${lineNo}`;
    const mb = (digits, field) => figure(figure(digits, at, field) * MiB$1, at, field);
    for (const [k, v] of Object.entries(sizes)) {
        if (k !== 'goal')
            figure(v, at, `${k} MB`);
        else if (!Number.isFinite(v))
            figure(v, at, 'goal MB');
    }
    figure(procs[1], at, 'P');
    return {
        n: figure(head[1], at, 'the GC number'),
        at: figure(head[2], at, 'the time', 'fraction'),
        heapStart: mb(heap[1], 'heap start MB'),
        heapEnd: mb(heap[2], 'heap end MB'),
        live: mb(heap[3], 'live heap MB'),
        // With GC off the goal prints as ~2^63 bytes in MB: no goal.
        ...(sizes.goal <= Number.MAX_SAFE_INTEGER ? { goal: sizes.goal } : {}),
        ...(sizes.stacks !== undefined ? { stacks: sizes.stacks } : {}),
        ...(sizes.globals !== undefined ? { globals: sizes.globals } : {}),
        procs: Number(procs[1]),
        forced: procs[2] !== undefined,
        line: lineNo,
    };
}

// How functions are named and matched across builds.
const CLOSURE = /\.(func|gowrap|deferwrap)\d+((?:\.\d+)*)/g;
/**
 * The longest function or file name kept, in UTF-16 code units. Go symbols in real profiles
 * stay far below (the longest generic instantiations are a few hundred characters); a
 * longer name is cut to this length, marker included, so matching, folding and rendering
 * never see more than this whatever a profile holds.
 */
const MAX_NAME_LENGTH = 4096;
/**
 * Distinct functions one heap profile may hold (pprof: also twice as many locations). The
 * biggest real profiles measured hold about 3,000; each function becomes a row judged in
 * every sample type, so a crafted million (34 s, 3.3 GB) is refused, before it is folded.
 */
const MAX_PROFILE_FUNCTIONS = 100_000;
/** The GateError for a profile past MAX_PROFILE_FUNCTIONS; `what` is e.g. `functions`. */
function tooManyFunctions(source, n, what = 'functions') {
    const most = what === 'functions' ? MAX_PROFILE_FUNCTIONS : 2 * MAX_PROFILE_FUNCTIONS;
    return new GateError('TOO_LARGE', `${source}: holds ${n.toLocaleString('en-US')} ${what}, over the ${most.toLocaleString('en-US')} limit`, 'real heap profiles hold a few thousand; check that this is the right file');
}
/**
 * `name`, or its first characters and `…[cut N chars]` when it is longer than
 * MAX_NAME_LENGTH (the result is at most that long, so cutting twice changes nothing).
 */
function capName(name, length = name.length) {
    if (length <= MAX_NAME_LENGTH)
        return name;
    // Sized for the whole length: the count cut never has more digits.
    const marker = (cut) => `…[cut ${cut} chars]`;
    let kept = MAX_NAME_LENGTH - marker(length).length;
    // Never split a surrogate pair.
    const c = name.charCodeAt(kept - 1);
    if (c >= 0xd800 && c <= 0xdbff)
        kept--;
    return name.slice(0, kept) + marker(length - kept);
}
/** UTF-8 takes at most 3 bytes per UTF-16 code unit (4 for a pair of two). */
const MAX_NAME_BYTES = 3 * MAX_NAME_LENGTH;
/**
 * The UTF-8 string in bytes[start, end), cut as capName cuts it, without decoding more than
 * a name can keep: a profile of 300,000-character names (750 MB inflated) is never held
 * twice as strings. The cut count is the whole string's UTF-16 length, counted from the
 * bytes.
 */
function decodeName(bytes, start, end, decoder) {
    if (end - start <= MAX_NAME_BYTES)
        return decoder.decode(bytes.subarray(start, end));
    let length = 0;
    for (let i = start; i < end; i++) {
        const b = bytes[i];
        if ((b & 0xc0) !== 0x80)
            length += b >= 0xf0 ? 2 : 1;
    }
    return capName(decoder.decode(bytes.subarray(start, start + MAX_NAME_BYTES)), length);
}
/**
 * The key a function is matched by across builds. Addresses and line numbers are never
 * part of it. Closure numbers are folded: `pkg.F.func1`, `pkg.F.func3` and `pkg.F.func2.1`
 * all become `pkg.F.func*`, so the anonymous functions inside one named function form one
 * allocator, and renumbering (a closure added above another) never makes one look new.
 * A name longer than MAX_NAME_LENGTH is cut first (capName), so the key never is.
 */
function matchKey(name) {
    const fn = capName(name);
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

// Reads goroutine profiles: /debug/pprof/goroutine as debug=1 (counted stacks) and
// debug=2 (every goroutine's stack, as a panic prints it), and /debug/pprof/goroutineleak
// (Go 1.26) as debug=1, the same records under `goroutineleak profile: total N`. The
// protobuf is read in pprof.ts.
const DEBUG1_HEADER = /^goroutine(leak)? profile: total (\d+)/;
const DEBUG1_RECORD = /^(\d+) @( 0x[0-9a-f]+)+\s*$/;
/** The longest line read (64 KiB, as for text heap profiles); a longer one is refused. */
const MAX_LINE$1 = 64 * 1024;
const DEBUG2_HEADER = /^goroutine \d+ \[[^\]]*\]:$/;
/** What a debug=2 header looks like whatever its id: one that is not a number is corrupt. */
const DEBUG2_HEADER_SHAPE = /^goroutine \S+ \[.*\]:$/;
/** True when the text starts like a debug=1 or debug=2 goroutine profile. */
function isGoroutineText(head) {
    return DEBUG1_HEADER.test(head) || DEBUG2_HEADER.test(head.split('\n', 1)[0]);
}
/** Parses either text form. */
function readGoroutineText(text, source) {
    const long = longLine(text);
    if (long) {
        throw new GateError('MALFORMED', `${source}:${long.line}: corrupt goroutine profile: line of ${long.length} characters (at most ${MAX_LINE$1})`, 'fetch /debug/pprof/goroutine again');
    }
    return DEBUG1_HEADER.test(text) ? readDebug1(text, source) : readDebug2(text, source);
}
function readDebug1(text, source) {
    const lines = text.split('\n');
    const header = DEBUG1_HEADER.exec(lines[0]);
    const total = figure(header[2], `${source}:1`, 'the total');
    const leaked = header[1] !== undefined;
    let sum = 0;
    const stacks = [];
    for (let i = 1; i < lines.length; i++) {
        const line = lines[i];
        if (line.trim() === '')
            continue;
        if (!DEBUG1_RECORD.test(line)) {
            throw new GateError('MALFORMED', `${source}:${i + 1}: corrupt goroutine profile: unexpected line ${JSON.stringify(line.slice(0, 60))}`, 'fetch /debug/pprof/goroutine?debug=1 again');
        }
        const frames = [];
        while (i + 1 < lines.length && lines[i + 1].startsWith('#\t')) {
            const f = parseFrame$1(lines[++i]);
            if (f)
                frames.push(f);
        }
        const count = figure(line.split(' ', 1)[0], `${source}:${i + 1}`, 'a record count');
        sum += count;
        stacks.push({ frames, count });
    }
    if (sum !== total) {
        throw new GateError('MALFORMED', `${source}:1: corrupt goroutine profile: the header says total ${total} but the records count ${sum}`, 'the file was edited or cut; fetch /debug/pprof/goroutine?debug=1 again');
    }
    return { total, stacks, ...(leaked ? { leaked } : {}) };
}
/** The first line longer than MAX_LINE, 1-based, without splitting the text. */
function longLine(text) {
    let line = 1;
    for (let at = 0; at <= text.length; line++) {
        let end = text.indexOf('\n', at);
        if (end < 0)
            end = text.length;
        if (end - at > MAX_LINE$1)
            return { line, length: end - at };
        at = end + 1;
    }
    return undefined;
}
/**
 * `#\t0x4635e4\truntime/pprof.f+0x24\t\tfile.go:846`, read by hand: the function before its
 * last `+0x`, the tabs after it skipped, the line number after the path's last colon.
 */
function parseFrame$1(line) {
    const a = line.indexOf('\t', 2);
    if (a < 0 || !/^0x[0-9a-f]+$/.test(line.slice(2, a)))
        return undefined;
    const b = line.indexOf('\t', a + 1);
    if (b < 0)
        return undefined;
    const fn = line.slice(a + 1, b);
    const plus = fn.lastIndexOf('+0x');
    if (plus <= 0 || !/^[0-9a-f]+$/.test(fn.slice(plus + 3)))
        return undefined;
    let c = b;
    while (line[c] === '\t')
        c++;
    const loc = line.slice(c).trimEnd();
    const colon = loc.lastIndexOf(':');
    if (colon < 0 || !/^\d+$/.test(loc.slice(colon + 1)))
        return undefined;
    return {
        function: capName(fn.slice(0, plus)),
        file: capName(loc.slice(0, colon)),
        line: Number(loc.slice(colon + 1)),
    };
}
/** debug=2: blocks of `function(args)` / `\tfile:line +0x..` pairs; "created by" is not a frame. */
function readDebug2(text, source) {
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
        if (DEBUG2_HEADER_SHAPE.test(line)) {
            throw new GateError('MALFORMED', `${source}:${i + 1}: corrupt goroutine dump: a goroutine header without a number: ${JSON.stringify(line.slice(0, 60))}`, 'fetch /debug/pprof/goroutine?debug=2 again');
        }
        if (!frames || line === '' || line.startsWith('\t') || line.startsWith('created by ')) {
            if (line.startsWith('created by '))
                i++; // skip the location line of the creator
            continue;
        }
        // `main.(*Server).watch.func1(0xc000, ...)`: drop only the trailing argument list.
        const name = line.replace(/\([^()]*\)$/, '');
        const loc = /^\t(.*):(\d+)/.exec(lines[i + 1] ?? '');
        frames.push({
            function: capName(name),
            file: capName(loc?.[1] ?? ''),
            line: loc ? Number(loc[2]) : 0,
        });
        if (loc)
            i++;
    }
    flush();
    return { total, stacks: [...byStack.values()] };
}

// Soft problems as values: made where they arise (formats, analysis, policy), shown by every
// report. A problem that stops the compare is a GateError (errors.ts) instead.
/** A warning; `subject` names the file, rule or benchmark when there is one. */
function warning(code, message, subject) {
    return subject === undefined ? { code, message } : { code, message, subject };
}

// The Go benchmark format, line by line (golang.org/x/perf/benchfmt's rules): result lines
// `BenchmarkName[-N] <iterations> <value> <unit> [<value> <unit>]...`, configuration lines
// `key: value`, everything else ignored. A malformed result line is a warning, not an error.
/** A result line's name: `Benchmark`, then anything but a lowercase letter (Go's rule). */
const NAME$1 = /^Benchmark(?![a-z])\S*$/;
/** A configuration line: a lowercase key without spaces or capitals, a colon, a blank or nothing. */
const CONFIG = /^([a-z][^\s:A-Z]*):(?:\s+(.*))?$/;
/** The GOMAXPROCS suffix `go test` appends when it is not 1. */
const PROCS = /^(.+)-(\d+)$/;
/** Malformed lines reported one by one; the rest are counted. */
const MAX_WARNINGS = 5;
/** Units whose values are figures (numbers.ts): never negative, never unbounded. */
const FIGURES = new Set(['ns/op', 'B/op', 'allocs/op', 'MB/s']);
/** True when the line is a benchmark result (name, iterations, at least one value and unit). */
function isResultLine(line) {
    const f = line.trim().split(/\s+/);
    return f.length >= 4 && NAME$1.test(f[0]) && /^\d+$/.test(f[1]) && parseValue(f[2]) !== undefined;
}
/** Splits `BenchmarkServe-2` into name and GOMAXPROCS; no suffix means 1. */
function splitProcs(fullName) {
    const m = PROCS.exec(fullName);
    const procs = m ? Number(m[2]) : 0;
    return m && procs > 0 ? { name: m[1], procs } : { name: fullName, procs: 1 };
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
                // Cut like function names: reports show the configuration and the package.
                const key = capName(config[1]);
                const value = capName((config[2] ?? '').trim());
                if (key === 'pkg')
                    pkg = value;
                else if (!(key in this.config))
                    this.config[key] = value;
                return;
            }
            if (!line.startsWith('Benchmark'))
                return;
            const fields = line.trim().split(/\s+/);
            // `BenchmarkEncode` alone: a parent of sub-benchmarks, or -v naming the one that runs next.
            if (!NAME$1.test(fields[0]) || fields.length === 1)
                return;
            const problem = this.result(fields, pkg, where(i));
            if (problem)
                this.warn(`${where(i)}: ${problem}: ${JSON.stringify(truncate(line.trim()))}`);
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
    result(fields, pkg, at) {
        if (!/^\d+$/.test(fields[1]))
            return 'malformed benchmark line (no iteration count)';
        if (fields.length < 4 || fields.length % 2 !== 0)
            return 'malformed benchmark line (values and units do not pair up)';
        const pairs = [];
        for (let i = 2; i < fields.length; i += 2) {
            // `-1 B/op` or a 400-digit `allocs/op` is no malformed line but an impossible figure.
            if (FIGURES.has(fields[i + 1]) && /^[-+0-9.eE]+$/.test(fields[i])) {
                pairs.push([fields[i + 1], figure(fields[i], at, fields[i + 1], 'fraction')]);
                continue;
            }
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
        if (this.malformed++ < MAX_WARNINGS)
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
    if (text.length > 40)
        return undefined; // no figure is that long; keeps the test below linear
    if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text))
        return undefined;
    const v = Number(text);
    return Number.isFinite(v) ? v : undefined;
}
function truncate(line) {
    return line.length > 120 ? `${line.slice(0, 117)}...` : line;
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
 * skipped; lines that are not JSON are counted in one warning (`go test` before Go 1.24
 * interleaves build errors as text). Warnings name the file line of the event a malformed
 * result starts in. Since Go 1.24 the build's own output comes as `build-output` events
 * (named by `ImportPath`, not `Package`): skipped, but a `build-fail` event (or a package's
 * `fail` naming its `FailedBuild`) refuses the file, naming the package and its first
 * diagnostic. Go 1.27's `OutputType` ("frame", "error", "error-continue") changes nothing:
 * the text is in `Output` as before.
 */
function readBenchJson(text, source) {
    const streams = new Map();
    let notJson = 0;
    /** Each build's output (`build-output` events), by ImportPath, for a failed build's message. */
    const builds = new Map();
    let failed;
    text.split('\n').forEach((line, i) => {
        if (line.trim() === '')
            return;
        const event = parseEvent(line);
        if (!event) {
            notJson++;
            return;
        }
        const build = typeof event.ImportPath === 'string' ? event.ImportPath : '';
        if (event.Action === 'build-output') {
            if (typeof event.Output === 'string')
                builds.set(build, (builds.get(build) ?? '') + event.Output);
            return;
        }
        if (event.Action === 'build-fail')
            failed ??= { build, line: i + 1 };
        if (event.Action === 'fail' && typeof event.FailedBuild === 'string' && event.FailedBuild) {
            failed ??= { build: event.FailedBuild, line: i + 1 };
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
    if (failed)
        throw buildFailed(source, failed.build, failed.line, builds.get(failed.build));
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
/** `x.go:3:1: undefined: f`: the first line of a build's output that is not its `# pkg` header. */
function buildFailed(source, build, line, output = '') {
    const first = output.split('\n').find((l) => l.trim() !== '' && !l.startsWith('#'));
    const pkg = build.replace(/ \[.*\]$/, '').replace(/\.test$/, '') || 'a package';
    return new GateError('MALFORMED', `${source}:${line}: the build of ${pkg} failed${first ? ` (${first.trim().slice(0, 200)})` : ''}; go test ran no benchmarks there`, 'fix the build and run the benchmarks again');
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
 * something else). `head` is the decoded start of the file, `decoded()` the whole of it, decoded
 * once by the caller. A file with no result line is not
 * a benchmark file; one that is clearly `go test` output without results is an error.
 */
function readGoTest(head, decoded, source) {
    const json = isTestJson(head);
    // A result line names a Benchmark: most files (every profile) are ruled out by that alone.
    const results = head.includes('Benchmark') && head.split('\n').some(isResultLine);
    if (!json && !results && !HEADER$1.test(head) && !TEST_OUTPUT.test(head))
        return undefined;
    const text = decoded();
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
/**
 * True when the first bytes look like text (a Prometheus scrape, JSON, a text profile):
 * no control bytes but tab, newline and carriage return. A protobuf profile starts with
 * field tags such as 0x08 within its first bytes.
 */
function looksText(head) {
    const n = Math.min(head.length, 512);
    if (n === 0)
        return false;
    for (let i = 0; i < n; i++) {
        const b = head[i];
        if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d)
            return false;
        if (b === 0x7f)
            return false;
    }
    return true;
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
 * Inflates gzip bytes in memory into one buffer of `expected` bytes, or returns undefined
 * when they inflate to more (a gzip file of several members declares only its last one's
 * size, and a crafted one may lie): the caller then counts the size first, so zlib's
 * chunks are never joined into a second copy of a large output.
 */
function gunzipExpected(bytes, expected, source) {
    const size = Math.max(MIN_CHUNK, expected);
    try {
        return gunzipSync(bytes, { maxOutputLength: size, chunkSize: size + 1 });
    }
    catch (err) {
        if (err.code === 'ERR_BUFFER_TOO_LARGE')
            return undefined;
        throw gzipError(err, source, size);
    }
}
/**
 * How gzip data streaming in (`chunks`) inflates: its size, bounded by `maxBytes`, or by
 * `textMax` when it starts like text (text is decoded as one string). Nothing is kept.
 */
async function inflatedSize(chunks, source, maxBytes = DEFAULT_MAX_INFLATED, textMax) {
    let length = 0;
    await eachInflated(chunks, source, maxBytes, textMax, (piece) => void (length += piece.length));
    return length;
}
/**
 * Inflates gzip data as it streams in (`chunks`, e.g. a file's read stream) into one
 * buffer of `expected` bytes. When it inflates to more (see gunzipExpected) it goes on
 * counting: `bytes` is then undefined and `size` the real size, for a second pass. The
 * same bounds and GateErrors as inflatedSize.
 */
async function gunzipStream(chunks, expected, source, maxBytes = DEFAULT_MAX_INFLATED, textMax) {
    const out = Buffer.allocUnsafe(Math.max(1, Math.min(expected, maxBytes)));
    let size = 0;
    await eachInflated(chunks, source, maxBytes, textMax, (piece) => {
        if (size + piece.length <= out.length)
            piece.copy(out, size);
        size += piece.length;
    });
    return { bytes: size <= out.length ? out.subarray(0, size) : undefined, size };
}
/**
 * Feeds each inflated chunk of `chunks` to `take`, throwing a GateError as soon as the
 * data passes its bound or is corrupt.
 */
async function eachInflated(chunks, source, maxBytes, textMax, take) {
    let length = 0;
    let limit = maxBytes;
    let text = false;
    const inflate = createGunzip({ chunkSize: CHUNK$1 });
    const input = chunks instanceof Readable ? chunks : Readable.from(chunks);
    try {
        for await (const chunk of input.pipe(inflate)) {
            const piece = chunk;
            if (length === 0 && textMax !== undefined && textMax < limit && looksText(piece)) {
                limit = textMax;
                text = true;
            }
            if (length + piece.length > limit)
                throw tooLarge(source, limit, text);
            length += piece.length;
            take(piece);
        }
    }
    catch (err) {
        if (err instanceof GateError)
            throw err;
        throw gzipError(err, source, maxBytes);
    }
    finally {
        inflate.destroy();
        input.destroy();
    }
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
/** The GateError for gzip data that inflates past `maxBytes` (text: the limit for text). */
function tooLarge(source, maxBytes, text = false) {
    return new GateError('TOO_LARGE', `${source}: gzip data inflates to more than ${Math.round(maxBytes / 1024 ** 2)} MiB${text ? ' of text' : ''}, the limit`, 'pass a real profile; this limit protects against crafted archives');
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

/** The sums a fold keeps per node (function, package or stack), one per sample type. */
const NODE_SUMS = ['flat', 'cum', 'flatVar', 'heaviestValue'];
/** Where each of NODE_SUMS lies in a node's row, in units of the fold's sample types. */
const NODE_SUM_AT = Object.fromEntries(NODE_SUMS.map((f, i) => [f, i]));
/** Separates the functions of a call stack in its name. */
const STACK_SEPARATOR = ' ← ';
/** Go's heap profile sample types, in the order Go's protobuf writer (and pprof) lists them. */
const GO_HEAP_SAMPLE_TYPES = [
    'alloc_objects',
    'alloc_space',
    'inuse_objects',
    'inuse_space',
];

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

// Generated by scripts/build-wasm.mjs from src/formats/fold/assembly/fold.ts: do not edit.
const FOLD_WASM = 'AGFzbQEAAAABKgRgAXwBfGAJf39/f39/f398AGAMf39/f39/f39/f39/AGAFf39/f38BfwIbAgNlbnYFZXhwbTEAAANlbnYGbWVtb3J5AgAAAwQDAQIDBnYWfwFBAAt/AUEAC38BQQALfwFBAAt/AUEAC38BQQALfwFBAAt/AUEAC3wBRAAAAAAAAAAAC38BQQALfwFBAAt/AUEAC38BQQALfwFBAAt/AUEAC38BQQALfwFBAAt/AUEAC38BQQALfwFBAAt/AUEAC38BQQALBywECXNldFRhYmxlcwABB3NldFN1bXMAAglmb2xkQ2h1bmsAAwZtZW1vcnkCAArGEQM8ACAAJAAgASQBIAIkAiADJAMgBCQEIAUkBSAGJAYgByQHIAhEAAAAAAAAAAAgCEQAAAAAAADwP2QbJAgLMgAgACQJIAEkCiACJAsgAyQMIAQkDSAFJA4gBiQPIAckECAIJBEgCSQSIAokEyALJBQL0xADG38JfAJ+IwEhFSMDIRkjBCEUIwUhEyMGIQ4jByEYIwkhDSMKIRIjCyEMIwwhFyMNIQsjDiERIw8hCiMQIRAjESEJIxIhDwJAA0AgASAWSgRAIAAgFmohHSAEIAIgFkEDdGoiBigCACADa2ohBSAEIAYoAgQgA2tqIQdBACEaQQAhG0QAAAAAAAAAACEjRAAAAAAAAAAAISJEAAAAAAAAAAAhIUQAAAAAAAAAACEmA0AgBSAHSQRAIAchBiAFIghBAWohBSAILQAAIh9BEkYgH0EKRnIgH0EaRnIEQEEAIR5BACEcAn8DQEF/IBxBFUsgBSAGT3INARogBSIIQQFqIQUgHiAILQAAIghB/wBxIBx0ciEeIBxBB2ohHCAIQYABcQ0ACyAFJBUgHgsiBkEASA0FIAYgByMVIgVrSw0FIAUgBmohBiAfQRpGBEAgBiEFDAMLBSAfQRBHIB9BCEdxDQULIB9BCkYgH0EIRnIEQANAIAUgBk8NBiAFLQAAIhxBgAFJBH8gBUEBagUgBUEBaiAGSQR/IAUtAAFBgAFJBUEACwR/IBxB/wBxIAUtAAFBB3RyIRwgBUECagVBACEeQQAhHAJ/A0BBfyAcQRVLIAUgBk9yDQEaIAUiCEEBaiEFIB4gCC0AACIIQf8AcSAcdHIhHiAcQQdqIRwgCEGAAXENAAsgBSQVIB4LIhxBAEgNCCMVCwshBSAVBEAgHCMCTw0HIBUgHEECdGooAgAiHEEASA0HBSAcQQBMIBwjAEpyDQcgHEEBayEcCyAYIBpBAnRqIBw2AgAgGkEBaiEaIB9BCkYgBSAGSXENAAsFIB9BEkYgH0EQRnIEQANAQgAhKUIAISoDQCAFIAZPICpCKlZyDQggBSIIQQFqIQUgKSAILQAAIghB/wBxrSAqhoQhKSAqQgd8ISogCEGAAXENAAsgKbohICAbBEAgG0EBRgRAICAhIgUgG0ECRgRAICAhIQUgICAmIBtBA0YbISYLCwUgICEjCyAbQQFqIRsgH0ESRiAFIAZJcQ0ACwsLDAELCyAbQQRHDQICQCAiRAAAAAAAAAAAYSAjRAAAAAAAAAAAYXEgIUQAAAAAAAAAAGFxICZEAAAAAAAAAABhcQ0ARAAAAAAAAAAAISVEAAAAAAAAAAAhJEQAAAAAAAAAACEgIwhEAAAAAAAAAABkBHwgIkQAAAAAAAAAAGIgI0QAAAAAAAAAAGJxBHxEAAAAAAAA8L8gIiAjoyIkmiMIoxAAoyInICOiISUgJCAnoiAiogVEAAAAAAAAAAALISQgJkQAAAAAAAAAAGIgIUQAAAAAAAAAAGJxBHxEAAAAAAAA8L8gJiAhoyInmiMIoxAAoyIoICGiISAgJyAooiAmogVEAAAAAAAAAAALBUQAAAAAAAAAAAshJyMTIgUgBSsDACAjoDkDACAFIAUrAwggIqA5AwggBSAFKwMQICGgOQMQIAUgBSsDGCAmoDkDGCMUIgUgBSsDACAloDkDACAFIAUrAwggJKA5AwggBSAFKwMQICCgOQMQIAUgBSsDGCAnoDkDGCAaRQ0AQQAhBiAZIBgoAgBBAnRqKAIAIRxBACEFA0AgBSAaSARAAkAgDiAYIAVBAnRqKAIAQQJ0IgdqKAIAIghBAE4EQCAFIQYgCCAHIBlqKAIAaiEcDAELIAVBAWohBQwCCwsLIBkgGCAGQQJ0aigCAEEBakECdGooAgAhByARIBQgHEECdGooAgAiBUECdGogHTYCACANIAVBBXQiCGoiGyAbKwMAICOgOQMAIBsgGysDCCAioDkDCCAbIBsrAxAgIaA5AxAgGyAbKwMYICagOQMYIAggDGoiGyAbKwMAICWgOQMAIBsgGysDCCAkoDkDCCAbIBsrAxAgIKA5AxAgGyAbKwMYICegOQMYIAggEmoiGyAbKwMAICOgOQMAIBsgGysDCCAioDkDCCAbIBsrAxAgIaA5AxAgGyAbKwMYICagOQMYIAsgBUEEdGohBSAjIAggF2oiGysDAGQEQCAbICM5AwAgBSAdNgIACyAiIAggF2oiGysDCGQEQCAbICI5AwggBSAdNgIECyAhIAggF2oiGysDEGQEQCAbICE5AxAgBSAdNgIICyAmIAggF2oiCCsDGGQEQCAIICY5AxggBSAdNgIMCyAPIBMgHEECdGooAgAiBUECdGogHTYCACAKIAVBBXQiCGoiGyAbKwMAICOgOQMAIBsgGysDCCAioDkDCCAbIBsrAxAgIaA5AxAgGyAbKwMYICagOQMYIAggCWoiGyAbKwMAICWgOQMAIBsgGysDCCAkoDkDCCAbIBsrAxAgIKA5AxAgGyAbKwMYICegOQMYIAggEGoiCCAIKwMAICOgOQMAIAggCCsDCCAioDkDCCAIIAgrAxAgIaA5AxAgCCAIKwMYICagOQMYIBxBAWohHANAA0AgByAcSgRAIBEgFCAcQQJ0aigCACIIQQJ0aiIbKAIAIB1HBEAgGyAdNgIAIBIgCEEFdGoiCCAIKwMAICOgOQMAIAggCCsDCCAioDkDCCAIIAgrAxAgIaA5AxAgCCAIKwMYICagOQMYCyAFIBMgHEECdGooAgAiBUcEQCAPIAVBAnRqIggoAgAgHUcEQCAIIB02AgAgECAFQQV0aiIIIAgrAwAgI6A5AwAgCCAIKwMIICKgOQMIIAggCCsDECAhoDkDECAIIAgrAxggJqA5AxgLCyAcQQFqIRwMAQsLIBogBkEBaiIGSgRAIBkgGCAGQQJ0aigCACIHQQJ0aigCACEcIBkgB0EBakECdGooAgAhBwwBCwsLIBZBAWohFgwBCwtBAA8LQQEL';

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

// Sums per whole call stack (`--stacks`) without a string per sample: stacks are interned
// as sequences of function ids in one growing Int32Array, found by hash and compared in
// full. A profile at MemProfileRate 1 can hold a million distinct stacks; their names are
// only built for the stacks that are kept (see `kept`).
/** Stacks under this share of the file's total, in every sample type, are left out. */
const STACK_MIN_SHARE = 1e-4;
/** A caller prefix is rolled up into when it holds this share of a sample type's total. */
const PREFIX_MIN_SHARE = 1e-4;
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
    /**
     * The stacks `kept` left out, rolled up into caller prefixes: each is cut, at its root end,
     * to the longest prefix that holds PREFIX_MIN_SHARE of `totals` in some sample type (over
     * all stacks through it), and its values go to that prefix, as a stack of its own (ids leaf
     * first). A stack with no such prefix is dropped. Summing kept and rolled-up stacks per
     * prefix gives every prefix above the share its exact value: what a flame graph draws.
     */
    prefixes(totals, keptShare = STACK_MIN_SHARE, minShare = PREFIX_MIN_SHARE) {
        const w = this.width;
        const floor = Array.from(totals, (t) => Math.abs(t) * minShare);
        const isKept = (s) => {
            for (let c = 0; c < w; c++) {
                if (totals[c] !== 0 && Math.abs(this.sums[s * w + c]) >= keptShare * Math.abs(totals[c]))
                    return true;
            }
            return false;
        };
        // Level by level from the root: node ids per (parent node, function); -1 = no big prefix.
        const node = new Int32Array(this.count).fill(-1);
        const deepest = new Int32Array(this.count).fill(-1);
        let active = Array.from({ length: this.count }, (_, s) => s);
        const parents = [];
        const fns = [];
        const groupOf = new Int32Array(this.count);
        const { pool, start, length, sums: stackSums } = this;
        for (let d = 0; active.length > 0; d++) {
            // Per parent node (+1), function id → group: small integer keys keep the maps fast.
            const groups = [];
            const keys = [];
            let sums = new Float64Array(1024 * w);
            for (const s of active) {
                if (length[s] <= d) {
                    groupOf[s] = -1;
                    continue;
                }
                const fn = pool[start[s] + length[s] - 1 - d];
                const parent = node[s] + 1;
                const byFn = groups[parent] ?? (groups[parent] = new Map());
                let g = byFn.get(fn);
                if (g === undefined) {
                    g = keys.length / 2;
                    byFn.set(fn, g);
                    keys.push(parent, fn);
                    if ((g + 1) * w > sums.length)
                        sums = grown(sums);
                }
                groupOf[s] = g;
                for (let c = 0; c < w; c++)
                    sums[g * w + c] += stackSums[s * w + c];
            }
            const ids = new Int32Array(keys.length / 2).fill(-1);
            for (let g = 0; g < ids.length; g++) {
                for (let c = 0; c < w; c++) {
                    if (floor[c] > 0 && Math.abs(sums[g * w + c]) >= floor[c]) {
                        ids[g] = parents.length;
                        parents.push(keys[2 * g] - 1);
                        fns.push(keys[2 * g + 1]);
                        break;
                    }
                }
            }
            const next = [];
            for (const s of active) {
                const g = groupOf[s];
                if (g < 0 || ids[g] < 0)
                    continue;
                node[s] = deepest[s] = ids[g];
                next.push(s);
            }
            active = next;
        }
        const rolled = new Map();
        for (let s = 0; s < this.count; s++) {
            if (deepest[s] < 0 || isKept(s))
                continue;
            let r = rolled.get(deepest[s]);
            if (!r) {
                r = { sums: new Array(w).fill(0), vars: new Array(w).fill(0), sample: -1 };
                rolled.set(deepest[s], r);
            }
            for (let c = 0; c < w; c++) {
                r.sums[c] += this.sums[s * w + c];
                r.vars[c] += this.vars[s * w + c];
            }
            if (r.sample < 0)
                r.sample = this.firstSample[s];
        }
        return [...rolled].map(([id, r]) => {
            const ids = [];
            for (let at = id; at >= 0; at = parents[at])
                ids.push(fns[at]);
            return { ids: Int32Array.from(ids), ...r };
        });
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
    if (opts.stacks === 'prefixes')
        addPrefixes(stacks, stackTable.prefixes(sums.totals));
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
/** Adds the rolled-up prefixes to the kept stacks; one equal to a kept stack adds to it. */
function addPrefixes(stacks, prefixes) {
    const at = new Map(stacks.map((s, i) => [s.ids.join(), i]));
    for (const p of prefixes) {
        const i = at.get(p.ids.join());
        if (i === undefined) {
            stacks.push(p);
            continue;
        }
        p.sums.forEach((v, c) => (stacks[i].sums[c] += v));
        p.vars.forEach((v, c) => (stacks[i].vars[c] += v));
    }
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
/**
 * The longest line read (64 KiB). Go writes a record line of at most a few thousand
 * characters (a stack of 128 addresses) and a frame line of one symbol and one path; a
 * longer line is refused, so no line costs more than its length.
 */
const MAX_LINE = 64 * 1024;
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
    // A file Go wrote ends in a newline: a last line without one was cut mid-line.
    const cutMidLine = lines.length > 1 && lines[lines.length - 1] !== '';
    for (let n = 0; n < lines.length; n++) {
        if (lines[n].length > MAX_LINE) {
            throw malformed$1(source, n + 1, `line of ${lines[n].length} characters (at most ${MAX_LINE})`);
        }
    }
    const header = HEADER.exec(lines[0]);
    if (!header)
        throw malformed$1(source, 1, 'the first line is not a heap profile header');
    for (let g = 1; g <= 4; g++)
        figure(header[g], `${source}:1`, 'the header count');
    const rate = figure(header[5], `${source}:1`, 'the sampling rate (@ heap/)');
    const period = Math.floor(rate / 2);
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
    /** The line of the last record, and whether it had frames. */
    let lastRecord = 0;
    let lastFramed = false;
    /** Whether the last record's frames reach its last caller (see framesEnd). */
    let lastComplete = true;
    let i = 1;
    for (; i < lines.length; i++) {
        const line = lines[i];
        if (line.startsWith('# runtime.MemStats'))
            break;
        if (line.trim() === '')
            continue;
        const rec = RECORD.exec(line);
        if (!rec)
            throw malformed$1(source, i + 1, `unexpected line ${JSON.stringify(line.slice(0, 60))}`);
        const at = `${source}:${i + 1}`;
        const counts = [1, 2, 3, 4].map((g) => figure(rec[g], at, 'a record count'));
        lastRecord = i + 1;
        const groups = [];
        while (i + 1 < lines.length && lines[i + 1].startsWith('#\t')) {
            const f = parseFrame(lines[++i]);
            if (!f)
                continue;
            const last = groups[groups.length - 1];
            if (last && last[0] === f.addr)
                last[1].push(f.frame);
            else
                groups.push([f.addr, [f.frame]]);
        }
        lastFramed = groups.length > 0;
        lastComplete = !lastFramed || framesEnd(rec[5], groups[groups.length - 1][0]);
        symbolized ||= groups.length > 0;
        const locations = groups.length > 0
            ? groups.map(([addr, frames]) => location(addr, frames))
            : rec[5]
                .trim()
                .split(/\s+/)
                .filter(Boolean)
                .map((a) => location(a, [{ function: a, file: '', line: 0 }]));
        const [inuseObjects, inuseBytes] = scale(counts[0], counts[1], period);
        const [allocObjects, allocBytes] = scale(counts[2], counts[3], period);
        samples.push({ locations, values: [allocObjects, allocBytes, inuseObjects, inuseBytes] });
    }
    const trailer = i < lines.length;
    // No trailer: the text ends after the last record. It was cut inside that record when
    // its last line is unfinished, or it lost the frames every other record has.
    if (!trailer && lastRecord > 0 && (cutMidLine || (symbolized && !lastFramed) || !lastComplete)) {
        throw new GateError('TRUNCATED', `${source}:${lastRecord}: text heap profile cut inside a record`, 'the file was not written to the end; fetch /debug/pprof/heap?debug=1 again');
    }
    if (trailer && cutMidLine) {
        throw new GateError('TRUNCATED', `${source}:${lines.length}: text heap profile cut inside its # runtime.MemStats trailer`, 'the file was not written to the end; fetch /debug/pprof/heap?debug=1 again');
    }
    const warnings = [];
    if (!symbolized && samples.length > 0) {
        warnings.push(warning('no-symbols', `${source}: frames carry no symbols; functions are shown as addresses`, source));
    }
    const memstats = trailer ? readTrailer(lines.slice(i + 1), source, i + 2) : undefined;
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
function readTrailer(lines, source, first) {
    const out = {};
    lines.forEach((line, n) => {
        const m = /^# (\w+) = (.*)$/.exec(line);
        if (!m || SKIP$1.has(m[1]))
            return;
        const at = `${source}:${first + n}`;
        const pair = PAIRS[m[1]];
        if (pair) {
            const p = /^(\d+) \/ (\d+)$/.exec(m[2]);
            if (p) {
                out[pair[0]] = figure(p[1], at, pair[0]);
                out[pair[1]] = figure(p[2], at, pair[1]);
            }
            return;
        }
        if (m[1] === 'NextGC' && isGoalSentinel(Number(m[2])))
            return; // 2^64-1 while GC is off
        out[m[1]] = figure(m[2], at, m[1], m[1] === 'GCCPUFraction' ? 'fraction' : 'integer');
    });
    return out;
}
/**
 * True when a record's frames reach the end of its stack: the last frame is the caller of
 * the last address or of the one before it (Go leaves out runtime.goexit). A record cut
 * between two of its frame lines ends earlier. Frame PCs are return addresses minus one.
 */
function framesEnd(addrs, lastFrame) {
    const list = addrs.trim().split(/\s+/);
    const pc = Number.parseInt(lastFrame, 16);
    for (let k = list.length - 1; k >= 0 && k >= list.length - 2; k--) {
        const a = Number.parseInt(list[k], 16);
        if (a === pc || a === pc + 1)
            return true;
    }
    return false;
}
/**
 * `#\t0x57ed84\tmain.makeRequests+0xc4\tpath/main.go:58`, read by hand: split at tabs, the
 * function before its last `+0x`, the line after the path's last colon. Linear on any line.
 */
function parseFrame(line) {
    const a = line.indexOf('\t', 2);
    if (a < 0)
        return undefined;
    const addr = line.slice(2, a);
    if (!/^0x[0-9a-f]+$/.test(addr))
        return undefined;
    const b = line.indexOf('\t', a + 1);
    if (b < 0)
        return undefined;
    const fn = line.slice(a + 1, b);
    const plus = fn.lastIndexOf('+0x');
    if (plus <= 0 || !/^[0-9a-f]+$/.test(fn.slice(plus + 3)))
        return undefined;
    // As Go's frame line has it: the path is all after the tab that follows the function.
    const loc = line.slice(b + 1);
    const colon = loc.lastIndexOf(':');
    if (colon < 0 || !/^\d+$/.test(loc.slice(colon + 1)))
        return undefined;
    return {
        addr,
        frame: {
            function: capName(fn.slice(0, plus)),
            file: capName(loc.slice(0, colon)),
            line: Number(loc.slice(colon + 1)),
        },
    };
}
function malformed$1(source, line, detail) {
    return new GateError('MALFORMED', `${source}:${line}: corrupt text heap profile: ${detail}`, 'fetch /debug/pprof/heap?debug=1 again');
}

// Names the runtime/pprof profiles that are not heap, allocs or goroutine profiles (CPU,
// mutex, block, threadcreate), so a file of one is refused by its kind's name rather than
// as an unknown format.
/** The debug=1 text headers of the other profiles runtime/pprof writes. */
const TEXT_KINDS = [
    [/^--- mutex:/, 'mutex contention profile'],
    [/^--- contention:/, 'block profile'],
    [/^threadcreate profile: total \d+/, 'thread creation profile'],
];
/** The kind a debug=1 text profile's first line names, or undefined for none of them. */
function otherTextKind(head) {
    const first = head.split('\n', 1)[0].replace(/\r$/, '');
    return TEXT_KINDS.find(([re]) => re.test(first))?.[1];
}
/**
 * Frames a mutex profile's stacks start with: Go records a contended mutex where it is
 * unlocked. Block and mutex profiles share their sample types (contentions/count,
 * delay/nanoseconds); a block profile's stacks start where a goroutine waited instead
 * (sync.(*Mutex).Lock, runtime.chanrecv1, runtime.selectgo…).
 */
const UNLOCK = /^(sync\.\(\*(RW)?Mutex\)\.R?Unlock|runtime\.unlock)/;
/** The kind of a protobuf profile by its sample types (and, for contentions, its functions). */
function pprofKind(types, functions) {
    const names = new Set(types.map((t) => t.type));
    if (names.has('cpu'))
        return 'CPU profile';
    if (names.has('contentions')) {
        return functions().some((f) => UNLOCK.test(f)) ? 'mutex contention profile' : 'block profile';
    }
    if (names.has('threadcreate'))
        return 'thread creation profile';
    return 'profile of another kind';
}
/** The refusal of a profile of another kind: one line naming the file and the kind. */
function notAHeapProfile(source, kind, detail = '') {
    return new GateError('NOT_A_HEAP_PROFILE', `${source}: is a ${kind}${detail ? ` (${detail})` : ''}, not a heap profile`, 'pass /debug/pprof/heap, /debug/pprof/allocs, go test -memprofile output or /debug/pprof/goroutine');
}

/**
 * The runtime/metrics names read besides the /memory/classes leaves (which make up the
 * MemStats sizes below). GOGC, GOMEMLIMIT and GOMAXPROCS are settings, kept as read.
 */
const RUNTIME_METRICS = [
    { name: '/sched/goroutines:goroutines', field: 'Goroutines' },
    { name: '/gc/cycles/total:gc-cycles', field: 'NumGC', cumulative: true },
    { name: '/gc/cycles/forced:gc-cycles', field: 'NumForcedGC', cumulative: true },
    { name: '/gc/heap/allocs:bytes', field: 'TotalAlloc', cumulative: true },
    { name: '/gc/heap/allocs:objects', field: 'Mallocs', cumulative: true },
    { name: '/gc/heap/frees:objects', field: 'Frees', cumulative: true },
    { name: '/gc/heap/objects:objects', field: 'HeapObjects' },
    { name: '/gc/heap/goal:bytes', field: 'NextGC', sentinel: true },
    // Go 1.21: the heap marked live by the last GC (what gctrace prints as its C in A->B->C).
    { name: '/gc/heap/live:bytes', field: 'LastGCLiveHeap' },
    { name: '/gc/gogc:percent', field: 'GOGC', sentinel: true },
    { name: '/gc/gomemlimit:bytes', field: 'GOMEMLIMIT', sentinel: true },
    { name: '/sched/gomaxprocs:threads', field: 'GOMAXPROCS' },
    // Go 1.26.
    { name: '/sched/goroutines-created:goroutines', field: 'GoroutinesCreated', cumulative: true },
];
/** The /memory/classes leaves, each a size (`/memory/classes/<leaf>:bytes`). */
const CLASS_LEAVES = [
    'total',
    'heap/objects',
    'heap/unused',
    'heap/free',
    'heap/released',
    'heap/stacks',
    'os-stacks',
    'metadata/mspan/inuse',
    'metadata/mspan/free',
    'metadata/mcache/inuse',
    'metadata/mcache/free',
    'metadata/other',
    'metadata/gc',
    'profiling/buckets',
    'other',
];
const classMetric = (leaf) => `/memory/classes/${leaf}:bytes`;
/**
 * The name client_golang's Go collector exports a runtime/metrics name under (its
 * internal.RuntimeMetricsToProm): `go_` + the path with `/` and `-` as `_`, `_` + the unit,
 * and `_total` for a counter. `/gc/heap/live:bytes` → `go_gc_heap_live_bytes`.
 */
function promName(name, cumulative = false) {
    const [key, unit = ''] = name.split(':', 2);
    const path = key.slice(1).replace(/[/-]/g, '_');
    const u = unit.replace(/[-*]/g, '_').replace(/\//g, '_per_');
    return `go_${path}_${u}${cumulative ? '_total' : ''}`;
}
/** Every runtime/metrics name read, by its client_golang name. */
const PROM_RUNTIME_METRICS = new Map([
    ...RUNTIME_METRICS.map((m) => [promName(m.name, m.cumulative), m.name]),
    ...CLASS_LEAVES.map((leaf) => [promName(classMetric(leaf)), classMetric(leaf)]),
]);
/** True when a JSON object is a runtime/metrics dump. */
function isRuntimeMetrics(doc) {
    return typeof doc['/memory/classes/total:bytes'] === 'number';
}
/**
 * The MemStats equivalents of the names present; the /memory/classes leaves (when
 * `/memory/classes/total:bytes` is there) partition total exactly as Sys.
 */
function readRuntimeMetrics(doc, source) {
    const out = {};
    if (typeof doc[classMetric('total')] === 'number') {
        // A leaf that is absent reads as 0; one that is present must be a figure (numbers.ts).
        const c = (leaf) => {
            const name = classMetric(leaf);
            const x = doc[name];
            return typeof x === 'number' ? figure(x, source, name) : 0;
        };
        Object.assign(out, {
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
        });
    }
    for (const { name, field, sentinel } of RUNTIME_METRICS) {
        const x = doc[name];
        if (typeof x !== 'number')
            continue;
        if (sentinel && isGoalSentinel(x))
            continue;
        out[field] = figure(x, source, name);
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
        throw new GateError('MALFORMED', `${source}: not valid JSON (${syntaxError(err, text)})`, 'write the file with json.Marshal(runtime.MemStats) or save /debug/vars');
    }
    if (!isObject(doc))
        return undefined;
    if (isRuntimeMetrics(doc))
        return { format: 'runtime-metrics', memstats: readRuntimeMetrics(doc, source) };
    if (isMemStats(doc))
        return { format: 'memstats-json', memstats: pick(doc, doc, source) };
    if (isObject(doc.memstats) && isMemStats(doc.memstats)) {
        return { format: 'expvar', memstats: pick(doc.memstats, doc, source) };
    }
    return undefined;
}
/**
 * Every number a dump carries is a figure (numbers.ts): a negative, fractional (but for
 * GCCPUFraction) or unbounded one (`1e400`, 400 digits) refuses the file. Other JSON
 * values (strings, arrays, booleans) are not MemStats fields and are left out.
 */
function pick(stats, outer, source) {
    const out = {};
    for (const [k, v] of Object.entries(stats)) {
        if (SKIP.has(k) || typeof v !== 'number')
            continue;
        if (k === 'NextGC' && isGoalSentinel(v))
            continue;
        out[k] = figure(v, source, k, k === 'GCCPUFraction' ? 'fraction' : 'integer');
    }
    // InfluxDB's /debug/vars keeps its goroutine count under runtime.values (NumGoroutine).
    const influx = isObject(outer.runtime) && isObject(outer.runtime.values) ? outer.runtime.values : {};
    for (const doc of [influx, stats, outer]) {
        for (const [k, field] of Object.entries(EXTRAS)) {
            const v = doc[k];
            if (typeof v === 'number')
                out[field] = figure(v, source, k);
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
 * JSON.parse's complaint in one line, with line and column: V8 quotes the text around the
 * error, newlines included, which would break the one-line message.
 */
function syntaxError(err, text) {
    const what = err.message
        .replace(/, (\.\.\.)?"[\s\S]*$/, '')
        .replace(/ in JSON at position \d+.*$/s, '')
        .replace(/\s+/g, ' ')
        .slice(0, 200);
    const at = / at position (\d+)/.exec(err.message);
    if (!at)
        return what;
    const before = text.slice(0, Number(at[1])).split('\n');
    return `${what} at line ${before.length} column ${before[before.length - 1].length + 1}`;
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
//
// Every read is bounded by the end of the enclosing message: a length that is negative or
// runs past it, a varint longer than ten bytes or one whose value is not a safe integer is a
// WireError naming the byte where it starts. Nothing moves the cursor backwards, so a walk
// over a message is linear in its size whatever the bytes say.
/** Bytes that are not well-formed protobuf; `offset` is where the bad item starts. */
class WireError extends RangeError {
    offset;
    constructor(offset, detail) {
        super(`protobuf ${detail.replace('%', `at byte ${offset}`)}`);
        this.offset = offset;
        this.name = 'WireError';
    }
}
/** A cursor over protobuf bytes. Throws WireError when a field is malformed or runs past the end. */
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
     * Reads a varint as a signed int64 in a double, negative values (ten-byte encodings)
     * negative; throws unless the value is a safe integer (|v| < 2^53).
     */
    varint() {
        const buf = this.buf;
        if (this.pos >= this.end)
            throw new WireError(this.pos, 'varint % runs past the end of the message');
        let b = buf[this.pos++];
        if (b < 0x80)
            return b;
        let result = b & 0x7f;
        let mul = 0x80;
        for (let i = 1; i < 10; i++) {
            if (this.pos >= this.end) {
                throw new WireError(this.pos - i, 'varint % runs past the end of the message');
            }
            b = buf[this.pos++];
            if (i === 9 || (i === 8 && b >= 0x80))
                return this.slowVarint(i);
            result += (b & 0x7f) * mul;
            if (b < 0x80) {
                if (result > Number.MAX_SAFE_INTEGER) {
                    throw new WireError(this.pos - i - 1, 'varint % is not a safe integer');
                }
                return result;
            }
            mul *= 0x80;
        }
        throw new WireError(this.pos - 10, 'varint % is longer than ten bytes');
    }
    /** Re-reads a long varint with BigInt so that int64 wrap-around is exact. */
    slowVarint(consumed) {
        const first = this.pos - consumed - 1;
        const v = this.bigVarint(first);
        const n = Number(BigInt.asIntN(64, v));
        if (!Number.isSafeInteger(n))
            throw new WireError(first, 'varint % is not a safe integer');
        return n;
    }
    /** The unsigned value of the varint at `first` (within end); leaves the cursor after it. */
    bigVarint(first) {
        let at = first;
        let v = 0n;
        let shift = 0n;
        for (;;) {
            if (at >= this.end)
                throw new WireError(first, 'varint % runs past the end of the message');
            if (shift >= 70n)
                throw new WireError(first, 'varint % is longer than ten bytes');
            const b = this.buf[at++];
            v |= BigInt(b & 0x7f) << shift;
            shift += 7n;
            if (b < 0x80)
                break;
        }
        this.pos = at;
        return v;
    }
    /** Reads a varint of any size as an unsigned 64-bit value in hex (an address). */
    hex() {
        return BigInt.asUintN(64, this.bigVarint(this.pos)).toString(16);
    }
    /** Reads a tag; returns [field number, wire type]. */
    tag() {
        const t = this.varint();
        return [Math.floor(t / 8), t & 7];
    }
    /** Reads a length prefix and returns the [start, end) of the payload. */
    bytes() {
        const end = this.lengthEnd();
        const start = this.pos;
        this.pos = end;
        return [start, end];
    }
    /** Reads a length prefix; returns where the payload ends (it starts at `pos`). */
    lengthEnd() {
        const at = this.pos;
        const length = this.varint();
        const end = this.pos + length;
        if (length < 0 || end > this.end) {
            throw new WireError(at, 'length % runs past the end of the message');
        }
        return end;
    }
    /** Skips one field of the given wire type. */
    skip(wireType) {
        const at = this.pos;
        switch (wireType) {
            case 0:
                // Any value: a skipped number (an address, a label's) need not be a safe integer.
                this.bigVarint(at);
                return;
            case 1:
                this.pos += 8;
                break;
            case 2:
                this.pos = this.lengthEnd();
                return;
            case 5:
                this.pos += 4;
                break;
            default:
                throw new WireError(at, `field % has wire type ${wireType}, which protobuf does not have`);
        }
        if (this.pos > this.end)
            throw new WireError(at, 'field % runs past the end of the message');
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
        // Broken protobuf after a first field that pprof has is a corrupt profile; broken from
        // its first byte, or a field pprof-format refuses, some other file.
        if (err instanceof Invalid || (err instanceof WireError && opensAsPprof(bytes))) {
            throw malformed(source, err.message);
        }
        throw notRecognised(source, err.message);
    }
    let str;
    try {
        str = checkMeta(meta, strings);
    }
    catch (err) {
        throw malformed(source, err.message);
    }
    // Cut like function names: a report names the sample types.
    const sampleTypes = meta.sampleType.map((t) => ({
        type: capName(str(t.type)),
        unit: capName(str(t.unit)),
    }));
    if (sampleTypes.length === 0 || strings[0] !== '' || sampleTypes.some((t) => t.type === '')) {
        throw notRecognised(source, 'no sample types');
    }
    // A goroutine leak profile (Go 1.26) is a goroutine profile of leaked goroutines only.
    const leaked = sampleTypes.length === 1 && sampleTypes[0].type === 'goroutineleak';
    const isGoroutine = (sampleTypes.length === 1 && sampleTypes[0].type === 'goroutine') || leaked;
    if (!isGoroutine && !sampleTypes.some((t) => HEAP_TYPES.has(t.type))) {
        const kind = pprofKind(sampleTypes, () => functions.list.map((f) => f.name));
        throw notAHeapProfile(source, kind, `sample types ${sampleTypes.map((t) => t.type).join(', ')}`);
    }
    if (functions.list.length > MAX_PROFILE_FUNCTIONS)
        throw tooManyFunctions(source, functions.list.length);
    if (locationRanges.length / 2 > 2 * MAX_PROFILE_FUNCTIONS)
        throw tooManyFunctions(source, locationRanges.length / 2, 'locations');
    const period = toNumber(meta.period);
    if (period < 0)
        throw malformed(source, `the sampling period is negative (${period})`);
    // A collection time before 1970 is no time Go writes: unknown.
    const timeNanos = Math.max(0, toNumber(meta.timeNanos));
    let read;
    try {
        read = readLocations(bytes, locationRanges, functions, mappingIds(meta));
    }
    catch (err) {
        throw malformed(source, err.message);
    }
    const { frames, indexOfId } = read;
    const samples = lazySamples(bytes, sampleRanges, longest, frames.start.length - 1, sampleTypes.length, indexOfId, source);
    let locations;
    const profile = {
        sampleTypes,
        defaultSampleType: capName(str(meta.defaultSampleType)),
        period,
        timeNanos,
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
        goroutines: {
            total: stacks.reduce((n, s) => n + s.count, 0),
            stacks,
            ...(leaked ? { leaked } : {}),
        },
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
                throw new WireError(pos + 1, 'length % runs past the end of the message');
        }
        else {
            r.reset(pos, length);
            const tag = r.varint();
            const field = checkTag(tag, pos);
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
            if (tag !== SAMPLE_TAG) {
                r.skip(tag & 7);
                // pprof-format reads one-byte tags only: a field it does not know is left out.
                if (field > 15) {
                    pos = r.pos;
                    continue;
                }
                // The small messages pprof-format reads: their own fields checked here.
                if ((tag & 7) === 2)
                    checkFields(bytes, pos + 1, field === 13);
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
        // Cut while decoded: every string the report uses is a name, a file or a type.
        for (let i = 0; i < stringRanges.length; i += 2)
            strings.push(decodeName(bytes, stringRanges[i], stringRanges[i + 1], decoder));
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
/** A profile that is well-formed protobuf but not a valid pprof profile (profile.CheckValid). */
class Invalid extends Error {
}
/**
 * Wire types of Profile's fields 1-15 (pprof's profile.proto): 2 for messages and strings,
 * 0 for numbers; comment (13) is a repeated int64, packed or not.
 */
const WIRE_TYPES = [-1, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 2, 0, -2, 0, 0];
/** The field number of a top-level tag read at `at`; throws for one pprof would refuse. */
function checkTag(tag, at) {
    if (tag < 8 || tag > 0xffffffff) {
        throw new WireError(at, tag < 8 && tag >= 0 ? 'field % has field number 0' : 'tag % is out of range');
    }
    const field = Math.floor(tag / 8);
    const want = field < WIRE_TYPES.length ? WIRE_TYPES[field] : -3;
    if (want >= 0 ? (tag & 7) !== want : want === -2 && (tag & 7) !== 0 && (tag & 7) !== 2) {
        throw new WireError(at, `field % (number ${field}) has wire type ${tag & 7}, not ${want >= 0 ? want : '0 or 2'}`);
    }
    return field;
}
/**
 * Walks the fields inside the length-delimited field whose length is at `at` (a sample
 * type, mapping, period type or function, or packed numbers), so that what pprof-format
 * then reads of it is well-formed.
 */
function checkFields(bytes, at, packed) {
    const r = new WireReader(bytes, at);
    r.end = r.lengthEnd();
    while (r.more()) {
        if (packed) {
            r.varint();
            continue;
        }
        const tagAt = r.pos;
        const tag = r.varint();
        if (tag < 8 || tag > 0xffffffff)
            throw new WireError(tagAt, 'field % has field number 0');
        r.skip(tag & 7);
    }
}
/** True when the bytes open with a field that pprof's Profile has, of its wire type. */
function opensAsPprof(bytes) {
    try {
        return checkTag(new WireReader(bytes).varint(), 0) <= 15;
    }
    catch {
        return false;
    }
}
/**
 * Checks the fields pprof-format decoded as CheckValid does (mapping ids nonzero and
 * unique) and that each string index is in the table; returns the string lookup.
 */
function checkMeta(meta, strings) {
    const str = (i, what = 'a string') => {
        const n = toNumber(i);
        const s = strings[n];
        if (s === undefined) {
            throw new Invalid(`${what} refers to string ${n}, past the string table's ${strings.length}`);
        }
        return s;
    };
    for (const t of meta.sampleType) {
        str(t.type, 'a sample type');
        str(t.unit, 'a sample type');
    }
    if (meta.periodType) {
        str(meta.periodType.type, 'the period type');
        str(meta.periodType.unit, 'the period type');
    }
    str(meta.defaultSampleType, 'the default sample type');
    str(meta.dropFrames, 'drop_frames');
    str(meta.keepFrames, 'keep_frames');
    for (const c of meta.comment)
        str(c, 'a comment');
    for (const m of meta.mapping) {
        str(m.filename, `mapping ${toNumber(m.id)}`);
        str(m.buildId, `mapping ${toNumber(m.id)}`);
    }
    mappingIds(meta);
    return str;
}
/** The mapping ids; throws for a zero or repeated one. */
function mappingIds(meta) {
    const ids = new Set();
    for (const m of meta.mapping) {
        const id = toNumber(m.id);
        if (id === 0)
            throw new Invalid('a mapping has id 0, which pprof reserves');
        if (ids.has(id))
            throw new Invalid(`two mappings have id ${id}`);
        ids.add(id);
    }
    return ids;
}
/** The functions as pprof-format decoded them. */
function functionsOf(meta, strings) {
    const functions = { list: [], indexOf: new Map() };
    for (const f of meta.function) {
        const id = toNumber(f.id);
        addFunction(functions, id, strings, toNumber(f.name), toNumber(f.filename), toNumber(f.systemName));
    }
    return functions;
}
/**
 * Adds a function; a frame shows a nameless one as <unknown>. Throws for an id of 0 or
 * one seen before, or a string index past the table (CheckValid and pprof's decoder).
 */
function addFunction(functions, id, strings, name, file, systemName) {
    if (id === 0)
        throw new Invalid('a function has id 0, which pprof reserves');
    if (functions.indexOf.has(id))
        throw new Invalid(`two functions have id ${id}`);
    const most = Math.max(name, file, systemName);
    if (most >= strings.length || Math.min(name, file, systemName) < 0) {
        throw new Invalid(`function ${id} refers to string ${most}, past the string table's ${strings.length}`);
    }
    const n = strings[name];
    functions.indexOf.set(id, 
    // Names come from whoever wrote the profile: cut once here, so no report carries more.
    functions.list.push({ name: capName(n || '<unknown>'), file: capName(strings[file]) }) - 1);
}
// Tags of Function's fields: id 1, name 2, system_name 3, filename 4, start_line 5 (varints).
const FUNCTION_ID = 1 << 3;
const FUNCTION_NAME = 2 << 3;
const FUNCTION_FILENAME = 4 << 3;
const FUNCTION_SYSTEM_NAME = 3 << 3;
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
        let systemName = 0;
        while (r.more()) {
            const tag = bytes[r.pos++];
            if (tag >= 0x80 || tag < 8 || (tag & 7) !== 0 || tag > 5 << 3 || !r.more())
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
            else if (tag === FUNCTION_SYSTEM_NAME)
                systemName = value;
        }
        addFunction(functions, id, strings, name, file, systemName);
    }
    return functions;
}
// Tags of Location's fields (id 1, address 3, line 4) and Line's (function_id 1, line 2).
const LOCATION_ID = 1 << 3;
const LOCATION_MAPPING = 2 << 3;
const LOCATION_ADDRESS = 3 << 3;
const LOCATION_LINE = (4 << 3) | 2;
const LINE_FUNCTION = 1 << 3;
const LINE_LINE = 2 << 3;
/** Each location's inlining chain, innermost first (the last line is the real frame). */
function readLocations(bytes, ranges, functions, mappings) {
    const r = new WireReader(bytes);
    const inner = new WireReader(bytes);
    const count = ranges.length / 2;
    const list = functions.list;
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
        let address = '0';
        while (r.more()) {
            const tagAt = r.pos;
            const tag = r.varint();
            if (tag === LOCATION_ID)
                id = r.varint();
            else if (tag === LOCATION_ADDRESS)
                address = r.hex();
            else if (tag === LOCATION_MAPPING) {
                const mapping = r.varint();
                if (mapping !== 0 && !mappings.has(mapping)) {
                    throw new Invalid(`location ${id || `#${l + 1}`} refers to missing mapping ${mapping}`);
                }
            }
            else if (tag === LOCATION_LINE) {
                const end = r.lengthEnd();
                inner.reset(r.pos, end);
                let functionId = 0;
                let lineNo = 0;
                while (inner.more()) {
                    const tAt = inner.pos;
                    const t = inner.varint();
                    if (t === LINE_FUNCTION)
                        functionId = inner.varint();
                    else if (t === LINE_LINE)
                        lineNo = inner.varint();
                    else if (t < 8)
                        throw new WireError(tAt, 'field % has field number 0');
                    else
                        inner.skip(t & 7);
                }
                const f = functions.indexOf.get(functionId);
                if (f === undefined) {
                    throw new Invalid(`location ${id || `#${l + 1}`} has a line of missing function ${functionId}`);
                }
                if (at === fn.length) {
                    fn = grown(fn);
                    line = grown(line);
                }
                fn[at] = f;
                // Go writes no negative line; one is no line known.
                line[at++] = lineNo < 0 ? 0 : lineNo;
                r.pos = end;
            }
            else if (tag < 8)
                throw new WireError(tagAt, 'field % has field number 0');
            else
                r.skip(tag & 7);
        }
        if (id === 0)
            throw new Invalid(`location #${l + 1} has id 0, which pprof reserves`);
        if (at === start[l]) {
            // No line: the address stands for the function.
            if (at === fn.length) {
                fn = grown(fn);
                line = grown(line);
            }
            fn[at] = list.push({ name: `0x${address}`, file: '' }) - 1;
            line[at++] = 0;
        }
        start[l + 1] = at;
        if (!indexOfId && id !== l + 1) {
            indexOfId = new Map();
            for (let k = 0; k < l; k++)
                indexOfId.set(k + 1, k);
        }
        if (indexOfId?.has(id))
            throw new Invalid(`two locations have id ${id}`);
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
                    if (x < 0)
                        throw negativeValue(i, x);
                    if (v < width)
                        values[v] = x;
                    v++;
                }
                r.pos = end;
            }
            else if (tag === VALUE_ONE) {
                const x = r.varint();
                if (x < 0)
                    throw negativeValue(i, x);
                if (v < width)
                    values[v] = x;
                v++;
            }
            else if (tag < 8) {
                throw new WireError(r.pos - 1, 'field % has field number 0');
            }
            else {
                r.skip(tag & 7);
            }
        }
        if (v !== width) {
            throw new Invalid(`sample ${i + 1} has ${v} values for ${width} sample types`);
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
/** Go never writes a negative count or size; a diff profile (pprof -diff_base) does. */
function negativeValue(i, x) {
    return new Invalid(`sample ${i + 1} has the negative value ${x} (a heap profile, not a diff of two)`);
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
function notRecognised(source, detail) {
    return new GateError('UNKNOWN_FORMAT', `${source}: not a pprof profile, MemStats JSON or Prometheus scrape (${detail})`, 'pass a heap profile (.pb.gz), a debug=1 heap profile, a MemStats JSON dump or a /metrics scrape');
}
function malformed(source, detail) {
    return new GateError('MALFORMED', `${source}: corrupt pprof profile: ${detail}`, 'produce the file again');
}

// Reads a Prometheus text exposition (client_golang's Go and process collectors).
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
const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
/**
 * A `# HELP`/`# TYPE` line or a sample of a `go_` or `process_` family, as the exposition
 * format writes them (name, optional labels, a number, optional timestamp).
 */
const GO_FAMILY = /^(?:# (?:HELP|TYPE) (?:go|process)_[a-zA-Z0-9_:]* |(?:go|process)_[a-zA-Z0-9_:]*(?:\{[^}\n]*\})? [-+0-9.eEIinfNa]+(?: -?\d+)?\r?$)/m;
/**
 * True when the text (a file's first kilobytes) looks like a scrape that carries Go runtime
 * metrics. Any `go_` or `process_` family counts, not one by name: current client_golang
 * versions list the `go_gc_*` families (with large histograms) first, and their first
 * `go_goroutines` or `go_memstats_` line lies kilobytes further on.
 */
function isPrometheus(text) {
    return !text.includes('\0') && GO_FAMILY.test(text);
}
/** A `# TYPE` line of the exposition format, of any family. */
const TYPE_LINE = /^# TYPE [a-zA-Z_:][a-zA-Z0-9_:]* (?:counter|gauge|histogram|gaugehistogram|summary|untyped|unknown|info|stateset)\r?$/m;
/**
 * True when the text (a file's first kilobytes) is the exposition format, whatever its
 * families: a program's own families sort before `go_` (`api_…`, `app_…`, `db_…`), and
 * can fill the head. readPrometheus then looks for the Go families in the whole scrape.
 */
function isExposition(text) {
    return !text.includes('\0') && TYPE_LINE.test(text);
}
/** The runtime/metrics names whose "none" value (~2^63–2^64) is left out. */
const SENTINELS = new Set(RUNTIME_METRICS.filter((m) => m.sentinel).map((m) => m.name));
/**
 * Extracts the MemStats fields a scrape carries; unknown metrics are ignored. A sample of a
 * family read must hold a figure (numbers.ts: not `NaN`, `+Inf`, `-1`, `abc` or empty), and
 * a scrape without one sample of those families is refused rather than read as nothing.
 * The `go_memstats_*` families are MemStats itself; the runtime/metrics families client_golang
 * exports (go_gc_heap_live_bytes, go_sched_gomaxprocs_threads, go_memory_classes_*…) map
 * through runtime-metrics.ts and fill the fields those leave out.
 */
function readPrometheus(text, source = 'scrape') {
    const out = {};
    const runtime = {};
    text.split('\n').forEach((raw, i) => {
        const line = raw.replace(/\r$/, '');
        if (line.startsWith('#'))
            return;
        const name = NAME.exec(line)?.[0];
        if (!name)
            return;
        const field = METRICS[name];
        const metric = PROM_RUNTIME_METRICS.get(name);
        if (!field && !metric)
            return;
        let rest = line.slice(name.length);
        if (rest.startsWith('{')) {
            const close = rest.indexOf('}');
            rest = close < 0 ? '' : rest.slice(close + 1);
        }
        const value = rest.trim().split(/[ \t]/, 1)[0] ?? '';
        if (metric) {
            if (SENTINELS.has(metric) && isGoalSentinel(Number(value)))
                return;
            runtime[metric] = figure(value, `${source}:${i + 1}`, name);
            return;
        }
        // The goal with GC off is ~2^64 (1.8446744073709552e+19): no goal, as in MemStats.
        if (field === 'NextGC' && isGoalSentinel(Number(value)))
            return;
        const kind = field === 'GCCPUFraction' ? 'fraction' : 'integer';
        out[field] = figure(value, `${source}:${i + 1}`, name, kind);
    });
    const merged = { ...readRuntimeMetrics(runtime, source), ...out };
    if (Object.keys(merged).length === 0) {
        throw new GateError('MALFORMED', `${source}: Prometheus scrape without one sample of a Go runtime family (go_memstats_*, go_goroutines, go_gc_*, go_sched_*, process_resident_memory_bytes)`, 'scrape the /metrics of a program that registers the Go and process collectors');
    }
    return merged;
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
    const head = decodeText(data.subarray(0, 4096));
    // Decoded once, when a text reader needs it.
    let decoded;
    const text = () => (decoded ??= decodeText(data));
    if (isGoroutineText(head)) {
        const goroutines = readGoroutineText(text(), source);
        return {
            source,
            format: 'goroutine-text',
            goroutines,
            // A leak profile counts leaked goroutines only, not the process's.
            memstats: goroutines.leaked ? {} : { Goroutines: goroutines.total },
            warnings: [],
        };
    }
    const otherKind = otherTextKind(head);
    if (otherKind)
        throw notAHeapProfile(source, otherKind, 'debug=1 text');
    const bench = readGoTest(head, text, source);
    if (bench)
        return bench;
    // `go test -v` output may print far more than the head before its first GC.
    const testLog = /^(=== RUN |--- PASS: |ok {2}\t)/m.test(head);
    if (isGcTrace(head) || (testLog && isGcTrace(text()))) {
        const gcRuns = readGcRuns(text(), source);
        return { source, format: 'gctrace', memstats: gcTraceStats(gcRuns), gcRuns, warnings: [] };
    }
    if (isHeapText(head)) {
        const { profile, memstats, warnings } = readHeapText(text(), source, {
            stacks: opts.stacks,
            heaviest: opts.heaviest,
        });
        return { source, format: 'heap-text', profile, memstats, warnings };
    }
    // Written first (its key leads the object) so it is told from MemStats JSON at once.
    if (isCaptureManifest(head))
        return { source, format: 'capture-manifest', warnings: [] };
    if (/^\s*[{[]/.test(head)) {
        const json = readMemStatsJson(text(), source);
        if (!json) {
            throw new GateError('UNKNOWN_FORMAT', `${source}: JSON without runtime.MemStats fields (HeapAlloc, Sys) or runtime/metrics names`, 'write json.Marshal(runtime.MemStats), save the /debug/vars page, or dump runtime/metrics');
        }
        return { source, format: json.format, memstats: json.memstats, warnings: [] };
    }
    if (isPrometheus(head) || isExposition(head)) {
        return {
            source,
            format: 'prometheus',
            memstats: readPrometheus(text(), source),
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
            memstats: goroutines.leaked ? {} : { Goroutines: goroutines.total },
            warnings: [],
        };
    }
    return { source, format: 'pprof', profile: content.profile, warnings: [] };
}
/** UTF-8 text, the byte order mark some editors and Windows tools write dropped. */
function decodeText(bytes) {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
        .toString('utf8')
        .replace(/^\uFEFF/, '');
}

// The size limits of a compare, in one place. Real Go memory files stay far below them
// (the largest profiles measured are 26 MiB gzipped, 46 MB inflated); they exist so that a
// crafted or mistaken input is refused with one line instead of taking the machine's
// memory or time. docs/cli.md lists them.
const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
/** One input file on disk. Refused from its stat, before any byte is read. */
const MAX_FILE_BYTES = 512 * MiB;
/**
 * A text input (Prometheus, MemStats JSON, a text heap profile, gctrace, go test output)
 * after any gunzip: it is decoded as one string, so it is refused before it is decoded.
 */
const MAX_TEXT_BYTES = 256 * MiB;
/** `512 MiB`, `1.5 GiB`, `300 B`: a size for the messages. */
function sizeText(bytes) {
    if (bytes >= GiB)
        return `${+(bytes / GiB).toFixed(1)} GiB`;
    if (bytes >= MiB)
        return `${+(bytes / MiB).toFixed(1)} MiB`;
    if (bytes >= 1024)
        return `${+(bytes / 1024).toFixed(1)} KiB`;
    return `${bytes} B`;
}

// The inputs of a compare: the paths or globs of one side, its runs, and opening a file.
/** What a path that is not a regular file is, for messages; undefined for a file. */
function notAFile(stat) {
    if (stat.isFile())
        return undefined;
    if (stat.isDirectory())
        return 'a directory';
    if (stat.isFIFO())
        return 'a named pipe (FIFO)';
    if (stat.isSocket())
        return 'a socket';
    if (stat.isCharacterDevice())
        return 'a character device';
    if (stat.isBlockDevice())
        return 'a block device';
    return 'not a regular file';
}
/** Refuses anything but a regular file within MAX_FILE_BYTES; returns its size. */
function checkStat(stat, path, label) {
    const what = notAFile(stat);
    if (what === 'a directory') {
        throw new GateError('READ_FAILED', `${label} ${path}: is a directory, not a file`, `use a glob such as '${path}/*.pb.gz'`);
    }
    if (what) {
        throw new GateError('READ_FAILED', `${label} ${path}: is ${what}, not a file`, 'save what it gives to a file and pass that file');
    }
    if (stat.size > MAX_FILE_BYTES) {
        throw new GateError('TOO_LARGE', `${label} ${path}: is ${sizeText(stat.size)}, over the ${sizeText(MAX_FILE_BYTES)} limit for one file`, 'Go memory files are far smaller; check that this is the right file');
    }
    return stat.size;
}
/**
 * The size of an input file, from its stat, without opening it: anything but a regular
 * file (a FIFO, a socket, a device such as /dev/zero, a folder) or a file over
 * MAX_FILE_BYTES is a GateError naming it.
 */
function inputSize(path, label) {
    let stat;
    try {
        stat = statSync(path);
    }
    catch (err) {
        throw readError(err, path, label);
    }
    return checkStat(stat, path, label);
}
/**
 * Opens one input file for reading: its descriptor and size. A missing or unreadable path,
 * anything but a regular file, or a file over MAX_FILE_BYTES is a GateError naming it. The
 * path is checked before it is opened (opening a FIFO would wait for a writer), opened
 * without blocking, and checked again on the descriptor (it may have been replaced).
 */
function openInput(path, label) {
    inputSize(path, label);
    let fd;
    try {
        fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
        return { fd, size: checkStat(fstatSync(fd), path, label) };
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

// The one read of every input file, on the main thread or a worker: opened as its label
// names it, streamed through the bounded inflate when it is gzip, then read (and its heap
// profile folded) by src/formats.
/** Read files in large chunks: small ones cost a callback each. */
const CHUNK = 1024 * 1024;
const readChunk = promisify(read);
/**
 * Gzip files from this size on stream through inflate, so the compressed bytes and zlib's
 * output chunks are never held beside the profile (a 26 MiB profile inflating to 46 MB
 * reads at half the peak). Smaller ones are inflated in memory, in one
 * chunk of the declared size: for a 6.5 MB profile that is 7% faster (383 → 355 ms for
 * the mid-size pair, 9 alternating runs) at the same peak memory, and it costs far less
 * per file for 1,000 small profiles a side.
 */
const STREAM_BYTES = 16 * 1024 * 1024;
/**
 * A smaller gzip file is inflated in memory only when its trailer declares at most this:
 * one output buffer of that size. Larger ones stream into one buffer too, so a file that
 * inflates to nearly MAX_INFLATED_BYTES is held once, not as chunks joined into a copy.
 */
const IN_MEMORY_INFLATED = 64 * 1024 * 1024;
/** The bytes sniffed before a file is read: enough to tell text from a protobuf. */
const HEAD = 512;
/** Reads the file at `path` into its Snapshot; GateErrors name it as `label` does. */
async function readFile(path, label, opts = {}) {
    const t0 = performance.now();
    const { bytes, inflated } = await readInflated(path, label, opts.maxInflated);
    const t1 = performance.now();
    const snapshot = readSnapshot(bytes, path, { ...opts, inflated });
    const functions = snapshot.profile?.fold.functions.names.length ?? 0;
    // A pprof profile is refused before it is folded; a text profile once it is.
    if (functions > MAX_PROFILE_FUNCTIONS)
        throw tooManyFunctions(`${label} ${path}`, functions);
    return { snapshot, stages: { inflate: t1 - t0, fold: performance.now() - t1 } };
}
/**
 * The file's bytes, inflated (`inflated`) when it is gzip: as they stream in for a file of
 * `streamFrom` bytes or more, or one whose trailer declares more than 64 MiB; a smaller
 * one in memory, in one chunk of that size. Either way into one buffer of the declared
 * size, or of the counted size when the trailer said less. A text file over
 * MAX_TEXT_BYTES is refused before it is read (from its stat, or as soon as its inflated
 * bytes pass the limit); gzip data stops inflating past `maxBytes`.
 */
async function readInflated(path, label, maxBytes = DEFAULT_MAX_INFLATED, streamFrom = STREAM_BYTES) {
    const { fd, size: compressed } = openInput(path, label);
    try {
        const head = Buffer.alloc(Math.min(HEAD, compressed));
        readSync(fd, head, 0, head.length, 0);
        if (!isGzip(head)) {
            if (compressed > MAX_TEXT_BYTES && looksText(head)) {
                throw new GateError('TOO_LARGE', `${label} ${path}: is ${sizeText(compressed)} of text, over the ${sizeText(MAX_TEXT_BYTES)} limit for text files`, 'Prometheus scrapes, MemStats and text profiles are far smaller; check that this is the right file');
            }
            return { bytes: readFileSync(fd), inflated: false };
        }
        const trailer = Buffer.alloc(Math.min(4, compressed));
        readSync(fd, trailer, 0, trailer.length, compressed - trailer.length);
        const declared = declaredSize(trailer, compressed, maxBytes);
        const stream = () => chunksOf(fd);
        let size;
        if (compressed < streamFrom && declared <= IN_MEMORY_INFLATED) {
            const bytes = gunzipExpected(readFileSync(fd), declared, path);
            if (bytes)
                return { bytes, inflated: true };
            size = await inflatedSize(stream(), path, maxBytes, MAX_TEXT_BYTES);
        }
        else {
            const first = await gunzipStream(stream(), declared, path, maxBytes, MAX_TEXT_BYTES);
            if (first.bytes)
                return { bytes: first.bytes, inflated: true };
            size = first.size;
        }
        // The trailer named less than the data holds (several gzip members, or a lie): inflate
        // again into a buffer of the counted size, never a grown or joined copy.
        const again = await gunzipStream(stream(), size, path, maxBytes, MAX_TEXT_BYTES);
        if (!again.bytes)
            throw changedWhileRead(path, label);
        return { bytes: again.bytes, inflated: true };
    }
    catch (err) {
        if (err instanceof GateError)
            throw err;
        throw readError(err, path, label);
    }
    finally {
        closeSync(fd);
    }
}
/** The file's bytes from its start, CHUNK at a time; the descriptor stays open. */
async function* chunksOf(fd) {
    for (let position = 0;;) {
        const { bytesRead, buffer } = await readChunk(fd, Buffer.allocUnsafe(CHUNK), 0, CHUNK, position);
        if (bytesRead === 0)
            return;
        position += bytesRead;
        yield buffer.subarray(0, bytesRead);
    }
}
/** A file that inflated to more on its second read than on its first. */
function changedWhileRead(path, label) {
    return new GateError('READ_FAILED', `${label} ${path}: changed while it was read`, 'run gomem-gate once the step writing the file has finished');
}

// A worker thread that reads big files with the main thread's readFile, so two sides'
// profiles are decoded and folded on two cores at once. The snapshot goes back as it is:
// its fold is columns (names in arrays, sums in a Float64Array), which structured clone
// copies as bytes; as a NodeSums object per function, 3,000 of them took 20-46 ms to
// deserialize on the main thread, as columns 3-6 ms.
parentPort?.on('message', async (job) => {
    try {
        const { snapshot, stages } = await readFile(job.path, job.label, job.opts);
        parentPort.postMessage({ id: job.id, snapshot, stages });
    }
    catch (err) {
        const e = err;
        parentPort.postMessage({
            id: job.id,
            error: err instanceof GateError
                ? { code: err.code, message: err.message, hint: err.hint }
                : { message: e?.message ?? String(err) },
        });
    }
});
