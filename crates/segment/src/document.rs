//! The document model: blocks (title, dateline, lead, questions, answers,
//! bullets, captions, pull quotes, boilerplate, plain paragraphs), each
//! holding its sentences with byte spans into the original text and a
//! global sentence index.
//!
//! Every non-empty line is one block (news sites publish one paragraph
//! per line; a blank line also separates paragraphs). A line is
//! classified by its first characters (markers, labels, boilerplate
//! phrases), by its place in the document (the title is the first line,
//! datelines and bylines follow it, boilerplate closes it) and, for lines
//! wrapped in quotation marks, by whether the quote repeats text found
//! elsewhere (a pull quote).

use std::ops::Range;

use serde::{Serialize, Serializer};
use tarjama_record::Role;

use crate::chars::{fold_arabic_char, is_arabic_letter, trim_range};
use crate::lang::Lang;
use crate::markers::{
    LineMarker, LineStart, is_boilerplate, is_byline, is_caption, is_credit,
    is_dateline, is_labelled_pull_quote, is_short_unterminated, line_marker,
    quoted_inner,
};
use crate::sentence::{line_break_len, split_line_into};

/// What a block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BlockKind {
    /// The headline (the first line).
    Title,
    /// A short place-and-date line after the title.
    Dateline,
    /// A paragraph before the first question.
    Lead,
    /// An interviewer's question.
    Question,
    /// A paragraph of an answer.
    Answer,
    /// A bullet item (inside an answer or the lead: see [`Block::role`]).
    Bullet,
    /// A photo caption.
    Caption,
    /// A pull quote: a line in quotation marks repeating text from the
    /// document, or one labelled `Pull quote:` / `اقتباس:`.
    PullQuote,
    /// Site boilerplate: related links, sharing, subscription, copyright.
    Boilerplate,
    /// A paragraph of a document without question/answer structure, or
    /// any paragraph of a presegmented document.
    Paragraph,
    /// Bylines, credits, editor's notes, the site line under the title.
    Other,
}

impl BlockKind {
    /// The name used in JSON output (`pull_quote`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Title => "title",
            BlockKind::Dateline => "dateline",
            BlockKind::Lead => "lead",
            BlockKind::Question => "question",
            BlockKind::Answer => "answer",
            BlockKind::Bullet => "bullet",
            BlockKind::Caption => "caption",
            BlockKind::PullQuote => "pull_quote",
            BlockKind::Boilerplate => "boilerplate",
            BlockKind::Paragraph => "paragraph",
            BlockKind::Other => "other",
        }
    }

    /// False for captions, pull quotes and boilerplate: text that is not
    /// part of the running translation and that alignment may leave out.
    pub fn is_running_text(self) -> bool {
        !matches!(
            self,
            BlockKind::Caption | BlockKind::PullQuote | BlockKind::Boilerplate
        )
    }
}

/// The kind of structural marker stripped from the start of a block.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MarkerKind {
    /// `Q:`, `Q.`, `Question:`, `س:`, `سؤال:`.
    Question,
    /// `A:`, `Answer:`, `ج:`, `جواب:`.
    Answer,
    /// A bullet glyph (`-`, `–`, `•`, `*`, `·`, …).
    Bullet,
}

/// A structural marker, as it stands in the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Marker {
    /// What the marker announces.
    pub kind: MarkerKind,
    /// The marker text (`Q:`, `س :`, `•`).
    pub text: String,
    /// Byte span of the marker in the input.
    #[serde(serialize_with = "serialize_span")]
    pub span: Range<usize>,
}

/// One sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// 0-based index in document order (the index gold alignments and
    /// pair records use).
    pub index: usize,
    /// The text as it stands in the input, trimmed of spaces and
    /// invisible characters at both ends (inner characters are kept).
    pub text: String,
    /// Byte span of `text` in the input.
    #[serde(serialize_with = "serialize_span")]
    pub span: Range<usize>,
}

