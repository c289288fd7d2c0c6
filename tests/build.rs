//! `tarjama build`: the whole pipeline over the shipped samples.

use std::fs;
use std::path::Path;

use crate::util;

fn build(out: &Path, extra: &[&str]) -> std::process::Output {
    let out = out.to_str().expect("UTF-8 temp path");
    let mut args = vec!["build", "-o", out];
    args.extend_from_slice(extra);
    util::run(&args, b"")
}

fn json(path: &Path) -> serde_json::Value {
    let text = fs::read_to_string(path).expect("read JSON");
    serde_json::from_str(&text).expect("parse JSON")
}

#[test]
fn samples_build_every_output_and_lose_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = build(dir.path(), &[]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    for name in [
        "corpus.jsonl",
        "corpus.tmx",
        "corpus.xliff",
        "corpus.tsv",
        "corpus.ar",
        "corpus.en",
        "rejects.jsonl",
        "places.tbx",
        "report.json",
    ] {
        assert!(dir.path().join(name).is_file(), "missing {name}");
    }
    let report = json(&dir.path().join("report.json"));
    assert!(report["documents"].as_u64().unwrap() >= 8);
    let export = &report["export"];
    let (pairs_in, kept, rejected) = (
        export["pairs_in"].as_u64().unwrap(),
        export["kept"].as_u64().unwrap(),
        export["rejected"].as_u64().unwrap(),
    );
    assert_eq!(pairs_in, report["pairs_aligned"].as_u64().unwrap());
    assert_eq!(pairs_in, kept + rejected);
    assert!(kept >= 400, "only {kept} pairs kept");

    // Every kept pair is in each output, every rejected one in rejects.
    let count = |name: &str| {
        fs::read_to_string(dir.path().join(name)).unwrap().lines().count()
            as u64
    };
    assert_eq!(count("corpus.jsonl"), kept);
    assert_eq!(count("corpus.ar"), kept);
    assert_eq!(count("corpus.en"), kept);
    assert_eq!(count("rejects.jsonl"), rejected);
    let tmx = fs::read_to_string(dir.path().join("corpus.tmx")).unwrap();
    assert_eq!(tmx.matches("<tu ").count() as u64, kept);

    // Every sentence of both sides is in exactly one aligned pair.
    let mut seen = std::collections::BTreeSet::new();
    for name in ["corpus.jsonl", "rejects.jsonl"] {
        let text = fs::read_to_string(dir.path().join(name)).unwrap();
        for line in text.lines() {
            let record: serde_json::Value =
                serde_json::from_str(line).unwrap();
            let doc = record["doc"].as_str().unwrap().to_string();
            for lang in ["ar", "en"] {
                for i in record["idx"][lang].as_array().unwrap() {
                    let key = (doc.clone(), lang, i.as_u64().unwrap());
                    assert!(seen.insert(key.clone()), "{key:?} twice");
                }
            }
        }
    }
    let sentences = &report["sentences"];
    let total =
        sentences["ar"].as_u64().unwrap() + sentences["en"].as_u64().unwrap();
    assert_eq!(seen.len() as u64, total);
}

#[test]
fn output_does_not_depend_on_thread_count() {
    let one = tempfile::tempdir().expect("tempdir");
    let two = tempfile::tempdir().expect("tempdir");
    assert!(build(one.path(), &["--threads", "1"]).status.success());
    assert!(build(two.path(), &["--threads", "3"]).status.success());
    let mut names: Vec<_> = fs::read_dir(one.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert!(names.len() >= 9);
    for name in names {
        let a = fs::read(one.path().join(&name)).unwrap();
        let b = fs::read(two.path().join(&name)).unwrap();
        assert!(a == b, "{name:?} differs between thread counts");
    }
}

#[test]
fn manifest_errors_name_file_and_line_and_write_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let manifest = dir.path().join("pairs.tsv");
    let samples = util::root().join("corpus/samples");
    let ar = samples.join("water-deir-ez-zor.ar.txt");
    let en = samples.join("water-deir-ez-zor.en.txt");
    fs::write(
        &manifest,
        format!(
            "# name\tar\ten\nwater\t{}\t{}\nbroken line without tabs\n",
            ar.display(),
            en.display()
        ),
    )
    .unwrap();
    let out_dir = dir.path().join("out");
    let out = build(&out_dir, &["--manifest", manifest.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("pairs.tsv:3:"), "{stderr}");
    assert!(!out_dir.join("corpus.jsonl").exists());
}

#[test]
fn invalid_utf8_document_is_reported_with_its_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    let mut bad = "عنوان\n\nسطر ثان".as_bytes().to_vec();
    bad.extend_from_slice(b"\xff\n");
    fs::write(input.join("x.ar.txt"), bad).unwrap();
    fs::write(input.join("x.en.txt"), "Title\n\nSecond line\n").unwrap();
    let out_dir = dir.path().join("out");
    let out = util::run(
        &["build", input.to_str().unwrap(), "-o", out_dir.to_str().unwrap()],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("x.ar.txt:3:"), "{stderr}");
    assert!(!out_dir.join("corpus.jsonl").exists());
}

#[test]
fn filters_can_be_switched_off_by_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = build(dir.path(), &["--no-filter", "all", "--formats", "jsonl"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report = json(&dir.path().join("report.json"));
    assert_eq!(report["export"]["rejected"], 0);
    assert!(!dir.path().join("corpus.tmx").exists());
    let bad = build(dir.path(), &["--no-filter", "no-such-filter"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("no-such-filter"));
}
