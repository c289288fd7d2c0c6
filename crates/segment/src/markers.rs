//! Recognizing what a line is from its first characters: Q/A markers,
//! bullet glyphs, caption and pull-quote labels, boilerplate phrases,
//! credits, datelines. Matching skips invisible characters, treats every
//! space (NBSP included) alike, folds Latin case and Arabic letter
//! variants, so messy input is recognized like clean input.

use crate::chars::{
    fold_arabic_char, is_blank, is_close_quote, is_open_quote, is_space,
    is_terminal,
};

/// The structural marker at the start of a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LineMarker {
    /// `Q:`, `Q.`, `Question:`, `س:`, `سؤال:`.
    Question,
    /// `A:`, `Answer:`, `ج:`, `جواب:`.
    Answer,
    /// `-`, `–`, `•`, `*`, `·` (and a few more glyphs) before a space.
    Bullet,
}

/// Question and answer labels: the label, and whether `.` may stand for
/// the colon (`Q.` but not `A.` — an answer may well start with "A.").
const QA_LABELS: &[(&str, LineMarker, bool)] = &[
    ("question", LineMarker::Question, false),
    ("answer", LineMarker::Answer, false),
    ("سوال", LineMarker::Question, false),
    ("سؤال", LineMarker::Question, false),
    ("جواب", LineMarker::Answer, false),
    ("الجواب", LineMarker::Answer, false),
    ("السوال", LineMarker::Question, false),
    ("السؤال", LineMarker::Question, false),
    ("q", LineMarker::Question, true),
    ("a", LineMarker::Answer, false),
    ("س", LineMarker::Question, false),
    ("ج", LineMarker::Answer, false),
];

/// Finds a structural marker at the start of `line` (already trimmed).
/// Returns the marker and the byte length of the marker text (label and
/// colon, without the blanks after it).
pub(crate) fn line_marker(
    start: &LineStart<'_>,
) -> Option<(LineMarker, usize)> {
    let line = start.line;
    if let Some(len) = bullet_len(line) {
        return Some((LineMarker::Bullet, len));
    }
    for &(label, marker, dot_ok) in QA_LABELS {
        if !start.folded.starts_with(label) {
            continue;
        }
        let Some(after_label) = match_folded(line, label) else { continue };
        // Single Latin letters are case-sensitive (`Q:` but not `q:`).
        if label.len() == 1
            && !line.starts_with(label.to_ascii_uppercase().as_str())
        {
            continue;
        }
        let rest = line.get(after_label..).unwrap_or("");
        // Blanks may separate the label from its colon (`س :`).
        let punct_at = after_label
            + (rest.len() - rest.trim_start_matches(is_blank).len());
        let punct = line.get(punct_at..).and_then(|s| s.chars().next());
        let ok = match punct {
            Some(':' | '：' | '/') => true,
            Some('.') => dot_ok,
            Some('-' | '–' | '—') => {
                label.chars().count() == 1 && !label.is_ascii()
            }
            _ => false,
        };
        if !ok {
            continue;
        }
        let end = punct_at + punct.map_or(0, char::len_utf8);
        // After a full stop or dash the marker must be followed by a blank
        // or end the line (`Q.` in `Q.E.D.` is not a marker); a colon is
        // decisive on its own (`Q:How …`).
        let next = line.get(end..).and_then(|s| s.chars().next());
        if matches!(punct, Some(':' | '：')) || next.is_none_or(is_blank) {
            return Some((marker, end));
        }
    }
    None
}

/// A bullet glyph followed by a blank: the glyph's byte length.
fn bullet_len(line: &str) -> Option<usize> {
    let mut chars = line.chars();
    let glyph = chars.next()?;
    let is_bullet = matches!(
        glyph,
        '-' | '–'
            | '•'
            | '*'
            | '·'
            | '▪'
            | '◦'
            | '●'
            | '‣'
            | '⁃'
            | '○'
            | '■'
    );
    let next = chars.next()?;
    (is_bullet && is_space(next)).then_some(glyph.len_utf8())
}

