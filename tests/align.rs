//! `tarjama align`: pair records from a document and its translation.

use serde_json::Value;

use crate::util;

fn records(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|line| {
            serde_json::from_str(line).expect("one JSON object a line")
        })
        .collect()
}

fn indices(record: &Value, lang: &str) -> Vec<u64> {
    record["idx"][lang]
        .as_array()
        .expect("idx list")
        .iter()
        .map(|v| v.as_u64().expect("index"))
        .collect()
}

const SAMPLE: &str = "corpus/samples/water-deir-ez-zor";

#[test]
fn sample_interview_gives_ordered_scored_records() {
    let ar = format!("{SAMPLE}.ar.txt");
    let en = format!("{SAMPLE}.en.txt");
    let out = util::run_ok(&["align", &ar, &en], "");
    let recs = records(&out);
    assert!(recs.len() > 30, "{} records", recs.len());
    assert_eq!(recs[0]["role"], "title");
    assert_eq!(recs[0]["doc"], "water-deir-ez-zor");
    assert_eq!(recs[0]["langs"], serde_json::json!(["ar", "en"]));
    // Every Arabic sentence appears once, in order.
    let ar_idx: Vec<u64> =
        recs.iter().flat_map(|r| indices(r, "ar")).collect();
    assert_eq!(ar_idx, (0..ar_idx.len() as u64).collect::<Vec<_>>());
    for r in &recs {
        let score = r["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&score));
        assert!(
            r["id"].as_str().unwrap().starts_with("water-deir-ez-zor/ar=")
        );
    }
    // Questions pair with questions.
    assert!(recs.iter().any(|r| r["role"] == "question"
        && r["translation"]["en"].as_str().unwrap().ends_with('?')));
    // The same input gives the same bytes.
    assert_eq!(util::run_ok(&["align", &ar, &en], ""), out);
}

#[test]
fn gold_scores_go_to_stderr_and_report() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("scores.json");
    let gold = "corpus/samples/gold/water-deir-ez-zor";
    let args = [
        "align",
        &format!("{SAMPLE}.ar.txt"),
        &format!("{SAMPLE}.en.txt"),
        "--src-sents",
        &format!("{gold}.ar.sents"),
        "--tgt-sents",
        &format!("{gold}.en.sents"),
        "--gold",
        &format!("{gold}.align"),
        "--report",
        report.to_str().unwrap(),
        "--format",
        "vecalign",
    ];
    let out = util::run(&args, b"");
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("[0]:[0]\n"), "{stdout}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("f1"), "{stderr}");
    let scores: Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap())
            .unwrap();
    assert!(scores["f1_strict"].as_f64().unwrap() >= 0.9, "{scores}");
    assert!(scores["f1_lax"].as_f64().unwrap() >= 0.95, "{scores}");
}

#[test]
fn presegmented_messy_input_with_languages_from_file_names() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("note.ar.txt");
    let tgt = dir.path().join("note.en.txt");
    std::fs::write(
        &src,
        "\u{FEFF}وصلت المياه إلى ١٠ قرى في آب.\r\n\
         هل تكفي؟\r\n\
         \r\n\
         قال\u{00A0}أبو مجاهد إن الضخ توقف ٣ أيام.\r\n",
    )
    .unwrap();
    std::fs::write(
        &tgt,
        "Water reached 10 villages in August.\r\n\
         Is it enough?\r\n\
         \r\n\
         Abu Mujahed said pumping stopped for 3 days.\r\n\
         Photo: a tank on a roof\r\n",
    )
    .unwrap();
    let out = util::run_ok(
        &[
            "align",
            "--presegmented",
            src.to_str().unwrap(),
            tgt.to_str().unwrap(),
        ],
        "",
    );
    let recs = records(&out);
    let pairs: Vec<(Vec<u64>, Vec<u64>)> =
        recs.iter().map(|r| (indices(r, "ar"), indices(r, "en"))).collect();
    assert_eq!(
        pairs,
        [
            (vec![0], vec![0]),
            (vec![1], vec![1]),
            (vec![2], vec![2]),
            (vec![], vec![3])
        ]
    );
    assert_eq!(recs[0]["doc"], "note");
    assert_eq!(recs[3]["translation"]["ar"], "");
}

#[test]
fn bad_gold_is_bad_input_and_missing_args_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("bad.align");
    std::fs::write(&gold, "[0]:[0]\n[x]:[1]\n").unwrap();
    let out = util::run(
        &[
            "align",
            &format!("{SAMPLE}.ar.txt"),
            &format!("{SAMPLE}.en.txt"),
            "--gold",
            gold.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("bad.align:2:"), "{stderr}");
    let out = util::run(&["align", "only-one-file.txt"], b"");
    assert_eq!(out.status.code(), Some(2));
}
