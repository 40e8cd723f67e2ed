//! `policylens._policylens`: the PolicyLens analysis for Python, built by
//! maturin into the package `policylens` (crates/python/python/policylens
//! re-exports it and adds the pure-Python `to_rows`).
//!
//! The module only carries text in and reports out: every report comes from
//! `policylens_core::analyze_decoded` and has the shape of
//! docs/report-schema.md (the CLI's `analyze --format json`). Nothing here
//! analyses, recounts or judges.
//!
//! Reports become Python objects through the core's own JSON: serde_json
//! writes it (in the analysis threads) and the standard library's C parser,
//! `json.loads`, builds the dicts. pythonize, which builds them directly, was
//! measured at 0.8–0.95 ms a CAPP-130 report against 1.1–1.5 ms for
//! `json.loads`, but it turns the report's pairs (`span`, `lines`, flow
//! edges) into tuples where JSON, the CLI and `json.load` give lists; with
//! `json.loads` a report is exactly `json.loads` of `policylens analyze
//! --format json`. Building the objects needs the interpreter, so it is the
//! serial part of `analyze_many`: the cyclic garbage collector is paused
//! while it runs (reports hold no cycles; with it running, keeping the
//! reports of a batch costs three times as much, 3.3 against 1.1 ms a
//! report).
//!
//! `analyze_many` analyses on its own threads with the interpreter released;
//! the calling thread converts each finished report while the next ones are
//! analysed, so conversion overlaps analysis instead of following it. With
//! `threads=1` the reports are made one after the other, the interpreter
//! released during each analysis. The core splits one analysis into passes
//! that run at once on rayon's threads: `analyze` uses the global pool (every
//! core), `analyze_many` a pool of `threads` threads, so that it never keeps
//! more than `threads` cores busy (a Dask worker with one thread stays on
//! one core).
//!
//! Bad input is refused as the CLI refuses it: bytes that are not UTF-8,
//! UTF-16 with a byte-order mark or GB18030 raise `ValueError` with the
//! CLI's message; a value of the wrong type raises `TypeError`. Like the CLI
//! (and unlike the web page, which stops at 8 MiB to stay responsive), no
//! size limit: the analysis is linear in the input. A panic (a bug) becomes
//! `pyo3_runtime.PanicException`, never an abort: the wheel's profile
//! unwinds.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::Mutex;

use policylens_core::decode::decode;
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyList, PyModule, PyString};

/// One policy handed to the analysis: text, or bytes still to decode.
#[derive(Debug)]
pub enum Input {
    Text(String),
    Bytes(Vec<u8>),
}

/// The report of one input as the core's JSON (compact, the fields in the
/// order of docs/report-schema.md), or why its bytes could not be decoded
/// (the CLI's message: `not UTF-8, UTF-16 or GB18030 text: undecodable byte
/// at offset N`).
pub fn report_json(input: &Input) -> Result<String, String> {
    let report = match input {
        Input::Text(text) => policylens_core::analyze(text),
        Input::Bytes(bytes) => {
            let decoded = decode(bytes).map_err(|e| e.to_string())?;
            policylens_core::analyze_decoded(&decoded.text, decoded.encoding)
        }
    };
    // A report is plain data: serialising it into a String cannot fail.
    Ok(serde_json::to_string(&report).unwrap_or_default())
}

