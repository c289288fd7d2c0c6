//! TMX 1.4b translation memories: a writer with a full header and one
//! `<tu>` per pair, and a streaming reader.
//!
//! Metadata travels in `<prop>` elements: `x-doc`, `x-block`, `x-role`,
//! `x-score`, `x-idx-LANG` (one per language) and `x-flag` (one per
//! flag); the record id is the `tuid`.

use std::io::{BufRead, Write};

use tarjama_record::{PairRecordV1, pair_id};

use crate::error::ExportError;
use crate::meta;
use crate::xml::{self, XmlEvent, XmlInput};
use crate::{FormatOptions, PairWriter, WriteStats};

/// Writes a TMX 1.4b document.
#[derive(Debug)]
pub struct TmxWriter<W: Write> {
    out: W,
    src_lang: String,
    tgt_lang: String,
    creation_date: Option<String>,
    buf: String,
    stats: WriteStats,
}

impl<W: Write> TmxWriter<W> {
    /// Writes the XML declaration, the `<header>` and opens `<body>`.
    pub fn new(
        mut out: W,
        options: &FormatOptions,
    ) -> Result<TmxWriter<W>, ExportError> {
        let mut head = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n",
        );
        head.push_str(
            "  <header creationtool=\"tarjama\" creationtoolversion=\"",
        );
        xml::escape_attr(&options.tool_version, &mut head);
        head.push_str(
            "\" segtype=\"sentence\" o-tmf=\"tarjama-jsonl\" adminlang=\"en\" \
             srclang=\"",
        );
        xml::escape_attr(&options.src_lang, &mut head);
        head.push_str("\" datatype=\"plaintext\"");
        if let Some(date) = &options.creation_date {
            head.push_str(" creationdate=\"");
            xml::escape_attr(date, &mut head);
            head.push('"');
        }
        head.push_str("/>\n  <body>\n");
        out.write_all(head.as_bytes())?;
        Ok(TmxWriter {
            out,
            src_lang: options.src_lang.clone(),
            tgt_lang: options.tgt_lang.clone(),
            creation_date: options.creation_date.clone(),
            buf: String::with_capacity(1024),
            stats: WriteStats::default(),
        })
    }

    /// A `<prop>` of type `x-NAME`.
    fn prop(&mut self, name: &str, value: &str) {
        self.buf.push_str("      <prop type=\"x-");
        self.buf.push_str(name);
        self.buf.push_str("\">");
        xml::push_text(value, &mut self.stats, &mut self.buf);
        self.buf.push_str("</prop>\n");
    }

    fn tuv(&mut self, lang: &str, segment: &str) {
        self.buf.push_str("      <tuv xml:lang=\"");
        xml::escape_attr(lang, &mut self.buf);
        self.buf.push_str("\"><seg>");
        xml::push_text(segment, &mut self.stats, &mut self.buf);
        self.buf.push_str("</seg></tuv>\n");
    }
}

impl<W: Write> PairWriter for TmxWriter<W> {
    fn write_pair(&mut self, pair: &PairRecordV1) -> Result<(), ExportError> {
        self.buf.clear();
        self.buf.push_str("    <tu");
        let (id, removed) = xml::strip_illegal(&pair.id);
        self.stats.illegal_xml_chars_removed += removed;
        if !id.is_empty() {
            self.buf.push_str(" tuid=\"");
            xml::escape_attr(&id, &mut self.buf);
            self.buf.push('"');
        }
        if let Some(date) = &self.creation_date {
            self.buf.push_str(" creationdate=\"");
            xml::escape_attr(date, &mut self.buf);
            self.buf.push('"');
        }
        self.buf.push_str(">\n");
        meta::for_each_field(pair, |name, value| self.prop(name, value));
        let src_lang = self.src_lang.clone();
        let tgt_lang = self.tgt_lang.clone();
        let (src, tgt) = meta::sides(pair, &src_lang, &tgt_lang);
        self.tuv(&src_lang, src);
        self.tuv(&tgt_lang, tgt);
        self.buf.push_str("    </tu>\n");
        self.out.write_all(self.buf.as_bytes())?;
        Ok(())
    }

    fn finish(&mut self) -> Result<(), ExportError> {
        self.out.write_all(b"  </body>\n</tmx>\n")?;
        self.out.flush()?;
        Ok(())
    }

    fn stats(&self) -> WriteStats {
        self.stats
    }
}

/// Inline elements whose content is native code, not text.
const CODE_ELEMENTS: [&str; 6] = ["bpt", "ept", "ph", "it", "ut", "sub"];

/// Reads the `<tu>`s of a TMX document one at a time (memory bounded by
/// the largest `<tu>`).
///
/// The source side is the `<tuv>` whose language is the header's
/// `srclang` (the options' source language when it is `*all*`); the
/// target side is the `<tuv>` in the options' target language, else the
/// first other one. A missing side reads as empty (the filters then
/// reject the pair as `empty`). Text inside `<hi>` is kept; the content
/// of `<bpt>`, `<ept>`, `<ph>`, `<it>`, `<ut>` and `<sub>` is native code
/// and is dropped. A DTD, an entity declaration or an entity other than
/// the five predefined ones is refused.
#[derive(Debug)]
pub struct TmxReader<R: BufRead> {
    input: XmlInput<R>,
    options: FormatOptions,
    header_src: Option<String>,
    seen_root: bool,
    done: bool,
}