/// Matches `pattern` (already folded: lowercase, Arabic letters unified)
/// at the start of `text`, skipping invisible characters and diacritics
/// in `text`. Returns the byte offset in `text` after the match.
pub(crate) fn match_folded(text: &str, pattern: &str) -> Option<usize> {
    let mut wanted = pattern.chars().peekable();
    let mut last_space = false;
    for (pos, c) in text.char_indices() {
        let Some(&want) = wanted.peek() else {
            return Some(pos);
        };
        let Some(folded) = fold_arabic_char(c) else { continue };
        if folded == ' ' && want != ' ' && last_space {
            // Runs of spaces match a single space in the pattern.
            continue;
        }
        if folded != want {
            return None;
        }
        last_space = folded == ' ';
        wanted.next();
    }
    wanted.peek().is_none().then_some(text.len())
}

/// The longest phrase pattern, in characters: [`folded_start`] folds
/// this many characters of a line.
const PREFIX_CHARS: usize = 32;

/// The first [`PREFIX_CHARS`] characters of `text` folded as
/// [`match_folded`] compares them: diacritics and invisible characters
/// dropped, runs of spaces as one space.
fn folded_start(text: &str) -> String {
    let mut folded = String::with_capacity(2 * PREFIX_CHARS);
    folded.extend(folded_chars(text).take(PREFIX_CHARS));
    folded
}

/// The characters of `text` folded as [`match_folded`] compares them:
/// diacritics and invisible characters dropped, runs of spaces as one
/// space.
fn folded_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    let mut last_space = false;
    text.chars().filter_map(fold_arabic_char).filter(move |&f| {
        let repeated_space = f == ' ' && last_space;
        last_space = f == ' ';
        !repeated_space
    })
}

/// A line with its folded start, computed once for all the checks that
/// look at how the line begins.
#[derive(Debug)]
pub(crate) struct LineStart<'a> {
    line: &'a str,
    folded: String,
}

impl<'a> LineStart<'a> {
    pub(crate) fn new(line: &'a str) -> LineStart<'a> {
        LineStart { line, folded: folded_start(line) }
    }

    /// The line itself.
    pub(crate) fn line(&self) -> &'a str {
        self.line
    }

    /// True when the line starts with any of `patterns` (folded, at most
    /// [`PREFIX_CHARS`] characters long).
    fn starts_with_any(&self, patterns: &[&str]) -> bool {
        patterns.iter().any(|p| self.folded.starts_with(p))
    }
}

/// True when `text` contains any of `patterns` (folded) at a word start.
fn contains_any(text: &str, patterns: &[&str]) -> bool {
    let folded = fold_all(text);
    patterns.iter().any(|pattern| {
        folded.match_indices(pattern).any(|(pos, _)| {
            // At a word start, or the pattern itself starts with a
            // non-letter (`©`).
            let before = folded.get(..pos).and_then(|b| b.chars().next_back());
            let first = pattern.chars().next();
            !before.is_some_and(char::is_alphanumeric)
                || !first.is_some_and(char::is_alphanumeric)
        })
    })
}

/// All of `text` folded as [`match_folded`] compares it.
fn fold_all(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    folded.extend(folded_chars(text));
    folded
}

/// Caption labels (line starts).
const CAPTION_STARTS: &[&str] = &[
    "photo:",
    "photo credit",
    "photos:",
    "picture:",
    "image:",
    "caption:",
    "(photo",
    "(photos",
    "(image",
    "صوره:",
    "الصوره:",
    "صور:",
    "(صوره",
    "(الصوره",
    "تصوير:",
    "صوره -",
    "الصوره -",
    "photo -",
    "photo –",
    "صوره –",
    "الصوره –",
];

/// True for a photo caption line.
pub(crate) fn is_caption(line: &LineStart<'_>) -> bool {
    line.starts_with_any(CAPTION_STARTS)
}

