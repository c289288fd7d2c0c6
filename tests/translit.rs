//! `tarjama translit`: schemes, reverse, bad input.

use crate::util;

#[test]
fn buckwalter_and_back() {
    let arabic = "أَحْمَد إِلَى المَدْرَسَةِ ٣\nشؤون";
    let bw = util::run_ok(&["translit", "--scheme", "buckwalter"], arabic);
    assert_eq!(bw, ">aHomad <ilaY Almadorasapi ٣\n$&wn\n");
    let back = util::run_ok(
        &["translit", "--scheme", "buckwalter", "--reverse"],
        &bw,
    );
    assert_eq!(back, format!("{arabic}\n"));
    for scheme in ["safe-buckwalter", "xml-buckwalter"] {
        let roman = util::run_ok(&["translit", "--scheme", scheme], arabic);
        assert!(roman.is_ascii() || roman.contains('٣'));
        let back = util::run_ok(
            &["translit", "--scheme", scheme, "--reverse"],
            &roman,
        );
        assert_eq!(back, format!("{arabic}\n"), "{scheme}");
    }
}

#[test]
fn readable_schemes() {
    check_cli!(
        &["translit", "--scheme", "ala-lc"],
        "الشَّمْس\nدير الزور\n\nReuters",
        "ash-shams\ndyr al-zwr\n\nReuters\n"
    );
    check_cli!(&["translit", "--scheme", "ascii"], "مُحَمَّد", "muhammad\n");
}

#[test]
fn reverse_errors() {
    let out = util::run(
        &["translit", "--scheme", "buckwalter", "--reverse"],
        b"ktAb\nReuters\n",
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("<stdin>:2:"), "{err}");
    let out =
        util::run(&["translit", "--scheme", "ala-lc", "--reverse"], b"x\n");
    assert_eq!(out.status.code(), Some(2));
    let out = util::run(&["translit"], b"x\n");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn invalid_utf8() {
    let out = util::run(&["translit", "--scheme", "ascii"], b"\xc3\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("<stdin>:1:"));
    let out =
        util::run(&["translit", "--scheme", "ascii", "--lossy"], b"\xc3\n");
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "\u{FFFD}\n");
}
