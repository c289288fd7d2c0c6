//! Properties that hold for any input: no panic, spans point at the
//! sentence text, indices run 0..n, sentences are trimmed and never
//! empty, output is deterministic.

use proptest::prelude::*;
use tarjama_segment::{Document, Lang, SegmentOptions, split_sentences};

/// Text built from the characters that matter to segmentation: letters
/// of both scripts, digits, terminals, closers, markers, spaces of every
/// kind, invisible characters and line breaks.
fn messy_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("Q:"),
        Just("Q."),
        Just("A:"),
        Just("س:"),
        Just("ج:"),
        Just("سؤال:"),
        Just("- "),
        Just("• "),
        Just("Photo:"),
        Just("صورة:"),
        Just("Read more"),
        Just("اقرأ أيضاً"),
        Just("©"),
        Just("Mr."),
        Just("U.S."),
        Just("a.m."),
        Just("No."),
        Just("د."),
        Just("3.5"),
        Just("10:30"),
        Just("."),
        Just("..."),
        Just("…"),
        Just("?"),
        Just("!"),
        Just("؟"),
        Just("،"),
        Just("“"),
        Just("”"),
        Just("«"),
        Just("»"),
        Just("\""),
        Just("["),
        Just("]"),
        Just("("),
        Just(")"),
        Just(" "),
        Just("  "),
        Just("\u{00A0}"),
        Just("\u{200B}"),
        Just("\u{200F}"),
        Just("\u{FEFF}"),
        Just("\n"),
        Just("\r\n"),
        Just("\r"),
        Just("\u{2028}"),
        Just("water"),
        Just("The"),
        Just("ماء"),
        Just("والكهرباء"),
        Just("J"),
        Just("٣"),
    ];
    prop::collection::vec(pieces, 0..60).prop_map(|p| p.concat())
}

fn check(text: &str, doc: &Document) {
    for (i, sentence) in doc.sentences().enumerate() {
        assert_eq!(sentence.index, i);
        assert_eq!(
            text.get(sentence.span.clone()),
            Some(sentence.text.as_str())
        );
        assert!(!sentence.text.is_empty());
        assert_eq!(sentence.text.trim(), sentence.text);
    }
    let mut last_end = 0;
    for sentence in doc.sentences() {
        assert!(sentence.span.start >= last_end, "sentences overlap");
        last_end = sentence.span.end;
    }
}

proptest! {
    #[test]
    fn any_text_gives_valid_sentences(text in messy_text()) {
        for lang in [Lang::Ar, Lang::En, Lang::Generic] {
            let doc = Document::parse(&text, lang);
            check(&text, &doc);
            prop_assert_eq!(&doc, &Document::parse(&text, lang));
            let doc = Document::parse_with(
                &text,
                lang,
                &SegmentOptions::presegmented(),
            );
            check(&text, &doc);
            let mut last_end = 0;
            for range in split_sentences(&text, lang) {
                prop_assert!(range.start >= last_end && range.start < range.end);
                prop_assert!(text.get(range.clone()).is_some());
                last_end = range.end;
            }
        }
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in any::<String>()) {
        for lang in [Lang::Ar, Lang::En, Lang::Generic] {
            check(&text, &Document::parse(&text, lang));
            let _ = split_sentences(&text, lang);
        }
    }
}