/// Labels that announce a pull quote.
const PULL_QUOTE_STARTS: &[&str] =
    &["pull quote:", "pull-quote:", "pullquote:", "اقتباس:", "اقتباس -"];

/// True for a line labelled as a pull quote.
pub(crate) fn is_labelled_pull_quote(line: &LineStart<'_>) -> bool {
    line.starts_with_any(PULL_QUOTE_STARTS)
}

/// For a line wrapped entirely in quotation marks (optionally followed by
/// a short attribution after a dash), the byte range of the quoted text.
pub(crate) fn quoted_inner(line: &str) -> Option<(usize, usize)> {
    let first = line.chars().next()?;
    if !is_open_quote(first) {
        return None;
    }
    let inner_start = first.len_utf8();
    // The last closing quote of the line.
    let (close_at, close) = line
        .char_indices()
        .skip(1)
        .filter(|&(_, c)| is_close_quote(c))
        .last()?;
    let tail = line.get(close_at + close.len_utf8()..).unwrap_or("");
    let tail = tail.trim_matches(is_blank);
    let tail_ok = tail.is_empty()
        || tail.starts_with(['-', '–', '—', '('])
            && tail.split_whitespace().count() <= 6;
    if !tail_ok || close_at <= inner_start {
        return None;
    }
    // An inner closing quote followed by more text (`“A”: a baker …`) means
    // the quotes do not wrap the line.
    let inner = line.get(inner_start..close_at)?;
    if inner.chars().any(|c| is_close_quote(c) && c != first) {
        return None;
    }
    Some((inner_start, close_at))
}

/// Boilerplate that may appear anywhere in a line.
const BOILERPLATE_ANYWHERE: &[&str] = &[
    "all rights reserved",
    "جميع الحقوق محفوظه",
    "كل الحقوق محفوظه",
    "حقوق النشر محفوظه",
];

/// Boilerplate line starts.
const BOILERPLATE_STARTS: &[&str] = &[
    "©",
    "(c) ",
    "copyright",
    "read more",
    "read also",
    "also read",
    "related:",
    "related stories",
    "related articles",
    "see also",
    "follow us",
    "subscribe",
    "sign up",
    "share this",
    "share on",
    "share:",
    "support independent",
    "donate",
    "join our",
    "download our",
    "click here",
    "newsletter",
    "tags:",
    "more from",
    "more on this",
    "more stories",
    "المزيد من",
    "المزيد:",
    "اقرا ايضا",
    "اقرا المزيد",
    "اقرا كذلك",
    "للمزيد",
    "مواضيع ذات صله",
    "ذات صله",
    "تابعونا",
    "تابعوا",
    "تابعنا",
    "اشترك",
    "اشتركوا",
    "النشره البريديه",
    "شارك",
    "ادعم",
    "تبرع",
    "الوسوم:",
    "كلمات مفتاحيه",
];

/// True for a line of site boilerplate (links, sharing, copyright).
pub(crate) fn is_boilerplate(start: &LineStart<'_>) -> bool {
    let line = start.line;
    // The phrases found anywhere all contain "right"/"حقوق": a cheap
    // filter before the folded search.
    let may_have_rights = line.contains("ight")
        || line.contains("IGHT")
        || line.contains("حقوق");
    start.starts_with_any(BOILERPLATE_STARTS)
        || may_have_rights && contains_any(line, BOILERPLATE_ANYWHERE)
        || line.contains('©') && line.split_whitespace().count() <= 12
}

/// Credit and editor's-note starts that cannot open running text.
const CREDIT_STARTS: &[&str] = &[
    "reporting by",
    "written by",
    "interview by",
    "interviewed by",
    "editing by",
    "edited by",
    "translated by",
    "translation:",
    "translation by",
    "this interview has been",
    "this interview was",
    "this article was",
    "this interview is part",
    "this article is part",
    "editor's note",
    "editor’s note",
    "بقلم",
    "اعداد:",
    "تحرير:",
    "ترجمه:",
    "حاوره:",
    "حاورته:",
    "اجري الحوار",
    "اجرت الحوار",
    "حررت هذه",
    "هذا الحوار جزء",
    "هذه المقابله جزء",
    "تم تحرير",
    "تقرير:",
    "ملاحظه المحرر",
];

