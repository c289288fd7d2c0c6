//! XML plumbing shared by TMX and XLIFF: escaping for the writers, and a
//! hardened streaming reader that refuses DTDs and unknown entities and
//! knows the line it is on.

use std::borrow::Cow;
use std::io::{self, BufRead, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesRef, BytesStart, Event};

use crate::WriteStats;
use crate::error::ExportError;
use crate::meta::is_xml_char;

/// Removes characters that XML 1.0 does not allow; returns the cleaned
/// text and how many characters were removed.
pub(crate) fn strip_illegal(text: &str) -> (Cow<'_, str>, u64) {
    if text.chars().all(is_xml_char) {
        return (Cow::Borrowed(text), 0);
    }
    let mut removed = 0;
    let clean: String = text
        .chars()
        .filter(|&c| {
            let keep = is_xml_char(c);
            if !keep {
                removed += 1;
            }
            keep
        })
        .collect();
    (Cow::Owned(clean), removed)
}

/// Escapes element content. `\r` becomes `&#13;` because XML parsers turn
/// a literal carriage return into a newline.
pub(crate) fn escape_text(text: &str, out: &mut String) {
    escape(text, false, out);
}

/// Escapes an attribute value written between double quotes. Tab, LF and
/// CR become character references, since attribute-value normalization
/// would turn the literal characters into spaces.
pub(crate) fn escape_attr(text: &str, out: &mut String) {
    escape(text, true, out);
}

/// [`escape_text`], and with `attr` also `"`, tab and LF.
fn escape(text: &str, attr: bool, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            '"' if attr => out.push_str("&quot;"),
            '\t' if attr => out.push_str("&#9;"),
            '\n' if attr => out.push_str("&#10;"),
            c => out.push(c),
        }
    }
}

/// Appends `text` as element content: characters XML does not allow are
/// removed (and counted in `stats`), the rest escaped.
pub(crate) fn push_text(text: &str, stats: &mut WriteStats, out: &mut String) {
    let (text, removed) = strip_illegal(text);
    stats.illegal_xml_chars_removed += removed;
    escape_text(&text, out);
}

/// The next item of a reader whose `next_pair` gave `result`; `done` is
/// set at the end and after an error, so that the reader stops there.
pub(crate) fn fuse<T>(
    result: Result<Option<T>, ExportError>,
    done: &mut bool,
) -> Option<Result<T, ExportError>> {
    let item = result.transpose();
    *done = !matches!(item, Some(Ok(_)));
    item
}

/// A `BufRead` that counts the newlines its reader has consumed, so that
/// errors can name a line.
#[derive(Debug)]
pub(crate) struct LineCounter<R> {
    inner: R,
    newlines: u64,
}

impl<R: BufRead> Read for LineCounter<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let read = buf.get(..n).unwrap_or(&[]);
        self.newlines += read.iter().filter(|&&b| b == b'\n').count() as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for LineCounter<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        // The buffer is already filled, so this does no I/O.
        if let Ok(buf) = self.inner.fill_buf() {
            let used = buf.get(..amt).unwrap_or(buf);
            self.newlines +=
                used.iter().filter(|&&b| b == b'\n').count() as u64;
        }
        self.inner.consume(amt);
    }
}

/// A streaming XML reader with a reused event buffer.
#[derive(Debug)]
pub(crate) struct XmlInput<R> {
    reader: Reader<LineCounter<R>>,
    buf: Vec<u8>,
}

/// An owned, simplified event: what the TMX and XLIFF readers need.
#[derive(Debug)]
pub(crate) enum XmlEvent {
    /// A start tag (empty elements come as a start and an end).
    Start { name: String, attrs: Vec<(String, String)> },
    /// An end tag.
    End { name: String },
    /// Character data, with references resolved.
    Text(String),
    /// End of input.
    Eof,
}

fn local(name: &str) -> String {
    match name.rsplit_once(':') {
        Some((_, local)) => local.to_string(),
        None => name.to_string(),
    }
}

fn resolve_ref(reference: &BytesRef<'_>) -> Result<String, ExportError> {
    if reference.is_char_ref() {
        return match reference.resolve_char_ref() {
            Ok(Some(c)) if is_xml_char(c) => Ok(c.to_string()),
            Ok(_) | Err(_) => Err(ExportError::xml(format!(
                "bad character reference &{};",
                &**reference
            ))),
        };
    }
    match quick_xml::escape::resolve_predefined_entity(reference) {
        Some(text) => Ok(text.to_string()),
        None => Err(ExportError::refused(format!(
            "entity reference &{}; (only the five predefined XML entities \
             and character references are accepted)",
            &**reference
        ))),
    }
}

