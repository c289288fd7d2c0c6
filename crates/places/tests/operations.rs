//! Resolve, tag, cluster and termbase on the built-in gazetteer and on
//! small hand-made gazetteers, with messy input.

use tarjama_places::termbase::{TermEntry, write_csv, write_tbx};
use tarjama_places::{
    Convention, Gazetteer, Method, ResolveOptions, TagOptions, cluster,
    parse_geonames,
};

fn builtin() -> Gazetteer {
    Gazetteer::builtin().unwrap()
}

fn resolve_id(g: &Gazetteer, name: &str) -> Option<String> {
    let r = g.resolve(name, &ResolveOptions::default());
    Some(g.place(r.best()?.place)?.id.clone())
}

#[test]
fn builtin_has_governorates_seats_and_border_towns() {
    let g = builtin();
    assert!(g.len() > 600, "{}", g.len());
    for code in [
        "SY-DI", "SY-RD", "SY-HL", "SY-ID", "SY-HM", "SY-HI", "SY-LA",
        "SY-TA", "SY-RA", "SY-DY", "SY-HA", "SY-DR", "SY-SU", "SY-QU",
    ] {
        let gov = g.get(code).unwrap();
        assert!(!gov.name_ar.is_empty(), "{code}");
    }
    for town in [
        "Kilis",
        "Gaziantep",
        "Akçakale",
        "Ceylanpınar",
        "Nusaybin",
        "Reyhanlı",
        "Antakya",
        "Kırıkhan",
        "Yayladağı",
        "Suruç",
        "Öncüpınar",
        "Mardin",
        "Kızıltepe",
        "Cizre",
    ] {
        let id = resolve_id(&g, town).unwrap_or_default();
        assert_eq!(g.get(&id).unwrap().country, "TR", "{town}");
    }
    // Every Syrian place with a population has an Arabic name.
    for p in g.places().iter().filter(|p| p.country == "SY") {
        assert!(!p.name_ar.is_empty(), "{} has no Arabic name", p.id);
    }
}

#[test]
fn stages_and_methods() {
    let g = builtin();
    let o = ResolveOptions::default();
    assert_eq!(g.resolve("Halab", &o).method, Some(Method::Exact));
    assert_eq!(g.resolve("  DEIR   EZ-ZOR ", &o).method, Some(Method::Exact));
    assert_eq!(g.resolve("Deir-ez-Zor", &o).method, Some(Method::Strict));
    let r = g.resolve("Dair az-Zawr", &o);
    assert!(matches!(r.method, Some(Method::Strict | Method::Loose)));
    let r = g.resolve("Jarabulous", &o);
    assert_eq!(g.place(r.best().unwrap().place).unwrap().name_en, "Jarabulus");
    assert_eq!(g.resolve("Qwxzt Vbnm", &o).method, None);
    assert_eq!(g.resolve("", &o).method, None);
    assert_eq!(g.resolve("\u{200f}  \u{a0}", &o).method, None);
    // Descriptor words.
    assert_eq!(resolve_id(&g, "Idlib city").as_deref(), Some("169389"));
    assert_eq!(resolve_id(&g, "مدينة حلب").as_deref(), Some("170063"));
    assert_eq!(resolve_id(&g, "محافظة حلب").as_deref(), Some("SY-HL"));
    assert_eq!(resolve_id(&g, "Idlib Governorate").as_deref(), Some("SY-ID"));
}

#[test]
fn short_look_alikes_stay_apart() {
    let g = builtin();
    for (a, b) in [
        ("Daraa", "Darayya"),
        ("Saida", "Suwayda"),
        ("Ma'an", "Amman"),
        ("Hama", "Homs"),
        ("Sur", "Suran"),
    ] {
        let (ra, rb) = (resolve_id(&g, a), resolve_id(&g, b));
        assert!(ra.is_some() && rb.is_some(), "{a} {b}");
        assert_ne!(ra, rb, "{a} and {b} merged");
    }
    // Spellings that are not aliases, where the keys and the similarity
    // alone lean to the wrong look-alike (Swayda/Sayda score 1.0).
    for (spelling, id) in [
        ("Swayda", "172408"),
        ("Suwaydah", "172408"),
        ("Saydah", "268064"),
        ("Daraah", "170905"),
        ("Darayyah", "170892"),
    ] {
        assert_eq!(
            resolve_id(&g, spelling).as_deref(),
            Some(id),
            "{spelling}"
        );
    }
}