/// True for a reporting credit or an editor's note.
pub(crate) fn is_credit(line: &LineStart<'_>) -> bool {
    line.starts_with_any(CREDIT_STARTS)
}

/// True for a byline (`By Layla Haddad`); only meaningful right after the
/// title, since running text may start with "By".
pub(crate) fn is_byline(line: &str) -> bool {
    let start = LineStart::new(line);
    (start.folded.starts_with("by ") || is_credit(&start))
        && is_short_unterminated(line)
}

/// Month names and abbreviations (folded), Latin and Arabic (Levantine
/// and Egyptian forms).
const MONTHS: &[&str] = &[
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
    "كانون",
    "شباط",
    "اذار",
    "نيسان",
    "ايار",
    "حزيران",
    "تموز",
    "اب ",
    "ايلول",
    "تشرين",
    "يناير",
    "فبراير",
    "مارس",
    "ابريل",
    "مايو",
    "يونيو",
    "يوليو",
    "اغسطس",
    "سبتمبر",
    "اكتوبر",
    "نوفمبر",
    "ديسمبر",
];

/// True for a short line carrying a place and a date (`DEIR EZ-ZOR,
/// Sept. 3 —`, `دير الزور - ٣ أيلول`).
pub(crate) fn is_dateline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    if words > 12 || line.chars().count() > 90 {
        return false;
    }
    let last = line.trim_end_matches(is_blank).chars().next_back();
    if last.is_some_and(is_terminal) {
        return false;
    }
    let has_digit = line.chars().any(char::is_numeric);
    has_digit && contains_any(line, MONTHS)
}

/// True when a line reads like a headline or a credit line rather than
/// running text: short, without a final full stop.
pub(crate) fn is_short_unterminated(line: &str) -> bool {
    let last = line.trim_end_matches(is_blank).chars().next_back();
    line.split_whitespace().count() <= 12
        && !last.is_some_and(|c| is_terminal(c) || is_foreign_full_stop(c))
}

