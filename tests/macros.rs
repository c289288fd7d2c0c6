//! Test macros shared by the CLI test modules.

/// `check_cli!(args, stdin, expected_stdout)`: runs the binary and
/// compares standard output exactly.
#[allow(unused_macros)]
macro_rules! check_cli {
    ($args:expr, $stdin:expr, $expected:expr $(,)?) => {{
        let got = crate::util::run_ok($args, $stdin);
        assert_eq!(got, $expected, "tarjama {:?}", $args);
    }};
}