#[test]
fn ambiguity_is_reported_and_country_filters() {
    let g = builtin();
    // Sinjar is a district seat in Iraq and a village in Idlib.
    let r = g.resolve("Sinjar", &ResolveOptions::default());
    assert!(r.candidates.len() >= 2, "{r:?}");
    assert_eq!(g.place(r.best().unwrap().place).unwrap().country, "IQ");
    let mut sy = ResolveOptions::default();
    sy.country = Some("SY".to_owned());
    let r = g.resolve("Sinjar", &sy);
    assert_eq!(r.candidates.len(), 1);
    assert_eq!(g.place(r.candidates[0].place).unwrap().country, "SY");
    // Ariha (Idlib) and Jericho (أريحا) share the Arabic name.
    let r = g.resolve("أريحا", &ResolveOptions::default());
    assert!(r.is_ambiguous(), "{r:?}");
    let mut ps = ResolveOptions::default();
    ps.country = Some("ps".to_owned());
    let r = g.resolve("أريحا", &ps);
    assert_eq!(g.place(r.best().unwrap().place).unwrap().name_en, "Jericho");
}

const GEONAMES_FIXTURE: &str = include_str!("fixtures/SY-sample.txt");

#[test]
fn geonames_dump_loads_and_resolves() {
    let places =
        parse_geonames(GEONAMES_FIXTURE, "SY-sample.txt", &Default::default())
            .unwrap();
    // Class H (streams) and T (mountains) rows are skipped.
    assert!(places.iter().all(|p| p.id != "171653" && p.id != "163126"));
    let g = Gazetteer::from_places(places);
    assert_eq!(resolve_id(&g, "دير الزور").as_deref(), Some("170794"));
    assert_eq!(resolve_id(&g, "Deir Ezzor").as_deref(), Some("170794"));
    assert_eq!(resolve_id(&g, "Mayadeen").as_deref(), Some("173480"));
    let deir = g.get("170794").unwrap();
    assert_eq!(deir.name_ar, "دير الزور");
    assert_eq!(deir.admin1, "SY.07");
}

#[test]
fn geonames_errors_name_the_line() {
    let mut text = GEONAMES_FIXTURE.to_owned();
    text.push_str("999\tBroken\tBroken\t\tnot-a-lat\t40\tP\tPPL\tSY\t\t07\t\t\t\t0\t\t200\tAsia/Damascus\t2020-01-01\n");
    let line = text.lines().count();
    let err =
        parse_geonames(&text, "SY.txt", &Default::default()).unwrap_err();
    assert_eq!(err.line(), Some(line));
    assert!(
        err.to_string().starts_with(&format!("SY.txt:{line}: bad latitude"))
    );
}

#[test]
fn tags_arabic_with_proclitics_and_latin_articles() {
    let g = builtin();
    let o = TagOptions::default();
    let text =
        "قصف بدير الزور والميادين، ووصل وفد إلى وحلب وللرقة ثم فالبوكمال.";
    let found: Vec<(&str, String)> = g
        .tag(text, &o)
        .iter()
        .map(|m| (m.surface(text), g.place(m.place).unwrap().name_en.clone()))
        .collect();
    assert_eq!(
        found,
        [
            ("دير الزور", "Deir ez-Zor".to_owned()),
            ("الميادين", "al-Mayadin".to_owned()),
            ("حلب", "Aleppo".to_owned()),
            ("لرقة", "Raqqa".to_owned()),
            ("البوكمال", "Albu Kamal".to_owned()),
        ]
    );
    let en = "Shelling hit al-Mayadin and Deir ez Zor; the \u{201c}Ras al-Ain\u{201d} \
              front, Al Bukamal and DEIR EZ-ZOR. We tell them.";
    let found: Vec<&str> =
        g.tag(en, &o).iter().map(|m| m.surface(en)).collect();
    assert_eq!(
        found,
        [
            "al-Mayadin",
            "Deir ez Zor",
            "Ras al-Ain",
            "Al Bukamal",
            "DEIR EZ-ZOR"
        ]
    );
}

#[test]
fn tag_spans_are_byte_offsets_and_stop_words_hold() {
    let g = builtin();
    let text = "\u{feff}صور من الباب\u{200f} في حلب";
    let mentions = g.tag(text, &TagOptions::default());
    assert_eq!(mentions.len(), 1);
    let m = &mentions[0];
    assert_eq!(&text[m.span.clone()], "حلب");
    assert_eq!(m.span.end, text.len());
}

#[test]
fn common_words_are_not_places() {
    let g = builtin();
    let o = TagOptions::default();
    // عقبة "obstacle" (not العقبة Aqaba), جاؤوا "they came" (not Jawa),
    // أم أن "or that", مدينة "city", "Is" and "a" in English.
    for text in [
        "هذه عقبة كبيرة، جاؤوا أم أن المدينة بعيدة؟ مدينة صغيرة",
        "Is it true? Tell us about a Mayadeen trip. Khalil said hit it.",
    ] {
        let found: Vec<&str> =
            g.tag(text, &o).iter().map(|m| m.surface(text)).collect();
        assert!(
            found.is_empty() || found == ["Mayadeen"],
            "{text}: {found:?}"
        );
    }
}

