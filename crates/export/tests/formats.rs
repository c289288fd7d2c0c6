//! Round trips (write then read gives the same pairs) for every format
//! with a reader, over arbitrary Unicode, and readers on hostile input.

use std::collections::BTreeMap;
use std::path::Path;

use proptest::prelude::*;
use tarjama_export::{
    CsvReader, CsvWriter, ExportErrorKind, FormatOptions, JsonlReader,
    JsonlWriter, MosesReader, MosesWriter, PairWriter, TmxReader, TmxWriter,
    TsvReader, TsvWriter, XliffReader, XliffWriter,
};
use tarjama_record::{PairRecordV1, Role, pair_id};

/// Characters that break naive writers, mixed into arbitrary Unicode.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => any::<char>(),
        2 => prop::sample::select(vec![
            '\t', '\n', '\r', '"', '\'', '<', '>', '&', ',', ';', '\\', '=',
            '+', '-', '@', ' ', '\u{A0}', '\u{200F}', '\u{200E}', '\u{202B}',
            '\u{FEFF}', '\u{0}', '\u{1B}', '\u{FFFE}', '\u{85}', '\u{2028}',
            'ع', 'ر', 'ب', 'ي', 'ـ', 'َ', '٣', 'A', 'z', '1', ']', ']',
        ]),
        3 => prop::char::range('\u{0600}', '\u{06FF}'),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(tricky_char(), 0..24)
        .prop_map(|chars| chars.into_iter().collect())
}

fn flag() -> impl Strategy<Value = String> {
    "[a-z][a-z:-]{0,12}"
}

fn role() -> impl Strategy<Value = Role> {
    prop::sample::select(vec![
        Role::Title,
        Role::Lead,
        Role::Question,
        Role::Answer,
        Role::Other,
    ])
}

prop_compose! {
    fn pair()(
        src in text(),
        tgt in text(),
        doc in text(),
        block in any::<u32>(),
        role in role(),
        score in (0u32..=1000).prop_map(|n| f64::from(n) / 1000.0),
        idx in prop::option::of((
            prop::collection::vec(any::<u32>(), 0..3),
            prop::collection::vec(any::<u32>(), 0..3),
        )),
        own_id in prop::option::of(text()),
        flags in prop::collection::vec(flag(), 0..3),
    ) -> PairRecordV1 {
        let mut pair = PairRecordV1::new("ar", &src, "en", &tgt);
        pair.doc = doc;
        pair.block = block;
        pair.role = role;
        pair.score = score;
        if let Some((ar, en)) = idx {
            pair.idx = BTreeMap::from([("ar".into(), ar), ("en".into(), en)]);
        }
        pair.id = match own_id {
            Some(id) if !id.is_empty() => id,
            _ if pair.idx.is_empty() => String::new(),
            _ => pair_id(&pair.doc, &pair.idx),
        };
        pair.flags = flags;
        pair
    }
}

fn write_all(mut writer: impl PairWriter, pairs: &[PairRecordV1]) {
    for pair in pairs {
        writer.write_pair(pair).unwrap();
    }
    writer.finish().unwrap();
}

fn read_all<I>(reader: I) -> Vec<PairRecordV1>
where
    I: Iterator<Item = Result<PairRecordV1, tarjama_export::ExportError>>,
{
    reader.collect::<Result<_, _>>().unwrap()
}

fn strip_xml_illegal(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}'
                | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
        })
        .collect()
}

/// What an XML format keeps: everything but XML-illegal characters.
fn xml_expected(pair: &PairRecordV1) -> PairRecordV1 {
    let mut expected = pair.clone();
    for side in expected.translation.values_mut() {
        *side = strip_xml_illegal(side);
    }
    expected.doc = strip_xml_illegal(&expected.doc);
    expected.id = strip_xml_illegal(&expected.id);
    if expected.id.is_empty() && !expected.idx.is_empty() {
        expected.id = pair_id(&expected.doc, &expected.idx);
    }
    expected
}

