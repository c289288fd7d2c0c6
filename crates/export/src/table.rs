//! The column layout shared by TSV and CSV: a header line naming the two
//! languages and the metadata columns, or no header and `src, tgt[, doc]`.

use tarjama_record::{PairRecordV1, pair_id};

use crate::error::ExportError;
use crate::meta;

/// The metadata columns written after the two segment columns.
pub(crate) const META_COLUMNS: [&str; 7] =
    ["id", "doc", "block", "role", "score", "idx", "flags"];

/// The header row for a `src`/`tgt` language pair.
pub(crate) fn header(src_lang: &str, tgt_lang: &str) -> Vec<String> {
    let mut row = vec![src_lang.to_string(), tgt_lang.to_string()];
    row.extend(META_COLUMNS.iter().map(|c| c.to_string()));
    row
}

/// The cells of one row, in [`header`] order.
pub(crate) fn row(
    pair: &PairRecordV1,
    src_lang: &str,
    tgt_lang: &str,
) -> [String; 9] {
    let (src, tgt) = meta::sides(pair, src_lang, tgt_lang);
    [
        src.to_string(),
        tgt.to_string(),
        pair.id.clone(),
        pair.doc.clone(),
        pair.block.to_string(),
        pair.role.as_str().to_string(),
        meta::format_score(pair.score),
        meta::format_idx_map(&pair.idx),
        meta::format_flags(&pair.flags),
    ]
}

fn is_lang_code(text: &str) -> bool {
    (2..=3).contains(&text.len())
        && text.bytes().all(|b| b.is_ascii_lowercase())
}

/// Where each field is in a row.
#[derive(Clone, Debug)]
pub(crate) struct Columns {
    src_lang: String,
    tgt_lang: String,
    /// Column index of each of [`META_COLUMNS`], when present.
    meta: [Option<usize>; 7],
}

impl Columns {
    /// The layout a header row describes: two language codes, then any of
    /// the known metadata columns. `None` when the row is not a header.
    pub(crate) fn from_header<'a>(
        mut cells: impl Iterator<Item = &'a str>,
    ) -> Option<Columns> {
        let src_lang = cells.next()?.trim();
        let tgt_lang = cells.next()?.trim();
        if !is_lang_code(src_lang) || !is_lang_code(tgt_lang) {
            return None;
        }
        let mut meta = [None; 7];
        for (n, cell) in cells.enumerate() {
            let position =
                META_COLUMNS.iter().position(|c| *c == cell.trim())?;
            if let Some(slot) = meta.get_mut(position) {
                *slot = Some(n + 2);
            }
        }
        Some(Columns {
            src_lang: src_lang.to_string(),
            tgt_lang: tgt_lang.to_string(),
            meta,
        })
    }

    /// The layout of a file without a header: `src, tgt[, doc]`.
    pub(crate) fn headerless(src_lang: &str, tgt_lang: &str) -> Columns {
        Columns {
            src_lang: src_lang.to_string(),
            tgt_lang: tgt_lang.to_string(),
            meta: [None, Some(2), None, None, None, None, None],
        }
    }

    /// Builds a record from a row; `cell(i)` gives column `i` (already
    /// unescaped), `None` past the end of the row.
    pub(crate) fn record(
        &self,
        n_cells: usize,
        cell: impl Fn(usize) -> Option<String>,
    ) -> Result<PairRecordV1, ExportError> {
        if n_cells < 2 {
            return Err(ExportError::malformed(format!(
                "expected at least 2 columns ({} and {}), found {n_cells}",
                self.src_lang, self.tgt_lang
            )));
        }
        let src = cell(0).unwrap_or_default();
        let tgt = cell(1).unwrap_or_default();
        let mut pair =
            meta::new_pair(&self.src_lang, src, &self.tgt_lang, tgt);
        let get = |which: usize| -> String {
            self.meta
                .get(which)
                .copied()
                .flatten()
                .and_then(&cell)
                .unwrap_or_default()
        };
        pair.doc = get(1);
        pair.block = meta::parse_block(&get(2))?;
        pair.role = meta::parse_role(&get(3))?;
        pair.score = meta::parse_score(&get(4))?;
        pair.idx = meta::parse_idx_map(&get(5))?;
        pair.flags = meta::parse_flags(&get(6));
        pair.id = get(0);
        if pair.id.is_empty() && !pair.idx.is_empty() {
            pair.id = pair_id(&pair.doc, &pair.idx);
        }
        Ok(pair)
    }
}