/// One block: a paragraph, question, bullet item, caption, … (one line of
/// the input, or one blank-line-separated paragraph when presegmented).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Block {
    /// 0-based index of the block in the document.
    pub index: usize,
    /// What the block is.
    pub kind: BlockKind,
    /// The role the block's pairs get: title, lead, question, answer or
    /// other. Bullets take the role of the section they sit in; datelines
    /// belong to the lead; captions, pull quotes, boilerplate and
    /// credits are `other`.
    pub role: Role,
    /// 0-based question/answer turn, for questions, answers and bullets
    /// inside answers.
    pub turn: Option<usize>,
    /// The structural marker stripped from the block's start, if any.
    pub marker: Option<Marker>,
    /// 1-based number of the block's first line in the input.
    pub line: usize,
    /// Byte span of the block's text (after the marker, trimmed).
    #[serde(serialize_with = "serialize_span")]
    pub span: Range<usize>,
    /// The block's sentences, in order.
    pub sentences: Vec<Sentence>,
}

/// Something odd in the input that did not stop segmentation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// 1-based line number.
    pub line: usize,
    /// What was odd.
    pub kind: DiagnosticKind,
}

/// The kinds of [`Diagnostic`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DiagnosticKind {
    /// An answer marker before any question.
    AnswerBeforeQuestion,
    /// A question or answer marker with no text after it or on the next
    /// line.
    MarkerWithoutText,
}

impl std::fmt::Display for DiagnosticKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            DiagnosticKind::AnswerBeforeQuestion => {
                "answer marker before any question"
            }
            DiagnosticKind::MarkerWithoutText => {
                "question or answer marker without text"
            }
        })
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.kind)
    }
}

/// Settings of [`Document::parse_with`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct SegmentOptions {
    /// The input has one sentence per line and blank lines between
    /// paragraphs: lines are not split, markers are not stripped.
    pub presegmented: bool,
}

impl SegmentOptions {
    /// Options for presegmented input.
    pub fn presegmented() -> SegmentOptions {
        SegmentOptions { presegmented: true }
    }
}

/// A segmented document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Document {
    /// The language the document was segmented as.
    pub lang: Lang,
    /// The blocks, in document order.
    pub blocks: Vec<Block>,
    /// Oddities met on the way.
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    /// Segments an interview (or any plain-text document) into blocks and
    /// sentences. Never fails: unusual input gives diagnostics.
    pub fn parse(text: &str, lang: Lang) -> Document {
        Document::parse_with(text, lang, &SegmentOptions::default())
    }

    /// Reads presegmented text: one sentence per line, a blank line
    /// between paragraphs. Each paragraph becomes one block of kind
    /// [`BlockKind::Paragraph`] (or [`BlockKind::Caption`] /
    /// [`BlockKind::Boilerplate`] when its lines are labelled so).
    pub fn from_presegmented(text: &str, lang: Lang) -> Document {
        Document::parse_with(text, lang, &SegmentOptions::presegmented())
    }

    /// [`Document::parse`] or [`Document::from_presegmented`], as the
    /// options say.
    pub fn parse_with(
        text: &str,
        lang: Lang,
        options: &SegmentOptions,
    ) -> Document {
        if options.presegmented {
            parse_presegmented(text, lang)
        } else {
            parse_structured(text, lang)
        }
    }

    /// All sentences, in order (their `index` is their position here).
    pub fn sentences(&self) -> impl Iterator<Item = &Sentence> {
        self.blocks.iter().flat_map(|block| block.sentences.iter())
    }

    /// The number of sentences.
    pub fn sentence_count(&self) -> usize {
        self.blocks.iter().map(|block| block.sentences.len()).sum()
    }

    /// The sentence with the given index.
    pub fn sentence(&self, index: usize) -> Option<&Sentence> {
        let block = self.block_of_sentence(index)?;
        let first = block.sentences.first()?.index;
        block.sentences.get(index.checked_sub(first)?)
    }

    /// The block holding the sentence with the given index.
    pub fn block_of_sentence(&self, index: usize) -> Option<&Block> {
        self.blocks.iter().find(|block| {
            block.sentences.last().is_some_and(|last| last.index >= index)
        })
    }
}

fn serialize_span<S: Serializer>(
    span: &Range<usize>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    [span.start, span.end].serialize(serializer)
}

/// A line of input: its 1-based number and byte range (line break
/// excluded, not trimmed).
#[derive(Clone, Copy, Debug)]
struct Line {
    number: usize,
    start: usize,
    end: usize,
}

