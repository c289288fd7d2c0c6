//! Tests of the public API on small hand-written bilingual documents.

use crate::{AlignOptions, Aligner, Dictionary, Kind};

fn links(alignment: &crate::Alignment) -> Vec<(Vec<u32>, Vec<u32>)> {
    alignment.index_links()
}

const AR_INTERVIEW: &str = "\u{FEFF}مدير المياه: المحطات تعمل بنصف طاقتها\r\n\
دير الزور - ٣ أيلول ٢٠٢٤\r\n\
\r\n\
قال أبو مجاهد إن ٤ محطات من أصل ٨ تعمل اليوم.\r\n\
س: متى تعود المياه إلى حي الجورة؟\r\n\
ج: نأمل أن يحدث ذلك خلال ١٠ أيام.  المضخات قديمة جداً.\r\n\
س: هل تدفعون رسوماً؟\r\n\
ج: نعم، ٥٠٠٠ ليرة في الشهر.\r\n\
اقرأ أيضاً: أسعار الخبز في الميادين\r\n";

const EN_INTERVIEW: &str = "Water chief: stations run at half capacity\n\
DEIR EZZOR, Sept. 3, 2024 —\n\
\n\
Abu Mujahed said 4 of 8 stations work today.\n\
Photo: A tanker in al-Joura, Deir ez-Zor (Nahr Press)\n\
Q: When will water return to al-Joura?\n\
A: We hope within 10 days.  The pumps are very old.\n\
Q: Do you pay fees?\n\
A: Yes, 5,000 pounds a month.\n\
Follow us on Telegram\n";

#[test]
fn interview_structure_is_respected() {
    let aligner = Aligner::new(AlignOptions::default());
    let (alignment, diagnostics) =
        aligner.align_texts(AR_INTERVIEW, EN_INTERVIEW);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let got = links(&alignment);
    // The English caption and both sites' boilerplate stay one-sided.
    let caption =
        alignment.tgt.iter().position(|s| s.starts_with("Photo:")).unwrap()
            as u32;
    assert!(got.contains(&(vec![], vec![caption])), "{got:?}");
    for link in &alignment.links {
        let (ar, en) = alignment.texts(link);
        if en.starts_with("Photo:") || en.starts_with("Follow") {
            assert!(ar.is_empty(), "aside paired with {ar}");
            assert!(link.flags.iter().any(|f| f.starts_with("aside:")));
        }
    }
    // Questions go with questions, titles with titles.
    let roles: Vec<_> = alignment
        .links
        .iter()
        .filter(|l| !l.src.is_empty() && !l.tgt.is_empty())
        .map(|l| l.role)
        .collect();
    assert_eq!(roles.first(), Some(&tarjama_record::Role::Title));
    let questions = alignment
        .links
        .iter()
        .filter(|l| l.role == tarjama_record::Role::Question)
        .count();
    assert_eq!(questions, 2);
    // The two-sentence answer aligns 1-1 twice, not merged.
    let (_, en) = alignment.texts(
        alignment
            .links
            .iter()
            .find(|l| alignment.texts(l).1.starts_with("We hope"))
            .unwrap(),
    );
    assert_eq!(en, "We hope within 10 days.");
    // Block ids never decrease.
    assert!(alignment.links.windows(2).all(|w| w[0].block <= w[1].block));
}

#[test]
fn alignment_is_deterministic_and_never_fails() {
    let aligner = Aligner::new(AlignOptions::default());
    let (a, _) = aligner.align_texts(AR_INTERVIEW, EN_INTERVIEW);
    let (b, _) = aligner.align_texts(AR_INTERVIEW, EN_INTERVIEW);
    assert_eq!(a, b);
    let (empty, diagnostics) = aligner.align_texts("", EN_INTERVIEW);
    assert!(empty.links.iter().all(|l| l.src.is_empty()));
    assert_eq!(diagnostics.first().map(|d| d.code), Some("empty-side"));
    let (nothing, _) = aligner.align_sentences::<&str>(&[], &[]);
    assert!(nothing.links.is_empty());
    let junk =
        ["\u{0}\u{FFFF}", "؟؟؟", "", "   ", "١٢٣٤٥٦٧٨٩٠".repeat(50).as_str()]
            .map(str::to_string);
    let (odd, _) = aligner.align_sentences(&junk, &junk[..2]);
    let all: Vec<u32> = odd.links.iter().flat_map(|l| l.src.clone()).collect();
    assert_eq!(all, [0, 1, 2, 3, 4]);
    assert!(odd.links.iter().all(|l| (0.0..=1.0).contains(&l.score)));
}

#[test]
fn untranslated_sentence_is_flagged() {
    let ar = [
        "وصلت المياه إلى القرية بعد ثلاث سنوات من الانتظار الطويل.",
        "This sentence was left in English by the translator of the text.",
    ];
    let en = [
        "Water reached the village after three years of waiting.",
        "This sentence was left in English by the translator of the text.",
    ];
    let (alignment, _) =
        Aligner::new(AlignOptions::default()).align_sentences(&ar, &en);
    let flagged: Vec<&Vec<String>> =
        alignment.links.iter().map(|l| &l.flags).collect();
    assert!(flagged[0].is_empty(), "{flagged:?}");
    assert_eq!(flagged[1], &vec!["lang-mismatch:ar".to_string()]);
    let records = alignment.to_records("d");
    assert_eq!(records[1].flags, ["lang-mismatch:ar"]);
    assert_eq!(records[1].id, "d/ar=1/en=1");
}

#[test]
fn dictionary_breaks_a_length_tie() {
    // Two candidate targets of equal length: only the dictionary tells
    // which one translates the single Arabic sentence.
    let ar = ["نقص الطحين في المخابز"];
    let en = ["Flour is short in bakeries", "Rain fell on the hills"];
    let (dict, _) =
        Dictionary::parse("flour @ طحين\nbakeries @ مخابز\nrain @ مطر\n");
    let options =
        AlignOptions { check_lang: false, ..AlignOptions::default() };
    let without = Aligner::new(options.clone());
    let (plain, _) = without.align_sentences(&ar, &en);
    // Length alone prefers the other (closer in length) sentence.
    assert!(
        !links(&plain).contains(&(vec![0], vec![0])),
        "{:?}",
        links(&plain)
    );
    let with = Aligner::new(options).with_dictionary(dict);
    let (alignment, _) = with.align_sentences(&ar, &en);
    assert!(
        links(&alignment).contains(&(vec![0], vec![0])),
        "{:?}",
        links(&alignment)
    );
}

#[test]
fn length_only_ignores_anchors_and_kinds_are_public() {
    let options =
        AlignOptions { length_only: true, ..AlignOptions::default() };
    let aligner = Aligner::new(options);
    let (alignment, _) =
        aligner.align_sentences(&["قال ٣ أشخاص"], &["Three people said"]);
    assert_eq!(links(&alignment), [(vec![0], vec![0])]);
    assert!(Kind::Caption.is_aside() && !Kind::Answer.is_aside());
}

#[test]
fn folded_name_keys_meet_across_scripts() {
    use crate::name_key;
    for (en, ar) in [
        ("Gerrard", "جيرارد"),
        ("Rangers", "رينجرز"),
        ("Flake", "فليك"),
        ("Trump", "ترامب"),
        ("Mujahed", "مجاهد"),
    ] {
        assert_eq!(name_key(en), name_key(ar), "{en} / {ar}");
        assert!(name_key(en).is_some());
    }
    assert_ne!(name_key("Trump"), name_key("Flake"));
    // Too short to be telling.
    assert_eq!(name_key("Kim"), None);
}