/// Runs `work` on every item on `threads` threads, and hands each result with
/// its index to `consume` on the calling thread as soon as it is ready (in
/// completion order). `wait` runs the blocking receive: the Python module
/// releases the interpreter around it. When `consume` fails, the threads stop
/// after the item each is on and the error is returned. A panic in `work`
/// reaches the caller when the threads are joined.
pub fn for_each_parallel<T, R, E>(
    items: &[T],
    threads: usize,
    work: impl Fn(&T) -> R + Sync,
    mut wait: impl FnMut(&(dyn Fn() -> Vec<(usize, R)> + Sync)) -> Vec<(usize, R)>,
    mut consume: impl FnMut(usize, R) -> Result<(), E>,
) -> Result<(), E>
where
    T: Sync,
    R: Send,
{
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let (tx, rx) = mpsc::channel::<(usize, R)>();
    let rx = Mutex::new(rx);
    std::thread::scope(|scope| {
        for _ in 0..threads.clamp(1, items.len().max(1)) {
            let tx = tx.clone();
            let (next, stop, work) = (&next, &stop, &work);
            scope.spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    if tx.send((i, work(item))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        // Everything ready at once is handed over in one wake-up.
        let receive = || {
            let rx = rx.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            let Ok(first) = rx.recv() else { return Vec::new() };
            std::iter::once(first).chain(rx.try_iter()).collect()
        };
        loop {
            let ready = wait(&receive);
            if ready.is_empty() {
                return Ok(());
            }
            for (i, r) in ready {
                if let Err(e) = consume(i, r) {
                    // Each thread ends after the item it is on.
                    stop.store(true, Ordering::Relaxed);
                    return Err(e);
                }
            }
        }
    })
}

/// The number of threads `analyze_many` uses when it is not told.
fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// Pauses Python's cyclic garbage collector while reports are built, when it
/// was running, and restarts it when dropped.
struct GcPause<'py> {
    gc: Option<Bound<'py, PyModule>>,
}

impl<'py> GcPause<'py> {
    fn new(py: Python<'py>) -> PyResult<Self> {
        let gc = py.import("gc")?;
        if gc.call_method0("isenabled")?.is_truthy()? {
            gc.call_method0("disable")?;
            Ok(GcPause { gc: Some(gc) })
        } else {
            Ok(GcPause { gc: None })
        }
    }
}

impl Drop for GcPause<'_> {
    fn drop(&mut self) {
        if let Some(gc) = &self.gc {
            let _ = gc.call_method0("enable");
        }
    }
}

/// JSON as Python objects (dicts, lists, str, int, bool, None), by the
/// standard library's `json.loads`, looked up once. The caller pauses the
/// garbage collector ([`GcPause`]).
fn json_loads<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    LOADS.import(py, "json", "loads")?.call1((json,))
}

/// A value as Python objects, through its JSON.
fn to_python<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    let _pause = GcPause::new(py)?;
    json_loads(py, json)
}

fn type_name(value: &Bound<'_, PyAny>) -> String {
    value.get_type().name().map_or_else(|_| "?".to_owned(), |n| n.to_string())
}

/// A `str` argument as Rust text; `bytes` and other types are a TypeError
/// that says what to call instead.
fn text_arg(value: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    if let Ok(s) = value.cast::<PyString>() {
        return Ok(s.to_cow()?.into_owned());
    }
    if value.is_instance_of::<PyBytes>() {
        return Err(PyTypeError::new_err(format!("{what} must be str, not bytes: use analyze_bytes() for bytes")));
    }
    Err(PyTypeError::new_err(format!("{what} must be str, not {}", type_name(value))))
}

/// A `bytes`, `bytearray` or `memoryview` argument; `str` is a TypeError
/// that says what to call instead.
fn bytes_arg(value: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if let Ok(b) = value.cast::<PyBytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    if value.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err("data must be bytes, not str: use analyze() for text"));
    }
    value.extract().map_err(|_| {
        PyTypeError::new_err(format!("data must be bytes, bytearray or memoryview, not {}", type_name(value)))
    })
}

/// One item of `analyze_many`: `str`, or `bytes` (decoded as analyze_bytes
/// does).
fn input_arg(value: &Bound<'_, PyAny>, index: usize) -> PyResult<Input> {
    if let Ok(b) = value.cast::<PyBytes>() {
        return Ok(Input::Bytes(b.as_bytes().to_vec()));
    }
    if let Ok(s) = value.cast::<PyString>() {
        return Ok(Input::Text(s.to_cow()?.into_owned()));
    }
    Err(PyTypeError::new_err(format!("texts[{index}] must be str or bytes, not {}", type_name(value))))
}

#[derive(serde::Serialize)]
struct RuleInfo {
    id: &'static str,
    severity: policylens_core::Severity,
    category: Option<policylens_core::Category>,
    title_zh: &'static str,
    title_en: &'static str,
    sources: &'static [&'static str],
    why: &'static str,
    fix: &'static str,
    why_en: &'static str,
    fix_en: &'static str,
}

fn rule_infos() -> Vec<RuleInfo> {
    policylens_core::rules::REGISTRY
        .iter()
        .map(|r| RuleInfo {
            id: r.id,
            severity: r.severity,
            category: r.category,
            title_zh: r.title_zh,
            title_en: r.title_en,
            sources: r.sources,
            why: r.why,
            fix: r.fix,
            why_en: r.why_en,
            fix_en: r.fix_en,
        })
        .collect()
}

