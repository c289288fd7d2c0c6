//! XLIFF 2.0 bilingual files for review in CAT tools: one `<unit>` per
//! pair, with the metadata in `<notes>` (categories `id`, `doc`, `block`,
//! `role`, `score`, `idx-LANG`, `flag`).
//!
//! The reader also accepts XLIFF 1.2 (`<trans-unit>`, `source-language`
//! and `target-language` on `<file>`), so files that CAT tools send back
//! can be read again.

use std::io::{BufRead, Write};

use tarjama_record::{PairRecordV1, pair_id};

use crate::error::ExportError;
use crate::meta;
use crate::xml::{self, XmlEvent, XmlInput};
use crate::{FormatOptions, PairWriter, WriteStats};

/// Writes an XLIFF 2.0 document with one `<file>`.
#[derive(Debug)]
pub struct XliffWriter<W: Write> {
    out: W,
    src_lang: String,
    tgt_lang: String,
    n_units: u64,
    buf: String,
    stats: WriteStats,
}

impl<W: Write> XliffWriter<W> {
    /// Writes the XML declaration and opens `<xliff>` and `<file>`.
    pub fn new(
        mut out: W,
        options: &FormatOptions,
    ) -> Result<XliffWriter<W>, ExportError> {
        let mut head = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff \
             xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" \
             version=\"2.0\" srcLang=\"",
        );
        xml::escape_attr(&options.src_lang, &mut head);
        head.push_str("\" trgLang=\"");
        xml::escape_attr(&options.tgt_lang, &mut head);
        head.push_str("\">\n  <file id=\"f1\" original=\"tarjama\">\n");
        out.write_all(head.as_bytes())?;
        Ok(XliffWriter {
            out,
            src_lang: options.src_lang.clone(),
            tgt_lang: options.tgt_lang.clone(),
            n_units: 0,
            buf: String::with_capacity(1024),
            stats: WriteStats::default(),
        })
    }

    fn note(&mut self, category: &str, value: &str) {
        self.buf.push_str("        <note category=\"");
        xml::escape_attr(category, &mut self.buf);
        self.buf.push_str("\">");
        xml::push_text(value, &mut self.stats, &mut self.buf);
        self.buf.push_str("</note>\n");
    }

    fn text_element(&mut self, name: &str, text: &str) {
        self.buf.push_str("        <");
        self.buf.push_str(name);
        self.buf.push_str(" xml:space=\"preserve\">");
        xml::push_text(text, &mut self.stats, &mut self.buf);
        self.buf.push_str("</");
        self.buf.push_str(name);
        self.buf.push_str(">\n");
    }
}

impl<W: Write> PairWriter for XliffWriter<W> {
    fn write_pair(&mut self, pair: &PairRecordV1) -> Result<(), ExportError> {
        self.n_units += 1;
        self.buf.clear();
        self.buf.push_str("    <unit id=\"u");
        self.buf.push_str(&self.n_units.to_string());
        self.buf.push_str("\">\n      <notes>\n");
        self.note("id", &pair.id);
        meta::for_each_field(pair, |name, value| self.note(name, value));
        self.buf.push_str("      </notes>\n      <segment>\n");
        let src_lang = self.src_lang.clone();
        let tgt_lang = self.tgt_lang.clone();
        let (src, tgt) = meta::sides(pair, &src_lang, &tgt_lang);
        self.text_element("source", src);
        self.text_element("target", tgt);
        self.buf.push_str("      </segment>\n    </unit>\n");
        self.out.write_all(self.buf.as_bytes())?;
        Ok(())
    }

    fn finish(&mut self) -> Result<(), ExportError> {
        self.out.write_all(b"  </file>\n</xliff>\n")?;
        self.out.flush()?;
        Ok(())
    }

    fn stats(&self) -> WriteStats {
        self.stats
    }
}

/// Inline elements whose content is native code, not text (XLIFF 1.2).
const CODE_ELEMENTS: [&str; 4] = ["bpt", "ept", "ph", "it"];

/// Reads the units of an XLIFF 2.0 (or 1.2) document one at a time.
///
/// Source and target text of all segments of a unit are joined. Text in
/// `<pc>`, `<mrk>` and `<g>` is kept, `<cp hex="…"/>` gives its
/// character, and the content of the 1.2 code elements (`<bpt>`, `<ept>`,
/// `<ph>`, `<it>`) is dropped. DTDs and entities are refused as in TMX.
#[derive(Debug)]
pub struct XliffReader<R: BufRead> {
    input: XmlInput<R>,
    options: FormatOptions,
    src_lang: Option<String>,
    tgt_lang: Option<String>,
    seen_root: bool,
    done: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum Capture {
    Nothing,
    Source,
    Target,
    Note,
}

impl<R: BufRead> XliffReader<R> {
    /// A reader on `input`.
    pub fn new(input: R, options: &FormatOptions) -> XliffReader<R> {
        XliffReader {
            input: XmlInput::new(input),
            options: options.clone(),
            src_lang: None,
            tgt_lang: None,
            seen_root: false,
            done: false,
        }
    }