/// The lines of `text`; `\r\n` counts as one line break.
fn lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Jump to the next byte that may start a line break.
        let Some(offset) = bytes.get(i..).and_then(|rest| {
            rest.iter().position(|&b| matches!(b, 0x0A..=0x0D | 0xC2 | 0xE2))
        }) else {
            break;
        };
        i += offset;
        match line_break_len(bytes, i) {
            Some(len) => {
                out.push(Line { number: out.len() + 1, start, end: i });
                i += len;
                start = i;
            }
            None => i += 1,
        }
    }
    if start < text.len() {
        out.push(Line { number: out.len() + 1, start, end: text.len() });
    }
    out
}

/// What a line is, from its own text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Question,
    Answer,
    Bullet,
    Caption,
    PullQuote,
    /// Wrapped in quotation marks: a pull quote if the quote repeats
    /// text from elsewhere (the inner range).
    Quoted(usize, usize),
    Boilerplate,
    Credit,
    Plain,
}

/// A non-empty line with its marker and class.
#[derive(Debug)]
struct Info {
    number: usize,
    marker: Option<Marker>,
    /// The content after the marker, trimmed.
    start: usize,
    end: usize,
    class: Class,
    /// The block kind, once decided.
    kind: Option<BlockKind>,
}

impl Info {
    fn content<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

fn classify(
    text: &str,
    lines: &[Line],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Info> {
    let mut infos: Vec<Info> = Vec::new();
    let mut pending: Option<(Marker, usize)> = None;
    for line in lines {
        let (start, end) = trim_range(text, line.start, line.end);
        if start >= end {
            continue;
        }
        let trimmed = text.get(start..end).unwrap_or("");
        let line_start = LineStart::new(trimmed);
        let found = line_marker(&line_start);
        let (marker, content_start) = match found {
            Some((kind, len)) => {
                let kind = match kind {
                    LineMarker::Question => MarkerKind::Question,
                    LineMarker::Answer => MarkerKind::Answer,
                    LineMarker::Bullet => MarkerKind::Bullet,
                };
                let marker = Marker {
                    kind,
                    text: trimmed.get(..len).unwrap_or("").to_string(),
                    span: start..start + len,
                };
                let (content_start, _) = trim_range(text, start + len, end);
                (Some(marker), content_start)
            }
            None => (None, start),
        };
        if content_start >= end {
            // A marker alone on its line announces the next line.
            if let Some(marker) = marker {
                if marker.kind != MarkerKind::Bullet {
                    if let Some((_, number)) = pending.take() {
                        diagnostics.push(Diagnostic {
                            line: number,
                            kind: DiagnosticKind::MarkerWithoutText,
                        });
                    }
                    pending = Some((marker, line.number));
                }
            }
            continue;
        }
        let (marker, number) = match (marker, pending.take()) {
            (None, Some((marker, number))) => (Some(marker), number),
            (marker, stale) => {
                if let Some((_, number)) = stale {
                    diagnostics.push(Diagnostic {
                        line: number,
                        kind: DiagnosticKind::MarkerWithoutText,
                    });
                }
                (marker, line.number)
            }
        };
        let class = match marker.as_ref().map(|m| m.kind) {
            Some(MarkerKind::Question) => Class::Question,
            Some(MarkerKind::Answer) => Class::Answer,
            Some(MarkerKind::Bullet) => Class::Bullet,
            // Without a marker, the content is the trimmed line.
            None => classify_unmarked(&line_start, content_start),
        };
        infos.push(Info {
            number,
            marker,
            start: content_start,
            end,
            class,
            kind: None,
        });
    }
    if let Some((_, number)) = pending {
        diagnostics.push(Diagnostic {
            line: number,
            kind: DiagnosticKind::MarkerWithoutText,
        });
    }
    infos
}

fn classify_unmarked(start: &LineStart<'_>, offset: usize) -> Class {
    let content = start.line();
    if is_caption(start) {
        Class::Caption
    } else if is_labelled_pull_quote(start) {
        Class::PullQuote
    } else if is_boilerplate(start) {
        Class::Boilerplate
    } else if is_credit(start) {
        Class::Credit
    } else if let Some((s, e)) = quoted_inner(content) {
        Class::Quoted(offset + s, offset + e)
    } else {
        Class::Plain
    }
}

/// The letters and digits of `text`, folded, for repeat detection.
fn match_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                key.push(c.to_ascii_lowercase());
            }
        } else if let Some(folded) = fold_arabic_char(c) {
            if is_arabic_letter(folded) {
                key.push(folded);
            } else if folded.is_alphanumeric() {
                key.extend(folded.to_lowercase());
            }
        }
    }
    key
}