/// PolicyLens: analyses Chinese privacy policies (隐私政策).
#[pymodule(name = "_policylens")]
mod policylens_module {
    use super::*;

    #[pymodule_export]
    #[allow(non_upper_case_globals)] // reason: Python's name for it
    const __version__: &str = env!("CARGO_PKG_VERSION");

    /// Analyses one policy and returns its report: a dict with the shape of
    /// docs/report-schema.md (``schema_version``, ``outline``, ``checklist``,
    /// ``findings``, ``sdks``, ``facts``, ``summary``, ...), the same as
    /// ``policylens analyze --format json``. Any text gets a report; text that
    /// is not a privacy policy says so in ``report["input"]["kind"]``.
    /// Raises TypeError unless ``text`` is a str (use analyze_bytes for bytes).
    #[pyfunction]
    fn analyze<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let input = Input::Text(text_arg(text, "text")?);
        let json = py.detach(|| report_json(&input)).map_err(PyValueError::new_err)?;
        to_python(py, &json)
    }

    /// The report of ``text`` as JSON text, exactly what ``analyze`` parses:
    /// compact, the fields in the order of the schema (``policylens analyze
    /// --format json`` pretty-prints the same). The fastest way to store
    /// reports, since no Python objects are built.
    #[pyfunction]
    fn analyze_json(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<String> {
        let input = Input::Text(text_arg(text, "text")?);
        py.detach(|| report_json(&input)).map_err(PyValueError::new_err)
    }

    /// Decodes ``data`` as the CLI does (UTF-8, UTF-16 with a byte-order mark,
    /// GB18030/GBK; the encoding is in ``report["input"]["encoding"]``) and
    /// analyses it. Raises ValueError when the bytes are none of these
    /// ("not UTF-8, UTF-16 or GB18030 text: undecodable byte at offset N"),
    /// TypeError unless ``data`` is bytes, bytearray or memoryview.
    #[pyfunction]
    fn analyze_bytes<'py>(py: Python<'py>, data: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let input = Input::Bytes(bytes_arg(data)?);
        let json = py.detach(|| report_json(&input)).map_err(PyValueError::new_err)?;
        to_python(py, &json)
    }

    /// Analyses many policies in parallel and returns their reports in the
    /// order given. ``texts`` is any iterable of str (or bytes, decoded as
    /// analyze_bytes decodes them). The analysis runs on ``threads`` threads
    /// (default: the cores available) with the interpreter released; the
    /// calling thread turns finished reports into dicts meanwhile
    /// (``threads=1``: all on the calling thread). The result equals
    /// ``[analyze(t) for t in texts]``.
    ///
    /// ``errors="raise"`` raises ValueError for bytes that cannot be decoded
    /// (naming the item); ``errors="report"`` puts ``{"error": message}`` in
    /// that item's place and goes on, as ``policylens batch`` does.
    #[pyfunction]
    #[pyo3(signature = (texts, threads = None, *, errors = "raise"))]
    fn analyze_many<'py>(
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        threads: Option<i64>,
        errors: &str,
    ) -> PyResult<Bound<'py, PyList>> {
        let report_errors = match errors {
            "raise" => false,
            "report" => true,
            _ => return Err(PyValueError::new_err(format!("errors must be \"raise\" or \"report\", not {errors:?}"))),
        };
        let threads = match threads {
            None => default_threads(),
            Some(n) if n >= 1 => usize::try_from(n).unwrap_or(usize::MAX),
            Some(n) => return Err(PyValueError::new_err(format!("threads must be at least 1, not {n}"))),
        };
        if texts.is_instance_of::<PyString>() || texts.is_instance_of::<PyBytes>() {
            return Err(PyTypeError::new_err("texts must be an iterable of str, not one str: use analyze()"));
        }
        let iter = texts.try_iter().map_err(|_| {
            PyTypeError::new_err(format!("texts must be an iterable of str or bytes, not {}", type_name(texts)))
        })?;
        let mut inputs = Vec::new();
        for (i, item) in iter.enumerate() {
            inputs.push(input_arg(&item?, i)?);
        }
        let mut out: Vec<Option<Bound<'py, PyAny>>> = vec![None; inputs.len()];
        let _pause = GcPause::new(py)?;
        let mut convert = |i: usize, result: Result<String, String>| -> PyResult<()> {
            out[i] = Some(match result {
                Ok(json) => json_loads(py, &json)?,
                Err(e) if report_errors => json_loads(py, &serde_json::json!({ "error": e }).to_string())?,
                Err(e) => return Err(PyValueError::new_err(format!("texts[{i}]: {e}"))),
            });
            // Ctrl-C in a long run: KeyboardInterrupt, the threads stop.
            py.check_signals()
        };
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .map_err(|e| PyRuntimeError::new_err(format!("cannot start {threads} analysis threads: {e}")))?;
        let work = |input: &Input| pool.install(|| report_json(input));
        if threads == 1 {
            for (i, input) in inputs.iter().enumerate() {
                let result = py.detach(|| work(input));
                convert(i, result)?;
            }
        } else {
            for_each_parallel(&inputs, threads, work, |receive| py.detach(receive), convert)?;
        }
        PyList::new(py, out.into_iter().flatten())
    }

    /// The rules that judge a policy (``policylens rules``), in the order
    /// reports list their findings: ``id``, ``severity`` (must, should,
    /// info), ``category`` (the checklist topic, or None), ``title_zh``,
    /// ``title_en``, ``sources`` (legal sources), ``why``/``fix`` and
    /// ``why_en``/``fix_en`` (``policylens explain ID``).
    #[pyfunction]
    fn rules(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        to_python(py, &serde_json::to_string(&rule_infos()).unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLICY: &str = "隐私政策\n一、我们如何收集信息\n我们收集您的手机号。\n";

    #[test]
    fn a_report_is_the_cores_json() {
        let json = report_json(&Input::Text(POLICY.to_owned())).unwrap();
        assert_eq!(json, serde_json::to_string(&policylens_core::analyze(POLICY)).unwrap());
        assert!(json.starts_with("{\"schema_version\":1,"), "{json}");
    }

    #[test]
    fn bytes_are_decoded_or_refused_as_the_cli_does() {
        // 隐私政策 in GBK.
        let gbk = vec![0xd2, 0xfe, 0xcb, 0xbd, 0xd5, 0xfe, 0xb2, 0xdf, b'\n'];
        assert!(report_json(&Input::Bytes(gbk)).unwrap().contains("\"encoding\":\"gb18030\""));
        let err = report_json(&Input::Bytes(b"abc\xff\xfe\xfd\x80".to_vec())).unwrap_err();
        assert_eq!(err, "not UTF-8, UTF-16 or GB18030 text: undecodable byte at offset 3");
    }

    #[test]
    fn parallel_results_come_back_for_every_index_on_any_thread_count() {
        let items: Vec<usize> = (0..100).collect();
        for threads in [1, 2, 7, 500] {
            let mut seen = vec![0; items.len()];
            let r: Result<(), ()> = for_each_parallel(
                &items,
                threads,
                |&x| x * 2,
                |receive| receive(),
                |i, v| {
                    assert_eq!(v, i * 2);
                    seen[i] += 1;
                    Ok(())
                },
            );
            assert!(r.is_ok());
            assert!(seen.iter().all(|&n| n == 1), "{threads}: {seen:?}");
        }
        let none: Result<(), ()> = for_each_parallel(&[] as &[u8], 4, |_| (), |r| r(), |_, ()| Ok(()));
        assert!(none.is_ok());
    }

    #[test]
    fn a_failing_consumer_stops_the_threads() {
        let items: Vec<usize> = (0..10_000).collect();
        let done = AtomicUsize::new(0);
        let r = for_each_parallel(
            &items,
            2,
            |&x| {
                std::thread::sleep(std::time::Duration::from_micros(100));
                done.fetch_add(1, Ordering::Relaxed);
                x
            },
            |receive| receive(),
            |_, x| if x == 5 { Err("stop") } else { Ok(()) },
        );
        assert_eq!(r, Err("stop"));
        assert!(done.load(Ordering::Relaxed) < items.len(), "the threads went on to the end");
    }

    #[test]
    fn every_rule_is_listed_with_its_texts() {
        let rules = rule_infos();
        assert_eq!(rules.len(), policylens_core::rules::REGISTRY.len());
        assert!(rules.iter().all(|r| !r.id.is_empty() && !r.fix.is_empty()));
    }
}