#[test]
fn ambiguous_mentions_follow_the_country_of_the_text() {
    let g = builtin();
    let o = TagOptions::default();
    let name_of = |text: &str| -> Vec<String> {
        g.tag(text, &o)
            .iter()
            .map(|m| g.place(m.place).unwrap().name_en.clone())
            .collect()
    };
    // أريحا is Ariha (Idlib) and Jericho: the text decides.
    assert_eq!(
        name_of("من إدلب إلى أريحا ثم سراقب"),
        ["Idlib", "Ariha", "Saraqib"]
    );
    assert_eq!(
        name_of("من رام الله إلى أريحا ثم نابلس"),
        ["Ramallah", "Jericho", "Nablus"]
    );
}

#[test]
fn rewrite_respells_mentions() {
    let g = builtin();
    let o = TagOptions::default();
    let text = "Fighting near Deir Ezzor and Mayadeen, north of Abu Kamal.";
    assert_eq!(
        g.rewrite(text, Convention::En, &o),
        "Fighting near Deir ez-Zor and al-Mayadin, north of Albu Kamal."
    );
    assert_eq!(
        g.rewrite(text, Convention::Bgn, &o),
        "Fighting near Dayr az Zawr and Al Mayādīn, north of Ālbū Kamāl."
    );
    let ar = "وصل إلى للرقة ودير الزور";
    assert_eq!(g.rewrite(ar, Convention::Ar, &o), ar);
    assert_eq!(g.rewrite("بدير الزور", Convention::En, &o), "بDeir ez-Zor");
}

#[test]
fn clusters_across_sources() {
    let g = builtin();
    let items = [
        ("reuters", "Deir ez-Zor"),
        ("afp", "Deir Ezzor"),
        ("sana", "دير الزور"),
        ("sana", "دير الزور"),
        ("ngo", "Dayr az Zawr"),
        ("afp", "Mayadeen"),
        ("reuters", "al-Mayadin"),
        ("ngo", "Khirbet Zazouq"),
        ("afp", "Khirbat Zazuq"),
        ("afp", "Kherbet Zazoq"),
        ("ngo", "   "),
    ];
    let clusters = cluster(&g, items, &ResolveOptions::default());
    let summary: Vec<(String, usize, Option<String>)> = clusters
        .iter()
        .map(|c| {
            (
                c.canonical.clone(),
                c.count,
                c.place.map(|p| g.place(p).unwrap().id.clone()),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("Deir ez-Zor".to_owned(), 5, Some("170794".to_owned())),
            ("Kherbet Zazoq".to_owned(), 3, None),
            ("al-Mayadin".to_owned(), 2, Some("173480".to_owned())),
        ]
    );
    assert_eq!(clusters[0].sources["sana"], 2);
    // Same input, same output.
    assert_eq!(cluster(&g, items, &ResolveOptions::default()), clusters);
}

#[test]
fn termbase_tbx_is_well_formed_xml() {
    let mut place =
        tarjama_places::Place::new("x&<1>", "Tom & \"Jerry's\" <town>");
    place.name_ar = "دير الزور".to_owned();
    place.name_bgn = "Dayr az Zawr".to_owned();
    let mut entry = TermEntry::new(&place);
    entry.seen = vec!["Deir Ezzor".to_owned(), "بدير\u{1}".to_owned()];
    let g = builtin();
    let mut entries = vec![entry];
    entries.extend(g.places().iter().take(50).map(TermEntry::new));
    let tbx = write_tbx(&entries);
    assert!(
        tbx.contains("<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\"")
    );
    let mut reader = quick_xml::Reader::from_str(&tbx);
    let mut concepts = 0;
    let mut terms = 0;
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Eof => break,
            quick_xml::events::Event::Start(e) => match e.name().as_ref() {
                "conceptEntry" => concepts += 1,
                "term" => terms += 1,
                _ => {}
            },
            _ => {}
        }
    }
    assert_eq!(concepts, 51);
    assert!(terms >= 100);
    assert!(tbx.contains(
        "<term>Tom &amp; &quot;Jerry&apos;s&quot; &lt;town&gt;</term>"
    ));
    assert!(tbx.contains("id=\"p-x__1_\""));
    let csv = write_csv(&entries);
    let first = csv.lines().nth(1).unwrap();
    assert!(
        first.starts_with("x&<1>,\"Tom & \"\"Jerry's\"\" <town>\",دير الزور,")
    );
}