/// True when the quoted text at `inner` repeats text of another line
/// (pieces separated by an ellipsis may come from different places).
fn repeats_elsewhere(
    text: &str,
    others: &[&str],
    inner: (usize, usize),
) -> bool {
    let quote = text.get(inner.0..inner.1).unwrap_or("");
    let mut longest = 0;
    for piece in quote.split('…').flat_map(|piece| piece.split("...")) {
        let key = match_key(piece);
        let n_chars = key.chars().count();
        if n_chars < 6 {
            continue;
        }
        longest = longest.max(n_chars);
        // Only lines holding the piece's longest word can repeat it: a
        // cheap filter before folding them.
        let anchor = piece
            .split(|c: char| !c.is_alphanumeric())
            .max_by_key(|word| word.len())
            .unwrap_or("");
        let found = others
            .iter()
            .filter(|other| other.contains(anchor))
            .any(|other| match_key(other).contains(key.as_str()));
        if !found {
            return false;
        }
    }
    longest >= 12
}

/// Where a line sits relative to the questions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Section {
    /// Before the first question of a Q/A document.
    Lead,
    /// Inside the answer to a question.
    Answer(Option<usize>),
    /// A document without questions.
    Plain,
}

fn parse_structured(text: &str, lang: Lang) -> Document {
    let mut diagnostics = Vec::new();
    let all_lines = lines(text);
    let mut infos = classify(text, &all_lines, &mut diagnostics);
    let has_qa = infos.iter().any(|info| info.class == Class::Question);

    // Pull quotes: quoted lines that repeat text from elsewhere.
    if infos.iter().any(|info| matches!(info.class, Class::Quoted(..))) {
        let others: Vec<&str> = infos
            .iter()
            .filter(|info| !matches!(info.class, Class::Quoted(..)))
            .map(|info| info.content(text))
            .collect();
        for (i, info) in infos.iter_mut().enumerate() {
            if let Class::Quoted(s, e) = info.class {
                info.class =
                    if i > 0 && repeats_elsewhere(text, &others, (s, e)) {
                        Class::PullQuote
                    } else {
                        Class::Plain
                    };
            }
        }
    }

    let mut body_start = 0;
    // Title: the first line, when it reads like one (and, without
    // questions, when more text follows it).
    let n_lines = infos.len();
    if let Some(first) = infos.first_mut() {
        let content = first.content(text);
        let title_like = matches!(first.class, Class::Plain | Class::Credit)
            && (has_qa || n_lines > 1 && is_short_unterminated(content));
        if title_like && first.marker.is_none() {
            first.kind = Some(BlockKind::Title);
            body_start = 1;
        }
    }
    // Datelines, bylines and the site line under the title.
    if body_start == 1 {
        let header_end = infos.len().min(4);
        let mut k = 1;
        while k < header_end {
            let Some(info) = infos.get(k) else { break };
            if !matches!(info.class, Class::Plain | Class::Credit) {
                break;
            }
            let content = info.content(text);
            let kind = if is_dateline(content) {
                BlockKind::Dateline
            } else if is_byline(content)
                || is_short_unterminated(content)
                    && infos.get(k + 1..header_end).is_some_and(|rest| {
                        rest.iter().any(|next| is_dateline(next.content(text)))
                    })
            {
                BlockKind::Other
            } else {
                break;
            };
            if let Some(info) = infos.get_mut(k) {
                info.kind = Some(kind);
            }
            k += 1;
        }
        body_start = k;
    }

    // Boilerplate at the end: labelled lines, and short unterminated
    // lines (link titles) between them.
    let mut tail_start = infos.len();
    let mut k = infos.len();
    while k > body_start {
        k -= 1;
        let Some(info) = infos.get(k) else { break };
        match info.class {
            Class::Boilerplate => tail_start = k,
            Class::Credit => {}
            Class::Plain | Class::Bullet
                if is_short_unterminated(info.content(text)) => {}
            _ => break,
        }
    }
    for info in infos.iter_mut().skip(tail_start) {
        if matches!(info.class, Class::Plain | Class::Bullet) {
            info.class = Class::Boilerplate;
        }
    }

    let mut section = if has_qa { Section::Lead } else { Section::Plain };
    let mut n_turns = 0;
    let mut blocks = Vec::with_capacity(infos.len());
    let mut n_sentences = 0;
    let mut ranges = Vec::new();
    let mut after_see_also = false;
    for info in infos {
        let class = if after_see_also
            && matches!(info.class, Class::Plain | Class::Bullet)
            && is_short_unterminated(info.content(text))
        {
            Class::Boilerplate
        } else {
            info.class
        };
        // A link list: "Read more:" and the titles under it.
        after_see_also = class == Class::Boilerplate
            && (after_see_also
                || info.content(text).trim_end().ends_with([':', '：']));
        let (kind, role, turn) = match (info.kind, class) {
            (Some(kind @ BlockKind::Title), _) => (kind, Role::Title, None),
            (Some(kind @ BlockKind::Dateline), _) => (kind, Role::Lead, None),
            (Some(kind), _) => (kind, Role::Other, None),
            (None, Class::Question) => {
                let turn = n_turns;
                n_turns += 1;
                section = Section::Answer(Some(turn));
                (BlockKind::Question, Role::Question, Some(turn))
            }
            (None, Class::Answer) => {
                let turn = match section {
                    Section::Answer(turn) => turn,
                    Section::Lead | Section::Plain => {
                        diagnostics.push(Diagnostic {
                            line: info.number,
                            kind: DiagnosticKind::AnswerBeforeQuestion,
                        });
                        None
                    }
                };
                section = Section::Answer(turn);
                (BlockKind::Answer, Role::Answer, turn)
            }
            (None, Class::Bullet) => match section {
                Section::Lead => (BlockKind::Bullet, Role::Lead, None),
                Section::Answer(turn) => {
                    (BlockKind::Bullet, Role::Answer, turn)
                }
                Section::Plain => (BlockKind::Bullet, Role::Other, None),
            },
            (None, Class::Caption) => (BlockKind::Caption, Role::Other, None),
            (None, Class::PullQuote) => {
                (BlockKind::PullQuote, Role::Other, None)
            }
            (None, Class::Boilerplate) => {
                (BlockKind::Boilerplate, Role::Other, None)
            }
            (None, Class::Credit) => (BlockKind::Other, Role::Other, None),
            (None, Class::Plain | Class::Quoted(..)) => match section {
                Section::Lead => (BlockKind::Lead, Role::Lead, None),
                Section::Answer(turn) => {
                    (BlockKind::Answer, Role::Answer, turn)
                }
                Section::Plain => (BlockKind::Paragraph, Role::Other, None),
            },
        };
        ranges.clear();
        if matches!(kind, BlockKind::Title | BlockKind::Dateline) {
            // A headline or dateline is one unit, whatever punctuation it
            // carries (`… ولا تنتهي بالترخيص`, `Sept. 3 —`).
            ranges.push(info.start..info.end);
        } else {
            split_line_into(text, info.start, info.end, lang, &mut ranges);
        }
        let sentences = ranges
            .iter()
            .map(|range| {
                let sentence = Sentence {
                    index: n_sentences,
                    text: text.get(range.clone()).unwrap_or("").to_string(),
                    span: range.clone(),
                };
                n_sentences += 1;
                sentence
            })
            .collect();
        blocks.push(Block {
            index: blocks.len(),
            kind,
            role,
            turn,
            marker: info.marker,
            line: info.number,
            span: info.start..info.end,
            sentences,
        });
    }
    diagnostics.sort_by_key(|diagnostic| diagnostic.line);
    Document { lang, blocks, diagnostics }
}

