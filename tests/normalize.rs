//! `tarjama normalize`: profiles, scripts, line preservation, bad input.

use crate::util;

#[test]
fn search_profile_is_the_default_and_keeps_lines() {
    let input = "أحمد إلى المدرسةِ\r\n\n  عام ٢٠٢٤ـ،\u{00A0}ok\n\u{FEFF}ﻻ";
    check_cli!(
        &["normalize", "--script", "arabic"],
        input,
        "احمد الي المدرسه\n\nعام 2024, ok\nلا\n"
    );
}

#[test]
fn display_and_camel_profiles() {
    check_cli!(
        &["normalize", "--profile", "display"],
        "كتـــاب  \u{200F}جديد\u{200C}ی\n",
        "كتاب جديد\u{200C}ی\n"
    );
    // CAMeL keeps tatweel, Persian letters and whitespace; NFKC turns
    // NBSP into a space and composes ا + maddah.
    check_cli!(
        &["normalize", "--profile", "camel"],
        "إِلَى  المَدْرَسَةِ\u{00A0}ـ ی \u{0627}\u{0653} \u{FDFC}\n",
        "الي  المدرسه ـ ی ا ريال\n"
    );
}

#[test]
fn auto_script_folds_latin_lines_only() {
    let out = util::run_ok(&["normalize"], "Dayr az-Zawr\nدير الزور\n");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0], tarjama_translit::latin::fold("Dayr az-Zawr"));
    assert_eq!(lines[1], "دير الزور");
}

#[test]
fn files_and_stdin_dash() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    std::fs::write(&a, "أ\nة").unwrap();
    let a = a.to_str().unwrap();
    let out = util::run(
        &["normalize", "--profile", "search", a, "-"],
        "ى\n".as_bytes(),
    );
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "ا\nه\nي\n");
}

#[test]
fn invalid_utf8_names_file_and_line() {
    let out = util::run(&["normalize"], b"ok\n\xff\xfe bad\n");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("<stdin>:2:"), "{err}");
    let out = util::run(
        &["normalize", "--lossy", "--script", "arabic"],
        b"ok\n\xff bad\n",
    );
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "ok\n\u{FFFD} bad\n");
}

#[test]
fn usage_errors_exit_2() {
    let out = util::run(&["normalize", "--profile", "nope"], b"");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn large_input_streams_in_order_across_blocks() {
    // About 5 MB: several 1 MiB blocks, processed in parallel batches.
    let mut input = String::new();
    let mut expected = String::new();
    for k in 0..200_000u32 {
        input.push_str(&format!("أحمد {k}ـ ة\r\n"));
        expected.push_str(&format!("احمد {k} ه\n"));
    }
    // A line longer than a block, and a last line without a newline.
    let long = "إ".repeat(700_000);
    input.push_str(&long);
    input.push('\n');
    expected.push_str(&"ا".repeat(700_000));
    expected.push('\n');
    input.push_str("ى\r");
    // The lone \r is whitespace, trimmed by the search profile.
    expected.push_str("ي\n");
    let out =
        util::run(&["normalize", "--profile", "search"], input.as_bytes());
    assert!(out.status.success());
    let got = String::from_utf8(out.stdout).unwrap();
    assert_eq!(got.len(), expected.len());
    assert!(got == expected);
}

#[test]
fn invalid_utf8_in_a_late_block_has_the_right_line() {
    let mut input = Vec::new();
    for _ in 0..150_000 {
        input.extend_from_slice("مدرسة جديدة\n".as_bytes());
    }
    input.extend_from_slice(b"ok \xe2\x82 broken\n");
    input.extend_from_slice("ة\n".as_bytes());
    let out = util::run(&["normalize", "--profile", "camel"], &input);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("<stdin>:150001: invalid UTF-8 at byte 3"), "{err}");
    let out =
        util::run(&["normalize", "--profile", "camel", "--lossy"], &input);
    assert!(out.status.success());
    let got = String::from_utf8(out.stdout).unwrap();
    assert!(got.ends_with("ok \u{FFFD} broken\nه\n"));
    assert_eq!(got.lines().count(), 150_002);
}

#[test]
fn explicit_latin_script_uses_latin_folding() {
    let input = "Ḩalab\nDeir ez-Zor\nدير الزور\n";
    let out = util::run_ok(&["normalize", "--script", "latin"], input);
    let expected: String = input
        .lines()
        .map(|l| tarjama_translit::latin::fold(l) + "\n")
        .collect();
    assert_eq!(out, expected);
    assert_ne!(out.lines().next(), Some("Ḩalab"));
}
