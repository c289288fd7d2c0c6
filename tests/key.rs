//! `tarjama key`: levels, line preservation, files, bad input.

use std::io::Write;

use crate::util;

#[test]
fn loose_is_the_default_and_joins_scripts() {
    check_cli!(
        &["key"],
        "Deir ez-Zor\nدير الزور\nDayr az Zawr\n",
        "drzr\ndrzr\ndrzr\n"
    );
}

#[test]
fn strict_keeps_vowels() {
    check_cli!(
        &["key", "--level", "strict"],
        "Deir ez-Zor\nDEIR EZZOR\nDaraa\nDarayya\n",
        "deirzor\ndeirzor\ndara\ndaraya\n"
    );
}

#[test]
fn empty_lines_crlf_bom_and_no_final_newline_keep_lines() {
    let input = "\u{FEFF}Raqqa\r\n\r\n  \nالرقة";
    check_cli!(&["key"], input, "rkᵃ\n\n\nrkᵃ\n");
}

#[test]
fn reads_files_in_order_and_dash_as_stdin() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = dir.path().join("a.txt");
    std::fs::write(&a, "Homs\nHama\n").expect("write a");
    let a = a.to_str().expect("utf-8 path");
    check_cli!(&["key", a, "-"], "Hims\n", "hms\nhmᵃ\nhms\n");
}

#[test]
fn writes_output_file_atomically() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("keys.txt");
    let out_arg = out.to_str().expect("utf-8 path");
    let stdout = util::run_ok(&["key", "-o", out_arg], "Idlib\n");
    assert_eq!(stdout, "");
    assert_eq!(std::fs::read_to_string(&out).expect("read"), "ʔdlb\n");
}

#[test]
fn invalid_utf8_names_file_and_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bad.txt");
    let mut file = std::fs::File::create(&path).expect("create");
    file.write_all(b"Homs\n\xffHama\n").expect("write");
    drop(file);
    let path = path.to_str().expect("utf-8 path");
    let out = util::run(&["key", path], b"");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&format!("{path}:2:")), "{stderr}");
    let lossy = util::run(&["key", "--lossy", path], b"");
    assert!(lossy.status.success());
    assert_eq!(String::from_utf8_lossy(&lossy.stdout), "hms\nhmᵃ\n");
}

#[test]
fn unknown_level_is_a_usage_error() {
    let out = util::run(&["key", "--level", "medium"], b"x\n");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn missing_file_fails() {
    let out = util::run(&["key", "/nonexistent/names.txt"], b"");
    assert_eq!(out.status.code(), Some(1));
}