fn parse_presegmented(text: &str, lang: Lang) -> Document {
    let mut blocks: Vec<Block> = Vec::new();
    let mut n_sentences = 0;
    let mut open = false;
    for line in lines(text) {
        let (start, end) = trim_range(text, line.start, line.end);
        if start >= end {
            open = false;
            continue;
        }
        let content = text.get(start..end).unwrap_or("");
        let sentence = Sentence {
            index: n_sentences,
            text: content.to_string(),
            span: start..end,
        };
        n_sentences += 1;
        let start_of_line = LineStart::new(content);
        let kind = if is_caption(&start_of_line) {
            BlockKind::Caption
        } else if is_boilerplate(&start_of_line) {
            BlockKind::Boilerplate
        } else {
            BlockKind::Paragraph
        };
        match blocks.last_mut() {
            Some(block) if open => {
                if block.kind != kind {
                    block.kind = BlockKind::Paragraph;
                }
                block.span.end = end;
                block.sentences.push(sentence);
            }
            _ => {
                blocks.push(Block {
                    index: blocks.len(),
                    kind,
                    role: Role::Other,
                    turn: None,
                    marker: None,
                    line: line.number,
                    span: start..end,
                    sentences: vec![sentence],
                });
                open = true;
            }
        }
    }
    Document { lang, blocks, diagnostics: Vec::new() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(doc: &Document) -> Vec<BlockKind> {
        doc.blocks.iter().map(|b| b.kind).collect()
    }

    fn texts(doc: &Document) -> Vec<&str> {
        doc.sentences().map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn arabic_interview_with_messy_characters() {
        let text = "\u{FEFF}مدير المياه: المحطات تعمل بنصف طاقتها\r\n\
                    دير الزور - ٣ أيلول ٢٠٢٤\r\n\
                    \r\n\
                    قال المدير إن المحطات تعمل.\u{00A0}\u{00A0}الصهاريج تسد العجز.\r\n\
                    \u{200B}س\u{00A0}: ما الوضع؟\r\n\
                    ج: سيئ.هل تريد التفاصيل؟ نعم، طبعاً.\r\n\
                    • المضخات قديمة.\r\n\
                    «المضخات قديمة»\r\n\
                    الصورة: صهريج ماء\r\n\
                    سؤال: والكهرباء؟\r\n\
                    تأتي ساعتين…لا أكثر.\r\n\
                    اقرأ أيضاً:\r\n\
                    أسعار الخبز في الميادين\r\n\
                    جميع الحقوق محفوظة © ٢٠٢٤";
        let doc = Document::parse(text, Lang::Ar);
        assert_eq!(
            kinds(&doc),
            [
                BlockKind::Title,
                BlockKind::Dateline,
                BlockKind::Lead,
                BlockKind::Question,
                BlockKind::Answer,
                BlockKind::Bullet,
                BlockKind::PullQuote,
                BlockKind::Caption,
                BlockKind::Question,
                BlockKind::Answer,
                BlockKind::Boilerplate,
                BlockKind::Boilerplate,
                BlockKind::Boilerplate,
            ]
        );
        assert_eq!(
            texts(&doc)[2..9],
            [
                "قال المدير إن المحطات تعمل.",
                "الصهاريج تسد العجز.",
                "ما الوضع؟",
                "سيئ.",
                "هل تريد التفاصيل؟",
                "نعم، طبعاً.",
                "المضخات قديمة.",
            ]
        );
        let question = &doc.blocks[3];
        assert_eq!(
            question.marker.as_ref().unwrap().text,
            "\u{200B}س\u{00A0}:"
        );
        assert_eq!(question.turn, Some(0));
        assert_eq!(doc.blocks[5].role, Role::Answer);
        assert_eq!(doc.blocks[5].turn, Some(0));
        assert_eq!(doc.blocks[9].turn, Some(1));
        assert_eq!(doc.blocks[6].role, Role::Other);
        for sentence in doc.sentences() {
            assert_eq!(&text[sentence.span.clone()], sentence.text);
        }
        assert!(doc.diagnostics.is_empty());
    }

    #[test]
    fn quoted_line_that_repeats_nothing_is_running_text() {
        let text = "Title\nQ: Why?\n“We stay because this is home.”\n";
        let doc = Document::parse(text, Lang::En);
        assert_eq!(
            kinds(&doc),
            [BlockKind::Title, BlockKind::Question, BlockKind::Answer]
        );
        let text = "Title\nQ: Why?\nWe stay because this is home.\n\
                    \"We stay because this is home\"\n";
        let doc = Document::parse(text, Lang::En);
        assert_eq!(doc.blocks[3].kind, BlockKind::PullQuote);
        assert!(!doc.blocks[3].kind.is_running_text());
    }

    #[test]
    fn plain_paragraphs_without_questions() {
        let text = "The council met on Monday. It approved the budget.\n\n\
                    Residents welcomed it.\n";
        let doc = Document::parse(text, Lang::En);
        assert_eq!(kinds(&doc), [BlockKind::Paragraph, BlockKind::Paragraph]);
        assert_eq!(doc.sentence_count(), 3);
        assert_eq!(doc.blocks[0].role, Role::Other);
        let doc =
            Document::parse("A short headline\nBody text. More.", Lang::En);
        assert_eq!(kinds(&doc), [BlockKind::Title, BlockKind::Paragraph]);
    }

    #[test]
    fn marker_alone_on_its_line_and_stray_answers() {
        let text = "Title\nA: too early.\nQ:\nWhat now?\nA:\n";
        let doc = Document::parse(text, Lang::En);
        assert_eq!(
            kinds(&doc),
            [BlockKind::Title, BlockKind::Answer, BlockKind::Question]
        );
        let question = &doc.blocks[2];
        assert_eq!(question.line, 3);
        assert_eq!(question.sentences[0].text, "What now?");
        assert_eq!(
            doc.diagnostics,
            [
                Diagnostic {
                    line: 2,
                    kind: DiagnosticKind::AnswerBeforeQuestion
                },
                Diagnostic {
                    line: 5,
                    kind: DiagnosticKind::MarkerWithoutText
                },
            ]
        );
    }

    #[test]
    fn presegmented_lines_are_sentences() {
        let text =
            "\u{FEFF}One. Two.\r\n  Three?\r\n\r\n\r\nPhoto: a pump\nFour\n";
        let doc = Document::from_presegmented(text, Lang::En);
        assert_eq!(
            texts(&doc),
            ["One. Two.", "Three?", "Photo: a pump", "Four"]
        );
        assert_eq!(kinds(&doc), [BlockKind::Paragraph, BlockKind::Paragraph]);
        assert_eq!(doc.blocks[1].line, 5);
        assert_eq!(doc.sentence(2).unwrap().text, "Photo: a pump");
        assert_eq!(doc.block_of_sentence(3).unwrap().index, 1);
        assert!(doc.sentence(4).is_none());
        let doc = Document::from_presegmented("Photo: a pump\n", Lang::En);
        assert_eq!(kinds(&doc), [BlockKind::Caption]);
    }

    #[test]
    fn odd_inputs_never_panic() {
        let inputs = [
            "",
            "\u{FEFF}",
            "\r\n\r\n",
            "Q:",
            "س:",
            "- ",
            "•",
            "“",
            "«»",
            "\u{2028}\u{2029}\u{0085}",
            "Title\n\"\"\n",
            "A:\nQ:\n",
            "© ",
            "\u{200B}\u{200B}",
            "x\ry\r\nz",
            "[(.",
            "“.”",
        ];
        for input in inputs {
            for lang in [Lang::Ar, Lang::En, Lang::Generic] {
                for options in
                    [SegmentOptions::default(), SegmentOptions::presegmented()]
                {
                    let doc = Document::parse_with(input, lang, &options);
                    for (i, sentence) in doc.sentences().enumerate() {
                        assert_eq!(sentence.index, i);
                        assert_eq!(
                            input.get(sentence.span.clone()),
                            Some(sentence.text.as_str())
                        );
                        assert!(!sentence.text.is_empty());
                    }
                }
            }
        }
    }

    #[test]
    fn json_shape() {
        let doc = Document::parse("T\nQ: Why?\n", Lang::En);
        let json = serde_json::to_string(&doc.blocks[1]).unwrap();
        assert_eq!(
            json,
            r#"{"index":1,"kind":"question","role":"question","turn":0,"marker":{"kind":"question","text":"Q:","span":[2,4]},"line":2,"span":[5,9],"sentences":[{"index":1,"text":"Why?","span":[5,9]}]}"#
        );
    }
}