/// What Moses keeps: the two segments, line breaks as spaces, and a
/// byte-order mark at the very start of a file read as a BOM.
fn moses_expected(pair: &PairRecordV1, first: bool) -> PairRecordV1 {
    let clean = |text: &str| {
        let text: String = text
            .chars()
            .map(|c| {
                if matches!(
                    c,
                    '\n' | '\r'
                        | '\u{0B}'
                        | '\u{0C}'
                        | '\u{1C}'
                        | '\u{1D}'
                        | '\u{1E}'
                        | '\u{85}'
                        | '\u{2028}'
                        | '\u{2029}'
                ) {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        match text.strip_prefix('\u{FEFF}') {
            Some(rest) if first => rest.to_string(),
            _ => text,
        }
    };
    PairRecordV1::new("ar", &clean(pair.src()), "en", &clean(pair.tgt()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn jsonl_round_trips(pairs in prop::collection::vec(pair(), 0..6)) {
        let mut out = Vec::new();
        write_all(JsonlWriter::new(&mut out), &pairs);
        prop_assert_eq!(read_all(JsonlReader::new(out.as_slice())), pairs);
    }

    #[test]
    fn tsv_round_trips(pairs in prop::collection::vec(pair(), 0..6)) {
        let options = FormatOptions::default();
        let mut out = Vec::new();
        write_all(TsvWriter::new(&mut out, &options).unwrap(), &pairs);
        let text = String::from_utf8(out.clone()).unwrap();
        prop_assert_eq!(text.lines().count(), pairs.len() + 1);
        prop_assert_eq!(
            read_all(TsvReader::new(out.as_slice(), &options)),
            pairs
        );
    }

    #[test]
    fn csv_round_trips(
        pairs in prop::collection::vec(pair(), 0..6),
        neutralize in any::<bool>(),
    ) {
        let mut options = FormatOptions::default();
        options.neutralize_formulas = neutralize;
        let mut out = Vec::new();
        write_all(CsvWriter::new(&mut out, &options).unwrap(), &pairs);
        if neutralize {
            let mut reader = csv::Reader::from_reader(out.as_slice());
            for row in reader.records() {
                for cell in row.unwrap().iter() {
                    prop_assert!(
                        !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                        "unguarded cell {:?}", cell
                    );
                }
            }
        }
        prop_assert_eq!(
            read_all(CsvReader::new(out.as_slice(), &options)),
            pairs
        );
    }

    #[test]
    fn tmx_round_trips(pairs in prop::collection::vec(pair(), 0..6)) {
        let options = FormatOptions::default();
        let mut out = Vec::new();
        write_all(TmxWriter::new(&mut out, &options).unwrap(), &pairs);
        let expected: Vec<_> = pairs.iter().map(xml_expected).collect();
        prop_assert_eq!(
            read_all(TmxReader::new(out.as_slice(), &options)),
            expected
        );
    }

    #[test]
    fn xliff_round_trips(pairs in prop::collection::vec(pair(), 0..6)) {
        let options = FormatOptions::default();
        let mut out = Vec::new();
        write_all(XliffWriter::new(&mut out, &options).unwrap(), &pairs);
        let expected: Vec<_> = pairs.iter().map(xml_expected).collect();
        prop_assert_eq!(
            read_all(XliffReader::new(out.as_slice(), &options)),
            expected
        );
    }

    #[test]
    fn moses_keeps_text_and_alignment(
        pairs in prop::collection::vec(pair(), 0..6),
    ) {
        let options = FormatOptions::default();
        let (mut ar, mut en) = (Vec::new(), Vec::new());
        write_all(MosesWriter::new(&mut ar, &mut en, &options), &pairs);
        let count = |bytes: &[u8]| bytes.iter().filter(|&&b| b == b'\n').count();
        prop_assert_eq!(count(&ar), pairs.len());
        prop_assert_eq!(count(&en), pairs.len());
        let expected: Vec<_> = pairs
            .iter()
            .enumerate()
            .map(|(n, pair)| moses_expected(pair, n == 0))
            .collect();
        prop_assert_eq!(
            read_all(MosesReader::new(ar.as_slice(), en.as_slice(), &options)),
            expected
        );
    }

    #[test]
    fn readers_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let options = FormatOptions::default();
        let _ = JsonlReader::new(bytes.as_slice()).count();
        let _ = TsvReader::new(bytes.as_slice(), &options).count();
        let _ = CsvReader::new(bytes.as_slice(), &options).count();
        let _ = TmxReader::new(bytes.as_slice(), &options).count();
        let _ = XliffReader::new(bytes.as_slice(), &options).count();
        let _ = MosesReader::new(bytes.as_slice(), &b"x\n"[..], &options).count();
    }
}

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read(path).unwrap()
}

fn refusal(
    result: Option<Result<PairRecordV1, tarjama_export::ExportError>>,
) -> String {
    let err = result.expect("an item").expect_err("refused");
    assert!(
        matches!(err.kind(), ExportErrorKind::Refused(_)),
        "not a refusal: {err}"
    );
    err.to_string()
}

#[test]
fn billion_laughs_is_refused() {
    let bytes = fixture("billion_laughs.tmx");
    let options = FormatOptions::default();
    let mut reader = TmxReader::new(bytes.as_slice(), &options);
    let message = refusal(reader.next());
    assert!(message.starts_with("line 2"), "{message}");
    assert!(message.contains("DTD"), "{message}");
    assert!(reader.next().is_none());
}

#[test]
fn external_entity_is_refused() {
    let bytes = fixture("external_entity.tmx");
    let options = FormatOptions::default();
    let message = refusal(TmxReader::new(bytes.as_slice(), &options).next());
    assert!(message.contains("DTD"), "{message}");
    // The same body without its DTD: the entity is undefined, refused too.
    let text = String::from_utf8(bytes).unwrap();
    let start = text.find("<!DOCTYPE").unwrap();
    let end = text.find("]>").unwrap() + 2;
    let body = format!("{}{}", &text[..start], &text[end..]);
    let message = refusal(TmxReader::new(body.as_bytes(), &options).next());
    assert!(message.contains("&secret;"), "{message}");
    assert!(message.starts_with("line 7"), "{message}");
}

#[test]
fn undeclared_entity_in_xliff_is_refused() {
    let bytes = fixture("undeclared_entity.xlf");
    let options = FormatOptions::default();
    let message = refusal(XliffReader::new(bytes.as_slice(), &options).next());
    assert!(message.contains("&nbsp;"), "{message}");
}

#[test]
fn reads_a_cat_tool_memory() {
    let bytes = fixture("cat_tool.tmx");
    let options = FormatOptions::default();
    let pairs = read_all(TmxReader::new(bytes.as_slice(), &options));
    assert_eq!(pairs.len(), 2);
    assert_eq!(pairs[0].lang_pair(), Some(("ar", "en")));
    assert_eq!(pairs[0].src(), "اضغط حفظ الآن");
    assert_eq!(pairs[0].tgt(), "Press Save now");
    assert_eq!(pairs[0].id, "7");
    assert_eq!(pairs[1].src(), "a < b & \"c\" اب");
    assert_eq!(pairs[1].tgt(), "line one\nline two\r");
    assert_eq!(pairs[1].id, "");
}

#[test]
fn reads_xliff_1_2() {
    let bytes = fixture("xliff12.xlf");
    let options = FormatOptions::default();
    let pairs = read_all(XliffReader::new(bytes.as_slice(), &options));
    assert_eq!(pairs.len(), 2);
    assert_eq!(pairs[0].lang_pair(), Some(("ar", "en")));
    assert_eq!(pairs[0].src(), "ما هو اسمك؟");
    assert_eq!(pairs[0].tgt(), "What is your name?");
    assert_eq!(pairs[0].id, "q1");
    assert_eq!(pairs[1].tgt(), "Click here");
}

#[test]
fn truncated_xml_is_an_error_with_a_line() {
    let options = FormatOptions::default();
    let mut out = Vec::new();
    let pairs = vec![PairRecordV1::new("ar", "نعم", "en", "Yes"); 3];
    write_all(TmxWriter::new(&mut out, &options).unwrap(), &pairs);
    let cut = &out[..out.len() * 2 / 3];
    let result: Result<Vec<_>, _> = TmxReader::new(cut, &options).collect();
    let err = result.unwrap_err();
    assert!(err.line().is_some(), "{err}");
}

#[test]
fn moses_files_of_different_lengths_are_an_error() {
    let options = FormatOptions::default();
    let ar = "نعم\nلا\nربما\n";
    let en = "Yes\nNo\n";
    let result: Result<Vec<_>, _> =
        MosesReader::new(ar.as_bytes(), en.as_bytes(), &options).collect();
    let err = result.unwrap_err();
    assert_eq!(err.line(), Some(3));
    assert!(err.to_string().contains("more lines"), "{err}");
}

#[test]
fn tmx_output_is_deterministic_and_has_the_full_header() {
    let mut options = FormatOptions::default();
    options.creation_date = Some("20260101T000000Z".into());
    let write = || {
        let mut out = Vec::new();
        let pair = PairRecordV1::new("ar", "س\u{1}", "en", "Q");
        let mut writer = TmxWriter::new(&mut out, &options).unwrap();
        writer.write_pair(&pair).unwrap();
        writer.finish().unwrap();
        assert_eq!(writer.stats().illegal_xml_chars_removed, 1);
        drop(writer);
        String::from_utf8(out).unwrap()
    };
    let text = write();
    assert_eq!(text, write());
    for attr in [
        "creationtool=\"tarjama\"",
        "creationtoolversion=\"",
        "segtype=\"sentence\"",
        "o-tmf=\"",
        "adminlang=\"en\"",
        "srclang=\"ar\"",
        "datatype=\"plaintext\"",
        "creationdate=\"20260101T000000Z\"",
    ] {
        assert!(text.contains(attr), "{attr} missing in {text}");
    }
    assert!(text.contains("<prop type=\"x-role\">other</prop>"), "{text}");
}

#[test]
fn headerless_tsv_reads_with_option_languages() {
    let options = FormatOptions::new("ar", "en");
    let input = "\u{FEFF}نعم\tYes\tdoc-1\r\nلا\tNo\n\n";
    let pairs = read_all(TsvReader::new(input.as_bytes(), &options));
    assert_eq!(pairs.len(), 2);
    assert_eq!(pairs[0].src(), "نعم");
    assert_eq!(pairs[0].doc, "doc-1");
    assert_eq!(pairs[1].tgt(), "No");
    let bad = "نعم\n";
    let err =
        TsvReader::new(bad.as_bytes(), &options).next().unwrap().unwrap_err();
    assert_eq!(err.line(), Some(1));
}

#[cfg(feature = "parquet")]
mod parquet {
    use super::*;
    use tarjama_export::{ParquetReader, ParquetWriter};

    fn round_trip(pairs: &[PairRecordV1]) -> Vec<PairRecordV1> {
        let options = FormatOptions::default();
        let file = tempfile::tempfile().unwrap();
        write_all(ParquetWriter::new(&file, &options).unwrap(), pairs);
        let file = file.try_clone().unwrap();
        read_all(ParquetReader::new(file, &options).unwrap())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn parquet_round_trips(pairs in prop::collection::vec(pair(), 0..6)) {
            prop_assert_eq!(round_trip(&pairs), pairs);
        }
    }

    #[test]
    fn many_batches_round_trip() {
        let pairs: Vec<_> = (0..20_000u32)
            .map(|n| {
                let mut pair = PairRecordV1::new(
                    "ar",
                    &format!("جملة {n}"),
                    "en",
                    &format!("Sentence {n}"),
                );
                pair.doc = format!("doc-{}", n / 100);
                pair.set_indices(&[n], &[n, n + 1]);
                pair
            })
            .collect();
        assert_eq!(round_trip(&pairs), pairs);
    }
}

#[test]
fn jsonl_errors_name_the_file_line_and_column() {
    let input = "{\"translation\":{\"ar\":\"a\",\"en\":\"b\"}}\n\n{\"translation\": oops\n";
    let err = JsonlReader::new(input.as_bytes()).nth(1).unwrap().unwrap_err();
    assert_eq!(err.line(), Some(3));
    assert_eq!(
        err.to_string(),
        "line 3: invalid JSON record: expected value at column 17"
    );
}