/// Full stops of scripts the sentence rules leave to UAX #29: Devanagari
/// danda and double danda, Armenian, Syriac, N'Ko, Ethiopic, Myanmar.
fn is_foreign_full_stop(c: char) -> bool {
    matches!(
        c,
        '\u{0589}' | '\u{0700}'
            ..='\u{0702}'
                | '\u{07F9}'
                | '\u{0964}'
                | '\u{0965}'
                | '\u{104A}'
                | '\u{104B}'
                | '\u{1362}'
                | '\u{1367}'
                | '\u{1368}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn question_and_answer_markers() {
        let cases: &[(&str, Option<(LineMarker, usize)>)] = &[
            ("Q: Why?", Some((LineMarker::Question, 2))),
            ("Q. Why?", Some((LineMarker::Question, 2))),
            ("Q:Why?", Some((LineMarker::Question, 2))),
            ("س:لماذا؟", Some((LineMarker::Question, 3))),
            ("QUESTION: Why?", Some((LineMarker::Question, 9))),
            ("Question : Why?", Some((LineMarker::Question, 10))),
            ("A: Because.", Some((LineMarker::Answer, 2))),
            ("A. Because.", None),
            ("Answer:\u{00A0}Because.", Some((LineMarker::Answer, 7))),
            ("q: lower", None),
            ("Qatar is far.", None),
            ("Q.E.D.", None),
            ("A lot of water.", None),
            ("س: لماذا؟", Some((LineMarker::Question, 3))),
            ("س : لماذا؟", Some((LineMarker::Question, 4))),
            ("س\u{200B}: لماذا؟", Some((LineMarker::Question, 6))),
            ("سؤال: لماذا؟", Some((LineMarker::Question, 9))),
            ("ج: لأن.", Some((LineMarker::Answer, 3))),
            ("جواب: لأن.", Some((LineMarker::Answer, 9))),
            ("جاء الماء.", None),
            ("سوريا بلد.", None),
            ("- item", Some((LineMarker::Bullet, 1))),
            ("•\u{00A0}item", Some((LineMarker::Bullet, 3))),
            ("-item", None),
            ("—", None),
        ];
        for (line, want) in cases {
            assert_eq!(line_marker(&LineStart::new(line)), *want, "{line:?}");
        }
    }

    #[test]
    fn patterns_are_folded_and_fit_the_prefix() {
        let lists: &[&[&str]] = &[
            CAPTION_STARTS,
            PULL_QUOTE_STARTS,
            BOILERPLATE_STARTS,
            BOILERPLATE_ANYWHERE,
            CREDIT_STARTS,
            MONTHS,
        ];
        for pattern in lists.iter().flat_map(|list| list.iter()) {
            assert!(pattern.chars().count() <= PREFIX_CHARS, "{pattern}");
            let refolded: String =
                pattern.chars().filter_map(fold_arabic_char).collect();
            assert_eq!(&refolded, pattern, "pattern not folded");
            assert!(!pattern.contains("  "), "{pattern}");
        }
        assert_eq!(folded_start("Read\u{00A0} \u{200B}MORE"), "read more");
    }

    #[test]
    fn labels_in_both_languages() {
        assert!(is_caption(&LineStart::new("Photo: A tanker (Nahr Press)")));
        assert!(is_caption(&LineStart::new("(Photo: Nahr Press)")));
        assert!(is_caption(&LineStart::new("الصورة: صهريج")));
        assert!(is_caption(&LineStart::new("صورة: منازل")));
        assert!(!is_caption(&LineStart::new(
            "Photos of the war are everywhere."
        )));
        assert!(is_labelled_pull_quote(&LineStart::new(
            "Pull quote: “We wait.”"
        )));
        assert!(is_labelled_pull_quote(&LineStart::new("اقتباس: «ننتظر»")));
        assert!(is_boilerplate(&LineStart::new(
            "Read more: Farmers count losses"
        )));
        assert!(is_boilerplate(&LineStart::new(
            "All rights reserved © 2024 Nahr Press"
        )));
        assert!(is_boilerplate(&LineStart::new(
            "Copyright © 2024 Shamal.  All Rights Reserved."
        )));
        assert!(is_boilerplate(&LineStart::new("إقرأ أيضاً: ارتفاع الأسعار")));
        assert!(is_boilerplate(&LineStart::new("تابعونا على تلغرام")));
        assert!(is_boilerplate(&LineStart::new(
            "جميع الحقوق محفوظة لـ«نهر برس» © ٢٠٢٤"
        )));
        assert!(!is_boilerplate(&LineStart::new(
            "We share the water between families."
        )));
        assert!(is_byline("By Layla Haddad"));
        assert!(!is_byline("By 8:30 there is nothing left."));
        assert!(is_credit(&LineStart::new("إعداد: حسين الخلف")));
        assert!(!is_byline("Byblos is old"));
    }

    #[test]
    fn datelines_and_quotes() {
        assert!(is_dateline("DEIR EZZOR, Sept. 3, 2024 —"));
        assert!(is_dateline("دير الزور - ٣ أيلول ٢٠٢٤"));
        assert!(is_dateline("الميادين، 14 تشرين الأول/أكتوبر 2024"));
        assert!(!is_dateline("Nahr Press – Deir Ezzor"));
        assert!(!is_dateline("We received 3 tons in May and June, he said."));
        assert_eq!(quoted_inner("“We wait”"), Some((3, 10)));
        assert!(quoted_inner("«ننتظر» - أحمد").is_some());
        assert_eq!(quoted_inner("“A bundle”: a baker on prices"), None);
        assert_eq!(quoted_inner("“"), None);
    }
}
