//! `tarjama export`: conversions between every format, filters with a
//! rejects file and a balanced report, atomic output, hostile XML, and
//! real consumers (translate-toolkit, xmllint, pyarrow) reading what
//! tarjama writes.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util;

const PAIRS: &str = "tests/fixtures/export/pairs.jsonl";

fn fixture() -> PathBuf {
    util::root().join(PAIRS)
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// Runs `tarjama export ARGS`, asserting success; returns stdout and
/// stderr.
fn export(args: &[&str]) -> (String, String) {
    let mut full = vec!["export"];
    full.extend_from_slice(args);
    let out = util::run(&full, b"");
    assert!(
        out.status.success(),
        "tarjama {full:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    )
}

fn records(jsonl: &str) -> Vec<serde_json::Value> {
    jsonl
        .lines()
        .map(|line| serde_json::from_str(line).expect("JSON line"))
        .collect()
}

/// Runs `tarjama export --to FORMAT ARGS FIXTURE`, asserting success;
/// returns stdout and stderr.
fn export_fixture(format: &str, args: &[&str]) -> (String, String) {
    let fixture = fixture();
    export(&[&["--to", format], args, &[path_str(&fixture)]].concat())
}

/// The pairs that the default filters keep from the fixture, as JSONL.
fn kept_jsonl() -> String {
    export_fixture("jsonl", &[]).0
}

#[test]
fn filters_reject_with_reasons_and_the_report_balances() {
    let dir = tempfile::tempdir().unwrap();
    let rejects = dir.path().join("rejects.jsonl");
    let report = dir.path().join("report.json");
    let (stdout, _) = export_fixture(
        "jsonl",
        &["--rejects", path_str(&rejects), "--report", path_str(&report)],
    );
    let kept = records(&stdout);
    let rejected = records(&fs::read_to_string(&rejects).unwrap());
    let report: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(report["pairs_in"], 12);
    assert_eq!(report["kept"], kept.len());
    assert_eq!(report["rejected"], rejected.len());
    assert_eq!(kept.len() + rejected.len(), 12);
    let reasons: Vec<&str> =
        rejected.iter().map(|r| r["reason"].as_str().unwrap()).collect();
    assert_eq!(
        reasons,
        [
            "empty",
            "no-text",
            "duplicate",
            "near-duplicate",
            "lang-id",
            "length-ratio",
            "unbalanced"
        ]
    );
    for reason in &reasons {
        assert_eq!(report["rejected_by_reason"][reason], 1, "{reason}");
    }
    // Rejects keep the whole record.
    assert_eq!(rejected[2]["doc"], "int-002");
    assert_eq!(rejected[2]["idx"]["ar"], serde_json::json!([0]));
}

#[test]
fn no_filter_switches_filters_off() {
    let fixture = fixture();
    let (stdout, stderr) = export_fixture(
        "jsonl",
        &["--no-filter", "duplicate,near-duplicate", "--no-filter", "empty"],
    );
    let report: serde_json::Value = serde_json::from_str(&stderr).unwrap();
    assert_eq!(report["rejected_by_reason"]["duplicate"], 0);
    assert_eq!(report["rejected_by_reason"]["empty"], 0);
    // The pair with an empty side now fails the next filter, no-text.
    assert_eq!(report["rejected_by_reason"]["no-text"], 2);
    assert_eq!(records(&stdout).len(), 7);
    let (stdout, _) = export_fixture("jsonl", &["--no-filter", "all"]);
    assert_eq!(records(&stdout).len(), 12);
    let out = util::run(
        &[
            "export",
            "--to",
            "jsonl",
            "--no-filter",
            "typos",
            path_str(&fixture),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown filter"));
}

#[test]
fn every_format_converts_back_to_the_same_pairs() {
    let dir = tempfile::tempdir().unwrap();
    let kept = kept_jsonl();
    let source = dir.path().join("kept.jsonl");
    fs::write(&source, &kept).unwrap();
    let expected = records(&kept);
    for (format, ext) in
        [("tmx", "tmx"), ("xliff", "xlf"), ("tsv", "tsv"), ("csv", "csv")]
    {
        let file = dir.path().join(format!("out.{ext}"));
        export(&["--to", format, "-o", path_str(&file), path_str(&source)]);
        // The format is detected from the extension, then from content.
        let (back, _) = export(&["--to", "jsonl", path_str(&file)]);
        let mut back = records(&back);
        let mut want = expected.clone();
        if format == "tmx" || format == "xliff" {
            // XML 1.0 cannot hold U+0001: removed and counted.
            let strip = |v: &mut serde_json::Value| {
                let en = v["translation"]["en"]
                    .as_str()
                    .unwrap()
                    .replace('\u{1}', "");
                v["translation"]["en"] = en.into();
            };
            want.iter_mut().for_each(strip);
        }
        back.iter_mut().for_each(|v| {
            v.as_object_mut().unwrap().remove("langs");
        });
        want.iter_mut().for_each(|v| {
            v.as_object_mut().unwrap().remove("langs");
        });
        assert_eq!(back, want, "{format}");
        let piped =
            util::run(&["export", "--to", "jsonl"], &fs::read(&file).unwrap());
        assert!(piped.status.success(), "{format} sniffed on stdin");
    }
}

#[test]
fn xml_writers_report_removed_characters() {
    let (tmx, stderr) = export_fixture("tmx", &[]);
    let report: serde_json::Value = serde_json::from_str(&stderr).unwrap();
    assert_eq!(report["writer"]["illegal_xml_chars_removed"], 1);
    assert!(tmx.contains("&lt;soon&gt;"));
    assert!(tmx.contains("<tu tuid=\"int-001/ar=0/en=0\">"));
    assert!(!tmx.contains('\u{1}'));
}

#[test]
fn moses_writes_two_files_and_reads_them_back() {
    let dir = tempfile::tempdir().unwrap();
    let prefix = dir.path().join("corpus");
    let (_, stderr) = export_fixture("moses", &["-o", path_str(&prefix)]);
    let report: serde_json::Value = serde_json::from_str(&stderr).unwrap();
    let ar = fs::read_to_string(dir.path().join("corpus.ar")).unwrap();
    let en = fs::read_to_string(dir.path().join("corpus.en")).unwrap();
    assert_eq!(ar.lines().count(), 5);
    assert_eq!(en.lines().count(), 5);
    // "long,\nbut" and "طويل\r\nلكننا": three line breaks become spaces.
    assert_eq!(report["writer"]["line_breaks_replaced"], 3);
    assert!(en.contains("The road is long, but we carry on."));
    let ar_path = dir.path().join("corpus.ar");
    let en_path = dir.path().join("corpus.en");
    let (both, _) = export(&[
        "--to",
        "tsv",
        "--no-filter",
        "all",
        path_str(&ar_path),
        path_str(&en_path),
    ]);
    let (one, _) =
        export(&["--to", "tsv", "--no-filter", "all", path_str(&en_path)]);
    assert_eq!(both, one);
    assert_eq!(both.lines().count(), 6);
    assert!(both.starts_with("ar\ten\tid\tdoc"));
}

#[test]
fn csv_neutralizes_formulas() {
    let (csv, _) = export_fixture("csv", &[]);
    assert!(csv.contains("'=SUM(A1:A2),'-5 degrees at night"), "{csv}");
    let (raw, _) = export_fixture("csv", &["--keep-formulas"]);
    assert!(raw.contains("\n=SUM(A1:A2),-5 degrees at night"), "{raw}");
}

#[test]
fn output_is_deterministic() {
    for format in ["tmx", "xliff", "csv", "tsv", "jsonl"] {
        let first = export_fixture(format, &[]).0;
        let second = export_fixture(format, &[]).0;
        assert_eq!(first, second, "{format}");
    }
}

#[test]
fn malformed_input_fails_and_leaves_no_half_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut input = fs::read_to_string(fixture()).unwrap();
    let lines: Vec<&str> = input.lines().collect();
    let broken = format!(
        "{}\n{}\n{{\"translation\": oops\n{}\n",
        lines[0], lines[1], lines[2]
    );
    let bad = dir.path().join("bad.jsonl");
    fs::write(&bad, &broken).unwrap();
    let out_file = dir.path().join("out.tmx");
    let out = util::run(
        &["export", "--to", "tmx", "-o", path_str(&out_file), path_str(&bad)],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&format!("{}:3: ", bad.display())), "{stderr}");
    assert!(!out_file.exists(), "a half file was left");
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // An earlier good export stays as it was.
    input.truncate(input.find('\n').unwrap() + 1);
    let good = dir.path().join("good.jsonl");
    fs::write(&good, &input).unwrap();
    export(&["--to", "tmx", "-o", path_str(&out_file), path_str(&good)]);
    let before = fs::read(&out_file).unwrap();
    let out = util::run(
        &["export", "--to", "tmx", "-o", path_str(&out_file), path_str(&bad)],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(fs::read(&out_file).unwrap(), before);

    // Moses: neither file appears.
    let prefix = dir.path().join("corpus");
    let out = util::run(
        &["export", "--to", "moses", "-o", path_str(&prefix), path_str(&bad)],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(!dir.path().join("corpus.ar").exists());
    assert!(!dir.path().join("corpus.en").exists());
}

#[test]
fn hostile_xml_is_refused() {
    let root = util::root();
    for name in ["billion_laughs.tmx", "external_entity.tmx"] {
        let path = root.join("crates/export/tests/fixtures").join(name);
        let out =
            util::run(&["export", "--to", "jsonl", path_str(&path)], b"");
        assert_eq!(out.status.code(), Some(1), "{name}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(&format!("{name}:2: refused:")), "{stderr}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn unknown_formats_are_usage_errors() {
    let out = util::run(&["export", "--to", "docx"], b"");
    assert_eq!(out.status.code(), Some(2));
    let out = util::run(&["export", "--to", "tmx"], b"plain words\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--from"));
    let out = util::run(&["export", "--to", "moses"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("-o PREFIX"));
}

// ---- real consumers --------------------------------------------------

/// `python3` from PATH when it can import every module, else `None` with
/// a message saying what is skipped.
fn python_with(
    modules: &[&str],
    what: &str,
    install: &str,
) -> Option<&'static str> {
    let imports = modules
        .iter()
        .map(|m| format!("import {m}"))
        .collect::<Vec<_>>()
        .join("; ");
    let ok = Command::new("python3")
        .args(["-c", &imports])
        .output()
        .is_ok_and(|out| out.status.success());
    if !ok {
        eprintln!(
            "SKIPPED {what}: python3 on PATH cannot import {modules:?} \
             ({install})"
        );
        return None;
    }
    Some("python3")
}

fn run_python(python: &str, script: &str, args: &[&str]) -> String {
    let out = Command::new(python)
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .expect("run python3");
    assert!(
        out.status.success(),
        "python failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Source and target of the kept pairs, as tarjama's own reader sees them
/// after an XML export (XML-illegal characters removed).
fn expected_units(file: &Path) -> Vec<(String, String)> {
    let (jsonl, _) =
        export(&["--to", "jsonl", "--no-filter", "all", path_str(file)]);
    records(&jsonl)
        .iter()
        .map(|r| {
            (
                r["translation"]["ar"].as_str().unwrap().to_string(),
                r["translation"]["en"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

const TT_SCRIPT: &str = r#"
import json, sys
from translate.storage import tmx, xliff2
kind, path, saved = sys.argv[1], sys.argv[2], sys.argv[3]
if kind == "tmx":
    store = tmx.tmxfile.parsefile(path)
else:
    store = xliff2.Xliff2File.parsefile(path)
store.savefile(saved)
print(json.dumps([[u.source, u.target] for u in store.units]))
"#;

#[test]
fn translate_toolkit_reads_tmx_and_xliff() {
    let Some(python) = python_with(
        &["translate.storage.tmx", "translate.storage.xliff2"],
        "translate-toolkit check",
        "pip install -r .ci/requirements.txt",
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    for (format, ext) in [("tmx", "tmx"), ("xliff", "xlf")] {
        let file = dir.path().join(format!("out.{ext}"));
        export_fixture(format, &["-o", path_str(&file)]);
        let saved =
            dir.path().join(format!("saved-by-translate-toolkit.{ext}"));
        let got = run_python(
            python,
            TT_SCRIPT,
            &[format, path_str(&file), path_str(&saved)],
        );
        let got: Vec<(String, String)> = serde_json::from_str(&got).unwrap();
        let want = expected_units(&file);
        assert_eq!(want.len(), 5);
        // lxml reports a carriage return kept as &#13; exactly as written.
        assert_eq!(got, want, "{format}");
        // And the file translate-toolkit writes back reads as the same
        // records, metadata included.
        let all = ["--to", "jsonl", "--no-filter", "all"];
        let ours = export(&[&all[..], &[path_str(&file)]].concat()).0;
        let theirs = export(&[&all[..], &[path_str(&saved)]].concat()).0;
        assert_eq!(records(&theirs), records(&ours), "{format} re-saved");
    }
}

#[test]
fn xmllint_finds_tmx_and_xliff_well_formed() {
    if Command::new("xmllint").arg("--version").output().is_err() {
        eprintln!(
            "SKIPPED xmllint check: xmllint not on PATH (apt-get install libxml2-utils)"
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for (format, ext) in [("tmx", "tmx"), ("xliff", "xlf")] {
        let file = dir.path().join(format!("out.{ext}"));
        export_fixture(format, &["-o", path_str(&file)]);
        let out = Command::new("xmllint")
            .args(["--noout", "--nonet", path_str(&file)])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

const PYARROW_SCRIPT: &str = r#"
import json, sys
import pyarrow.parquet as pq
table = pq.read_table(sys.argv[1])
print(json.dumps({
    "translation": str(table.schema.field("translation").type),
    "columns": table.schema.names,
    "rows": table.num_rows,
    "first": table.slice(0, 1).to_pylist()[0],
}, ensure_ascii=False))
"#;

#[cfg(feature = "parquet")]
#[test]
fn pyarrow_reads_parquet_with_the_translation_schema() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pairs.parquet");
    export_fixture("parquet", &["-o", path_str(&file)]);
    // tarjama reads its own Parquet back to the same pairs.
    let (back, _) = export(&["--to", "jsonl", path_str(&file)]);
    let mut back = records(&back);
    back.iter_mut().for_each(|v| {
        v.as_object_mut().unwrap().remove("langs");
    });
    assert_eq!(back, records(&kept_jsonl()));
    let Some(python) = python_with(
        &["pyarrow.parquet"],
        "pyarrow check",
        "pip install -r .ci/requirements.txt",
    ) else {
        return;
    };
    let got = run_python(python, PYARROW_SCRIPT, &[path_str(&file)]);
    let got: serde_json::Value = serde_json::from_str(&got).unwrap();
    assert_eq!(got["translation"], "struct<ar: string, en: string>");
    assert_eq!(
        got["columns"],
        serde_json::json!([
            "translation",
            "id",
            "doc",
            "block",
            "role",
            "score",
            "idx",
            "flags"
        ])
    );
    assert_eq!(got["rows"], 5);
    assert_eq!(
        got["first"]["translation"]["en"],
        "The director said: “We start work tomorrow.”"
    );
    assert_eq!(got["first"]["idx"]["ar"], serde_json::json!([0]));
}

#[cfg(not(feature = "parquet"))]
#[test]
fn parquet_without_the_feature_says_how_to_enable_it() {
    let fixture = fixture();
    let out =
        util::run(&["export", "--to", "parquet", path_str(&fixture)], b"");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--features parquet"), "{stderr}");
    let _ = PYARROW_SCRIPT;
}

const DATASETS_SCRIPT: &str = r#"
import json, os, sys
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
from datasets import load_dataset
kind, path, cache = sys.argv[1], sys.argv[2], sys.argv[3]
d = load_dataset(kind, data_files=path, split="train", cache_dir=cache)
print(json.dumps({
    "rows": d.num_rows,
    "translation": sorted(d.features["translation"].keys()),
    "first": d[0]["translation"],
}, ensure_ascii=False))
"#;

/// Hugging Face `datasets` loads the JSONL (and, with the feature, the
/// Parquet) export as a translation dataset.
#[test]
fn hugging_face_datasets_loads_the_export() {
    let Some(python) = python_with(
        &["datasets"],
        "Hugging Face datasets check",
        "pip install datasets",
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("hf-cache");
    let mut formats = vec![("jsonl", "json")];
    if cfg!(feature = "parquet") {
        formats.push(("parquet", "parquet"));
    }
    for (format, loader) in formats {
        let file = dir.path().join(format!("pairs.{format}"));
        export_fixture(format, &["-o", path_str(&file)]);
        let got = run_python(
            python,
            DATASETS_SCRIPT,
            &[loader, path_str(&file), path_str(&cache)],
        );
        let got: serde_json::Value =
            serde_json::from_str(got.lines().last().unwrap()).unwrap();
        assert_eq!(got["rows"], 5, "{format}");
        assert_eq!(got["translation"], serde_json::json!(["ar", "en"]));
        assert_eq!(got["first"]["ar"], "قال المدير: «سنبدأ العمل غداً».");
    }
}

/// A run killed half-way (here: while still reading its input) leaves the
/// previous output file untouched.
#[test]
fn killed_export_leaves_the_previous_file() {
    use std::io::Write;
    use std::process::Stdio;

    let dir = tempfile::tempdir().unwrap();
    let out_file = dir.path().join("out.tmx");
    let fixture = fixture();
    export_fixture("tmx", &["-o", path_str(&out_file)]);
    let before = fs::read(&out_file).unwrap();

    let mut child = Command::new(util::bin())
        .args(["export", "--to", "tmx", "--from", "jsonl", "--no-filter"])
        .args(["all", "-o", path_str(&out_file)])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let line = fs::read_to_string(&fixture).unwrap();
    for _ in 0..2000 {
        stdin.write_all(line.as_bytes()).unwrap();
    }
    stdin.flush().unwrap();
    child.kill().unwrap();
    child.wait().unwrap();
    drop(stdin);
    assert_eq!(fs::read(&out_file).unwrap(), before);
}