fn attributes(
    start: &BytesStart<'_>,
) -> Result<Vec<(String, String)>, ExportError> {
    let mut attrs = Vec::new();
    for attr in start.attributes() {
        let attr = attr.map_err(ExportError::xml)?;
        let key = attr.key.as_ref().to_string();
        let value = attr
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|err| match err {
                quick_xml::Error::Escape(err) => {
                    ExportError::refused(format!(
                        "in attribute {key}: {err} (entities are not expanded)"
                    ))
                }
                other => ExportError::xml(other),
            })?;
        attrs.push((key, value.into_owned()));
    }
    Ok(attrs)
}

impl<R: BufRead> XmlInput<R> {
    pub(crate) fn new(input: R) -> XmlInput<R> {
        let mut reader =
            Reader::from_reader(LineCounter { inner: input, newlines: 0 });
        let config = reader.config_mut();
        config.expand_empty_elements = true;
        config.check_end_names = true;
        config.trim_text(false);
        XmlInput { reader, buf: Vec::with_capacity(1024) }
    }

    /// The 1-based line the reader has reached.
    pub(crate) fn line(&self) -> u64 {
        self.reader.get_ref().newlines + 1
    }

    /// The next event; DTDs are refused, references resolved.
    pub(crate) fn next(&mut self) -> Result<XmlEvent, ExportError> {
        loop {
            self.buf.clear();
            let start_line = self.line();
            let event =
                self.reader.read_event_into(&mut self.buf).map_err(|err| {
                    match err {
                        quick_xml::Error::Io(io) => ExportError::io(
                            io::Error::new(io.kind(), io.to_string()),
                        ),
                        other => ExportError::xml(other),
                    }
                });
            let event = match event {
                Ok(event) => event,
                Err(err) => {
                    let line = self.line();
                    return Err(err.at_line(line));
                }
            };
            let result = match event {
                Event::Start(start) => {
                    attributes(&start).map(|attrs| XmlEvent::Start {
                        name: local(start.name().as_ref()),
                        attrs,
                    })
                }
                Event::End(end) => {
                    Ok(XmlEvent::End { name: local(end.name().as_ref()) })
                }
                Event::Text(text) => {
                    Ok(XmlEvent::Text(text.xml10_content().into_owned()))
                }
                Event::CData(data) => {
                    Ok(XmlEvent::Text(data.xml10_content().into_owned()))
                }
                Event::GeneralRef(reference) => {
                    resolve_ref(&reference).map(XmlEvent::Text)
                }
                Event::DocType(_) => Err(ExportError::refused(
                    "document type declaration (<!DOCTYPE …>): DTDs and \
                     entity declarations are not read, to rule out entity \
                     expansion and external entities",
                )),
                Event::Eof => Ok(XmlEvent::Eof),
                Event::Empty(_)
                | Event::Comment(_)
                | Event::Decl(_)
                | Event::PI(_) => continue,
            };
            // Refusals name the line where the construct starts.
            return result.map_err(|err| err.at_line(start_line));
        }
    }
}

/// The value of attribute `name` (matched on its full name, such as
/// `xml:lang`).
pub(crate) fn attr<'a>(
    attrs: &'a [(String, String)],
    name: &str,
) -> Option<&'a str> {
    attrs.iter().find(|(key, _)| key == name).map(|(_, value)| value.as_str())
}

/// The primary subtag of a language tag, lowercased: `ar-SA` → `ar`.
pub(crate) fn primary_subtag(tag: &str) -> String {
    tag.split(['-', '_']).next().unwrap_or("").trim().to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_and_counts_illegal_characters() {
        let (clean, n) = strip_illegal("a\u{0}b\u{1B}c\u{FFFF}\td");
        assert_eq!(clean, "abc\td");
        assert_eq!(n, 3);
        assert_eq!(strip_illegal("نعم").1, 0);
    }

    #[test]
    fn escapes() {
        let mut out = String::new();
        escape_text("a<b>&c\r\n\"'", &mut out);
        assert_eq!(out, "a&lt;b&gt;&amp;c&#13;\n\"'");
        out.clear();
        escape_attr("x\"y\t\n", &mut out);
        assert_eq!(out, "x&quot;y&#9;&#10;");
    }

    #[test]
    fn counts_lines() {
        let mut input = XmlInput::new("<a>\n\n<b/>\n</a>".as_bytes());
        let mut names = Vec::new();
        loop {
            match input.next().unwrap() {
                XmlEvent::Start { name, .. } => {
                    names.push((name, input.line()))
                }
                XmlEvent::Eof => break,
                _ => {}
            }
        }
        assert_eq!(names, [("a".to_string(), 1), ("b".to_string(), 3)]);
    }
}