impl<R: BufRead> TmxReader<R> {
    /// A reader on `input`.
    pub fn new(input: R, options: &FormatOptions) -> TmxReader<R> {
        TmxReader {
            input: XmlInput::new(input),
            options: options.clone(),
            header_src: None,
            seen_root: false,
            done: false,
        }
    }

    fn read_tu(
        &mut self,
        attrs: &[(String, String)],
    ) -> Result<PairRecordV1, ExportError> {
        let tu_line = self.input.line();
        let tuid = xml::attr(attrs, "tuid").map(str::to_string);
        let mut props: Vec<(String, String)> = Vec::new();
        let mut tuvs: Vec<(String, String)> = Vec::new();
        let mut lang = String::new();
        let mut text = String::new();
        let mut prop_type: Option<String> = None;
        let mut in_seg = false;
        let mut code_depth = 0usize;
        loop {
            match self.input.next()? {
                XmlEvent::Start { name, attrs } => {
                    if in_seg {
                        if CODE_ELEMENTS.contains(&name.as_str()) {
                            code_depth += 1;
                        }
                        continue;
                    }
                    match name.as_str() {
                        "prop" => {
                            text.clear();
                            prop_type = Some(
                                xml::attr(&attrs, "type")
                                    .unwrap_or("")
                                    .to_string(),
                            );
                        }
                        "tuv" => {
                            lang = xml::attr(&attrs, "xml:lang")
                                .or_else(|| xml::attr(&attrs, "lang"))
                                .map(xml::primary_subtag)
                                .unwrap_or_default();
                        }
                        "seg" => {
                            text.clear();
                            in_seg = true;
                        }
                        "tu" => {
                            return Err(ExportError::xml("<tu> inside <tu>")
                                .at_line(self.input.line()));
                        }
                        _ => {}
                    }
                }
                XmlEvent::End { name } => {
                    if in_seg {
                        if name == "seg" {
                            in_seg = false;
                            tuvs.push((
                                lang.clone(),
                                std::mem::take(&mut text),
                            ));
                        } else if CODE_ELEMENTS.contains(&name.as_str()) {
                            code_depth = code_depth.saturating_sub(1);
                        }
                        continue;
                    }
                    match name.as_str() {
                        "prop" => {
                            if let Some(kind) = prop_type.take() {
                                props.push((kind, std::mem::take(&mut text)));
                            }
                        }
                        "tu" => break,
                        _ => {}
                    }
                }
                XmlEvent::Text(chunk) => {
                    if (in_seg && code_depth == 0) || prop_type.is_some() {
                        text.push_str(&chunk);
                    }
                }
                XmlEvent::Eof => {
                    return Err(ExportError::xml(
                        "the file ends inside a <tu> (truncated?)",
                    )
                    .at_line(self.input.line()));
                }
            }
        }
        self.build(tuid, &props, tuvs).map_err(|err| err.at_line(tu_line))
    }

    fn build(
        &self,
        tuid: Option<String>,
        props: &[(String, String)],
        tuvs: Vec<(String, String)>,
    ) -> Result<PairRecordV1, ExportError> {
        let src_lang = self
            .header_src
            .clone()
            .unwrap_or_else(|| self.options.src_lang.clone());
        let mut src = None;
        let mut tgt: Option<(String, String)> = None;
        for (lang, seg) in tuvs {
            if lang == src_lang && src.is_none() {
                src = Some(seg);
            } else if lang != src_lang {
                let preferred = lang == self.options.tgt_lang;
                let replace = match &tgt {
                    None => true,
                    Some((held, _)) => {
                        preferred && *held != self.options.tgt_lang
                    }
                };
                if replace {
                    tgt = Some((lang, seg));
                }
            }
        }
        let (tgt_lang, tgt) = tgt.unwrap_or_else(|| {
            let lang = if self.options.tgt_lang != src_lang {
                self.options.tgt_lang.clone()
            } else {
                self.options.src_lang.clone()
            };
            (lang, String::new())
        });
        let mut pair =
            meta::new_pair(&src_lang, src.unwrap_or_default(), &tgt_lang, tgt);
        for (kind, value) in props {
            if let Some(name) = kind.strip_prefix("x-") {
                meta::set_field(&mut pair, name, value)?;
            }
        }
        pair.id = match tuid {
            Some(id) => id,
            None if !pair.idx.is_empty() => pair_id(&pair.doc, &pair.idx),
            None => String::new(),
        };
        Ok(pair)
    }

    fn next_pair(&mut self) -> Result<Option<PairRecordV1>, ExportError> {
        loop {
            match self.input.next()? {
                XmlEvent::Start { name, attrs } => match name.as_str() {
                    "tmx" => self.seen_root = true,
                    "header" => {
                        self.header_src = xml::attr(&attrs, "srclang")
                            .filter(|lang| *lang != "*all*")
                            .map(xml::primary_subtag);
                    }
                    "tu" => return self.read_tu(&attrs).map(Some),
                    _ => {}
                },
                XmlEvent::End { .. } | XmlEvent::Text(_) => {}
                XmlEvent::Eof => {
                    if !self.seen_root {
                        return Err(ExportError::xml(
                            "no <tmx> element: not a TMX file",
                        )
                        .at_line(self.input.line()));
                    }
                    return Ok(None);
                }
            }
        }
    }
}

impl<R: BufRead> Iterator for TmxReader<R> {
    type Item = Result<PairRecordV1, ExportError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        xml::fuse(self.next_pair(), &mut self.done)
    }
}
