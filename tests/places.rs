//! `tarjama places`: resolve, cluster, tag, termbase.

use crate::util;

#[test]
fn resolve_prints_one_row_per_line() {
    let out = util::run_ok(
        &["places", "resolve"],
        "Deir Ezzor\r\nدير الزور\n\nQwxzt Vbnm\nHalab",
    );
    assert_eq!(
        out,
        "Deir Ezzor\t170794\tDeir ez-Zor\tدير الزور\texact\t1.000\n\
         دير الزور\t170794\tDeir ez-Zor\tدير الزور\texact\t1.000\n\
         \t\t\t\t\t\n\
         Qwxzt Vbnm\t\t\t\t\t\n\
         Halab\t170063\tAleppo\tحلب\texact\t1.000\n"
    );
}

#[test]
fn resolve_country_filter_and_candidates() {
    let out = util::run_ok(&["places", "resolve", "--candidates"], "Sinjar\n");
    let cells: Vec<&str> = out.trim_end().split('\t').collect();
    assert_eq!(cells[1], "448149");
    assert!(cells[6].contains(','), "{out}");
    let out =
        util::run_ok(&["places", "resolve", "--country", "SY"], "Sinjar\n");
    assert!(out.starts_with("Sinjar\t164094\t"), "{out}");
}

#[test]
fn resolve_with_own_tsv_and_geonames_dump() {
    let dir = tempfile::tempdir().unwrap();
    let tsv = dir.path().join("mine.tsv");
    std::fs::write(
        &tsv,
        "id\tname_en\tname_ar\taliases\nx-1\tKhirbet Zazouq\tخربة زازوق\tZazouq\n",
    )
    .unwrap();
    let out = util::run_ok(
        &["places", "resolve", "--gazetteer", tsv.to_str().unwrap()],
        "Khirbat Zazuq\nDeir Ezzor\n",
    );
    assert_eq!(
        out,
        "Khirbat Zazuq\tx-1\tKhirbet Zazouq\tخربة زازوق\tloose\t1.000\n\
         Deir Ezzor\t\t\t\t\t\n"
    );
    let out = util::run_ok(
        &[
            "places",
            "resolve",
            "--with-builtin",
            "--gazetteer",
            tsv.to_str().unwrap(),
        ],
        "Deir Ezzor\n",
    );
    assert!(out.starts_with("Deir Ezzor\t170794\t"), "{out}");
    let dump = util::root().join("crates/places/tests/fixtures/SY-sample.txt");
    let out = util::run_ok(
        &["places", "resolve", "--geonames", dump.to_str().unwrap()],
        "Meyadin\nخان شيخون\n",
    );
    let ids: Vec<&str> =
        out.lines().map(|l| l.split('\t').nth(1).unwrap()).collect();
    assert_eq!(ids, ["173480", "168325"]);
}

#[test]
fn malformed_gazetteer_is_bad_input_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let tsv = dir.path().join("bad.tsv");
    std::fs::write(&tsv, "id\tname_en\tlat\n1\tA\t10\n2\tB\tnorth\n").unwrap();
    let out = util::run(
        &["places", "resolve", "--gazetteer", tsv.to_str().unwrap()],
        b"A\n",
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.tsv:3: bad lat"), "{err}");
    let out = util::run(&["places", "resolve"], b"ok\n\xff\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("<stdin>:2:"));
}

#[test]
fn cluster_plain_and_csv() {
    let out = util::run_ok(
        &["places", "cluster", "--csv", "--format", "tsv"],
        "source,name\nreuters,Deir ez-Zor\nsana,دير الزور\nafp,\"Deir Ezzor\"\n\
         afp,Kherbet Zazoq\nngo,Khirbat Zazuq\n",
    );
    assert_eq!(
        out,
        "1\tDeir ez-Zor\t170794\tDeir Ezzor\t1\tafp=1\n\
         1\tDeir ez-Zor\t170794\tDeir ez-Zor\t1\treuters=1\n\
         1\tDeir ez-Zor\t170794\tدير الزور\t1\tsana=1\n\
         2\tKherbet Zazoq\t\tKherbet Zazoq\t1\tafp=1\n\
         2\tKherbet Zazoq\t\tKhirbat Zazuq\t1\tngo=1\n"
    );
    let out = util::run_ok(&["places", "cluster"], "Raqqa\nRakka\nالرقة\n");
    let v: serde_json::Value =
        serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(v["canonical"], "Raqqa");
    assert_eq!(v["id"], "172955");
    assert_eq!(v["count"], 3);
    assert_eq!(v["sources"]["<stdin>"], 3);
    let out = util::run(&["places", "cluster", "--csv"], b"a,b,c\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("<stdin>:1:"));
}

#[test]
fn tag_jsonl_and_rewrite() {
    let text = "قصف بدير الزور\nClashes in Deir Ezzor and Mayadeen\n";
    let out = util::run_ok(&["places", "tag"], text);
    let spans: Vec<serde_json::Value> =
        out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(spans.len(), 3);
    assert_eq!(spans[0]["line"], 1);
    assert_eq!(spans[0]["surface"], "دير الزور");
    assert_eq!(spans[0]["start"], "قصف ب".len());
    assert_eq!(spans[2]["id"], "173480");
    let out = util::run_ok(&["places", "tag", "--rewrite", "en"], text);
    assert_eq!(
        out,
        "قصف بDeir ez-Zor\nClashes in Deir ez-Zor and al-Mayadin\n"
    );
    let out = util::run_ok(&["places", "tag", "--rewrite", "ar"], text);
    assert_eq!(out, "قصف بدير الزور\nClashes in دير الزور and الميادين\n");
}

#[test]
fn termbase_from_corpus_and_whole_gazetteer() {
    let out = util::run_ok(
        &["places", "termbase", "--format", "csv"],
        "Clashes in Deir Ezzor.\nقصف على دير الزور وحلب\n",
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(lines[0].starts_with("id,en,ar,en_bgn"));
    assert!(lines[1].starts_with("170794,Deir ez-Zor,دير الزور,"), "{out}");
    assert!(lines[1].contains("Deir Ezzor"));
    let out =
        util::run_ok(&["places", "termbase", "--all", "--country", "LB"], "");
    assert!(out.starts_with("<?xml"));
    assert!(out.contains("<term>Tyre</term>"));
    assert!(!out.contains("<term>Aleppo</term>"));
}