    fn read_unit(
        &mut self,
        unit_name: &str,
        attrs: &[(String, String)],
    ) -> Result<PairRecordV1, ExportError> {
        let unit_line = self.input.line();
        let unit_id = xml::attr(attrs, "id").unwrap_or("").to_string();
        let mut notes: Vec<(String, String)> = Vec::new();
        let mut note_category = String::new();
        let mut source = String::new();
        let mut target = String::new();
        let mut note = String::new();
        let mut capture = Capture::Nothing;
        let mut code_depth = 0usize;
        let mut alt_depth = 0usize;
        loop {
            match self.input.next()? {
                XmlEvent::Start { name, attrs } => {
                    if capture == Capture::Source || capture == Capture::Target
                    {
                        if CODE_ELEMENTS.contains(&name.as_str()) {
                            code_depth += 1;
                        } else if name == "cp" && code_depth == 0 {
                            let c = xml::attr(&attrs, "hex")
                                .and_then(|h| u32::from_str_radix(h, 16).ok())
                                .and_then(char::from_u32);
                            let Some(c) = c else {
                                return Err(ExportError::xml(
                                    "<cp> without a valid hex attribute",
                                )
                                .at_line(self.input.line()));
                            };
                            let text = if capture == Capture::Source {
                                &mut source
                            } else {
                                &mut target
                            };
                            text.push(c);
                        }
                        continue;
                    }
                    match name.as_str() {
                        // XLIFF 1.2 alternatives (`<alt-trans>`) have their
                        // own source and target: not the unit's text.
                        "alt-trans" => alt_depth += 1,
                        _ if alt_depth > 0 => {}
                        "source" => capture = Capture::Source,
                        "target" => capture = Capture::Target,
                        "note" => {
                            capture = Capture::Note;
                            note.clear();
                            note_category = xml::attr(&attrs, "category")
                                .or_else(|| xml::attr(&attrs, "from"))
                                .unwrap_or("")
                                .to_string();
                        }
                        "unit" | "trans-unit" => {
                            return Err(ExportError::xml(format!(
                                "<{name}> inside <{unit_name}>"
                            ))
                            .at_line(self.input.line()));
                        }
                        _ => {}
                    }
                }
                XmlEvent::End { name } => {
                    let closes = match capture {
                        Capture::Source => name == "source",
                        Capture::Target => name == "target",
                        Capture::Note => name == "note",
                        Capture::Nothing => false,
                    };
                    if closes {
                        if capture == Capture::Note {
                            notes.push((
                                std::mem::take(&mut note_category),
                                std::mem::take(&mut note),
                            ));
                        }
                        capture = Capture::Nothing;
                    } else if CODE_ELEMENTS.contains(&name.as_str()) {
                        code_depth = code_depth.saturating_sub(1);
                    } else if name == "alt-trans" {
                        alt_depth = alt_depth.saturating_sub(1);
                    } else if name == unit_name {
                        break;
                    }
                }
                XmlEvent::Text(chunk) => match capture {
                    Capture::Source if code_depth == 0 => {
                        source.push_str(&chunk)
                    }
                    Capture::Target if code_depth == 0 => {
                        target.push_str(&chunk)
                    }
                    Capture::Note => note.push_str(&chunk),
                    _ => {}
                },
                XmlEvent::Eof => {
                    return Err(ExportError::xml(format!(
                        "the file ends inside a <{unit_name}> (truncated?)"
                    ))
                    .at_line(self.input.line()));
                }
            }
        }
        self.build(unit_id, notes, source, target)
            .map_err(|err| err.at_line(unit_line))
    }

    fn build(
        &self,
        unit_id: String,
        notes: Vec<(String, String)>,
        source: String,
        target: String,
    ) -> Result<PairRecordV1, ExportError> {
        let src_lang = self
            .src_lang
            .clone()
            .unwrap_or_else(|| self.options.src_lang.clone());
        let tgt_lang = self
            .tgt_lang
            .clone()
            .unwrap_or_else(|| self.options.tgt_lang.clone());
        let mut pair = meta::new_pair(&src_lang, source, &tgt_lang, target);
        let mut id = None;
        for (category, value) in notes {
            if category == "id" {
                id = Some(value);
            } else {
                meta::set_field(&mut pair, &category, &value)?;
            }
        }
        pair.id = match id {
            Some(id) if !id.is_empty() => id,
            Some(_) if !pair.idx.is_empty() => pair_id(&pair.doc, &pair.idx),
            Some(_) => String::new(),
            None => unit_id,
        };
        Ok(pair)
    }

    fn next_pair(&mut self) -> Result<Option<PairRecordV1>, ExportError> {
        loop {
            match self.input.next()? {
                XmlEvent::Start { name, attrs } => match name.as_str() {
                    "xliff" => {
                        self.seen_root = true;
                        let lang = |key| {
                            xml::attr(&attrs, key).map(xml::primary_subtag)
                        };
                        self.src_lang = lang("srcLang");
                        self.tgt_lang = lang("trgLang");
                    }
                    "file" => {
                        let lang = |key| {
                            xml::attr(&attrs, key).map(xml::primary_subtag)
                        };
                        if let Some(src) = lang("source-language") {
                            self.src_lang = Some(src);
                        }
                        if let Some(tgt) = lang("target-language") {
                            self.tgt_lang = Some(tgt);
                        }
                    }
                    "unit" | "trans-unit" => {
                        return self.read_unit(&name, &attrs).map(Some);
                    }
                    _ => {}
                },
                XmlEvent::End { .. } | XmlEvent::Text(_) => {}
                XmlEvent::Eof => {
                    if !self.seen_root {
                        return Err(ExportError::xml(
                            "no <xliff> element: not an XLIFF file",
                        )
                        .at_line(self.input.line()));
                    }
                    return Ok(None);
                }
            }
        }
    }
}

impl<R: BufRead> Iterator for XliffReader<R> {
    type Item = Result<PairRecordV1, ExportError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        xml::fuse(self.next_pair(), &mut self.done)
    }
}
